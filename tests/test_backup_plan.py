"""The backup plan, a pure function of the snapshot: what each kind of machine would lose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from core.backup.plan import BackupChoices, load_backup_rules, plan_backup
from core.detect.detection import detect
from core.errors import ResourceError
from core.machine.demo import list_demos, load_demo


def _plan(demo: str, **choices: object):
    return plan_backup(detect(load_demo(demo)), BackupChoices(**choices))  # type: ignore[arg-type]


def test_total_security_with_password_manager_lists_what_only_the_user_can_save_first() -> None:
    plan = _plan("windows-total-security")
    kinds = [item.kind for item in plan.items]
    assert kinds == ["password-manager", "vault", "backup-tasks", "quarantine", "settings",
                     "licence", "reports"]
    assert {i.kind for i in plan.confirmations} == {"password-manager", "vault", "backup-tasks"}
    quarantine = plan.of_kind("quarantine")[0]
    assert quarantine.paths == ("C:\\ProgramData\\Kaspersky Lab\\AVP21.3\\QB",)
    assert "restore" in quarantine.steps[0]
    reports = plan.of_kind("reports")[0]
    assert "C:\\ProgramData\\Kaspersky Lab\\AVP21.3\\Data\\reports.db" in reports.paths
    settings = plan.of_kind("settings")[0]
    assert settings.command == (
        "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\avp.com",
        "EXPORT", "{out}")
    assert settings.confidence == "UNCERTAIN"


def test_every_item_says_what_it_is_why_it_matters_and_who_acts() -> None:
    for demo in list_demos():
        for item in _plan(demo.name).items:
            assert item.title and item.why and item.action in ("copy", "export", "note", "user")
            if item.action == "user":
                assert item.steps, item.id
            assert item.sources or item.kind == "user-folder", item.id


def test_licence_note_names_product_edition_version_and_where_the_code_is() -> None:
    plan = _plan("windows-kaspersky-plus-vpn")
    note = plan.of_kind("licence")[0].note_text or ""
    assert "Kaspersky Standard" in note or "Kaspersky" in note
    assert "Plus" in note and "21.19.7.527" in note
    assert "my.kaspersky.com" in note


def test_linux_and_mac_use_their_own_export_commands() -> None:
    linux = _plan("linux-kesl")
    assert linux.of_kind("settings")[0].command[:2] == (
        "/opt/kaspersky/kesl/bin/kesl-control", "--export-settings")
    assert linux.of_kind("reports")[0].paths == ("/var/opt/kaspersky/kesl/events.db",)
    assert linux.of_kind("quarantine")[0].paths == (
        "/var/opt/kaspersky/kesl/common/objects-backup",)
    mac = _plan("macos-kaspersky")
    assert mac.of_kind("settings")[0].command[0].endswith("/KAV/Binaries/kav")


def test_a_clean_machine_backs_up_only_chosen_folders(tmp_path: Path) -> None:
    plan = _plan("windows-clean-defender", folders=(str(tmp_path / "Documents"),
                                                    str(tmp_path / "other" / "Documents")))
    assert [i.kind for i in plan.items] == ["user-folder", "user-folder"]
    assert [i.archive_dir for i in plan.items] == ["folders/Documents", "folders/Documents-2"]
    assert any("No Kaspersky product" in note for note in plan.notes)


def test_plan_command_prints_json_with_every_item() -> None:
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-total-security", "--plan", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [i["kind"] for i in data["items"]][:2] == ["password-manager", "vault"]
    assert data["items"][0]["must_confirm"] is True


def test_plan_text_tells_the_user_what_to_do_in_kaspersky() -> None:
    done = run_cli("backup", "--create-folder", "--demo", "windows-total-security", "--plan")
    assert done.returncode == 0, done.stderr
    assert "Export to text file" in done.stdout
    assert "you need to act in Kaspersky first" in done.stdout


def test_a_broken_rules_file_is_a_clear_resource_error(edit_resource) -> None:  # type: ignore[no-untyped-def]
    edit_resource("backup/kaspersky-data.json", lambda data: data["rules"][0].update(sources=[]))
    with pytest.raises(ResourceError, match="no sources"):
        load_backup_rules()


def test_the_plans_words_come_from_the_texts_file(edit_resource) -> None:  # type: ignore[no-untyped-def]
    """A translator or reviewer edits resources/texts/backup.json, not the code."""
    def translate(texts: dict) -> None:  # type: ignore[type-arg]
        texts["items"]["vault"]["title"] = "Coffres de {label}"
        texts["licence_note"]["where"]["windows"] = "ouvrez Kaspersky"

    edit_resource("texts/backup.json", translate)
    plan = plan_backup(detect(load_demo("windows-total-security")))
    assert plan.of_kind("vault")[0].title.startswith("Coffres de Kaspersky Total Security")
    assert "before uninstalling: ouvrez Kaspersky;" in plan.of_kind("licence")[0].note_text

    edit_resource("texts/backup.json", lambda texts: texts["items"]["quarantine"].pop("why"))
    with pytest.raises(ResourceError, match=r"items.quarantine.why is missing"):
        plan_backup(detect(load_demo("windows-total-security")))
