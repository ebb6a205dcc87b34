"""What the ban means for this user: sourced texts chosen by region, date and machine.

The words live in `resources/texts/ban.json` (each section with its sources, confidence
and the conditions under which it applies); this module only decides which sections
apply and fills in the few facts about this machine (product, definitions date and age).
Region comes from `--region`, else the snapshot's country, else its time zone, else its
locale, and the answer says which. The period turns on the US dates: new sales stopped at
00:00 EDT on 20 July 2024 and updates at 00:00 EDT on 29 September 2024.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.detect.audience import is_business
from core.detect.detection import DetectionResult
from core.detect.findings import DetectedProduct
from core.errors import BadInput, ResourceError
from core.language.dates import dates_in_text, long_date
from core.language.texts import localized
from core.language.translate import current, mark, tr
from core.machine.snapshot import SystemSnapshot
from core.resources import load_json_resource

SALES_BAN = date(2024, 7, 20)
UPDATE_CUTOFF = date(2024, 9, 29)
REGIONS = ("us-home", "us-business", "de", "it", "gb", "ca", "au", "eu-other", "other")
PERIODS = ("before-sales-ban", "sales-banned", "updates-banned")
CONDITIONS = ("kaspersky-found", "no-kaspersky", "definitions-known", "component:vpn",
              "component:password-manager", "component:parental-control", "ultraav-present",
              "ultraav-without-kaspersky", "business-product")
PLACEHOLDERS = ("product", "definitions_date", "definitions_age_days", "today",
                "days_since_update_cutoff", "country")
KINDS = ("law", "advice", "fact", "kaspersky-position", "personal", "action")
EU_OTHER = frozenset(("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "GR", "HU",
                     "IE", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES",
                     "SE"))
COUNTRY_NAMES = {
    "US": mark("the United States"),
    "DE": mark("Germany"),
    "IT": mark("Italy"),
    "GB": mark("the United Kingdom"),
    "CA": mark("Canada"),
    "AU": mark("Australia"),
    "AT": mark("Austria"),
    "BE": mark("Belgium"),
    "BG": mark("Bulgaria"),
    "HR": mark("Croatia"),
    "CY": mark("Cyprus"),
    "CZ": mark("Czechia"),
    "DK": mark("Denmark"),
    "EE": mark("Estonia"),
    "FI": mark("Finland"),
    "FR": mark("France"),
    "GR": mark("Greece"),
    "HU": mark("Hungary"),
    "IE": mark("Ireland"),
    "LT": mark("Lithuania"),
    "LU": mark("Luxembourg"),
    "LV": mark("Latvia"),
    "MT": mark("Malta"),
    "NL": mark("the Netherlands"),
    "PL": mark("Poland"),
    "PT": mark("Portugal"),
    "RO": mark("Romania"),
    "SK": mark("Slovakia"),
    "SI": mark("Slovenia"),
    "ES": mark("Spain"),
    "SE": mark("Sweden"),
    "UA": mark("Ukraine"),
    "CH": mark("Switzerland"),
    "NO": mark("Norway"),
    "JP": mark("Japan"),
    "IN": mark("India"),
    "NZ": mark("New Zealand"),
}
# Time zones that name one country unambiguously (the common ones; others fall to locale).
_TZ_PREFIXES = (("America/Indiana/", "US"), ("America/Kentucky/", "US"),
                ("America/North_Dakota/", "US"), ("Australia/", "AU"))
_TZ = {
    **dict.fromkeys(("America/New_York", "America/Chicago", "America/Denver",
                     "America/Los_Angeles", "America/Phoenix", "America/Anchorage",
                     "America/Detroit", "America/Boise", "Pacific/Honolulu",
                     "America/Juneau", "America/Adak"), "US"),
    **dict.fromkeys(("America/Toronto", "America/Vancouver", "America/Edmonton",
                     "America/Winnipeg", "America/Halifax", "America/St_Johns",
                     "America/Regina", "America/Moncton"), "CA"),
    "Europe/Berlin": "DE", "Europe/Rome": "IT", "Europe/London": "GB", "Europe/Paris": "FR",
    "Europe/Madrid": "ES", "Europe/Amsterdam": "NL", "Europe/Brussels": "BE",
    "Europe/Vienna": "AT", "Europe/Warsaw": "PL", "Europe/Prague": "CZ",
    "Europe/Stockholm": "SE", "Europe/Copenhagen": "DK", "Europe/Helsinki": "FI",
    "Europe/Lisbon": "PT", "Europe/Athens": "GR", "Europe/Dublin": "IE",
    "Europe/Budapest": "HU", "Europe/Bucharest": "RO", "Europe/Sofia": "BG",
    "Europe/Zagreb": "HR", "Europe/Bratislava": "SK", "Europe/Ljubljana": "SI",
    "Europe/Vilnius": "LT", "Europe/Riga": "LV", "Europe/Tallinn": "EE",
    "Europe/Luxembourg": "LU", "Europe/Malta": "MT", "Asia/Nicosia": "CY",
    "Europe/Kyiv": "UA", "Europe/Kiev": "UA", "Europe/Zurich": "CH", "Europe/Oslo": "NO",
    "Asia/Tokyo": "JP", "Asia/Kolkata": "IN", "Pacific/Auckland": "NZ",
}
@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    url: str
    date: str
    kind: str = "primary"           # primary | news | analysis
    archived_copy: str | None = None  # shown only as a second link, labelled as a copy


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    body: str
    kind: str
    confidence: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Explanation:
    region: str
    country: str | None
    region_from: str
    audience: str
    period: str
    on: date
    sections: tuple[Section, ...]
    reviewed: str


def period_on(day: date) -> str:
    """Dates are whole days: both bans took effect at 00:00 EDT on their day."""
    if day < SALES_BAN:
        return "before-sales-ban"
    if day < UPDATE_CUTOFF:
        return "sales-banned"
    return "updates-banned"


def country_of(snapshot: SystemSnapshot | None) -> tuple[str | None, str]:
    """The user's country and how it was found (shown to the user, who can correct it)."""
    if snapshot is None:
        return None, tr("unknown")
    if snapshot.os.country:
        return snapshot.os.country.upper(), tr("the computer's country setting")
    zone = snapshot.os.timezone or ""
    found = _TZ.get(zone) or next((c for p, c in _TZ_PREFIXES if zone.startswith(p)), None)
    if found:
        return found, tr("the time zone {zone}").format(zone=zone)
    # The language setting is not evidence of a country (en_US is the default on servers
    # everywhere): without a country or a telling time zone the user is asked instead.
    return None, tr("nothing on this computer (choose yours with --region)")


def region_for(country: str | None, business: bool) -> str:
    if country == "US":
        return "us-business" if business else "us-home"
    if country in ("DE", "IT", "GB", "CA", "AU"):
        return country.lower()
    if country in EU_OTHER:
        return "eu-other"
    return "other"


def _main_product(detection: DetectionResult) -> DetectedProduct | None:
    ranked = sorted(detection.products, key=lambda p: (p.category != "suite",
                                                       p.category != "business",
                                                       p.definitions_date is None))
    return ranked[0] if ranked else None


def _conditions(detection: DetectionResult | None, main: DetectedProduct | None,
                age: int | None) -> set[str]:
    found: set[str] = set()
    products = detection.products if detection else ()
    found.add("kaspersky-found" if products else "no-kaspersky")
    if main is not None and age is not None:
        found.add("definitions-known")
    for product in products:
        for component in product.components:
            found.add(f"component:{component}")
    if detection is not None and any(o.id in ("ultraav", "ultravpn") for o in detection.others):
        found.add("ultraav-present")
        if not products:
            found.add("ultraav-without-kaspersky")
    if is_business(detection):
        found.add("business-product")
    return found


def load_texts() -> dict[str, Any]:
    """The bundled texts, checked so that a bad edit fails loudly, not in front of a user."""
    data = load_json_resource("texts", "ban.json")
    if not isinstance(data, dict) or data.get("format") != "switchover-ban-texts":
        raise ResourceError("texts/ban.json is not Switchover's ban texts.")
    sources = data.get("sources", {})
    for section in data.get("sections", []):
        sid = section.get("id", "?")
        when = section.get("when", {})
        problems = [
            f"kind {section.get('kind')!r}" if section.get("kind") not in KINDS else "",
            "no sources" if not section.get("sources") else "",
            *(f"undefined source {s}" for s in section.get("sources", []) if s not in sources),
            *(f"region {r}" for r in when.get("regions", []) if r not in (*REGIONS, "*")),
            *(f"period {p}" for p in when.get("periods", []) if p not in (*PERIODS, "*")),
            *(f"condition {c}" for c in when.get("requires", []) if c not in CONDITIONS),
            *(f"placeholder {{{p}}}" for p in re.findall(r"\{(\w+)\}", section.get("body", ""))
              if p not in PLACEHOLDERS),
        ]
        problems = [p for p in problems if p]
        if problems:
            raise ResourceError(f"texts/ban.json section {sid}: {problems[0]}.")
    return localized("ban", data, current().language, ("sections",))


def explain(snapshot: SystemSnapshot | None, detection: DetectionResult | None, on: date,
            region: str | None = None, audience: str | None = None) -> Explanation:
    """The sections that apply to this user on this date, filled in and sourced."""
    texts = load_texts()
    country, region_from = country_of(snapshot)
    if region:
        code = {"uk": "GB", "eu": "eu-other", "usa": "US"}.get(region.strip().casefold(),
                                                              region.strip())
        if code.lower() in REGIONS:
            resolved = code.lower()
            country = "US" if resolved.startswith("us-") else (
                code.upper() if len(code) == 2 else None)
        elif re.fullmatch(r"[A-Za-z]{2}", code):
            country, resolved = code.upper(), ""
        else:
            raise BadInput(tr("--region takes a two-letter country code such as US or DE, "
                              "or one of: {regions}.").format(regions=", ".join(REGIONS)))
        region_from = tr("your choice (--region)")
    else:
        resolved = ""
    business = audience == "business" if audience else is_business(detection)
    if not resolved:
        resolved = region_for(country, business)
    period = period_on(on)
    main = _main_product(detection) if detection else None
    # The scan's own count (as of when the machine was looked at): one number for the same
    # thing on every page and in every command, never recomputed here from another date.
    age = main.definitions_age_days if main is not None else None
    conditions = _conditions(detection, main, age)
    values = {
        "product": " ".join(x for x in (main.name, main.version) if x) if main else "",
        "definitions_date": long_date(main.definitions_date.date())
        if main and main.definitions_date else "",
        "definitions_age_days": str(age) if age is not None else "",
        "today": long_date(on),
        "days_since_update_cutoff": str(max(0, (on - UPDATE_CUTOFF).days)),
        "country": tr(COUNTRY_NAMES[country]) if country in COUNTRY_NAMES
        else country or tr("your country"),
    }
    sources = texts["sources"]
    chosen = []
    for raw in texts["sections"]:
        when = raw["when"]
        if "*" not in when["regions"] and resolved not in when["regions"]:
            continue
        if "*" not in when["periods"] and period not in when["periods"]:
            continue
        if not set(when.get("requires", [])) <= conditions:
            continue
        if raw.get("from") and on < date.fromisoformat(raw["from"]):
            continue  # an event after the date asked about is not told as past
        if raw.get("until") and on > date.fromisoformat(raw["until"]):
            continue  # superseded by a later section
        body = dates_in_text(re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], raw["body"]))
        refs = tuple(SourceRef(s, sources[s]["title"], sources[s]["url"], sources[s]["date"],
                               sources[s].get("kind", "primary"),
                               (sources[s].get("archived_copy") or {}).get("url"))
                     for s in raw["sources"])
        chosen.append(Section(raw["id"], raw["title"], body, raw["kind"], raw["confidence"],
                              refs))
    order = {"law": 0, "personal": 1, "advice": 2, "fact": 3, "kaspersky-position": 4,
             "action": 5}
    chosen.sort(key=lambda s: order[s.kind])
    return Explanation(resolved, country, region_from,
                       "business" if resolved == "us-business" or business else "home",
                       period, on, tuple(chosen), str(texts.get("reviewed", "")))
