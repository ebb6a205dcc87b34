"""`switchover detect` output: the JSON of the CLI contract and a plain terminal rendering."""

from __future__ import annotations

from typing import Any

from core.detect.candidates import VERSION_SOURCES
from core.detect.detection import DetectionResult
from core.detect.findings import DetectedProduct, OtherProduct
from core.language.dates import long_date
from core.language.translate import mark, tr, tr_n

_CONFIDENCE = {"high": mark("found by: {anchors} (high confidence)"),
               "medium": mark("found by: {anchors} (medium confidence)"),
               "low": mark("found by: {anchors} (low confidence)")}


def _state(active: bool | None) -> str:
    if active is None:
        return tr("state unknown")
    return tr("running") if active else tr("not running")


def product_to_dict(p: DetectedProduct) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "vendor": p.vendor, "category": p.category,
        "edition": p.edition, "version": p.version, "components": list(p.components),
        "install_paths": list(p.install_paths), "data_paths": list(p.data_paths),
        "definitions_date": p.definitions_date.date().isoformat() if p.definitions_date else None,
        "definitions_age_days": p.definitions_age_days,
        "definitions_outdated": p.definitions_outdated,
        "active": p.active, "realtime": p.realtime, "confidence": p.confidence,
        "anchors": list(p.anchors), "version_from": p.version_from,
        "signature_confidence": p.signature_confidence,
        "evidence": list(p.evidence),
        "uninstall_entries": [e._asdict() for e in p.uninstall_entries],
    }


def other_to_dict(o: OtherProduct) -> dict[str, Any]:
    return {"id": o.id, "name": o.name, "vendor": o.vendor, "kind": o.kind, "active": o.active,
            "up_to_date": o.up_to_date, "realtime": o.realtime, "evidence": list(o.evidence),
            "notes": list(o.notes)}


def detection_to_dict(result: DetectionResult) -> dict[str, Any]:
    return {
        "platform": result.platform,
        "taken_at": result.taken_at,
        "products": [product_to_dict(p) for p in result.products],
        "others": [other_to_dict(o) for o in result.others],
        "leftovers": [lo._asdict() for lo in result.leftovers],
        "ignored": [i._asdict() for i in result.ignored],
        "protected": result.protected,
        "protection": {"protected": result.protected, "by": list(result.protection.by),
                       "reason": result.protection.reason},
        "notes": list(result.notes),
        "signatures_reviewed": result.signatures_reviewed,
    }


def _definitions_line(p: DetectedProduct) -> str | None:
    if p.definitions_date is None:
        return None
    when, age, outdated = long_date(p.definitions_date), p.definitions_age_days, \
        p.definitions_outdated
    if age is None:
        return (tr("virus definitions from {date} (out of date)") if outdated
                else tr("virus definitions from {date}")).format(date=when)
    if outdated:
        return tr_n("virus definitions from {date} — {n} day before this scan (out of date)",
                    "virus definitions from {date} — {n} days before this scan (out of date)",
                    age).format(date=when, n=age)
    return tr_n("virus definitions from {date} — {n} day before this scan",
                "virus definitions from {date} — {n} days before this scan",
                age).format(date=when, n=age)


def _product_lines(p: DetectedProduct, verbose: bool) -> list[str]:
    lines = [f"  • {p.name}{' ' + p.version if p.version else ''} ({_state(p.active)})"]
    if p.version and p.version_from and p.version_from != "Apps & Features":
        source = tr(p.version_from) if p.version_from in VERSION_SOURCES else p.version_from
        lines.append("      " + tr("version read from {source}").format(source=source))
    if p.anchors:
        lines.append("      " + tr(_CONFIDENCE[p.confidence]).format(
            anchors=", ".join(tr(a) for a in p.anchors)))
    if p.components:
        lines.append("      " + tr("components: {ids}").format(ids=", ".join(p.components)))
    defs = _definitions_line(p)
    if defs:
        lines.append(f"      {defs}")
    lines += ["      " + tr("installed in: {path}").format(path=path)
              for path in p.install_paths[:2]]
    if verbose:
        lines.append("      " + tr("evidence:"))
        lines += [f"        - {e}" for e in p.evidence]
    return lines


def detection_to_text(result: DetectionResult, verbose: bool = False) -> str:
    lines: list[str] = []
    add = lines.append
    if result.products:
        add(tr("Kaspersky products found: {n}").format(n=len(result.products)))
        for p in result.products:
            lines.extend(_product_lines(p, verbose))
    else:
        add(tr("No Kaspersky product is installed."))
    add("")
    if result.others:
        add(tr("Other security products:"))
        for o in result.others:
            extra = "; ".join(o.notes)
            add(f"  • {o.name} ({_state(o.active)}{', ' + extra if extra else ''})")
            if verbose:
                lines.extend(f"        - {e}" for e in o.evidence)
    else:
        add(tr("No other security product was found."))
    if result.leftovers:
        add("")
        add(tr("Kaspersky leftovers (traces that belong to no installed product):"))
        for lo in result.leftovers:
            add(f"  • {lo.what} — {lo.where}" + (f" ({lo.label})" if lo.label != lo.what else ""))
    if verbose and result.ignored:
        add("")
        add(tr("Looked like Kaspersky but is not trusted as a Kaspersky product or uninstaller:"))
        lines.extend(f"  • {i.what}: {i.why}" for i in result.ignored)
    elif result.ignored:
        count = len(result.ignored)
        add("")
        add(tr_n("{n} entry looks like Kaspersky but is not Kaspersky's own (see why with "
                 "{option}).",
                 "{n} entries look like Kaspersky but are not Kaspersky's own (see why with "
                 "{option}).", count).format(n=count, option="-v"))
    add("")
    verdict = (tr("This machine is protected right now. {reason}") if result.protected
               else tr("This machine is NOT protected right now. {reason}"))
    add(verdict.format(reason=result.protection.reason))
    if result.notes:
        add("")
        add(tr("What the scan could not read:"))
        lines.extend(f"  • {n}" for n in result.notes)
    return "\n".join(lines) + "\n"
