"""Builds the wizard and runs the Qt event loop; `switchover gui` lands here."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from core.migration.pages import Page
from gui.pages_welcome import WelcomePage
from gui.session import Session

# Palette roles, not colours: the banner follows the system's light or dark scheme.
STYLE = """
QLabel#demoBanner { background: palette(highlight); color: palette(highlighted-text);
                    padding: 6px; font-weight: bold; }
"""


def build_wizard(demo: str | None = None, snapshot: str | None = None,
                 demo_title: str | None = None, session: Session | None = None,
                 later: bool = False) -> QWizard:
    """The wizard; with `later`, only Welcome exists until `add_remaining_pages` runs.

    `show_wizard` builds the other nine pages just after the first paint, so the window
    appears without waiting for their imports and widgets (bench_bundle.py measures it);
    Welcome's Next stays off until they exist.
    """
    session = session or Session(demo=demo, snapshot_path=snapshot, demo_title=demo_title)
    from gui.wizard import MigrationWizard

    wizard = MigrationWizard(session)
    title = "Switchover"
    if session.simulated:
        title += " — demonstration (nothing on this computer is changed)"
    wizard.setWindowTitle(title)
    wizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
    wizard.setStyleSheet(STYLE)
    wizard.setPage(int(Page.WELCOME), WelcomePage(session))
    if not later:
        add_remaining_pages(wizard)
    wizard.setStartId(int(Page.WELCOME))
    wizard.resize(980, 690)  # fits 1366×768 with a taskbar; pages scroll down to 800×600
    wizard.setMinimumSize(780, 560)
    return wizard


def add_remaining_pages(wizard: QWizard) -> None:
    from gui.pages import BanPage, ScanPage
    from gui.pages_backup import BackupPage, LosePage
    from gui.pages_choose import ChoosePage
    from gui.pages_finish import DonePage, ProtectedPage
    from gui.pages_ready import ReadyPage
    from gui.pages_run import RunPage, UninstallPage
    from gui.wizard import MigrationWizard

    assert isinstance(wizard, MigrationWizard)
    session = wizard.session
    pages = {
        Page.SCAN: ScanPage(session),
        Page.BAN: BanPage(session), Page.CHOOSE: ChoosePage(session),
        Page.READY: ReadyPage(session), Page.LOSE: LosePage(session),
        Page.BACKUP: BackupPage(session),
        Page.UNINSTALL: UninstallPage(session), Page.RUN: RunPage(session),
        Page.PROTECTED: ProtectedPage(session), Page.DONE: DonePage(session),
    }
    for page_id, page in pages.items():
        wizard.setPage(int(page_id), page)
    welcome = wizard.page(int(Page.WELCOME))
    assert isinstance(welcome, WelcomePage)
    welcome.others_ready()
    wizard.rail_ready = True
    wizard.update_rail()


class _OnFirstPaint(QObject):
    """Calls `then` inside the window's first paint event, once."""

    def __init__(self, window: QWizard, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            then()
        return False


def show_wizard(session: Session, exit_after: str = "") -> QWizard:
    """Shows Welcome at once and builds the other pages just after its first paint.

    `exit_after` is for start-up timing (bench_bundle.py): "1" quits at the first paint,
    "ready" once every page exists.
    """
    from PySide6.QtGui import QIcon

    wizard = build_wizard(session=session, later=True)
    wizard.setWindowIcon(QIcon(str(_icon())))

    def rest() -> None:
        try:
            add_remaining_pages(wizard)
        except Exception as exc:  # a bug: shown with "Copy details", never swallowed
            from gui.errors import report_error

            report_error(wizard, exc)
        if exit_after == "ready":
            QApplication.quit()

    def first_paint() -> None:
        if exit_after == "1":
            QApplication.quit()
        else:  # once this paint has reached the screen
            QTimer.singleShot(0, rest)

    _OnFirstPaint(wizard, first_paint)
    wizard.show()
    return wizard


def run(demo: str | None = None, snapshot: str | None = None) -> int:
    title = None
    if demo is not None:
        from core.machine.demo import demo_machine

        # Validates NAME (a bad one exits 2 before any window appears); reads a small index.
        title = demo_machine(demo or None).title
    app = QApplication.instance() or QApplication(sys.argv[:1])
    session = Session(demo=demo, snapshot_path=snapshot, demo_title=title)
    if session.simulated:
        # A real archive of the folders picked, kept away from the user's own folders.
        session.destination = os.path.join(tempfile.gettempdir(), "switchover-demo-backups")
        os.makedirs(session.destination, exist_ok=True)
    _window = show_wizard(session, os.environ.get("SWITCHOVER_EXIT_AFTER_SHOW", ""))  # alive
    return int(app.exec())


def _icon() -> Path:
    from core.resources import resources_root

    return resources_root() / "icons" / "switchover-256.png"
