"""The ranking rubric: what earns and costs points, read from resources/catalog/rubric.json.

Written down as data so that a reader can check it, and applied here in one place: every
point becomes a `Reason` a user sees in one line with its sources. The rules themselves
are the rubric file's `rules`, repeated in the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from core.catalog.records import CatalogProduct, LabResult
from core.errors import ResourceError
from core.language.translate import tr
from core.resources import load_json_resource

KEYS = ("top_award", "other_award", "tested", "no_recent_lab_result", "need_included",
        "need_missing", "need_unconfirmed", "free_tier", "regulatory", "concern", "parent",
        "info")
SEVERITY = ("regulatory", "concern", "parent", "info")  # most severe first


@dataclass(frozen=True)
class Reason:
    text: str  # in the reader's language
    points: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class NeedWords:
    """A need's sentences, each marked for translation where it is written."""

    label: str        # "a VPN", in a list of needs
    includes: str     # "Includes a VPN"
    lacks: str        # "Does not include a VPN"
    unconfirmed: str  # "Whether it includes a VPN is not confirmed"


@dataclass(frozen=True)
class Rubric:
    points: dict[str, int]
    top_awards: tuple[str, ...]
    rules: tuple[str, ...]


@lru_cache(maxsize=1)
def load_rubric() -> Rubric:
    data = load_json_resource("catalog", "rubric.json")
    points = data.get("points", {})
    if set(points) != set(KEYS) or not all(isinstance(v, int) and -5 <= v <= 5
                                           for v in points.values()):
        raise ResourceError("catalog/rubric.json must give every rule a whole number of "
                            "points between -5 and 5.")
    return Rubric(dict(points), tuple(data["top_awards"]), tuple(data["rules"]))


def lab_reasons(product: CatalogProduct, platforms: tuple[str, ...], today: date,
                rubric: Rubric) -> list[Reason]:
    """Awards and results for the systems asked about, recent, from the lab itself."""
    points = rubric.points
    recent = [lab for lab in product.labs if not lab.is_old(today) and not lab.secondary
              and (lab.platform in platforms or lab.platform == "any")]
    reasons: list[Reason] = []
    for award in rubric.top_awards:
        found = next((lab for lab in recent if lab.award == award), None)
        if found is not None:
            reasons.append(_lab_reason(found, points["top_award"]))
    others = [lab for lab in recent if lab.award and lab.award not in rubric.top_awards]
    reasons += [_lab_reason(lab, points["other_award"]) for lab in others]
    if recent and not reasons:
        lab = max(recent, key=lambda item: item.date)
        reasons.append(Reason(tr("Tested by {lab}: {test} ({date})").format(
            lab=lab.lab, test=lab.test, date=lab.date), points["tested"], lab.sources))
    return reasons


def _lab_reason(lab: LabResult, points: int) -> Reason:
    return Reason(f"{lab.award} — {lab.lab}, {lab.test} ({lab.date})", points, lab.sources)


def need_reason(product: CatalogProduct, feature: str, said: NeedWords, why: str,
                rubric: Rubric) -> tuple[Reason, bool]:
    """(the reason, whether it is a plus). A "no" nobody sourced counts as unconfirmed.
    `said` holds the need's three sentences (marked); `why`, if not empty, a marked
    sentence with `{reason}` that adds why the user needs it."""
    fact = product.features.get(feature)

    def told(sentence: str) -> str:
        return tr(why).format(reason=tr(sentence)) if why else tr(sentence)

    if fact is not None and fact.value == "yes":
        return Reason(told(said.includes), rubric.points["need_included"],
                      fact.sources), True
    if fact is not None and fact.value == "no" and fact.sources:
        return Reason(told(said.lacks), rubric.points["need_missing"],
                      fact.sources), False
    return Reason(tr(said.unconfirmed),
                  rubric.points["need_unconfirmed"], fact.sources if fact else ()), False


def record_reasons(product: CatalogProduct, rubric: Rubric) -> list[Reason]:
    """The privacy and regulatory record: one entry, and one cost, per underlying conduct."""
    by_conduct: dict[str, list[Reason]] = {}
    order: list[str] = []
    for note in product.privacy:
        if note.kind not in SEVERITY:
            continue
        key = note.conduct or note.note
        if key not in by_conduct:
            order.append(key)
        by_conduct.setdefault(key, []).append(
            Reason(tr("Parent company: {note}").format(note=tr(note.note))
                   if note.kind == "parent" else tr(note.note),
                   rubric.points[note.kind], note.sources))
    out = []
    for key in order:
        notes = by_conduct[key]
        worst = min(notes, key=lambda r: r.points)
        extra = tuple(s for r in notes for s in r.sources if s not in worst.sources)
        out.append(Reason(worst.text, worst.points, worst.sources + extra))
    return out
