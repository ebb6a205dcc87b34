"""The wizard survives a long session: thousands of re-checks of "may Next be pressed?".

PySide6 6.12.0 dropped a reference to the bool a Python `isComplete()` returns, so after
about 600 re-checks; 1,500 here (every tick, keystroke and progress message asks again) Python
aborted with "Fatal Python error: bool_dealloc", as one user saw after Cancel. The run is
in a fresh process because that failure kills the process rather than raising.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SESSION = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui.app import build_wizard
from gui.session import Session

app = QApplication([])
wizard = build_wizard(session=Session(demo="windows-total-security", demo_title="demo"))
wizard.show()
page = wizard.currentPage()
count = [0]

def recheck():
    count[0] += 1
    page.completeChanged.emit()   # the wizard asks isComplete() and nextId() again
    if count[0] >= 1500:
        app.quit()

timer = QTimer()
timer.timeout.connect(recheck)
timer.start(0)
app.exec()
print(count[0])
"""


def test_fifteen_hundred_rechecks_of_next_do_not_crash_the_wizard(repo_root: Path,
                                                                 tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "SWITCHOVER_STATE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SESSION], cwd=repo_root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "1500"
