"""Review the removal, then run it: both through core's migration engine, as the CLI does.

The review shows the engine's plan; the run hands the engine a way to ask the user (a
dialog) and paints each step's status as the engine reports it. Whether the run may
start, whether a saved run is resumed, how administrator rights are obtained and what
counts as success are the engine's rules, not this page's.
"""

from __future__ import annotations

import threading
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton

from core.jobs import CancelToken, Progress, ProgressCallback
from core.migration.pages import Page
from core.uninstall.cmdline import shown_command
from core.uninstall.states import ProtectionState, StepStatus
from gui.jobs import Job, run_job, start_job
from gui.session import Session
from gui.widgets import BasePage, button_row, named, text_label

if TYPE_CHECKING:
    from core.migration.engine import Prepared, RemovalResult
    from core.uninstall.plan import Step, UninstallPlan
    from core.uninstall.state import RunState, StepState


class UninstallPage(BasePage):
    page_id = Page.UNINSTALL

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Review the removal"),
                         self.tr("Nothing is removed until you press “Uninstall now”. After "
                                 "that, Back cannot undo it."))
        from PySide6.QtWidgets import QWizard

        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Uninstall now"))
        self.steps = text_label(name=self.tr("Removal steps"))
        self.details = named(QPushButton(self.tr("Show the exact commands")),
                             self.tr("Show the exact commands"),
                             self.tr("Shows the program and arguments each step runs."))
        self.details.setCheckable(True)
        self.details.toggled.connect(lambda _on: self._show_steps())
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
        self.body.addWidget(self.steps)
        self.body.addLayout(button_row(self.details))
        for widget in (self.after, self.accept, self.ultra, self.blocked):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self._generation = 0

    def initializePage(self) -> None:
        self._replan()

    def _replan(self, *_: object) -> None:
        session = self.session
        session.accept_unprotected = self.accept.isChecked()
        session.remove_ultraav = self.ultra.isChecked()
        session.uninstall_plan = None
        session.prepared = None
        self.completeChanged.emit()
        self._generation += 1
        generation = self._generation
        answers = session.answers()
        scan = session.scan()

        def work() -> Prepared:  # pure, but it reads the bundled signatures: off the UI thread
            # restart: the review shows a fresh plan; resuming is Welcome's offer
            return session.engine().prepare(answers, scan, session.backup_plan, restart=True)

        def show(prepared: Prepared) -> None:
            if generation == self._generation:  # an older plan arriving late is dropped
                self._show_plan(prepared)

        run_job(self, work, show, lambda exc: self.blocked.setText(escape(str(exc))))

    def _show_plan(self, prepared: Prepared) -> None:
        plan = prepared.plan
        self.session.prepared = prepared
        self.session.uninstall_plan = plan
        self._show_steps()
        self.after.setText(self.tr("<p><b>Afterwards:</b> {protection}</p>").format(
            protection=escape(plan.protection_after.text)))
        self.accept.setVisible(plan.protection_after.state == ProtectionState.NONE)
        self.ultra.setVisible(any(s.id == "offer:ultraav" for s in plan.steps))
        missing = [f"<li>{escape(s.title)}: {escape(s.description)}</li>"
                   for s in plan.blocked_by]
        self.blocked.setText((self.tr("<p><b>Before you can go on:</b></p>") + "<ul>"
                              + "".join(missing) + "</ul>") if missing else "")
        self.completeChanged.emit()


    def _show_steps(self) -> None:
        """Each step in words; the exact commands (product codes, switches) on request."""
        plan = self.session.uninstall_plan
        if plan is None:
            self.steps.setText(self.tr("Preparing the plan…"))
            return
        items = []
        for step in plan.steps:
            line = f"<li><b>{escape(step.title)}</b><br>{escape(step.description)}"
            if self.details.isChecked() and step.argv:
                command = escape(shown_command(step.argv, plan.platform))
                line += ("<br><small>" + self.tr("runs: {command}").format(
                    command=f"<code>{command}</code>") + "</small>")
            items.append(line + "</li>")
        self.steps.setText("<ol>" + "".join(items) + "</ol>")


class _Asker(QObject):
    """Lets a running step ask the user: the worker waits while the UI shows a dialog."""

    asked = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.answer: str | None = None
        self.ready = threading.Event()

    def ask(self, step: Step) -> str | None:  # called on the worker thread
        self.ready.clear()
        self.asked.emit(step)
        self.ready.wait()
        return self.answer


STATUS_WORDS = {  # shown translated: QCoreApplication.translate("RunPage", word)
    StepStatus.WAITING: str(QT_TRANSLATE_NOOP("RunPage", "waiting")),
    StepStatus.RUNNING: str(QT_TRANSLATE_NOOP("RunPage", "running…")),
    StepStatus.DONE: str(QT_TRANSLATE_NOOP("RunPage", "done ✓")),
    StepStatus.FAILED: str(QT_TRANSLATE_NOOP("RunPage", "failed ✗")),
    StepStatus.SKIPPED: str(QT_TRANSLATE_NOOP("RunPage", "skipped")),
    StepStatus.NEEDS_REBOOT: str(QT_TRANSLATE_NOOP("RunPage", "restart needed")),
    StepStatus.NEEDS_USER: str(QT_TRANSLATE_NOOP("RunPage", "needs you")),
}


class RunPage(BasePage):
    page_id = Page.RUN

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Uninstall"),
                         self.tr("Kaspersky's own uninstallers run one after the other; each "
                                 "step shows its status."))
        self.steps = text_label(name=self.tr("Step status"))
        self.status = text_label(name=self.tr("Uninstall status"))
        self.start = named(QPushButton(self.tr("Try again")), self.tr("Try the uninstall again"),
                           self.tr("Continues from the step that stopped."))
        self.start.hide()
        self.start.clicked.connect(lambda: self._start(retry=True))
        self.body.addWidget(self.steps)
        self.body.addWidget(self.status)
        self.body.addLayout(button_row(self.start))
        self.body.addStretch(1)
        self.asker = _Asker(self)
        self.asker.asked.connect(self._ask)
        self.job: Job | None = None

    def initializePage(self) -> None:
        self.session.run_over = False
        plan = self.session.uninstall_plan
        self.steps.setText("")
        if plan is not None:
            self._paint(plan, {})
        self.status.setText(self.tr("Starting…"))
        self._start(retry=False)

    def _start(self, retry: bool) -> None:
        session = self.session
        session.run_over = False
        self.start.hide()
        self.completeChanged.emit()
        resume = session.resume_uninstall or retry
        reviewed = None if resume else session.prepared
        engine = session.engine(self.asker.ask)

        def work(progress: ProgressCallback, cancel: CancelToken) -> RemovalResult:
            prepared = reviewed
            if prepared is None:  # resumed (from Welcome, or Try again): the saved run
                scan = session.scan() or engine.scan()  # from Welcome no scan has run yet
                session.snapshot, session.detection = scan.snapshot, scan.detection
                prepared = engine.prepare(session.answers(), scan, session.backup_plan)
                session.uninstall_plan = prepared.plan
            return engine.run(prepared, progress, cancel,
                              lambda state: progress(_StepsUpdate(state)))  # type: ignore[arg-type]

        self.job = start_job(self, work, self._finished, self._failed, self._progress)

    def _progress(self, update: object) -> None:
        if isinstance(update, _StepsUpdate):
            self._paint(update.state.plan, update.state.states)
        elif isinstance(update, Progress):
            self.status.setText(escape(update.current))

    def _paint(self, plan: UninstallPlan, states: dict[str, StepState]) -> None:
        """Every step with its status in words (never by colour alone)."""
        items = []
        for step in plan.steps:
            entry = states.get(step.id)
            status = STATUS_WORDS[entry.status if entry is not None else StepStatus.WAITING]
            text = QCoreApplication.translate("RunPage", status)
            if entry is not None and entry.detail:
                text += f" — {entry.detail}"
            items.append(f"<li><b>{escape(step.title)}</b>: {escape(text)}</li>")
        self.steps.setText("<ol>" + "".join(items) + "</ol>")

    def _ask(self, step: Step) -> None:
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

    def _finished(self, result: RemovalResult) -> None:
        from core.migration.engine import Outcome

        session = self.session
        session.removal = result
        session.uninstall_state = result.state
        session.verification = result.verification or session.verification
        if result.state is not None:
            self._paint(result.plan, result.state.states)
        if result.outcome == Outcome.DONE and result.protected:
            self.status.setText(self.tr("Kaspersky's removal is complete."))
        elif result.outcome == Outcome.DONE:
            self.status.setText(self.tr("Kaspersky's removal is complete, but <b>nothing "
                                        "protects this computer yet</b>: install the "
                                        "replacement you chose now.") + "<br>"
                                + escape(result.message))
        elif result.outcome == Outcome.NEEDS_REBOOT:
            self.status.setText(self.tr("<b>Restart the computer now.</b> When you open "
                                        "Switchover again it continues here and checks that "
                                        "everything is gone."))
        elif result.state is None:  # blocked, or nothing to remove: nothing ran
            self.status.setText(escape(result.message))
        else:
            self.status.setText(self.tr("Stopped: see the steps above. Solve the problem, then "
                                        "try again: Switchover continues from that step."))
            self.start.show()
        session.run_over = True
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        from gui.errors import report_error

        self.status.setText(escape(str(exc)))
        self.start.show()
        self.session.run_over = True
        self.completeChanged.emit()
        report_error(self, exc)


class _StepsUpdate:
    """A progress message carrying a copy of the run's state, so the page can paint every
    step while the worker goes on changing the original."""

    def __init__(self, state: RunState) -> None:
        from dataclasses import replace

        self.state = replace(state, states={k: replace(v) for k, v in state.states.items()})
