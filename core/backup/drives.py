"""Where a backup would go: does the folder exist, how much is free there, on what kind of
drive. Measured on the target's own file system, never on a parent that happens to exist
(an unplugged USB drive's mount point is a folder on the internal disk).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from core.errors import BadInput, SwitchoverError
from core.language.numbers import size
from core.language.translate import mark, tr

SPACE_MARGIN = 16 * 1024 * 1024
# What a backup may create of its destination: nothing, the last folder (a policy's
# per-machine folder on a share that is there), or the whole path (asked for).
CreateFolder = Literal["no", "last", "all"]

NETWORK_FILE_SYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smbfs", "smb3", "afpfs", "webdav",
                                  "fuse.sshfs", "9p"})


@dataclass(frozen=True)
class Target:
    path: str
    exists: bool
    free: int | None
    kind: str  # "removable", "network", "internal", "unknown"

    def said(self) -> str:
        """The kind of drive in words, in the reader's language ("" when unknown)."""
        return tr(_KINDS_SAID[self.kind]) if self.kind in _KINDS_SAID else ""


_KINDS_SAID = {"removable": mark("a removable drive"), "network": mark("a network share"),
               "internal": mark("this computer's own disk")}


def _removable_linux(device: str) -> bool:
    name = os.path.basename(os.path.realpath(device))
    for candidate in (name, name.rstrip("0123456789"), name.split("p")[0]):
        try:
            with open(f"/sys/class/block/{candidate}/removable", encoding="ascii") as handle:
                if handle.read().strip() == "1":
                    return True
        except OSError:
            continue
    return False


def _kind(path: str) -> str:
    try:
        import psutil

        parts = psutil.disk_partitions(all=True)
    except (ImportError, OSError):
        return "unknown"
    real = os.path.realpath(path)
    best = None
    for part in parts:
        mount = part.mountpoint.rstrip(os.sep) or os.sep
        if (real == mount or real.startswith(mount.rstrip(os.sep) + os.sep)) and (
                best is None or len(mount) > len(best.mountpoint)):
            best = part
    if best is None:
        return "unknown"
    if best.fstype.casefold() in NETWORK_FILE_SYSTEMS or "remote" in best.opts:
        return "network"
    if "removable" in best.opts or (best.device.startswith("/dev/")
                                    and _removable_linux(best.device)):
        return "removable"
    if best.mountpoint.startswith("/Volumes/"):  # macOS mounts other drives there
        return "removable"
    return "internal"


def describe(path: str) -> Target:
    if not os.path.isdir(path):
        return Target(path, False, None, "unknown")
    try:
        free: int | None = shutil.disk_usage(path).free
    except OSError:
        free = None
    return Target(path, True, free, _kind(path))


class NotEnoughSpace(SwitchoverError):
    """The destination cannot hold the backup (checked before starting and while writing)."""


def human_size(count: float) -> str:
    """Bytes in the reader's language: 1.5 GB, 1,5 GB."""
    return size(int(count))


def prepare_destination(dest: Path, create: CreateFolder) -> None:
    """A destination that does not exist is refused (an unplugged drive's mount point is a
    folder on the internal disk); `create` "last" makes only the last folder (a policy's
    per-machine folder on a share that is there), "all" the whole path (asked for)."""
    if not dest.exists() and create == "no":
        raise BadInput(tr("The backup destination {path} does not exist. If it is a USB drive "
                          "or a network share, connect it first; to make a new folder there, "
                          "add {option}.").format(path=dest, option="--create-folder"))
    if not dest.exists() and create == "last" and not dest.parent.is_dir():
        raise BadInput(tr("The backup destination's folder {path} does not exist: is the "
                          "drive or share connected?").format(path=dest.parent))
    try:
        dest.mkdir(mode=0o700, parents=create == "all", exist_ok=True)
    except OSError as exc:
        raise BadInput(tr("Cannot create the backup folder {path} ({reason}).").format(
            path=dest, reason=exc.strerror)) from None
    if not dest.is_dir():
        raise BadInput(tr("The backup destination {path} is not a folder.").format(path=dest))


def space_needed(total_bytes: int, files: int) -> int:
    """What a backup of this much needs free: the data, a ZIP record per file and a margin.
    The one rule the plan, the wizard and the backup itself apply."""
    return total_bytes + 4096 * files + SPACE_MARGIN


def check_space(dest: Path, needed: int) -> None:
    free = shutil.disk_usage(dest).free
    if needed > free:
        raise NotEnoughSpace(tr(
            "The backup needs about {needed} but only {free} is free in {path}; choose "
            "another place or fewer folders.").format(needed=human_size(needed),
                                                      free=human_size(free), path=dest))


ALMOST_FULL = 1024 * 1024


def temporary_is_full(temporary: Path, dest: Path) -> bool:
    """Whether the disk that filled was the temporary folder's, not the destination's.

    A backup keeps its file list and manifest records (15 MB for 100,000 files) and any
    export in the temporary folder until the end. When that disk is another one and it
    is the one left without room, saying "the disk holding <destination> is full" sends
    the user to free space where there is plenty."""
    try:
        if os.stat(temporary).st_dev == os.stat(dest).st_dev:
            return False
        return shutil.disk_usage(temporary).free < ALMOST_FULL <= shutil.disk_usage(dest).free
    except OSError:
        return False
