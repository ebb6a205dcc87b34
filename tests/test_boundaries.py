"""House rules a machine can check: core stays Qt-free, packaging/ is not a Python package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLOCK_QT = """
import importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'gui'):
            raise ImportError('blocked for this test: ' + name)
sys.meta_path.insert(0, Block())
import core
names = [m.name for m in pkgutil.walk_packages(core.__path__, 'core.')]
for name in names:
    __import__(name)
print(len(names))
"""


def test_every_core_module_imports_without_qt(repo_root: Path) -> None:
    done = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=repo_root, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 10


def _heavy_modules_after(entry: str, repo_root: Path) -> str:
    """Run `detect --json` through an entry point; report its exit code and heavy imports."""
    code = (f"import sys; from {entry} import main; "
            "rc = main(['detect', '--demo', 'linux-kesl', '--json']); "
            "sys.stderr.write(repr((rc, [m for m in ('PySide6', 'requests', 'psutil') "
            "if m in sys.modules])))")
    done = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True,
                          text=True, timeout=60)
    return done.stderr.strip()


def test_detect_does_not_import_qt_or_requests(repo_root: Path) -> None:
    assert _heavy_modules_after("core.cli", repo_root) == "(0, [])"


def test_the_entry_point_loads_no_qt_until_the_wizard_is_asked_for(repo_root: Path) -> None:
    assert _heavy_modules_after("gui.launcher", repo_root) == "(0, [])"


def test_an_unknown_demo_name_exits_2_before_any_window(repo_root: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "gui.launcher", "gui", "--demo", "nosuch"],
                          cwd=repo_root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "windows-total-security" in done.stderr


def test_packaging_folder_is_not_a_python_package(repo_root: Path) -> None:
    assert not list((repo_root / "packaging").rglob("__init__.py"))


def test_a_reader_that_stops_early_gets_no_error_message(repo_root: Path) -> None:
    """`switchover … | head -1` is how scripts peek: no "internal error" on the way out."""
    done = subprocess.run(f"{sys.executable} -m core.cli recommend --demo windows-total-security"
                          " --platform windows -v | head -1", shell=True, cwd=repo_root,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("Alternatives for windows")
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
