"""Builds the wizard and runs the Qt event loop; `switchover gui` lands here."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, QTranslator
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
    apply_language()
    from gui.wizard import MigrationWizard

    wizard = MigrationWizard(session)
    title = "Switchover"
    if session.simulated:
        title = QCoreApplication.translate(
            "MigrationWizard", "Switchover — demonstration (nothing on this computer is changed)")
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


class _PseudoTranslator(QTranslator):
    """The pseudo-language `qps`: every sentence, Qt's own too, accented and longer."""

    def translate(self, context: str, sourceText: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if context == "QGuiApplication" and sourceText == "QT_LAYOUT_DIRECTION":
            return None  # Qt asks its translators which way text runs: left to right
        from core.language.pseudo import pseudo

        return pseudo(sourceText)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_language: list[str] = []  # the language whose translators are installed
_decided: list[bool] = []


def _explicit_choice() -> bool:
    """Whether the language was chosen on purpose: `--lang`, or LC_ALL, LC_MESSAGES or
    LANG in the environment. Then the wizard speaks core's current() language."""
    from core.language.choice import from_environment
    from core.language.translate import current

    if any(os.environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")):
        return True
    if any(arg == "--lang" or arg.startswith("--lang=") for arg in sys.argv[1:]):
        return True
    return current() != from_environment()  # use() was called with another locale


def _decide_language() -> None:
    """Once per process: without an explicit choice, the system's locale (macOS and
    Windows set no LANG for windowed apps), handed to core so both speak alike."""
    if _decided:
        return
    _decided.append(True)
    if _explicit_choice():
        return
    from PySide6.QtCore import QLocale

    from core.errors import SwitchoverError
    from core.language.choice import parse
    from core.language.translate import current, use

    system = parse(QLocale.system().name())
    if system is not None and system != current():
        try:
            use(system)
        except SwitchoverError:  # a missing catalog: English rather than no window
            return


def apply_language() -> None:
    """Installs the translators of core's current language (Qt's own buttons from
    qtbase_<lang>.qm, the wizard's sentences from resources/locale/gui); a no-op when
    they are installed already."""
    app = QCoreApplication.instance()
    if app is None:
        return
    _decide_language()
    from core.language.translate import current

    language = current().language
    if _language == [language]:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language[:] = [language]
    if language == "en":
        return
    from core.language.choice import PSEUDO

    if language == PSEUDO:
        pseudo = _PseudoTranslator(app)
        app.installTranslator(pseudo)
        _installed.append(pseudo)
        return
    from PySide6.QtCore import QLibraryInfo

    from core.resources import resources_root

    for name, folder in (
            (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            (f"switchover_{language}", str(resources_root() / "locale" / "gui"))):
        translator = QTranslator(app)
        if translator.load(name, folder):  # a missing file: that part stays in English
            app.installTranslator(translator)
            _installed.append(translator)


_windows: list[QWizard] = []  # the window on screen, kept alive after a language switch


def switch_language(old: QWizard, language: str) -> QWizard:
    """Welcome's language choice: core and Qt speak `language` from now on, and the
    window is built again from scratch in its place (only Welcome offers it: nothing the
    user entered is lost)."""
    from core.language.choice import Locale
    from core.language.translate import current, use
    from gui.wizard import MigrationWizard

    use(Locale(language, current().region))
    apply_language()
    assert isinstance(old, MigrationWizard)
    before = old.session
    session = Session(demo=before.demo, snapshot_path=before.snapshot_path,
                      demo_title=before.demo_title, destination=before.destination)
    window = show_wizard(session)
    window.setGeometry(old.geometry())
    _windows[:] = [window]
    old.close_quietly()
    return window


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
    _windows[:] = [show_wizard(session, os.environ.get("SWITCHOVER_EXIT_AFTER_SHOW", ""))]
    return int(app.exec())


def _icon() -> Path:
    from core.resources import resources_root

    return resources_root() / "icons" / "switchover-256.png"
