"""Names inside the archive, and the few path rules the archive writer and reader share.

ZIP names are UTF-8 with `/` separators. A Linux file name need not be UTF-8: such bytes
are written as `%XX` so every unzip shows a readable name, and the manifest keeps the
original bytes so `switchover restore` recreates the exact name.
"""

from __future__ import annotations

import base64
import os
import re
import sys

# Already-compressed formats: deflating them costs time and saves nothing.
STORED_SUFFIXES = frozenset((
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif", ".jxl",
    ".mp4", ".m4v", ".mov", ".mkv", ".avi", ".webm", ".wmv", ".3gp",
    ".mp3", ".m4a", ".aac", ".ogg", ".opus", ".flac", ".wma",
    ".zip", ".7z", ".rar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".lz4", ".cab", ".jar",
    ".apk", ".dmg", ".pkg", ".deb", ".rpm", ".msi",
    ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".pages", ".numbers",
    ".key",
))


def should_store(name: str) -> bool:
    """True for files whose format is already compressed (by suffix, as zip tools do)."""
    dot = name.rfind(".")
    return dot != -1 and name[dot:].casefold() in STORED_SUFFIXES


def _percent_escape(raw: bytes) -> str:
    out = []
    i = 0
    while i < len(raw):
        # Decode the longest valid UTF-8 run, escape one bad byte, go on.
        try:
            out.append(raw[i:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(raw[i:i + exc.start].decode("utf-8"))
            out.append(f"%{raw[i + exc.start]:02X}")
            i += exc.start + 1
    return "".join(out)


def archive_component(name: str) -> tuple[str, bytes | None]:
    """One path component as it goes into the archive, and its raw bytes if they differ.

    On POSIX, `os.fsencode` gives back the bytes the file system holds (Python keeps
    undecodable bytes as surrogates); those that are not UTF-8 are escaped.
    """
    if sys.platform == "win32":
        return name, None
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return _percent_escape(raw), raw


def display_path(path: str) -> str:
    """A path as text that any JSON or terminal can hold (non-UTF-8 bytes as `%XX`)."""
    return archive_component(path)[0]


def encode_raw(parts: list[bytes]) -> str:
    return base64.b64encode(b"/".join(parts)).decode("ascii")


def decode_raw(text: str) -> list[bytes]:
    return base64.b64decode(text.encode("ascii"), validate=True).split(b"/")


_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_member_reason(name: str) -> str | None:
    """Why an archive member may not be written below the target folder, or None if safe."""
    if not name or "\x00" in name:
        return "an empty or malformed name"
    if name.startswith(("/", "\\")):
        return "an absolute path"
    if _DRIVE.match(name):
        return "a drive letter"
    parts = name.replace("\\", "/").split("/")
    if any(part == ".." for part in parts):
        return "a “..” that climbs out of the folder"
    if any(":" in part for part in parts):
        return "a “:” (a drive letter or a hidden Windows stream)"
    return windows_name_problem(parts)


# Names Windows keeps for devices, whatever the extension (`NUL.txt` is the device too).
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                       *(f"lpt{i}" for i in range(10)), "conin$", "conout$"})


def windows_name_problem(parts: list[str]) -> str | None:
    """A name part that Windows cannot hold or would read as another: refused on every OS,
    so an archive restores the same everywhere and never writes to a device."""
    for part in parts:
        if not part:
            continue
        if part.split(".", 1)[0].rstrip(" ").casefold() in _RESERVED:
            return f"“{part}”, a name Windows keeps for a device"
        if part.endswith((".", " ")) and part not in (".", ".."):
            return f"“{part}” ends with a dot or a space, which Windows drops"
    return None
