"""Run an uninstall plan step by step, saved before and after each step so it can resume.

The state file (platformdirs' state folder) holds the plan and each step's outcome; it is
written atomically before a step starts and after it ends, so a crash, `kill -9` or a
reboot resumes at the step that was running (vendor uninstallers are safe to run again:
Windows Installer answers 1605 for a product that is already gone). Every command goes to
the hash-chained audit log. On a snapshot or in demo mode the executor is simulated: it
runs nothing and says so. The GUI answers "ask the user" with a dialog; the CLI answers
from its flags or stops with a clear message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from core import audit_log
from core.atomic import write_text_atomic
from core.errors import SwitchoverError
from core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from core.uninstall.plan import ProtectionAfter, Step, UninstallPlan

STATE_FORMAT = "switchover-uninstall-state"
OUTPUT_TAIL = 4096
MSI_CODES = {
    0: ("done", "finished"),
    1605: ("done", "the product was already removed"),
    1641: ("needs-reboot", "finished; Windows Installer started a restart"),
    3010: ("needs-reboot", "finished; a restart completes the removal"),
    1602: ("failed", "the removal was cancelled in the uninstaller"),
    1603: ("failed", "Windows Installer reported a fatal error (1603); try Kaspersky's "
                     "removal tool"),
    1618: ("failed", "another installation is running; try again when it has finished"),
}


@dataclass
class StepState:
    status: str = "waiting"
    exit_code: int | None = None
    detail: str = ""
    started: str | None = None
    finished: str | None = None
    boot_time: float | None = None


@dataclass
class RunState:
    plan: UninstallPlan
    simulated: bool
    states: dict[str, StepState] = field(default_factory=dict)
    created: str = ""
    source: str = ""  # "this computer", or the demo/snapshot it was planned for

    def complete(self, step: Step) -> bool:
        """Done, skipped, or a removal that finished and only waits for the restart."""
        status = self.states[step.id].status
        return status in ("done", "skipped") or (step.kind == "remove"
                                                 and status == "needs-reboot")

    @property
    def finished(self) -> bool:
        return all(self.complete(s) for s in self.plan.steps)

    def next_step(self) -> Step | None:
        return next((s for s in self.plan.steps if not self.complete(s)), None)


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


Ask = Callable[[Step], "str | None"]  # "done", "skip", or None when nobody can answer
Verify = Callable[[], tuple[bool, str]]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _boot_time() -> float:
    import psutil

    return float(psutil.boot_time())


# --- persistence -----------------------------------------------------------------------

def _plan_to_dict(plan: UninstallPlan) -> dict[str, Any]:
    return {"platform": plan.platform, "notes": list(plan.notes),
            "protection_after": asdict(plan.protection_after),
            "steps": [asdict(s) for s in plan.steps]}


def _plan_from_dict(data: dict[str, Any]) -> UninstallPlan:
    steps = tuple(Step(**{**s, "args": tuple(s["args"]), "checks": tuple(s["checks"])})
                  for s in data["steps"])
    return UninstallPlan(data["platform"], steps, ProtectionAfter(**data["protection_after"]),
                         tuple(data["notes"]))


def save_state(state: RunState, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"format": STATE_FORMAT, "version": 1, "created": state.created,
           "simulated": state.simulated, "source": state.source,
           "plan": _plan_to_dict(state.plan),
           "states": {k: asdict(v) for k, v in state.states.items()}}
    write_text_atomic(path, json.dumps(doc, indent=1, ensure_ascii=False) + "\n", mode=0o600)


def load_state(path: Path) -> RunState | None:
    """A run in progress, or None; an unreadable file is an error, never ignored silently."""
    if not path.is_file():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != STATE_FORMAT:
            raise ValueError("not an uninstall state file")
        plan = _plan_from_dict(doc["plan"])
        states = {k: StepState(**v) for k, v in doc["states"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SwitchoverError(f"The saved uninstall progress in {path} cannot be read ({exc}); "
                              "move it away to start over.") from None
    return RunState(plan, bool(doc.get("simulated")), states, str(doc.get("created", "")),
                    str(doc.get("source", "")))


def new_state(plan: UninstallPlan, simulated: bool, source: str = "") -> RunState:
    return RunState(plan, simulated, {s.id: StepState() for s in plan.steps}, _now(), source)


def revalidate(state: RunState, fresh: UninstallPlan, installed: set[str]) -> RunState:
    """Check a saved run against what Switchover would plan for this machine now.

    The state file lives in the user's folder, so nothing in it is trusted: a step that is
    still to run must appear, command for command, in the fresh plan, or the run stops.
    A product that is no longer installed (its uninstaller may have finished and deleted
    itself just before a crash) counts as done instead of failing forever.
    """
    planned = {step.id: step for step in fresh.steps}
    for step in state.plan.steps:
        entry = state.states[step.id]
        if state.complete(step) or step.kind not in ("remove", "manual"):
            continue
        if step.product_id and step.product_id not in installed:
            entry.status, entry.detail = "done", "no longer installed"
            continue
        twin = planned.get(step.id)
        if step.kind == "remove" and (twin is None or twin.argv != step.argv
                                      or twin.checks != step.checks):
            raise SwitchoverError("The saved uninstall does not match what Switchover plans "
                                  "for this computer now, so it is not run; start over with "
                                  "--restart (or Back in the wizard).")
    return state


# --- executors --------------------------------------------------------------------------

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
        return ExecResult(0, False, 0, "simulated: nothing was run")

    def check(self, step: Step) -> str | None:
        return None


# --- running ----------------------------------------------------------------------------

def interpret(step: Step, result: ExecResult) -> tuple[str, str]:
    """A vendor tool's exit code as a status and a sentence."""
    if result.timed_out:
        return "failed", f"did not finish within {step.timeout} s and was stopped"
    code = result.exit_code
    if code is None:
        return "failed", result.tail or "could not be started"
    if step.exit_codes == "msi" and code in MSI_CODES:
        return MSI_CODES[code]
    if code == 0:
        return "done", "finished"
    if code in (3010, 1641):
        return "needs-reboot", "finished; a restart completes the removal"
    if step.exit_codes == "package" and code in (126, 127):
        return "failed", "administrator permission was refused or is not available"
    return "failed", f"ended with code {code}"


class Runner:
    def __init__(self, state: RunState, path: Path, executor: Executor, ask: Ask,
                 verify: Verify, audit: Path, progress: ProgressCallback = no_progress,
                 cancel: CancelToken | None = None) -> None:
        self.state = state
        self.path = path
        self.executor = executor
        self.ask = ask
        self.verify = verify
        self.audit = audit
        self.progress = progress
        self.cancel = cancel or CancelToken()

    def _set(self, step: Step, status: str, detail: str = "", code: int | None = None) -> None:
        entry = self.state.states[step.id]
        entry.status, entry.detail, entry.exit_code = status, detail, code
        if status == "running":
            entry.started = _now()
        else:
            entry.finished = _now()
        save_state(self.state, self.path)

    def run(self) -> RunState:
        blocked = self.state.plan.blocked_by
        if blocked:
            raise SwitchoverError("Not started: " + "; ".join(
                f"{s.title} — {s.description}" for s in blocked))
        steps = self.state.plan.steps
        audit_log.append(self.audit, "run", simulated=self.executor.simulated,
                         steps=len(steps))
        for index, step in enumerate(steps):
            entry = self.state.states[step.id]
            if self.state.complete(step):
                continue
            self.progress(Progress("uninstalling", 0, 0, index, len(steps), step.title, None))
            self.cancel.raise_if_cancelled()  # between steps: a running uninstaller finishes
            if not self._do(step, entry):
                break
        return self.state

    def _do(self, step: Step, entry: StepState) -> bool:
        """Run one step; False when the run must stop here (failure, reboot, the user)."""
        if step.kind in ("check", "offer"):
            self._set(step, "done", "confirmed" if step.kind == "check" else "noted")
            return True
        if step.kind == "reboot":
            return self._reboot(step, entry)
        if step.kind == "manual":
            answer = self.ask(step)
            if answer in ("done", "skip"):
                self._set(step, "done" if answer == "done" else "skipped",
                          "done by hand" if answer == "done" else "skipped by you")
                return True
            self._set(step, "needs-user", step.refused or "needs you")
            return False
        if step.kind == "verify":
            ok, detail = self.verify()
            self._set(step, "done" if ok else "failed", detail)
            audit_log.append(self.audit, "verify", ok=ok, detail=audit_log.redact(detail))
            return ok
        return self._remove(step)

    def _remove(self, step: Step) -> bool:
        problem = self.executor.check(step)
        if problem:
            self._set(step, "failed", f"not run: {problem}")
            audit_log.append(self.audit, "refused", step=step.id, reason=problem)
            return False
        self._set(step, "running")
        argv = (*self.executor.elevate, *step.argv) \
            if step.needs_admin and step.exit_codes == "package" else step.argv
        result = self.executor.run(argv, step.timeout, self.cancel)
        status, detail = interpret(step, result)
        if self.executor.simulated:
            status, detail = "done", "simulated: nothing was run"
        last_line = next((line for line in reversed(result.tail.splitlines()) if line.strip()),
                         "")
        audit_log.append(self.audit, "command", step=step.id,
                         argv=[audit_log.redact(a) for a in argv],
                         exit_code=result.exit_code, timed_out=result.timed_out,
                         output_bytes=result.output_bytes,
                         last_line=audit_log.redact(last_line), simulated=self.executor.simulated)
        self._set(step, status, detail, result.exit_code)
        self.cancel.raise_if_cancelled()
        return status in ("done", "needs-reboot")

    def _reboot(self, step: Step, entry: StepState) -> bool:
        if self.executor.simulated:
            self._set(step, "done", "simulated: no restart needed")
            return True
        if entry.status == "needs-reboot" and entry.boot_time is not None \
                and _boot_time() > entry.boot_time + 1:
            self._set(step, "done", "the computer was restarted")
            return True
        entry.boot_time = entry.boot_time or _boot_time()
        self._set(step, "needs-reboot", "restart the computer, then run Switchover again")
        return False
