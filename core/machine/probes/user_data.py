"""The user's own folders and files that the backup offers: where they are and how big.

A probe like the others (it reads the machine), kept apart from the snapshot because it
is about the person's data, not Kaspersky's footprint: the standard folders come from
platformdirs (the OS's own answer, including redirected Documents on Windows), sizes are
measured without following links, and the Password Manager's text export is looked for
where people save it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from core.jobs import CancelToken, ProgressCallback, ProgressMeter, no_progress
from core.language.translate import mark
from core.long_paths import long_path
from core.passwords.kpm_export import looks_like_kpm_export
from core.passwords.sniff import file_secret_reason

EXPORT_SEARCH_DEPTH = 2
EXPORT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class UserFolder:
    label: str
    path: str


@dataclass(frozen=True)
class FolderSize:
    path: str
    bytes: int
    files: int
    unreadable: int


def standard_folders() -> list[UserFolder]:
    """Documents, Desktop, Pictures, Videos, Music and Downloads that exist here."""
    import platformdirs

    found: list[UserFolder] = []
    seen: set[str] = set()
    for label, getter in ((mark("Documents"), platformdirs.user_documents_dir),
                          (mark("Desktop"), platformdirs.user_desktop_dir),
                          (mark("Pictures"), platformdirs.user_pictures_dir),
                          (mark("Videos"), platformdirs.user_videos_dir),
                          (mark("Music"), platformdirs.user_music_dir),
                          (mark("Downloads"), platformdirs.user_downloads_dir)):
        path = getter()
        key = os.path.normcase(os.path.abspath(path))
        if os.path.isdir(path) and key not in seen and key != os.path.normcase(
                os.path.expanduser("~")):
            seen.add(key)
            found.append(UserFolder(label, path))
    return found


def measure(paths: list[str], progress: ProgressCallback = no_progress,
            cancel: CancelToken | None = None) -> list[FolderSize]:
    """Bytes and files under each path, links not followed (what the backup will copy)."""
    cancel = cancel or CancelToken()
    meter = ProgressMeter("measuring", 0, 0, progress)
    sizes = []
    for root in paths:
        total = files = unreadable = 0
        stack = [root]
        while stack:
            cancel.raise_if_cancelled()
            folder = stack.pop()
            try:
                with os.scandir(long_path(folder)) as it:
                    entries = list(it)
            except NotADirectoryError:
                try:
                    total += os.lstat(long_path(folder)).st_size
                    files += 1
                except OSError:
                    unreadable += 1
                continue
            except OSError:
                unreadable += 1
                continue
            for entry in entries:
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    unreadable += 1
                    continue
                if stat.S_ISDIR(st.st_mode):
                    stack.append(entry.path)
                elif stat.S_ISREG(st.st_mode):
                    total += st.st_size
                    files += 1
                    meter.total_files += 1
                    meter.add_bytes(st.st_size)
        sizes.append(FolderSize(root, total, files, unreadable))
    meter.finish()
    return sizes


def find_kpm_exports(folders: list[str], depth: int = EXPORT_SEARCH_DEPTH) -> list[str]:
    """Text files in these folders (and `depth` levels below) that are KPM exports."""
    found: list[str] = []
    for root in folders:
        stack = [(root, 0)]
        while stack:
            folder, level = stack.pop()
            try:
                with os.scandir(long_path(folder)) as it:
                    entries = list(it)
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if level < depth:
                            stack.append((entry.path, level + 1))
                    elif (entry.is_file(follow_symlinks=False)
                          and entry.stat().st_size <= EXPORT_MAX_BYTES
                          and _is_export(entry.path, entry.stat().st_size)):
                        found.append(entry.path)
                except OSError:
                    continue
    return sorted(found)


def _is_export(path: str, size: int) -> bool:
    """A Kaspersky Password Manager text export, whatever its name or encoding: what the
    backup keeps out of the plain archive and `passwords convert` reads (one sniffer)."""
    from core.passwords.sniff import decode_head, read_head

    if file_secret_reason(path, size) is None:
        return False
    raw = read_head(path)
    text = decode_head(raw) if raw else None
    return text is not None and looks_like_kpm_export(text.lstrip())
