"""The pseudo-language: accented and 40% longer, placeholders and markup untouched."""

from __future__ import annotations

import re

_ACCENTED = str.maketrans("aeiouyAEIOUYcnsz", "àéîõüýÀÉÎÕÜÝçñšž")
# Placeholders ({name}, {0}, %n, %1), HTML tags and entities pass through unchanged.
_KEEP = re.compile(r"(\{[^{}]*\}|%n|%\d|<[^>]+>|&[a-z]+;)")


def pseudo(text: str) -> str:
    if not text:
        return text
    parts = _KEEP.split(text)
    out = "".join(part if _KEEP.fullmatch(part) else part.translate(_ACCENTED)
                  for part in parts)
    # Padding in words of five, so a long paragraph still wraps where real text would.
    extra = max(1, (len(text) * 2) // 5)
    padding = " ".join("~" * min(5, extra - i) for i in range(0, extra, 6))
    return f"[{out} {padding}]"
