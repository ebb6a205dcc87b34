"""The one way a date is shown to a person, in the order of their locale.

"1 December 2026" or, where the locale writes the month first (US and Canadian English,
as CLDR's long date formats do), "December 1, 2026"; never "2026-12-01". Machine formats
(ISO 8601) stay in JSON and file names; everything a person reads goes through here, so
Scan, the ban page, the catalog's review date and the report agree. Month names are
English until the translations (issue 19) bring each language's own.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date, datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_FIRST = ("en_US", "en_CA")  # CLDR long date "MMMM d, y"


def user_locale() -> str:
    """The locale dates are written in: LC_ALL, LC_TIME, LANG, or Windows' user locale."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name)
        if value:
            return value.split(".")[0].replace("-", "_")
    if sys.platform == "win32":
        import ctypes

        buffer = ctypes.create_unicode_buffer(85)
        if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, 85):  # type: ignore[attr-defined]
            return str(buffer.value).replace("-", "_")
    return ""


def long_date(day: date | datetime | str, locale: str | None = None) -> str:
    """A date (or an ISO 8601 date or timestamp) in words, in the locale's order."""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    month = MONTHS[day.month - 1]
    if (locale if locale is not None else user_locale()) in MONTH_FIRST:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


_IN_TEXT = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


def dates_in_text(text: str, locale: str | None = None) -> str:
    """Every "29 September 2024" in a sentence, written in the locale's order.

    The texts in resources/ are written day first; a person whose locale writes the month
    first reads every date on a page the same way.
    """
    chosen = locale if locale is not None else user_locale()
    if chosen not in MONTH_FIRST:
        return text
    return _IN_TEXT.sub(lambda m: f"{m.group(2)} {int(m.group(1))}, {m.group(3)}", text)
