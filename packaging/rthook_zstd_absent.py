"""PyInstaller runtime hook: an empty `backports.zstd` for py7zr.

py7zr imports Zstandard when it loads, for 7z archives compressed with it; the one 7z
Switchover writes (the encrypted password export: LZMA2 and AES-256) never uses it, and
leaving the module out keeps the bundle within its size budget (540 KB of the .tar.gz).
Anything that did ask for Zstandard gets one clear error instead of a missing module.
"""

import sys
import types


def _absent(name: str) -> object:
    raise RuntimeError(f"Zstandard ({name}) is not part of this build of Switchover.")


if "backports.zstd" not in sys.modules:
    _backports = sys.modules.get("backports") or types.ModuleType("backports")
    _backports.__path__ = []  # type: ignore[attr-defined]
    _zstd = types.ModuleType("backports.zstd")
    _zstd.__getattr__ = _absent  # type: ignore[attr-defined]
    _backports.zstd = _zstd  # type: ignore[attr-defined]
    sys.modules.setdefault("backports", _backports)
    sys.modules["backports.zstd"] = _zstd
