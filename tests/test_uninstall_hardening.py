"""Attacks and accidents found in review: each once got past the uninstaller's rules."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import run_cli

from core import audit_log
from core.detect.detection import detect
from core.detect.findings import UninstallEntry
from core.errors import Cancelled, SwitchoverError
from core.jobs import CancelToken, Progress
from core.machine.demo import load_demo
from core.machine.snapshot_read import load_snapshot
from core.uninstall.executors import RealExecutor, signer_matches
from core.uninstall.plan import Answers, ProtectionAfter, Step, UninstallPlan, plan_uninstall
from core.uninstall.run import Runner
from core.uninstall.state import load_state, new_state, revalidate, save_state

KTS = "kaspersky-total-security"


def _with_entry(entry: UninstallEntry, install: str | None = None):  # type: ignore[no-untyped-def]
    snapshot = load_demo("windows-total-security")
    detection = detect(snapshot)
    product = next(p for p in detection.products if p.id == KTS)
    changed = product._replace(uninstall_entries=(entry,),
                               install_paths=(install,) if install else product.install_paths)
    hostile = detection._replace(products=(changed,))
    plan = plan_uninstall(snapshot, hostile, answers=Answers(skip_backup=True))
    return next(s for s in plan.steps if s.product_id == KTS)


def _entry(key: str, command: str | None, msi: bool = False) -> UninstallEntry:
    return UninstallEntry(key=key, display_name="Kaspersky Total Security", version="21.3",
                          publisher="AO Kaspersky Lab", install_location="C:\\",
                          uninstall_string=command, quiet_uninstall_string=None,
                          windows_installer=msi)


HKCU = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Uninstall\KTS"
HKLM = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\KTS"


def test_a_per_user_entry_is_never_run_even_if_it_claims_everything() -> None:
    step = _with_entry(_entry(HKCU, r'"C:\Tools\setup.exe" /x'), "C:\\")
    assert step.kind == "manual" and "user's part of the registry" in (step.refused or "")


@pytest.mark.parametrize("install", ["C:\\", r"C:\Windows\System32", r"C:\ProgramData\K",
                                     r"C:\Documents and Settings\bob\Desktop", "C:/"])
def test_an_entry_cannot_widen_trust_with_its_own_install_folder(install: str) -> None:
    program = install.rstrip("\\/") + r"\setup.exe"
    step = _with_entry(_entry(HKLM, f'"{program}" /x'), install)
    assert step.kind == "manual"


def test_alternate_data_streams_are_refused() -> None:
    folder = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.3"
    step = _with_entry(_entry(HKLM, f'"{folder}\\setup.exe:ads.exe" /x'), folder)
    assert step.kind == "manual" and "hidden stream" in (step.refused or "")


def test_a_product_code_from_a_user_key_is_not_trusted() -> None:
    office = "{90160000-008C-0000-1000-0000000FF1CE}"
    step = _with_entry(_entry(HKCU.replace("KTS", office), f"MsiExec.exe /X{office}", True))
    assert step.kind == "manual"
    machine = _with_entry(_entry(HKLM.replace("KTS", office), f"MsiExec.exe /X{office}", True))
    assert machine.kind == "remove" and f"msi-product:{office}" in machine.checks


def test_signer_names_must_match_exactly() -> None:
    good = "CN=AO Kaspersky Lab, O=AO Kaspersky Lab, L=Moscow, C=RU"
    assert signer_matches(good, "AO Kaspersky Lab")
    assert not signer_matches("CN=x, O=Not Kaspersky Lab Ltd", "AO Kaspersky Lab")
    assert not signer_matches("CN=AO Kaspersky Lab, O=Evil", "AO Kaspersky Lab")


def _plan(*steps: Step) -> UninstallPlan:
    return UninstallPlan("linux", steps, ProtectionAfter("other", "fine"))


def test_a_tampered_state_file_is_not_run(tmp_path: Path) -> None:
    honest = Step(id=f"remove:{KTS}", kind="remove", title="x", description="",
                  program="/usr/bin/apt-get", args=("remove", "-y", "kesl"), product_id=KTS)
    evil = honest.__class__(**{**honest.__dict__, "program": "/usr/bin/touch",
                               "args": (str(tmp_path / "pwned"),)})
    saved = new_state(_plan(evil), simulated=False)
    save_state(saved, tmp_path / "state.json")
    loaded = load_state(tmp_path / "state.json")
    assert loaded is not None
    with pytest.raises(SwitchoverError, match="does not match"):
        revalidate(loaded, _plan(honest), {KTS})
    assert not (tmp_path / "pwned").exists()


def test_a_product_that_is_gone_on_resume_counts_as_done() -> None:
    step = Step(id=f"remove:{KTS}", kind="remove", title="x", description="",
                program="/nowhere/uninstall", product_id=KTS)
    state = new_state(_plan(step), simulated=False)
    state.states[step.id].status = "running"
    revalidate(state, _plan(), installed=set())
    assert state.states[step.id].status == "done"
    assert state.states[step.id].detail == "no longer installed"


@pytest.mark.skipif(os.name != "posix", reason="the stand-in uninstaller is a script")
def test_cancel_lets_a_running_uninstaller_finish(tmp_path: Path) -> None:
    slow = tmp_path / "slow"
    slow.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(1.5)\n")
    slow.chmod(0o755)
    steps = [Step(id=f"remove:{n}", kind="remove", title=n, description="",
                  program=str(slow)) for n in ("a", "b")]
    token = CancelToken()

    def progress(p: Progress) -> None:
        if p.done_files == 0:
            threading.Timer(0.3, token.cancel).start()

    runner = Runner(new_state(_plan(*steps), False), tmp_path / "s.json", RealExecutor(),
                    lambda _s: None, lambda: (True, ""), tmp_path / "audit.jsonl",
                    progress, token)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        runner.run()
    assert time.monotonic() - started >= 1.4
    saved = load_state(tmp_path / "s.json")
    assert saved is not None and saved.states["remove:a"].status == "done"
    assert saved.states["remove:b"].status == "waiting"


def test_a_step_waiting_for_the_user_exits_4(tmp_path: Path) -> None:
    machine = "tests/machines/hkcu-security-cloud-free.json"
    snapshot = load_snapshot(machine)
    plan = plan_uninstall(snapshot, detect(snapshot), answers=Answers(skip_backup=True))
    assert any(s.kind == "manual" for s in plan.steps)
    done = run_cli("uninstall", "--snapshot", machine, "--yes", "--skip-backup", "--json",
                   "--confirm", "vault")
    data = json.loads(done.stdout)
    assert data["outcome"] == "needs-user" and done.returncode == 4


def test_a_saved_demo_run_is_not_resumed_for_another_machine(tmp_path: Path) -> None:
    first = run_cli("uninstall", "--snapshot", "tests/machines/hkcu-security-cloud-free.json",
                    "--yes", "--skip-backup", "--json", "--confirm", "vault")
    assert json.loads(first.stdout)["outcome"] == "needs-user"
    other = run_cli("uninstall", "--demo", "linux-kesl", "--yes", "--skip-backup", "--json",
                    "--accept-unprotected")
    data = json.loads(other.stdout)
    assert any(s["argv"][:1] == ["/usr/bin/apt-get"] for s in data["steps"])


def test_a_damaged_audit_line_never_stops_logging(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    audit_log.append(log, "run")
    with open(log, "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    audit_log.append(log, "command", argv=["x"])
    ok, why = audit_log.verify_chain(log)
    assert not ok and "line 2" in why
    assert audit_log.redact("KLPASSWD=secret1 uninstall_password='a b'") == \
        "KLPASSWD=[removed] uninstall_password=[removed]"
