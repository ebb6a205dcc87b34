"""The migration report: what was found, kept, removed and chosen, as JSON and HTML.

Plain data composed from the session's results, so the wizard, `switchover report` and a
fleet script produce the same document. The HTML is self-contained (no scripts, no remote
resources) and readable printed; the wizard prints it to PDF with Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from typing import TYPE_CHECKING, TypedDict

from core import __version__
from core.language.dates import long_date
from core.language.translate import current, mark, tr

PLATFORM_NAMES = {"windows": "Windows", "macos": "macOS", "linux": "Linux"}
# A leftover's kind (detection's id) as the report's reader reads it.
LEFTOVER_KINDS = {
    "folder": mark("folder"), "file": mark("file"), "service": mark("service"),
    "driver": mark("driver"), "registry": mark("registry"), "certificate": mark("certificate"),
    "browser-extension": mark("browser-extension"), "security-center": mark("security-center"),
    "launchd": mark("launchd"), "kext": mark("kext"), "system-extension": mark("system-extension"),
    "package": mark("package"), "process": mark("process"),
    "uninstall-entry": mark("uninstall-entry"),
}

if TYPE_CHECKING:
    from core.backup.archive import BackupResult
    from core.catalog.recommend import Recommendation
    from core.detect.detection import DetectionResult
    from core.uninstall.state import RunState
    from core.uninstall.verify import VerifyReport


class FoundEntry(TypedDict):
    name: str
    detail: str


class ChosenEntry(TypedDict):
    name: str
    download_url: str
    reasons: list[str]


class StepEntry(TypedDict):
    title: str
    status: str
    detail: str


class LeftoverEntry(TypedDict):
    kind: str
    what: str
    where: str


# CLDR's territories whose paper is US Letter (supplementalData, measurementData/paperSize);
# everywhere else prints on A4.
LETTER_COUNTRIES = frozenset(("BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH",
                              "PR", "SV", "US", "VE"))


def paper_size(country: str | None) -> str:
    """ "Letter" or "A4": from the machine's country, else the region of the reader's
    locale (en_US, es_MX), else A4."""
    from core.language.translate import current

    where = (country or current().region or "").upper()
    return "Letter" if where in LETTER_COUNTRIES else "A4"


@dataclass
class Report:
    source: str
    platform: str
    found: list[FoundEntry] = field(default_factory=list)
    protection_before: str = ""
    backup: dict[str, object] | None = None  # BackupResult as JSON
    chosen: ChosenEntry | None = None
    uninstall: list[StepEntry] = field(default_factory=list)
    protection_after: str = ""
    others: list[str] = field(default_factory=list)
    leftovers: list[LeftoverEntry] = field(default_factory=list)
    demonstration: bool = False
    paper: str = "A4"
    notes: list[str] = field(default_factory=list)
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(
        timespec="seconds"))

    def to_dict(self) -> dict[str, object]:
        return {"format": "switchover-report", "version": 1,
                "switchover_version": __version__, **self.__dict__}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_html(self) -> str:
        def rows(items: list[tuple[str, str]]) -> str:
            return "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                           for k, v in items)

        def said(sentence: str, **values: str) -> str:
            """A translated sentence of the report, filled with its values escaped."""
            return escape(sentence, quote=False).format(
                **{k: escape(v) for k, v in values.items()})

        parts = [
            f"<!DOCTYPE html><html lang='{current().language}'><head><meta charset='utf-8'>",
            "<title>" + escape(tr("Switchover migration report")) + "</title>",
            "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.4}"
            "th{text-align:left;padding-right:1em;vertical-align:top}"
            "td,th{border-bottom:1px solid #ccc;padding:.3em}</style></head><body>",
            "<h1>" + escape(tr("Switchover migration report")) + "</h1>",
        ]
        if self.demonstration:
            parts.append("<p style='border:2px solid;padding:.5em'>" + tr(
                "<b>Demonstration.</b> This report describes an example machine; nothing on "
                "this computer was read or changed.") + "</p>")
        parts += [
            "<p>" + said(tr("Made on {date} by Switchover {version} for {source} ({platform})."),
                         date=long_date(self.created), version=__version__,
                         source=self.source,
                         platform=PLATFORM_NAMES.get(self.platform, self.platform)) + "</p>",
            "<h2>" + escape(tr("What was found")) + "</h2><table>",
            rows([(p["name"], p.get("detail", "")) for p in self.found])
            or "<tr><td>" + escape(tr("No Kaspersky product.")) + "</td></tr>",
            "</table>", "<p>" + said(tr("Protection before: {protection}"),
                                     protection=self.protection_before) + "</p>",
        ]
        if self.others:
            parts.append("<p>" + said(tr("Other security products: {names}"),
                                      names=", ".join(self.others)) + "</p>")
        if self.leftovers:
            parts += ["<h2>" + escape(tr("Left behind by Kaspersky")) + "</h2><table>",
                      rows([(f"{x['what']} ({_kind(x['kind'])})", x["where"])
                            for x in self.leftovers]), "</table>"]
        if self.backup:
            parts += ["<h2>" + escape(tr("What was backed up")) + "</h2><table>", rows([
                (tr("Archive"), str(self.backup.get("archive", ""))),
                (tr("Files"), str(self.backup.get("files", ""))),
                (tr("Left out"), str(_count(self.backup.get("skipped"))))]), "</table>"]
        if self.chosen:
            parts += ["<h2>" + escape(tr("Chosen replacement")) + "</h2><table>", rows([
                (tr("Product"), str(self.chosen.get("name", ""))),
                (tr("Why"), "; ".join(self.chosen.get("reasons", []))),
                (tr("Download"), str(self.chosen.get("download_url", "")))]), "</table>"]
        if self.uninstall:
            parts += ["<h2>" + escape(tr("What was removed")) + "</h2><table>",
                      rows([(s["title"], f"{_status(s['status'])}: {s.get('detail', '')}")
                            for s in self.uninstall]), "</table>"]
        if self.protection_after:
            parts.append("<p>" + said(tr("Protection afterwards: {protection}"),
                                      protection=self.protection_after) + "</p>")
        parts += [f"<p>{escape(n)}</p>" for n in self.notes]
        parts.append("</body></html>")
        return "".join(parts)


def _count(items: object) -> int:
    return len(items) if isinstance(items, (list, tuple)) else 0


def _kind(kind: str) -> str:
    return tr(LEFTOVER_KINDS[kind]) if kind in LEFTOVER_KINDS else kind


def _status(status: str) -> str:
    """A step's status (saved as its English value) in the reader's language."""
    from core.uninstall.states import StepStatus

    try:
        return StepStatus(status).said
    except ValueError:
        return status


def migration_report(simulated: bool, detection: DetectionResult | None,
                     backup: BackupResult | None, chosen: Recommendation | None,
                     state: RunState | None, verification: VerifyReport | None,
                     country: str | None = None) -> Report:
    """The report of one migration, whichever face ran it: assembled here, once."""
    from dataclasses import asdict

    report = Report(source=tr("a demonstration machine") if simulated else tr("this computer"),
                    platform=detection.platform if detection else "",
                    demonstration=simulated, paper=paper_size(country))
    if simulated:
        report.notes.append(tr("Demonstration: nothing on this computer was changed."))
    if detection is not None:
        report.found = [{"name": p.name,
                         "detail": tr("version {version}").format(version=p.version or "?")}
                        for p in detection.products]
        report.protection_before = detection.protection.reason
        report.others = [o.name for o in detection.others]
        report.leftovers = [{"kind": x.kind, "what": x.what, "where": x.where}
                            for x in detection.leftovers]
    if backup is not None:
        report.backup = asdict(backup)
    if chosen is not None:
        report.chosen = {"name": chosen.name, "download_url": chosen.download_url,
                         "reasons": [r.text for r in chosen.reasons]}
    if state is not None:
        report.uninstall = [{"title": s.title, "status": str(state.states[s.id].status),
                             "detail": state.states[s.id].detail} for s in state.plan.steps]
        report.protection_after = state.plan.protection_after.text
    if verification is not None:  # what the re-check saw beats the forecast
        report.protection_after = verification.protection
    return report
