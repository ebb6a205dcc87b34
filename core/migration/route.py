"""The wizard's route as pure logic, so every path can be tested without a screen.

Qt draws the pages; which page follows which is decided here from plain facts about the
session. A machine without Kaspersky goes from the scan straight to choosing protection
(nothing to back up or remove); everyone else walks the whole way.
"""

from __future__ import annotations

from enum import IntEnum


class Page(IntEnum):
    WELCOME = 0
    SCAN = 1
    BAN = 2
    LOSE = 3
    BACKUP = 4
    CHOOSE = 5
    UNINSTALL = 6
    RUN = 7
    PROTECTED = 8
    DONE = 9


def next_page(page: Page, kaspersky_found: bool, resume_uninstall: bool = False) -> Page:
    """The page after `page`; -1 in Qt terms is DONE's successor and is not returned here."""
    if page == Page.WELCOME and resume_uninstall:
        return Page.RUN
    if page == Page.SCAN and not kaspersky_found:
        return Page.BAN
    if page == Page.BAN and not kaspersky_found:
        return Page.CHOOSE
    if page == Page.CHOOSE and not kaspersky_found:
        return Page.DONE
    if page == Page.PROTECTED:
        return Page.DONE
    return Page(min(page + 1, Page.DONE))
