"""The one way pages run core work off the UI thread.

`start_job(parent, work, on_done, on_progress=...)` runs `work(progress, cancel)` on Qt's
thread pool and delivers progress, the result or the error back on the UI thread through
signals; errors go to `gui.errors.report_error` unless the page passes its own handler.
The returned `Job` cancels through core's `CancelToken`. The UI thread never touches
files, the registry, the network or subprocesses.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from core.jobs import CancelToken, Progress, ProgressCallback

T = TypeVar("T")
Work = Callable[[ProgressCallback, CancelToken], T]


class Job(QObject):
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject, work: Work[object]) -> None:
        super().__init__(parent)
        self.work = work
        self.token = CancelToken()
        self.running = False

    def cancel(self) -> None:
        self.token.cancel()

    def _finish(self, _: object) -> None:
        self.running = False


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        job = self.job
        try:
            result = job.work(lambda p: _deliver(job.progress, p), job.token)
        except BaseException as exc:  # delivered to the page, which routes it by type
            _deliver(job.failed, exc)
        else:
            _deliver(job.done, result)


def _deliver(signal: SignalInstance, value: object) -> None:
    """Emit, unless the page that asked was closed meanwhile: then nobody is waiting."""
    with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
        signal.emit(value)


def start_job(parent: QObject, work: Work[T], on_done: Callable[[T], None],
              on_error: Callable[[BaseException], None] | None = None,
              on_progress: Callable[[Progress], None] | None = None) -> Job:
    job = Job(parent, work)
    job.done.connect(job._finish)
    job.failed.connect(job._finish)
    job.done.connect(on_done)
    job.failed.connect(lambda exc: _route_failure(parent, exc, on_error))
    if on_progress is not None:
        job.progress.connect(on_progress)
    job.running = True
    QThreadPool.globalInstance().start(_Runnable(job))
    return job


def _route_failure(parent: QObject, exc: BaseException,
                   on_error: Callable[[BaseException], None] | None) -> None:
    """Every job's failure passes here: a bug is logged and offered with "Copy details"
    (gui.errors) whatever the page does with it; the page's own handler then shows the
    sentence where the user is looking. Without one, gui.errors shows everything."""
    from core.errors import SwitchoverError
    from gui.errors import report_error

    widget = parent if isinstance(parent, QWidget) else None
    if on_error is None or not isinstance(exc, SwitchoverError):
        report_error(widget, exc)
    if on_error is not None:
        on_error(exc)


def run_job(parent: QObject, fn: Callable[[], T], on_done: Callable[[T], None],
            on_error: Callable[[BaseException], None]) -> Job:
    """For work that reports no progress and cannot be cancelled part-way."""
    return start_job(parent, lambda _progress, _cancel: fn(), on_done, on_error)
