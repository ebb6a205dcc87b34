"""Worker threads that run jobs in the order given, and results still being computed.

A backup hands each chunk of a photo to a hashing lane: 600 MB are 600 hand-overs, and
`concurrent.futures` spent 25 µs on each (a future, a work item, a look at the pool) on
the thread that copies, plus 6 ms at start loading `logging`. A lane is one thread and
one queue; a job that must report back gets a `Pending`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Pending(Generic[T]):
    """A value another thread is still computing (or its error)."""

    __slots__ = ("_done", "_error", "_value")

    def __init__(self) -> None:
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None

    def set(self, value: T) -> None:
        self._value = value
        self._done.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._done.set()

    def done(self) -> bool:
        return self._done.is_set()

    def result(self) -> T:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


class Lane:
    """One worker thread; jobs run one at a time, in the order they were given.

    The thread is a daemon: if the job is abandoned (an error, a cancel), the process can
    still exit. A failure in a fire-and-forget job is kept and handed to the next
    `compute` queued after it (then forgotten), so it cannot pass unseen: a file's chunks
    are followed by its own `compute`, which is where its hashing error belongs.
    """

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...],
                                            Pending[Any] | None] | None] = queue.SimpleQueue()
        self._failure: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    def run(self, job: Callable[..., object], *args: Any) -> None:
        """Queue a job whose result nobody waits for."""
        self._check_open()
        self._jobs.put((job, args, None))

    def compute(self, job: Callable[..., T], *args: Any) -> Pending[T]:
        """Queue a job; its result (or error) arrives in the Pending."""
        self._check_open()
        pending: Pending[T] = Pending()
        self._jobs.put((job, args, pending))
        return pending

    def close(self) -> None:
        """Let queued jobs finish, then stop the thread."""
        if not self._closed:
            self._closed = True
            self._jobs.put(None)
            self._thread.join()

    def _check_open(self) -> None:
        # A job queued after the stop marker would never run, and its Pending never end.
        if self._closed:
            raise RuntimeError(f"the {self._thread.name} lane is closed")

    def _work(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, args, pending = item
            try:
                value = job(*args)
            except BaseException as exc:
                if pending is None:
                    self._failure = self._failure or exc
                else:
                    pending.fail(exc)
                continue
            if pending is not None:
                if self._failure is not None:
                    pending.fail(self._failure)
                    self._failure = None
                else:
                    pending.set(value)
