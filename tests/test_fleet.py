"""Fleets: policy files, unattended migration, the fleet report, and the admin tools' files."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from core.errors import BadInput
from core.fleet.policy import load_policy

FLEET = ROOT / "packaging" / "fleet"


def policy(tmp_path: Path, text: str, name: str = "policy.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOOD = """
    [backup]
    required = true
    destination = "{dest}"
    include = ["{docs}"]
    [protection]
    expected = "defender"
    [uninstall]
    confirm = ["vault", "password-manager", "backup-tasks"]
    [report]
    directory = "{reports}"
"""


def good_policy(tmp_path: Path) -> Path:
    docs = tmp_path / "Documents"
    docs.mkdir(exist_ok=True)
    (tmp_path / "backups").mkdir(exist_ok=True)  # the share; the machine's folder is made
    (docs / "plan.txt").write_text("keep me\n")
    return policy(tmp_path, GOOD.format(dest=tmp_path / "backups" / "{hostname}",
                                        docs=docs, reports=tmp_path / "reports"))


def test_the_example_policy_is_valid() -> None:
    loaded = load_policy(FLEET / "policy.example.toml")
    assert loaded.backup_required and loaded.expected == "defender"


@pytest.mark.parametrize(("text", "says"), [
    ("[backup]\nreqiured = true\n", "unknown key backup.reqiured"),
    ("[backups]\n", "unknown section [backups]"),
    ("[backup]\nrequired = 'yes'\n", "backup.required must be a bool"),
    ("[backup]\nrequired = true\n", "names no backup.destination"),
    ("[uninstall]\nconfirm = ['everything']\n", "uninstall.confirm"),
    ("[reboot]\nbehaviour = 'now'\n", "reboot.behaviour"),
    ("not toml at all [", "not valid TOML"),
])
def test_policy_mistakes_are_named(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(BadInput, match=re.escape(says)):
        load_policy(policy(tmp_path, text))


def test_a_json_policy_works_too(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"backup": {"required": False}, "protection":
                                {"expected": "any"}}))
    assert load_policy(path).expected == "any"


def test_unattended_migration_backs_up_removes_and_reports(tmp_path: Path) -> None:
    named = tmp_path / "named" / "report.json"
    done = run_cli("migrate", "--unattended", "--policy", str(good_policy(tmp_path)),
                   "--demo", "windows-total-security", "--json", "--report", str(named))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["outcome"] == "removed" and report["backup"]["status"] == "done"
    assert run_cli("verify", report["backup"]["archive"]).returncode == 0
    # A demo machine's report never goes into the fleet's report folder under this host's
    # name: only where the user asked, marked as simulated, readable by its owner only.
    assert not (tmp_path / "reports").exists()
    written = json.loads(named.read_text())
    assert written["format"] == "switchover-machine-report" and written["exit_code"] == 0
    assert written["simulated"] is True and named.stat().st_mode & 0o777 == 0o600
    assert [s["status"] for s in written["steps"] if s["id"].startswith("remove:")] == \
        ["done", "done"]


def test_a_required_backup_that_fails_stops_before_anything_is_removed(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    path = policy(tmp_path, GOOD.format(dest=blocker / "sub", docs=tmp_path,
                                        reports=tmp_path / "reports"))
    done = run_cli("migrate", "--unattended", "--policy", str(path), "--demo",
                   "windows-total-security", "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["outcome"] == "failed" and "required backup failed" in report["message"]
    assert "steps" not in report, "no uninstall step was planned or run"


def test_a_dry_run_changes_nothing_and_flags_an_unprotected_linux(tmp_path: Path) -> None:
    done = run_cli("migrate", "--unattended", "--dry-run", "--policy",
                   str(good_policy(tmp_path)), "--demo", "linux-kesl", "--json")
    assert done.returncode == 4
    report = json.loads(done.stdout)
    assert report["outcome"] == "blocked" and report["backup"]["status"] == "planned"
    assert not any((tmp_path / "backups").iterdir())  # the share is there; nothing in it


def test_a_clean_machine_with_the_expected_protection_has_nothing_to_do(tmp_path: Path) -> None:
    done = run_cli("migrate", "--unattended", "--policy", str(good_policy(tmp_path)),
                   "--demo", "windows-clean-defender", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["outcome"] == "nothing-to-do"
    other = policy(tmp_path, "[backup]\nrequired = false\n[protection]\nexpected = "
                             "'bitdefender'\n", "bd.toml")
    unmet = run_cli("migrate", "--unattended", "--policy", str(other), "--demo",
                    "windows-clean-defender", "--json")
    assert unmet.returncode == 4 and "expects bitdefender" in json.loads(unmet.stdout)["message"]


def test_migrate_without_unattended_is_refused(tmp_path: Path) -> None:
    done = run_cli("migrate", "--policy", str(good_policy(tmp_path)))
    assert done.returncode == 2 and "--unattended" in done.stderr


def test_fleet_report_reads_reports_and_snapshots_and_survives_junk(tmp_path: Path) -> None:
    collected = tmp_path / "collected"
    collected.mkdir()
    demo_report = tmp_path / "demo-report.json"
    run_cli("migrate", "--unattended", "--policy", str(good_policy(tmp_path)), "--demo",
            "windows-total-security", "--json", "--report", str(demo_report))
    shutil.copy(demo_report, collected / "demo-run.json")  # marked simulated: not counted
    # The same report as a real machine's run writes it (no real removal can run here).
    real = json.loads(demo_report.read_text())
    real.update(simulated=False, hostname="pc-1")
    (collected / "pc-1.json").write_text(json.dumps(real))
    shutil.copy(ROOT / "resources" / "demo" / "windows-endpoint-security.json",
                collected / "pc-2.json")
    shutil.copy(ROOT / "resources" / "demo" / "windows-clean-defender.json",
                collected / "pc-3.json")
    (collected / "broken.json").write_text('{"format": "switchover-snapshot", "version"')
    out = tmp_path / "out"
    done = run_cli("fleet-report", str(collected), "--out-dir", str(out), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["machines"] == 3 and len(summary["unreadable"]) == 1
    assert [Path(n.split(":")[0]).name for n in summary["not_counted"]] == ["demo-run.json"]
    rows = list(csv.DictReader(io.StringIO((out / "fleet.csv").read_text())))
    states = {r["machine"]: r["state"] for r in rows}
    assert states["pc-2"] == "kaspersky-present" and states["pc-3"] == "clean"
    assert "removed" in states.values()
    html = (out / "fleet.html").read_text()
    assert "<svg" in html and "pc-2" in html and "<script" not in html
    assert "Still running Kaspersky" in html and "broken.json" in html


def fake_app(tmp_path: Path, code: int) -> Path:
    """An app bundle whose console program only exits with `code` (the exit-code mapping);
    tests/test_packaging.py runs the same scripts on the real built bundle."""
    macos = tmp_path / f"Switchover-{code}.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    (macos / "switchover-cli").write_text(f"#!/bin/sh\nexit {code}\n")
    (macos / "switchover-cli").chmod(0o755)
    (macos / "Switchover").write_text("#!/bin/sh\necho windowed app started >&2\nexit 2\n")
    (macos / "Switchover").chmod(0o755)
    return macos.parent.parent


def jamf(script: str, app: Path, *args: str, extra: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(FLEET / "jamf" / script), *args],
                          env={**os.environ, "SWITCHOVER_APP": str(app),
                               "SWITCHOVER_ARGS": extra},
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(os.name != "posix", reason="shell scripts")
@pytest.mark.parametrize(("code", "says"), [(0, "None"), (10, "Kaspersky"),
                                            (1, "Error: exit code 1")])
def test_the_jamf_extension_attribute_reports_each_exit_code(tmp_path: Path, code: int,
                                                             says: str) -> None:
    done = jamf("extension-attribute.sh", fake_app(tmp_path, code))
    assert done.returncode == 0 and done.stdout.strip() == f"<result>{says}</result>"
    assert "windowed app" not in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="shell scripts")
@pytest.mark.parametrize("code", [0, 1, 4])
def test_the_jamf_policy_script_passes_migrates_exit_code_through(tmp_path: Path,
                                                                  code: int) -> None:
    done = jamf("migrate-policy.sh", fake_app(tmp_path, code))
    assert done.returncode == code and "windowed app" not in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="shell scripts")
def test_the_jamf_scripts_say_when_switchover_is_not_installed(tmp_path: Path) -> None:
    missing = tmp_path / "Nowhere.app"
    assert jamf("extension-attribute.sh", missing).stdout.strip() == \
        "<result>Error: Switchover not installed</result>"
    done = jamf("migrate-policy.sh", missing)
    assert done.returncode == 1 and "not installed" in done.stdout


def _intune(name: str):  # type: ignore[no-untyped-def]
    from ps_script import read_script

    return read_script(FLEET / "intune" / name)


def test_the_intune_scripts_call_the_console_program_a_per_machine_install_puts_there() -> None:
    """Parsed with a PowerShell grammar (no PowerShell can be installed here; the release
    workflow runs the detection script on Windows against the installed bundle)."""
    spec = (ROOT / "packaging" / "app.spec").read_text()
    nsis = (ROOT / "packaging" / "windows" / "installer.nsi").read_text()
    assert 'name="switchover-cli", console=True' in spec
    assert '!define APPNAME "Switchover"' in nsis and "MULTIUSER_USE_PROGRAMFILES64" in nsis
    for name, call in (("detect-kaspersky.ps1", ["detect", "--exit-code"]),
                       ("remediate-kaspersky.ps1",
                        ["migrate", "--unattended", "--policy", "$policy", "--json"])):
        script = _intune(name)
        assert not script.has_error, name
        assert script.assignments["$switchover"] == \
            r"Join-Path $env:ProgramFiles 'Switchover\switchover-cli.exe'"
        assert script.calls == [["&", "$switchover", *call]]


def test_the_intune_scripts_turn_each_exit_code_into_intunes() -> None:
    detect = _intune("detect-kaspersky.ps1").switch
    assert detect["0"].endswith("exit 0") and detect["10"].endswith("exit 1")
    assert detect["default"].endswith("exit 1")
    remediate = _intune("remediate-kaspersky.ps1").switch
    assert remediate == {"0": "exit 0", "4": "exit 1", "default": "exit 1"}


def test_a_broken_powershell_script_is_caught_by_the_parser(tmp_path: Path) -> None:
    from ps_script import read_script

    broken = tmp_path / "broken.ps1"
    broken.write_text((FLEET / "intune" / "detect-kaspersky.ps1").read_text()
                      .replace("switch ($code) {", "switch ($code) {{"))
    assert read_script(broken).has_error


def _ansible(tmp_path: Path, snapshot: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The role, run for real by ansible-core against localhost on a saved machine."""
    playbook_cmd = shutil.which("ansible-playbook", path=str(Path(sys.executable).parent)) \
        or shutil.which("ansible-playbook")
    if playbook_cmd is None:
        pytest.skip("ansible-core is not installed (it is in the test extras)")
    wrapper = tmp_path / "switchover"
    wrapper.write_text(f"#!/bin/sh\ncd {ROOT}\nSWITCHOVER_STATE_DIR={tmp_path / 'state'} "
                       f"exec {sys.executable} -m core.cli.main \"$@\"\n")
    wrapper.chmod(0o755)
    (tmp_path / "inventory.ini").write_text(
        f"localhost ansible_connection=local ansible_python_interpreter={sys.executable}\n")
    variables = {"switchover_cli": str(wrapper), "switchover_controller_cli": str(wrapper),
                 "switchover_policy": str(good_policy(tmp_path)),
                 "switchover_extra": ["--snapshot", str(snapshot)],
                 "switchover_collect": str(tmp_path / "fleet"), "switchover_migrate": True}
    env = {**os.environ, "ANSIBLE_HOME": str(tmp_path / ".ansible"),
           "ANSIBLE_LOCAL_TEMP": str(tmp_path / ".ansible-tmp"), "ANSIBLE_NOCOLOR": "1",
           "ANSIBLE_RETRY_FILES_ENABLED": "0"}
    return subprocess.run(
        [playbook_cmd, "-i", str(tmp_path / "inventory.ini"),
         str(FLEET / "ansible" / "playbook.yml"), "-e", json.dumps(variables), *extra],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)


def _changed(done: subprocess.CompletedProcess[str]) -> int:
    recap = re.search(r"^localhost\s*:.*?changed=(\d+)", done.stdout, re.M)
    assert done.returncode == 0 and recap, done.stdout[-3000:] + done.stderr[-2000:]
    return int(recap.group(1))


@pytest.mark.slow
def test_the_ansible_role_migrates_then_changes_nothing_and_is_honest_in_check_mode(
        tmp_path: Path) -> None:
    machine = tmp_path / "machine.json"
    demo = ROOT / "resources" / "demo"
    shutil.copy(demo / "windows-total-security.json", machine)
    fleet = tmp_path / "fleet"

    # --check on a machine with Kaspersky: says what would change, changes nothing.
    done = _ansible(tmp_path, machine, "--check")
    assert _changed(done) >= 1 and "Would migrate" in done.stdout
    assert not fleet.exists()

    # The migration: backed up, removed, reported; the report is kept on the controller.
    assert _changed(_ansible(tmp_path, machine)) >= 1
    report = json.loads((fleet / "reports" / "localhost.json").read_text())
    assert report["outcome"] == "removed" and report["simulated"] is True
    kept = _tree(fleet)

    # The machine is now clean (its saved state says so): a second run changes nothing,
    # and a dry run never counts in the fleet report.
    shutil.copy(demo / "windows-clean-defender.json", machine)
    assert _changed(_ansible(tmp_path, machine)) == 0
    assert _tree(fleet) == kept
    assert _changed(_ansible(tmp_path, machine, "--check")) == 0


def test_the_ansible_role_is_a_role_with_windows_tasks_loaded_only_for_windows() -> None:
    import yaml

    role = FLEET / "ansible" / "roles" / "switchover"
    main = yaml.safe_load((role / "tasks" / "main.yml").read_text())
    includes = {t["ansible.builtin.include_tasks"]: t["when"] for t in main
                if "ansible.builtin.include_tasks" in t}
    assert includes == {"posix.yml": "not (switchover_is_windows | bool)",
                        "windows.yml": "switchover_is_windows | bool"}
    windows = yaml.safe_load((role / "tasks" / "windows.yml").read_text())
    modules = {k for task in windows for k in task if k.startswith("ansible.")}
    assert "ansible.windows.win_command" in modules
    assert "ansible.builtin.command" not in modules and "ansible.builtin.shell" not in modules
    defaults = yaml.safe_load((role / "defaults" / "main.yml").read_text())
    assert defaults["switchover_cli_windows"].endswith(r"\Switchover\switchover-cli.exe")
    assert "Contents/MacOS/switchover-cli" in defaults["switchover_cli"]


def _tree(*roots: Path) -> set[tuple[str, int]]:
    return {(str(p), p.stat().st_size if p.is_file() else -1)
            for root in roots if root.exists() for p in root.rglob("*")}


def test_a_dry_run_writes_nothing_anywhere(tmp_path: Path) -> None:
    """Not the report folder the policy names, not the state folder, not the backup
    target, not the working folder: the report goes to standard output only."""
    path = good_policy(tmp_path)
    state = tmp_path / "state"
    before = _tree(tmp_path)
    for demo in ("windows-total-security", "linux-kesl", "windows-clean-defender"):
        done = run_cli("migrate", "--unattended", "--dry-run", "--policy", str(path),
                       "--demo", demo, "--json", cwd=tmp_path,
                       env={"SWITCHOVER_STATE_DIR": str(state)})
        assert done.returncode in (0, 4), done.stderr
        assert json.loads(done.stdout)["dry_run"] is True
    assert _tree(tmp_path) == before


def test_a_step_that_waits_for_a_person_exits_4_as_the_readme_says(tmp_path: Path) -> None:
    """The policy confirms none of the Kaspersky-side steps: nothing is removed, exit 4."""
    path = policy(tmp_path, "[backup]\nrequired = false\n[protection]\nexpected = 'any'\n")
    done = run_cli("migrate", "--unattended", "--policy", str(path), "--demo",
                   "windows-total-security", "--json")
    assert done.returncode == 4, done.stderr
    report = json.loads(done.stdout)
    assert report["outcome"] == "blocked" and "Confirm" in report["message"]


def test_spreadsheet_cells_that_would_run_as_formulas_are_text(tmp_path: Path) -> None:
    collected = tmp_path / "collected"
    collected.mkdir()
    for name in ("=HYPERLINK(\"http://x.invalid\",\"click\")", "+1", "-2", "@SUM(A1)",
                 "\tTAB", "plain"):
        doc = json.loads((ROOT / "resources" / "demo" / "windows-clean-defender.json")
                         .read_text())
        safe = "".join(c if c.isalnum() else "_" for c in name)
        path = collected / f"{safe}.json"
        path.write_text(json.dumps(doc))
        report = {"format": "switchover-machine-report", "version": 1, "hostname": name,
                  "platform": "windows", "outcome": "nothing-to-do", "exit_code": 0,
                  "message": "=cmd|' /C calc'!A0", "before": [], "dry_run": False,
                  "simulated": False}
        path.write_text(json.dumps(report))
    out = tmp_path / "out"
    assert run_cli("fleet-report", str(collected), "--out-dir", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO((out / "fleet.csv").read_text())))
    machines = sorted(r["machine"] for r in rows)
    assert machines == sorted(["'=HYPERLINK(\"http://x.invalid\",\"click\")", "'+1", "'-2",
                               "'@SUM(A1)", "'\tTAB", "plain"])


def test_fleet_report_into_a_file_or_a_read_only_folder_is_one_sentence(tmp_path: Path) -> None:
    collected = tmp_path / "collected"
    collected.mkdir()
    a_file = tmp_path / "file"
    a_file.write_text("x")
    done = run_cli("fleet-report", str(collected), "--out-dir", str(a_file))
    assert done.returncode == 2 and "is a file" in done.stderr
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        done = run_cli("fleet-report", str(collected), "--out-dir", str(locked / "out"))
        assert done.returncode == 2 and "internal error" not in done.stderr


def test_the_release_workflow_runs_the_fleet_scripts_on_windows_and_macos() -> None:
    """GitHub runners cannot be reached from here: the workflow is checked as data."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    by_name = {s.get("name", ""): s for s in steps}
    windows = by_name["Fleet scripts on the installed bundle (Intune, per-machine install)"]
    assert windows["if"] == "runner.os == 'Windows'" and "'/AllUsers'" in windows["run"]
    assert "detect-kaspersky.ps1" in windows["run"] and "ParseFile" in windows["run"]
    mac = by_name["Fleet scripts on the installed bundle (Jamf)"]
    assert mac["if"] == "runner.os == 'macOS'" and "extension-attribute.sh" in mac["run"]
    names = [s.get("name", "") for s in steps]
    assert names.index("Build, self-test, sign (when secrets exist) and package") < \
        names.index(windows["name"])


def test_the_windowed_app_given_a_console_command_names_the_console_program(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """What a fleet script that starts the wrong program sees: one sentence and exit 2,
    never a wizard opening on a managed machine."""
    from core.cli.main import _parser
    from gui.launcher import CONSOLE_COMMANDS, gui_main

    commands = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert commands - {"gui"} == CONSOLE_COMMANDS
    monkeypatch.setattr(sys, "argv", ["Switchover", "detect", "--exit-code"])
    assert gui_main() == 2
    assert "switchover-cli" in capsys.readouterr().err
