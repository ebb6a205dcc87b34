"""What every long core job takes: a progress callback and a cancel token.

The GUI runs these jobs on a worker thread and the CLI on the main thread; both hand in a
callback that must return quickly (the job calls it at most every `PROGRESS_INTERVAL`
seconds plus once at the end) and a token they may cancel from any thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from core.errors import Cancelled

PROGRESS_INTERVAL = 0.1


class CancelToken:
    """Set from any thread; the job checks it between chunks and stops cleanly."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("Cancelled; nothing was left behind.")


@dataclass(frozen=True)
class Progress:
    """A snapshot of a job's progress: enough for a bar, a count and an ETA."""

    stage: str
    done_bytes: int
    total_bytes: int
    done_files: int
    total_files: int
    current: str
    eta_seconds: float | None

    @property
    def fraction(self) -> float:
        if self.total_bytes > 0:
            return min(1.0, self.done_bytes / self.total_bytes)
        if self.total_files > 0:
            return min(1.0, self.done_files / self.total_files)
        return 0.0


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The callback for callers that do not show progress."""


class ProgressMeter:
    """Counts bytes and files and calls back at most every PROGRESS_INTERVAL seconds.

    The ETA is derived from the byte rate since the start: file counts mislead when one
    large video sits among thousands of small documents.
    """

    def __init__(self, stage: str, total_bytes: int, total_files: int,
                 callback: ProgressCallback) -> None:
        self.stage = stage
        self.total_bytes = total_bytes
        self.total_files = total_files
        self.done_bytes = 0
        self.done_files = 0
        self.current = ""
        self._callback = callback
        self._start = time.monotonic()
        self._last = 0.0

    def add_bytes(self, count: int) -> None:
        self.done_bytes += count
        self._maybe_report()

    def file_started(self, name: str) -> None:
        self.current = name
        self._maybe_report()

    def file_done(self) -> None:
        self.done_files += 1
        self._maybe_report()

    def finish(self) -> None:
        self._report()

    def _maybe_report(self) -> None:
        if time.monotonic() - self._last >= PROGRESS_INTERVAL:
            self._report()

    def _report(self) -> None:
        now = time.monotonic()
        self._last = now
        elapsed = now - self._start
        eta: float | None = None
        if self.done_bytes > 0 and elapsed > 0.5 and self.total_bytes >= self.done_bytes:
            eta = (self.total_bytes - self.done_bytes) * elapsed / self.done_bytes
        self._callback(Progress(self.stage, self.done_bytes, self.total_bytes, self.done_files,
                                self.total_files, self.current, eta))
