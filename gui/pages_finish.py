"""After the removal: is the computer protected again, and the report to keep."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton

from core.migration.pages import Page
from gui.jobs import run_job
from gui.session import Session
from gui.widgets import BasePage, named, text_label

if TYPE_CHECKING:
    from core.migration.report import Report
    from core.uninstall.verify import VerifyReport


class ProtectedPage(BasePage):
    page_id = Page.PROTECTED

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Protected again?"),
                         self.tr("Switchover looks at the computer once more."))
        self.text = text_label(name=self.tr("Protection check"))
        self.body.addWidget(self.text)
        self.body.addStretch(1)

    def initializePage(self) -> None:
        session = self.session
        if session.simulated and session.kaspersky_found:
            self.text.setText(self._render(None))
            return
        if session.detection is not None and not session.kaspersky_found:
            # Nothing was removed: what the scan found left behind, with what to do.
            from core.uninstall.verify import verify_removal

            self.text.setText(self._render(verify_removal(session.detection)))
            return

        engine = session.engine()

        def work() -> VerifyReport:  # the engine's own check: one definition of success
            return engine.look_again()[0]

        self.text.setText(self.tr("Looking…"))
        run_job(self, work, lambda report: self.text.setText(self._render(report)),
                lambda exc: self.text.setText(escape(str(exc))))

    def _render(self, report: VerifyReport | None) -> str:
        session = self.session
        parts = []
        if report is None:
            plan = session.uninstall_plan
            parts.append(self.tr("<p><b>Demonstration:</b> on a real computer Switchover now "
                                 "checks that Kaspersky is gone and that protection is on. "
                                 "Expected: {protection}</p>").format(
                protection=escape(plan.protection_after.text if plan else "")))
        else:
            session.verification = report
            gone = (self.tr("No Kaspersky product is installed ✓") if report.kaspersky_gone
                    and not session.uninstall_state else
                    self.tr("Kaspersky is gone ✓") if report.kaspersky_gone else
                    self.tr("<b>Still installed:</b> {products}").format(
                        products=escape(", ".join(report.remaining))))
            protected = (self.tr("Protected ✓: {protection}") if report.protected else
                         self.tr("<b>Not protected yet:</b> {protection}")).format(
                protection=escape(report.protection))
            parts.append(f"<p>{gone}<br>{protected}</p>")
            if report.instructions:
                parts.append(self.tr("<p>Left behind, with what to do:</p>") + "<ul>"
                             + "".join(f"<li><b>{escape(i.what)}</b> ({escape(i.where)}): "
                                       f"{escape(i.how)}</li>" for i in report.instructions)
                             + "</ul>")
        chosen = session.chosen
        platform = session.detection.platform if session.detection else ""
        from core.catalog.install_guide import PREINSTALLED

        if chosen is not None and (platform, chosen.id) not in PREINSTALLED:
            from core.catalog.install_guide import install_guide

            detection, snapshot = session.detection, session.snapshot
            guide = install_guide(chosen, detection.platform if detection else "",
                                  snapshot.os.name if snapshot else "")
            parts.append(self.tr("<p><b>Now install {product}</b> from its own page: "
                                 "<a href='{url}'>{url}</a></p>").format(
                product=escape(chosen.name), url=escape(guide.page_url)))
            if guide.commands:
                parts.append(self.tr("<p>Or in a terminal: {commands}</p>").format(
                    commands=" ".join(f"<code>{escape(c)}</code>" for c in guide.commands)))
            parts += [f"<p>{escape(note)}</p>" for note in guide.notes]
        elif chosen is not None:
            parts.append(self.tr("<p>You chose <b>{product}</b>, which is built in: nothing "
                                 "to install.</p>").format(product=escape(chosen.name)))
        return "".join(parts)


class DonePage(BasePage):
    page_id = Page.DONE

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Done"),
                         self.tr("Save a report of what was found, kept, removed and chosen."))
        self.summary = text_label(name=self.tr("Summary"))
        self.body.addWidget(self.summary)
        row = QHBoxLayout()
        # HTML and PDF are what people open; the JSON is for IT, who get it from the command
        # line (`--json`) and from save_to, which the tests use.
        for label, kind in ((self.tr("Save as PDF…"), "pdf"), (self.tr("Save as a web page…"),
                                                                 "html")):
            button = named(QPushButton(label), label, self.tr("Opens a save dialog."))
            button.clicked.connect(lambda _c=False, k=kind: self._save(k))
            row.addWidget(button)
        self.body.addLayout(row)
        self.saved = text_label(name=self.tr("Report saved"))
        self.body.addWidget(self.saved)
        self.body.addStretch(1)

    def report(self) -> Report:
        """Core assembles the report; the page only saves it."""
        from core.migration.report import migration_report

        session = self.session
        return migration_report(session.simulated, session.detection, session.backup_result,
                                session.chosen, session.uninstall_state, session.verification,
                                session.snapshot.os.country if session.snapshot else None)

    def initializePage(self) -> None:
        report = self.report()
        self.summary.setText(self.tr("<p>Found: {found}. Backed up: {backup}. Chosen: "
                                     "{chosen}.</p>").format(
            found=escape(", ".join(f["name"] for f in report.found)
                         or self.tr("no Kaspersky product")),
            backup=escape(str(report.backup["archive"]) if report.backup
                          else self.tr("nothing")),
            chosen=escape(report.chosen["name"] if report.chosen else self.tr("nothing yet"))))

    def _save(self, kind: str) -> None:
        filters = {"html": "HTML (*.html)", "pdf": "PDF (*.pdf)", "json": "JSON (*.json)"}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"),
                                              f"switchover-report.{kind}", filters[kind])
        if path:
            self.save_to(Path(path), kind)

    def save_to(self, path: Path, kind: str) -> None:
        report = self.report()

        def work() -> str:
            from core.atomic import write_text_atomic

            if kind == "json":
                write_text_atomic(path, report.to_json())
            elif kind == "html":
                write_text_atomic(path, report.to_html())
            else:
                _print_pdf(report.to_html(), path, report.paper)
            return str(path)

        run_job(self, work,
                lambda p: self.saved.setText(self.tr("Saved: {path}").format(path=escape(p))),
                lambda exc: self.saved.setText(escape(str(exc))))


def _print_pdf(html: str, path: Path, paper: str) -> None:
    """Qt's own printing: a QTextDocument onto a QPdfWriter (safe off the UI thread)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    tmp = path.with_name(f".{path.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if paper == "Letter"
                                 else QPageSize.PageSizeId.A4))  # the locale's paper
    writer.setResolution(150)
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # closes the file
    tmp.replace(path)
