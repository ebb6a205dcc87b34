"""`switchover explain`: what the ban means for this user, for a terminal or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date

from core.errors import BadInput

REGION_NAMES = {
    "us-home": "United States, home user", "us-business": "United States, business",
    "de": "Germany", "it": "Italy", "gb": "United Kingdom", "ca": "Canada",
    "au": "Australia", "eu-other": "European Union", "other": "outside the US and EU",
}


def _date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"--date takes a date like 2024-09-29, not {text!r}.") from None


def cmd_explain(args: argparse.Namespace) -> int:
    from core.ban.explain import explain
    from core.detect.detection import detect
    from core.language.dates import long_date
    from core.machine.source import snapshot_from

    snapshot = snapshot_from(args)
    result = explain(snapshot, detect(snapshot), _date(args.date), args.region, args.audience)
    if args.json:
        sys.stdout.write(json.dumps({
            "region": result.region, "country": result.country,
            "region_from": result.region_from, "audience": result.audience,
            "period": result.period, "date": result.on.isoformat(),
            "reviewed": result.reviewed,
            "sections": [{"id": s.id, "title": s.title, "body": s.body, "kind": s.kind,
                          "confidence": s.confidence,
                          "sources": [{"title": r.title, "url": r.url, "date": r.date,
                                       "kind": r.kind,
                                       **({"archived_copy": r.archived_copy}
                                          if r.archived_copy else {})}
                                      for r in s.sources]} for s in result.sections],
        }, indent=2, ensure_ascii=False) + "\n")
        return 0
    numbers: dict[str, int] = {}
    out = [f"What the Kaspersky ban means for you — {REGION_NAMES[result.region]}, "
           f"{long_date(result.on)}",
           f"(Region from {result.region_from}" + ("" if "--region" in result.region_from
                                                      else "; change it with --region")
           + ". Texts reviewed "
           f"{long_date(result.reviewed)}.)", ""]
    for section in result.sections:
        refs = []
        for ref in section.sources:
            numbers.setdefault(ref.id, len(numbers) + 1)
            refs.append(f"[{numbers[ref.id]}]")
        hedge = {"single-source": " (one source)", "uncertain": " (uncertain)"}.get(
            section.confidence, "")
        out.append(section.title + hedge)
        out += textwrap.wrap(section.body + " " + " ".join(refs), width=88,
                             initial_indent="  ", subsequent_indent="  ")
        out.append("")
    out.append("Sources")
    by_id = {ref.id: ref for s in result.sections for ref in s.sources}
    for source_id, number in numbers.items():
        ref = by_id[source_id]
        out.append(f"  [{number}] {ref.title} ({ref.date}) {ref.url}")
        if ref.archived_copy:
            out.append(f"      archived copy: {ref.archived_copy}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
