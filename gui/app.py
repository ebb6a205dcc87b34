"""Builds the wizard and runs the Qt event loop; `switchover gui` lands here."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWizard

from core.detection import DetectionResult, detect
from gui.pages import ScanPage, WelcomePage


def scan_function(demo: str | None, snapshot: str | None) -> Callable[[], DetectionResult]:
    """What the Scan page runs in the background: a demo machine, a saved one, or this one."""
    def scan() -> DetectionResult:
        if snapshot:
            from core.snapshot import load_snapshot

            return detect(load_snapshot(snapshot))
        if demo is not None:
            from core.demo import load_demo

            return detect(load_demo(demo or None))
        from core.probes import probe_machine

        return detect(probe_machine())

    return scan


def build_wizard(demo: str | None = None, snapshot: str | None = None,
                 demo_title: str | None = None) -> QWizard:
    wizard = QWizard()
    wizard.setWindowTitle("Switchover")
    wizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
    wizard.addPage(WelcomePage(demo_title))
    wizard.addPage(ScanPage(scan_function(demo, snapshot)))
    wizard.resize(760, 560)
    return wizard


def run(demo: str | None = None, snapshot: str | None = None) -> int:
    title = None
    if demo is not None:
        from core.demo import demo_machine

        # Validates NAME (a bad one exits 2 before any window appears); reads a small index.
        title = demo_machine(demo or None).title
    app = QApplication.instance() or QApplication(sys.argv[:1])
    wizard = build_wizard(demo, snapshot, title)
    wizard.show()
    return int(app.exec())
