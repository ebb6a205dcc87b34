"""Which language and region the user reads: `--lang`, then the environment, then English.

Switchover speaks English, German and Spanish. The region (the part after `_`) is kept
whatever the language, because it decides the order of dates (US and Canadian English
write the month first) and the report's paper (Letter in the Americas' CLDR list). A
language Switchover does not have falls back to English with the region kept; `qps` is
the pseudo-language that shows every translatable sentence accented and 40% longer, to
find sentences left untranslated and layouts that clip.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

from core.errors import BadInput

SUPPORTED = ("en", "de", "es")
PSEUDO = "qps"
NAMES = {"en": "English", "de": "Deutsch", "es": "Español"}
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?")


@dataclass(frozen=True)
class Locale:
    language: str  # en | de | es | qps
    region: str = ""  # ISO 3166 code in capitals, or ""

    @property
    def tag(self) -> str:
        return f"{self.language}_{self.region}" if self.region else self.language


def parse(tag: str) -> Locale | None:
    """`de_DE.UTF-8`, `es-MX`, `en`, `C` … → a Locale (None for C, POSIX and nonsense)."""
    found = _TAG.match(tag.strip())
    if not found or tag.strip().upper() in ("C", "POSIX"):
        return None
    language = found.group(1).lower()
    region = (found.group(2) or "").upper()
    if language == PSEUDO:
        return Locale(PSEUDO, region)
    return Locale(language if language in SUPPORTED else "en", region)


def _windows_ui_locale() -> str:
    import ctypes

    buffer = ctypes.create_unicode_buffer(85)
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if kernel.GetUserDefaultLocaleName(buffer, 85):
        return str(buffer.value)
    return ""


def from_environment() -> Locale:
    """LC_ALL, LC_MESSAGES, LANG (as gettext reads them), else Windows' user locale."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return parse(value) or Locale("en")
    if sys.platform == "win32":
        return parse(_windows_ui_locale()) or Locale("en")
    return Locale("en")


def choose(flag: str | None) -> Locale:
    """The `--lang` value if given (refused in one sentence if unknown), else the
    environment's. A flag without a region keeps the environment's region."""
    if not flag:
        return from_environment()
    chosen = parse(flag)
    if chosen is None or (chosen.language == "en" and not flag.lower().startswith("en")):
        raise BadInput(f"Switchover speaks English, German and Spanish: use --lang en, de or "
                       f"es (not {flag[:20]!r}).")
    if not chosen.region:
        chosen = Locale(chosen.language, from_environment().region)
    return chosen
