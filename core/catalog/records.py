"""The catalog of alternatives: validated data with sources, as typed records.

The same checks run on the bundled catalog, a cached one and a downloaded update: the
JSON Schema in `resources/catalog/catalog.schema.json`, then what a schema cannot say:
every cited source id is defined, every product cites sources, a lab result older than
24 months (counted from the catalog's review date) is marked `old`, and no link carries a
query string (where affiliate and tracking codes hide). A catalog that fails is never
shown; the caller keeps the one it had.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.errors import SwitchoverError
from core.resources import load_json_resource

OLD_AFTER_MONTHS = 24


class CatalogInvalid(SwitchoverError):
    """A catalog file failed validation; the message names the first problem."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    date: str


@dataclass(frozen=True)
class Fact:
    value: str  # yes | no | unconfirmed (n/a for disables_defender)
    note: str
    sources: tuple[str, ...]


_Day = date  # the field `date` below shadows the type inside the class


@dataclass(frozen=True)
class LabResult:
    lab: str
    test: str
    date: str
    result: str
    award: str | None
    secondary: bool
    sources: tuple[str, ...]
    platform: str = "windows"  # what the lab tested: an award counts only there

    def age_months(self, today: _Day) -> int:
        """Whole months from the result's month to today's: computed, never stored, so a
        catalog cannot carry an "old" flag that goes stale as time passes."""
        return _months_between(self.date, today)

    def is_old(self, today: _Day) -> bool:
        return self.age_months(today) > OLD_AFTER_MONTHS


@dataclass(frozen=True)
class PrivacyNote:
    note: str
    kind: str  # regulatory | concern | parent | info | none-found
    sources: tuple[str, ...]
    conduct: str | None = None  # notes about one underlying conduct cost points once


@dataclass(frozen=True)
class Price:
    plan: str
    usd_per_year: float | None
    price_text: str
    devices: str
    source_date: str
    sources: tuple[str, ...]
    first_year: bool = False  # a first-year offer, never shown as the yearly price


@dataclass(frozen=True)
class CatalogProduct:
    id: str
    name: str
    vendor: str
    country_code: str | None
    headquarters: str
    parent: str
    platforms: dict[str, Fact]
    free_tier: Fact
    prices: tuple[Price, ...]
    features: dict[str, Fact]
    labs: tuple[LabResult, ...]
    privacy: tuple[PrivacyNote, ...]
    disables_defender: Fact
    download_url: str
    winget: str | None
    homebrew: str | None
    homebrew_kind: str | None
    sources: tuple[str, ...]
    audiences: tuple[str, ...] = ("home",)
    on_demand_only_on: tuple[str, ...] = ()
    free_for_business: Fact | None = None
    free_platforms: tuple[str, ...] = ()  # where the free tier exists, when not everywhere

    def free_on(self, platforms: tuple[str, ...]) -> bool:
        """A free version on one of `platforms` (Bitdefender's is for Windows only: on a
        Mac it earns no free-tier point and is not "free")."""
        return self.free_tier.value == "yes" and (
            not self.free_platforms or any(p in self.free_platforms for p in platforms))

    def supports(self, platform: str) -> bool:
        fact = self.platforms.get(platform)
        return fact is not None and fact.value == "yes"


@dataclass(frozen=True)
class Catalog:
    version: int
    reviewed: str
    expires: str
    policy: str
    sources: dict[str, Source]
    products: tuple[CatalogProduct, ...]

    def product(self, product_id: str) -> CatalogProduct | None:
        return next((p for p in self.products if p.id == product_id), None)

    def expired_on(self, today: date) -> bool:
        return date.fromisoformat(self.expires) < today


def _months_between(earlier: str, later: date) -> int:
    year = int(earlier[:4])
    month = int(earlier[5:7]) if len(earlier) >= 7 else 1
    return (later.year - year) * 12 + (later.month - month)


def _cited(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                found.extend(str(v) for v in value)
            else:
                found.extend(_cited(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_cited(value))
    return found


# A signed catalog is trusted until it expires: one valid for decades, replayed by a
# hostile server, would freeze users on it. Two years: a yearly review and its slack.
MAX_VALID_DAYS = 731
# A version far above any real one (10^18) would make every later catalog "older" for good.
MAX_VERSION = 1_000_000
# Package ids are passed to winget and Homebrew as arguments: only what ids are made of.
_WINGET_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,100}")
_HOMEBREW_ID = re.compile(r"[a-z0-9][a-z0-9@+._-]{0,100}")
# No string of a catalog may steer a terminal, a page or a command line.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _strings(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{where}[{index}]")


def _safety_problems(doc: dict[str, Any]) -> list[str]:
    problems = [f"{where} holds a control or direction character"
                for where, text in _strings(doc) if _CONTROL.search(text)]
    if not isinstance(doc.get("version"), int) or not 0 < doc["version"] <= MAX_VERSION:
        problems.append(f"its version is not between 1 and {MAX_VERSION}")
    for index, product in enumerate(doc["products"]):
        packages = product.get("packages") or {}
        for key, pattern in (("winget", _WINGET_ID), ("homebrew", _HOMEBREW_ID)):
            value = packages.get(key)
            if value is not None and not pattern.fullmatch(str(value)):
                problems.append(f"products[{index}] ({product['id']}) has a {key} id that "
                                "is not an id")
    return problems


def _semantic_problems(doc: dict[str, Any]) -> list[str]:
    problems: list[str] = _safety_problems(doc)
    defined = set(doc["sources"])
    reviewed = date.fromisoformat(doc["reviewed"])
    expires = date.fromisoformat(doc["expires"])
    if expires <= reviewed:
        problems.append("expires is not after reviewed")
    elif (expires - reviewed).days > MAX_VALID_DAYS:
        problems.append(f"it claims to be valid for {(expires - reviewed).days} days after its "
                        f"review (at most {MAX_VALID_DAYS})")
    seen_ids: set[str] = set()
    for index, product in enumerate(doc["products"]):
        where = f"products[{index}] ({product['id']})"
        if product["id"] in seen_ids:
            problems.append(f"{where} appears twice")
        seen_ids.add(product["id"])
        if not product["sources"]:
            problems.append(f"{where} has no sources")
        undefined = sorted(set(_cited(product)) - defined)
        if undefined:
            problems.append(f"{where} cites undefined sources {', '.join(undefined)}")
        if "?" in product["download_url"]:
            problems.append(f"{where} download_url has a query string (affiliate or "
                            "tracking codes are not allowed)")
    for source_id, source in doc["sources"].items():
        url = source["url"].lower()
        if any(marker in url for marker in ("affiliate", "aff_id", "affid=", "utm_")):
            problems.append(f"source {source_id} has an affiliate or tracking link")
    return problems


def validate_catalog(data: bytes) -> dict[str, Any]:
    """The parsed catalog if it passes every check, else CatalogInvalid naming the problem."""
    import jsonschema

    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogInvalid(f"The catalog is not valid JSON ({exc}).") from None
    schema = load_json_resource("catalog", "catalog.schema.json")
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(doc))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise CatalogInvalid(f"The catalog does not match its schema at {where}: "
                             f"{error.message}.")
    problems = _semantic_problems(doc)
    if problems:
        raise CatalogInvalid(f"The catalog is not acceptable: {problems[0]}.")
    return doc  # type: ignore[no-any-return]


def _fact(raw: dict[str, Any]) -> Fact:
    return Fact(str(raw["value"]), str(raw.get("note", "")), tuple(raw.get("sources", [])))


def _product(raw: dict[str, Any]) -> CatalogProduct:
    packages = raw["packages"]
    return CatalogProduct(
        id=raw["id"], name=raw["name"], vendor=str(raw["vendor"]["value"]),
        country_code=raw["headquarters"]["country_code"],
        headquarters=raw["headquarters"]["text"], parent=str(raw["parent"]["value"]),
        platforms={k: _fact(v) for k, v in raw["platforms"].items()},
        free_tier=_fact(raw["free_tier"]),
        prices=tuple(Price(p["plan"], p["usd_per_year"], p["price_text"], p.get("devices", ""),
                           p["source_date"], tuple(p["sources"]), bool(p.get("first_year")))
                     for p in raw["prices"]),
        features={k: _fact(v) for k, v in raw["features"].items()},
        labs=tuple(LabResult(lab["lab"], lab["test"], lab["date"], lab["result"],
                             lab.get("award"), lab.get("secondary", False),
                             tuple(lab["sources"]), lab.get("platform", "windows"))
                   for lab in raw["lab_results"]),
        privacy=tuple(PrivacyNote(n["note"], n["kind"], tuple(n["sources"]), n.get("conduct"))
                      for n in raw["privacy_record"]),
        disables_defender=_fact(raw["disables_defender"]),
        download_url=raw["download_url"], winget=packages.get("winget"),
        homebrew=packages.get("homebrew"), homebrew_kind=packages.get("homebrew_kind"),
        sources=tuple(raw["sources"]), audiences=tuple(raw.get("audiences", ("home",))),
        on_demand_only_on=tuple(raw.get("on_demand_only_on", ())),
        free_for_business=_fact(raw["free_for_business"]) if "free_for_business" in raw
        else None, free_platforms=tuple(raw.get("free_platforms", ())))


def catalog_from_doc(doc: dict[str, Any]) -> Catalog:
    return Catalog(
        version=doc["version"], reviewed=doc["reviewed"], expires=doc["expires"],
        policy=doc["policy"],
        sources={k: Source(k, v["title"], v["url"], v["date"]) for k, v in doc["sources"].items()},
        products=tuple(_product(p) for p in doc["products"]))


def parse_catalog(data: bytes) -> Catalog:
    return catalog_from_doc(validate_catalog(data))
