"""Atomic file writes: a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_text_atomic(path: Path, text: str, mode: int | None = 0o600) -> None:
    """Write `text` to `path` via a temporary file in the same folder, then rename.

    The temporary file must live in the destination folder: `os.replace` is only atomic
    within one file system. What Switchover writes describes the machine or its user
    (snapshots, reports, saved state), so files are readable by their owner only unless a
    caller asks otherwise (`mode` None: the usual permissions, from the umask).
    """
    import tempfile  # costs ~4 ms of start-up; only writers pay it

    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        else:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
