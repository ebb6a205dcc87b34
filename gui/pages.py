"""Scan and "What the ban means": each calls core through a job and draws the result."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from core.errors import SwitchoverError
from core.language.translate import tr, tr_n
from core.migration.pages import Page
from gui.jobs import run_job
from gui.session import Session
from gui.widgets import (
    BasePage,
    browser,
    button_row,
    fit_first_column,
    named,
    short_title,
    text_label,
)

if TYPE_CHECKING:  # detection loads only when the scan runs, off the UI thread
    from core.ban.explain import Explanation, SourceRef
    from core.detect.detection import DetectionResult
    from core.detect.findings import DetectedProduct
    from core.migration.engine import Scan


class ScanPage(BasePage):
    """Runs detection in the background and shows what was found, with evidence to expand."""

    page_id = Page.SCAN

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("What is on this computer"),
                         self.tr("Switchover looks for Kaspersky products, other security "
                                 "products, and leftovers of earlier removals."))
        self.progress = named(QProgressBar(), self.tr("Scanning"),
                              self.tr("Shown while Switchover looks at the computer."))
        self.progress.setRange(0, 0)  # busy: detection reports no steps
        self.summary = text_label(name=self.tr("Scan result"))
        self.tree = named(QTreeWidget(), self.tr("Products found"),
                          self.tr("Expand a product to see the evidence for it."))
        self.tree.setHeaderLabels([self.tr("Found"), self.tr("Details")])
        fit_first_column(self.tree)
        self.tree.setMinimumHeight(200)
        self.tree.hide()  # the evidence, for those who ask; the cards say what matters
        self.cards = text_label(name=self.tr("What was found"))
        self.evidence = named(QPushButton(self.tr("Show the evidence")),
                              self.tr("Show the evidence"),
                              self.tr("Shows what on this computer each finding rests on."))
        self.evidence.setCheckable(True)
        self.evidence.toggled.connect(self.tree.setVisible)
        self.explain = text_label(name=self.tr("What this means"))
        for widget in (self.progress, self.summary, self.cards, self.explain):
            self.body.addWidget(widget)
        self.body.addLayout(button_row(self.evidence))
        self.body.addWidget(self.tree, 1)
        self.body.addStretch(1)  # the text sits at the top, not spread down the page

    @property
    def result(self) -> DetectionResult | None:
        return self.session.detection

    def initializePage(self) -> None:
        self.session.detection = None
        self.tree.clear()
        self.progress.show()
        self.summary.setText(self.tr("Scanning…"))
        self.explain.clear()
        self.completeChanged.emit()
        run_job(self, self.session.engine().scan, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        message = str(exc) if isinstance(exc, SwitchoverError) else (
            self.tr("The scan stopped because of an internal error: {error}").format(
                error=repr(exc)))
        self.summary.setText(self.tr("<p><b>Problem:</b> {message}</p>").format(
            message=escape(message)))

    def _show(self, found: Scan) -> None:
        self.session.snapshot, result = found.snapshot, found.detection
        self.session.detection = result
        self.progress.hide()
        verdict = (self.tr("This computer is protected right now.") if result.protected
                   else self.tr("This computer is <b>not</b> protected right now."))
        if result.products:
            count = len(result.products)
            found_text = (self.tr("Found one Kaspersky product.") if count == 1 else
                          tr_n("Found {n} Kaspersky product.", "Found {n} Kaspersky products.",
                               count).format(n=count))
        else:
            found_text = self.tr("No Kaspersky product is installed: there is nothing to "
                                 "remove. Next, Switchover explains the background and helps "
                                 "you check your protection.")
        self.summary.setText(f"<p>{found_text} {verdict}<br>"
                             f"{escape(result.protection.reason)}</p>")
        self._fill(result)
        self._cards(result)
        self._explain(result)
        self.completeChanged.emit()

    def _cards(self, result: DetectionResult) -> None:
        """Each product as a short card: its name and state in words, no identifiers."""
        cards = []
        for p in result.products:
            state = [self.tr("running") if p.active else self.tr("not running")
                     if p.active is False else ""]
            if p.definitions_age_days is not None:
                days = p.definitions_age_days
                state.append(tr_n("virus definitions {n} day old",
                                  "virus definitions {n} days old", days).format(n=days))
            cards.append(f"<li><b>{escape(p.name)}</b> {escape(p.version or '')}<br>"
                         + escape(", ".join(s for s in state if s)) + "</li>")
        others = ["<li>" + (self.tr("{product}: on") if o.active else self.tr("{product}: off"))
                  .format(product=escape(o.name)) + "</li>" for o in result.others]
        parts = []
        if cards:
            parts.append("<p><b>Kaspersky</b></p><ul>" + "".join(cards) + "</ul>")
        if others:
            parts.append("<p><b>" + self.tr("Other security products") + "</b></p><ul>"
                         + "".join(others) + "</ul>")
        if result.leftovers:
            count = len(result.leftovers)
            parts.append("<p>" + tr_n("{n} trace of an earlier removal (see the evidence)",
                                      "{n} traces of an earlier removal (see the evidence)",
                                      count).format(n=count) + "</p>")
        self.cards.setText("".join(parts))

    def _explain(self, result: DetectionResult) -> None:
        notes = []
        if any(o.id in ("ultraav", "ultravpn") for o in result.others):
            notes.append(self.tr("<b>UltraAV / UltraVPN</b> arrived with Kaspersky's automatic "
                                 "switch for US customers in September 2024. Keeping or "
                                 "removing them is your choice; the next pages explain."))
        if result.leftovers:
            notes.append(self.tr("<b>Leftovers</b> are traces of an earlier or forced removal. "
                                 "They do not protect you; Switchover lists them and deletes "
                                 "nothing of them on its own."))
        self.explain.setText("<p>" + "</p><p>".join(notes) + "</p>" if notes else "")

    def _product_row(self, parent: QTreeWidgetItem, p: DetectedProduct) -> None:
        """One Kaspersky product: its state, what found it, and the evidence to expand."""
        details = []
        if p.definitions_age_days is not None:
            days = p.definitions_age_days
            details.append(tr_n("definitions {n} day old", "definitions {n} days old",
                                days).format(n=days))
        details.append({True: self.tr("running"), False: self.tr("not running"),
                        None: ""}[p.active])
        row = QTreeWidgetItem(parent, [f"{p.name} {p.version or ''}".strip(),
                                       ", ".join(d for d in details if d)])
        if p.anchors:
            level = {"high": self.tr("high confidence"), "medium": self.tr("medium confidence"),
                     "low": self.tr("low confidence")}.get(p.confidence, p.confidence)
            anchors = ", ".join(tr(a) for a in p.anchors)  # marked in core, said here
            QTreeWidgetItem(row, [self.tr("found by"), f"{anchors} ({level})"])
        if p.version and p.version_from and p.version_from != "Apps & Features":
            # core's name of where the version was read (marked there), said here
            QTreeWidgetItem(row, [self.tr("version"), self.tr("read from {source}").format(
                source=tr(p.version_from))])
        for line in p.evidence:
            QTreeWidgetItem(row, [self.tr("evidence"), line])

    def _fill(self, result: DetectionResult) -> None:
        def group(title: str) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self.tree, [title])
            item.setExpanded(True)
            return item

        if result.products:
            kaspersky = group("Kaspersky")
            for p in result.products:
                self._product_row(kaspersky, p)
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
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:  # long paths: the whole text is one hover away and read aloud
            item = pending.pop()
            if item is None:
                continue
            for column in (0, 1):
                item.setToolTip(column, item.text(column))
            pending.extend(item.child(i) for i in range(item.childCount()))


REGION_CHOICES = [  # shown translated: QCoreApplication.translate("BanPage", label)
    ("", str(QT_TRANSLATE_NOOP("BanPage", "From this computer's settings"))),
    ("US", str(QT_TRANSLATE_NOOP("BanPage", "United States"))),
    ("us-business", str(QT_TRANSLATE_NOOP("BanPage", "United States (business)"))),
    ("DE", str(QT_TRANSLATE_NOOP("BanPage", "Germany"))),
    ("IT", str(QT_TRANSLATE_NOOP("BanPage", "Italy"))),
    ("GB", str(QT_TRANSLATE_NOOP("BanPage", "United Kingdom"))),
    ("CA", str(QT_TRANSLATE_NOOP("BanPage", "Canada"))),
    ("AU", str(QT_TRANSLATE_NOOP("BanPage", "Australia"))),
    ("FR", str(QT_TRANSLATE_NOOP("BanPage", "Another EU country"))),
    ("JP", str(QT_TRANSLATE_NOOP("BanPage", "Elsewhere"))),
]


SUMMARY = 3  # sections shown before "Show the details"


class BanPage(BasePage):
    page_id = Page.BAN

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("What the ban means for you"),
                         self.tr("Neutral and sourced: click a source to read it."))
        self.region = named(QComboBox(), self.tr("Region"),
                            self.tr("The rules differ by country; choose yours if the guess "
                                    "is wrong."))
        for code, label in REGION_CHOICES:
            self.region.addItem(QCoreApplication.translate("BanPage", label), code)
        self.region.currentIndexChanged.connect(lambda _i: self._load())
        self.heading = text_label(name=self.tr("Region and date"))
        self.text = browser(self.tr("Explanation"))
        self.text.setMinimumHeight(260)
        self.more = named(QPushButton(), self.tr("Show every section"),
                          self.tr("Shows the rest of the explanation, each with its sources."))
        self.more.setCheckable(True)
        self.more.toggled.connect(lambda _on: self._render())
        for widget in (self.region, self.heading, self.text):
            self.body.addWidget(widget)
        self.body.addLayout(button_row(self.more))
        self.result: Explanation | None = None

    def initializePage(self) -> None:
        self._load()

    def _load(self) -> None:
        session = self.session
        region = self.region.currentData() or None

        def work() -> Explanation:
            from core.ban.explain import explain

            return explain(session.snapshot, session.detection, date.today(), region)

        self.text.setHtml(self.tr("<p>Loading…</p>"))
        run_job(self, work, self._show, lambda exc: self.text.setPlainText(str(exc)))

    def _show(self, result: Explanation) -> None:
        from core.language.dates import long_date

        self.result = result
        self.heading.setText(self.tr("As of {date}; region from {source}.").format(
            date=long_date(result.on), source=escape(result.region_from)))
        self._render()

    def _link(self, ref: SourceRef) -> str:
        """The original publisher's link; a copy only after it, and labelled as one."""
        link = (f"<a href='{escape(ref.url)}' title='{escape(ref.title)}'>"
                f"[{escape(short_title(ref.title))}]</a>")
        if ref.archived_copy:
            link += " " + self.tr("(<a href='{url}'>archived copy</a>)").format(
                url=escape(ref.archived_copy))
        return link

    def _render(self) -> None:
        """The first sections answer "is it legal, am I protected, what now"; the rest are
        one click away rather than a wall of a dozen sections."""
        result = self.result
        if result is None:
            return
        shown = result.sections if self.more.isChecked() else result.sections[:SUMMARY]
        hidden = len(result.sections) - SUMMARY
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("Show less") if self.more.isChecked() else
                          tr_n("Show the details ({n} more section)",
                               "Show the details ({n} more sections)", hidden).format(n=hidden))
        parts = []
        for section in shown:
            links = " ".join(self._link(r) for r in section.sources)
            heading = {"single-source": self.tr("{title} (one source)"),
                       "uncertain": self.tr("{title} (uncertain)")}.get(section.confidence,
                                                                        "{title}")
            parts.append(f"<h3>{heading.format(title=escape(section.title))}</h3>"
                         f"<p>{escape(section.body)}</p><p><small>{links}</small></p>")
        self.text.setHtml("".join(parts))
