"""The migration engine's rules, without Qt, and the three faces agreeing on them.

`uninstall`, `migrate` and the wizard all run removals through core/migration/engine.py;
these tests hold the rules a user notices: which saved run is picked up again, the exit
code of each outcome, how administrator rights are asked for on each system, and that a
backup made before a restart is remembered after it.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import run_cli

from core.backup.archive import BackupOptions
from core.backup.plan import BackupChoices, plan_backup
from core.exit_codes import ExitCode
from core.machine.source import MachineRef
from core.migration.engine import Outcome, RemovalEngine, RemovalResult
from core.uninstall.elevation import Asking, elevation
from core.uninstall.plan import Answers
from core.uninstall.state import load_state

TOTAL = MachineRef(demo="windows-total-security")
ALL_CONFIRMED = Answers(backup_done=True, confirmed=frozenset(
    {"vault", "password-manager", "backup-tasks"}))


def engine(tmp_path: Path, machine: MachineRef = TOTAL) -> RemovalEngine:
    return RemovalEngine(machine, tmp_path / "state", Asking.UNATTENDED)


def test_an_unfinished_run_is_resumed_only_for_the_machine_it_was_planned_for(
        tmp_path: Path) -> None:
    saved = engine(tmp_path)
    prepared = saved.prepare(ALL_CONFIRMED)
    from core.uninstall.state import new_state, save_state

    save_state(new_state(prepared.plan, True, TOTAL.source), saved.state_path)
    assert saved.prepare(ALL_CONFIRMED).resumed
    other = engine(tmp_path, MachineRef(demo="windows-kaspersky-plus-vpn"))
    assert other.saved_run() is None and not other.prepare(ALL_CONFIRMED).resumed
    assert not saved.prepare(ALL_CONFIRMED, restart=True).resumed


def test_a_finished_run_is_kept_for_the_record_and_never_resumed(tmp_path: Path) -> None:
    run = engine(tmp_path)
    result = run.run(run.prepare(ALL_CONFIRMED))
    assert result.outcome == Outcome.DONE and result.exit_code == ExitCode.OK
    assert not run.state_path.exists() and run.saved_run() is None
    kept = list((tmp_path / "state").glob("uninstall-simulated-*.done.json"))
    assert len(kept) == 1 and load_state(kept[0]) is not None


def test_a_machine_without_kaspersky_gets_nothing_to_remove_and_no_saved_state(
        tmp_path: Path) -> None:
    clean = engine(tmp_path, MachineRef(demo="windows-clean-defender"))
    result = clean.run(clean.prepare(Answers()))
    assert result.outcome == Outcome.NOTHING_TO_REMOVE and result.exit_code == ExitCode.OK
    assert not (tmp_path / "state").exists()


def test_a_removal_that_leaves_the_machine_unprotected_is_exit_4(tmp_path: Path) -> None:
    linux = engine(tmp_path, MachineRef(demo="linux-kesl"))
    answers = Answers(backup_done=True, accept_unprotected=True,
                      confirmed=frozenset({"backup-tasks"}))
    result = linux.run(linux.prepare(answers))
    assert result.outcome == Outcome.DONE and not result.protected
    assert result.exit_code == ExitCode.REMAINS


@pytest.mark.parametrize(("outcome", "protected", "code"), [
    (Outcome.DONE, True, 0), (Outcome.DONE, False, 4), (Outcome.PLANNED, True, 0),
    (Outcome.PLANNED, False, 4), (Outcome.NOTHING_TO_REMOVE, True, 0),
    (Outcome.NEEDS_REBOOT, False, 0), (Outcome.NEEDS_USER, True, 4),
    (Outcome.BLOCKED, True, 4), (Outcome.SOMETHING_REMAINS, True, 4),
    (Outcome.FAILED, True, 1)])
def test_one_exit_code_table_the_readmes(tmp_path: Path, outcome: Outcome, protected: bool,
                                         code: int) -> None:
    plan = engine(tmp_path).prepare(ALL_CONFIRMED).plan
    assert RemovalResult(outcome, protected, "", plan).exit_code == code


def test_administrator_rights_one_strategy_per_system() -> None:
    assert elevation("windows", Asking.DESKTOP, is_root=False) == ()
    assert elevation("macos", Asking.TERMINAL, is_root=False) == ()
    assert elevation("linux", Asking.DESKTOP, is_root=False) == ("/usr/bin/pkexec",)
    assert elevation("linux", Asking.TERMINAL, is_root=False) == ("/usr/bin/sudo",)
    # Nobody will type a password into an unattended run: fail at once instead of waiting.
    assert elevation("linux", Asking.UNATTENDED, is_root=False) == ("/usr/bin/sudo", "-n")
    assert elevation("linux", Asking.DESKTOP, is_root=True) == ()


def test_a_backup_made_before_the_restart_is_remembered_after_it(tmp_path: Path) -> None:
    docs = tmp_path / "Documents"
    docs.mkdir()
    (docs / "letter.txt").write_text("keep me\n")
    first = engine(tmp_path)
    scan = first.scan()
    plan = plan_backup(scan.detection, BackupChoices(folders=(str(docs),)))
    result = first.back_up(plan, str(tmp_path / "backups"),
                           BackupOptions(live=False, create_folder="last"))
    after_restart = engine(tmp_path)
    assert after_restart.recorded_backup() == {
        "archive": result.archive, "files": result.files, "bytes": result.bytes, "skipped": 0}
    assert engine(tmp_path, MachineRef(demo="linux-kesl")).recorded_backup() is None


def test_uninstall_and_migrate_agree_that_a_waiting_step_is_exit_4(tmp_path: Path) -> None:
    """The same demo, the same unanswered confirmation, through both command-line faces."""
    uninstall = run_cli("uninstall", "--demo", "windows-total-security", "--yes",
                        "--backup-done", "--json")
    assert uninstall.returncode == 4, uninstall.stderr
    assert json.loads(uninstall.stdout)["outcome"] == "blocked"
    policy = tmp_path / "policy.toml"
    policy.write_text(textwrap.dedent("""
        [backup]
        required = false
        [protection]
        expected = "any"
    """))
    migrate = run_cli("migrate", "--unattended", "--policy", str(policy), "--demo",
                      "windows-total-security", "--json")
    assert migrate.returncode == 4, migrate.stderr
    assert json.loads(migrate.stdout)["outcome"] == "blocked"
