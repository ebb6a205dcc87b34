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
    assert _heavy_modules_after("core.cli.main", repo_root) == "(0, [])"


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
    done = subprocess.run(f"{sys.executable} -m core.cli.main recommend --demo "
                          "windows-total-security --platform windows -v | head -1", shell=True,
                          cwd=repo_root, capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("Alternatives for Windows")
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


# The house, bottom to top: a package may use the ones below it, never one above or beside
# it. Foundations (errors, jobs, atomic writes, folders, resources, the audit log, terminal
# text, long paths) serve everyone. The README's "How the code is laid out" draws the same.
LAYERS = (
    ("foundations",), ("language",), ("passwords",), ("machine",), ("detect",), ("ban", "catalog"),
    ("backup",), ("uninstall",), ("migration",), ("fleet",), ("cli",),
)


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in _RANK) \
        else "foundations"


_RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _imports(path: Path) -> list[tuple[int, str]]:
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "core":
                found += [(node.lineno, f"core.{alias.name}") for alias in node.names]
            elif node.module.startswith("core."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("core.")]
    return found


def test_core_packages_import_only_downwards(repo_root: Path) -> None:
    """Every import, including the ones inside functions, points down the house."""
    core = repo_root / "core"
    packages = {p.name for p in core.iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(_RANK) - {"foundations"}, "a new package needs its place in LAYERS"
    wrong = []
    for path in core.rglob("*.py"):
        mine = _package(".".join(path.relative_to(repo_root).with_suffix("").parts))
        for line, module in _imports(path):
            theirs = _package(module)
            if theirs != mine and _RANK[theirs] >= _RANK[mine] and theirs != "foundations":
                wrong.append(f"{path.relative_to(repo_root)}:{line} imports {module}")
    assert not wrong, "\n".join(wrong)



def test_no_core_module_outgrows_a_small_room(repo_root: Path) -> None:
    big = {str(p.relative_to(repo_root)): n for folder in ("core", "gui")
           for p in (repo_root / folder).rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}  # ~400, with slack
    assert not big, big


def test_without_a_display_the_wizard_says_so_in_one_sentence(repo_root: Path) -> None:
    """Qt would abort (exit 134) and suggest reinstalling; the user gets what works instead."""
    import os

    import pytest

    if not sys.platform.startswith("linux"):
        pytest.skip("Windows and macOS always have a window system")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "gui.launcher"], cwd=repo_root, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "needs a desktop" in done.stderr
    assert "switchover detect" in done.stderr and "Traceback" not in done.stderr
    missing = subprocess.run([sys.executable, "-m", "gui.launcher", "gui", "--snapshot",
                              str(repo_root / "no-such-snapshot.json")], cwd=repo_root,
                             env=env, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "does not exist" in missing.stderr
