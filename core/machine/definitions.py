"""Reading the date of a product's virus definitions from the small index file it keeps.

Kaspersky writes `u1313g.xml` (older products and SDKs `u0607g.xml`) whose root `Update`
element carries `Date="DDMMYYYY HHMM"` (`UpdateDate=` in the older file); the file ends
with non-XML after the last `;`, so we read it with a regex, never an XML parser
(shared/facts/kaspersky-footprint.md §1.8).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

_UPDATE_ELEMENT = re.compile(r"<Update\b[^>]*?\b(?:Update)?Date\s*=\s*\"(\d{8})\s*(\d{4})?\"",
                             re.IGNORECASE | re.DOTALL)
_ANY_UPDATE_DATE = re.compile(r"\bUpdateDate\s*=\s*\"(\d{8})\s*(\d{4})?\"", re.IGNORECASE)

# After this many days without an update, we say the definitions are out of date: it is
# the default after which Microsoft Defender itself reports its own as out of date.
STALE_AFTER_DAYS = 7


def parse_kaspersky_update_index(text: str) -> datetime | None:
    """The update date in an index file's text, or None when the text does not carry one."""
    found = _UPDATE_ELEMENT.search(text) or _ANY_UPDATE_DATE.search(text)
    if not found:
        return None
    day, clock = found.group(1), found.group(2) or "0000"
    try:
        return datetime(int(day[4:]), int(day[2:4]), int(day[:2]), int(clock[:2]),
                        int(clock[2:]), tzinfo=timezone.utc)
    except ValueError:
        return None
