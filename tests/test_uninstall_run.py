"""The step runner with real programs standing in for vendor uninstallers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest
from conftest import ROOT, run_cli

from core.audit_log import verify_chain
from core.errors import Cancelled, SwitchoverError
from core.jobs import CancelToken, Progress
from core.uninstall.executors import ExecResult, RealExecutor, SimulatedExecutor, interpret
from core.uninstall.plan import ProtectionAfter, Step, UninstallPlan
from core.uninstall.run import Runner
from core.uninstall.state import load_state, new_state, save_state

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the fake uninstallers are scripts")


def tool(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!{sys.executable}\nimport os, sys, time, subprocess\n"
                    + textwrap.dedent(body), encoding="utf-8")
    path.chmod(0o755)
    return path


def remove_step(name: str, program: Path, codes: str = "generic", timeout: int = 30,
                checks: tuple[str, ...] = ()) -> Step:
    return Step(id=f"remove:{name}", kind="remove", title=f"Remove {name}",
                description="test", program=str(program), timeout=timeout, exit_codes=codes,
                may_reboot=True, checks=checks)


VERIFY = Step(id="verify", kind="verify", title="Check", description="test")


def plan_of(*steps: Step) -> UninstallPlan:
    return UninstallPlan("linux", (*steps, VERIFY), ProtectionAfter("other", "fine"))


def runner(tmp_path: Path, plan: UninstallPlan, executor=None, ask=None,  # type: ignore[no-untyped-def]
           progress=None, cancel=None, verify=None) -> Runner:
    return Runner(new_state(plan, simulated=False), tmp_path / "state.json",
                  executor or RealExecutor(), ask or (lambda _: None),
                  verify or (lambda: (True, "gone")), tmp_path / "audit.jsonl",
                  progress or (lambda _: None), cancel)


def statuses(state) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {k: v.status for k, v in state.states.items()}


def test_a_clean_run_finishes_and_logs_every_command(tmp_path: Path) -> None:
    ok = tool(tmp_path, "ok", "print('removed'); sys.exit(0)")
    state = runner(tmp_path, plan_of(remove_step("a", ok), remove_step("b", ok))).run()
    assert state.finished and statuses(state)["verify"] == "done"
    assert verify_chain(tmp_path / "audit.jsonl") == (True, "intact")
    records = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text().splitlines()]
    commands = [r for r in records if r["event"] == "command"]
    assert [r["exit_code"] for r in commands] == [0, 0]
    assert commands[0]["argv"] == [str(ok)] and commands[0]["last_line"] == "removed"


def test_a_failing_uninstaller_stops_the_run(tmp_path: Path) -> None:
    failing = tool(tmp_path, "failing", "print('error: cannot remove'); sys.exit(1)")
    ok = tool(tmp_path, "ok", "sys.exit(0)")
    state = runner(tmp_path, plan_of(remove_step("a", failing), remove_step("b", ok))).run()
    assert statuses(state)["remove:a"] == "failed"
    assert state.states["remove:a"].detail == "ended with code 1"
    assert statuses(state)["remove:b"] == "waiting", "nothing after a failure runs"
    saved = load_state(tmp_path / "state.json")
    assert saved is not None and saved.states["remove:a"].exit_code == 1


@pytest.mark.parametrize(("code", "status", "says"), [
    (0, "done", "finished"), (1605, "done", "already removed"),
    (3010, "needs-reboot", "restart"), (1641, "needs-reboot", "restart"),
    (1602, "failed", "cancelled"), (1603, "failed", "fatal error (1603)"),
    (1618, "failed", "another installation"), (1, "failed", "ended with code 1"),
])
def test_windows_installer_exit_codes_are_understood(code: int, status: str, says: str) -> None:
    """Windows codes are wider than POSIX's 8-bit exit status, so they are tested here."""
    got = interpret(remove_step("a", Path("x"), "msi"), ExecResult(code, False, 0, ""))
    assert got[0] == status and says in got[1]
    assert interpret(remove_step("a", Path("x")), ExecResult(3010, False, 0, ""))[0] == \
        "needs-reboot"


def test_the_run_stops_for_a_restart_and_resumes_after_it(tmp_path: Path) -> None:
    removed = tool(tmp_path, "removed", "sys.exit(0)")
    reboot = Step(id="reboot", kind="reboot", title="Restart", description="test")
    plan = UninstallPlan("linux", (remove_step("a", removed), reboot, VERIFY),
                         ProtectionAfter("other", "fine"))
    first = runner(tmp_path, plan).run()
    assert statuses(first) == {"remove:a": "done", "reboot": "needs-reboot",
                               "verify": "waiting"}
    path = tmp_path / "state.json"
    again = Runner(load_state(path), path, RealExecutor(), lambda _: None,  # type: ignore[arg-type]
                   lambda: (True, "gone"), tmp_path / "audit.jsonl").run()
    assert statuses(again)["reboot"] == "needs-reboot", "no restart happened yet"
    saved = load_state(path)
    assert saved is not None
    saved.states["reboot"].boot_time = 0.0  # recorded before this machine's last start
    save_state(saved, path)
    done = Runner(load_state(path), path, RealExecutor(), lambda _: None,  # type: ignore[arg-type]
                  lambda: (True, "gone"), tmp_path / "audit.jsonl").run()
    assert done.finished
    audit = (tmp_path / "audit.jsonl").read_text()
    assert audit.count('"event": "command"') == 1, "the removal itself ran once"


def test_a_hanging_uninstaller_is_stopped_with_its_children(tmp_path: Path) -> None:
    hang = tool(tmp_path, "hang", f"""
        child = subprocess.Popen([{sys.executable!r}, "-c", "import time; time.sleep(60)"])
        open({str(tmp_path / 'child.pid')!r}, "w").write(str(child.pid))
        time.sleep(60)
    """)
    started = time.monotonic()
    state = runner(tmp_path, plan_of(remove_step("a", hang, timeout=2))).run()
    assert time.monotonic() - started < 15
    assert state.states["remove:a"].status == "failed"
    assert "did not finish within 2 s" in state.states["remove:a"].detail
    child = int((tmp_path / "child.pid").read_text())
    time.sleep(0.2)
    assert not psutil.pid_exists(child) or psutil.Process(child).status() == "zombie"


def test_an_uninstaller_that_prints_a_lot_is_read_without_holding_it(tmp_path: Path) -> None:
    chatty = tool(tmp_path, "chatty", """
        line = b"x" * 99 + b"\\n"
        for _ in range(200_000):
            sys.stdout.buffer.write(line)
        print("password: hunter2 finished")
    """)
    state = runner(tmp_path, plan_of(remove_step("a", chatty))).run()
    assert state.finished
    lines = (tmp_path / "audit.jsonl").read_text().splitlines()
    record = next(json.loads(line) for line in lines if '"command"' in line)
    assert record["output_bytes"] > 20_000_000
    assert "hunter2" not in (tmp_path / "audit.jsonl").read_text()
    assert record["last_line"].startswith("password=[removed]")


def test_a_program_that_fails_its_checks_is_never_started(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    tool(tmp_path, "real", f"open({str(marker)!r}, 'w')")
    step = remove_step("a", tmp_path / "missing", checks=("exists",))
    state = runner(tmp_path, plan_of(step)).run()
    assert state.states["remove:a"].status == "failed"
    assert "not run" in state.states["remove:a"].detail and not marker.exists()


def test_the_simulated_executor_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    program = tool(tmp_path, "x", f"open({str(marker)!r}, 'w')")
    state = runner(tmp_path, plan_of(remove_step("a", program)),
                   executor=SimulatedExecutor()).run()
    assert state.finished and not marker.exists()
    assert "simulated" in state.states["remove:a"].detail


def test_manual_steps_wait_for_the_user(tmp_path: Path) -> None:
    manual = Step(id="remove:x", kind="manual", title="By hand", description="kavremover",
                  refused="no entry")
    stopped = runner(tmp_path, plan_of(manual)).run()
    assert stopped.states["remove:x"].status == "needs-user"
    answered = runner(tmp_path / "b", plan_of(manual), ask=lambda _: "done").run()
    assert answered.finished


def test_cancel_stops_between_steps_and_keeps_the_rest_waiting(tmp_path: Path) -> None:
    ok = tool(tmp_path, "ok", "sys.exit(0)")
    token = CancelToken()

    def progress(p: Progress) -> None:
        if p.done_files == 1:
            token.cancel()

    run = runner(tmp_path, plan_of(remove_step("a", ok), remove_step("b", ok)),
                 progress=progress, cancel=token)
    with pytest.raises(Cancelled):
        run.run()
    saved = load_state(tmp_path / "state.json")
    assert saved is not None
    assert statuses(saved)["remove:a"] == "done" and statuses(saved)["remove:b"] == "waiting"


def test_a_blocked_plan_never_starts(tmp_path: Path) -> None:
    gate = Step(id="check:protection", kind="check", title="Protection", description="none",
                blocking=True, satisfied=False)
    with pytest.raises(SwitchoverError, match="Not started"):
        runner(tmp_path, plan_of(gate)).run()
    assert not (tmp_path / "audit.jsonl").exists()


def test_a_changed_audit_line_breaks_the_chain(tmp_path: Path) -> None:
    ok = tool(tmp_path, "ok", "sys.exit(0)")
    runner(tmp_path, plan_of(remove_step("a", ok))).run()
    log = tmp_path / "audit.jsonl"
    lines = log.read_text().splitlines()
    lines[1] = lines[1].replace('"exit_code": 0', '"exit_code": 1')
    log.write_text("\n".join(lines) + "\n")
    assert verify_chain(log) == (False, "line 2 was changed after it was written")


DRIVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from core.uninstall.plan import ProtectionAfter, Step, UninstallPlan
    from core.uninstall.executors import RealExecutor
    from core.uninstall.run import Runner
    from core.uninstall.state import load_state, new_state
    folder = Path(sys.argv[2])
    steps = tuple(Step(id=f"remove:{n}", kind="remove", title=n, description="",
                       program=str(folder / n), timeout=60) for n in ("a", "b", "c"))
    plan = UninstallPlan("linux", (*steps, Step(id="verify", kind="verify", title="v",
                                                description="")),
                         ProtectionAfter("other", "fine"))
    path = folder / "state.json"
    state = load_state(path) or new_state(plan, False)
    Runner(state, path, RealExecutor(), lambda _: None, lambda: (True, "gone"),
           folder / "audit.jsonl").run()
""")


def test_kill_9_during_a_step_resumes_at_that_step(tmp_path: Path) -> None:
    counter = tmp_path / "counter"
    for name in ("a", "c"):
        tool(tmp_path, name, f"open({str(tmp_path / name)!r} + '.ran', 'a').write('x')")
    tool(tmp_path, "b", f"""
        open({str(counter)!r}, "a").write("run\\n")
        time.sleep(0 if len(open({str(counter)!r}).read().split()) > 1 else 30)
    """)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(driver), str(ROOT), str(tmp_path)])
    deadline = time.monotonic() + 30
    while not counter.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    saved = load_state(tmp_path / "state.json")
    assert saved is not None and saved.states["remove:b"].status == "running"
    for child in psutil.process_iter(["cmdline"]):  # the orphaned uninstaller, if still there
        if str(tmp_path / "b") in " ".join(child.info["cmdline"] or []):
            child.kill()
    done = subprocess.run([sys.executable, str(driver), str(ROOT), str(tmp_path)],
                          timeout=60, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    final = load_state(tmp_path / "state.json")
    assert final is not None and final.finished
    assert counter.read_text().split() == ["run", "run"], "the interrupted step ran again"
    assert (tmp_path / "a.ran").read_text() == "x", "the finished step did not"
    assert verify_chain(tmp_path / "audit.jsonl")[0]


def test_cli_runs_a_demo_simulated_and_starts_afresh_afterwards(tmp_path: Path) -> None:
    env = {"SWITCHOVER_STATE_DIR": str(tmp_path)}
    args = ("uninstall", "--demo", "windows-total-security", "--yes", "--json",
            "--backup-done", "--confirm", "vault", "--confirm", "password-manager",
            "--confirm", "backup-tasks")
    done = run_cli(*args, env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["simulated"] and data["outcome"] == "done"
    assert all(s["status"] in ("done", "skipped") for s in data["steps"])
    assert list(tmp_path.glob("uninstall-simulated-*.done.json"))
    blocked = run_cli("uninstall", "--demo", "windows-total-security", "--yes", env=env)
    assert blocked.returncode == 4 and "Not started" in blocked.stderr  # waits for a person


def test_a_machine_without_kaspersky_has_nothing_to_remove_and_keeps_no_state(
        tmp_path: Path) -> None:
    done = run_cli("uninstall", "--demo", "windows-clean-defender", "--yes",
                   env={"SWITCHOVER_STATE_DIR": str(tmp_path / "state")})
    assert done.returncode == 0 and "nothing to remove" in done.stdout
    assert not (tmp_path / "state").exists()
