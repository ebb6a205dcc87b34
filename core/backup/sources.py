"""Walk what the plan asks to copy: every file it will archive and every one it will not.

Symbolic links and Windows junctions below a chosen folder are never followed (a link in
Documents to `/` must not pull in the whole disk; the chosen folder itself may be a link,
because the user picked it), special files are never opened (reading a FIFO would hang),
the backup's own destination is never walked into, and the password export the user named
is left to the encrypted part. (Password exports found by their content are caught by the
writer, which reads each file anyway: core/backup/zip_writer.py.) Nothing is lost silently: each
such file becomes a `Skipped` with its reason. Each file's identity (device, inode) is
recorded so the writer can refuse a file that was swapped between scan and copy.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass, field

from core.backup.manifest import Skipped
from core.backup.names import archive_component, display_path, encode_raw
from core.jobs import CancelToken, ProgressMeter
from core.long_paths import long_path

REPARSE_POINT = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT: junctions and other Windows links


@dataclass(frozen=True, slots=True)
class FileTask:
    source: str
    arcname: str
    raw_b64: str | None
    size: int
    mtime: float
    identity: tuple[int, int] | None = None


@dataclass
class Collected:
    tasks: list[FileTask] = field(default_factory=list)
    empty_dirs: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(task.size for task in self.tasks)


def _join(prefix: tuple[str, list[bytes], bool], name: str) -> tuple[str, list[bytes], bool]:
    text, raw, odd = prefix
    shown, original = archive_component(name)
    return (f"{text}/{shown}" if text else shown,
            [*raw, original if original is not None else shown.encode("utf-8")],
            odd or original is not None)


def is_link(st: os.stat_result) -> bool:
    """A symbolic link, or on Windows any reparse point (junctions report as folders)."""
    return stat.S_ISLNK(st.st_mode) or bool(getattr(st, "st_file_attributes", 0)
                                            & REPARSE_POINT)


def identity(st: os.stat_result) -> tuple[int, int] | None:
    """(device, inode) where the platform reports them; Windows scandir gives zeros."""
    return (st.st_dev, st.st_ino) if st.st_ino else None


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


class Collector:
    def __init__(self, meter: ProgressMeter, cancel: CancelToken,
                 secret_files: tuple[str, ...] = (), skip_dirs: tuple[str, ...] = ()) -> None:
        self.meter = meter
        self.cancel = cancel
        self.found = Collected()
        self._secret_ids: set[tuple[int, int]] = set()
        self._secret_paths = {_real(p) for p in secret_files}
        for path in secret_files:
            with contextlib.suppress(OSError):
                found = identity(os.stat(long_path(path)))
                if found:
                    self._secret_ids.add(found)
        self._skip_dirs = {_real(p) for p in skip_dirs}
        self._names: set[str] = set()

    def _is_named_secret(self, path: str, st: os.stat_result) -> bool:
        found = identity(st)
        if found is None:
            with contextlib.suppress(OSError):
                found = identity(os.stat(long_path(path), follow_symlinks=False))
        if found is not None:
            return found in self._secret_ids
        return _real(path) in self._secret_paths

    def _unique(self, text: str) -> str:
        """Two sources may escape to one name (`\\xff` and a real `%FF`): keep both."""
        candidate, n = text, 2
        while candidate in self._names:
            stem, dot, suffix = text.rpartition(".")
            candidate = f"{stem}~{n}.{suffix}" if dot and "/" not in suffix else f"{text}~{n}"
            n += 1
        self._names.add(candidate)
        return candidate

    def _skip(self, path: str, reason: str) -> None:
        self.found.skipped.append(Skipped(display_path(path), reason))

    def add(self, path: str, archive_dir: str) -> None:
        """One planned path (a file or a folder) under `archive_dir` in the archive."""
        prefix: tuple[str, list[bytes], bool] = ("", [], False)
        for part in archive_dir.split("/"):
            prefix = _join(prefix, part)
        try:
            st = os.stat(long_path(path))  # the chosen path itself may be a link: follow it
        except FileNotFoundError:
            self.found.missing.append(display_path(path))
            return
        except OSError as exc:
            self._skip(path, f"cannot be read ({exc.strerror})")
            return
        if stat.S_ISDIR(st.st_mode):
            self._walk(os.path.realpath(path) if os.path.islink(path) else path, prefix)
        else:
            self._entry(path, os.path.basename(path.rstrip("\\/")) or path, st, prefix)

    def _entry(self, path: str, name: str, st: os.stat_result,
               prefix: tuple[str, list[bytes], bool]) -> None:
        if self._is_named_secret(path, st):
            return  # the password export the user named: only ever stored encrypted
        if is_link(st):
            try:
                target = display_path(os.readlink(long_path(path)))
            except OSError:
                target = "?"
            self._skip(path, f"symbolic link to {target}: links are recorded, never followed")
            return
        if not stat.S_ISREG(st.st_mode):
            self._skip(path, "not a regular file (device, pipe or socket): not copied")
            return
        text, raw, odd = _join(prefix, name)
        unique = self._unique(text)
        if unique != text:
            odd = True  # the archive name changed; the manifest keeps the exact original
        self.found.tasks.append(FileTask(path, unique, encode_raw(raw) if odd else None,
                                         st.st_size, st.st_mtime, identity(st)))
        self.meter.total_files = len(self.found.tasks)
        self.meter.total_bytes += st.st_size
        self.meter.file_started(path)

    def _walk(self, root: str, prefix: tuple[str, list[bytes], bool]) -> None:
        stack: list[tuple[str, tuple[str, list[bytes], bool]]] = [(root, prefix)]
        while stack:
            self.cancel.raise_if_cancelled()
            folder, folder_prefix = stack.pop()
            try:
                with os.scandir(long_path(folder)) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                self._skip(folder, f"folder cannot be read ({exc.strerror})")
                continue
            if not entries and folder != root:
                self.found.empty_dirs.append(folder_prefix[0] + "/")
            for entry in entries:
                # os.path.join, minus its cost (100,000 files: 0.3 s); entry.path would
                # carry the long-path prefix on Windows.
                path = (folder + entry.name if folder.endswith(("/", os.sep))
                        else f"{folder}{os.sep}{entry.name}")
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError as exc:
                    self._skip(path, f"cannot be read ({exc.strerror})")
                    continue
                if stat.S_ISDIR(st.st_mode) and not is_link(st) and self._skip_dirs \
                        and _real(path) in self._skip_dirs:
                    self._skip(path, "the folder the backup is written to: not copied "
                                     "into itself")
                    continue
                if stat.S_ISDIR(st.st_mode) and not is_link(st):
                    stack.append((path, _join(folder_prefix, entry.name)))
                else:
                    self._entry(path, entry.name, st, folder_prefix)
