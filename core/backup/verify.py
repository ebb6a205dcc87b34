"""Check a backup archive against its manifest: every file there, whole and unchanged.

Stronger than `unzip -t`, which checks only each entry's CRC-32: every entry is read and
decompressed (the CRC is still checked), its SHA-256 and size are compared with the
manifest, and entries missing from the archive or not in the manifest are listed.
"""

from __future__ import annotations

import lzma
import os
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.backup.manifest import (
    MANIFEST_NAME,
    README_NAME,
    Manifest,
    ManifestError,
    ManifestFile,
)
from core.backup.manifest_read import scan_manifest
from core.backup.streaming import Hasher, SourceReadError
from core.errors import BadInput
from core.jobs import CancelToken, ProgressCallback, ProgressMeter, no_progress
from core.language.translate import tr, tr_n

MAX_MANIFEST_BYTES = 256 * 1024 * 1024
# What reading one damaged entry can raise: a flipped bit can make an entry look encrypted
# (RuntimeError), name an unknown method or version (NotImplementedError) and more.
# What reading a damaged member can raise: a flipped bit can turn its method into bzip2
# (whose errors are OSError) or LZMA (LZMAError), and its data into anything.
ARCHIVE_READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, ValueError, NotImplementedError,
    RuntimeError)
_READ_ERRORS: tuple[type[Exception], ...] = (*ARCHIVE_READ_ERRORS, OSError)


@dataclass(frozen=True)
class Problem:
    name: str
    what: str  # missing | extra | damaged
    detail: str


@dataclass(frozen=True)
class VerifyResult:
    archive: str
    ok: bool
    checked_files: int
    checked_bytes: int
    problems: tuple[Problem, ...]
    warnings: tuple[str, ...]

    def of(self, what: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.what == what)


def open_archive(path: str | os.PathLike[str]) -> zipfile.ZipFile:
    """Open an archive for reading; a missing path is bad input, a broken one damage."""
    archive_path = Path(path)
    if not archive_path.is_file():
        raise BadInput(tr("There is no archive at {path}.").format(path=archive_path))
    try:
        with open(archive_path, "rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise BadInput(tr("{path} cannot be read ({reason}).").format(
            path=archive_path, reason=exc.strerror)) from None
    # Neither a ZIP's first record nor its end record: not an archive at all (bad input),
    # where a ZIP with damage somewhere is a damaged archive (exit 3).
    if magic not in (b"PK\x03\x04", b"PK\x05\x06") and not zipfile.is_zipfile(archive_path):
        raise BadInput(tr("{path} is not a ZIP archive (a Switchover backup is one).").format(
            path=archive_path))
    try:
        return zipfile.ZipFile(archive_path)
    except _READ_ERRORS as exc:
        raise ArchiveDamaged(str(archive_path), tr(
            "it cannot be opened as a ZIP archive ({error})").format(error=exc)) from None


class ArchiveDamaged(Exception):
    """The archive as a whole is unreadable; carried as a failed VerifyResult."""

    def __init__(self, archive: str, detail: str) -> None:
        super().__init__(detail)
        self.archive = archive
        self.detail = detail


def manifest_entry(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    """The manifest's entry, if there is one of a plausible size."""
    try:
        info = archive.getinfo(MANIFEST_NAME)
    except KeyError:
        raise ManifestError(tr("the archive has no {name}").format(name=MANIFEST_NAME)) from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise ManifestError(tr("the manifest is implausibly large"))
    return info


def scan_archive_manifest(archive: zipfile.ZipFile,
                          each_file: Callable[[ManifestFile], None]) -> Manifest:
    """Hand each file record to `each_file` as it is read (see manifest_read.scan_manifest);
    every way the manifest can be unreadable is a ManifestError."""
    info = manifest_entry(archive)
    try:
        with archive.open(info) as stream:
            return scan_manifest(stream, MAX_MANIFEST_BYTES, each_file)
    except _READ_ERRORS as exc:
        raise ManifestError(tr("the manifest cannot be read ({error})").format(
            error=exc)) from None


def verify_archive(path: str | os.PathLike[str], progress: ProgressCallback = no_progress,
                   cancel: CancelToken | None = None) -> VerifyResult:
    cancel = cancel or CancelToken()
    try:
        archive = open_archive(path)
    except ArchiveDamaged as exc:
        return VerifyResult(str(path), False, 0, 0,
                            (Problem(tr("(the whole archive)"), "damaged", exc.detail),), ())
    with archive:
        try:
            manifest_entry(archive)
        except ManifestError as exc:
            return VerifyResult(str(path), False, 0, 0,
                                (Problem(MANIFEST_NAME, "damaged", str(exc)),), ())
        result = _check(str(path), archive, progress, cancel)
        readme = _readme_problem(archive)
        if readme is None:
            return result
        return VerifyResult(result.archive, False, result.checked_files, result.checked_bytes,
                            (*result.problems, readme), result.warnings)


def _readme_problem(archive: zipfile.ZipFile) -> Problem | None:
    """README.txt is not in the manifest (it describes it), but a damaged one is still
    damage: read whole, its CRC-32 is checked."""
    try:
        info = archive.getinfo(README_NAME)
    except KeyError:
        return None
    try:
        with archive.open(info) as handle:
            while handle.read(1 << 16):
                pass
    except _READ_ERRORS as exc:
        return Problem(README_NAME, "damaged", tr("cannot be read: {error}").format(error=exc))
    return None


def _check(path: str, archive: zipfile.ZipFile, progress: ProgressCallback,
           cancel: CancelToken) -> VerifyResult:
    """Each record is checked as the manifest is read, and only its name is kept: memory
    stays at zipfile's own index whatever the number of files."""
    problems: list[Problem] = []
    warnings: list[str] = []
    # zipfile's own name index (the first entry of a name is checked, as before); no
    # second table of 100,000 entries.
    entries = archive.NameToInfo
    if len(entries) != len(archive.filelist):
        counts = Counter(info.filename for info in archive.filelist)
        entries = {}
        for info in archive.filelist:
            entries.setdefault(info.filename, info)
        problems.extend(Problem(name, "damaged", tr_n("appears {n} time", "appears {n} times",
                                                      count).format(n=count))
                        for name, count in counts.items() if count > 1)
    members = [info for name, info in entries.items()
               if name not in (MANIFEST_NAME, README_NAME) and not name.endswith("/")]
    meter = ProgressMeter("verifying", sum(i.file_size for i in members), len(members),
                          progress)
    seen: set[str] = set()
    checked = 0

    def check(record: ManifestFile) -> None:
        nonlocal checked
        cancel.raise_if_cancelled()
        seen.add(record.name)
        if record.warning:
            warnings.append(f"{record.original_path}: {record.warning}")
        meter.file_started(record.name)
        entry = entries.get(record.name)
        if entry is None:
            problems.append(Problem(record.name, "missing", tr(
                "listed in the manifest ({path})").format(path=record.original_path)))
        else:
            detail = _check_entry(archive, entry, record.sha256, record.size, hasher,
                                  meter, cancel)
            if detail:
                problems.append(Problem(record.name, "damaged", detail))
            else:
                checked += 1
        meter.file_done()

    with Hasher() as hasher:
        try:
            scan_archive_manifest(archive, check)
        except ManifestError as exc:
            problems.append(Problem(MANIFEST_NAME, "damaged", str(exc)))
            seen = set(entries)  # what it would have listed is unknown: no "extra" claims
    unlisted = tr("not listed in the manifest")
    problems.extend(Problem(info.filename, "extra", unlisted) for info in members
                    if info.filename not in seen)
    meter.finish()
    return VerifyResult(path, not problems, checked, meter.done_bytes, tuple(problems),
                        tuple(warnings))


def _check_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, sha256: str, size: int,
                 hasher: Hasher, meter: ProgressMeter, cancel: CancelToken) -> str | None:
    try:
        with archive.open(info) as handle:
            digest, got = hasher.copy(handle, None, meter.add_bytes, cancel)
    except SourceReadError as exc:
        return tr("cannot be read ({error})").format(error=exc.error)
    except _READ_ERRORS as exc:
        return tr("cannot be read: {error}").format(error=exc)
    if got != size:
        return tr("holds {got} bytes, the manifest says {size}").format(got=got, size=size)
    if digest != sha256:
        return tr("its SHA-256 checksum does not match the manifest")
    return None
