"""One summary of a fleet from the reports and snapshots collected from its machines.

Reads every `*.json` in the folders given: machine reports written by `migrate`, and
snapshots (detected here, so machines that were only audited count too). Writes a CSV for
spreadsheets and a self-contained HTML page (no scripts, no remote files: it is opened on
admins' machines and mailed around) with a chart of the fleet's state.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from typing import Any

from core.fleet.machine_report import REPORT_FORMAT

STATES = ("kaspersky-present", "needs-reboot", "failed", "removed-unprotected", "removed",
          "clean")
STATE_TEXT = {"kaspersky-present": "Still running Kaspersky", "needs-reboot": "Needs a restart",
              "failed": "Failed", "removed-unprotected": "Removed, not protected",
              "removed": "Removed and protected", "clean": "No Kaspersky"}
AGE_BUCKETS = (("≤ 7 days", 7), ("8–30 days", 30), ("31–365 days", 365), ("> 1 year", None))


@dataclass(frozen=True)
class MachineRow:
    machine: str
    platform: str
    state: str
    kaspersky: str
    definitions_age_days: int | None
    protected: bool | None
    why: str
    source: str


def _from_report(doc: dict[str, Any], path: Path) -> MachineRow:
    outcome = doc.get("outcome", "")
    before = doc.get("before", [])
    ages = [p["definitions_age_days"] for p in before if p.get("definitions_age_days") is not None]
    protected = doc.get("protected_after", doc.get("protected_before"))
    if outcome == "removed":
        state = "removed" if doc.get("exit_code") == 0 else "removed-unprotected"
    elif outcome == "nothing-to-do":
        state = "clean"
    elif outcome == "needs-reboot":
        state = "needs-reboot"
    elif outcome in ("planned",):
        state = "kaspersky-present"
    else:
        state = "failed" if before else "clean"
    return MachineRow(str(doc.get("hostname", path.stem)), str(doc.get("platform", "")), state,
                      ", ".join(p["name"] for p in before), max(ages) if ages else None,
                      protected, str(doc.get("message", "")) if state == "failed" else "",
                      str(path))


def _from_snapshot(path: Path) -> MachineRow:
    from core.detect.detection import detect
    from core.machine.snapshot_read import load_snapshot

    detection = detect(load_snapshot(path))
    ages = [p.definitions_age_days for p in detection.products
            if p.definitions_age_days is not None]
    state = "kaspersky-present" if detection.products else "clean"
    return MachineRow(path.stem, detection.platform, state,
                      ", ".join(p.name for p in detection.products),
                      max(ages) if ages else None, detection.protected, "", str(path))


@dataclass
class Collected:
    rows: list[MachineRow]
    problems: list[str]
    # Reports of dry runs and of demo or saved machines: shown apart, never counted.
    not_counted: list[str]


def _not_real(doc: dict[str, Any]) -> str | None:
    if doc.get("dry_run"):
        return "a dry run (nothing was changed)"
    if doc.get("simulated"):
        return "a demo or saved machine (everything was simulated)"
    return None


def collect(folders: list[Path]) -> Collected:
    """Rows for every readable file; one sentence for each file that is not.

    A machine seen both in a migration report and in an audit snapshot is shown from the
    report, which says more (what was removed, what failed and why). A report of a dry run
    or of a simulated machine is listed apart and left out of every total.
    """
    reports: dict[str, MachineRow] = {}
    snapshots: dict[str, MachineRow] = {}
    problems: list[str] = []
    not_counted: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(doc, dict) and doc.get("format") == REPORT_FORMAT:
                    why = _not_real(doc)
                    if why is not None:
                        not_counted.append(f"{path}: {why}")
                        continue
                    row = _from_report(doc, path)
                    reports[row.machine] = row
                elif isinstance(doc, dict) and doc.get("format") == "switchover-snapshot":
                    row = _from_snapshot(path)
                    snapshots[row.machine] = row
            except Exception as exc:  # one bad file must not hide the other machines
                problems.append(f"{path}: {exc}")
    rows = {**snapshots, **reports}
    return Collected(sorted(rows.values(), key=lambda r: r.machine), problems, not_counted)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: a host name such as `=HYPERLINK(…)` comes from
    the machine, and Excel or LibreOffice would run it as a formula (OWASP's advice:
    prefix a single quote)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: list[MachineRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["machine", "platform", "state", "kaspersky", "definitions_age_days",
                     "protected", "why", "source"])
    for row in rows:
        data = asdict(row)
        writer.writerow([csv_cell(data[k]) for k in data])
    return buffer.getvalue()


def _bars(counts: list[tuple[str, int]], title: str) -> str:
    width, bar = 520, 22
    top = max((c for _, c in counts), default=0) or 1
    height = bar * len(counts) + 30
    parts = [f"<svg role='img' aria-label='{escape(title)}' width='{width + 230}' "
             f"height='{height}' xmlns='http://www.w3.org/2000/svg'>"]
    for i, (label, count) in enumerate(counts):
        y = 10 + i * bar
        length = int(width * count / top)
        parts.append(f"<text x='0' y='{y + 15}' font-size='13'>{escape(label)}</text>"
                     f"<rect x='200' y='{y + 3}' width='{length}' height='{bar - 6}' "
                     f"fill='#4a6fa5'/><text x='{205 + length}' y='{y + 15}' font-size='13'>"
                     f"{count}</text>")
    parts.append("</svg>")
    return "".join(parts)


def to_html(rows: list[MachineRow], problems: list[str], not_counted: list[str]) -> str:
    states = Counter(r.state for r in rows)
    ages: Counter[str] = Counter()
    for row in rows:
        if row.definitions_age_days is None or row.state not in ("kaspersky-present", "failed"):
            continue
        for label, limit in AGE_BUCKETS:
            if limit is None or row.definitions_age_days <= limit:
                ages[label] += 1
                break
    table = "".join(
        f"<tr><td>{escape(r.machine)}</td><td>{escape(r.platform)}</td>"
        f"<td>{escape(STATE_TEXT[r.state])}</td><td>{escape(r.kaspersky)}</td>"
        f"<td>{'' if r.definitions_age_days is None else r.definitions_age_days}</td>"
        f"<td>{ {True: 'yes', False: 'no', None: ''}[r.protected]}</td>"
        f"<td>{escape(r.why)}</td></tr>" for r in rows)
    return "".join([
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Switchover fleet report</title><style>body{font-family:sans-serif;margin:2em}"
        "td,th{border-bottom:1px solid #ccc;padding:.3em .6em;text-align:left}</style>",
        "</head><body><h1>Switchover fleet report</h1>",
        f"<p>{len(rows)} machines.</p><h2>State of the fleet</h2>",
        _bars([(STATE_TEXT[s], states.get(s, 0)) for s in STATES], "State of the fleet"),
        "<h2>Age of Kaspersky's virus definitions where it still runs</h2>",
        _bars([(label, ages.get(label, 0)) for label, _ in AGE_BUCKETS],
              "Age of virus definitions"),
        "<h2>Machines</h2><table><tr><th>Machine</th><th>Platform</th><th>State</th>"
        "<th>Kaspersky</th><th>Definitions age (days)</th><th>Protected</th><th>Why</th></tr>",
        table, "</table>",
        ("<h2>Files that could not be read</h2><ul>" + "".join(
            f"<li>{escape(p)}</li>" for p in problems) + "</ul>") if problems else "",
        ("<h2>Reports not counted</h2><ul>" + "".join(
            f"<li>{escape(p)}</li>" for p in not_counted) + "</ul>") if not_counted else "",
        "</body></html>"])
