"""The translation catalogs: extract, update, compile and check (a build step, not run by the app).

    python packaging/i18n.py extract   # core's sentences → resources/locale/switchover.pot
    python packaging/i18n.py update    # merge the template into each language's .po
    python packaging/i18n.py compile   # .po → .mo, which the app reads
    python packaging/i18n.py qt        # the wizard's .ts from gui/ (lupdate), .qm (lrelease)
    python packaging/i18n.py check     # exit 1 if a .mo or .qm is stale, a sentence is
                                       # untranslated or its placeholders differ

Sentences are marked in core with `tr`, `tr_n` (plural) and `mark` (core/language/
translate.py). The wizard's own labels are Qt's (.ts/.qm in resources/locale/gui,
made with pyside6-lupdate and pyside6-lrelease). Babel does the work; it is a
development dependency only: the app reads the compiled .mo with the standard library.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "switchover.pot"
GUI = LOCALE / "gui"
LANGUAGES = ("de", "es")
KEYWORDS = {"tr": None, "tr_n": (1, 2), "mark": None}
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _po(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "switchover.po"


def extract() -> Catalog:
    catalog = Catalog(project="Switchover", msgid_bugs_address="", charset="utf-8")
    # The wizard's labels are Qt's (self.tr → .ts); only its plurals (tr_n) and what the
    # launcher says before Qt exists (mark, then tr) use core's catalog.
    for folder, keywords in (("core", KEYWORDS), ("gui", {"tr_n": (1, 2), "mark": None})):
        for filename, lineno, message, comments, _context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords=keywords,
                comment_tags=("Translators:",), strip_comment_tags=True):
            catalog.add(message, None, [(f"{folder}/{filename}", lineno)],
                        auto_comments=comments)
    for text, where in catalog_messages():
        catalog.add(text, None, [(where, 0)],
                    auto_comments=["A fact from the product catalog: translate faithfully."])
    return catalog


def catalog_messages() -> list[tuple[str, str]]:
    """The words of the bundled catalog that reach a reader (privacy and parent-company
    notes, real-time protection notes, price plans and their dates), and the demo
    machines' titles. They are looked up
    with tr() when shown; a catalog update's new words show in English until the next
    release translates them."""
    data = json.loads((ROOT / "resources" / "catalog" / "catalog.json").read_text("utf-8"))
    found: list[tuple[str, str]] = []
    for product in data["products"]:
        where = f"resources/catalog/catalog.json#{product['id']}"
        found += [(n["note"], where) for n in product.get("privacy_record", [])]
        realtime = product.get("features", {}).get("realtime", {})
        if realtime.get("note"):
            found.append((realtime["note"], where))
        for price in product.get("prices", []):
            found.append((price["plan"], where))
            if re.search(r"[A-Za-z]", price.get("source_date", "")):
                found.append((price["source_date"], where))
    demos = json.loads((ROOT / "resources" / "demo" / "index.json").read_text("utf-8"))
    found += [(m["title"], "resources/demo/index.json") for m in demos["machines"]]
    return found


def _write_po(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=96, omit_header=False, sort_output=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _read(path: Path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    template = _read(TEMPLATE)
    for language in LANGUAGES:
        path = _po(language)
        if path.exists():
            catalog = _read(path, language)
            catalog.update(template, no_fuzzy_matching=True)
        else:
            catalog = Catalog(locale=language, project="Switchover", charset="utf-8")
            catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write_po(catalog, path)


def compile_all() -> None:
    for language in LANGUAGES:
        _po(language).with_suffix(".mo").write_bytes(_mo_bytes(_read(_po(language), language)))


def problems() -> list[str]:
    found: list[str] = []
    template = {m.id for m in _read(TEMPLATE) if m.id}
    current = {m.id for m in extract() if m.id}
    if template != current:
        found.append(f"switchover.pot is stale ({len(current - template)} new, "
                     f"{len(template - current)} gone): run extract and update")
    for language in LANGUAGES:
        catalog = _read(_po(language), language)
        mo = _po(language).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != _mo_bytes(catalog):
            found.append(f"{language}: the .mo is not compiled from the .po: run compile")
        ids = set()
        for message in catalog:
            if not message.id:
                continue
            ids.add(message.id)
            originals = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            shown = originals[0][:60]
            if not all(strings) or message.fuzzy:
                found.append(f"{language}: not translated: {shown!r}")
                continue
            wanted = set(_PLACEHOLDER.findall(originals[-1]))
            for text in strings:
                if set(_PLACEHOLDER.findall(text)) != wanted:
                    found.append(f"{language}: other placeholders in {shown!r}")
        missing = current - ids
        if missing:
            found.append(f"{language}: {len(missing)} sentences missing: run update")
    return found


def _qt_tool(name: str) -> str | None:
    """pyside6-lupdate / pyside6-lrelease, beside this Python or on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def _sources(ts: Path) -> set[str]:
    root = ElementTree.parse(ts).getroot()
    return {m.findtext("source") or "" for m in root.iter("message")
            if (m.find("translation") is None
                or m.find("translation").get("type") not in ("vanished", "obsolete"))}


def qt_update() -> None:
    """The wizard's catalogs: lupdate from gui/, then lrelease to .qm."""
    lupdate, lrelease = _qt_tool("pyside6-lupdate"), _qt_tool("pyside6-lrelease")
    if lupdate is None or lrelease is None:
        raise SystemExit("pyside6-lupdate and pyside6-lrelease come with PySide6")
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    for language in LANGUAGES:
        ts = GUI / f"switchover_{language}.ts"
        subprocess.run([lupdate, *sources, "-ts", str(ts), "-no-obsolete"], check=True,
                       capture_output=True)
        subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                       capture_output=True)


def qt_problems() -> list[str]:
    """An unfinished wizard message, a .ts behind gui/, or a .qm behind its .ts."""
    found: list[str] = []
    lupdate, lrelease = _qt_tool("pyside6-lupdate"), _qt_tool("pyside6-lrelease")
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    for language in LANGUAGES:
        ts = GUI / f"switchover_{language}.ts"
        unfinished = ts.read_text("utf-8").count('type="unfinished"')
        if unfinished:
            found.append(f"{language}: {unfinished} wizard messages not translated")
        if lupdate is None or lrelease is None:
            continue
        with tempfile.TemporaryDirectory() as work:
            fresh = Path(work) / ts.name
            shutil.copy(ts, fresh)
            subprocess.run([lupdate, *sources, "-ts", str(fresh), "-no-obsolete"],
                           check=True, capture_output=True)
            if _sources(fresh) != _sources(ts):
                found.append(f"{language}: the wizard's .ts is behind gui/: run qt")
            subprocess.run([lrelease, str(ts), "-qm", str(fresh.with_suffix(".qm"))],
                           check=True, capture_output=True)
            if fresh.with_suffix(".qm").read_bytes() != ts.with_suffix(".qm").read_bytes():
                found.append(f"{language}: the wizard's .qm is not compiled from its .ts")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        catalog = extract()
        if TEMPLATE.exists():
            # The same sentences make the same file: keep the date they were first seen.
            previous = _read(TEMPLATE)
            if {m.id for m in previous} == {m.id for m in catalog}:
                catalog.creation_date = previous.creation_date
        _write_po(catalog, TEMPLATE)
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "qt":
        qt_update()
    elif command == "check":
        found = problems() + qt_problems()
        for line in found[:50]:
            print(line)
        if len(found) > 50:
            print(f"… and {len(found) - 50} more")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
