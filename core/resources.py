"""Finds `resources/` the same way from a source checkout, an installed wheel and a frozen app.

One function, three layouts:
- frozen (PyInstaller): the bundle's data folder, `sys._MEIPASS/resources`;
- installed wheel: the wheel ships `resources/` inside the package as `core/_resources`;
- source checkout or editable install: `resources/` beside the `core/` folder.
`SWITCHOVER_RESOURCES` overrides all three (support staff testing edited signatures).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from core.errors import ResourceError

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_root() -> Path:
    """Return the folder that holds the bundled signatures, demo machines and texts."""
    override = os.environ.get("SWITCHOVER_RESOURCES")
    if override:
        return Path(override)
    frozen_base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_base:
        return Path(frozen_base) / "resources"
    wheel = _PACKAGE_DIR / "_resources"
    if wheel.is_dir():
        return wheel
    return _PACKAGE_DIR.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one bundled resource; raises `ResourceError` naming it when it is missing."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise ResourceError(
            f"The bundled resource {'/'.join(parts)} is missing from {path.parent}.")
    return path


def load_json_resource(*parts: str) -> Any:
    """Load a bundled JSON file; a broken file is a `ResourceError`, not a traceback."""
    path = resource_path(*parts)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResourceError(
            f"The bundled resource {'/'.join(parts)} cannot be read: {exc}.") from exc
