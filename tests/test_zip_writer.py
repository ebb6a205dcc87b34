"""The archive Switchover writes itself: what unzip, 7-Zip and Python read back from it."""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest
from backup_helpers import manifest_of, only_archive, sevenzip_test, unzip_test

from core.backup.archive import BackupOptions, run_backup
from core.backup.archive_out import ArchiveOut
from core.backup.manifest import ItemOutcome, Manifest, ManifestError, ManifestFile, Skipped
from core.backup.manifest_read import parse_manifest, read_manifest_stream
from core.backup.plan import BackupItem, BackupPlan
from core.backup.streaming import Hasher
from core.backup.zip_writer import SMALL_FILE, ZipWriter, incompressible
from core.jobs import CancelToken, ProgressMeter, no_progress

RUSSIAN = ("Отчёт о проекте: бюджет, сроки и встречи на следующей неделе.\n" * 400)
EXPORT = ("Websites\n\nWebsite name: bank\nWebsite URL: https://bank.example\n"
          "Login: anna\nPassword: s3cret-Value!\n---\n")


def _plan(folder: Path) -> BackupPlan:
    item = BackupItem(id="user-folder-1", kind="user-folder", title="Documents",
                      why="", action="copy", paths=(str(folder),),
                      archive_dir="folders/Documents")
    return BackupPlan(platform="linux", items=(item,), reviewed="2026-11-24")


def test_text_in_any_script_is_deflated_and_random_data_stored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "otchet.txt").write_text(RUSSIAN, encoding="utf-8")
    (docs / "bericht-utf16.txt").write_text(RUSSIAN, encoding="utf-16")
    (docs / "noise.bin").write_bytes(os.urandom(20_000))
    (docs / "database.db").write_bytes((b"\x00" * 300 + bytes(range(256))) * 60)
    out = tmp_path / "out"
    out.mkdir()
    run_backup(_plan(docs), out, BackupOptions(live=False))
    archive = only_archive(out)
    stored = {f["name"].rsplit("/", 1)[-1]: f["stored"] for f in manifest_of(archive)["files"]}
    assert stored == {"otchet.txt": False, "bericht-utf16.txt": False, "noise.bin": True,
                      "database.db": False}
    assert unzip_test(archive).returncode == 0


def test_the_test_for_incompressible_content() -> None:
    assert incompressible(os.urandom(4096))
    assert not incompressible(RUSSIAN.encode("utf-8"))
    assert not incompressible(RUSSIAN.encode("utf-16"))
    assert not incompressible(os.urandom(1000))  # too little to tell: try deflating


def test_a_large_password_export_streamed_in_chunks_is_kept_out(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    big = docs / "passwords-backup.log"
    big.write_text(EXPORT + "note: filler line\n" * (SMALL_FILE // 18 + 10), encoding="utf-8")
    assert big.stat().st_size > SMALL_FILE
    (docs / "letter.txt").write_text("Dear Anna,\n")
    out = tmp_path / "out"
    out.mkdir()
    result = run_backup(_plan(docs), out, BackupOptions(live=False))
    archive = only_archive(out)
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    assert not any("passwords-backup" in name for name in names)
    assert any(name.endswith("letter.txt") for name in names)
    assert any("passwords-backup.log" in s.original_path for s in result.skipped)


def test_more_entries_than_the_classic_end_record_holds(tmp_path: Path) -> None:
    """70,000 entries need the ZIP64 end records; unzip, 7-Zip and Python all read them."""
    path = tmp_path / "many.zip"
    with open(path, "wb") as raw, Hasher() as hasher:
        writer = ZipWriter(ArchiveOut(raw.fileno()), hasher,
                           ProgressMeter("copying", 0, 0, no_progress), CancelToken(),
                           tmp_path)
        for index in range(70_000):
            writer.add_bytes(f"notes/{index:05d}.txt", f"note {index}\n".encode(), "(test)")
        writer.finish()
        writer.close()
    with zipfile.ZipFile(path) as opened:
        assert len(opened.infolist()) == 70_000
        assert opened.read("notes/69999.txt") == b"note 69999\n"
        assert opened.testzip() is None
    assert unzip_test(path).returncode == 0
    assert sevenzip_test(path).returncode == 0


def _sample_manifest() -> Manifest:
    files = tuple(ManifestFile(name=f"folders/Documents/é{i}.txt", original_path=f"/home/a/é{i}",
                               size=i * 1000, mtime=None if i % 2 else "2026-11-30T10:00:00+00:00",
                               sha256=f"{i:064x}", stored=bool(i % 3),
                               warning="changed while being read" if i == 3 else None)
                  for i in range(40))
    return Manifest(created_at="2026-12-01T10:00:00+00:00", switchover_version="1.0",
                    platform="windows", source="this computer", files=files,
                    skipped=(Skipped("/home/a/link", "symbolic link"),),
                    items=(ItemOutcome("user-folder-1", "user-folder", "Documents", "copied"),),
                    encrypted=("export.txt",), notes=("a note",))


def _indented(manifest: Manifest) -> bytes:
    """The layout versions before the streamed writer wrote: one indented document."""
    data = {"format": "switchover-backup-manifest", "version": 1, **asdict(manifest)}
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def test_a_manifest_reads_the_same_in_any_layout_and_any_chunking() -> None:
    """Older versions wrote the manifest indented; records may straddle any read."""
    manifest = _sample_manifest()
    streamed = bytearray()
    manifest.write_json(streamed.extend)
    for text in (_indented(manifest), bytes(streamed)):
        for chunk in (1, 7, 4096):
            assert read_manifest_stream(io.BytesIO(text), len(text), chunk) == manifest


def test_a_broken_manifest_is_an_error_never_a_crash() -> None:
    text = _indented(_sample_manifest())
    broken = [text[: len(text) // 2], text + b"{}", text.replace(b"switchover-backup-manifest",
                                                                  b"something-else"),
              text.replace(b'"files"', b'"filez"'), b"", b"[]", "é".encode("latin-1"),
              text.replace(b"[", b"{", 1)]
    for damaged in broken:
        with pytest.raises(ManifestError):
            parse_manifest(damaged)
    with pytest.raises(ManifestError, match="implausibly large"):
        read_manifest_stream(io.BytesIO(text), 100)
