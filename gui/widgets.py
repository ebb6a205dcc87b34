"""What every wizard page shares: the demo banner, a scrolling body, routing, accessibility."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from core.language.translate import tr as core_tr
from core.migration.pages import Page
from gui.session import Session

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
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


def short_title(title: str, limit: int = 60) -> str:
    """A long title cut at a word boundary with an ellipsis, never mid-word (the whole
    title is the link's tooltip)."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:—-")
    return (cut or title[:limit]) + "…"


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons at their natural width, left-aligned (not a wall of full-width bars)."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def fit_first_column(tree: QTreeWidget) -> None:
    """Names are never cut: the first column takes what its longest name needs, the
    second the rest (its long texts are elided, with the whole text as the tooltip)."""
    from PySide6.QtWidgets import QHeaderView

    header = tree.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)


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
            banner = QLabel(self.tr("Demonstration: {machine}. Nothing on this computer is "
                                    "read or changed; every action is simulated.")
                            .format(machine=core_tr(session.demo_title) if session.demo_title
                                    else self.tr("a saved machine")))
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

        self.why_not = QLabel()
        self.why_not.setObjectName("whyNot")
        self.why_not.setWordWrap(True)
        self.why_not.setAccessibleName(self.tr("Why Next is not available yet"))
        outer.addWidget(self.why_not)
        self.completeChanged.connect(self._show_why_not)

    def blocker(self) -> str | None:
        """Core's answer to "may the user go on?" for this page (None: yes)."""
        from core.migration.route import blocker

        return blocker(self.page_id, self.session.facts())

    def isComplete(self) -> bool:
        return self.blocker() is None

    def _show_why_not(self) -> None:
        reason = self.blocker()
        self.why_not.setText(reason or "")  # core's sentence, already in the user's language
        self.why_not.setVisible(bool(reason))
        wizard = self.wizard()
        if hasattr(wizard, "update_rail"):  # a choice may change the steps still to come
            wizard.update_rail()

    def nextId(self) -> int:
        if self.page_id == Page.DONE:
            return -1
        from core.migration.route import next_page

        return int(next_page(self.page_id, self.session.facts()))
