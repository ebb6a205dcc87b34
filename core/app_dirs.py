"""Where Switchover keeps state and caches (platformdirs), overridable for tests and fleets.

`SWITCHOVER_STATE_DIR` and `SWITCHOVER_CACHE_DIR` move each folder, so tests and demo runs
never touch a user's real progress, audit log or downloaded catalog.
"""

from __future__ import annotations

import os
from pathlib import Path


def state_dir() -> Path:
    override = os.environ.get("SWITCHOVER_STATE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_state_dir("switchover", appauthor=False))


def cache_root() -> Path:
    override = os.environ.get("SWITCHOVER_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("switchover", appauthor=False))
