"""Wizard pages. Each calls one core function through `run_job` and only draws its result."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from core.detection import DetectionResult
from core.errors import SwitchoverError
from gui.jobs import run_job


class WelcomePage(QWizardPage):
    def __init__(self, demo_title: str | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Switchover"))
        self.setSubTitle(self.tr("A calm, step-by-step way off Kaspersky, without losing "
                                 "your data or your protection."))
        text = QLabel(self.tr(
            "<p>Switchover finds every Kaspersky product on this computer, explains what the "
            "US ban means for you, keeps what uninstalling would lose, and makes sure you "
            "are protected afterwards.</p>"
            "<p><b>What Switchover will never do:</b> send anything about you or this "
            "computer anywhere, change anything without asking you first, or earn money "
            "from the product you choose (no affiliate links).</p>"))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        if demo_title:
            demo = QLabel(self.tr("<b>Demo mode:</b> showing an example machine ({0}). "
                                  "Nothing on this computer is read or changed.")
                          .replace("{0}", escape(demo_title)))
            demo.setObjectName("demoBanner")
            demo.setWordWrap(True)
            layout.addWidget(demo)
        layout.addStretch(1)


class ScanPage(QWizardPage):
    """Runs detection in the background and shows what was found, with evidence to expand."""

    def __init__(self, scan: Callable[[], DetectionResult]) -> None:
        super().__init__()
        self._scan = scan
        self._result: DetectionResult | None = None
        self.setTitle(self.tr("What is on this computer"))
        self.setSubTitle(self.tr("Switchover looks for Kaspersky products, other security "
                                 "products, and leftovers of earlier removals."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: detection reports no steps
        self.progress.setAccessibleName(self.tr("Scanning"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Found"), self.tr("Details")])
        self.tree.setColumnWidth(0, 330)
        self.tree.setAccessibleName(self.tr("Products found"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def initializePage(self) -> None:
        self._result = None
        self.tree.clear()
        self.progress.show()
        self.summary.setText(self.tr("Scanning…"))
        self.completeChanged.emit()
        run_job(self, self._scan, self._show, self._failed)

    def isComplete(self) -> bool:
        return self._result is not None

    @property
    def result(self) -> DetectionResult | None:
        return self._result

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        message = str(exc) if isinstance(exc, SwitchoverError) else (
            self.tr("The scan stopped because of an internal error: ") + escape(repr(exc)))
        self.summary.setText(f"<p style='color:#a00'>{escape(message)}</p>")

    def _show(self, result: DetectionResult) -> None:
        self._result = result
        self.progress.hide()
        verdict = (self.tr("This computer is protected right now.") if result.protected
                   else self.tr("This computer is <b>not</b> protected right now."))
        if result.products:
            count = len(result.products)
            found = (self.tr("Found one Kaspersky product.") if count == 1 else
                     self.tr("Found {0} Kaspersky products.").replace("{0}", str(count)))
        else:
            found = self.tr("No Kaspersky product is installed: there is nothing to remove.")
        self.summary.setText(f"<p>{found} {verdict}<br>{escape(result.protection.reason)}</p>")
        self._fill(result)
        self.completeChanged.emit()

    def _fill(self, result: DetectionResult) -> None:
        def group(title: str) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self.tree, [title])
            item.setExpanded(True)
            return item

        if result.products:
            kaspersky = group(self.tr("Kaspersky"))
            for p in result.products:
                details = []
                if p.definitions_age_days is not None:
                    details.append(self.tr("definitions {0} days old").replace(
                        "{0}", str(p.definitions_age_days)))
                details.append({True: self.tr("running"), False: self.tr("not running"),
                                None: ""}[p.active])
                row = QTreeWidgetItem(kaspersky, [f"{p.name} {p.version or ''}".strip(),
                                                  ", ".join(d for d in details if d)])
                for line in p.evidence:
                    QTreeWidgetItem(row, [self.tr("evidence"), line])
        if result.others:
            others = group(self.tr("Other security products"))
            for o in result.others:
                state = {True: self.tr("on"), False: self.tr("off"), None: ""}[o.active]
                QTreeWidgetItem(others, [o.name, "; ".join((state, *o.notes)).strip("; ")])
        if result.leftovers:
            leftovers = group(self.tr("Leftovers of earlier removals"))
            for lo in result.leftovers:
                detail = lo.where if lo.what == lo.label else f"{lo.what} — {lo.where}"
                QTreeWidgetItem(leftovers, [lo.label, detail])
        self._add_tooltips()

    def _add_tooltips(self) -> None:
        """Paths are long: the whole text is one hover away (and read by screen readers)."""
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop()
            for column in (0, 1):
                item.setToolTip(column, item.text(column))
            pending.extend(item.child(i) for i in range(item.childCount()))
