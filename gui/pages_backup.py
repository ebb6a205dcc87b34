""""What you would lose" and "Back up": the backup plan, the user's choices, the archive."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from core.jobs import CancelToken, Progress, ProgressCallback
from core.language.translate import tr, tr_n
from core.migration.pages import Page
from gui.jobs import Job, run_job, start_job
from gui.session import Session
from gui.widgets import BasePage, named, text_label

if TYPE_CHECKING:
    from core.backup.archive import BackupResult
    from core.backup.plan import BackupPlan
    from core.backup.verify import VerifyResult
    from core.machine.probes.user_data import UserFolder
    from core.passwords.csv_formats import Conversion


def _size(count: float) -> str:
    from core.backup.drives import human_size

    return human_size(count)


def passphrase_hint(text: str) -> str:
    """A plain-words strength hint (the rule itself is core's)."""
    from core.backup.secrets import passphrase_problem

    if not text:
        return ""
    problem = passphrase_problem(text)
    if problem:
        return problem
    if len(text) >= 16 and len(set(text)) >= 10:
        return QCoreApplication.translate("LosePage", "Strong: long and varied.")
    return QCoreApplication.translate(
        "LosePage", "Acceptable; a longer phrase of several words is stronger.")


class LosePage(BasePage):
    page_id = Page.LOSE

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("What you would lose"),
                         self.tr("Uninstalling Kaspersky deletes these. Deal with the ones "
                                 "only you can do first; Switchover copies the rest."))
        self.items = QVBoxLayout()
        box = QGroupBox(self.tr("Kaspersky's data"))
        box.setLayout(self.items)
        self.body.addWidget(box)
        self.body.addWidget(self._password_box())
        self.body.addWidget(self._folders_box())
        self.skip = named(QCheckBox(self.tr("Skip the backup (I have my own)")),
                          self.tr("Skip backup"),
                          self.tr("Goes on without a backup; the report says you chose "
                                  "this."))
        self.skip.toggled.connect(self._changed)
        self.body.addWidget(self.skip)
        self.confirms: dict[str, QCheckBox] = {}

    # -- Password Manager ----------------------------------------------------------------
    def _password_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Saved passwords"))
        layout = QVBoxLayout(box)
        self.pm_help = text_label(name=self.tr("Password export guide"))
        layout.addWidget(self.pm_help)
        row = QHBoxLayout()
        self.export_path = named(QLineEdit(), self.tr("Password export file"),
                                 self.tr("The .txt file Kaspersky Password Manager exported."))
        self.export_path.setReadOnly(True)
        find = named(QPushButton(self.tr("Find my export")), self.tr("Find my export"),
                     self.tr("Looks in Documents, Desktop and Downloads."))
        find.clicked.connect(self._find_export)
        pick = named(QPushButton(self.tr("Choose…")), self.tr("Choose the export file"),
                     self.tr("Opens a file picker."))
        pick.clicked.connect(self._pick_export)
        for widget in (self.export_path, find, pick):
            row.addWidget(widget)
        layout.addLayout(row)
        form = QFormLayout()
        self.format = named(QComboBox(), self.tr("New password manager"),
                            self.tr("The format of the CSV file to save."))
        from core.passwords.csv_formats import FORMAT_NAMES  # the formats core writes, one list

        for key, label in FORMAT_NAMES.items():
            self.format.addItem(label, key)
        convert = named(QPushButton(self.tr("Save CSV for import…")),
                        self.tr("Convert for import"),
                        self.tr("Writes the file your new password manager imports. Delete it "
                                "after importing: it holds your passwords in plain text."))
        convert.clicked.connect(self._convert)
        pair = QHBoxLayout()
        pair.addWidget(self.format)
        pair.addWidget(convert)
        form.addRow(self.tr("Convert for:"), pair)
        self.passphrase = named(QLineEdit(), self.tr("Passphrase"),
                                self.tr("Protects the copy of your passwords in the backup. "
                                        "Without it nobody, not even you, can open that copy."))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = named(QLineEdit(), self.tr("Passphrase again"),
                           self.tr("Type the passphrase a second time to avoid a typo."))
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = text_label(name=self.tr("Passphrase strength"))
        for field in (self.passphrase, self.again):
            field.textChanged.connect(self._changed)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Again:"), self.again)
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.convert_result = text_label(name=self.tr("Conversion result"))
        layout.addWidget(self.convert_result)
        return box

    def _find_export(self) -> None:
        def work() -> list[str]:
            from core.machine.probes.user_data import find_kpm_exports, standard_folders

            return find_kpm_exports([f.path for f in standard_folders()])

        def show(found: list[str]) -> None:
            if found:
                self._set_export(found[0])
            else:
                self.convert_result.setText(self.tr("No export found in Documents, Desktop or "
                                                    "Downloads. Use “Choose…”."))

        run_job(self, work, show, lambda exc: self.convert_result.setText(str(exc)))

    def _pick_export(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Kaspersky Password Manager export"),
                                              "", self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self._set_export(path)

    def _set_export(self, path: str) -> None:
        self.session.password_export = path
        self.export_path.setText(path)
        self._changed()

    def _convert(self) -> None:
        source = self.session.password_export
        if not source:
            self.convert_result.setText(self.tr("Choose the export first."))
            return
        fmt = self.format.currentData()
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save CSV"),
                                                str(Path(source).with_suffix(f".{fmt}.csv")),
                                                self.tr("CSV files (*.csv)"))
        if not target:
            return

        def work() -> Conversion:
            from core.passwords.convert_file import convert_export_file

            # The save dialog has asked before replacing an existing file.
            return convert_export_file(source, fmt, target, replace=True)[1]

        def show(result: Conversion) -> None:
            skipped = "".join(f"<li>{escape(t)} — {escape(r)}</li>" for t, r in result.skipped)
            n = result.written
            self.convert_result.setText(
                self.tr("<p>{saved} <b>Delete the CSV and the .txt export after importing "
                        "them</b>: they hold every password in plain text.</p>").format(
                    saved=tr_n("Saved {n} entry.", "Saved {n} entries.", n).format(n=n))
                + (self.tr("<p>Not converted:</p>") + f"<ul>{skipped}</ul>" if skipped else ""))

        run_job(self, work, show, lambda exc: self.convert_result.setText(escape(str(exc))))

    # -- folders -------------------------------------------------------------------------
    def _folders_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your folders"))
        layout = QVBoxLayout(box)
        self.folder_boxes = QVBoxLayout()
        layout.addLayout(self.folder_boxes)
        add = named(QPushButton(self.tr("Add a folder…")), self.tr("Add a folder"),
                    self.tr("Adds another folder to the backup."))
        add.clicked.connect(self._add_folder)
        layout.addWidget(add)
        row = QHBoxLayout()
        self.destination = named(QLineEdit(), self.tr("Backup destination"),
                                 self.tr("Where the backup archive is written, for example an "
                                         "external drive."))
        self.destination.setReadOnly(True)
        pick = named(QPushButton(self.tr("Save backup to…")), self.tr("Choose destination"),
                     self.tr("Opens a folder picker for the backup archive."))
        pick.clicked.connect(self._pick_destination)
        row.addWidget(self.destination)
        row.addWidget(pick)
        layout.addLayout(row)
        self.space = text_label(name=self.tr("Size and free space"))
        layout.addWidget(self.space)
        self.folder_checks: dict[str, QCheckBox] = {}
        self.sizes: dict[str, int] = {}
        return box

    def _add_folder_box(self, label: str, path: str, checked: bool) -> None:
        if path in self.folder_checks:
            return
        check = named(QCheckBox(f"{label} — {path}"),
                      self.tr("Include {folder}").format(folder=label),
                      self.tr("Copies this folder into the backup."))
        check.setChecked(checked)
        check.toggled.connect(self._changed)
        self.folder_checks[path] = check
        self.folder_boxes.addWidget(check)
        self._changed()  # what is shown ticked is what the backup copies

    def _add_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder to back up"))
        if path:
            self._add_folder_box(Path(path).name, path, True)

    def _pick_destination(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Where to save the backup"))
        if path:
            self.destination.setText(path)
            self.session.destination = path
            self._measure()

    def _measure(self) -> None:
        folders = [p for p, c in self.folder_checks.items() if c.isChecked()]
        destination = self.session.destination

        def work() -> tuple[int, int | None, int]:
            from core.backup.drives import describe, space_needed
            from core.machine.probes.user_data import measure

            sizes = measure(folders)
            total = sum(size.bytes for size in sizes)
            free = describe(destination).free if destination else None
            return total, free, space_needed(total, sum(size.files for size in sizes))

        def show(result: tuple[int, int | None, int]) -> None:
            total, free, needed = result  # core's rule, as the backup itself applies it
            from core.migration.route import Space

            self.session.space = Space(free, needed) if free is not None else None
            self.completeChanged.emit()
            text = self.tr("Chosen folders: {size}.").format(size=_size(total))
            if free is not None:
                enough = free >= needed
                text += " " + (self.tr("Free space there: {size} — enough.") if enough else
                               self.tr("Free space there: {size} — <b>not enough</b>; choose "
                                       "another place or fewer folders.")).format(size=_size(free))
            self.space.setText(text)

        self.space.setText(self.tr("Measuring…"))
        run_job(self, work, show, lambda exc: self.space.setText(escape(str(exc))))

    # -- page ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        from core.backup.plan import plan_backup

        self.destination.setText(self.session.destination)
        detection = self.session.detection
        self.session.backup_plan = None
        if detection is None:  # the route never shows this page before a scan
            return
        self.completeChanged.emit()
        # The planner is pure but reads its bundled rules: off the UI thread like all file work.
        run_job(self, lambda: plan_backup(detection), self._show_plan,
                lambda exc: self.pm_help.setText(escape(str(exc))))

    def _show_plan(self, plan: BackupPlan) -> None:
        self.session.backup_plan = plan
        while self.items.count():
            taken = self.items.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget:
                widget.deleteLater()
        self.confirms = {}
        for item in plan.items:
            steps = "".join(f"<li>{escape(s)}</li>" for s in item.steps)
            self.items.addWidget(text_label(f"<p><b>{escape(item.title)}</b><br>"
                                            f"{escape(item.why)}</p><ol>{steps}</ol>",
                                            item.title))
            if item.must_confirm:
                check = named(QCheckBox(self.tr("I have done this")),
                              self.tr("Confirm: {step}").format(step=item.title),
                              self.tr("Tick once you have done the steps above."))
                check.setChecked(item.id in self.session.confirmed)
                check.toggled.connect(self._changed)
                self.confirms[item.id] = check
                self.items.addWidget(check)
        has_pm = bool(plan.of_kind("password-manager"))
        self.pm_help.setText(self.tr(
            "<p>Export your passwords from Kaspersky Password Manager (Additional → Settings → "
            "Import/Export → “Export to text file”), then point Switchover at the file. The "
            "backup keeps it only encrypted with your passphrase.</p>") if has_pm else
            self.tr("<p>No Kaspersky Password Manager was found. If you have a password export "
                    "anyway, you can still add it here.</p>"))

        def folders() -> list[UserFolder]:
            from core.machine.probes.user_data import standard_folders

            return standard_folders()

        def show(found: list[UserFolder]) -> None:
            for folder in found:  # core's English label, said in the user's language
                self._add_folder_box(tr(folder.label), folder.path,
                                     folder.label in ("Documents", "Desktop", "Pictures"))

        if not self.session.simulated:
            run_job(self, folders, show, lambda _exc: None)
        self._changed()

    def _changed(self, *_: object) -> None:
        """Forward what the user ticked and typed; core's route decides what it allows."""
        session = self.session
        session.confirmed = {key for key, box in self.confirms.items() if box.isChecked()}
        folders = [p for p, c in self.folder_checks.items() if c.isChecked()]
        if folders != session.folders:
            session.folders = folders
            session.space = None
            self._measure()  # core measures the new choice against the target's free space
        session.skip_backup = self.skip.isChecked()
        session.passphrase, session.passphrase_again = self.passphrase.text(), self.again.text()
        hint = passphrase_hint(session.passphrase)
        if session.passphrase and session.passphrase_again \
                and session.passphrase != session.passphrase_again:
            hint = self.tr("The two passphrases differ.")
        self.hint.setText(escape(hint))
        self.completeChanged.emit()


class BackupPage(BasePage):
    page_id = Page.BACKUP

    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Back up"),
                         self.tr("Switchover writes one ZIP archive and then checks every "
                                 "file in it."))
        self.bar = named(QProgressBar(), self.tr("Backup progress"),
                         self.tr("How much of the backup is written."))
        self.bar.setRange(0, 1000)
        self.status = text_label(name=self.tr("Backup status"))
        self.cancel = named(QPushButton(self.tr("Cancel backup")), self.tr("Cancel backup"),
                            self.tr("Stops and removes the unfinished archive."))
        self.cancel.clicked.connect(self._cancel)
        self.open = named(QPushButton(self.tr("Open folder")), self.tr("Open backup folder"),
                          self.tr("Shows the archive in the file manager."))
        self.open.clicked.connect(self._open)
        self.open.hide()
        for widget in (self.bar, self.status, self.cancel, self.open):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.job: Job | None = None

    def initializePage(self) -> None:
        self.session.backup_result = None
        self.open.hide()
        if self.session.skip_backup:
            self.status.setText(self.tr("Backup skipped at your request."))
            self.cancel.hide()
            self.completeChanged.emit()
            return
        session = self.session

        def work(progress: ProgressCallback, cancel: CancelToken
                 ) -> tuple[BackupResult, VerifyResult]:
            from core.backup.archive import BackupOptions
            from core.backup.plan import BackupChoices, plan_backup
            from core.backup.verify import verify_archive

            assert session.detection is not None  # the route comes here after a scan
            plan = plan_backup(session.detection, BackupChoices(
                folders=tuple(session.folders), password_export=session.password_export))
            result = session.engine().back_up(plan, session.destination, BackupOptions(
                live=not session.simulated, passphrase=session.passphrase or None,
                password_export=session.password_export), progress, cancel)
            return result, verify_archive(result.archive, progress, cancel)

        self.cancel.show()
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("Measuring…"))
        self.job = start_job(self, work, self._done, self._failed, self._progress)
        self.completeChanged.emit()

    def _progress(self, p: Progress) -> None:
        self.bar.setValue(int(p.fraction * 1000))
        stage = {"measuring": self.tr("Measuring"), "copying": self.tr("Copying"),
                 "verifying": self.tr("Checking")}.get(p.stage, p.stage)
        line = (self.tr("{stage}: {done}/{total} files, {done_size} / {total_size}, about "
                        "{seconds} s left") if p.eta_seconds else
                self.tr("{stage}: {done}/{total} files, {done_size} / {total_size}")).format(
            stage=stage, done=p.done_files, total=p.total_files, done_size=_size(p.done_bytes),
            total_size=_size(p.total_bytes), seconds=f"{p.eta_seconds or 0:.0f}")
        self.status.setText(f"{line}<br><small>{escape(p.current)}</small>")

    def _cancel(self) -> None:
        if self.job:
            self.job.cancel()
            self.cancel.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _failed(self, exc: BaseException) -> None:
        from core.errors import Cancelled

        self.cancel.hide()
        self.status.setText(escape(str(exc)) if not isinstance(exc, Cancelled) else
                            self.tr("Cancelled: nothing was left behind. Go back to change "
                                    "your choices, or skip the backup."))

    def _done(self, result: tuple[BackupResult, VerifyResult]) -> None:
        backup, check = result
        # Only a backup that passed its check counts as made (core's route reads this).
        self.session.backup_result = backup if check.ok else None
        self.cancel.hide()
        self.bar.setValue(1000)
        verdict = (self.tr("Every file was read back and matches its checksum.") if check.ok
                   else self.tr("<b>The check found problems</b>: do not rely on this "
                                "archive; make a new one."))
        left_out = len(backup.skipped)
        skipped = (tr_n("{n} item was left out; the archive's README lists it with the reason.",
                        "{n} items were left out; the archive's README lists each with the "
                        "reason.", left_out).format(n=left_out) if left_out else "")
        files = tr_n("{n} file", "{n} files", backup.files).format(n=backup.files)
        self.status.setText(self.tr("<p>Backup written: {archive}<br>{files}, {size}. {verdict} "
                                    "{skipped}</p>").format(
            archive=escape(backup.archive), files=files, size=_size(backup.bytes),
            verdict=verdict, skipped=skipped))
        self.open.show()
        self.completeChanged.emit()

    def _open(self) -> None:
        if self.session.backup_result:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(
                self.session.backup_result.archive).parent)))

