"""The one way a date is shown to a person: "1 December 2026", never "2026-12-01".

Machine formats (ISO 8601) stay in JSON and file names; everything a person reads goes
through here, so Scan, the ban page, the catalog's review date and the report agree.
Translations (and each language's own order) come with the languages issue; until then
this is the English form, unambiguous in every English-speaking country.
"""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date | datetime | str) -> str:
    """A date (or an ISO 8601 date or timestamp) in words."""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
