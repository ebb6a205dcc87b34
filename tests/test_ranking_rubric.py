"""The written ranking rubric (resources/catalog/rubric.json), rule by rule.

Each test builds a small catalog of two or three products shaped like the real one, so a
rule is seen deciding one thing a user would notice: what earns a place, what costs one,
and what is never listed.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from core.catalog.recommend import Request, recommend
from core.catalog.records import catalog_from_doc
from core.catalog.rubric import load_rubric

TODAY = date(2026, 12, 1)
CATALOG = json.loads((Path(__file__).resolve().parent.parent / "resources" / "catalog"
                      / "catalog.json").read_text())


def product(pid: str, **changes: Any) -> dict[str, Any]:
    base = copy.deepcopy(next(p for p in CATALOG["products"] if p["id"] == "bitdefender"))
    base.update(id=pid, name=pid.title(), lab_results=[], privacy_record=[],
                audiences=["home"], prices=[])
    for feature in base["features"].values():
        feature.update(value="unconfirmed", sources=[])
    base["free_tier"] = {"value": "no", "note": "", "sources": []}
    base.pop("on_demand_only_on", None)
    base.update(changes)
    return base


def ranked(*products: dict[str, Any], platform: str = "windows", needs: tuple[str, ...] = (),
           audience: str = "home") -> Any:
    doc = dict(CATALOG, products=list(products))
    return recommend(catalog_from_doc(doc), Request((platform,), needs, audience=audience),
                     TODAY)


SOURCE = next(iter(CATALOG["sources"]))


def award(name: str, platform: str) -> dict[str, Any]:
    return {"lab": "AV-TEST", "test": "Awards 2025", "date": "2026-03", "result": name,
            "award": name, "secondary": False, "platform": platform, "sources": [SOURCE]}


def test_the_rubric_file_gives_every_rule_its_points() -> None:
    rubric = load_rubric()
    assert rubric.points["top_award"] > rubric.points["other_award"] > 0
    assert rubric.points["need_missing"] < rubric.points["need_unconfirmed"] < 0
    assert rubric.points["parent"] == 0 and rubric.rules


def test_an_award_counts_only_on_the_system_the_lab_tested() -> None:
    windows_star = product("alpha", lab_results=[award("Best Protection", "windows")],
                           platforms={k: {"value": "yes", "note": "", "sources": [SOURCE]}
                                      for k in ("windows", "macos")})
    plain = product("beta", platforms=windows_star["platforms"])
    on_windows = ranked(windows_star, plain)
    assert on_windows.recommendations[0].id == "alpha"
    assert any("Best Protection" in r.text for r in on_windows.recommendations[0].reasons)
    on_mac = ranked(windows_star, plain, platform="macos")
    alpha = next(r for r in on_mac.recommendations if r.id == "alpha")
    assert not any("Best Protection" in r.text for r in alpha.reasons)


def test_notes_about_one_conduct_cost_points_once_and_a_parent_costs_nothing() -> None:
    twice = product("gamma", privacy_record=[
        {"note": "A regulator fined the vendor.", "kind": "regulatory", "conduct": "x",
         "sources": [SOURCE]},
        {"note": "Another regulator fined it for the same.", "kind": "regulatory",
         "conduct": "x", "sources": [SOURCE]}])
    parent = product("delta", privacy_record=[
        {"note": "Its parent was fined for something else.", "kind": "parent",
         "sources": [SOURCE]}])
    result = {r.id: r for r in ranked(twice, parent).recommendations}
    gamma_costs = [c for c in result["gamma"].cautions if "regulator" in c.text.lower()]
    assert len(gamma_costs) == 1 and gamma_costs[0].points == load_rubric().points["regulatory"]
    delta = [c for c in result["delta"].cautions if c.text.startswith("Parent company")]
    assert delta and delta[0].points == 0


def test_knowing_nothing_is_never_better_than_a_sourced_answer() -> None:
    unsourced_no = product("epsilon")
    unsourced_no["features"]["vpn"] = {"value": "no", "note": "none found", "sources": []}
    sourced_yes = product("zeta")
    sourced_yes["features"]["vpn"] = {"value": "yes", "note": "", "sources": [SOURCE]}
    result = ranked(unsourced_no, sourced_yes, needs=("vpn",))
    assert [r.id for r in result.recommendations] == ["zeta", "epsilon"]
    epsilon = result.recommendations[1]
    assert any("not confirmed" in c.text for c in epsilon.cautions)  # not a hard "no"


def test_an_on_demand_scanner_is_never_ranked_as_a_replacement_there() -> None:
    scanner = product("clam", on_demand_only_on=["windows", "macos"],
                      platforms={k: {"value": "yes", "note": "", "sources": [SOURCE]}
                                 for k in ("windows", "macos", "linux")})
    windows = ranked(scanner)
    assert windows.recommendations == () and "scans only when asked" in windows.excluded[0][1]
    assert [r.id for r in ranked(scanner, platform="linux").recommendations] == ["clam"]


def test_a_business_machine_is_offered_business_products_only() -> None:
    home = product("home-av", free_tier={"value": "yes", "note": "", "sources": [SOURCE]})
    business = product("endpoint", audiences=["business"])
    result = ranked(home, business, audience="business")
    assert [r.id for r in result.recommendations] == ["endpoint"]
    assert ("Home-Av", "for home users") in result.excluded
    both = product("both", audiences=["home", "business"],
                   free_tier={"value": "yes", "note": "", "sources": [SOURCE]},
                   free_for_business={"value": "no", "note": "home use only",
                                      "sources": [SOURCE]})
    shown = ranked(both, audience="business").recommendations[0]
    assert any("home use only" in c.text for c in shown.cautions)
    assert not any(r.text == "Has a free version" for r in shown.reasons)


def test_every_product_shown_has_at_least_one_reason() -> None:
    for rec in ranked(product("eta"), product("theta")).recommendations:
        assert rec.reasons, rec.id


def test_a_need_nothing_meets_is_said_instead_of_listing_what_lacks_it() -> None:
    result = ranked(product("iota"), product("kappa"), needs=("vpn",))
    assert result.recommendations == ()
    assert "confirmed to include a VPN" in result.notes[0]


def test_a_first_year_offer_is_never_shown_as_the_yearly_price() -> None:
    offer = product("lambda", prices=[{"plan": "Deluxe", "usd_per_year": 49.99,
                                       "price_text": "$49.99 first year",
                                       "source_date": "2026-01", "seen": "2026-11-22",
                                       "first_year": True, "sources": [SOURCE]}])
    price = ranked(offer).recommendations[0].price
    assert "first-year offer" in price and "2026-01" in price
