"""Choose a replacement, review and run the uninstall, check protection, save the report."""

from __future__ import annotations

import threading
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from core.jobs import Progress
from core.migration.route import Page
from core.uninstall.cmdline import shown_command
from gui.jobs import run_job, start_job
from gui.session import Session
from gui.widgets import BasePage, named, text_label

NEEDS = (("vpn", "VPN"), ("password-manager", "Password manager"),
         ("parental-controls", "Parental controls"), ("identity", "Identity monitoring"),
         ("firewall", "Firewall"))


class ChoosePage(BasePage):
    page_id = Page.CHOOSE

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Choose a replacement"),
                         self.tr("Ranked by independent tests, features and record; every "
                                 "reason is shown. No vendor pays to be here."))
        filters = QHBoxLayout()
        self.need_boxes: dict[str, QCheckBox] = {}
        for key, label in NEEDS:
            box = named(QCheckBox(self.tr(label)), self.tr("Needs {0}").replace("{0}", label),
                        self.tr("Ranks products that include it higher."))
            box.toggled.connect(lambda _on: self._load())
            self.need_boxes[key] = box
            filters.addWidget(box)
        self.free = named(QCheckBox(self.tr("Free only")), self.tr("Free only"),
                          self.tr("Shows only products with a free version."))
        self.free.toggled.connect(lambda _on: self._load())
        filters.addWidget(self.free)
        self.body.addLayout(filters)
        self.intro = text_label(name=self.tr("About the ranking"))
        self.body.addWidget(self.intro)
        self.cards = QVBoxLayout()
        self.body.addLayout(self.cards)
        self.group = QButtonGroup(self)
        self.group.buttonToggled.connect(lambda _b, _on: self._chosen())
        self.result: Any = None

    def initializePage(self) -> None:
        self._load()

    def _load(self) -> None:
        session = self.session
        needs = tuple(k for k, box in self.need_boxes.items() if box.isChecked())
        free = self.free.isChecked()

        def work() -> Any:
            from core.catalog.recommend import Request, recommend
            from core.catalog.store import load_catalog
            from core.catalog.trust import load_trusted_keys

            in_use = load_catalog(load_trusted_keys(), date.today())
            platform = session.detection.platform if session.detection else "windows"
            version = session.snapshot.os.version if session.snapshot else ""
            return in_use, recommend(in_use.catalog, Request((platform,), needs, free,
                                                             windows_version=version),
                                     date.today(), session.detection)

        run_job(self, work, self._show, lambda exc: self.intro.setText(escape(str(exc))))

    def _show(self, loaded: Any) -> None:
        in_use, result = loaded
        self.result = result
        while self.cards.count():
            widget = self.cards.takeAt(0).widget()
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
            intro.insert(0, self.tr("Ticked because Kaspersky does this for you today: {0}.")
                         .replace("{0}", ", ".join(result.needs_from_detection)))
        intro.append(self.tr("Catalog version {0}, reviewed {1}.").replace(
            "{0}", str(in_use.catalog.version)).replace("{1}", in_use.catalog.reviewed))
        self.intro.setText("<p>" + "<br>".join(intro) + "</p>")
        catalog = in_use.catalog
        for rec in result.recommendations[:12]:
            self.cards.addWidget(self._card(rec, catalog))
        if result.excluded:
            self.cards.addWidget(text_label("<p><small>" + self.tr("Not shown: ") + escape(
                "; ".join(f"{n} ({w})" for n, w in result.excluded)) + "</small></p>"))
        self._chosen()

    def _card(self, rec: Any, catalog: Any) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        tag = {"microsoft-defender": self.tr(" — built into Windows, free"),
               "clamav": self.tr(" — free, from your distribution")}.get(rec.id, "")
        radio = named(QRadioButton(f"{rec.rank}. {rec.name}{tag}"),
                      self.tr("Choose {0}").replace("{0}", rec.name), rec.price)
        radio.setProperty("product_id", rec.id)
        if self.session.chosen is not None and self.session.chosen.id == rec.id:
            radio.setChecked(True)
        self.group.addButton(radio)
        layout.addWidget(radio)
        lines = [f"+ {escape(r.text)}" for r in rec.reasons]
        lines += [f"− {escape(c.text)}" for c in rec.cautions]
        links = " ".join(f"<a href='{escape(catalog.sources[s].url)}'>[{i}]</a>"
                         for i, s in enumerate(rec.sources, start=1) if s in catalog.sources)
        layout.addWidget(text_label("<br>".join(lines) + f"<br><small>{escape(rec.price)}. "
                                    f"{self.tr('Sources:')} {links}</small>",
                                    self.tr("Reasons for {0}").replace("{0}", rec.name)))
        page = named(QPushButton(self.tr("Open the vendor's page")),
                     self.tr("Open {0}'s page").replace("{0}", rec.name),
                     self.tr("Opens in your web browser."))
        page.clicked.connect(lambda _c=False, url=rec.download_url:
                             QDesktopServices.openUrl(QUrl(url)))
        layout.addWidget(page)
        return card

    def _chosen(self) -> None:
        button = self.group.checkedButton()
        if button is not None and self.result is not None:
            wanted = button.property("product_id")
            self.session.chosen = next(r for r in self.result.recommendations if r.id == wanted)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.session.chosen is not None


class UninstallPage(BasePage):
    page_id = Page.UNINSTALL

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Review the removal"),
                         self.tr("Nothing is removed until you press “Uninstall now”. After "
                                 "that, Back cannot undo it."))
        from PySide6.QtWidgets import QWizard

        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Uninstall now"))
        self.tree = named(QTreeWidget(), self.tr("Removal steps"),
                          self.tr("Expand a step to see the exact command."))
        self.tree.setHeaderLabels([self.tr("Step"), self.tr("What happens")])
        self.tree.setColumnWidth(0, 260)
        self.tree.setMinimumHeight(220)
        self.after = text_label(name=self.tr("Protection after removal"))
        self.accept = named(QCheckBox(self.tr("I understand nothing will protect this computer "
                                              "until I install another anti-virus")),
                            self.tr("Accept a protection gap"),
                            self.tr("Needed only when nothing would protect the computer."))
        self.accept.toggled.connect(self._replan)
        self.ultra = named(QCheckBox(self.tr("Also remove UltraAV and UltraVPN")),
                           self.tr("Remove UltraAV"),
                           self.tr("Adds steps to remove them with their own uninstallers."))
        self.ultra.toggled.connect(self._replan)
        self.blocked = text_label(name=self.tr("What is still needed"))
        for widget in (self.tree, self.after, self.accept, self.ultra, self.blocked):
            self.body.addWidget(widget)

    def initializePage(self) -> None:
        self._replan()

    def _replan(self, *_: object) -> None:
        from core.backup.plan import plan_backup
        from core.uninstall.plan import Answers, plan_uninstall

        session = self.session
        session.accept_unprotected = self.accept.isChecked()
        session.remove_ultraav = self.ultra.isChecked()
        answers = Answers(backup_done=session.backup_result is not None,
                          skip_backup=session.skip_backup, confirmed=frozenset(session.confirmed),
                          accept_unprotected=session.accept_unprotected,
                          remove_ultraav=session.remove_ultraav)
        session.uninstall_plan = None
        self.completeChanged.emit()

        def work() -> Any:  # pure, but it reads the bundled signatures: off the UI thread
            return plan_uninstall(session.snapshot, session.detection,
                                  session.backup_plan or plan_backup(session.detection),
                                  answers)

        run_job(self, work, self._show_plan,
                lambda exc: self.blocked.setText(escape(str(exc))))

    def _show_plan(self, plan: Any) -> None:
        self.session.uninstall_plan = plan
        self.tree.clear()
        for step in plan.steps:
            item = QTreeWidgetItem(self.tree, [step.title, step.description])
            item.setToolTip(1, step.description)
            if step.argv:
                QTreeWidgetItem(item, [self.tr("runs"), shown_command(step.argv, plan.platform)])
        self.after.setText("<p><b>" + self.tr("Afterwards:") + "</b> "
                           + escape(plan.protection_after.text) + "</p>")
        self.accept.setVisible(plan.protection_after.state == "none")
        self.ultra.setVisible(any(s.id == "offer:ultraav" for s in plan.steps))
        missing = [f"<li>{escape(s.title)}: {escape(s.description)}</li>"
                   for s in plan.blocked_by]
        self.blocked.setText(("<p><b>" + self.tr("Before you can go on:") + "</b></p><ul>"
                              + "".join(missing) + "</ul>") if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self.session.uninstall_plan
        return plan is not None and not plan.blocked_by


class _Asker(QObject):
    """Lets a running step ask the user: the worker waits while the UI shows a dialog."""

    asked = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.answer: str | None = None
        self.ready = threading.Event()

    def ask(self, step: Any) -> str | None:  # called on the worker thread
        self.ready.clear()
        self.asked.emit(step)
        self.ready.wait()
        return self.answer


class RunPage(BasePage):
    page_id = Page.RUN

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Uninstall"),
                         self.tr("Kaspersky's own uninstallers run one after the other; each "
                                 "step shows its status."))
        self.tree = named(QTreeWidget(), self.tr("Step status"),
                          self.tr("Each step with its current status in words."))
        self.tree.setHeaderLabels([self.tr("Step"), self.tr("Status")])
        self.tree.setColumnWidth(0, 300)
        self.tree.setMinimumHeight(240)
        self.status = text_label(name=self.tr("Uninstall status"))
        self.start = named(QPushButton(self.tr("Try again")), self.tr("Try the uninstall again"),
                           self.tr("Continues from the step that stopped."))
        self.start.hide()
        self.start.clicked.connect(self._start)
        for widget in (self.tree, self.status, self.start):
            self.body.addWidget(widget)
        self.asker = _Asker(self)
        self.asker.asked.connect(self._ask)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.tree.clear()
        plan = self.session.uninstall_plan
        if plan is not None:
            for step in plan.steps:
                QTreeWidgetItem(self.tree, [step.title, self.tr("waiting")])
        self.status.setText(self.tr("Starting…"))
        self._start()

    def _start(self) -> None:
        session = self.session
        asker = self.asker
        self.start.hide()

        def work(progress: Any, cancel: Any) -> Any:
            from core.app_dirs import state_dir
            from core.uninstall.executors import RealExecutor, SimulatedExecutor
            from core.uninstall.run import Runner
            from core.uninstall.state import load_state, new_state

            folder = state_dir()
            path = folder / ("uninstall-simulated.json" if session.simulated
                             else "uninstall.json")
            saved = load_state(path) if session.resume_uninstall or retry else None
            if session.detection is None:
                # Resumed from Welcome: no scan has run. The saved run is checked against
                # what is on the machine now, so look first (as the Scan page would).
                from gui.app import scan_function

                session.snapshot, session.detection = scan_function(
                    session.demo, session.snapshot_path)()
            if saved is not None and not session.simulated:
                from core.backup.plan import plan_backup
                from core.uninstall.plan import plan_uninstall
                from core.uninstall.state import revalidate

                fresh = plan_uninstall(session.snapshot, session.detection,
                                       plan_backup(session.detection))
                revalidate(saved, fresh, {p.id for p in session.detection.products})
            state = saved or new_state(session.uninstall_plan, session.simulated)
            session.uninstall_plan = state.plan

            def verify() -> tuple[bool, str]:
                if session.simulated:
                    return True, "simulated: nothing was looked at again"
                from core.detect.detection import detect
                from core.machine.probes import probe_machine
                from core.uninstall.verify import verify_removal

                report = verify_removal(detect(probe_machine()))
                session.verification = report
                return report.kaspersky_gone, report.summary()

            executor = SimulatedExecutor() if session.simulated else RealExecutor(
                ("/usr/bin/pkexec",) if _needs_pkexec() else ())
            runner = Runner(state, path, executor, asker.ask, verify, folder / "audit.jsonl",
                            lambda p: progress((p, dict(state.states))), cancel)
            return runner.run()

        retry = self.done
        start_job(self, work, self._finished, self._failed, self._progress)

    def _progress(self, update: tuple[Progress, dict[str, Any]]) -> None:
        progress, states = update
        self.status.setText(escape(progress.current))
        self._paint(states)

    def _paint(self, states: dict[str, Any]) -> None:
        names = {"waiting": self.tr("waiting"), "running": self.tr("running…"),
                 "done": self.tr("done ✓"), "failed": self.tr("failed ✗"),
                 "skipped": self.tr("skipped"), "needs-reboot": self.tr("restart needed"),
                 "needs-user": self.tr("needs you")}
        plan = self.session.uninstall_plan
        if plan is None:
            return
        while self.tree.topLevelItemCount() < len(plan.steps):
            # Resumed from Welcome: the saved plan is known only once the run has started.
            step = plan.steps[self.tree.topLevelItemCount()]
            QTreeWidgetItem(self.tree, [step.title, self.tr("waiting")])
        for index, step in enumerate(plan.steps):
            entry = states.get(step.id)
            if entry is not None:
                text = names.get(entry.status, entry.status)
                if entry.detail:
                    text += f" — {entry.detail}"
                item = self.tree.topLevelItem(index)
                if item is not None:
                    item.setText(1, text)
                    item.setToolTip(1, text)

    def _ask(self, step: Any) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(step.title)
        box.setText(step.description)
        done = box.addButton(self.tr("I have done it"), QMessageBox.ButtonRole.AcceptRole)
        skip = box.addButton(self.tr("Skip it"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Stop here"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        self.asker.answer = "done" if clicked is done else "skip" if clicked is skip else None
        self.asker.ready.set()

    def _finished(self, state: Any) -> None:
        self.session.uninstall_state = state
        self._paint(state.states)
        step = state.next_step()
        if state.finished:
            self.status.setText(self.tr("Kaspersky's removal is complete."))
        elif step is not None and state.states[step.id].status == "needs-reboot":
            self.status.setText(self.tr("<b>Restart the computer now.</b> When you open "
                                        "Switchover again it continues here and checks that "
                                        "everything is gone."))
        else:
            self.status.setText(self.tr("Stopped: see the steps above. Solve the problem, then "
                                        "try again: Switchover continues from that step."))
            self.start.show()
        self.done = True
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        from gui.errors import report_error

        self.status.setText(escape(str(exc)))
        self.start.show()
        self.done = True
        report_error(self, exc)

    def isComplete(self) -> bool:
        return self.done


def _needs_pkexec() -> bool:
    import os
    import sys

    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() != 0


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
        if session.simulated:
            self.text.setText(self._render(None))
            return

        def work() -> Any:
            from core.detect.detection import detect
            from core.machine.probes import probe_machine
            from core.uninstall.verify import verify_removal

            return verify_removal(detect(probe_machine()))

        self.text.setText(self.tr("Looking…"))
        run_job(self, work, lambda report: self.text.setText(self._render(report)),
                lambda exc: self.text.setText(escape(str(exc))))

    def _render(self, report: Any) -> str:
        session = self.session
        parts = []
        if report is None:
            plan = session.uninstall_plan
            parts.append(self.tr("<p><b>Demonstration:</b> on a real computer Switchover now "
                                 "checks that Kaspersky is gone and that protection is on. "
                                 "Expected: {0}</p>").replace(
                "{0}", escape(plan.protection_after.text if plan else "")))
        else:
            session.verification = report
            gone = (self.tr("Kaspersky is gone ✓") if report.kaspersky_gone else
                    self.tr("<b>Still installed:</b> ") + escape(", ".join(report.remaining)))
            protected = (self.tr("Protected ✓: ") if report.protected else
                         self.tr("<b>Not protected yet:</b> ")) + escape(report.protection)
            parts.append(f"<p>{gone}<br>{protected}</p>")
            if report.instructions:
                parts.append("<p>" + self.tr("Left behind, with what to do:") + "</p><ul>"
                             + "".join(f"<li><b>{escape(i.what)}</b> ({escape(i.where)}): "
                                       f"{escape(i.how)}</li>" for i in report.instructions)
                             + "</ul>")
        chosen = session.chosen
        if chosen is not None and not chosen.built_in:
            commands = []
            if chosen.winget:
                commands.append(f"winget install --id {escape(chosen.winget)} -e")
            if chosen.homebrew:
                commands.append(f"brew install {escape(chosen.homebrew)}")
            parts.append(self.tr("<p>Install <b>{0}</b> from its own page: <a href='{1}'>{1}"
                                 "</a></p>").replace("{0}", escape(chosen.name))
                         .replace("{1}", escape(chosen.download_url)))
            if commands:
                parts.append("<p>" + self.tr("Or in a terminal:") + " <code>"
                             + "</code> / <code>".join(commands) + "</code></p>")
        elif chosen is not None:
            parts.append(self.tr("<p>You chose <b>{0}</b>, which is built in: nothing to "
                                 "install.</p>").replace("{0}", escape(chosen.name)))
        return "".join(parts)


class DonePage(BasePage):
    page_id = Page.DONE

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Done"),
                         self.tr("Save a report of what was found, kept, removed and chosen."))
        self.summary = text_label(name=self.tr("Summary"))
        self.body.addWidget(self.summary)
        row = QHBoxLayout()
        for label, kind in ((self.tr("Save as HTML…"), "html"), (self.tr("Save as PDF…"), "pdf"),
                            (self.tr("Save as JSON…"), "json")):
            button = named(QPushButton(label), label, self.tr("Opens a save dialog."))
            button.clicked.connect(lambda _c=False, k=kind: self._save(k))
            row.addWidget(button)
        self.body.addLayout(row)
        self.saved = text_label(name=self.tr("Report saved"))
        self.body.addWidget(self.saved)
        self.body.addStretch(1)

    def report(self) -> Any:
        from dataclasses import asdict

        from core.migration.report import Report

        session = self.session
        detection = session.detection
        report = Report(source="a demonstration machine" if session.simulated
                        else "this computer", platform=detection.platform if detection else "")
        if detection is not None:
            report.found = [{"name": p.name, "detail": f"version {p.version or '?'}"}
                            for p in detection.products]
            report.protection_before = detection.protection.reason
        if session.backup_result is not None:
            report.backup = asdict(session.backup_result)
        if session.chosen is not None:
            report.chosen = {"name": session.chosen.name, "download_url":
                             session.chosen.download_url,
                             "reasons": [r.text for r in session.chosen.reasons]}
        state = session.uninstall_state
        if state is not None:
            report.uninstall = [{"title": s.title, "status": state.states[s.id].status,
                                 "detail": state.states[s.id].detail} for s in state.plan.steps]
            report.protection_after = state.plan.protection_after.text
        if session.verification is not None:  # what the re-check saw beats the forecast
            report.protection_after = session.verification.protection
        if session.simulated:
            report.notes.append("Demonstration: nothing on this computer was changed.")
        return report

    def initializePage(self) -> None:
        report = self.report()
        self.summary.setText(self.tr("<p>Found: {0}. Backed up: {1}. Chosen: {2}.</p>")
                             .replace("{0}", escape(", ".join(f["name"] for f in report.found)
                                                    or self.tr("no Kaspersky product")))
                             .replace("{1}", escape(str(report.backup["archive"]) if
                                                    report.backup else self.tr("nothing")))
                             .replace("{2}", escape(report.chosen["name"] if report.chosen
                                                    else self.tr("nothing yet"))))

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
                _print_pdf(report.to_html(), path)
            return str(path)

        run_job(self, work, lambda p: self.saved.setText(self.tr("Saved: ") + escape(p)),
                lambda exc: self.saved.setText(escape(str(exc))))


def _print_pdf(html: str, path: Path) -> None:
    """Qt's own printing: a QTextDocument onto a QPdfWriter (safe off the UI thread)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    tmp = path.with_name(f".{path.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # closes the file
    tmp.replace(path)
