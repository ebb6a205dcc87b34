"""Backups are standard ZIP archives that other tools open, with a manifest that tells the truth."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pytest
from backup_helpers import (
    NON_UTF8,
    make_tree,
    manifest_of,
    only_archive,
    sevenzip_test,
    sha256_of,
    unzip_test,
)
from conftest import ROOT, run_cli

from core.backup.archive import BackupOptions, run_backup
from core.backup.plan import BackupChoices, plan_backup
from core.detect.detection import detect
from core.errors import BadInput, Cancelled
from core.jobs import CancelToken, Progress
from core.machine.demo import load_demo

SAMPLE_EXPORT = ROOT / "tests" / "data" / "kpm" / "export-en.txt"


def _backup(tmp_path: Path, *extra: str, demo: str = "windows-total-security"):
    docs = make_tree(tmp_path / "home")
    out = tmp_path / "out"
    done = run_cli("backup", "--create-folder",
                   "--demo", demo, "--to", str(out), "--include", str(docs),
                   "--json", *extra)
    assert done.returncode == 0, done.stderr
    return docs, out, json.loads(done.stdout)


def test_archive_opens_in_unzip_7zip_and_python_and_holds_every_file(tmp_path: Path) -> None:
    _, out, result = _backup(tmp_path)
    archive = Path(result["archive"])
    assert archive.parent == out and archive.name.startswith("switchover-backup-")
    assert not list(out.glob(".*partial")), "no partial file may remain"
    assert unzip_test(archive).returncode == 0
    seven = sevenzip_test(archive)
    assert seven.returncode == 0, seven.stdout + seven.stderr
    with zipfile.ZipFile(archive) as handle:
        assert handle.testzip() is None
        names = set(handle.namelist())
    assert {"README.txt", "switchover-manifest.json",
            "folders/Documents/letters/to bank.txt",
            "folders/Documents/Résumé – 履歴書.txt", "folders/Documents/empty.txt",
            "folders/Documents/nothing here/",
            "kaspersky/kaspersky-total-security/licence.txt"} <= names


def test_manifest_records_path_size_time_and_the_real_sha256(tmp_path: Path) -> None:
    docs, _, result = _backup(tmp_path)
    manifest = manifest_of(Path(result["archive"]))
    assert manifest["format"] == "switchover-backup-manifest" and manifest["version"] == 1
    by_name = {f["name"]: f for f in manifest["files"]}
    letter = by_name["folders/Documents/letters/to bank.txt"]
    assert letter["original_path"] == str(docs / "letters" / "to bank.txt")
    assert letter["size"] == (docs / "letters" / "to bank.txt").stat().st_size
    assert letter["sha256"] == sha256_of(docs / "letters" / "to bank.txt")
    assert letter["mtime"].startswith("20")
    assert result["files"] == len(manifest["files"])


def test_photos_are_stored_and_text_is_compressed(tmp_path: Path) -> None:
    _, _, result = _backup(tmp_path)
    with zipfile.ZipFile(result["archive"]) as handle:
        photo = handle.getinfo("folders/Documents/holiday.jpg")
        letter = handle.getinfo("folders/Documents/letters/to bank.txt")
    assert photo.compress_type == zipfile.ZIP_STORED
    assert letter.compress_type == zipfile.ZIP_DEFLATED
    assert letter.compress_size < letter.file_size / 10


@pytest.mark.skipif(os.name != "posix", reason="non-UTF-8 names exist on Linux file systems")
def test_a_non_utf8_name_is_readable_in_the_archive_and_restored_exactly(tmp_path: Path) -> None:
    _, _, result = _backup(tmp_path)
    archive = Path(result["archive"])
    with zipfile.ZipFile(archive) as handle:
        assert "folders/Documents/caf%E9-latin1.txt" in handle.namelist()
    target = tmp_path / "restored"
    done = run_cli("restore", str(archive), "--to", str(target))
    assert done.returncode == 0, done.stderr
    restored = os.path.join(os.fsencode(target), b"folders", b"Documents", NON_UTF8)
    with open(restored, "rb") as handle:
        assert handle.read() == b"latin-1 name\n"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as on Linux and macOS")
def test_links_and_special_files_are_recorded_never_followed(tmp_path: Path) -> None:
    docs = make_tree(tmp_path / "home")
    (docs / "whole disk").symlink_to("/")
    os.mkfifo(docs / "a pipe")
    out = tmp_path / "out"
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-clean-defender", "--to", str(out),
                   "--include", str(docs), "--json")
    assert done.returncode == 0, done.stderr
    skipped = {Path(s["original_path"]).name: s["reason"] for s in
               json.loads(done.stdout)["skipped"]}
    assert "never followed" in skipped["whole disk"]
    assert "not a regular file" in skipped["a pipe"]
    manifest = manifest_of(only_archive(out))
    assert not any(f["name"].startswith("folders/Documents/whole disk/")
                   for f in manifest["files"])
    assert {Path(s["original_path"]).name for s in manifest["skipped"]} >= {"whole disk",
                                                                           "a pipe"}


def test_snapshot_backup_simulates_kaspersky_items_and_says_so(tmp_path: Path) -> None:
    _, _, result = _backup(tmp_path)
    status = {i["id"]: i["status"] for i in result["items"]}
    assert status["settings:kaspersky-total-security"] == "simulated"
    assert status["reports:kaspersky-total-security"] == "simulated"
    assert status["vault"] == "user"
    assert status["licence:kaspersky-total-security"] == "noted"
    with zipfile.ZipFile(result["archive"]) as handle:
        readme = handle.read("README.txt").decode("utf-8")
    assert "from a saved snapshot (simulated)" in readme
    assert "Windows Explorer, macOS Archive Utility" in readme
    assert "Data vaults of Kaspersky Total Security" in readme


def test_plaintext_passwords_never_enter_the_archive_unencrypted(tmp_path: Path) -> None:
    docs = make_tree(tmp_path / "home")
    (docs / "kpm-export.txt").write_bytes(SAMPLE_EXPORT.read_bytes())
    (docs / "chrome-passwords.csv").write_text("name,url,username,password,note\n"
                                               "x,https://x.example,u,hunter2,\n")
    out = tmp_path / "out"
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-total-security", "--to", str(out),
                   "--include", str(docs), "--json")
    assert done.returncode == 0, done.stderr
    archive = only_archive(out)
    raw = archive.read_bytes()
    assert b"hunter2" not in raw and b"s3cret" not in raw
    with zipfile.ZipFile(archive) as handle:
        for name in handle.namelist():
            data = handle.read(name)
            assert b"hunter2" not in data and b"router-pass" not in data, name
    reasons = {Path(s["original_path"]).name: s["reason"]
               for s in json.loads(done.stdout)["skipped"]}
    assert "passphrase" in reasons["kpm-export.txt"]
    assert "passphrase" in reasons["chrome-passwords.csv"]


def test_with_a_passphrase_the_export_is_aes256_that_7zip_opens(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse battery staple\n", encoding="utf-8")
    _, _, result = _backup(tmp_path, "--password-export", str(SAMPLE_EXPORT),
                           "--passphrase-file", str(secret))
    archive = Path(result["archive"])
    assert result["encrypted"] == [str(SAMPLE_EXPORT)]
    assert b"s3cret" not in archive.read_bytes()
    inner = tmp_path / "inner.7z"
    with zipfile.ZipFile(archive) as handle:
        inner.write_bytes(handle.read("secrets/passwords-encrypted.7z"))
        assert "7-Zip" in handle.read("README.txt").decode("utf-8")
    good = sevenzip_test(inner, "correct horse battery staple")
    assert good.returncode == 0, good.stdout
    listing = subprocess.run(["7z", "l", "-slt", "-pcorrect horse battery staple", str(inner)],
                             capture_output=True, text=True).stdout
    # AES-256 with 2^19 SHA-256 rounds per guess, as 7-Zip itself writes it
    assert "7zAES:19" in listing
    assert sevenzip_test(inner, "wrong guess").returncode != 0
    # The names are encrypted too: without the passphrase nothing is listed.
    assert "sample" not in subprocess.run(["7z", "l", "-pwrong", str(inner)],
                                          capture_output=True, text=True).stdout
    listing = subprocess.run(["7z", "e", "-so", "-pcorrect horse battery staple", str(inner)],
                             capture_output=True, timeout=60)
    assert listing.stdout == SAMPLE_EXPORT.read_bytes()


def test_a_weak_passphrase_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    secret = tmp_path / "p.txt"
    secret.write_text("short\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-total-security", "--to", str(out),
                   "--password-export", str(SAMPLE_EXPORT), "--passphrase-file", str(secret))
    assert done.returncode == 2 and "at least" in done.stderr
    assert not list(out.glob("*")) if out.exists() else True


def test_verify_passes_a_good_archive(tmp_path: Path) -> None:
    _, _, result = _backup(tmp_path)
    done = run_cli("verify", result["archive"], "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["checked_files"] == result["files"]


def _middle_of_data(archive: Path, name: str) -> int:
    """Offset of the middle byte of an entry's (compressed) data, from its local header."""
    with zipfile.ZipFile(archive) as handle:
        info = handle.getinfo(name)
    with open(archive, "rb") as raw:
        raw.seek(info.header_offset + 26)
        name_len = int.from_bytes(raw.read(2), "little")
        extra_len = int.from_bytes(raw.read(2), "little")
    return info.header_offset + 30 + name_len + extra_len + info.compress_size // 2


@pytest.mark.parametrize("entry", ["folders/Documents/holiday.jpg",
                                   "folders/Documents/letters/to bank.txt"])
def test_verify_finds_a_flipped_bit_in_stored_and_compressed_entries(tmp_path: Path,
                                                                     entry: str) -> None:
    _, _, result = _backup(tmp_path)
    archive = Path(result["archive"])
    offset = _middle_of_data(archive, entry)
    with open(archive, "r+b") as raw:
        raw.seek(offset)
        byte = raw.read(1)
        raw.seek(offset)
        raw.write(bytes([byte[0] ^ 0x01]))
    done = run_cli("verify", str(archive), "--json")
    assert done.returncode == 3, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert [d["name"] for d in report["damaged"]] == [entry]
    text = run_cli("verify", str(archive))
    assert text.returncode == 3 and "damaged: " + entry in text.stdout


def _rewrite(archive: Path, target: Path, drop: str | None = None,
             add: tuple[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            if info.filename != drop:
                dst.writestr(info, src.read(info))
        if add:
            dst.writestr(*add)


def test_verify_lists_missing_and_extra_entries(tmp_path: Path) -> None:
    _, _, result = _backup(tmp_path)
    archive = Path(result["archive"])
    edited = tmp_path / "edited.zip"
    _rewrite(archive, edited, drop="folders/Documents/empty.txt",
             add=("folders/Documents/sneaky.exe", b"MZ"))
    done = run_cli("verify", str(edited), "--json")
    assert done.returncode == 3
    report = json.loads(done.stdout)
    assert report["missing"] == ["folders/Documents/empty.txt"]
    assert report["extra"] == ["folders/Documents/sneaky.exe"]


def test_verify_reports_a_truncated_archive_and_rejects_a_missing_one(tmp_path: Path) -> None:
    _, _, result = _backup(tmp_path)
    archive = Path(result["archive"])
    cut = tmp_path / "cut.zip"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    done = run_cli("verify", str(cut))
    assert done.returncode == 3 and "cannot be opened as a ZIP" in done.stdout
    missing = run_cli("verify", str(tmp_path / "nope.zip"))
    assert missing.returncode == 2 and "There is no archive" in missing.stderr


def test_restore_into_a_new_folder_gives_back_identical_files(tmp_path: Path) -> None:
    docs, _, result = _backup(tmp_path)
    target = tmp_path / "restored"
    done = run_cli("restore", result["archive"], "--to", str(target), "--json")
    assert done.returncode == 0, done.stderr
    base = target / "folders" / "Documents"
    for original in [p for p in docs.rglob("*") if p.is_file()]:
        copy = base / original.relative_to(docs)
        assert copy.read_bytes() == original.read_bytes(), original
    assert (base / "nothing here").is_dir()
    assert not os.access(base / "readonly.txt", os.W_OK) or os.geteuid() == 0
    assert stat.S_IMODE((base / "readonly.txt").stat().st_mode) == 0o444


def test_restoring_twice_keeps_what_is_there_unless_asked(tmp_path: Path) -> None:
    _, _, result = _backup(tmp_path)
    target = tmp_path / "restored"
    assert run_cli("restore", result["archive"], "--to", str(target)).returncode == 0
    letter = target / "folders" / "Documents" / "letters" / "to bank.txt"
    letter.write_text("my edits\n", encoding="utf-8")
    again = run_cli("restore", result["archive"], "--to", str(target), "--json")
    assert again.returncode == 0
    report = json.loads(again.stdout)
    assert report["restored"] == 0 and "folders/Documents/letters/to bank.txt" in report["kept"]
    assert letter.read_text(encoding="utf-8") == "my edits\n"
    forced = run_cli("restore", result["archive"], "--to", str(target), "--overwrite")
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert letter.read_text(encoding="utf-8").startswith("Dear bank")
    assert (target / "folders" / "Documents" / "readonly.txt").read_text() == "do not change\n"


def _hostile_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as handle:
        handle.writestr("ok.txt", b"fine")
        for name in ("../escaped.txt", "/absolute.txt", "C:/drive.txt", "C:\\drive2.txt",
                     "a/../../climb.txt"):
            handle.writestr(name, b"evil")
        link = zipfile.ZipInfo("link")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        handle.writestr(link, "/etc")
        handle.writestr("through/outside.txt", b"evil")


def test_restore_refuses_every_entry_that_would_escape_the_folder(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.zip"
    _hostile_zip(hostile)
    target = tmp_path / "a" / "target"
    target.mkdir(parents=True)
    if os.name == "posix":
        (target / "through").symlink_to(tmp_path / "a")  # a link already in the target
    before = sorted(p.name for p in tmp_path.rglob("*"))
    done = run_cli("restore", str(hostile), "--to", str(target), "--json")
    assert done.returncode == 3, done.stderr  # what the archive holds is at fault: as verify
    report = json.loads(done.stdout)
    refused = {r["name"] for r in report["refused"]}
    assert refused >= {"../escaped.txt", "/absolute.txt", "C:/drive.txt", "C:\\drive2.txt",
                       "a/../../climb.txt", "link"}
    if os.name == "posix":
        assert "through/outside.txt" in refused
    assert report["restored"] == 1 and (target / "ok.txt").read_bytes() == b"fine"
    after = sorted(p.name for p in tmp_path.rglob("*"))
    assert set(after) - set(before) == {"ok.txt"}
    text = run_cli("restore", str(hostile), "--to", str(tmp_path / "b"))
    assert "refused: a “..” that climbs out of the folder" in text.stdout


@pytest.mark.skipif(os.name != "posix", reason="file permissions as on Linux and macOS")
def test_an_unreadable_file_is_recorded_and_the_rest_backed_up(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root reads everything: the backup runs as nobody, who needs a way in
        tmp_path = Path(tempfile.mkdtemp(prefix="switchover-nobody-"))
        tmp_path.chmod(0o755)
        request_cleanup = tmp_path
    else:
        request_cleanup = None
    docs = make_tree(tmp_path / "home")
    secret = docs / "private.txt"
    secret.write_text("mine\n", encoding="utf-8")
    secret.chmod(0)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "core.cli.main", "backup", "--demo", "windows-clean-defender",
               "--to", str(out), "--include", str(docs), "--json"]
    if request_cleanup is not None:
        out.mkdir()
        os.chown(out, 65534, 65534)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    reasons = {Path(s["original_path"]).name: s["reason"] for s in result["skipped"]}
    assert "Permission denied" in reasons["private.txt"]
    assert result["files"] >= 6
    assert run_cli("verify", result["archive"]).returncode == 0
    if request_cleanup is not None:
        shutil.rmtree(request_cleanup, ignore_errors=True)


def test_a_file_that_grows_while_read_is_kept_and_flagged(tmp_path: Path) -> None:
    docs = tmp_path / "logs"
    docs.mkdir()
    growing = docs / "app.log"
    growing.write_bytes(b"x" * 40_000_000)
    stop = threading.Event()

    def append() -> None:
        with open(growing, "ab") as handle:
            while not stop.is_set():
                handle.write(b"new line\n" * 100)
                handle.flush()
                time.sleep(0.001)

    writer = threading.Thread(target=append)
    writer.start()
    try:
        plan = plan_backup(detect(load_demo("windows-clean-defender")),
                           BackupChoices(folders=(str(docs),)))
        result = run_backup(plan, tmp_path / "out", BackupOptions(create_folder="all", live=False))
    finally:
        stop.set()
        writer.join()
    assert any("changed while being read" in w for w in result.warnings)
    entry = manifest_of(Path(result.archive))["files"][0]
    assert "changed while being read" in entry["warning"]
    assert run_cli("verify", result.archive).returncode == 0


def test_cancel_stops_the_backup_and_leaves_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "big"
    docs.mkdir()
    for i in range(8):
        (docs / f"part{i}.bin").write_bytes(os.urandom(4_000_000))
    token = CancelToken()
    seen: list[Progress] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        if p.stage == "copying":  # the first report comes as the first file starts
            token.cancel()

    plan = plan_backup(detect(load_demo("windows-clean-defender")),
                       BackupChoices(folders=(str(docs),)))
    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        run_backup(plan, out, BackupOptions(create_folder="all",
                                            live=False), progress=progress, cancel=token)
    assert list(out.iterdir()) == []
    assert sorted(p.name for p in docs.iterdir()) == [f"part{i}.bin" for i in range(8)]


def test_progress_counts_bytes_and_files_up_to_the_total(tmp_path: Path) -> None:
    docs = make_tree(tmp_path / "home")
    seen: list[Progress] = []
    plan = plan_backup(detect(load_demo("windows-clean-defender")),
                       BackupChoices(folders=(str(docs),)))
    result = run_backup(plan, tmp_path / "out", BackupOptions(create_folder="all", live=False),
                        progress=seen.append)
    last = [p for p in seen if p.stage == "copying"][-1]
    assert last.done_files == last.total_files == result.files - 0
    assert last.done_bytes == last.total_bytes > 0
    assert last.fraction == 1.0


def test_bad_destination_and_bad_include_are_one_sentence_errors(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-clean-defender", "--to", str(blocker / "sub"),
                   "--include", str(tmp_path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    missing = run_cli("backup", "--create-folder",
                      "--demo", "windows-clean-defender", "--to", str(tmp_path),
                      "--include", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    with pytest.raises(BadInput):
        run_backup(plan_backup(detect(load_demo("windows-clean-defender"))), blocker,
                   BackupOptions(create_folder="all", live=False))
