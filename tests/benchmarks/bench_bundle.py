"""Start-up of the wizard from source and from the bundle, against a bare wizard; bundle size.

    python tests/benchmarks/bench_bundle.py [-n 7]              # from source
    python packaging/build.py && python tests/benchmarks/bench_bundle.py   # and the bundle
    xvfb-run -a python tests/benchmarks/bench_bundle.py --platform xcb   # a real X window

Prints the bundle's size unpacked and packed (budget: ≤ 130 MB unpacked, ≤ 50 MB as
.tar.gz) and the time to the first painted window for the frozen app versus an empty
QWizard run from source with the same interpreter (goal: within 1.5×). Both quit inside
their window's first paint event (SWITCHOVER_EXIT_AFTER_SHOW=1 for the app). The app
builds its other pages just after that paint, so the time until every page exists
(SWITCHOVER_EXIT_AFTER_SHOW=ready) is printed too. Medians of alternating runs, offscreen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "build" / "dist"
BARE = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

class QuitOnPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            app.quit()
        return False

app = QApplication(sys.argv[:1])
w = QWizard()
w.addPage(QWizardPage())
hook = QuitOnPaint()
w.installEventFilter(hook)
w.show()
app.exec()
"""


def size(path: Path) -> float:
    return sum(f.lstat().st_size for f in path.rglob("*") if not f.is_symlink()) / 1e6


PLATFORM = "offscreen"


def timed(argv: list[str], until: str = "1") -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": PLATFORM, "SWITCHOVER_EXIT_AFTER_SHOW": until}
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=7)
    parser.add_argument("--platform", default="offscreen", help="Qt platform: offscreen, xcb")
    args = parser.parse_args()
    global PLATFORM
    PLATFORM = args.platform
    bare = [sys.executable, "-c", BARE]
    source = [sys.executable, "-m", "gui.launcher", "gui", "--demo", "windows-total-security"]
    candidates = {"from source": source}
    bundle = DIST / "Switchover"
    if bundle.is_dir():
        tarball = next(DIST.glob("Switchover-*-linux-x86_64.tar.gz"), None)
        deb = next(DIST.glob("switchover_*_amd64.deb"), None)
        print(f"bundle unpacked   {size(bundle):6.1f} MB   (budget ≤ 130 MB)")
        if tarball:
            print(f"bundle .tar.gz    {tarball.stat().st_size / 1e6:6.1f} MB   (budget ≤ 50 MB)")
        if deb:
            print(f"bundle .deb (xz)  {deb.stat().st_size / 1e6:6.1f} MB")
        candidates["bundle"] = [str(bundle / "Switchover"), "--demo", "windows-total-security"]
    else:
        print("(no bundle: python packaging/build.py builds one; timing from source only)")
    for argv in (*candidates.values(), bare):
        timed(argv)  # warm the page cache
    for label, app in candidates.items():
        ours, ready, base = [], [], []
        for _ in range(args.n):
            ours.append(timed(app))
            base.append(timed(bare))
            ready.append(timed(app, "ready"))
        ratio = statistics.median(a / b for a, b in zip(ours, base, strict=True))
        print(f"first window ({PLATFORM}), {label}: {statistics.median(ours) * 1000:.0f} ms vs "
              f"a bare one-page QWizard {statistics.median(base) * 1000:.0f} ms → "
              f"{ratio:.2f}× (goal ≤ 1.5×)")
        ratio = statistics.median(a / b for a, b in zip(ready, base, strict=True))
        print(f"every page built, {label}: {statistics.median(ready) * 1000:.0f} ms → "
              f"{ratio:.2f}× the bare wizard's first window")

if __name__ == "__main__":
    main()
