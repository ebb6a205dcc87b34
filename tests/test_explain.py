"""What the ban means for each kind of user, on each side of the two US dates."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from core.ban.explain import REGIONS, explain, load_texts, period_on
from core.detect.detection import detect
from core.errors import ResourceError
from core.machine.demo import load_demo

AFTER = date(2026, 11, 24)
DATES = {"before-sales-ban": date(2024, 6, 1), "sales-banned": date(2024, 8, 15),
         "updates-banned": AFTER}
REGION_CODES = {"us-home": "US", "us-business": "us-business", "de": "DE", "it": "IT",
                "gb": "GB", "ca": "CA", "au": "AU", "eu-other": "FR", "other": "JP"}


def _explain(demo: str, on: date = AFTER, region: str | None = None):
    snapshot = load_demo(demo)
    return explain(snapshot, detect(snapshot), on, region)


def _ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.id for s in result.sections]


@pytest.mark.parametrize(("day", "period"), [
    (date(2024, 7, 19), "before-sales-ban"), (date(2024, 7, 20), "sales-banned"),
    (date(2024, 9, 28), "sales-banned"), (date(2024, 9, 29), "updates-banned")])
def test_the_periods_turn_on_the_us_dates(day: date, period: str) -> None:
    assert period_on(day) == period


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("period", list(DATES))
def test_every_region_and_period_says_what_the_rules_are_with_sources(region: str,
                                                                      period: str) -> None:
    result = _explain("windows-clean-defender", DATES[period], REGION_CODES[region])
    assert result.region == region and result.period == period
    kinds = [s.kind for s in result.sections]
    assert len(result.sections) >= 3
    assert "law" in kinds or "advice" in kinds
    assert "kaspersky-position" in kinds, "Kaspersky's own view is always stated"
    for section in result.sections:
        assert section.sources and all(r.url.startswith("https://") for r in section.sources)
        assert not re.search(r"\{\w+\}", section.body), section.id


def test_a_us_home_user_after_the_cutoff_hears_it_is_legal_but_unprotected() -> None:
    result = _explain("windows-total-security")
    assert result.region == "us-home" and result.region_from == "the computer's country setting"
    law = result.sections[0]
    assert law.kind == "law" and "not face legal penalties" in law.body
    personal = next(s for s in result.sections if s.id == "personal-definitions-us-updates-banned")
    assert "Kaspersky Total Security 21.3.10.391" in personal.body
    # The scan's own count, the number the Scan page shows for the same machine.
    assert "28 September 2024, 783 days ago" in personal.body
    assert "personal-password-manager" in _ids(result)


def test_before_the_sales_ban_nothing_is_said_to_have_happened_yet() -> None:
    result = _explain("windows-total-security", date(2024, 6, 1))
    bodies = " ".join(s.body for s in result.sections)
    assert "from 20 July 2024" in bodies
    assert "days ago" not in bodies or "definitions" in bodies
    assert "personal-definitions-us-updates-banned" not in _ids(result)


def test_a_business_with_endpoint_security_hears_what_sellers_and_integrators_may_not_do(
        ) -> None:
    result = _explain("windows-endpoint-security")
    assert result.region == "us-business" and result.audience == "business"
    bodies = " ".join(s.body for s in result.sections).lower()
    assert "resell" in bodies or "resale" in bodies


def test_germany_gets_the_bsi_warning_as_advice_not_law() -> None:
    result = _explain("windows-kaspersky-plus-vpn")
    assert result.region == "de"
    bsi = next(s for s in result.sections if s.id == "de-bsi-warning")
    assert "advice, not a prohibition" in bsi.body
    assert "personal-vpn" in _ids(result)


def test_ultraav_without_kaspersky_is_explained_as_the_users_choice() -> None:
    result = _explain("windows-after-ultraav")
    ultra = next(s for s in result.sections if s.id == "personal-ultraav")
    assert "Pango" in ultra.body and "your choice" in ultra.body
    assert "personal-no-kaspersky" in _ids(result)


def test_region_falls_back_to_time_zone_but_never_to_the_language(tmp_path: Path) -> None:
    snapshot = load_demo("linux-kesl")._replace(
        os=load_demo("linux-kesl").os._replace(country=None))
    result = explain(snapshot, detect(snapshot), AFTER)
    assert result.region == "it" and "time zone Europe/Rome" in result.region_from
    server = snapshot._replace(os=snapshot.os._replace(timezone="Etc/UTC", locale="en_US"))
    unknown = explain(server, detect(server), AFTER)
    assert unknown.region == "other" and "--region" in unknown.region_from


@pytest.mark.parametrize(("code", "region"), [("uk", "gb"), ("EU", "eu-other"), ("us", "us-home")])
def test_everyday_region_codes_are_understood(code: str, region: str) -> None:
    assert _explain("windows-clean-defender", AFTER, code).region == region


def test_later_events_are_not_told_before_they_happened() -> None:
    early = _explain("windows-clean-defender", date(2024, 10, 15), "AU")
    assert "au-government-systems" not in _ids(early) and "au-no-ban" in _ids(early)
    later = _explain("windows-clean-defender", date(2025, 6, 1), "AU")
    assert "au-government-systems" in _ids(later) and "au-no-ban" not in _ids(later)


def test_cli_json_gives_sections_with_sources_and_region_override() -> None:
    done = run_cli("explain", "--demo", "windows-total-security", "--region", "DE", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["region"] == "de" and data["region_from"] == "your choice (--region)"
    first = data["sections"][0]
    assert set(first) >= {"id", "title", "body", "sources"}
    assert first["sources"][0]["url"].startswith("https://")


def test_cli_text_numbers_its_sources_and_lists_them() -> None:
    done = run_cli("explain", "--demo", "macos-kaspersky", "--date", "2024-08-01")
    assert done.returncode == 0, done.stderr
    assert "United Kingdom, 1 August 2024" in done.stdout
    assert "[1]" in done.stdout and "\nSources\n" in done.stdout


@pytest.mark.parametrize(("args", "says"), [
    (["--date", "29/09/2024"], "--date takes a date"),
    (["--region", "Narnia"], "--region takes"),
])
def test_bad_date_or_region_is_one_sentence(args: list[str], says: str) -> None:
    done = run_cli("explain", "--demo", "windows-total-security", *args)
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr


def test_a_bad_edit_of_the_texts_is_caught(edit_resource) -> None:  # type: ignore[no-untyped-def]
    def add_placeholder(data: dict) -> None:  # type: ignore[type-arg]
        data["sections"][0]["body"] += " {secret_placeholder}"

    edit_resource("texts/ban.json", add_placeholder)
    with pytest.raises(ResourceError, match="placeholder"):
        load_texts()
