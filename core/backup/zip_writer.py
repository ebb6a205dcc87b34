"""The ZIP writer under every backup: standard ZIP (ZIP64 when needed), one read per file.

Each file is read once. A small file (most of a real folder) is read whole: the password
sniffer looks at those bytes, they are hashed (SHA-256, for the manifest) and written
with one header. A large file streams in chunks while a helper thread hashes. Content
that would not shrink is stored, not deflated. Memory stays flat whatever the number of
files: each entry's central directory record and manifest record go to spool files in
the job's private temporary folder, and are copied into the archive at the end.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from core.backup import zip_format
from core.backup.archive_out import ArchiveOut
from core.backup.fast_zlib import crc32, raw_deflater
from core.backup.lanes import Pending
from core.backup.manifest import Skipped
from core.backup.names import display_path, should_store
from core.backup.sources import FileTask
from core.backup.streaming import Hasher, SourceReadError
from core.errors import SwitchoverError
from core.jobs import CancelToken, ProgressMeter
from core.language.translate import tr
from core.long_paths import long_path
from core.passwords.sniff import HEAD_BYTES, head_secret_reason, may_hold_secret

ZIP64_ABOVE = 1 << 30  # streamed files this large reserve ZIP64 sizes in their header
SMALL_FILE = 1024 * 1024  # read whole; larger files stream with hashing on a thread
WARNED_IN_README = 20


def _iso(mtime: float) -> str | None:
    try:
        return datetime.fromtimestamp(mtime, tz=timezone.utc).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return None  # a nonsense date on disk must not stop the backup


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f")


def incompressible(head: bytes) -> bool:
    """Whatever its name, content that does not shrink (already compressed, encrypted,
    random) is stored: deflating it costs most of a backup's time and saves nothing.

    Such content has control bytes everywhere (about 116 in a random KiB) yet few zeros
    (about 4). Text in any language and encoding has almost no control bytes (UTF-16 has
    zeros), and compressible binaries (programs, databases) are full of zeros. Two
    counts in C take about a microsecond; a trial deflate took 70, counting distinct
    byte values 16. A guess that is wrong only stores a file that could have shrunk.
    """
    sample = head[:1024]
    if len(sample) < 1024:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 64 and sample.count(0) < 24


def _read_whole(fd: int, size: int) -> tuple[bytes, OSError | None]:
    """Up to `size` bytes (what the file held when the copy began), and the read error
    that stopped it early, if any."""
    parts: list[bytes] = []
    done = 0
    while done < size:
        try:
            part = os.read(fd, size - done)
        except OSError as exc:
            return b"".join(parts), exc
        if not part:
            break
        parts.append(part)
        done += len(part)
    return (parts[0] if len(parts) == 1 else b"".join(parts)), None


def _read_head(fd: int, size: int) -> bytes:
    """The first bytes of the open file, leaving its position at the start. Windows has
    no pread: without this a large password export there would never be looked at."""
    try:
        if hasattr(os, "pread"):
            return os.pread(fd, size, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            return os.read(fd, size)
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
    except OSError:
        return b""


class _EntrySink:
    """Where a streamed entry's bytes go: CRC, optional deflate, the archive."""

    def __init__(self, out: ArchiveOut, deflate: bool, limit: int, shown: str) -> None:
        self.out = out
        self.shown = shown  # the file's path as the user knows it, for the one error
        self.crc = 0
        self.compressed = 0
        self.size = 0
        self.limit = limit
        self._deflater = raw_deflater() if deflate else None

    def write(self, data: bytes | memoryview, /) -> int:
        self.size += len(data)
        if self.size >= self.limit:
            raise SwitchoverError(tr("{path} grew past 4 GB while it was being copied, "
                                     "so no archive was kept; back it up again when it is "
                                     "not in use.").format(path=self.shown))
        self.crc = crc32(data, self.crc)
        packed = self._deflater.compress(data) if self._deflater else data
        if packed:
            self.out.write(packed)
            self.compressed += len(packed)
        return len(data)

    def finish(self) -> None:
        if self._deflater:
            tail = self._deflater.flush()
            self.out.write(tail)
            self.compressed += len(tail)


@dataclass
class Tally:
    """What the README and the result say about the files, without keeping their records."""

    files: int = 0
    bytes: int = 0
    warned: list[tuple[str, str]] | None = None


class ZipWriter:
    """Writes entries into the archive and spools the manifest's records."""

    def __init__(self, out: ArchiveOut, hasher: Hasher, meter: ProgressMeter,
                 cancel: CancelToken, spool_dir: Path) -> None:
        self.out = out
        self.hasher = hasher
        self.meter = meter
        self.cancel = cancel
        # Closed by close(): they live as long as the writer, across many calls.
        self._directory = tempfile.TemporaryFile(dir=spool_dir)  # noqa: SIM115
        self._records = tempfile.TemporaryFile(dir=spool_dir)  # noqa: SIM115
        self._entries = 0
        self.tally = Tally(warned=[])  # complete once `settle` has run
        # Records whose file is still being hashed, in archive order (see `_spool`).
        self._waiting: deque[tuple[dict[str, Any], str | Pending[str]]] = deque()
        self.skipped: list[Skipped] = []
        self.warnings: list[str] = []
        self.secrets: list[str] = []  # password exports found by content: never stored plain

    def settle(self) -> None:
        """Wait for every file still being hashed and write out its manifest record:
        `tally`, `warnings` and `records` are complete after this."""
        self._settle(wait=True)

    def close(self) -> None:
        self.out.close()
        self._directory.close()
        self._records.close()

    # -- the user's files ---------------------------------------------------------------

    def add_file(self, task: FileTask) -> None:
        self.meter.file_started(task.source)
        self.cancel.raise_if_cancelled()
        # Non-blocking: if the file was swapped for a FIFO since the scan, open must not hang.
        flags = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_NONBLOCK", 0))
        try:
            fd = os.open(long_path(task.source), flags)
        except OSError as exc:
            self._skip_task(task, f"cannot be read ({exc.strerror})")
            return
        try:
            before = os.fstat(fd)
            now_id = (before.st_dev, before.st_ino) if before.st_ino else None
            if not stat.S_ISREG(before.st_mode) or (
                    task.identity and now_id and task.identity != now_id):
                self._skip_task(task, "replaced by something else between the scan and the "
                                      "copy: not copied")
                return
            if before.st_size <= SMALL_FILE:
                self._small_file(task, fd, before)
            else:
                self._large_file(task, fd, before)
        finally:
            os.close(fd)

    def _is_secret(self, task: FileTask, size: int, head: bytes) -> bool:
        if may_hold_secret(task.source, size) and head_secret_reason(head):
            self.secrets.append(task.source)
            self.meter.add_bytes(size)
            self.meter.file_done()
            return True
        return False

    def _small_file(self, task: FileTask, fd: int, before: os.stat_result) -> None:
        data, error = _read_whole(fd, before.st_size)
        random_like = incompressible(data)  # never text, so never a password export
        if not random_like and self._is_secret(task, before.st_size, data):
            return
        stored = random_like or should_store(task.arcname)
        stored = self.add_bytes_entry(task.arcname, data, before.st_mtime,
                                      (before.st_mode & 0xFFFF) << 16, stored)
        self.meter.add_bytes(len(data))
        self._record(task, before, len(data), hashlib.sha256(data).hexdigest(), stored, error)

    def _large_file(self, task: FileTask, fd: int, before: os.stat_result) -> None:
        sniff = may_hold_secret(task.source, before.st_size)
        head = _read_head(fd, HEAD_BYTES if sniff else 1024)
        if sniff and self._is_secret(task, before.st_size, head):
            return
        stored = should_store(task.arcname) or incompressible(head)
        error: OSError | None = None
        with os.fdopen(os.dup(fd), "rb", buffering=0) as source:
            entry_sink = self._begin(task.arcname, before.st_mtime, before.st_mode & 0xFFFF,
                                     stored, zip64=before.st_size > ZIP64_ABOVE,
                                     shown=display_path(task.source))
            digest: str | Pending[str]
            try:
                digest, size = self.hasher.start_copy(source, entry_sink[1],
                                                      self.meter.add_bytes, self.cancel)
            except SourceReadError as exc:
                error, digest, size = exc.error, exc.sha256, exc.done
            self._end(*entry_sink)
        self._record(task, before, size, digest, stored, error)

    def _record(self, task: FileTask, before: os.stat_result, size: int,
                digest: str | Pending[str], stored: bool, error: OSError | None) -> None:
        warning = None
        if error is not None:
            warning = (f"reading stopped after {size} bytes ({error.strerror}); "
                       "the copy is incomplete")
        else:
            with contextlib.suppress(OSError):
                after = os.stat(long_path(task.source), follow_symlinks=False)
                if size < before.st_size:
                    warning = (f"became shorter while being read: the copy holds {size} of "
                               f"its {before.st_size} bytes; back it up again when it is not "
                               "in use")
                elif (after.st_size, after.st_mtime_ns) \
                        != (before.st_size, before.st_mtime_ns) or size != before.st_size:
                    warning = ("changed while being read: the copy may mix old and new "
                               "content; back it up again when it is not in use")
        if warning:
            self.warnings.append(f"{display_path(task.source)}: {warning}")
        self._spool(task.arcname, display_path(task.source), size, _iso(before.st_mtime),
                    digest, stored, task.raw_b64, warning, error is not None)
        self.meter.file_done()

    def _skip_task(self, task: FileTask, reason: str) -> None:
        self.skipped.append(Skipped(display_path(task.source), reason))
        self.meter.add_bytes(task.size)
        self.meter.file_done()

    def _spool(self, name: str, original_path: str, size: int, mtime: str | None,
               sha256: str | Pending[str], stored: bool, raw_name_b64: str | None = None,
               warning: str | None = None, incomplete: bool = False) -> None:
        """One manifest record (the fields of ManifestFile, in its order, built directly:
        100,000 dataclasses cost a second), written once its file's SHA-256 is known.
        Records keep archive order: one whose file is still being hashed holds back those
        after it. Each call writes out those that are ready; `settle` waits for the rest."""
        row = {"name": name, "original_path": original_path, "size": size, "mtime": mtime,
               "sha256": None, "stored": stored, "raw_name_b64": raw_name_b64,
               "warning": warning, "incomplete": incomplete}
        self._waiting.append((row, sha256))
        self._settle(wait=False)

    def _settle(self, wait: bool) -> None:
        waiting = self._waiting
        while waiting and (wait or isinstance(waiting[0][1], str) or waiting[0][1].done()):
            row, digest = waiting.popleft()
            row["sha256"] = digest if isinstance(digest, str) else digest.result()
            self._records.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
            tally = self.tally
            tally.files += 1
            tally.bytes += row["size"]
            if row["warning"] and tally.warned is not None \
                    and len(tally.warned) < WARNED_IN_README:
                tally.warned.append((row["original_path"], row["warning"]))

    # -- entries ------------------------------------------------------------------------

    def add_bytes_entry(self, name: str, data: bytes, mtime: float, external_attr: int,
                        stored: bool) -> bool:
        """One whole entry from bytes in memory; returns whether it was stored. Deflated
        data that came out no smaller is stored instead."""
        crc = crc32(data)
        payload = data
        if not stored and data:
            deflater = raw_deflater()
            packed = deflater.compress(data) + deflater.flush()
            if len(packed) < len(data):
                payload = packed
            else:
                stored = True
        elif not data:
            stored = True
        raw_name, utf8 = zip_format.encode_name(name)
        entry = zip_format.Entry(raw_name, utf8,
                                 zip_format.STORED if stored else zip_format.DEFLATED,
                                 zip_format.dos_time(mtime), external_attr)
        offset = self.out.position
        self.out.write(zip_format.local_header(entry, crc, len(payload), len(data)))
        self.out.write(payload)
        self._directory.write(zip_format.central_record(entry, crc, len(payload), len(data),
                                                        offset))
        self._entries += 1
        return stored

    def _begin(self, name: str, mtime: float, mode: int, stored: bool,
               zip64: bool, shown: str | None = None) -> tuple[zip_format.Entry, _EntrySink,
                                                               int]:
        """Start a streamed entry: its local header is written now and patched at the end."""
        raw_name, utf8 = zip_format.encode_name(name)
        entry = zip_format.Entry(raw_name, utf8,
                                 zip_format.STORED if stored else zip_format.DEFLATED,
                                 zip_format.dos_time(mtime), mode << 16, zip64=zip64)
        offset = self.out.position
        self.out.write(zip_format.local_header(entry, 0, 0, 0))
        limit = 1 << 62 if zip64 else zip_format.LIMIT
        return entry, _EntrySink(self.out, not stored, limit, shown or name), offset

    def _end(self, entry: zip_format.Entry, sink: _EntrySink, offset: int) -> None:
        sink.finish()
        self.out.patch(offset, zip_format.local_header(entry, sink.crc, sink.compressed,
                                                       sink.size))
        self._directory.write(zip_format.central_record(entry, sink.crc, sink.compressed,
                                                        sink.size, offset))
        self._entries += 1

    def add_bytes(self, name: str, data: bytes, original: str, stored: bool = False) -> None:
        """Something Switchover made (a licence note, an export, the encrypted part)."""
        now = time.time()
        stored = self.add_bytes_entry(name, data, now, 0o100644 << 16, stored)
        self._spool(name, original, len(data), _iso(now), hashlib.sha256(data).hexdigest(),
                    stored)

    def add_dir(self, name: str) -> None:
        # Unix folder mode, and the MS-DOS folder attribute too, as zip tools write it.
        self.add_bytes_entry(name, b"", time.time(), (0o40755 << 16) | 0x10, stored=True)

    def records(self) -> Iterator[bytes]:
        """The spooled manifest records, one JSON object each, in archive order (all of
        them: this settles first, when called, not when first iterated)."""
        self.settle()
        self._records.flush()
        self._records.seek(0)
        return (line.rstrip(b"\n") for line in self._records)

    def add_streamed(self, name: str) -> tuple[zip_format.Entry, _EntrySink, int]:
        """Begin a deflated entry written piece by piece (the manifest); end it with
        `end_streamed`."""
        return self._begin(name, time.time(), 0o100644, stored=False, zip64=True)

    def end_streamed(self, begun: tuple[zip_format.Entry, _EntrySink, int]) -> None:
        self._end(*begun)

    def finish(self) -> None:
        """The central directory and the end records: the archive is complete after this."""
        self._directory.flush()
        self._directory.seek(0)
        start = self.out.position
        while chunk := self._directory.read(1024 * 1024):
            self.out.write(chunk)
        size = self.out.position - start
        self.out.write(zip_format.end_records(self._entries, start, size))
        self.out.flush()
