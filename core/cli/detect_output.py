"""`switchover detect` output: the JSON of the CLI contract and a plain terminal rendering."""

from __future__ import annotations

from typing import Any

from core.detect.detection import DetectionResult
from core.detect.findings import DetectedProduct, OtherProduct


def _state(active: bool | None) -> str:
    return {True: "running", False: "not running", None: "state unknown"}[active]


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
    when = f"{p.definitions_date.day} {p.definitions_date:%B %Y}"
    age = p.definitions_age_days
    tail = "" if age is None else f" — {age} day{'s' if age != 1 else ''} before this scan"
    return f"virus definitions from {when}{tail}" + (" (out of date)" if p.definitions_outdated
                                                      else "")


def _product_lines(p: DetectedProduct, verbose: bool) -> list[str]:
    lines = [f"  • {p.name}{' ' + p.version if p.version else ''} ({_state(p.active)})"]
    if p.version and p.version_from and p.version_from != "Apps & Features":
        lines.append(f"      version read from {p.version_from}")
    if p.anchors:
        lines.append(f"      found by: {', '.join(p.anchors)} ({p.confidence} confidence)")
    if p.components:
        lines.append(f"      components: {', '.join(p.components)}")
    defs = _definitions_line(p)
    if defs:
        lines.append(f"      {defs}")
    lines += [f"      installed in: {path}" for path in p.install_paths[:2]]
    if verbose:
        lines.append("      evidence:")
        lines += [f"        - {e}" for e in p.evidence]
    return lines


def detection_to_text(result: DetectionResult, verbose: bool = False) -> str:
    lines: list[str] = []
    add = lines.append
    if result.products:
        add(f"Kaspersky products found: {len(result.products)}")
        for p in result.products:
            lines.extend(_product_lines(p, verbose))
    else:
        add("No Kaspersky product is installed.")
    add("")
    if result.others:
        add("Other security products:")
        for o in result.others:
            extra = "; ".join(o.notes)
            add(f"  • {o.name} ({_state(o.active)}{', ' + extra if extra else ''})")
            if verbose:
                lines.extend(f"        - {e}" for e in o.evidence)
    else:
        add("No other security product was found.")
    if result.leftovers:
        add("")
        add("Kaspersky leftovers (traces that belong to no installed product):")
        for lo in result.leftovers:
            add(f"  • {lo.what} — {lo.where}" + (f" ({lo.label})" if lo.label != lo.what else ""))
    if verbose and result.ignored:
        add("")
        add("Looked like Kaspersky but is not trusted as a Kaspersky product or uninstaller:")
        lines.extend(f"  • {i.what}: {i.why}" for i in result.ignored)
    elif result.ignored:
        count = len(result.ignored)
        add("")
        add(f"{count} {'entry looks' if count == 1 else 'entries look'} like Kaspersky but "
            f"{'is' if count == 1 else 'are'} not Kaspersky's own (see why with -v).")
    add("")
    verdict = "protected" if result.protected else "NOT protected"
    add(f"This machine is {verdict} right now. {result.protection.reason}")
    if result.notes:
        add("")
        add("What the scan could not read:")
        lines.extend(f"  • {n}" for n in result.notes)
    return "\n".join(lines) + "\n"
