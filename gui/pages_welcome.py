"""The first page. It is the only page built before the window first appears (gui/app.py),
so it imports as little as it can: Qt's namespace, the job runner and the other pages load
after the first paint.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel

from core.migration.pages import Page
from gui.session import Session
from gui.widgets import BasePage, named, text_label


class WelcomePage(BasePage):
    page_id = Page.WELCOME

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Welcome to Switchover"),
                         self.tr("A calm, step-by-step way off Kaspersky, without losing your "
                                 "data or your protection."))
        self.body.addWidget(text_label(self.tr(
            "<p>Switchover finds every Kaspersky product on this computer, explains what the "
            "US ban means for you, keeps what uninstalling would lose, helps you choose a "
            "replacement and removes Kaspersky with its own uninstallers.</p>"
            "<p><b>What Switchover will never do:</b></p><ul>"
            "<li>send anything about you or this computer anywhere (no telemetry);</li>"
            "<li>change anything without asking you first;</li>"
            "<li>earn money from the product you choose (no affiliate links, no paid "
            "placement).</li></ul>"), self.tr("About Switchover"), links=False))
        self.resume = named(QCheckBox(self.tr("Continue the uninstall that was interrupted")),
                            self.tr("Resume"), self.tr("Switchover saved where it stopped "
                                                       "last time and can pick up there."))
        self.resume.hide()
        self.resume.toggled.connect(self._toggle)
        self.body.addWidget(self.resume)
        self.body.addLayout(self._language_row())
        self.body.addStretch(1)
        # Next waits for these: the other pages (built just after the first paint) and the
        # look for an interrupted uninstall, whose offer a quick click must not skip.
        self._waiting = {"pages"}

    def _language_row(self) -> QHBoxLayout:
        """English, Deutsch, Español, each in its own words; choosing one builds the
        window again in that language (only here, where nothing entered can be lost)."""
        from core.language.choice import NAMES, SUPPORTED
        from core.language.translate import current

        self.language = named(QComboBox(), self.tr("Language"),
                              self.tr("The language of Switchover's window."))
        for code in SUPPORTED:
            self.language.addItem(NAMES[code], code)
        language = current().language
        if language not in SUPPORTED:  # the pseudo-language, for testers: shown by its code
            self.language.addItem(language, language)
        self.language.setCurrentIndex(self.language.findData(language))
        self.language.setEnabled(False)  # until the other pages exist (others_ready)
        self.language.currentIndexChanged.connect(self._switch_language)
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.language)
        row.addStretch(1)
        return row

    def _switch_language(self, index: int) -> None:
        code = self.language.itemData(index)
        wizard = self.wizard()
        if not isinstance(code, str) or wizard is None:
            return
        self.language.setEnabled(False)  # one switch at a time
        from PySide6.QtCore import QTimer

        from gui.app import switch_language

        # After this signal returns: the switch closes the window this combo lives in.
        QTimer.singleShot(0, lambda: switch_language(wizard, code))

    def isComplete(self) -> bool:
        return not self._waiting and super().isComplete()

    def _done(self, what: str) -> None:
        self._waiting.discard(what)
        self.completeChanged.emit()

    def others_ready(self) -> None:
        """Called once the other pages exist; then offers to resume a saved uninstall."""
        self._done("pages")
        self.language.setEnabled(True)
        if self.session.simulated:
            return
        from gui.jobs import run_job

        engine = self.session.engine()

        def find() -> bool:  # the engine's resume rule: unfinished, and for this machine
            return engine.saved_run() is not None

        def found(interrupted: object) -> None:
            self.resume.setVisible(bool(interrupted))
            self._done("resume")

        self._waiting.add("resume")
        # An unreadable saved state offers nothing to resume; the uninstall page says why.
        run_job(self, find, found, lambda _exc: self._done("resume"))

    def _toggle(self, on: bool) -> None:
        self.session.resume_uninstall = on
