"""Ranked alternatives, each with the reasons for its place, as a pure function.

Neutral by construction: the score is a short, public sum of what the catalog says
(independent lab awards, the features the user needs, a free tier, the privacy and
regulatory record), every point comes with a reason in plain words and its sources, ties
are broken by name, and nothing is paid for. Products that cannot serve the user (wrong
platform, no free version when only free ones are wanted, an excluded country) are listed
apart with the reason rather than silently dropped. On Windows, Microsoft Defender is
always shown as the free built-in option with its trade-offs; on Linux, ClamAV.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core.catalog.records import Catalog, CatalogProduct
from core.catalog.rubric import (
    NeedWords,
    Reason,
    Rubric,
    lab_reasons,
    load_rubric,
    need_reason,
    record_reasons,
)
from core.detect.detection import DetectionResult
from core.language.translate import mark, tr
from core.machine.snapshot import windows_before_8

# Each need: the catalog's feature, and its words (whole sentences, one per verdict).
NEEDS = {
    "vpn": ("vpn", NeedWords(
        mark("a VPN"), mark("Includes a VPN"), mark("Does not include a VPN"),
        mark("Whether it includes a VPN is not confirmed"))),
    "password-manager": ("password_manager", NeedWords(
        mark("a password manager"), mark("Includes a password manager"),
        mark("Does not include a password manager"),
        mark("Whether it includes a password manager is not confirmed"))),
    "parental-controls": ("parental_controls", NeedWords(
        mark("parental controls"), mark("Includes parental controls"),
        mark("Does not include parental controls"),
        mark("Whether it includes parental controls is not confirmed"))),
    "identity": ("identity_monitoring", NeedWords(
        mark("identity monitoring"), mark("Includes identity monitoring"),
        mark("Does not include identity monitoring"),
        mark("Whether it includes identity monitoring is not confirmed"))),
    "firewall": ("firewall", NeedWords(
        mark("a firewall"), mark("Includes a firewall"), mark("Does not include a firewall"),
        mark("Whether it includes a firewall is not confirmed"))),
    "backup": ("backup", NeedWords(
        mark("backup"), mark("Includes backup"), mark("Does not include backup"),
        mark("Whether it includes backup is not confirmed"))),
}
# Kaspersky components that a user would lose, and the need each one implies.
COMPONENT_NEEDS = {"password-manager": "password-manager", "vpn": "vpn",
                   "parental-control": "parental-controls"}
BUILT_IN = {"windows": "microsoft-defender", "linux": "clamav"}
TOP_AWARDS = ("Top-Rated Product", "Best Protection", "Product of the Year")
PLATFORM_NAMES = {"windows": "Windows", "macos": "macOS", "linux": "Linux",
                  "android": "Android", "ios": "iOS"}


@dataclass(frozen=True)
class Request:
    platforms: tuple[str, ...]
    needs: tuple[str, ...] = ()
    free_only: bool = False
    exclude_countries: tuple[str, ...] = ()
    windows_version: str = ""  # the scanned machine's; Windows 7 has no Defender anti-virus
    audience: str = "home"     # home | business (core.detect.audience decides from a scan)


@dataclass(frozen=True)
class Recommendation:
    id: str
    name: str
    rank: int
    score: int
    built_in: bool
    reasons: tuple[Reason, ...]
    cautions: tuple[Reason, ...]
    download_url: str
    winget: str | None
    homebrew: str | None
    price: str
    homebrew_kind: str | None = None  # "cask" or "formula"

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for reason in (*self.reasons, *self.cautions):
            seen.update(dict.fromkeys(reason.sources))
        return tuple(seen)


@dataclass(frozen=True)
class RecommendResult:
    recommendations: tuple[Recommendation, ...]
    excluded: tuple[tuple[str, str], ...]
    needs: tuple[str, ...]
    needs_from_detection: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())


def needs_from(detection: DetectionResult | None) -> tuple[str, ...]:
    """What the user relies on today: a Password Manager user needs a password manager."""
    if detection is None:
        return ()
    found = {COMPONENT_NEEDS[c] for p in detection.products for c in p.components
             if c in COMPONENT_NEEDS}
    return tuple(sorted(found))


def _price(product: CatalogProduct, request: Request) -> str:
    """The price as its source gave it: with its date, and a first-year offer said so."""
    free_here = product.free_on(request.platforms) and not (
        request.audience == "business" and _home_use_only(product))
    if free_here:
        return tr("free version available")
    priced = [p for p in product.prices if p.usd_per_year is not None]
    if not priced:
        return tr("price not confirmed")
    cheapest = min(priced, key=lambda p: p.usd_per_year or 0)
    said = (tr("from about {price} (a first-year offer; {plan}; price seen {date})")
            if cheapest.first_year else
            tr("from about {price} (a year; {plan}; price seen {date})"))
    # The catalog's words are looked up in the translations (packaging/i18n.py extracts
    # them); words a catalog update brought show in English.
    return said.format(price=f"${cheapest.usd_per_year:g}", plan=tr(cheapest.plan),
                       date=tr(cheapest.source_date) if cheapest.source_date else "")


def _home_use_only(product: CatalogProduct) -> bool:
    return product.free_for_business is not None and product.free_for_business.value == "no"


def _score(product: CatalogProduct, request: Request, reasons_for_needs: dict[str, str],
           today: date, rubric: Rubric) -> tuple[list[Reason], list[Reason]]:
    """Points by the rubric, each one a reason the user sees."""
    points = rubric.points
    reasons = lab_reasons(product, request.platforms, today, rubric)
    cautions: list[Reason] = []
    if not reasons:
        cautions.append(Reason(tr("No recent independent lab result for {platforms} was "
                                  "found").format(platforms=_either(request.platforms)),
                               points["no_recent_lab_result"], ()))
    for need in request.needs:
        feature, words = NEEDS[need]
        reason, plus = need_reason(product, feature, words, reasons_for_needs.get(need, ""),
                                   rubric)
        (reasons if plus else cautions).append(reason)
    if product.free_on(request.platforms):
        if request.audience == "business" and _home_use_only(product):
            cautions.append(Reason(tr("Its free edition is for home use only"),
                                   0, product.free_for_business.sources
                                   if product.free_for_business else ()))
        else:
            reasons.append(Reason(tr("Has a free version"), points["free_tier"],
                                  product.free_tier.sources))
    realtime = product.features.get("realtime")
    if realtime is not None and realtime.value != "yes" and realtime.note \
            and product.id not in BUILT_IN.values():  # a default's trade-off says it already
        cautions.append(Reason(tr("Real-time protection: {note}").format(note=tr(realtime.note)),
                               0, realtime.sources))
    cautions += record_reasons(product, rubric)
    if not reasons:  # every product shown says at least why it is here
        fact = next((product.platforms[p] for p in request.platforms
                     if p in product.platforms), None)
        reasons.append(Reason(tr("Available for {platforms}").format(
            platforms=_both(request.platforms)), 0,
            fact.sources if fact else product.sources[:1]))
    return reasons, cautions


def _listed(platforms: tuple[str, ...], joined: str) -> str:
    """The systems asked about, joined two at a time by `joined` ("{names} or {last}")."""
    shown = [PLATFORM_NAMES.get(p, p) for p in platforms]
    said = shown[0] if shown else ""
    for name in shown[1:]:
        said = tr(joined).format(names=said, last=name)
    return said


def _either(platforms: tuple[str, ...]) -> str:
    """`Windows or macOS`: the systems asked about, any one of them."""
    return _listed(platforms, mark("{names} or {last}"))


def _both(platforms: tuple[str, ...]) -> str:
    """`Windows and macOS`: the systems asked about, all of them."""
    return _listed(platforms, mark("{names} and {last}"))


def _exclusion(product: CatalogProduct, request: Request) -> str | None:
    if request.audience not in product.audiences:
        return tr("for businesses") if request.audience == "home" else tr("for home users")
    for platform in request.platforms:
        name = PLATFORM_NAMES.get(platform, platform)
        if platform in product.on_demand_only_on:
            return tr("{platform}: it scans only when asked, so it does not replace an "
                      "anti-virus there").format(platform=name)
        if not product.supports(platform):
            fact = product.platforms.get(platform)
            return (tr("{platform}: not available") if fact and fact.value == "no"
                    else tr("{platform}: not confirmed")).format(platform=name)
    if request.free_only and not product.free_on(request.platforms):
        return tr("no confirmed free version")
    if product.country_code and product.country_code in request.exclude_countries:
        return tr("headquartered in {country}, which you excluded").format(
            country=product.country_code)
    return None


def _built_in_notes(product: CatalogProduct) -> tuple[list[Reason], list[Reason]]:
    """What a built-in choice brings, and its trade-offs (shown as drawbacks, not as pluses)."""
    if product.id == "microsoft-defender":
        return ([Reason(tr("Built into Windows 10 and 11, free, and switches itself back on "
                           "when Kaspersky is removed"), 0, product.free_tier.sources)],
                [Reason(tr("The catalog confirms no VPN or password manager in it; you may "
                           "need separate ones"), 0, ())])
    if product.id == "clamav":
        return ([Reason(tr("Free and open source, packaged by every major distribution (not "
                           "installed by default)"), 0, product.free_tier.sources)],
                [Reason(tr("Scans when asked; checking files as they are opened needs its "
                           "on-access scanner to be set up"), 0,
                        product.features["realtime"].sources)])
    return [], []


def recommend(catalog: Catalog, request: Request, today: date,
              detection: DetectionResult | None = None) -> RecommendResult:
    detected_needs = needs_from(detection)
    needs = tuple(dict.fromkeys((*request.needs, *detected_needs)))
    asked = request.needs
    request = Request(request.platforms, needs, request.free_only,
                      tuple(c.upper() for c in request.exclude_countries),
                      request.windows_version, request.audience)
    rubric = load_rubric()
    why = {need: mark("{reason} (you use one with Kaspersky today)")
           if need in ("vpn", "password-manager")
           else mark("{reason} (you use them with Kaspersky today)") for need in detected_needs}
    built_in_ids = {BUILT_IN[p] for p in request.platforms if p in BUILT_IN}
    if request.audience == "business":
        built_in_ids.clear()  # business machines are offered managed endpoint products
    scored: list[tuple[int, CatalogProduct, list[Reason], list[Reason]]] = []
    excluded: list[tuple[str, str]] = []
    old_windows = windows_before_8(request.windows_version)
    if old_windows:
        built_in_ids.discard(BUILT_IN["windows"])
    for product in catalog.products:
        reason = _exclusion(product, request)
        if old_windows and product.id == BUILT_IN["windows"]:
            reason = tr("on Windows 7 and older it removes spyware only; it is not an "
                        "anti-virus")
        if reason is not None and product.id not in built_in_ids:
            excluded.append((product.name, reason))
            continue
        reasons, cautions = _score(product, request, why, today, rubric)
        if product.id in built_in_ids:
            pluses, drawbacks = _built_in_notes(product)
            reasons, cautions = pluses + reasons, drawbacks + cautions
            if reason is not None:  # shown anyway as the free default, and said so
                cautions.insert(0, Reason(tr("Shown as the free default for this platform, "
                                             "although: {reason}").format(reason=reason), 0, ()))
        total = sum(r.points for r in (*reasons, *cautions))
        scored.append((total, product, reasons, cautions))
    scored.sort(key=lambda item: (item[1].id not in built_in_ids, -item[0], item[1].name))
    results = tuple(
        Recommendation(product.id, product.name, rank, total, product.id in built_in_ids,
                       tuple(reasons), tuple(cautions), product.download_url, product.winget,
                       product.homebrew, _price(product, request),
                       product.homebrew_kind)
        for rank, (total, product, reasons, cautions) in enumerate(scored, start=1))
    notes = [tr("Ranked by what independent labs, the vendors' own pages and regulators say; "
                "no vendor pays to be listed, and no link earns Switchover anything.")]
    if old_windows:
        notes.append(tr("This computer runs Windows 7 or older, which many of these products "
                        "no longer support: check each one's system requirements before you "
                        "buy."))
    if "macos" in request.platforms:
        notes.append(tr("macOS has Apple's XProtect built in; it is not listed because it "
                        "cannot be chosen or configured."))
    if request.audience == "business":
        notes.append(tr("This computer is managed by an organisation (Kaspersky's business "
                        "products or a server), so business endpoint products are listed."))
    unmet = [need for need in asked if not any(
        (f := product.features.get(NEEDS[need][0])) is not None and f.value == "yes"
        for _, product, _, _ in scored)]
    if unmet:
        # Nothing listed has what was asked for: say so, rather than list what lacks it.
        labels = ", ".join(tr(NEEDS[n][1].label) for n in unmet)
        notes.insert(0, tr("No product in the catalog for {platforms} is confirmed to include "
                           "{needs}; nothing is listed for it.").format(
            platforms=_either(request.platforms), needs=labels))
        results = ()
    return RecommendResult(results, tuple(excluded), needs, detected_needs, tuple(notes))

