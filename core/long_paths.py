"""Windows' extended-length paths, for every module that opens user files.

Folders people back up hold paths longer than Windows' old 260-character limit; the
`\\\\?\\` form lifts it. A foundation module, because the probes, the password sniffer
and the backup all open such paths and none of them should import another for it.
"""

from __future__ import annotations

import re
import sys


def long_path(path: str) -> str:
    """On Windows, the `\\\\?\\` form that lifts the 260-character limit; unchanged elsewhere."""
    if sys.platform == "win32":
        return windows_long_path(path)
    return path


def windows_long_path(path: str) -> str:
    """The extended-length form of an absolute Windows path (pure, so it is testable anywhere)."""
    if path.startswith("\\\\?\\"):
        return path
    import ntpath

    path = ntpath.normpath(path.replace("/", "\\"))  # `..` is not resolved after \\?\\
    if path.startswith("\\\\"):
        return "\\\\?\\UNC\\" + path[2:]
    if re.match(r"^[A-Za-z]:\\", path):
        return "\\\\?\\" + path
    return path
