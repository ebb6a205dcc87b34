"""The one way a date is shown to a person: in their language, in their region's order.

"1 December 2026", "December 1, 2026" (US and Canadian English, as CLDR's long date
formats write it), "1. Dezember 2026", "1 de diciembre de 2026"; never "2026-12-01".
Machine formats (ISO 8601) stay in JSON and file names; everything a person reads goes
through here, so Scan, the ban page, the catalog's review date and the report agree.
The month names are CLDR's (format, wide); three languages do not justify Babel's 30 MB
of locale data in a 50 MB download.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from core.language.choice import Locale
from core.language.translate import current

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}
MONTH_FIRST = ("US", "CA")  # English in these regions: CLDR long date "MMMM d, y"


def long_date(day: date | datetime | str, locale: Locale | None = None) -> str:
    """A date (or an ISO 8601 date or timestamp) in words, in the locale's language."""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    chosen = locale or current()
    language = chosen.language if chosen.language in MONTHS else "en"
    month = MONTHS[language][day.month - 1]
    if language == "de":
        return f"{day.day}. {month} {day.year}"
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    if chosen.region in MONTH_FIRST:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


_IN_TEXT = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS["en"]) + r") (\d{4})\b")


def dates_in_text(text: str, locale: Locale | None = None) -> str:
    """Every "29 September 2024" in an English sentence, written the reader's way.

    The English texts in resources/ are written day first; a reader whose region writes
    the month first reads every date on a page the same way. Translations are written
    with their language's dates already.
    """
    chosen = locale or current()
    if chosen.language != "en" or chosen.region not in MONTH_FIRST:
        return text
    return _IN_TEXT.sub(lambda m: f"{m.group(2)} {int(m.group(1))}, {m.group(3)}", text)
