"""`switchover explain`: what the ban means for this user, for a terminal or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date

from core.errors import BadInput
from core.language.translate import mark, tr

REGION_NAMES = {
    "us-home": mark("United States, home user"),
    "us-business": mark("United States, business"),
    "de": mark("Germany"),
    "it": mark("Italy"),
    "gb": mark("United Kingdom"),
    "ca": mark("Canada"),
    "au": mark("Australia"),
    "eu-other": mark("European Union"),
    "other": mark("outside the US and EU"),
}


def _date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(tr("--date takes a date like 2024-09-29, not {text}.").format(
            text=repr(text))) from None


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
    heading = tr("What the Kaspersky ban means for you — {region}, {date}").format(
        region=tr(REGION_NAMES[result.region]), date=long_date(result.on))
    if "--region" in result.region_from:
        origin = tr("(Region from {origin}. Texts reviewed {date}.)")
    else:
        origin = tr("(Region from {origin}; change it with --region. Texts reviewed {date}.)")
    out = [heading, origin.format(origin=result.region_from,
                                  date=long_date(result.reviewed)), ""]
    for section in result.sections:
        refs = []
        for ref in section.sources:
            numbers.setdefault(ref.id, len(numbers) + 1)
            refs.append(f"[{numbers[ref.id]}]")
        if section.confidence == "single-source":
            out.append(tr("{title} (one source)").format(title=section.title))
        elif section.confidence == "uncertain":
            out.append(tr("{title} (uncertain)").format(title=section.title))
        else:
            out.append(section.title)
        out += textwrap.wrap(section.body + " " + " ".join(refs), width=88,
                             initial_indent="  ", subsequent_indent="  ")
        out.append("")
    out.append(tr("Sources"))
    by_id = {ref.id: ref for s in result.sections for ref in s.sources}
    for source_id, number in numbers.items():
        ref = by_id[source_id]
        out.append(f"  [{number}] {ref.title} ({ref.date}) {ref.url}")
        if ref.archived_copy:
            out.append("      " + tr("archived copy: {url}").format(url=ref.archived_copy))
    sys.stdout.write("\n".join(out) + "\n")
    return 0
