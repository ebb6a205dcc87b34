"""The ZIP records Switchover writes, byte for byte (PKWARE APPNOTE 6.3.10, sections 4.3-4.5).

The backup writes its archive itself rather than through `zipfile.ZipFile`: that class keeps
a `ZipInfo` object per entry until the end (100,000 files: tens of MB) and costs several
calls per entry. Here every entry is one local header and its data, and its central
directory record is bytes in a spool file, so memory stays flat whatever the file count.
Only the records Switchover needs are built: stored or deflated entries, UTF-8 names,
Unix modes, and ZIP64 wherever a size or an offset needs it, as `unzip`, 7-Zip, Windows
Explorer and macOS Archive Utility all read. Python's `zipfile` reads them back in
verify and restore.
"""

from __future__ import annotations

import struct
import sys
import time
from dataclasses import dataclass

STORED = 0
DEFLATED = 8
LIMIT = 0xFFFFFFFF
COUNT_LIMIT = 0xFFFF
UTF8_FLAG = 0x800
MADE_BY_SYSTEM = 0 if sys.platform == "win32" else 3  # MS-DOS/NTFS or Unix, as zipfile does

_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sBBHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")
_END64 = struct.Struct("<4sQHHIIQQQQ")
_LOCATOR64 = struct.Struct("<4sIQI")
_ZIP64_TAG = 0x0001


def dos_time(mtime: float) -> tuple[int, int]:
    """(time, date) in MS-DOS form, local time; ZIP holds 1980 to 2107, so clamp outside."""
    stamp = time.localtime(min(max(mtime, 315532800.0), 4354819199.0))
    year = max(1980, stamp.tm_year)
    return ((stamp.tm_hour << 11) | (stamp.tm_min << 5) | (stamp.tm_sec // 2),
            ((year - 1980) << 9) | (stamp.tm_mon << 5) | stamp.tm_mday)


@dataclass(frozen=True, slots=True)
class Entry:
    """What both headers of one entry say. `zip64` reserves ZIP64 sizes in the local
    header, which must be decided before the data is written."""

    name: bytes
    utf8: bool
    method: int
    mtime: tuple[int, int]
    external_attr: int
    zip64: bool = False


def encode_name(name: str) -> tuple[bytes, bool]:
    try:
        return name.encode("ascii"), False
    except UnicodeEncodeError:
        return name.encode("utf-8"), True


def local_header(entry: Entry, crc: int, compressed: int, size: int) -> bytes:
    """The local header; with `zip64`, both sizes live in its extra field."""
    extra = b""
    if entry.zip64:
        extra = struct.pack("<HHQQ", _ZIP64_TAG, 16, size, compressed)
        compressed = size = LIMIT
    version = 45 if entry.zip64 else 20
    flags = UTF8_FLAG if entry.utf8 else 0
    return _LOCAL.pack(b"PK\x03\x04", version, flags, entry.method, entry.mtime[0],
                       entry.mtime[1], crc, compressed, size, len(entry.name),
                       len(extra)) + entry.name + extra


def central_record(entry: Entry, crc: int, compressed: int, size: int, offset: int) -> bytes:
    """The central directory record; ZIP64 values only for the fields that overflow."""
    wide: list[int] = []
    if size >= LIMIT or entry.zip64:
        wide.append(size)
        size = LIMIT
    if compressed >= LIMIT or entry.zip64:
        wide.append(compressed)
        compressed = LIMIT
    if offset >= LIMIT:
        wide.append(offset)
        offset = LIMIT
    extra = struct.pack(f"<HH{len(wide)}Q", _ZIP64_TAG, 8 * len(wide), *wide) if wide else b""
    version = 45 if wide else 20
    flags = UTF8_FLAG if entry.utf8 else 0
    return _CENTRAL.pack(b"PK\x01\x02", version, MADE_BY_SYSTEM, version, flags, entry.method,
                         entry.mtime[0], entry.mtime[1], crc, compressed, size,
                         len(entry.name), len(extra), 0, 0, 0, entry.external_attr,
                         offset) + entry.name + extra


def end_records(count: int, directory_offset: int, directory_size: int) -> bytes:
    """End of central directory, preceded by the ZIP64 end record and locator when the
    count, the directory's offset or its size does not fit the classic record."""
    out = b""
    if count >= COUNT_LIMIT or directory_offset >= LIMIT or directory_size >= LIMIT:
        end64_at = directory_offset + directory_size
        out += _END64.pack(b"PK\x06\x06", _END64.size - 12, 45, 45, 0, 0, count, count,
                           directory_size, directory_offset)
        out += _LOCATOR64.pack(b"PK\x06\x07", 0, end64_at, 1)
    return out + _END.pack(b"PK\x05\x06", 0, 0, min(count, COUNT_LIMIT),
                           min(count, COUNT_LIMIT), min(directory_size, LIMIT),
                           min(directory_offset, LIMIT), 0)
