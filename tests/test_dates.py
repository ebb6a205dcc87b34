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
