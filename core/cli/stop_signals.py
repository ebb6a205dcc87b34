"""Stop signals unwind a command the way Ctrl-C does.

SIGTERM and SIGHUP are what Intune, Jamf, systemd, `timeout` and a closed terminal send
to stop a program. Left to their default they kill it on the spot: a stopped backup left
a hidden `.partial` of its full size in the destination and a folder in the temporary
directory. Raised as an exception instead, they run every cleanup on the way out.
"""

from __future__ import annotations

import signal
import threading
from typing import Any


class Stopped(KeyboardInterrupt):
    """The command was stopped by a signal (its number is in `signum`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def stop_on_signals() -> dict[int, Any]:
    """Install the stop for the signals this system has; returns the handlers before."""
    if threading.current_thread() is not threading.main_thread():
        return {}  # an in-process caller's thread: signals are its host's business
    before: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            before[number] = signal.signal(number, _stop)
    return before


def restore_signals(before: dict[int, Any]) -> None:
    for number, handler in before.items():
        signal.signal(number, handler)
