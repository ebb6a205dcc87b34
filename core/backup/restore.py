"""Restore a backup archive into a folder, safely.

Every member is written below the target folder or not at all: names with `..`, absolute
paths, drive letters, symbolic-link members and paths that pass through an existing link
are refused with the reason. Existing files are kept unless `overwrite` is asked for, and
each file is written to a temporary name, checked against the manifest's SHA-256 and only
then renamed, so an interrupted restore never leaves a half-written file that looks whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from core.backup.manifest import MANIFEST_NAME, README_NAME, ManifestError, ManifestFile
from core.backup.names import (
    decode_raw,
    unsafe_member_reason,
    windows_name_problem,
)
from core.backup.streaming import Hasher, SourceReadError
from core.backup.verify import (
    ARCHIVE_READ_ERRORS,
    ArchiveDamaged,
    open_archive,
    scan_archive_manifest,
)
from core.errors import BadInput, SwitchoverError
from core.jobs import CancelToken, ProgressCallback, ProgressMeter, no_progress
from core.language.translate import tr, tr_n
from core.long_paths import long_path
from core.terminal_text import one_line


@dataclass(frozen=True)
class RestoreResult:
    target: str
    restored: int
    kept: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]
    failed: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]
    # Entries the archive holds damaged (a checksum that does not match, an entry that
    # cannot be read or inflates past its size): the archive's fault, not the disk's.
    damaged: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.refused and not self.failed and not self.damaged

    @property
    def archive_at_fault(self) -> bool:
        """Exit 3, as for verify: what was refused or damaged came from the archive."""
        return bool(self.refused or self.damaged)


def _is_link_member(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


class _BadName(Exception):
    pass


def _raw_parts(record: ManifestFile) -> list[str]:
    """The exact original name parts from the manifest, held to the same rules as names."""
    try:
        parts = decode_raw(record.raw_name_b64 or "")
    except ValueError:
        raise _BadName(tr("a malformed name in the manifest")) from None
    for part in parts:
        if part in (b"", b".", b"..") or any(c in part for c in (b"\\", b"\x00", b":")):
            raise _BadName(tr("a malformed name in the manifest"))
    names = [os.fsdecode(p) for p in parts]
    problem = windows_name_problem(names)
    if problem:
        raise _BadName(problem)
    return names


def _destination(target: Path, info: zipfile.ZipInfo, record: ManifestFile | None) -> Path:
    if record is not None and record.raw_name_b64 and sys.platform != "win32":
        return target.joinpath(*_raw_parts(record))
    return target.joinpath(*[p for p in info.filename.replace("\\", "/").split("/") if p])


def _escapes(target: Path, dest: Path, known: dict[Path, bool]) -> bool:
    """True if `dest` resolves outside `target` (e.g. through a link already there).

    `known` holds the answer for each folder for one restore: it creates folders, never
    links, so where a folder resolves to cannot change while it runs (100,000 files, two
    realpath calls and a commonpath each, were seconds)."""
    parent = dest.parent
    if parent not in known:
        real_target, real_parent = os.path.realpath(target), os.path.realpath(parent)
        try:
            known[parent] = os.path.commonpath([real_target, real_parent]) != real_target
        except ValueError:  # different drives on Windows
            known[parent] = True
    return known[parent]


def default_target(archive: str | os.PathLike[str]) -> Path:
    """A new folder beside the archive, never one that exists: `<name>-restored[-N]`."""
    base = Path(os.path.abspath(archive))
    candidate = base.with_name(base.stem + "-restored")
    n = 2
    while candidate.exists():
        candidate = base.with_name(f"{base.stem}-restored-{n}")
        n += 1
    return candidate


def restore_archive(path: str | os.PathLike[str], target_dir: str | os.PathLike[str] | None,
                    overwrite: bool = False, progress: ProgressCallback = no_progress,
                    cancel: CancelToken | None = None) -> RestoreResult:
    cancel = cancel or CancelToken()
    try:
        archive = open_archive(path)
    except ArchiveDamaged as exc:
        raise SwitchoverError(tr("Cannot restore from {path}: {problem}.").format(
            path=path, problem=exc.detail)) from None
    target = Path(os.path.abspath(target_dir)) if target_dir else default_target(path)
    if target.exists() and not target.is_dir():
        raise BadInput(tr("{path} exists and is not a folder.").format(path=target))
    with archive:
        notes: list[str] = []
        manifest_damage: tuple[tuple[str, str], ...] = ()
        try:
            extra_bytes: int | None = _manifest_extra_bytes(archive)
        except ManifestError as exc:
            extra_bytes = None
            notes.append(tr("No usable manifest ({problem}): files are restored without "
                            "checksums.").format(problem=exc))
            manifest_damage = ((MANIFEST_NAME, str(exc)),)
        _check_room(archive, target, extra_bytes or 0)  # a refused restore makes no folder
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(tr("Cannot create {path} ({reason}).").format(
                path=target, reason=exc.strerror)) from None
        result = _restore(archive, target, extra_bytes is not None, overwrite, progress,
                          cancel, notes)
        return replace(result, damaged=manifest_damage + result.damaged)


def _manifest_extra_bytes(archive: zipfile.ZipFile) -> int:
    """Read the whole manifest once, keeping no record: a broken one is found before
    anything is written, and what its sizes claim beyond the archive's is counted."""
    entries = archive.NameToInfo
    extra = 0

    def count(record: ManifestFile) -> None:
        nonlocal extra
        info = entries.get(record.name)
        if info is not None and not info.is_dir():
            extra += max(0, record.size - info.file_size)

    scan_archive_manifest(archive, count)
    return extra


def _check_room(archive: zipfile.ZipFile, target: Path, extra_bytes: int) -> None:
    """Before anything is written: what the archive says it holds must fit (a 4 MB archive
    can claim 4 GiB), so a restore never fills the disk."""
    import shutil

    from core.backup.drives import SPACE_MARGIN, NotEnoughSpace, human_size

    declared = sum(i.file_size for i in archive.filelist if not i.is_dir()) + extra_bytes
    existing = target
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent  # the disk the folder will be made on
    free = shutil.disk_usage(existing).free
    if declared + SPACE_MARGIN > free:
        raise NotEnoughSpace(tr(
            "The archive says it holds {size}, but only {free} is free in {path}: nothing was "
            "restored. Restore to a larger disk.").format(size=human_size(declared),
                                                          free=human_size(free), path=target))


def _refusal(info: zipfile.ZipInfo, record: ManifestFile | None,
             has_manifest: bool) -> str | None:
    """Why this member is not written at all, from the archive alone (None: it may be)."""
    reason = unsafe_member_reason(info.filename)
    if reason is None and _is_link_member(info):
        reason = tr("a symbolic link")
    if reason is None and has_manifest and record is None and not info.is_dir() \
            and info.filename != README_NAME:
        reason = tr("it is not listed in the backup's manifest")
    if reason is None and record is not None and info.file_size != record.size:
        reason = tr("the archive says {size} bytes where the manifest says {listed}").format(
            size=info.file_size, listed=record.size)
    return reason


SHOWN_INCOMPLETE = 5


class _Restorer:
    """Restores member by member and keeps the tallies; holds no manifest records."""

    def __init__(self, archive: zipfile.ZipFile, target: Path, has_manifest: bool,
                 overwrite: bool, meter: ProgressMeter, hasher: Hasher,
                 cancel: CancelToken) -> None:
        self.archive, self.target, self.has_manifest = archive, target, has_manifest
        self.overwrite, self.meter, self.hasher, self.cancel = overwrite, meter, hasher, cancel
        self.restored = 0
        self.kept: list[str] = []
        self.refused: list[tuple[str, str]] = []
        self.failed: list[tuple[str, str]] = []
        self.damaged: list[tuple[str, str]] = []
        self.real: dict[Path, bool] = {}
        self.made: set[Path] = set()  # folders this restore has made (or found) already
        self.incomplete: list[str] = []  # restored as they were: short when backed up

    def member(self, info: zipfile.ZipInfo, record: ManifestFile | None,
               refusal: str | None = None) -> None:
        self.cancel.raise_if_cancelled()
        self.meter.file_started(info.filename)
        reason = refusal or _refusal(info, record, self.has_manifest)
        try:
            dest = _destination(self.target, info, record)
        except _BadName as exc:
            reason, dest = str(exc), self.target
        if reason is None and _escapes(self.target, dest, self.real):
            reason = tr("a path that leads outside the folder through a link")
        if reason:
            self.refused.append((info.filename, tr("refused: {reason}").format(reason=reason)))
        elif info.is_dir():
            try:
                os.makedirs(long_path(str(dest)), exist_ok=True)
            except OSError as exc:
                self.failed.append((info.filename, tr("cannot be created ({reason})").format(
                    reason=exc.strerror)))
        elif (exists := os.path.lexists(long_path(str(dest)))) and not self.overwrite:
            self.kept.append(info.filename)
        else:
            problem = _write_member(self.archive, info, dest, record, self.hasher, self.meter,
                                    self.cancel, self.made, exists)
            if problem is None:
                self.restored += 1
                if record is not None and record.incomplete:
                    self.incomplete.append(one_line(info.filename))
            elif isinstance(problem, _DiskProblem):
                self.failed.append((info.filename, str(problem)))
            else:
                self.damaged.append((info.filename, problem))
        self.meter.file_done()


def _restore(archive: zipfile.ZipFile, target: Path, has_manifest: bool,
             overwrite: bool, progress: ProgressCallback, cancel: CancelToken,
             notes: list[str]) -> RestoreResult:
    """With a manifest, members are restored in the manifest's order as it is read (each
    record is used and dropped: 100,000 of them are never held at once), then whatever it
    does not list (README.txt, folders, anything unlisted, which is refused)."""
    members = [i for i in archive.filelist if i.filename != MANIFEST_NAME]
    meter = ProgressMeter("restoring", sum(i.file_size for i in members), len(members),
                          progress)
    entries = archive.NameToInfo
    done: set[str] = set()
    with Hasher() as hasher:
        restorer = _Restorer(archive, target, has_manifest, overwrite, meter, hasher, cancel)
        if has_manifest:
            def each(record: ManifestFile) -> None:
                info = entries.get(record.name)
                if info is not None and record.name not in done:
                    done.add(record.name)
                    restorer.member(info, record)
            try:
                scan_archive_manifest(archive, each)
            except ManifestError as exc:  # it read whole a moment ago: the file changed
                raise SwitchoverError(tr("The archive changed while it was being restored "
                                         "({problem}).").format(problem=exc)) from None
        twice = tr("it appears more than once in the archive")
        for info in members:
            if info.filename not in done:
                restorer.member(info, None)
            elif entries.get(info.filename) is not info:
                restorer.member(info, None, refusal=twice)
    _sync()
    meter.finish()
    kept = restorer.kept
    if kept:
        # English says "files" for one too, as it always has.
        notes.append(tr_n("{n} files already in {path} were kept as they are (use {option} "
                          "to replace them).",
                          "{n} files already in {path} were kept as they are (use {option} "
                          "to replace them).", len(kept)).format(
            n=len(kept), path=target, option="--overwrite"))
    if incomplete := restorer.incomplete:
        # The backup said so when it was made; whoever restores must hear it again, or a
        # short copy passes for the file.
        shown = ", ".join(incomplete[:SHOWN_INCOMPLETE])
        if len(incomplete) > SHOWN_INCOMPLETE:
            shown += ", …"
        notes.append(tr_n("{n} file could not be read to its end when it was backed up and "
                          "is restored as far as it was read: {names}.",
                          "{n} files could not be read to their end when they were backed "
                          "up and are restored as far as they were read: {names}.",
                          len(incomplete)).format(n=len(incomplete), names=shown))
    return RestoreResult(str(target), restorer.restored, tuple(kept), tuple(restorer.refused),
                         tuple(restorer.failed), tuple(notes), tuple(restorer.damaged))


def _write_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path,
                  record: ManifestFile | None, hasher: Hasher, meter: ProgressMeter,
                  cancel: CancelToken, made: set[Path], exists: bool) -> str | None:
    """None when written; else why not: a `_DiskProblem` (this disk's fault) or the
    archive's damage."""
    temp = _temp_name(dest)
    try:
        if dest.parent not in made:
            os.makedirs(long_path(str(dest.parent)), exist_ok=True)
            made.add(dest.parent)
        if exists and os.path.isdir(long_path(str(dest))) \
                and not os.path.islink(long_path(str(dest))):
            return tr("a folder with that name is already there: not restored")
        with archive.open(info) as source, open(long_path(str(temp)), "wb") as sink:
            digest, size = hasher.copy(source, sink, meter.add_bytes, cancel)
            sink.flush()
            if not hasattr(os, "sync"):  # Windows: no sync of everything at the end
                os.fsync(sink.fileno())
        if record is not None and (digest != record.sha256 or size != record.size):
            raise _Mismatch()
        _allow_replace(dest)
        os.replace(long_path(str(temp)), long_path(str(dest)))
    except _Mismatch:
        _remove(temp)
        return tr("its checksum does not match the manifest: not restored")
    except _DAMAGE as exc:  # the archive's fault
        _remove(temp)
        return tr("cannot be read from the archive ({error})").format(error=exc)
    except OSError as exc:
        _remove(temp)
        return _DiskProblem(tr("cannot be written ({reason})").format(reason=exc.strerror))
    except BaseException:
        _remove(temp)
        raise
    mode = (info.external_attr >> 16) & 0o7777
    if mode and info.create_system == 3 and sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.chmod(long_path(str(dest)), mode & 0o777)  # dest is the file just written
    _restore_time(dest, info, record)
    return None


def _temp_name(dest: Path) -> Path:
    """Where a member is written before it replaces `dest`: beside it, and short. A name
    built from the file's own name went past the 255-byte limit for names of 236 bytes
    and more, so such files backed up and verified but could never be restored. The
    same file always gets the same temporary name, so a run stopped by force leaves at
    most one, and restoring again replaces it."""
    key = hashlib.sha256(os.fsencode(dest.name)).hexdigest()[:16]
    return dest.with_name(f".switchover-restore-{key}")


def _sync() -> None:
    """One flush of everything written to disk when the restore ends, not one per file
    (100,000 small files: a minute of fsync)."""
    if hasattr(os, "sync"):
        os.sync()


def _allow_replace(dest: Path) -> None:
    """Windows will not replace a read-only file: clear the flag on a real file only.

    POSIX needs nothing (replacing is a change to the folder), and nothing is ever
    changed through a link, which could point outside the target folder.
    """
    if sys.platform == "win32":
        with contextlib.suppress(OSError):
            st = os.lstat(long_path(str(dest)))
            if stat.S_ISREG(st.st_mode) and not getattr(st, "st_file_attributes", 0) & 0x400:
                os.chmod(long_path(str(dest)), stat.S_IWRITE | stat.S_IREAD)


def _restore_time(dest: Path, info: zipfile.ZipInfo, record: ManifestFile | None) -> None:
    """The manifest's exact time when there is one; the ZIP's 2-second local time if not."""
    import time
    from datetime import datetime

    with contextlib.suppress(OSError, OverflowError, ValueError):
        if record is not None and record.mtime:
            stamp = datetime.fromisoformat(record.mtime).timestamp()
        else:
            stamp = time.mktime((*info.date_time, 0, 0, -1))
        os.utime(long_path(str(dest)), (stamp, stamp))


# Reading a member: its read errors come wrapped by the hasher; a write error is the disk's.
_DAMAGE: tuple[type[Exception], ...] = (*ARCHIVE_READ_ERRORS, SourceReadError)


class _Mismatch(Exception):
    pass


class _DiskProblem(str):
    """A member that could not be written to this disk (not the archive's fault)."""


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(long_path(str(path)))
