"""Locale and IANA time zone of the machine: inputs for region-aware texts.

The country is left out here on purpose: a locale such as en_US says which language a
person reads, not where they live. Probes that can read a real region setting (Windows'
Geo name, macOS's AppleLocale) set `os.country`; the explanation infers the rest.
"""

from __future__ import annotations

import locale
import os

from core.machine.probes.common import FileSystem


def timezone_name(fs: FileSystem) -> str | None:
    if fs.root is None and os.environ.get("TZ", "").count("/") >= 1:
        return os.environ["TZ"].lstrip(":")
    try:
        target = os.readlink(fs.local("/etc/localtime"))
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    try:
        with open(fs.local("/etc/timezone"), encoding="utf-8") as handle:
            return handle.read().strip() or None
    except OSError:
        return None


def locale_name() -> str | None:
    try:
        lang = locale.getlocale()[0]
    except ValueError:
        lang = None
    lang = lang or (os.environ.get("LANG", "").split(".")[0] or None)
    return None if lang in ("C", "POSIX") else lang
