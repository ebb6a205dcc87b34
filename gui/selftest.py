"""`switchover --self-test`: what every build is checked with, frozen or not.

Loads and validates every bundled resource (signatures, demo machines, backup rules, ban
texts, the catalog and its signature), imports every module, then opens the wizard on a
demo machine offscreen and closes it. Exit 0 and one line per check, or 1 and the first
failure: a packaging mistake (a missing data file, a dropped Qt plugin) shows up here
rather than on a user's machine.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _resources() -> str:
    from core.backup.plan import load_backup_rules, load_backup_texts
    from core.ban.explain import load_texts
    from core.catalog.store import load_bundled
    from core.catalog.trust import load_trusted_keys
    from core.machine.demo import list_demos, load_demo
    from core.machine.signatures import load_signatures

    load_signatures()
    demos = list_demos()
    for demo in demos:
        load_demo(demo.name)
    load_backup_rules()
    load_backup_texts()
    load_texts()
    bundled = load_bundled(load_trusted_keys())
    if bundled.signed_by is None:
        raise RuntimeError("the bundled catalog's signature does not verify")
    return f"{len(demos)} demo machines, catalog v{bundled.catalog.version} signed"


def _modules() -> str:
    import core
    import gui

    frozen_list = Path(getattr(sys, "_MEIPASS", "")) / "switchover-modules.txt"
    if getattr(sys, "frozen", False) and frozen_list.is_file():
        # Inside a PyInstaller bundle modules cannot be listed: the build wrote the list.
        names = frozen_list.read_text(encoding="utf-8").split()
    else:
        names = [m.name for package in (core, gui) for m in
                 pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules"


def _wizard() -> str:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen: headless
    from PySide6.QtWidgets import QApplication

    from core.migration.pages import Page
    from gui.app import show_wizard
    from gui.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The way the app starts: Welcome first, the other pages just after the first paint.
    window = show_wizard(Session(demo="", demo_title="self-test"))
    deadline = time.monotonic() + 10

    def wait(until: Callable[[], bool]) -> bool:
        while not until() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        return until()

    if not wait(lambda: len(window.pageIds()) == len(Page)
                and window.currentPage().isComplete()):
        raise RuntimeError("the wizard's pages were not all built")
    window.next()  # the scan runs in the background
    ok = wait(lambda: window.currentPage().isComplete())
    platform = QApplication.platformName()
    window.close()
    if not ok:
        raise RuntimeError("the demo scan did not finish")
    return f"wizard opened and scanned a demo machine ({platform})"


def _languages() -> str:
    """Every language's catalogs load, and the frozen app runs in UTF-8 mode: the Linux
    bundle leaves out the East Asian codecs, so no locale's encoding may ever be needed."""
    from core.language.choice import SUPPORTED
    from core.language.translate import load_catalog
    from core.resources import resources_root

    for language in SUPPORTED:
        if load_catalog(language).gettext("Sources") == "Sources" and language != "en":
            raise RuntimeError(f"the {language} catalog does not translate")
        if language != "en" and not (resources_root() / "locale" / "gui" /
                                     f"switchover_{language}.qm").is_file():
            raise RuntimeError(f"the wizard's {language} catalog is missing")
    if getattr(sys, "frozen", False) and not sys.flags.utf8_mode:
        raise RuntimeError("the app is not running in Python's UTF-8 mode")
    return f"{', '.join(SUPPORTED)}; UTF-8 mode {'on' if sys.flags.utf8_mode else 'off'}"


def _checks() -> list[tuple[str, Callable[[], str]]]:
    return [("resources", _resources), ("languages", _languages), ("modules", _modules),
            ("wizard", _wizard)]


def run_self_test() -> int:
    for name, check in _checks():
        try:
            detail = check()
        except Exception as exc:  # report, never a traceback
            print(f"self-test FAILED at {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"self-test {name}: ok ({detail})")
    return 0
