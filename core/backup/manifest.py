"""`switchover-manifest.json`: what the archive holds and what it does not, and why.

Written last into every backup archive; `verify` and `restore` trust nothing else. It
names every file's original path, size, modification time and SHA-256, every item that
was skipped with the reason, and what each planned item came to, so a person reading it
years later (without Switchover) knows what they have.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

MANIFEST_NAME = "switchover-manifest.json"
README_NAME = "README.txt"
FORMAT = "switchover-backup-manifest"
VERSION = 1


class ManifestError(ValueError):
    """The manifest is missing or unreadable: the archive cannot be checked."""


@dataclass(frozen=True, slots=True)
class ManifestFile:
    name: str
    original_path: str
    size: int
    mtime: str | None
    sha256: str
    stored: bool = False
    raw_name_b64: str | None = None
    warning: str | None = None
    incomplete: bool = False


@dataclass(frozen=True)
class Skipped:
    original_path: str
    reason: str


@dataclass(frozen=True)
class ItemOutcome:
    id: str
    kind: str
    title: str
    status: str  # copied | exported | noted | simulated | user | not-found | failed | encrypted
    detail: str = ""


@dataclass(frozen=True)
class Manifest:
    created_at: str
    switchover_version: str
    platform: str
    source: str
    files: tuple[ManifestFile, ...]
    skipped: tuple[Skipped, ...] = ()
    items: tuple[ItemOutcome, ...] = ()
    encrypted: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def write_json(self, write: Callable[[bytes], object],
                   file_records: Iterable[bytes] | None = None) -> None:
        """The manifest as JSON, written piece by piece: 100,000 files' records
        never stand in memory as one string. `file_records` (each one JSON object, as
        `file_record` makes) stand in for `files`: the backup spools them to disk."""
        head = {"format": FORMAT, "version": VERSION, "created_at": self.created_at,
                "switchover_version": self.switchover_version, "platform": self.platform,
                "source": self.source}
        write(json.dumps(head, ensure_ascii=False)[:-1].encode("utf-8"))
        tables: tuple[tuple[str, Iterable[bytes]], ...] = (
            ("files", file_records if file_records is not None
             else (file_record(row) for row in self.files)),
            ("skipped", (file_record(row) for row in self.skipped)),
            ("items", (file_record(row) for row in self.items)))
        for key, rows in tables:
            write(f', "{key}": ['.encode())
            batch: list[bytes] = []  # a few hundred records a write, not one
            for index, row in enumerate(rows):
                batch.append((b",\n " if index else b"\n ") + row)
                if len(batch) >= 512:
                    write(b"".join(batch))
                    batch.clear()
            write(b"".join(batch) + b"]")
        tail = {"encrypted": list(self.encrypted), "notes": list(self.notes)}
        write(b", " + json.dumps(tail, ensure_ascii=False)[1:].encode("utf-8") + b"\n")


def file_record(row: ManifestFile | Skipped | ItemOutcome) -> bytes:
    """One record of the manifest as a single line of JSON."""
    record = {f.name: getattr(row, f.name) for f in fields(row)}
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _require(raw: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = raw.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ManifestError(f"the manifest's {where}{key} is missing or not a {kind.__name__}")
    return value


def file_from_json(raw: Any, index: int) -> ManifestFile:
    if not isinstance(raw, dict):
        raise ManifestError(f"the manifest's files[{index}] is not an object")
    where = f"files[{index}]."
    return ManifestFile(
        name=_require(raw, "name", str, where),
        original_path=_require(raw, "original_path", str, where),
        size=_require(raw, "size", int, where),
        mtime=raw.get("mtime") if isinstance(raw.get("mtime"), str) else None,
        sha256=_require(raw, "sha256", str, where),
        stored=bool(raw.get("stored", False)),
        raw_name_b64=raw.get("raw_name_b64") if isinstance(raw.get("raw_name_b64"), str)
        else None,
        warning=raw.get("warning") if isinstance(raw.get("warning"), str) else None,
        incomplete=bool(raw.get("incomplete", False)))


def check_header(head: dict[str, Any]) -> None:
    """Is this a Switchover manifest of a version this Switchover reads?"""
    if head.get("format") != FORMAT:
        raise ManifestError("the manifest is not a Switchover backup manifest")
    if head.get("version") != VERSION:
        raise ManifestError(f"the manifest has version {head.get('version')!r}; "
                            f"this Switchover reads version {VERSION}")


def skipped_from_json(raw: Any, index: int) -> Skipped | None:
    if not isinstance(raw, dict):
        return None
    return Skipped(str(raw.get("original_path", "")), str(raw.get("reason", "")))


def item_from_json(raw: Any, index: int) -> ItemOutcome | None:
    if not isinstance(raw, dict):
        return None
    return ItemOutcome(str(raw.get("id", "")), str(raw.get("kind", "")),
                       str(raw.get("title", "")), str(raw.get("status", "")),
                       str(raw.get("detail", "")))
