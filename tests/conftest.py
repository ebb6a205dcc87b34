"""Shared test set-up: run from the source checkout, with Qt offscreen and a pinned locale."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "en_US.UTF-8")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def edit_resource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                  ) -> Callable[[str, Callable[[Any], None]], None]:
    """Edits a JSON file in a private copy of resources/ that the code then reads, as a
    maintainer's edit of the data would be: `edit_resource("texts/ban.json", change)`."""
    copy = tmp_path / "resources"

    def edit(relpath: str, change: Callable[[Any], None]) -> None:
        if not copy.exists():
            shutil.copytree(ROOT / "resources", copy)
            monkeypatch.setenv("SWITCHOVER_RESOURCES", str(copy))
        path = copy / relpath
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data), encoding="utf-8")

    return edit


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None):
    """Run `python -m core.cli.main ...` as a user would, in a fresh process."""
    import subprocess

    full_env = {**os.environ, **(env or {})}
    full_env.pop("SWITCHOVER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "core.cli.main", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real profile's state (uninstall progress, audit log,
    catalog high-water mark) or cache (downloaded catalogs)."""
    if "SWITCHOVER_STATE_DIR" not in os.environ:
        monkeypatch.setenv("SWITCHOVER_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    if "SWITCHOVER_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("SWITCHOVER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    # Dates are written in the user's locale: every test sees the same one, whatever the
    # developer's machine is set to (tests of other locales pass theirs explicitly).
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # exists on every machine (Ansible checks)
