"""Choose a replacement: ranked by core, every reason and source shown; the page only asks."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from core.detect.protection import kept_protection
from core.language.dates import long_date
from core.migration.pages import Page
from gui.jobs import run_job
from gui.session import Session
from gui.widgets import BasePage, named, text_label

if TYPE_CHECKING:
    from core.catalog.recommend import Recommendation, RecommendResult
    from core.catalog.records import Catalog
    from core.catalog.store import CatalogInUse

# Each need as a filter's label and as written inside a sentence; shown translated:
# QCoreApplication.translate("ChoosePage", text).
NEEDS = (("vpn", str(QT_TRANSLATE_NOOP("ChoosePage", "VPN"))),
         ("password-manager", str(QT_TRANSLATE_NOOP("ChoosePage", "Password manager"))),
         ("parental-controls", str(QT_TRANSLATE_NOOP("ChoosePage", "Parental controls"))),
         ("identity", str(QT_TRANSLATE_NOOP("ChoosePage", "Identity monitoring"))),
         ("firewall", str(QT_TRANSLATE_NOOP("ChoosePage", "Firewall"))))
NEEDS_IN_SENTENCE = {
    "vpn": str(QT_TRANSLATE_NOOP("ChoosePage", "vpn")),
    "password-manager": str(QT_TRANSLATE_NOOP("ChoosePage", "password manager")),
    "parental-controls": str(QT_TRANSLATE_NOOP("ChoosePage", "parental controls")),
    "identity": str(QT_TRANSLATE_NOOP("ChoosePage", "identity monitoring")),
    "firewall": str(QT_TRANSLATE_NOOP("ChoosePage", "firewall")),
}


def _shown(text: str) -> str:
    return QCoreApplication.translate("ChoosePage", text)


class ChoosePage(BasePage):
    page_id = Page.CHOOSE

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Choose a replacement"),
                         self.tr("Ranked by independent tests, features and record; every "
                                 "reason is shown. No vendor pays to be here."))
        filters = QGridLayout()  # three to a row: the page fits an 800-pixel window
        self.need_boxes: dict[str, QCheckBox] = {}
        for index, (key, label) in enumerate(NEEDS):
            box = named(QCheckBox(_shown(label)), self.tr("Needs {need}").format(
                need=_shown(label)),
                        self.tr("Ranks products that include it higher."))
            box.toggled.connect(lambda _on: self._load())
            self.need_boxes[key] = box
            filters.addWidget(box, index // 3, index % 3)
        self.free = named(QCheckBox(self.tr("Free only")), self.tr("Free only"),
                          self.tr("Shows only products with a free version."))
        self.free.toggled.connect(lambda _on: self._load())
        filters.addWidget(self.free, len(NEEDS) // 3, len(NEEDS) % 3)
        self.body.addLayout(filters)
        self.intro = text_label(name=self.tr("About the ranking"))
        self.body.addWidget(self.intro)
        self.cards = QVBoxLayout()
        self.body.addLayout(self.cards)
        self.body.addStretch(1)  # the filters and cards sit at the top, no gap between
        self.group = QButtonGroup(self)
        self.group.buttonToggled.connect(lambda _b, _on: self._chosen())
        self.result: RecommendResult | None = None

    def initializePage(self) -> None:
        self._load()

    def _load(self) -> None:
        session = self.session
        needs = tuple(k for k, box in self.need_boxes.items() if box.isChecked())
        free = self.free.isChecked()

        def work() -> tuple[CatalogInUse, RecommendResult]:
            from core.catalog.recommend import Request, recommend
            from core.catalog.store import load_catalog
            from core.catalog.trust import load_trusted_keys
            from core.detect.audience import audience_of

            in_use = load_catalog(load_trusted_keys(), date.today())
            platform = session.detection.platform if session.detection else "windows"
            version = session.snapshot.os.version if session.snapshot else ""
            audience = audience_of(session.detection,
                                   session.snapshot.os.name if session.snapshot else "")
            return in_use, recommend(in_use.catalog, Request((platform,), needs, free,
                                                             windows_version=version,
                                                             audience=audience),
                                     date.today(), session.detection)

        run_job(self, work, self._show, lambda exc: self.intro.setText(escape(str(exc))))

    def _show(self, loaded: tuple[CatalogInUse, RecommendResult]) -> None:
        in_use, result = loaded
        self.result = result
        while self.cards.count():
            taken = self.cards.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget:
                widget.deleteLater()
        for button in self.group.buttons():
            self.group.removeButton(button)
        for key in result.needs_from_detection:
            box = self.need_boxes.get(key)
            if box is not None and not box.isChecked():
                box.blockSignals(True)
                box.setChecked(True)
                box.blockSignals(False)
        intro = [escape(n) for n in result.notes]
        if result.needs_from_detection:
            intro.insert(0, self.tr("Ticked because Kaspersky does this for you today: "
                                    "{needs}.").format(
                needs=", ".join(_shown(NEEDS_IN_SENTENCE[k]) if k in NEEDS_IN_SENTENCE else k
                                for k in result.needs_from_detection)))
        kept = kept_protection(self.session.detection.others) if self.session.detection \
            else ()
        if kept:  # keep or replace: the user's choice, said plainly
            names = escape(kept[0])
            for name in kept[1:]:
                names = self.tr("{first} and {second}").format(first=names,
                                                               second=escape(name))
            intro.insert(0, "<b>" + self.tr("{products} protects this computer now. You can "
                                            "keep it (press Next without choosing) or choose "
                                            "a replacement below.").format(products=names)
                         + "</b>")
        intro.append(self.tr("Catalog version {version}, reviewed on {date}.").format(
            version=in_use.catalog.version, date=long_date(in_use.catalog.reviewed)))
        self.intro.setText("<p>" + "<br>".join(intro) + "</p>")
        catalog = in_use.catalog
        for rec in result.recommendations[:12]:
            self.cards.addWidget(self._card(rec, catalog))
        if result.excluded:
            self.cards.addWidget(text_label("<p><small>" + self.tr("Not shown: {products}")
                                            .format(products=escape("; ".join(
                                                f"{n} ({w})" for n, w in result.excluded)))
                                            + "</small></p>"))
        self._chosen()

    def _card(self, rec: Recommendation, catalog: Catalog) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        heading = {"microsoft-defender": self.tr("{rank}. {product} — built into Windows, free"),
                   "clamav": self.tr("{rank}. {product} — free, from your distribution")
                   }.get(rec.id, "{rank}. {product}")
        radio = named(QRadioButton(heading.format(rank=rec.rank, product=rec.name)),
                      self.tr("Choose {product}").format(product=rec.name), rec.price)
        radio.setProperty("product_id", rec.id)
        if self.session.chosen is not None and self.session.chosen.id == rec.id:
            radio.setChecked(True)
        self.group.addButton(radio)
        layout.addWidget(radio)
        lines = [f"✓ {escape(r.text)}" for r in rec.reasons]
        lines += [f"⚠ {escape(c.text)}" for c in rec.cautions]  # drawbacks never look like pluses
        links = " ".join(f"<a href='{escape(catalog.sources[s].url)}'>[{i}]</a>"
                         for i, s in enumerate(rec.sources, start=1) if s in catalog.sources)
        layout.addWidget(text_label("<br>".join(lines) + "<br><small>"
                                    + self.tr("{price}. Sources: {links}").format(
                                        price=escape(rec.price), links=links) + "</small>",
                                    self.tr("Reasons for {product}").format(product=rec.name)))
        page = named(QPushButton(self.tr("{product}'s own page").format(product=rec.name)),
                     self.tr("Open {product}'s page").format(product=rec.name),
                     self.tr("Opens in your web browser."))
        page.clicked.connect(lambda _c=False, url=rec.download_url:
                             QDesktopServices.openUrl(QUrl(url)))
        row = QHBoxLayout()
        row.addWidget(page)
        row.addStretch(1)  # a small button per card, not a wall of identical bars
        layout.addLayout(row)
        return card

    def _chosen(self) -> None:
        button = self.group.checkedButton()
        if button is not None and self.result is not None:
            wanted = button.property("product_id")
            self.session.chosen = next(r for r in self.result.recommendations if r.id == wanted)
        self.completeChanged.emit()
