"""Copy a stream in chunks while a second thread computes its SHA-256.

hashlib and zlib release the GIL on large buffers, so hashing chunk N on a helper thread
while this thread compresses, checks the CRC of and writes chunk N uses both cores; memory
stays at two chunks whatever the file size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from core.jobs import CancelToken

CHUNK = 1024 * 1024
INLINE_BELOW = 256 * 1024


class Sink(Protocol):
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


class Hasher:
    """One helper thread for hashing, shared by every file of a job."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256")
        # Allocated once per job: 1 MiB zeroed twice per file was a tenth of a photo backup.
        self._buffers = (bytearray(CHUNK), bytearray(CHUNK))

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def __enter__(self) -> Hasher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def copy(self, source: Source, sink: Sink | None, on_bytes: Callable[[int], None],
             cancel: CancelToken) -> tuple[str, int]:
        """Copy `source` into `sink` (or only read it), returning (sha256 hex, bytes).

        A read error becomes SourceReadError (the caller records it against the file);
        a write error propagates untouched (the destination is in trouble: stop the job).
        """
        digest = hashlib.sha256()
        pending: Future[None] | None = None
        total = 0
        failure: OSError | None = None
        # Two reused buffers, read into in turn: a fresh 1 MiB bytes per chunk is a fresh
        # mapping, faulted in page by page. The one being hashed is never read into: the
        # hash of the chunk before is waited for before the next one is handed over.
        readinto: Callable[[bytearray], int | None] | None = getattr(source, "readinto", None)
        buffers = self._buffers
        turn = 0
        try:
            while True:
                cancel.raise_if_cancelled()
                chunk: bytes | memoryview
                try:
                    if readinto is not None:
                        buffer = buffers[turn]
                        turn ^= 1
                        chunk = memoryview(buffer)[:readinto(buffer) or 0]
                    else:
                        chunk = source.read(CHUNK)
                except OSError as exc:
                    failure = exc
                    break
                if not chunk:
                    break
                if pending is not None:
                    pending.result()
                    pending = None
                if len(chunk) < INLINE_BELOW:
                    # A small file's only chunk: handing it to the thread and back costs
                    # more than hashing it here (100,000 small files: seconds).
                    digest.update(chunk)
                else:
                    pending = self._pool.submit(digest.update, chunk)
                if sink is not None:
                    sink.write(chunk)
                total += len(chunk)
                on_bytes(len(chunk))
        finally:
            if pending is not None:
                pending.result()
        if failure is not None:
            raise SourceReadError(total, failure, digest.hexdigest())
        return digest.hexdigest(), total
