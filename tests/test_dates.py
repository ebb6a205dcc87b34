"""Dates as a person reads them, in their locale's order; never ISO in a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from core.dates import long_date, user_locale

DAY = date(2026, 12, 1)


@pytest.mark.parametrize(("locale", "shown"), [
    ("en_US", "December 1, 2026"), ("en_CA", "December 1, 2026"),
    ("en_GB", "1 December 2026"), ("de_DE", "1 December 2026"), ("", "1 December 2026")])
def test_the_order_follows_the_locale(locale: str, shown: str) -> None:
    assert long_date(DAY, locale) == shown


def test_an_iso_timestamp_is_written_in_words() -> None:
    assert long_date("2026-11-24T10:00:00+00:00", "en_GB") == "24 November 2026"


def test_the_locale_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert user_locale() == "en_US" and long_date(DAY) == "December 1, 2026"
    monkeypatch.delenv("LC_ALL")
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    assert long_date(DAY) == "1 December 2026"


def test_dates_inside_sentences_follow_the_same_order() -> None:
    from core.dates import dates_in_text

    text = "Since 29 September 2024 no updates; the BSI warned on 15 March 2022."
    assert dates_in_text(text, "en_US") == ("Since September 29, 2024 no updates; the BSI "
                                            "warned on March 15, 2022.")
    assert dates_in_text(text, "en_GB") == text


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
