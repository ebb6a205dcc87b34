"""The wizard's pages, by name: the one thing the first window needs from the route.

Kept apart from `route.py` so that Welcome, drawn before anything else, imports an enum
and nothing more (the window's first paint is measured against a bare QWizard).
"""

from __future__ import annotations

from enum import IntEnum


class Page(IntEnum):
    """The pages in the order of a safe switch: the new protection is chosen and ready
    before anything is backed up or removed, as the ban page advises."""

    WELCOME = 0
    SCAN = 1
    BAN = 2
    CHOOSE = 3
    READY = 4
    LOSE = 5
    BACKUP = 6
    UNINSTALL = 7
    RUN = 8
    PROTECTED = 9
    DONE = 10
