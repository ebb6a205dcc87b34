"""Spanish and German everywhere: complete translations, the reader's language in every command."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT, run_cli

from core.language.choice import Locale, choose, parse
from core.language.numbers import number, size
from core.language.pseudo import pseudo
from core.language.texts import translation_of, translation_problems

TEXTS = {"ban": ("sections",), "backup": ("items", "licence_note", "notes", "description")}


def _english(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((ROOT / "resources" / "texts" / f"{name}.json").read_text("utf-8"))


@pytest.mark.parametrize("language", ["de", "es"])
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_each_text_is_translated_whole_with_the_same_sources(name: str, language: str) -> None:
    translated = translation_of(name, language)
    assert translated is not None
    assert translation_problems(_english(name), translated, TEXTS[name]) == []


def test_a_translation_that_drops_changes_or_re_sources_a_text_is_caught() -> None:
    english = _english("ban")
    good = translation_of("ban", "de")
    assert good is not None
    first, second = english["sections"][0]["id"], english["sections"][1]["id"]
    broken = copy.deepcopy(good)
    del broken["sections"][first]
    broken["sections"][second]["sources"] = ["S1"]
    placeholder = next(s for s in english["sections"] if "{" in s["body"])
    broken["sections"][placeholder["id"]]["body"] = "Kein Platzhalter mehr."
    problems = translation_problems(english, broken, TEXTS["ban"])
    assert any(first in p and "not translated" in p for p in problems)
    assert any(second in p and "other sources" in p for p in problems)
    assert any(placeholder["id"] in p and "placeholders" in p for p in problems)
    stale = dict(good, english_reviewed="2020-01-01")
    assert any("made from the English of 2020-01-01" in p
               for p in translation_problems(english, stale, TEXTS["ban"]))


def test_the_sentence_catalogs_are_complete_and_compiled() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "i18n.py"), "check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.parametrize(("tag", "expected"), [
    ("de_DE.UTF-8", Locale("de", "DE")), ("es-MX", Locale("es", "MX")),
    ("en_US", Locale("en", "US")), ("fr_CA.UTF-8", Locale("en", "CA")), ("C", None),
    ("POSIX", None), ("qps", Locale("qps"))])
def test_a_locale_is_read_from_any_common_spelling(tag: str, expected: Locale | None) -> None:
    assert parse(tag) == expected


def test_lang_overrides_the_environment_and_unknown_languages_are_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.errors import BadInput

    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert choose("de") == Locale("de", "US")  # the region stays the environment's
    assert choose(None) == Locale("en", "US")
    with pytest.raises(BadInput, match="English, German and Spanish"):
        choose("fr")
    done = run_cli("--lang", "klingon", "detect", "--demo", "linux-kesl")
    assert done.returncode == 2 and "--lang en, de or es" in done.stderr


def test_numbers_and_sizes_use_the_languages_separators() -> None:
    assert number(1234567.5, 1, Locale("en")) == "1,234,567.5"
    assert number(1234567.5, 1, Locale("de")) == "1.234.567,5"
    assert number(1234, 0, Locale("es")) == "1234" and number(12345, 0, Locale("es")) == "12.345"
    assert size(1_500_000_000, Locale("de")) == "1,5 GB"
    assert size(1_500_000_000, Locale("en")) == "1.5 GB"


def test_the_pseudo_language_keeps_placeholders_and_markup() -> None:
    shown = pseudo("Back up {count} files to <b>{where}</b> &amp; check %n")
    assert "{count}" in shown and "{where}" in shown and "<b>" in shown and "&amp;" in shown
    assert "%n" in shown and shown.startswith("[") and "~" in shown
    assert len(shown) >= len("Back up {count} files to <b>{where}</b> &amp; check %n") * 1.4


# English words that never belong in a German or Spanish sentence (product names, agency
# names, source titles and URLs are allowed: they are checked only outside the source list).
# ("was", "will", "Updates" and "Not" are German words too, so they are not on the list.)
_ENGLISH = re.compile(r"\b(the|and|your|you|is|are|with|this|from|have|has|for|which|"
                      r"that|were|found|before|after|should|would|could)\b")


# Proper nouns that hold English words: the catalog's product names and these.
_PROPER = ("Center for Democracy & Technology",)


def _proper_nouns() -> list[str]:
    catalog = json.loads((ROOT / "resources" / "catalog" / "catalog.json").read_text("utf-8"))
    names = [p["name"] for p in catalog["products"]] + [p["full_name"]
                                                         for p in catalog["products"]]
    return sorted({*names, *_PROPER}, key=len, reverse=True)


def _english_left(output: str) -> list[str]:
    left = []
    proper = _proper_nouns()
    for line in output.splitlines():
        if re.match(r"\s*\[\d+\]", line) or "http" in line:
            continue  # a source: the publisher's own title, in the publisher's language
        for name in proper:
            line = line.replace(name, "")
        # Kaspersky's own menu names, quoted as its English interface shows them.
        line = re.sub(r"«[^»]*»|„[^“]*“|\"[^\"]*\"", "", line)
        if _ENGLISH.search(line.casefold()):
            left.append(line)
    return left


@pytest.mark.parametrize("language", ["de", "es"])
@pytest.mark.parametrize("command", [
    ("explain", "--demo", "windows-total-security"),
    ("explain", "--demo", "windows-kaspersky-plus-vpn"),
    ("detect", "--demo", "windows-total-security"),
    ("recommend", "--demo", "windows-total-security")])
def test_no_english_is_left_in_the_german_and_spanish_commands(language: str,
                                                                command: tuple[str, ...]
                                                                ) -> None:
    done = run_cli(*command, env={"LANG": f"{language}_{language.upper()}.UTF-8",
                                  "LC_ALL": ""})
    assert done.returncode in (0, 10), done.stderr
    assert _english_left(done.stdout) == []


@pytest.mark.parametrize(("language", "demo"), [("de", "windows-kaspersky-plus-vpn"),
                                                ("es", "windows-total-security")])
def test_every_wizard_page_reads_in_the_language_to_the_end(tmp_path, language: str,  # type: ignore[no-untyped-def]
                                                            demo: str) -> None:
    """The wizard walked to the report as a person would, every visible text of every
    page read back: none may be English (product names and sources' titles allowed)."""
    out = tmp_path / "texts.json"
    env = {**os.environ, "LANG": f"{language}_{language.upper()}.UTF-8", "LC_ALL": "",
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "walk_wizard.py"), "--out",
                           str(tmp_path / "shots"), "--texts", str(out), demo],
                          env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    pages = json.loads(out.read_text("utf-8"))[demo]
    assert "done" in pages, done.stdout
    left = {page: _english_left("\n".join(texts)) for page, texts in pages.items()}
    assert {page: lines for page, lines in left.items() if lines} == {}


SWITCH = """
import sys, time
from PySide6.QtWidgets import QApplication, QWizard
from gui import app as gui_app
from gui.session import Session

qt = QApplication(sys.argv[:1])
wizard = gui_app.show_wizard(Session(demo="windows-total-security", demo_title="demo"))
def wait(until):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not until():
        qt.processEvents(); time.sleep(0.02)
    return until()
welcome = wizard.currentPage()
assert wait(lambda: welcome.language.isEnabled()), "the switch never became available"
before = wizard.button(QWizard.WizardButton.NextButton).text()
welcome.language.setCurrentIndex(welcome.language.findData("de"))
assert wait(lambda: gui_app._windows and gui_app._windows[0] is not wizard)
new = gui_app._windows[0]
print(before, "|", new.button(QWizard.WizardButton.NextButton).text(), "|",
      new.currentPage().title())
"""


def test_the_language_switch_on_welcome_rebuilds_the_window_in_that_language() -> None:
    env = {**os.environ, "LANG": "en_GB.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SWITCH], env=env, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    before, after, title = (part.strip() for part in done.stdout.strip().split("|"))
    assert before == "&Next >" and after == "&Weiter >" and title == "Willkommen bei Switchover"


def test_without_the_machines_country_the_readers_region_decides_the_paper(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.migration.report import paper_size

    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")
    assert paper_size(None) == "Letter" and paper_size("ES") == "A4"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert paper_size(None) == "A4" and paper_size("US") == "Letter"
