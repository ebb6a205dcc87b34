"""The small pattern language of the signatures, shared by probes and detection.

Signatures are data, written by people who review sources, not regex experts. One pattern
says both what a probe should look at (it becomes a glob) and what detection accepts (it
becomes an anchored regex), so the two can never drift apart. The syntax:

- `*`              any run of characters within one path component (or a name);
- `{ver}`          a dotted version, captured, e.g. `21.3` in `AVP21.3`;
- `{name:a|b|c}`   one of the listed words, captured as `name` (e.g. an edition);
- `{ProgramFiles}`, `{ProgramData}`, `{SystemRoot}`, `{UserProfile}`, `{LocalAppData}`,
  `{AppData}`, `{Home}`, `{WOW}` — well-known folders (see `PLACEHOLDERS`);
- everything else is literal. Matching is whole-string; case-insensitive for names and
  for Windows/macOS paths, case-sensitive for Linux paths.
"""

import re
from functools import lru_cache
from typing import NamedTuple

_VERSION_RE = r"(?P<ver>\d+(?:\.\d+)*)"

# Regex for each well-known folder, per platform. The probe expands the same names to
# the real folders of the machine it runs on (core/machine/probes/common.py).
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "windows": {
        "ProgramFiles": r"[A-Za-z]:\\Program Files(?: \(x86\))?",
        "ProgramData": r"[A-Za-z]:\\ProgramData",
        "SystemRoot": r"[A-Za-z]:\\Windows",
        "SystemDrive": r"[A-Za-z]:",
        "UserProfile": r"[A-Za-z]:\\Users\\[^\\]+",
        "LocalAppData": r"[A-Za-z]:\\Users\\[^\\]+\\AppData\\Local",
        "AppData": r"[A-Za-z]:\\Users\\[^\\]+\\AppData\\Roaming",
        "WOW": r"(?:WOW6432Node\\)?",
    },
    "macos": {"Home": r"/Users/[^/]+"},
    "linux": {"Home": r"(?:/home/[^/]+|/root)"},
}

_TOKEN = re.compile(r"\{(?P<name>[A-Za-z]+)(?::(?P<alts>[^{}]*))?\}|\*")


class PatternError(ValueError):
    """A signature pattern uses an unknown placeholder or is malformed."""


class Match(NamedTuple):
    """What a pattern captured: the dotted version and any named words."""

    groups: dict[str, str]

    @property
    def version(self) -> str | None:
        return self.groups.get("ver")


def _translate(pattern: str, platform: str, sep: str) -> str:
    out: list[str] = []
    pos = 0
    any_run = "[^\\\\]*" if sep == "\\" else ("[^/]*" if sep == "/" else ".*")
    for token in _TOKEN.finditer(pattern):
        out.append(re.escape(pattern[pos:token.start()]))
        pos = token.end()
        if token.group(0) == "*":
            out.append(any_run)
            continue
        name, alts = token.group("name"), token.group("alts")
        if name == "ver":
            out.append(_VERSION_RE)
        elif alts is not None:
            words = "|".join(re.escape(w.strip()) for w in alts.split("|") if w.strip())
            if not words:
                raise PatternError(f"empty choice list in {pattern!r}")
            out.append(f"(?P<{name}>{words})")
        elif name in PLACEHOLDERS.get(platform, {}):
            out.append(PLACEHOLDERS[platform][name])
        else:
            raise PatternError(f"unknown placeholder {{{name}}} in {pattern!r} for {platform}")
    out.append(re.escape(pattern[pos:]))
    return "".join(out)


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str, platform: str, kind: str) -> re.Pattern[str]:
    """Compile a pattern. `kind` is "path" (separator-aware) or "name"."""
    if kind == "path":
        sep = "\\" if platform == "windows" else "/"
        flags = 0 if platform == "linux" else re.IGNORECASE
    else:  # a name may hold a line break (a registry value can): `*` spans it
        sep, flags = "", re.IGNORECASE | re.DOTALL
    try:
        return re.compile(_translate(pattern, platform, sep), flags)
    except re.error as exc:
        raise PatternError(f"bad pattern {pattern!r}: {exc}") from exc


def match(pattern: str, text: str, platform: str, kind: str = "name") -> Match | None:
    """Whole-string match; on Windows paths `/` and a trailing separator are tolerated."""
    if kind == "path":
        if platform == "windows":
            text = text.replace("/", "\\")
            text = text.rstrip("\\") if len(text) > 3 else text
        elif len(text) > 1:
            text = text.rstrip("/")
    found = compile_pattern(pattern, platform, kind).fullmatch(text)
    if found is None:
        return None
    return Match({k: v for k, v in found.groupdict().items() if v is not None})


def placeholders_in(pattern: str) -> list[str]:
    """Names of the folder placeholders a pattern uses (for the probe to expand)."""
    return [t.group("name") for t in _TOKEN.finditer(pattern)
            if t.group(0) != "*" and t.group("name") != "ver" and t.group("alts") is None]


def to_glob(pattern: str) -> str:
    """The glob a probe walks for a pattern whose folder placeholders are already expanded."""
    return _TOKEN.sub("*", pattern)


def version_agrees(captured: str | None, product_version: str | None) -> bool:
    """True when a captured short version (`21.3`) is a prefix of a product's (`21.3.10.391`).

    Kaspersky names services and data folders after the first parts of the version
    (`AVP21.3`, `AVP19.0.0`), which is how we tell this install's traces from an older
    install's leftovers.
    """
    if not captured or not product_version:
        return True
    want = captured.split(".")
    have = product_version.split(".")
    return have[: len(want)] == want


_DIGITS = re.compile(r"[0-9]+")


def version_key(version: str | None) -> tuple[int, ...]:
    """A dotted version as numbers to compare (`21.24` after `21.8`); parts that are not
    plain ASCII digits (`39²`, `beta`) are left out rather than trusted."""
    return tuple(int(part) for part in (version or "").split(".") if _DIGITS.fullmatch(part))
