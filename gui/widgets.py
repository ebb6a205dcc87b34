"""What every wizard page shares: the demo banner, a scrolling body, routing, accessibility."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from core.migration.route import Page, next_page
from gui.session import Session


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Every control gets an accessible name (and a description where it helps)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def text_label(html: str = "", name: str = "", links: bool = True) -> QLabel:
    """Rich text; with `links`, its sources can be opened by mouse or keyboard.

    Welcome's label has no links and skips them: building the Qt namespace those flags
    need costs 12 ms, which then falls after the first paint instead of before it.
    """
    label = QLabel(html)
    label.setWordWrap(True)
    if links:
        from PySide6.QtCore import Qt

        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setOpenExternalLinks(True)  # sources open in the system browser
    if name:
        label.setAccessibleName(name)
    return label


def browser(name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setOpenExternalLinks(True)
    view.setAccessibleName(name)
    return view


class BasePage(QWizardPage):
    page_id: Page

    def __init__(self, session: Session, title: str, subtitle: str) -> None:
        super().__init__()
        self.session = session
        self.setTitle(title)
        self.setSubTitle(subtitle)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if session.simulated:
            banner = QLabel(self.tr("Demonstration: {0}. Nothing on this computer is read "
                                    "or changed; every action is simulated.")
                            .replace("{0}", session.demo_title or self.tr("a saved machine")))
            banner.setObjectName("demoBanner")
            banner.setWordWrap(True)
            banner.setFrameShape(QFrame.Shape.Box)
            banner.setAccessibleName(self.tr("Demonstration mode"))
            outer.addWidget(banner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)

    def nextId(self) -> int:
        if self.page_id == Page.DONE:
            return -1
        return int(next_page(self.page_id, self.session.kaspersky_found,
                             self.session.resume_uninstall))
