"""The unfinished archive: a hidden, locked `.partial` file, published only when whole.

A crash, `kill -9` or power cut never leaves a file that looks like a finished backup:
each run holds an OS lock on its partial file and the next run removes partial files
nobody holds (process ids are not trusted: they are reused after a reboot). Publishing
never overwrites an existing archive.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
from datetime import datetime
from pathlib import Path

from core.errors import SwitchoverError

PARTIAL_RE = re.compile(r"^\.switchover-backup-.+\.partial$")


def try_lock(fd: int) -> bool:
    """An exclusive, non-blocking lock; False when another live process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def clean_stale_partials(dest: Path) -> int:
    """Remove partial archives left by a backup that crashed or was killed.

    A running backup holds a lock on its partial file (and on Windows keeps it open,
    which forbids deleting it), so only abandoned ones can be locked and removed here.
    """
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(dest):
            if not PARTIAL_RE.match(entry.name):
                continue
            try:
                fd = os.open(entry.path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            except OSError:
                continue
            try:
                stale = try_lock(fd)
            finally:
                os.close(fd)
            if stale:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def publish(partial: Path, dest: Path, now: datetime) -> Path:
    """Give the finished archive its final name without ever replacing another file.

    A hard link fails if the name exists, which makes the check and the naming one step;
    file systems without hard links (FAT, exFAT on USB drives) fall back to a rename after
    a check, which on Windows also refuses to replace.
    """
    stamp = now.strftime("%Y-%m-%d_%H%M%S")
    for n in range(1, 1000):
        candidate = dest / (f"switchover-backup-{stamp}.zip" if n == 1
                            else f"switchover-backup-{stamp}-{n}.zip")
        try:
            os.link(partial, candidate)
        except FileExistsError:
            continue
        except OSError:
            if candidate.exists():
                continue
            os.rename(partial, candidate)
            return candidate
        os.unlink(partial)
        return candidate
    raise SwitchoverError(f"Too many backups named switchover-backup-{stamp} in {dest}.")


def is_disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or \
        getattr(exc, "winerror", None) in (39, 112)


def fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
