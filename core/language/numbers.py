"""Numbers and sizes with the separators of the reader's language (CLDR's).

English writes 12,345.6; German and Spanish 12.345,6. Spanish (CLDR minimum grouping 2)
leaves four-digit numbers ungrouped: 1234 but 12.345.
"""

from __future__ import annotations

from core.language.choice import Locale
from core.language.translate import current

_SEPARATORS = {"en": (",", "."), "de": (".", ","), "es": (".", ",")}


def number(value: float, decimals: int = 0, locale: Locale | None = None) -> str:
    language = (locale or current()).language
    group, point = _SEPARATORS.get(language, _SEPARATORS["en"])
    text = f"{value:,.{decimals}f}"
    whole = text.split(".")[0].lstrip("-")
    if language == "es" and len(whole.replace(",", "")) == 4:
        text = text.replace(",", "", 1)
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


def size(count: int, locale: Locale | None = None) -> str:
    """Bytes in words a person reads: 0 bytes, 980.0 KB, 1.5 GB (decimal units, as the
    operating systems' file managers show them on macOS and Linux)."""
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            if unit == "bytes":
                return f"{number(value, 0, locale)} {unit}"
            return f"{number(value, 1, locale)} {unit}"
        value /= 1000
    raise AssertionError("unreachable")
