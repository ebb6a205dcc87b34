"""The wizard window: it asks before leaving a page whose job is running, or the app.

Back, Cancel and closing the window during a backup used to leave the backup running
(Next then started a second one beside it). Here each of them asks first; on "Stop it",
the job is cancelled and the wizard waits for it to finish cleaning up before it moves,
so a job never runs twice. Cancel on any page but the first and the last asks too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget, QWizard

from core.migration.pages import Page
from gui.session import Session

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from gui.jobs import Job

STEP_NAMES = {  # shown translated: QCoreApplication.translate("MigrationWizard", name)
    Page.WELCOME: str(QT_TRANSLATE_NOOP("MigrationWizard", "Welcome")),
    Page.SCAN: str(QT_TRANSLATE_NOOP("MigrationWizard", "What is here")),
    Page.BAN: str(QT_TRANSLATE_NOOP("MigrationWizard", "What the ban means")),
    Page.CHOOSE: str(QT_TRANSLATE_NOOP("MigrationWizard", "Choose")),
    Page.READY: str(QT_TRANSLATE_NOOP("MigrationWizard", "Get it ready")),
    Page.LOSE: str(QT_TRANSLATE_NOOP("MigrationWizard", "What you would lose")),
    Page.BACKUP: str(QT_TRANSLATE_NOOP("MigrationWizard", "Back up")),
    Page.UNINSTALL: str(QT_TRANSLATE_NOOP("MigrationWizard", "Review")),
    Page.RUN: str(QT_TRANSLATE_NOOP("MigrationWizard", "Remove Kaspersky")),
    Page.PROTECTED: str(QT_TRANSLATE_NOOP("MigrationWizard", "Protected again?")),
    Page.DONE: str(QT_TRANSLATE_NOOP("MigrationWizard", "Report")),
}


class MigrationWizard(QWizard):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        back = QPushButton(self.tr("< &Back"))
        back.setAccessibleName(self.tr("Back"))
        back.setAccessibleDescription(self.tr("Goes to the previous page."))
        self.setButton(QWizard.WizardButton.BackButton, back)
        back.clicked.disconnect()  # QWizard's own "go back at once"; ours asks first
        back.clicked.connect(lambda: self._leave(self.back, self.tr(
            "A job is still running on this page (the backup, or the removal's current step). "
            "Stop it and go back? Nothing is left half done: an unfinished backup is removed, "
            "and a removal stops between two steps.")))
        self._leaving = False
        self._confirming: QMessageBox | None = None
        side = QWidget()
        column = QVBoxLayout(side)
        self.rail = QLabel()
        self.rail.setObjectName("stepRail")
        self.rail.setAccessibleName(self.tr("Steps"))
        self.rail.setMinimumWidth(170)
        self.rail.setWordWrap(True)
        column.addWidget(self.rail)
        column.addStretch(1)  # the steps sit at the top
        self.side = side  # kept: QWizard does not take ownership of it from Python
        self.setSideWidget(side)
        self.rail_ready = False  # filled once every page exists, just after the first paint
        self.currentIdChanged.connect(lambda _id: self.update_rail())

    def update_rail(self) -> None:
        """Where the user is and what comes next: the pages core's route will show."""
        if not self.rail_ready:
            return
        from html import escape

        from core.migration.route import steps

        current = self.currentId()
        lines = []
        for page in steps(self.session.facts()):
            name = escape(QCoreApplication.translate("MigrationWizard", STEP_NAMES[page]))
            if int(page) == current:
                lines.append(f"<p><b>▶ {name}</b></p>")
            else:
                lines.append(f"<p>&nbsp;&nbsp;&nbsp;{name}</p>")
        self.rail.setText("".join(lines))

    def running_job(self) -> Job | None:
        from gui.jobs import Job

        page = self.currentPage()
        job = getattr(page, "job", None)
        return job if isinstance(job, Job) and job.running else None

    def _leave(self, then: Callable[[], None], question: str) -> None:
        """`question`: the whole sentence asking to stop the job and go back or leave."""
        job = self.running_job()
        if job is None:
            then()
            return
        self._confirm(question, self.tr("Stop it"), lambda: self._after(job, then))

    def _after(self, job: Job, then: Callable[[], None]) -> None:
        """Cancel `job`, and move only once it has finished cleaning up."""
        job.cancel()
        if not job.running:
            then()
            return
        done = [False]

        def once(_: object) -> None:
            if not done[0]:
                done[0] = True
                then()

        job.done.connect(once)
        job.failed.connect(once)

    def _confirm(self, text: str, yes: str, then: Callable[[], None]) -> None:
        if self._confirming is not None:
            return  # one question at a time
        box = QMessageBox(QMessageBox.Icon.Question, "Switchover", text, parent=self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep going"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("confirmLeave")
        self._confirming = box

        def answered() -> None:
            self._confirming = None
            if box.clickedButton() is accept:
                then()

        box.finished.connect(lambda _result: answered())
        box.open()

    def _quit_question(self) -> str | None:
        if self.running_job() is not None:
            return None  # _leave asks about the job
        page = self.currentId()
        if page in (int(Page.WELCOME), int(Page.DONE)) or self.session.simulated:
            return ""
        if self.session.uninstall_state is not None:
            return self.tr("Leave Switchover? The removal's progress is saved: open "
                           "Switchover again to continue where it stopped.")
        return self.tr("Leave Switchover? Nothing has been removed from this computer.")

    def reject(self) -> None:
        if self._leaving:
            super().reject()
            return
        question = self._quit_question()

        def leave() -> None:
            self._leaving = True
            QWizard.reject(self)

        if question is None:
            self._leave(leave, self.tr(
                "A job is still running on this page (the backup, or the removal's current "
                "step). Stop it and leave Switchover? Nothing is left half done: an unfinished "
                "backup is removed, and a removal stops between two steps."))
        elif question:
            self._confirm(question, self.tr("Leave"), leave)
        else:
            leave()

    def close_quietly(self) -> None:
        """Closes without asking (the language switch, which Welcome alone offers, builds
        a new window in this one's place)."""
        self._leaving = True
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving:
            event.accept()
            return
        event.ignore()
        self.reject()
