"""Every command's --json output matches its published schema in docs/json-schemas/."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, run_cli

SCHEMAS = ROOT / "docs" / "json-schemas"
EXPORT = ROOT / "tests" / "data" / "kpm"


def check(name: str, *args: str, codes: tuple[int, ...] = (0,)) -> dict:  # type: ignore[type-arg]
    done = run_cli(*args)
    assert done.returncode in codes, done.stderr
    data = json.loads(done.stdout)
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    return data  # type: ignore[no-any-return]


@pytest.mark.parametrize("demo", ["windows-total-security", "linux-kesl", "macos-kaspersky"])
def test_detect_explain_recommend_uninstall(demo: str) -> None:
    check("detect", "detect", "--demo", demo, "--json")
    check("explain", "explain", "--demo", demo, "--json")
    check("recommend", "recommend", "--demo", demo, "--json")
    check("uninstall", "uninstall", "--demo", demo, "--dry-run", "--json", codes=(0, 4))


def test_catalog_commands() -> None:
    check("catalog-show", "catalog", "show", "--json")
    check("catalog-verify", "catalog", "verify",
          str(ROOT / "resources" / "catalog" / "catalog.json"), "--json")
    check("catalog-update", "catalog", "update", "--url", "https://127.0.0.1:9/c.json",
          "--json", codes=(1,))


def test_backup_verify_restore_passwords(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("a\n")
    check("backup-plan", "backup", "--demo", "windows-total-security", "--plan", "--json")
    made = check("backup", "backup", "--create-folder", "--demo", "windows-total-security", "--to",
                 str(tmp_path / "out"), "--include", str(docs), "--json")
    check("verify", "verify", made["archive"], "--json")
    check("restore", "restore", made["archive"], "--to", str(tmp_path / "r"), "--json")
    check("passwords-find", "passwords", "find", str(EXPORT), "--json")


def test_migrate_and_fleet_report(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text("[backup]\nrequired = false\n[uninstall]\nconfirm = ['vault', "
                      "'password-manager', 'backup-tasks']\n"
                      f"[report]\ndirectory = '{tmp_path / 'r'}'\n")
    check("migrate", "migrate", "--unattended", "--dry-run", "--policy", str(policy),
          "--demo", "windows-total-security", "--json", "--report",
          str(tmp_path / "r" / "demo.json"))
    written = json.loads((tmp_path / "r" / "demo.json").read_text(encoding="utf-8"))
    jsonschema.validate(written, json.loads((SCHEMAS / "migrate.schema.json").read_text()))
    assert written["dry_run"] is True and written["simulated"] is True
    summary = check("fleet-report", "fleet-report", str(tmp_path / "r"), "--out-dir",
                    str(tmp_path / "o"), "--json")
    assert summary["machines"] == 0 and len(summary["not_counted"]) == 1


def test_a_command_that_fails_with_json_still_prints_one_document(tmp_path: Path) -> None:
    """A fleet script that asked for JSON parses standard output whatever happened."""
    failed = check("error", "backup", "--demo", "windows-total-security", "--to",
                   str(tmp_path / "not-there"), "--json", codes=(2,))
    assert failed["exit_code"] == 2 and "not-there" in failed["error"]
    missing = check("error", "verify", str(tmp_path / "none.zip"), "--json", codes=(2,))
    assert "none.zip" in missing["error"]
