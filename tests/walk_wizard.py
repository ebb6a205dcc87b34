"""Walk the wizard to the report on demo machines and save a screenshot of every page.

    xvfb-run -a python tests/walk_wizard.py --out screens            # every demo
    xvfb-run -a python tests/walk_wizard.py --out screens linux-kesl # one

It acts as a person would: ticks what the page asks to be ticked, adds a Documents folder
with one letter and three 3 MB photos in it, saves the backup into a temporary folder,
picks the first replacement when one must be picked, presses "Uninstall now", and saves
each page as `<demo>/<nn>-<page>.png`. Where the wizard stops it (a page whose Next stays
off), it saves that page, prints the sentence the page shows, and goes on with the next
demo. Not a test: the screenshots are for people to look at.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _wait(app: object, until: object, seconds: float = 30.0) -> bool:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if until():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def visible_texts(widget: object) -> list[str]:
    """Every text a person can read on a page: labels, buttons, boxes, browsers (without
    the links' titles, which are the publishers' own) and the wizard's buttons."""
    import re

    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QTextBrowser,
        QTreeWidget,
        QTreeWidgetItemIterator,
        QWidget,
    )

    assert isinstance(widget, QWidget)
    texts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        if isinstance(child, QLabel):
            texts.append(re.sub(r"<a [^>]*>.*?</a>", "", child.text()))
        elif isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QComboBox):
            texts.append(child.currentText())
        elif isinstance(child, QTextBrowser):
            html = re.sub(r"<a [^>]*>.*?</a>", "", child.toHtml(), flags=re.S)
            texts.append(re.sub(r"<[^>]+>", " ", html))
        elif isinstance(child, QTreeWidget):
            iterator = QTreeWidgetItemIterator(child)
            while iterator.value():
                texts.append(iterator.value().text(0))
                iterator += 1
    return [t for t in texts if t.strip()]


def walk(demo: str, out: Path, size: tuple[int, int],
         texts: dict[str, list[str]] | None = None) -> list[str]:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from core.machine.demo import demo_machine
    from core.migration.pages import Page
    from gui.app import build_wizard
    from gui.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix=f"walk-{demo}-"))
    os.environ["SWITCHOVER_STATE_DIR"] = str(work / "state")
    session = Session(demo=demo, demo_title=demo_machine(demo).title)
    session.destination = str(work / "backups")
    os.makedirs(session.destination)
    wizard = build_wizard(session=session)
    wizard.resize(*size)
    wizard.show()
    folder = out / demo
    folder.mkdir(parents=True, exist_ok=True)
    seen: list[str] = []
    for number in range(1, 20):
        page = wizard.currentPage()
        name = Page(wizard.currentId()).name.lower()
        _prepare(page, name, work)
        ready = _wait(app, page.isComplete, 30)
        _wait(app, lambda: False, 0.3)  # let late text settle before the picture
        wizard.grab().save(str(folder / f"{number:02d}-{name}.png"))
        if texts is not None:
            texts[name] = visible_texts(wizard)
        seen.append(name)
        for box in [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox)]:
            print(f"  {demo}: a dialog was open: {box.text()}")
            box.close()
        if not ready:
            why = getattr(page, "why_not", None)
            print(f"  {demo}: stopped on {name}: {why.text() if why else '?'}")
            break
        if wizard.currentId() == int(Page.DONE):
            break
        wizard.next()
    wizard.close()
    return seen


def _prepare(page: object, name: str, work: Path) -> None:
    """What a person does on each page before pressing Next."""
    if name == "lose":
        from PySide6.QtWidgets import QApplication

        _wait(QApplication.instance(), lambda: page.session.backup_plan is not None, 15)
        for box in page.confirms.values():
            box.setChecked(True)
        docs = work / "Documents"
        if not docs.exists():
            docs.mkdir()
            (docs / "letter.txt").write_text("Dear friend,\n")
            for index in range(3):  # large enough to be copied in chunks and hashed on lanes
                (docs / f"IMG_{index}.jpg").write_bytes(os.urandom(3 * 1024 * 1024 + index))
        page._add_folder_box("Documents", str(docs), True)
    if name == "uninstall":
        from PySide6.QtWidgets import QApplication

        _wait(QApplication.instance(), lambda: page.session.uninstall_plan is not None, 15)
        if page.accept.isVisibleTo(page):  # nothing would protect: the person accepts it
            page.accept.setChecked(True)
    if name == "choose":
        from PySide6.QtWidgets import QApplication

        _wait(QApplication.instance(), lambda: bool(page.group.buttons()), 15)
        if not page.isComplete() and page.group.buttons():
            page.group.buttons()[0].setChecked(True)
    if name == "ready":
        from PySide6.QtWidgets import QApplication

        _wait(QApplication.instance(), lambda: page.guide is not None, 15)
        if page.have_it.isVisibleTo(page):
            page.have_it.setChecked(True)  # rather than opening a browser


def _dark() -> None:
    """A dark scheme as a user's desktop would set it: the app must follow the palette."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#e6e6e6"),
                         (roles.Base, "#1e1e1e"), (roles.AlternateBase, "#2b2b2b"),
                         (roles.Text, "#e6e6e6"), (roles.Button, "#3a3a3a"),
                         (roles.ButtonText, "#e6e6e6"), (roles.Highlight, "#3d6fb4"),
                         (roles.HighlightedText, "#ffffff"), (roles.Link, "#8ab4f8"),
                         (roles.ToolTipBase, "#3a3a3a"), (roles.ToolTipText, "#e6e6e6")):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)


def main() -> int:
    from core.machine.demo import list_demos

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="folder for the screenshots")
    parser.add_argument("--size", default="980x690", help="window size, e.g. 1366x768")
    parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    parser.add_argument("--scale", default="", help="QT_SCALE_FACTOR, e.g. 2")
    parser.add_argument("--texts", help="also write every page's visible texts to this "
                        "JSON file (the language test reads it)")
    parser.add_argument("demos", nargs="*", help="demo names (default: all)")
    args = parser.parse_args()
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    if args.dark:
        _dark()
    width, height = (int(n) for n in args.size.split("x"))
    demos = args.demos or [d.name for d in list_demos()]
    collected: dict[str, dict[str, list[str]]] = {}
    for demo in demos:
        collected[demo] = {}
        seen = walk(demo, Path(args.out), (width, height), collected[demo])
        print(f"{demo}: {' → '.join(seen)}")
    if args.texts:
        import json

        Path(args.texts).write_text(json.dumps(collected, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
