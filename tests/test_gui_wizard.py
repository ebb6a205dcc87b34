"""The whole wizard, headless: a demo migration from welcome to report, and its safeguards."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QTreeWidget,
    QWizard,
)

from core.migration.pages import Page
from core.uninstall.plan import ProtectionAfter, Step, UninstallPlan
from core.uninstall.state import new_state, save_state
from gui.app import build_wizard, show_wizard
from gui.errors import report_error
from gui.session import Session


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SWITCHOVER_STATE_DIR", str(tmp_path / "state"))


def _wizard(qtbot, tmp_path: Path, demo: str):  # type: ignore[no-untyped-def]
    session = Session(demo=demo, demo_title="demo")
    session.destination = str(tmp_path / "backups")
    os.makedirs(session.destination)
    wizard = build_wizard(session=session)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, session


def _big_folder(tmp_path: Path, files: int) -> Path:
    """Incompressible files, 10 MB each: a backup of them takes long enough to interrupt."""
    big = tmp_path / "big"
    big.mkdir()
    chunk = os.urandom(10_000_000)
    for i in range(files):
        (big / f"{i}.bin").write_bytes(chunk)
    return big


def _next(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=20000)
    wizard.next()


def test_a_demo_migration_from_welcome_to_report(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard, session = _wizard(qtbot, tmp_path, "windows-total-security")
    assert "Switchover" in wizard.windowTitle() and "demonstration" in wizard.windowTitle()
    _next(qtbot, wizard)  # welcome
    _next(qtbot, wizard)  # scan
    qtbot.waitUntil(lambda: "Is it illegal" in wizard.currentPage().text.toPlainText(),
                    timeout=10000)
    _next(qtbot, wizard)  # ban: the replacement comes first, as the ban page advises
    choose = wizard.currentPage()
    assert wizard.currentId() == Page.CHOOSE
    qtbot.waitUntil(lambda: bool(choose.group.buttons()), timeout=10000)
    assert choose.need_boxes["password-manager"].isChecked(), "from what Kaspersky did"
    choose.group.buttons()[0].setChecked(True)
    assert session.chosen.id == "microsoft-defender"
    _next(qtbot, wizard)  # choose
    ready = wizard.currentPage()
    assert wizard.currentId() == Page.READY
    # Windows switches Defender back on by itself here: nothing to download.
    qtbot.waitUntil(ready.isComplete, timeout=10000)
    assert "Nothing to install" in ready.guide_text.text()
    _next(qtbot, wizard)  # ready
    lose = wizard.currentPage()
    qtbot.waitUntil(lambda: session.backup_plan is not None, timeout=10000)
    assert not lose.isComplete() and "I have done this" in lose.why_not.text()
    for box in lose.confirms.values():
        box.setChecked(True)
    docs = tmp_path / "Documents"
    docs.mkdir()
    (docs / "letter.txt").write_text("hello\n")
    lose._add_folder_box("Documents", str(docs), True)  # what "Add a folder…" does
    _next(qtbot, wizard)
    backup = wizard.currentPage()
    qtbot.waitUntil(lambda: backup.isComplete(), timeout=20000)
    assert "matches its checksum" in backup.status.text()
    with zipfile.ZipFile(session.backup_result.archive) as archive:  # the folder shown
        assert any(n.endswith("Documents/letter.txt") for n in archive.namelist())  # ticked
    _next(qtbot, wizard)  # backup
    review = wizard.currentPage()
    assert review.isCommitPage()
    qtbot.waitUntil(review.isComplete, timeout=10000)
    _next(qtbot, wizard)  # commit: "Uninstall now"
    run = wizard.currentPage()
    qtbot.waitUntil(lambda: run.isComplete(), timeout=20000)
    assert session.uninstall_state.finished
    assert "simulated: nothing was run" in run.steps.text()
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # protected
    done = wizard.currentPage()
    for kind in ("html", "pdf", "json"):
        done.save_to(tmp_path / f"report.{kind}", kind)
    qtbot.waitUntil(lambda: (tmp_path / "report.pdf").exists()
                    and (tmp_path / "report.json").exists(), timeout=20000)
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/MediaBox [0 0 612.000000 792.000000]" in pdf  # Letter
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["chosen"]["name"] == "Microsoft Defender Antivirus"
    assert report["found"][0]["name"] == "Kaspersky Total Security"
    assert "Demonstration" in (tmp_path / "report.html").read_text()


def test_a_clean_machine_goes_from_scan_to_choosing_protection(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard, _ = _wizard(qtbot, tmp_path, "windows-clean-defender")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.BAN
    _next(qtbot, wizard)
    assert wizard.currentId() == Page.CHOOSE
    # Defender already protects this machine: it can finish without choosing anything.
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=10000)
    assert wizard.currentPage().nextId() == Page.DONE


def test_a_backup_can_be_cancelled_and_leaves_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from core.detect.detection import detect
    from core.machine.demo import load_demo

    wizard, session = _wizard(qtbot, tmp_path, "windows-clean-defender")
    big = _big_folder(tmp_path, 40)
    session.detection = detect(load_demo("windows-clean-defender"))
    session.folders = [str(big)]
    backup = wizard.page(int(Page.BACKUP))
    backup.initializePage()
    backup._cancel()  # at once: deterministic on a busy machine, still the real job path
    qtbot.waitUntil(lambda: "Cancelled" in backup.status.text(), timeout=20000)
    assert not backup.isComplete()
    assert os.listdir(session.destination) == []


def test_every_control_has_an_accessible_name_and_description(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard, _ = _wizard(qtbot, tmp_path, "windows-total-security")
    missing = []
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        for kind in (QAbstractButton, QLineEdit, QComboBox, QTreeWidget):
            for widget in page.findChildren(kind):
                if not widget.accessibleName() or not widget.accessibleDescription():
                    missing.append(f"{type(page).__name__}: {type(widget).__name__} "
                                   f"{getattr(widget, 'text', lambda: '')()}")
    assert missing == []


def test_the_demo_banner_is_on_every_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    wizard, _ = _wizard(qtbot, tmp_path, "windows-total-security")
    for page_id in wizard.pageIds():
        banner = wizard.page(page_id).findChild(QLabel, "demoBanner")
        assert banner is not None and "Nothing on this computer" in banner.text(), page_id


def test_an_interrupted_uninstall_is_offered_on_start(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from core.app_dirs import state_dir

    plan = UninstallPlan("windows", (Step(id="verify", kind="verify", title="v",
                                          description=""),), ProtectionAfter("defender", "x"))
    save_state(new_state(plan, simulated=False, source="this computer"),
               state_dir() / "uninstall.json")
    wizard = show_wizard(Session())  # as the app starts: the offer comes after the first paint
    qtbot.addWidget(wizard)
    welcome = wizard.currentPage()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: welcome.resume.isVisible(), timeout=10000)
    assert next_button.isEnabled(), "Next is on once the offer has been made"
    welcome.resume.setChecked(True)
    assert wizard.currentPage().nextId() == Page.RUN


def test_errors_are_routed_by_type(qtbot) -> None:  # type: ignore[no-untyped-def]
    from core.errors import Cancelled

    before = set(QApplication.topLevelWidgets())
    report_error(None, Cancelled("stop"))
    assert set(QApplication.topLevelWidgets()) == before, "a cancel is silent"
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        report_error(None, exc)
    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]

    qtbot.waitUntil(lambda: bool(boxes()), timeout=5000)
    assert "ZeroDivisionError" in boxes()[-1].detailedText()
    copy = next(b for b in boxes()[-1].buttons() if b.text() == "Copy details")
    copy.click()
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    for box in boxes():
        box.close()


def test_an_interrupted_uninstall_resumed_from_welcome_runs_to_the_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The path that crashed (`plan_backup(None)`): Welcome → resume → the run finishes,
    checked against a fresh look at this machine, and the next pages open."""
    from core.app_dirs import state_dir

    plan = UninstallPlan("linux", (Step(id="verify", kind="verify", title="Check",
                                        description=""),), ProtectionAfter("none", "x"))
    save_state(new_state(plan, simulated=False, source="this computer"),
               state_dir() / "uninstall.json")
    wizard = show_wizard(Session())
    qtbot.addWidget(wizard)
    welcome = wizard.currentPage()
    qtbot.waitUntil(lambda: welcome.resume.isVisible(), timeout=10000)
    welcome.resume.setChecked(True)
    wizard.next()
    run = wizard.currentPage()
    assert wizard.currentId() == Page.RUN
    qtbot.waitUntil(lambda: run.isComplete(), timeout=30000)
    session = wizard.session
    assert session.detection is not None and session.uninstall_state.finished
    assert "<b>Check</b>" in run.steps.text()  # the saved plan's steps are shown
    wizard.next()
    assert wizard.currentId() in (Page.PROTECTED, Page.DONE)


def test_a_mac_is_told_its_own_way_to_install_never_winget(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard, _ = _wizard(qtbot, tmp_path, "macos-kaspersky")
    for _ in range(3):  # welcome, scan, ban
        _next(qtbot, wizard)
    choose = wizard.currentPage()
    qtbot.waitUntil(lambda: bool(choose.group.buttons()), timeout=10000)
    with_brew = [b for b in choose.group.buttons() if b.property("product_id") in
                 {r.id for r in choose.result.recommendations if r.homebrew}]
    assert with_brew, "the catalog offers a Homebrew package on macOS"
    with_brew[0].setChecked(True)
    _next(qtbot, wizard)
    ready = wizard.currentPage()
    assert wizard.currentId() == Page.READY
    qtbot.waitUntil(lambda: ready.guide is not None, timeout=10000)
    shown = ready.guide_text.text() + ready.commands.text()
    assert "winget" not in shown and "brew install" in ready.commands.text()
    assert not ready.isComplete()  # the installer is not at hand yet
    ready.have_it.setChecked(True)
    assert ready.isComplete()


def _answer(qtbot, button_text: str) -> None:  # type: ignore[no-untyped-def]
    """Click `button_text` in the question the wizard is asking."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    def asking() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() + [
            c for t in QApplication.topLevelWidgets() for c in t.findChildren(QMessageBox)]
            if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(asking()), timeout=5000)
    box = asking()[-1]
    next(b for b in box.buttons() if b.text() == button_text).click()


def test_back_during_a_backup_asks_stops_it_and_never_runs_two(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from core.detect.detection import detect
    from core.machine.demo import load_demo

    wizard, session = _wizard(qtbot, tmp_path, "windows-clean-defender")
    big = _big_folder(tmp_path, 60)
    session.detection = detect(load_demo("windows-clean-defender"))
    wizard.setStartId(int(Page.LOSE))
    wizard.restart()
    lose = wizard.currentPage()
    qtbot.waitUntil(lambda: session.backup_plan is not None, timeout=10000)
    lose._add_folder_box("big", str(big), True)  # what "Add a folder…" does
    _next(qtbot, wizard)  # Lose → Backup: the backup starts
    backup = wizard.currentPage()
    assert wizard.currentId() == Page.BACKUP and backup.job.running
    wizard.button(QWizard.WizardButton.BackButton).click()
    _answer(qtbot, "Keep going")  # nothing happens: the backup goes on, the page stays
    assert wizard.currentId() == Page.BACKUP and backup.job.running
    wizard.button(QWizard.WizardButton.BackButton).click()
    _answer(qtbot, "Stop it")
    qtbot.waitUntil(lambda: wizard.currentId() == Page.LOSE, timeout=30000)
    assert os.listdir(session.destination) == []  # the unfinished archive was removed
    wizard.next()  # one new backup, alone
    qtbot.waitUntil(lambda: session.backup_result is not None, timeout=60000)
    assert len(os.listdir(session.destination)) == 1


def test_cancel_on_a_real_run_asks_before_leaving(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = Session()  # this computer, not a demo
    wizard = build_wizard(session=session)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)  # welcome → scan
    wizard.button(QWizard.WizardButton.CancelButton).click()
    _answer(qtbot, "Keep going")
    assert wizard.isVisible()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    _answer(qtbot, "Leave")
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
