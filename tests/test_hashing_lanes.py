"""Files hashed on two lanes while the next one is copied: every digest belongs to its own
file, the manifest keeps archive order, and a failing disk mid-file loses nothing else."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import zipfile
from pathlib import Path

import pytest
from backup_helpers import manifest_of, only_archive, unzip_test

from core.backup.archive import BackupOptions, run_backup
from core.backup.lanes import Lane
from core.backup.plan import BackupItem, BackupPlan
from core.backup.streaming import BUFFERS, CHUNK, Hasher, SourceReadError
from core.backup.verify import verify_archive
from core.jobs import CancelToken


def _plan(folder: Path) -> BackupPlan:
    item = BackupItem(id="user-folder-1", kind="user-folder", title="Pictures",
                      why="", action="copy", paths=(str(folder),),
                      archive_dir="folders/Pictures")
    return BackupPlan(platform="linux", items=(item,), reviewed="2026-11-24")


def test_large_and_small_files_keep_their_own_checksums_in_archive_order(
        tmp_path: Path) -> None:
    pictures = tmp_path / "Pictures"
    pictures.mkdir()
    expected: dict[str, str] = {}
    for index in range(12):
        # Large photos (streamed, hashed on a lane) between small notes (hashed inline):
        # a digest handed to the wrong record, or a record written out of turn, shows.
        size = (3 * CHUNK + 4321 * index) if index % 3 else 700 + index
        data = os.urandom(size) if index % 3 else f"note {index}\n".encode() * 50
        name = f"{index:02d}-{'photo.jpg' if index % 3 else 'note.txt'}"
        (pictures / name).write_bytes(data)
        expected[name] = hashlib.sha256(data).hexdigest()
    out = tmp_path / "out"
    out.mkdir()
    run_backup(_plan(pictures), out, BackupOptions(live=False))
    archive = only_archive(out)
    records = [f for f in manifest_of(archive)["files"] if f["name"].startswith("folders/")]
    assert {r["name"].rsplit("/", 1)[-1]: r["sha256"] for r in records} == expected
    with zipfile.ZipFile(archive) as opened:
        order = [n for n in opened.namelist() if n in {r["name"] for r in records}]
    assert [r["name"] for r in records] == order
    assert verify_archive(str(archive)).ok
    assert unzip_test(archive).returncode == 0


class _FailsAtTheEnd(io.RawIOBase):
    """A source that gives `good` and then raises `error`: a dying USB stick (OSError) or
    a damaged archive member (the decompressor's ValueError)."""

    def __init__(self, good: bytes, error: Exception) -> None:
        self._data = io.BytesIO(good)
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        got = self._data.readinto(buffer)
        if not got:
            raise self._error
        return got


def test_a_read_error_part_way_keeps_what_was_read_and_the_next_file_copies() -> None:
    good = os.urandom(2 * CHUNK + 12345)
    sink = io.BytesIO()
    finished: list[str] = []

    def work() -> None:
        with Hasher() as hasher:
            try:
                dying = _FailsAtTheEnd(good, OSError(5, "Input/output error"))
                hasher.start_copy(dying, sink, lambda _: None, CancelToken())
            except SourceReadError as exc:
                assert exc.done == len(good)
                assert exc.sha256 == hashlib.sha256(good).hexdigest()
                finished.append("error reported")
            # Every buffer came back: a file longer than all of them together still copies.
            after = os.urandom((BUFFERS + 3) * CHUNK)
            digest, size = hasher.copy(io.BytesIO(after), None, lambda _: None,
                                       CancelToken())
            assert (digest, size) == (hashlib.sha256(after).hexdigest(), len(after))
            finished.append("next file copied")

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(120)  # a guard against a hang, not a timing check
    assert finished == ["error reported", "next file copied"]
    assert sink.getvalue() == good


def test_a_lane_runs_jobs_in_order_and_never_swallows_a_failure() -> None:
    lane = Lane("test")
    try:
        seen: list[int] = []
        for number in range(200):
            lane.run(seen.append, number)
        assert lane.compute(len, seen).result() == 200
        assert seen == list(range(200))

        def broken() -> None:
            raise OSError(5, "Input/output error")

        lane.run(broken)
        # The failure of a job nobody waited for reaches the next one that is waited for.
        with pytest.raises(OSError, match="Input/output"):
            lane.compute(len, seen).result()
        # ... and only there: the file after it is not blamed for it.
        assert lane.compute(len, seen).result() == 200
    finally:
        lane.close()
    with pytest.raises(RuntimeError, match="closed"):
        lane.run(seen.append, 1)  # it would never run


def test_damaged_members_one_after_another_never_exhaust_the_buffers() -> None:
    """verify carries on after a damaged member: each failure gives its buffers back."""
    outcomes: list[str] = []

    def work() -> None:
        with Hasher() as hasher:
            for _ in range(3 * BUFFERS):
                try:
                    damaged = _FailsAtTheEnd(os.urandom(2 * CHUNK), ValueError("bad distance"))
                    hasher.copy(damaged, None, lambda _: None, CancelToken())
                except ValueError:
                    outcomes.append("damaged")
            good = os.urandom(3 * CHUNK)
            assert hasher.copy(io.BytesIO(good), None, lambda _: None, CancelToken())[0] \
                == hashlib.sha256(good).hexdigest()
            outcomes.append("next member checked")

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(120)  # a guard against a hang, not a timing check
    assert outcomes == ["damaged"] * (3 * BUFFERS) + ["next member checked"]
