"""Text for a terminal: nothing from outside may steer it.

A snapshot, a catalog or a server can carry escape sequences (`ESC ]0;…` retitles the
window, `ESC [2J` clears it) or Unicode direction overrides that make a line read other
than it is. Everything the `switchover` command prints goes through `SafeStream`, one
choke point, so no command can forget: such characters are shown as `\\u001b`, `\\u202e`.
Names and paths from a machine also pass `one_line` where detection reads them.
"""

import re
from typing import Any, TextIO

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The same and tab and newline: for one name or path that must stay on its line.
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(found: re.Match[str]) -> str:
    """`\\u001b`: visible in a terminal, and a valid escape inside a JSON string (the
    stream carries `--json` output too, whose strings may hold C1 characters raw)."""
    return f"\\u{ord(found.group()):04x}"


def printable(text: str) -> str:
    """The text with every character that could steer a terminal written out visibly."""
    return _UNSAFE.sub(_shown, text)


def one_line(text: str) -> str:
    """A name or path from outside as one visible line: a newline in a DisplayName cannot
    start a line of its own that reads like Switchover's verdict."""
    return _UNSAFE_IN_LINE.sub(_shown, text)


class SafeStream:
    """A text stream that writes `printable(text)`; everything else is the stream's own."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
