"""Dates as a person reads them, in their language and region's order; never ISO."""

from __future__ import annotations

from datetime import date

import pytest

from core.language.choice import Locale, from_environment
from core.language.dates import dates_in_text, long_date

DAY = date(2026, 12, 1)


@pytest.mark.parametrize(("locale", "shown"), [
    (Locale("en", "US"), "December 1, 2026"), (Locale("en", "CA"), "December 1, 2026"),
    (Locale("en", "GB"), "1 December 2026"), (Locale("en"), "1 December 2026"),
    (Locale("de", "DE"), "1. Dezember 2026"), (Locale("de", "AT"), "1. Dezember 2026"),
    (Locale("es", "ES"), "1 de diciembre de 2026"), (Locale("es", "US"), "1 de diciembre de 2026")])
def test_the_language_and_order_follow_the_locale(locale: Locale, shown: str) -> None:
    assert long_date(DAY, locale) == shown


def test_an_iso_timestamp_is_written_in_words() -> None:
    assert long_date("2026-11-24T10:00:00+00:00", Locale("en", "GB")) == "24 November 2026"
    assert long_date("2026-03-04T10:00:00+00:00", Locale("de")) == "4. März 2026"


def test_the_locale_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert from_environment() == Locale("en", "US") and long_date(DAY) == "December 1, 2026"
    monkeypatch.setenv("LC_ALL", "de_AT.UTF-8")
    assert long_date(DAY) == "1. Dezember 2026"
    monkeypatch.delenv("LC_ALL")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")  # not spoken: English, in Canada's order
    assert long_date(DAY) == "December 1, 2026"


def test_dates_inside_english_sentences_follow_the_same_order() -> None:
    text = "Since 29 September 2024 no updates; the BSI warned on 15 March 2022."
    assert dates_in_text(text, Locale("en", "US")) == (
        "Since September 29, 2024 no updates; the BSI warned on March 15, 2022.")
    assert dates_in_text(text, Locale("en", "GB")) == text


def test_a_us_reader_sees_one_date_order_on_the_ban_page(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from core.ban.explain import explain
    from core.detect.detection import detect
    from core.machine.demo import load_demo

    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    snapshot = load_demo("windows-total-security")
    result = explain(snapshot, detect(snapshot), DAY, None)
    bodies = " ".join(s.body for s in result.sections)
    assert "September 29, 2024" in bodies and "29 September 2024" not in bodies
