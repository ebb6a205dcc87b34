"""Who runs an uninstall step: the real executor, or the simulated one for demos.

The real one starts programs as argument lists (never a shell), with a timeout, a capped
output tail, and the checks a step carries (the file exists, its signature is the
vendor's) done first. The simulated one, for snapshots and demo mode, runs nothing and
says so. `Executor` is the contract both keep; tests/test_executor_contract.py runs the
same checks against each.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from core.jobs import CancelToken
from core.language.translate import mark, tr
from core.uninstall.plan import Step
from core.uninstall.states import StepStatus

OUTPUT_TAIL = 4096
MSI_CODES = {
    0: (StepStatus.DONE, mark("finished")),
    1605: (StepStatus.DONE, mark("the product was already removed")),
    1641: (StepStatus.NEEDS_REBOOT, mark("finished; Windows Installer started a restart")),
    3010: (StepStatus.NEEDS_REBOOT, mark("finished; a restart completes the removal")),
    1602: (StepStatus.FAILED, mark("the removal was cancelled in the uninstaller")),
    1603: (StepStatus.FAILED, mark("Windows Installer reported a fatal error (1603); try "
                              "Kaspersky's removal tool")),
    1618: (StepStatus.FAILED, mark("another installation is running; try again when it has "
                              "finished")),
}


@dataclass(frozen=True)
class ExecResult:
    exit_code: int | None
    timed_out: bool
    output_bytes: int
    tail: str


class Executor(Protocol):
    simulated: bool
    elevate: tuple[str, ...]  # e.g. ("/usr/bin/sudo",) before package-manager steps

    def run(self, argv: tuple[str, ...], timeout: float, cancel: CancelToken) -> ExecResult: ...

    def check(self, step: Step) -> str | None: ...


class RealExecutor:
    """Starts programs as argument lists (never a shell), with a timeout and a capped tail."""

    simulated = False

    def __init__(self, elevate: tuple[str, ...] = ()) -> None:
        self.elevate = elevate

    def run(self, argv: tuple[str, ...], timeout: float, cancel: CancelToken) -> ExecResult:
        try:
            proc = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT)
        except OSError as exc:
            return ExecResult(None, False, 0, f"could not start: {exc.strerror}")
        counted = [0]
        tail = bytearray()

        stream = proc.stdout
        assert stream is not None  # stdout=PIPE above

        def pump() -> None:
            for chunk in iter(lambda: stream.read(65536), b""):
                counted[0] += len(chunk)
                tail.extend(chunk)
                del tail[:-OUTPUT_TAIL]

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        deadline = time.monotonic() + timeout
        timed_out = False
        # Cancel is honoured between steps only: killing msiexec or a vendor uninstaller
        # half-way can leave the anti-virus half-removed. Only the timeout stops a step.
        while proc.poll() is None:
            if time.monotonic() > deadline:
                timed_out = True
                _kill_tree(proc.pid)
                break
            time.sleep(0.05)
        proc.wait()
        reader.join(timeout=5)
        return ExecResult(None if timed_out else proc.returncode, timed_out, counted[0],
                          tail.decode("utf-8", errors="replace"))

    def check(self, step: Step) -> str | None:
        for check in step.checks:
            problem = _run_check(check, step)
            if problem:
                return problem
        return None


def _kill_tree(pid: int) -> None:
    import psutil

    try:
        parent = psutil.Process(pid)
        for child in parent.children(recursive=True):
            child.kill()
        parent.kill()
    except psutil.Error:
        pass


def _run_check(check: str, step: Step) -> str | None:
    program = step.program or ""
    if check == "exists":
        return None if os.path.isfile(program) else f"{program} is not on this computer"
    if check.startswith("exists-path:"):
        path = check.split(":", 1)[1]
        return None if os.path.isfile(path) else f"{path} is not on this computer"
    if check.startswith("authenticode:"):
        return _authenticode(program, check.split(":", 1)[1])
    if check.startswith("codesign:"):
        _, team, path = check.split(":", 2)
        return _codesign(path, team)
    if check.startswith("msi-product:"):
        return _msi_product(check.split(":", 1)[1])
    return f"unknown check {check}"


def _authenticode(path: str, signer: str) -> str | None:
    if sys.platform == "win32":
        return _authenticode_windows(path, signer)
    return "Authenticode signatures can only be checked on Windows"


def _system32(*parts: str) -> str:
    """A Windows tool by full path: a bare name could find a planted copy first."""
    root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return os.path.join(root, "System32", *parts)


def _authenticode_windows(path: str, signer: str) -> str | None:
    """Windows' own signature check; the path travels in an environment variable, not code."""
    script = ("$s = Get-AuthenticodeSignature -LiteralPath $env:SWITCHOVER_CHECK_PATH; "
              "Write-Output ($s.Status.ToString() + '|' + $s.SignerCertificate.Subject)")
    done = subprocess.run([_system32("WindowsPowerShell", "v1.0", "powershell.exe"),
                           "-NoProfile", "-NonInteractive", "-Command", script],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "SWITCHOVER_CHECK_PATH": path}, check=False)
    status, _, subject = done.stdout.strip().partition("|")
    if status != "Valid" or not signer_matches(subject, signer):
        return f"{path} is not validly signed by {signer} ({status or 'no signature'})"
    return None


def signer_matches(subject: str, organisation: str) -> bool:
    """The certificate's O= field is exactly the organisation (not merely containing it)."""
    fields = [part.strip() for part in subject.split(",")]
    return any(f.startswith("O=") and f[2:].strip('"') == organisation for f in fields)


def _msi_product(code: str) -> str | None:
    if sys.platform == "win32":
        return _msi_product_windows(code)
    return "Windows Installer products can only be checked on Windows"


def _msi_product_windows(code: str) -> str | None:
    """Ask Windows Installer itself whether this product code is installed, and whose it is."""
    import ctypes

    size = ctypes.c_uint(512)
    buffer = ctypes.create_unicode_buffer(512)
    result = ctypes.windll.msi.MsiGetProductInfoW(code, "Publisher", buffer,  # type: ignore[attr-defined]
                                                   ctypes.byref(size))
    if result != 0:
        return f"Windows Installer does not know the product {code}"
    if "kaspersky" not in buffer.value.casefold():
        return f"the product {code} is published by {buffer.value!r}, not Kaspersky"
    return None


def _codesign(path: str, team: str) -> str | None:
    if sys.platform == "darwin":
        return _codesign_mac(path, team)
    return "code signatures can only be checked on macOS"


def _codesign_mac(path: str, team: str) -> str | None:
    """Verifies (not only displays) the signature, pinned to Kaspersky's developer team."""
    requirement = f'=anchor apple generic and certificate leaf[subject.OU] = "{team}"'
    done = subprocess.run(["/usr/bin/codesign", "--verify", "--strict", "-R", requirement,
                           path], capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        return f"{path} is not validly signed by Kaspersky's developer team {team}"
    return None


class SimulatedExecutor:
    """For snapshots and demo mode: nothing runs, and every outcome says so."""

    simulated = True
    elevate: tuple[str, ...] = ()

    def run(self, argv: tuple[str, ...], timeout: float, cancel: CancelToken) -> ExecResult:
        return ExecResult(0, False, 0, tr("simulated: nothing was run"))

    def check(self, step: Step) -> str | None:
        return None


def interpret(step: Step, result: ExecResult) -> tuple[StepStatus, str]:
    """A vendor tool's exit code as a status and a sentence."""
    if result.timed_out:
        return StepStatus.FAILED, tr("did not finish within {seconds} s and was "
                                     "stopped").format(seconds=step.timeout)
    code = result.exit_code
    if code is None:
        return StepStatus.FAILED, result.tail or tr("could not be started")
    if step.exit_codes == "msi" and code in MSI_CODES:
        status, said = MSI_CODES[code]
        return status, tr(said)
    if code == 0:
        return StepStatus.DONE, tr("finished")
    if code in (3010, 1641):
        return StepStatus.NEEDS_REBOOT, tr("finished; a restart completes the removal")
    if step.exit_codes == "package" and code in (126, 127):
        return StepStatus.FAILED, tr("administrator permission was refused or is not "
                                     "available")
    return StepStatus.FAILED, tr("ended with code {code}").format(code=code)


