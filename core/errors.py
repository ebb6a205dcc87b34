"""The small hierarchy of errors that the faces (CLI, GUI) know how to show.

Anything that is not a `SwitchoverError` is a bug: the CLI prints one sentence and
exits 1 rather than a traceback, but tests treat it as a failure.
"""

from __future__ import annotations


class SwitchoverError(Exception):
    """An expected failure with a message a user can act on (one sentence)."""

    exit_code = 1


class BadInput(SwitchoverError):
    """The user gave us something unusable: a bad snapshot, path or argument (exit 2)."""

    exit_code = 2


class ResourceError(SwitchoverError):
    """A bundled resource (signatures, demo machine) is missing or invalid.

    This means a broken install or a bad edit of `resources/`, never user input.
    """


class Cancelled(SwitchoverError):
    """The user cancelled a long job; faces treat this silently."""
