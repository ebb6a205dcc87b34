"""Restore a backup archive into a folder, safely.

Every member is written below the target folder or not at all: names with `..`, absolute
paths, drive letters, symbolic-link members and paths that pass through an existing link
are refused with the reason. Existing files are kept unless `overwrite` is asked for, and
each file is written to a temporary name, checked against the manifest's SHA-256 and only
then renamed, so an interrupted restore never leaves a half-written file that looks whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from core.archive_names import decode_raw, long_path, unsafe_member_reason
from core.errors import BadInput, SwitchoverError
from core.jobs import CancelToken, ProgressCallback, ProgressMeter, no_progress
from core.manifest import MANIFEST_NAME, ManifestError, ManifestFile
from core.streaming import Hasher
from core.verify import ArchiveDamaged, open_archive, read_manifest


@dataclass(frozen=True)
class RestoreResult:
    target: str
    restored: int
    kept: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]
    failed: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.refused and not self.failed


def _is_link_member(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _destination(target: Path, info: zipfile.ZipInfo, record: ManifestFile | None) -> Path:
    if record is not None and record.raw_name_b64 and sys.platform != "win32":
        parts = [os.fsdecode(p) for p in decode_raw(record.raw_name_b64)]
        return target.joinpath(*parts)
    return target.joinpath(*info.filename.replace("\\", "/").split("/"))


def _escapes(target: Path, dest: Path) -> bool:
    """True if `dest` resolves outside `target` (e.g. through a link already there)."""
    real_target = os.path.realpath(target)
    real_parent = os.path.realpath(dest.parent)
    return os.path.commonpath([real_target, real_parent]) != real_target


def restore_archive(path: str | os.PathLike[str], target_dir: str | os.PathLike[str],
                    overwrite: bool = False, progress: ProgressCallback = no_progress,
                    cancel: CancelToken | None = None) -> RestoreResult:
    cancel = cancel or CancelToken()
    try:
        archive = open_archive(path)
    except ArchiveDamaged as exc:
        raise SwitchoverError(f"Cannot restore from {path}: {exc.detail}.") from None
    target = Path(target_dir).absolute()
    if target.exists() and not target.is_dir():
        raise BadInput(f"{target} exists and is not a folder.")
    with archive:
        notes: list[str] = []
        try:
            manifest = read_manifest(archive)
            records = {f.name: f for f in manifest.files}
        except ManifestError as exc:
            records = {}
            notes.append(f"No usable manifest ({exc}): files are restored without checksums.")
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(f"Cannot create {target} ({exc.strerror}).") from None
        return _restore(archive, target, records, overwrite, progress, cancel, notes)


def _restore(archive: zipfile.ZipFile, target: Path, records: dict[str, ManifestFile],
             overwrite: bool, progress: ProgressCallback, cancel: CancelToken,
             notes: list[str]) -> RestoreResult:
    members = [i for i in archive.infolist() if i.filename != MANIFEST_NAME]
    meter = ProgressMeter("restoring", sum(i.file_size for i in members), len(members),
                          progress)
    restored = 0
    kept: list[str] = []
    refused: list[tuple[str, str]] = []
    failed: list[tuple[str, str]] = []
    with Hasher() as hasher:
        for info in members:
            cancel.raise_if_cancelled()
            meter.file_started(info.filename)
            reason = unsafe_member_reason(info.filename)
            if reason is None and _is_link_member(info):
                reason = "a symbolic link"
            record = records.get(info.filename)
            dest = _destination(target, info, record)
            if reason is None and _escapes(target, dest):
                reason = "a path that leads outside the folder through a link"
            if reason:
                refused.append((info.filename, f"refused: {reason}"))
            elif info.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
            elif os.path.lexists(long_path(str(dest))) and not overwrite:
                kept.append(info.filename)
            else:
                problem = _write_member(archive, info, dest, record, hasher, meter, cancel)
                if problem:
                    failed.append((info.filename, problem))
                else:
                    restored += 1
            meter.file_done()
    meter.finish()
    if kept:
        notes.append(f"{len(kept)} files already in {target} were kept as they are "
                     "(use --overwrite to replace them).")
    return RestoreResult(str(target), restored, tuple(kept), tuple(refused), tuple(failed),
                         tuple(notes))


def _write_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path,
                  record: ManifestFile | None, hasher: Hasher, meter: ProgressMeter,
                  cancel: CancelToken) -> str | None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = dest.with_name(f".{dest.name}.switchover-restore")
    try:
        with archive.open(info) as source, open(long_path(str(temp)), "wb") as sink:
            digest, size = hasher.copy(source, sink, meter.add_bytes, cancel)  # type: ignore[arg-type]
            sink.flush()
            os.fsync(sink.fileno())
        if record is not None and (digest != record.sha256 or size != record.size):
            raise _Mismatch()
        if os.path.lexists(long_path(str(dest))):
            with contextlib.suppress(OSError):
                os.chmod(long_path(str(dest)), stat.S_IWUSR | stat.S_IRUSR)
        os.replace(long_path(str(temp)), long_path(str(dest)))
    except _Mismatch:
        _remove(temp)
        return "its checksum does not match the manifest: not restored"
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        _remove(temp)
        return f"cannot be read from the archive ({exc})"
    except OSError as exc:
        _remove(temp)
        return f"cannot be written ({exc.strerror})"
    except BaseException:
        _remove(temp)
        raise
    mode = (info.external_attr >> 16) & 0o7777
    if mode and info.create_system == 3:
        with contextlib.suppress(OSError):
            os.chmod(long_path(str(dest)), mode & 0o777)
    with contextlib.suppress(OSError, OverflowError, ValueError):
        import time

        stamp = time.mktime((*info.date_time, 0, 0, -1))
        os.utime(long_path(str(dest)), (stamp, stamp))
    return None


class _Mismatch(Exception):
    pass


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(long_path(str(path)))
