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

    def age_months(self, today: _Day) -> int:
        """Whole months from the result's month to today's: computed, never stored, so a
        catalog cannot carry an "old" flag that goes stale as time passes."""
        return _months_between(self.date, today)

    def is_old(self, today: _Day) -> bool:
        return self.age_months(today) > OLD_AFTER_MONTHS


@dataclass(frozen=True)
class PrivacyNote:
    note: str
    kind: str  # regulatory | concern | info | none-found
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Price:
    plan: str
    usd_per_year: float | None
    price_text: str
    devices: str
    source_date: str
    sources: tuple[str, ...]


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


def _semantic_problems(doc: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    defined = set(doc["sources"])
    reviewed = date.fromisoformat(doc["reviewed"])
    if date.fromisoformat(doc["expires"]) <= reviewed:
        problems.append("expires is not after reviewed")
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
                           p["source_date"], tuple(p["sources"])) for p in raw["prices"]),
        features={k: _fact(v) for k, v in raw["features"].items()},
        labs=tuple(LabResult(lab["lab"], lab["test"], lab["date"], lab["result"],
                             lab.get("award"), lab.get("secondary", False),
                             tuple(lab["sources"])) for lab in raw["lab_results"]),
        privacy=tuple(PrivacyNote(n["note"], n["kind"], tuple(n["sources"]))
                      for n in raw["privacy_record"]),
        disables_defender=_fact(raw["disables_defender"]),
        download_url=raw["download_url"], winget=packages.get("winget"),
        homebrew=packages.get("homebrew"), homebrew_kind=packages.get("homebrew_kind"),
        sources=tuple(raw["sources"]))


def catalog_from_doc(doc: dict[str, Any]) -> Catalog:
    return Catalog(
        version=doc["version"], reviewed=doc["reviewed"], expires=doc["expires"],
        policy=doc["policy"],
        sources={k: Source(k, v["title"], v["url"], v["date"]) for k, v in doc["sources"].items()},
        products=tuple(_product(p) for p in doc["products"]))


def parse_catalog(data: bytes) -> Catalog:
    return catalog_from_doc(validate_catalog(data))
