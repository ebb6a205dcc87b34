"""The wizard's first pages, headless: demo mode scans in the background and shows results."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from gui.app import build_wizard


def _to_scan_page(qtbot, wizard):  # type: ignore[no-untyped-def]
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.result is not None or "error" in page.summary.text(),
                    timeout=10000)
    return page


def test_demo_scan_shows_kaspersky_and_the_protection_verdict(qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = build_wizard(demo="windows-total-security", demo_title="Windows demo")
    page = _to_scan_page(qtbot, wizard)
    assert page.isComplete()
    top = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert top[0] == "Kaspersky"
    first = page.tree.topLevelItem(0).child(0)
    assert first.text(0).startswith("Kaspersky Total Security 21.3")
    assert "days old" in first.text(1)
    assert "not</b> protected" in page.summary.text()


def test_clean_machine_gets_a_nothing_to_remove_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = build_wizard(demo="windows-clean-defender")
    page = _to_scan_page(qtbot, wizard)
    assert "nothing to remove" in page.summary.text()


def test_unknown_snapshot_file_is_shown_not_raised(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = build_wizard(snapshot=str(tmp_path / "missing.json"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: "does not exist" in page.summary.text(), timeout=10000)
    assert not page.isComplete()


def test_the_window_shows_welcome_first_and_the_other_pages_follow(qtbot) -> None:  # type: ignore[no-untyped-def]
    """How the app starts (gui.app.run): Welcome alone is built before the first paint."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from core.migration.pages import Page
    from gui.app import show_wizard
    from gui.session import Session

    wizard = show_wizard(Session(demo="windows-total-security", demo_title="Windows demo"))
    qtbot.addWidget(wizard)
    assert wizard.pageIds() == [int(Page.WELCOME)]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled(), "Next waits until the page behind it exists"
    qtbot.waitUntil(lambda: len(wizard.pageIds()) == len(Page), timeout=10000)
    qtbot.waitUntil(next_button.isEnabled, timeout=10000)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    page = wizard.currentPage()
    assert wizard.currentId() == int(Page.SCAN)
    qtbot.waitUntil(lambda: page.result is not None, timeout=10000)
    assert page.tree.topLevelItem(0).text(0) == "Kaspersky"


def test_a_machine_found_by_its_services_shows_what_found_each_product(qtbot) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    machine = Path(__file__).parent / "machines" / "heldout" / \
        "win-fr-services-only-k2124-vpn-kpm.json"
    wizard = build_wizard(snapshot=str(machine))
    page = _to_scan_page(qtbot, wizard)
    kaspersky = page.tree.topLevelItem(0)
    names = [kaspersky.child(i).text(0) for i in range(kaspersky.childCount())]
    assert names == ["Kaspersky 21.24", "Kaspersky VPN Secure Connection 5.25",
                     "Kaspersky Password Manager 25.1"]
    vpn = kaspersky.child(1)
    rows = {vpn.child(i).text(0): vpn.child(i).text(1) for i in range(vpn.childCount())}
    assert rows["found by"] == "running service or program (low confidence)"
    assert rows["version"] == "read from the install folder's name"
