"""Get the new protection ready before anything is removed, as the ban page advises.

What to show comes from core (`install_guide`: this system's own package manager, the
vendor's page, what a built-in product does by itself); the page only shows it and
records that the user opened the page or has the installer at hand.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QPushButton

from core.migration.pages import Page
from gui.jobs import run_job
from gui.session import Session
from gui.widgets import BasePage, button_row, named, text_label

if TYPE_CHECKING:
    from core.catalog.install_guide import InstallGuide


class ReadyPage(BasePage):
    page_id = Page.READY

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Get your new protection ready"),
                         self.tr("So that this computer is never left unprotected, have the "
                                 "replacement at hand before Kaspersky is removed."))
        self.guide_text = text_label(name=self.tr("How to get it"))
        self.open_page = named(QPushButton(), self.tr("Open the vendor's page"),
                               self.tr("Opens the product's own page in your web browser."))
        self.open_page.clicked.connect(self._open)
        self.details = named(QPushButton(self.tr("Show details")), self.tr("Show details"),
                             self.tr("Shows the command that installs it from a terminal."))
        self.details.setCheckable(True)
        self.commands = text_label(name=self.tr("Terminal command"))
        self.commands.hide()
        self.details.toggled.connect(self.commands.setVisible)
        self.have_it = named(QCheckBox(self.tr("I have the installer ready, or it is already "
                                               "installed")),
                             self.tr("Installer ready"),
                             self.tr("Tick once you can install it right after the removal."))
        self.have_it.toggled.connect(self._ticked)
        self.body.addWidget(self.guide_text)
        self.body.addLayout(button_row(self.open_page, self.details))
        for widget in (self.commands, self.have_it):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.guide: InstallGuide | None = None

    def initializePage(self) -> None:
        session = self.session
        chosen, detection, snapshot = session.chosen, session.detection, session.snapshot
        session.replacement_ready = False
        self.have_it.setChecked(False)
        self.completeChanged.emit()

        def work() -> InstallGuide:
            from core.catalog.install_guide import install_guide
            from core.uninstall.plan import protection_after
            from core.uninstall.states import ProtectionState

            assert chosen is not None and detection is not None  # the route comes here so
            forecast = protection_after(snapshot, detection) if snapshot else None
            takes_over = forecast is not None and forecast.state == ProtectionState.DEFENDER
            return install_guide(chosen, detection.platform,
                                 snapshot.os.name if snapshot else "",
                                 forecast.text if forecast else None, takes_over)

        self.guide_text.setText(self.tr("Looking…"))
        run_job(self, work, self._show, lambda exc: self.guide_text.setText(escape(str(exc))))

    def _show(self, guide: InstallGuide) -> None:
        self.guide = guide
        parts = []
        if guide.takes_over_by_itself:
            self.session.replacement_ready = True
        else:
            parts.append(self.tr("<p>Download <b>{product}</b> from its own page now. Most "
                                 "anti-virus programs ask for the old one to be removed first, "
                                 "so you install it right after Switchover has removed "
                                 "Kaspersky.</p>").format(product=escape(guide.name)))
        parts += [f"<p>{escape(note)}</p>" for note in guide.notes]
        self.guide_text.setText("".join(parts))
        self.open_page.setText(self.tr("Open {product}'s page").format(product=guide.name))
        self.open_page.setVisible(bool(guide.page_url) and not guide.takes_over_by_itself)
        self.have_it.setVisible(not guide.takes_over_by_itself)
        self.details.setVisible(bool(guide.commands))
        self.commands.setText(self.tr("In a terminal: {commands}").format(
            commands=" ".join(f"<code>{escape(c)}</code>" for c in guide.commands)))
        self.completeChanged.emit()

    def _open(self) -> None:
        if self.guide is not None:
            QDesktopServices.openUrl(QUrl(self.guide.page_url))
            self.session.replacement_ready = True
            self.completeChanged.emit()

    def _ticked(self, on: bool) -> None:
        self.session.replacement_ready = on or self.session.replacement_ready
        self.completeChanged.emit()
