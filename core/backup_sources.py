"""Walk what the plan asks to copy: every file it will archive and every one it will not.

Symbolic links are never followed (a link in Documents to `/` must not pull in the whole
disk), special files are never opened (reading a FIFO would hang), and a plaintext
password export or password CSV found in a chosen folder is kept out of the plain
archive: it goes into the encrypted part when there is a passphrase, else nowhere.
Nothing is lost silently: each such file becomes a `Skipped` with its reason.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

from core.archive_names import archive_component, display_path, encode_raw, long_path
from core.jobs import CancelToken, ProgressMeter
from core.kpm_export import looks_like_kpm_export, looks_like_password_csv
from core.manifest import Skipped

SNIFF_BYTES = 8192
SNIFF_SUFFIXES = (".txt", ".csv", ".tsv")
SNIFF_MAX_SIZE = 50 * 1024 * 1024


@dataclass(frozen=True)
class FileTask:
    source: str
    arcname: str
    raw_b64: str | None
    size: int
    mtime: float


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


def _plaintext_secret(path: str, size: int) -> bool:
    """A KPM text export or a password CSV: never to be stored unencrypted."""
    if not path.casefold().endswith(SNIFF_SUFFIXES) or size > SNIFF_MAX_SIZE:
        return False
    try:
        with open(long_path(path), "rb") as handle:
            head = handle.read(SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return looks_like_kpm_export(head) or looks_like_password_csv(head)


class Collector:
    def __init__(self, meter: ProgressMeter, cancel: CancelToken,
                 exclude: frozenset[str] = frozenset()) -> None:
        self.meter = meter
        self.cancel = cancel
        self.exclude = exclude
        self.found = Collected()

    def _skip(self, path: str, reason: str) -> None:
        self.found.skipped.append(Skipped(display_path(path), reason))

    def add(self, path: str, archive_dir: str) -> None:
        """One planned path (a file or a folder) under `archive_dir` in the archive."""
        prefix: tuple[str, list[bytes], bool] = ("", [], False)
        for part in archive_dir.split("/"):
            prefix = _join(prefix, part)
        try:
            st = os.lstat(long_path(path))
        except FileNotFoundError:
            self.found.missing.append(display_path(path))
            return
        except OSError as exc:
            self._skip(path, f"cannot be read ({exc.strerror})")
            return
        if stat.S_ISDIR(st.st_mode):
            self._walk(path, prefix)
        else:
            self._entry(path, os.path.basename(path.rstrip("\\/")) or path, st, prefix)

    def _entry(self, path: str, name: str, st: os.stat_result,
               prefix: tuple[str, list[bytes], bool]) -> None:
        if os.path.normcase(os.path.abspath(path)) in self.exclude:
            return
        if stat.S_ISLNK(st.st_mode):
            try:
                target = os.readlink(long_path(path))
            except OSError:
                target = "?"
            self._skip(path, f"symbolic link to {target}: links are recorded, never followed")
            return
        if not stat.S_ISREG(st.st_mode):
            self._skip(path, "not a regular file (device, pipe or socket): not copied")
            return
        if _plaintext_secret(path, st.st_size):
            self.found.secrets.append(path)
            return
        text, raw, odd = _join(prefix, name)
        self.found.tasks.append(FileTask(path, text, encode_raw(raw) if odd else None,
                                         st.st_size, st.st_mtime))
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
                path = os.path.join(folder, entry.name)
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError as exc:
                    self._skip(path, f"cannot be read ({exc.strerror})")
                    continue
                if stat.S_ISDIR(st.st_mode):
                    stack.append((path, _join(folder_prefix, entry.name)))
                else:
                    self._entry(path, entry.name, st, folder_prefix)
