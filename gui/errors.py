"""Errors from core jobs, routed by type in one place.

A cancel is silent; a `SwitchoverError` is something the user can act on and is shown as
its one sentence; anything else is a bug: logged (to the platformdirs log folder, once
per distinct traceback) and shown once in a dialog with "Copy details".
"""

from __future__ import annotations

import hashlib
import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.errors import Cancelled, SwitchoverError

_seen: set[str] = set()
_open: list[QMessageBox] = []  # a parentless dialog would be garbage-collected at once
log = logging.getLogger("switchover")


def describe(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, SwitchoverError):
        QMessageBox.warning(parent, "Switchover", str(exc))  # core's sentence, translated
        return
    details = describe(exc)
    key = hashlib.sha256(details.encode()).hexdigest()
    log.error("internal error\n%s", details)
    if key in _seen:
        return
    _seen.add(key)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Switchover")
    box.setText(QCoreApplication.translate(
        "report_error", "Something went wrong inside Switchover. Nothing on your computer was "
        "changed by this error. Please report it with the details below."))
    box.setDetailedText(details)
    copy = box.addButton(QCoreApplication.translate("report_error", "Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    _open.append(box)
    box.finished.connect(lambda _result: _open.remove(box) if box in _open else None)
    box.open()
