"""Hostile and unlucky cases found in review: each one once broke a promise the backup makes."""

from __future__ import annotations

import base64
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from backup_helpers import manifest_of, only_archive
from conftest import ROOT, run_cli

from core.backup.archive import BackupOptions, clean_stale_partials, run_backup
from core.backup.plan import BackupChoices, plan_backup
from core.detect.detection import detect
from core.jobs import Progress
from core.machine.demo import load_demo

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file-system features")
SAMPLE_EXPORT = ROOT / "tests" / "data" / "kpm" / "export-en.txt"
PASSPHRASE = "correct horse battery staple"


def _plan(*folders: Path):
    return plan_backup(detect(load_demo("windows-clean-defender")),
                       BackupChoices(folders=tuple(str(f) for f in folders)))


def _all_entry_bytes(archive: Path) -> bytes:
    with zipfile.ZipFile(archive) as handle:
        return b"".join(handle.read(n) for n in handle.namelist()
                        if n != "secrets/passwords-encrypted.7z")


@posix_only
def test_the_named_export_stays_out_even_when_reached_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "kpm-export").write_bytes(SAMPLE_EXPORT.read_bytes())  # no suffix at all
    (tmp_path / "linkdir").symlink_to(real)
    result = run_backup(_plan(real), tmp_path / "out", BackupOptions(
        create_folder="all", live=False, passphrase=PASSPHRASE,
        password_export=str(tmp_path / "linkdir" / "kpm-export")))
    assert b"router-pass" not in _all_entry_bytes(Path(result.archive))
    assert len(result.encrypted) == 1


@pytest.mark.parametrize(("name", "data"), [
    ("export.tsv", b"url\tusername\tpassword\nhttps://a.example\tme\thunter2\n"),
    ("excel.csv", b"sep=;\r\nname;url;username;password\r\nx;https://a.example;me;hunter2\r\n"),
    ("utf16.txt", "name,url,username,password\nx,https://a,me,hunter2\n".encode("utf-16")),
    ("passwords", b"name,url,username,password\nx,https://a,me,hunter2\n"),
])
def test_password_files_in_other_shapes_never_go_in_plain(tmp_path: Path, name: str,
                                                          data: bytes) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / name).write_bytes(data)
    result = run_backup(_plan(docs), tmp_path / "out", BackupOptions(create_folder="all",
                                                                     live=False))
    assert b"hunter2" not in Path(result.archive).read_bytes()
    assert b"hunter2" not in _all_entry_bytes(Path(result.archive)).replace(b"\x00", b"")
    assert [Path(s.original_path).name for s in result.skipped] == [name]


def _archive_with_manifest(path: Path, name: str, data: bytes, raw: bytes | None) -> None:
    import hashlib

    record = {"name": name, "original_path": "/x", "size": len(data), "mtime": None,
              "sha256": hashlib.sha256(data).hexdigest()}
    if raw is not None:
        record["raw_name_b64"] = base64.b64encode(raw).decode()
    manifest = {"format": "switchover-backup-manifest", "version": 1, "created_at": "",
                "switchover_version": "", "platform": "linux", "source": "", "files": [record]}
    with zipfile.ZipFile(path, "w") as handle:
        handle.writestr(name, data)
        handle.writestr("switchover-manifest.json", json.dumps(manifest))


@posix_only
def test_a_manifest_name_that_climbs_out_is_refused_and_nothing_outside_changes(
        tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.zip"
    _archive_with_manifest(hostile, "innocent.txt", b"x", b"..")
    parent = tmp_path / "parent"
    target = parent / "target"
    target.mkdir(parents=True)
    parent.chmod(0o755)
    done = run_cli("restore", str(hostile), "--to", str(target), "--overwrite", "--json")
    assert done.returncode == 3
    assert json.loads(done.stdout)["refused"][0]["reason"].startswith("refused: a malformed")
    assert stat.S_IMODE(parent.stat().st_mode) == 0o755


@posix_only
def test_overwrite_replaces_a_link_in_the_target_never_what_it_points_to(tmp_path: Path
                                                                        ) -> None:
    archive = tmp_path / "a.zip"
    _archive_with_manifest(archive, "f.txt", b"restored", None)
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n")
    outside.chmod(0o644)
    target = tmp_path / "target"
    target.mkdir()
    (target / "f.txt").symlink_to(outside)
    done = run_cli("restore", str(archive), "--to", str(target), "--overwrite")
    assert done.returncode == 0, done.stdout + done.stderr
    assert outside.read_text() == "keep me\n"
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert not (target / "f.txt").is_symlink()
    assert (target / "f.txt").read_bytes() == b"restored"


@posix_only
def test_odd_names_links_and_dates_never_stop_a_backup(tmp_path: Path) -> None:
    odd_folder = os.path.join(os.fsencode(tmp_path), b"Dokumente-\xe4")
    os.mkdir(odd_folder)
    os.symlink(b"/nowhere/\xff", os.path.join(odd_folder, b"link"))
    far_future = os.path.join(odd_folder, b"future.txt")
    with open(far_future, "wb") as handle:
        handle.write(b"from the future\n")
    os.utime(far_future, (1e12, 1e12))
    folder = Path(os.fsdecode(odd_folder))
    result = run_backup(_plan(folder), tmp_path / "out", BackupOptions(create_folder="all",
                                                                       live=False))
    assert result.files == 1
    assert any("never followed" in s.reason for s in result.skipped)
    assert run_cli("verify", result.archive).returncode == 0


@posix_only
def test_files_swapped_between_scan_and_copy_are_refused_without_hanging(tmp_path: Path
                                                                        ) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text("first\n")
    (docs / "sub" / "secret.txt").write_text("inside\n")
    (docs / "z.txt").write_text("last\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("OUTSIDE-DATA\n")
    swapped = []

    def swap(progress: Progress) -> None:
        if progress.stage == "copying" and not swapped:
            swapped.append(True)
            (docs / "z.txt").unlink()
            os.mkfifo(docs / "z.txt")
            (docs / "sub" / "secret.txt").unlink()
            (docs / "sub").rmdir()
            (docs / "sub").symlink_to(outside)

    result = run_backup(_plan(docs), tmp_path / "out", BackupOptions(create_folder="all",
                                                                     live=False),
                        progress=swap)
    assert swapped
    archive = Path(result.archive)
    assert b"OUTSIDE-DATA" not in _all_entry_bytes(archive)
    reasons = {Path(s.original_path).name: s.reason for s in result.skipped}
    assert "replaced" in reasons["z.txt"] or "cannot be read" in reasons["z.txt"]
    assert "secret.txt" in reasons


@posix_only
def test_names_that_escape_alike_are_both_kept_and_restored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    with open(os.path.join(os.fsencode(docs), b"\xff"), "wb") as handle:
        handle.write(b"latin\n")
    (docs / "%FF").write_text("percent\n")
    result = run_backup(_plan(docs), tmp_path / "out", BackupOptions(create_folder="all",
                                                                     live=False))
    assert result.files == 2
    assert run_cli("verify", result.archive).returncode == 0
    target = tmp_path / "back"
    assert run_cli("restore", result.archive, "--to", str(target)).returncode == 0
    base = os.path.join(os.fsencode(target), b"folders", b"docs")
    assert sorted(os.listdir(base)) == [b"%FF", b"\xff"]


def test_a_member_that_is_both_file_and_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    archive = tmp_path / "clash.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("x", b"file")
        handle.writestr("x/y", b"below")
    done = run_cli("restore", str(archive), "--to", str(tmp_path / "t"), "--json")
    assert done.returncode == 3 and "Traceback" not in done.stderr  # it has no manifest
    report = json.loads(done.stdout)
    assert report["restored"] == 1 and report["failed"][0]["name"] == "x/y"


def test_an_abandoned_partial_is_removed_and_two_backups_in_one_second_both_land(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".switchover-backup-20240101000000.1.partial").write_bytes(b"PK half")
    assert clean_stale_partials(out) == 1
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("a\n")
    from datetime import datetime

    moment = datetime(2026, 11, 24, 12, 0, 0)
    first = run_backup(_plan(docs), out, BackupOptions(create_folder="all", live=False, now=moment))
    second = run_backup(_plan(docs), out, BackupOptions(create_folder="all",
                                                        live=False, now=moment))
    assert first.archive != second.archive
    assert Path(first.archive).is_file() and Path(second.archive).is_file()


@posix_only
def test_a_chosen_folder_that_is_a_link_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("a\n")
    (tmp_path / "Documents").symlink_to(real)
    result = run_backup(_plan(tmp_path / "Documents"), tmp_path / "out",
                        BackupOptions(create_folder="all", live=False))
    assert result.files == 1
    with zipfile.ZipFile(result.archive) as handle:
        assert handle.read("folders/Documents/a.txt") == b"a\n"


def test_a_destination_inside_the_chosen_folder_is_not_copied_into_itself(tmp_path: Path
                                                                         ) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("a\n")
    out = docs / "Backups"
    first = run_backup(_plan(docs), out, BackupOptions(create_folder="all", live=False))
    second = run_backup(_plan(docs), out, BackupOptions(create_folder="all", live=False))
    names = [f["name"] for f in manifest_of(Path(second.archive))["files"]]
    assert names == ["folders/docs/a.txt"]
    assert any("written to" in s.reason for s in second.skipped)
    assert Path(first.archive).is_file()


def test_restore_without_a_folder_makes_a_new_one_and_keeps_exact_times(tmp_path: Path
                                                                       ) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("a\n")
    os.utime(docs / "a.txt", (1_600_000_001, 1_600_000_001))  # an odd second
    out = tmp_path / "out"
    run_backup(_plan(docs), out, BackupOptions(create_folder="all", live=False))
    archive = only_archive(out)
    for expected in ("-restored", "-restored-2"):
        done = run_cli("restore", str(archive), "--json")
        assert done.returncode == 0, done.stderr
        target = Path(json.loads(done.stdout)["target"])
        assert target.name == archive.stem + expected
    restored = target / "folders" / "docs" / "a.txt"
    assert restored.stat().st_mtime == 1_600_000_001


def test_convert_into_a_missing_folder_is_bad_input(tmp_path: Path) -> None:
    done = run_cli("passwords", "convert", str(SAMPLE_EXPORT), "--format", "chrome",
                   "--out", str(tmp_path / "nope" / "x.csv"))
    assert done.returncode == 2 and "does not exist" in done.stderr
