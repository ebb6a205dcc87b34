"""The archive file being written: buffered appends, in-place header patches, write-behind.

One `os.write` per megabyte instead of one per header and per small file (100,000 files
are 200,000 records). Patching a header seeks back, writes and returns to the end, so
it works the same on Windows, which has no `pwrite`.
"""

from __future__ import annotations

import contextlib
import os

from core.backup.lanes import Lane, Pending

BUFFER = 1024 * 1024
WRITEBACK_EVERY = 64 * 1024 * 1024


class ArchiveOut:
    """Appends to an open file descriptor and knows the archive offset of the next byte.

    Write-behind: every 64 MiB, `POSIX_FADV_DONTNEED` over the recent windows starts
    writeback of what was just written (so the closing fsync has little left to do:
    measured 0.2-1.2 s for 600 MB without it) and drops the pages already written out, so
    a backup nobody reads back soon does not push the user's working files out of the page
    cache. Only the recent range is passed: advising the whole file each time costs time
    in proportion to the archive's size. The advice runs on its own thread: it waits
    whenever the disk is busy (up to 0.14 s a call, seen with strace), and the copy must
    not wait with it. One call at a time; a window that comes while one runs joins the
    next.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.position = os.lseek(fd, 0, os.SEEK_CUR)
        self._buffer = bytearray()
        self._flushed = self.position
        self._advised = self.position
        self._advise = hasattr(os, "posix_fadvise")
        self._lane: Lane | None = None
        self._pending: Pending[None] | None = None

    def close(self) -> None:
        """Wait for the write-behind thread; the caller's fsync does the rest."""
        self._advise = False  # no new lane after this
        if self._lane is not None:
            self._lane.close()
            self._lane = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        size = len(data)
        if len(self._buffer) + size > BUFFER:
            self.flush()
        if size >= BUFFER:
            self._write_all(data)
        else:
            self._buffer += data
        self.position += size

    def flush(self) -> None:
        if self._buffer:
            self._write_all(self._buffer)
            self._buffer = bytearray()

    def patch(self, offset: int, data: bytes) -> None:
        """Overwrite bytes already written (a local header whose sizes are now known)."""
        self.flush()
        os.lseek(self.fd, offset, os.SEEK_SET)
        try:
            self._write_raw(data)
        finally:
            os.lseek(self.fd, 0, os.SEEK_END)

    def _write_raw(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        while view:
            done = os.write(self.fd, view)
            view = view[done:]

    def _write_all(self, data: bytes | bytearray | memoryview) -> None:
        self._write_raw(data)
        self._flushed += len(data)
        if self._advise and self._flushed - self._advised >= WRITEBACK_EVERY \
                and (self._pending is None or self._pending.done()):
            start = max(0, self._advised - WRITEBACK_EVERY)
            if self._lane is None:
                self._lane = Lane("writeback")
            self._pending = self._lane.compute(_advise, self.fd, start, self._flushed - start)
            self._advised = self._flushed


def _advise(fd: int, start: int, length: int) -> None:
    """Advice only: if it fails, the closing fsync does the writing, so nothing waits for
    or reads this result."""
    with contextlib.suppress(OSError):
        os.posix_fadvise(fd, start, length, os.POSIX_FADV_DONTNEED)
