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
from core.policy import load_policy

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
    done = run_cli("migrate", "--unattended", "--policy", str(good_policy(tmp_path)),
                   "--demo", "windows-total-security", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["outcome"] == "removed" and report["backup"]["status"] == "done"
    assert run_cli("verify", report["backup"]["archive"]).returncode == 0
    written = json.loads((tmp_path / "reports" / f"{report['hostname']}.json").read_text())
    assert written["format"] == "switchover-machine-report" and written["exit_code"] == 0
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
    assert not (tmp_path / "backups").exists()


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
    run_cli("migrate", "--unattended", "--policy", str(good_policy(tmp_path)), "--demo",
            "windows-total-security", "--json")
    shutil.copy(next((tmp_path / "reports").glob("*.json")), collected / "pc-1.json")
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
    rows = list(csv.DictReader(io.StringIO((out / "fleet.csv").read_text())))
    states = {r["machine"]: r["state"] for r in rows}
    assert states["pc-2"] == "kaspersky-present" and states["pc-3"] == "clean"
    assert "removed" in states.values()
    html = (out / "fleet.html").read_text()
    assert "<svg" in html and "pc-2" in html and "<script" not in html
    assert "Still running Kaspersky" in html and "broken.json" in html


def fake_switchover(tmp_path: Path, code: int) -> Path:
    tool = tmp_path / f"switchover-{code}"
    tool.write_text(f"#!/bin/sh\nexit {code}\n")
    tool.chmod(0o755)
    return tool


@pytest.mark.skipif(os.name != "posix", reason="shell scripts")
@pytest.mark.parametrize(("code", "says"), [(0, "None"), (10, "Kaspersky"),
                                            (1, "Error: exit code 1")])
def test_the_jamf_extension_attribute_reports_each_exit_code(tmp_path: Path, code: int,
                                                             says: str) -> None:
    done = subprocess.run(["sh", str(FLEET / "jamf" / "extension-attribute.sh")],
                          env={**os.environ, "SWITCHOVER": str(fake_switchover(tmp_path, code))},
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout.strip() == f"<result>{says}</result>"


@pytest.mark.skipif(os.name != "posix", reason="shell scripts")
@pytest.mark.parametrize("code", [0, 1, 4])
def test_the_jamf_policy_script_passes_migrates_exit_code_through(tmp_path: Path,
                                                                  code: int) -> None:
    done = subprocess.run(["sh", str(FLEET / "jamf" / "migrate-policy.sh")],
                          env={**os.environ, "SWITCHOVER": str(fake_switchover(tmp_path, code))},
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == code


def test_the_intune_scripts_handle_the_documented_exit_codes() -> None:
    """pwsh is not installable on this Debian machine, so the scripts are read, not run."""
    detect = (FLEET / "intune" / "detect-kaspersky.ps1").read_text()
    assert "detect --exit-code" in detect
    assert re.search(r"^\s*10\s*\{[^}]*exit 1", detect, re.M), "Kaspersky found → remediate"
    assert re.search(r"^\s*0\s*\{[^}]*exit 0", detect, re.M), "nothing found → compliant"
    remediate = (FLEET / "intune" / "remediate-kaspersky.ps1").read_text()
    assert "migrate --unattended --policy" in remediate and "--json" in remediate
    assert re.search(r"^\s*0\s*\{\s*exit 0", remediate, re.M)
    assert re.search(r"^\s*4\s*\{\s*exit 1", remediate, re.M)


def test_the_ansible_playbook_runs_for_real_against_localhost(tmp_path: Path) -> None:
    playbook_cmd = shutil.which("ansible-playbook", path=str(Path(sys.executable).parent)) \
        or shutil.which("ansible-playbook")
    if playbook_cmd is None:
        pytest.skip("ansible-core is not installed (it is in the test extras)")
    wrapper = tmp_path / "switchover"
    wrapper.write_text(f"#!/bin/sh\ncd {ROOT}\nexec {sys.executable} -m core.cli \"$@\"\n")
    wrapper.chmod(0o755)
    (tmp_path / "inventory.ini").write_text(
        f"localhost ansible_connection=local ansible_python_interpreter={sys.executable}\n")
    collect = tmp_path / "fleet"
    env = {**os.environ, "ANSIBLE_HOME": str(tmp_path / ".ansible"),
           "ANSIBLE_LOCAL_TEMP": str(tmp_path / ".ansible-tmp"), "ANSIBLE_NOCOLOR": "1",
           "ANSIBLE_RETRY_FILES_ENABLED": "0"}
    done = subprocess.run(
        [playbook_cmd, "-i", str(tmp_path / "inventory.ini"),
         str(FLEET / "ansible" / "playbook.yml"),
         "-e", f"switchover={wrapper}", "-e", f"switchover_policy={good_policy(tmp_path)}",
         "-e", "switchover_extra='--demo windows-total-security'",
         "-e", f"switchover_collect={collect}", "-e", "switchover_migrate=true",
         "-e", f"switchover_tmp={tmp_path / 'remote'}"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert (collect / "snapshots" / "localhost.json").is_file()
    report = json.loads((collect / "reports" / "localhost-report.json").read_text())
    assert report["outcome"] == "removed"
    rows = list(csv.DictReader(io.StringIO((collect / "fleet.csv").read_text())))
    assert {r["state"] for r in rows} >= {"removed"}
