"""Copy a stream in chunks while helper threads compute its SHA-256.

SHA-256 is the slowest stage of a backup (1.7 GB/s on one core, slower than reading and
writing). Two hashing lanes take files in turn, so while this thread reads and writes
file N+1, file N's last chunks are still being hashed on the other core: a backup's
copy never waits for a file's digest, it gets a Pending (verify and restore, which
compare the digest at once, wait for it). Chunks of one file go to one lane, in order.
hashlib, zlib and file I/O release the GIL on large buffers, so the threads really run
side by side. A small pool of reused buffers bounds memory (six chunks whatever the
file sizes) and is the back-pressure: when every buffer is waiting to be hashed,
reading waits.
"""

from __future__ import annotations

import hashlib
import queue
from collections.abc import Callable
from typing import Protocol

from core.backup.lanes import Lane, Pending
from core.jobs import CancelToken

CHUNK = 1024 * 1024
BUFFERS = 6
LANES = 2
INLINE_BELOW = 256 * 1024


class Sink(Protocol):
    """Where the bytes go. `write` must be done with `data` when it returns: the buffer
    behind it is reused for a later chunk."""

    def write(self, data: bytes | memoryview, /) -> int: ...


class Source(Protocol):
    """Anything with read(n): a file, a ZIP member, an HTTP body."""

    def read(self, size: int = -1, /) -> bytes: ...


class SourceReadError(Exception):
    """Reading the source failed part-way; `done` bytes were copied before it."""

    def __init__(self, done: int, error: OSError, sha256: str) -> None:
        super().__init__(str(error))
        self.done = done
        self.error = error
        self.sha256 = sha256


def _hash_and_return(digest: hashlib._Hash, chunk: memoryview, buffer: bytearray,
                     free: queue.SimpleQueue[bytearray]) -> None:
    try:
        digest.update(chunk)
    finally:
        chunk.release()
        free.put(buffer)


def _fill(buffer: bytearray, source: Source,
          readinto: Callable[[bytearray], int | None] | None) -> int:
    if readinto is not None:
        return readinto(buffer) or 0
    data = source.read(CHUNK)
    buffer[:len(data)] = data
    return len(data)


class Hasher:
    """The hashing lanes and the buffers, shared by every file of a job.

    One thread copies at a time: buffers are safe to reuse because only the copying
    thread takes them from the pool (each job makes its own Hasher).
    """

    def __init__(self) -> None:
        self._lanes: list[Lane] = []
        try:
            for index in range(LANES):
                self._lanes.append(Lane(f"sha256-{index}"))
        except BaseException:
            self.close()
            raise
        self._turn = 0
        # Allocated once per job: a fresh 1 MiB per chunk is a fresh mapping, faulted in
        # page by page (a tenth of a photo backup).
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        for _ in range(BUFFERS):
            self._free.put(bytearray(CHUNK))

    def close(self) -> None:
        for lane in self._lanes:
            lane.close()

    def __enter__(self) -> Hasher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def copy(self, source: Source, sink: Sink | None, on_bytes: Callable[[int], None],
             cancel: CancelToken) -> tuple[str, int]:
        """Copy `source` into `sink` (or only read it), returning (sha256 hex, bytes).
        Raises SourceReadError as `start_copy` does."""
        digest, total = self.start_copy(source, sink, on_bytes, cancel)
        return (digest if isinstance(digest, str) else digest.result()), total

    def start_copy(self, source: Source, sink: Sink | None, on_bytes: Callable[[int], None],
                   cancel: CancelToken) -> tuple[str | Pending[str], int]:
        """Copy `source` into `sink` (or only read it); returns the SHA-256 (hex) still
        being computed (or already known, for a file hashed here), and the number of
        bytes copied.

        A read error becomes SourceReadError (the caller records it against the file);
        a write error propagates untouched (the destination is in trouble: stop the job).
        """
        digest = hashlib.sha256()
        lane: Lane | None = None  # chosen when a chunk first needs one
        total = 0
        failure: OSError | None = None
        readinto: Callable[[bytearray], int | None] | None = getattr(source, "readinto", None)
        try:
            while True:
                cancel.raise_if_cancelled()
                buffer = self._free.get()  # waits while every buffer is queued for hashing
                handed_over = False
                try:
                    try:
                        got = _fill(buffer, source, readinto)
                    except OSError as exc:
                        failure = exc
                        break
                    if not got:
                        break
                    written = memoryview(buffer)[:got]
                    if lane is None and got < INLINE_BELOW:
                        # A small file's only chunk (or a short first read): handing it to
                        # a thread and back costs more than hashing it here (100,000
                        # small files: seconds).
                        digest.update(written)
                    else:
                        if lane is None:
                            lane = self._lanes[self._turn]
                            self._turn = (self._turn + 1) % LANES
                        lane.run(_hash_and_return, digest, memoryview(buffer)[:got], buffer,
                                 self._free)
                        handed_over = True  # the lane puts it back
                finally:
                    if not handed_over:
                        self._free.put(buffer)
                # Only this thread takes buffers, so one handed back early is not reused
                # before this write is over.
                if sink is not None:
                    sink.write(written)
                written.release()
                total += got
                on_bytes(got)
        except BaseException:
            if lane is not None:
                lane.compute(digest.hexdigest)  # takes any hashing error of this file along
            raise
        if failure is not None:
            partial = lane.compute(digest.hexdigest).result() if lane else digest.hexdigest()
            raise SourceReadError(total, failure, partial) from None
        if lane is None:
            return digest.hexdigest(), total  # no Pending: 100,000 of them cost 0.3 s
        return lane.compute(digest.hexdigest), total
