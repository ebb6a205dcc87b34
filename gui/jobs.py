"""One way to run core work off the UI thread: `run_job(parent, fn, on_done, on_error)`.

The UI thread never touches files, the registry, the network or subprocesses; pages hand
such work to `run_job`, which runs it on Qt's global thread pool and delivers the result
or the exception back on the UI thread through a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the page, which shows it
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


def run_job(parent: QObject, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> _Relay:
    """Run `fn` in the background; the relay is parented so it lives as long as the page."""
    relay = _Relay(parent)
    relay.done.connect(on_done)
    relay.failed.connect(on_error)
    QThreadPool.globalInstance().start(_Job(fn, relay))
    return relay
