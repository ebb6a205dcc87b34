"""Where a backup would go: does the folder exist, how much is free there, on what kind of
drive. Measured on the target's own file system, never on a parent that happens to exist
(an unplugged USB drive's mount point is a folder on the internal disk).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

NETWORK_FILE_SYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smbfs", "smb3", "afpfs", "webdav",
                                  "fuse.sshfs", "9p"})


@dataclass(frozen=True)
class Target:
    path: str
    exists: bool
    free: int | None
    kind: str  # "removable", "network", "internal", "unknown"

    def said(self) -> str:
        return {"removable": "a removable drive", "network": "a network share",
                "internal": "this computer's own disk"}.get(self.kind, "")


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
