"""The parts around the archive: user folders, the export finder, settings exports, paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from backup_helpers import make_tree
from conftest import ROOT, run_cli

from core.backup.archive import BackupOptions, run_backup
from core.backup.names import should_store, unsafe_member_reason
from core.backup.plan import BackupItem, BackupPlan
from core.long_paths import windows_long_path
from core.machine.probes.user_data import find_kpm_exports, measure

SAMPLE_EXPORT = ROOT / "tests" / "data" / "kpm" / "export-en.txt"


def test_measure_counts_bytes_and_files_without_following_links(tmp_path: Path) -> None:
    docs = make_tree(tmp_path)
    if os.name == "posix":
        (docs / "loop").symlink_to(docs)
    (size,) = measure([str(docs)])
    files = [p for p in docs.rglob("*") if p.is_file() and not p.is_symlink()]
    assert size.files == len(files)
    assert size.bytes == sum(p.stat().st_size for p in files)


def test_exports_are_found_in_subfolders_and_other_text_is_not(tmp_path: Path) -> None:
    (tmp_path / "Documents" / "old").mkdir(parents=True)
    export = tmp_path / "Documents" / "old" / "24-11-2026.txt"
    export.write_bytes(SAMPLE_EXPORT.read_bytes())
    (tmp_path / "Documents" / "shopping.txt").write_text("milk\n")
    assert find_kpm_exports([str(tmp_path / "Documents")]) == [str(export)]
    done = run_cli("passwords", "find", str(tmp_path / "Documents"), "--json")
    assert json.loads(done.stdout)["exports"] == [str(export)]


@pytest.mark.skipif(sys.platform != "linux", reason="platformdirs reads XDG folders on Linux")
def test_plan_measures_chosen_folders_checks_space_and_offers_standard_ones(tmp_path: Path
                                                                           ) -> None:
    home = tmp_path / "home"
    docs = make_tree(home)
    (home / "Pictures").mkdir()
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    done = run_cli("backup", "--demo", "windows-clean-defender", "--plan", "--json",
                   "--include", str(docs), "--to", str(tmp_path), env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["folders"][0]["files"] == len([p for p in docs.rglob("*") if p.is_file()])
    assert data["free_bytes"] > 0
    assert {"label": "Pictures", "path": str(home / "Pictures")} in data["offered_folders"]
    assert all(f["path"] != str(docs) for f in data["offered_folders"])


def _fake_tool(folder: Path, body: str) -> Path:
    tool = folder / "kesl-control"
    tool.write_text(f"#!{sys.executable}\nimport sys, time\n{body}\n", encoding="utf-8")
    tool.chmod(0o755)
    return tool


def _settings_plan(tool: Path, timeout: int = 20) -> BackupPlan:
    return BackupPlan("linux", (BackupItem(
        id="settings:test", kind="settings", title="Settings of a test product",
        why="test", action="export", command=(str(tool), "--export-settings", "--file",
                                              "{out}"),
        output_name="settings.ini", timeout_seconds=timeout,
        archive_dir="kaspersky/test/settings"),), "2026-11-24")


@pytest.mark.skipif(os.name != "posix", reason="the fake vendor tool is a script")
def test_a_settings_export_runs_the_products_own_command_on_a_real_machine(tmp_path: Path
                                                                          ) -> None:
    tool = _fake_tool(tmp_path, "open(sys.argv[3], 'w').write('[General]\\nLocale=en\\n')")
    result = run_backup(_settings_plan(tool), tmp_path / "out", BackupOptions(create_folder="all",
                                                                              live=True))
    assert [(i.status, i.detail) for i in result.items] == [
        ("exported", "exported with Kaspersky's own command")]
    with zipfile.ZipFile(result.archive) as handle:
        assert handle.read("kaspersky/test/settings/settings.ini") == b"[General]\nLocale=en\n"


@pytest.mark.skipif(os.name != "posix", reason="the fake vendor tool is a script")
@pytest.mark.parametrize(("body", "says"), [
    ("sys.exit(1)", "ended with code 1"),
    ("time.sleep(30)", "did not finish within 1 s"),
])
def test_a_failing_or_hanging_export_is_reported_and_the_backup_goes_on(
        tmp_path: Path, body: str, says: str) -> None:
    tool = _fake_tool(tmp_path, body)
    result = run_backup(_settings_plan(tool, timeout=1), tmp_path / "out",
                        BackupOptions(create_folder="all", live=True))
    (item,) = result.items
    assert item.status == "failed" and says in item.detail
    assert Path(result.archive).is_file()


def test_an_export_program_that_is_not_there_is_never_run(tmp_path: Path) -> None:
    result = run_backup(_settings_plan(tmp_path / "missing" / "kesl-control"),
                        tmp_path / "out", BackupOptions(create_folder="all", live=True))
    assert result.items[0].status == "failed"
    assert "not on this computer" in result.items[0].detail


def test_on_a_snapshot_the_export_is_only_described(tmp_path: Path) -> None:
    marker = tmp_path / "it-ran"
    tool = _fake_tool(tmp_path, f"open({str(marker)!r}, 'w')")
    result = run_backup(_settings_plan(tool), tmp_path / "out", BackupOptions(create_folder="all",
                                                                              live=False))
    assert not marker.exists()
    assert result.items[0].status == "simulated"
    assert result.items[0].detail.startswith("would run: " + str(tool))


@pytest.mark.parametrize(("path", "expected"), [
    ("C:\\Users\\dana\\Documents\\x.txt", "\\\\?\\C:\\Users\\dana\\Documents\\x.txt"),
    ("C:/Users/dana/x.txt", "\\\\?\\C:\\Users\\dana\\x.txt"),
    ("\\\\server\\share\\x.txt", "\\\\?\\UNC\\server\\share\\x.txt"),
    ("\\\\?\\C:\\already", "\\\\?\\C:\\already"),
    ("relative\\x.txt", "relative\\x.txt"),
])
def test_windows_paths_get_the_extended_length_form(path: str, expected: str) -> None:
    assert windows_long_path(path) == expected


def test_compressed_formats_are_stored_by_suffix() -> None:
    assert should_store("IMG_0001.JPG") and should_store("report.docx")
    assert should_store("clip.mp4") and should_store("old.zip")
    assert not should_store("notes.txt") and not should_store("Makefile")


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "C:x", "c:\\x", "a/../../x", "\\x",
                                  ""])
def test_unsafe_member_names_are_recognised(name: str) -> None:
    assert unsafe_member_reason(name) is not None


def test_a_deep_windows_like_tree_backs_up_and_restores(tmp_path: Path) -> None:
    deep = tmp_path / "src"
    folder = deep
    for i in range(30):  # 30 × 12 characters: longer than Windows' old 260 limit
        folder = folder / f"subfolder{i:03d}"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text("deep\n", encoding="utf-8")
    assert len(str(folder / "deep.txt")) > 300
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run([sys.executable, "-m", "core.cli.main", "backup", "--demo",
                           "windows-clean-defender", "--to", str(out), "--include", str(deep),
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    archive = json.loads(done.stdout)["archive"]
    restored = tmp_path / "back"
    assert run_cli("restore", archive, "--to", str(restored)).returncode == 0
    found = list(restored.rglob("deep.txt"))
    assert len(found) == 1 and found[0].read_text(encoding="utf-8") == "deep\n"
