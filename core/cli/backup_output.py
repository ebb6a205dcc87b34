"""Backup, verify and restore results as terminal text and as JSON (spec/cli.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from core.backup.archive import BackupResult
from core.backup.drives import human_size
from core.backup.plan import BackupPlan
from core.language.translate import mark, tr, tr_n

if TYPE_CHECKING:  # only named in annotations: a backup need not load restore's code
    from core.backup.restore import RestoreResult
    from core.backup.verify import VerifyResult

_WHO = {
    "copy": mark("Switchover copies it"),
    "export": mark("exported with Kaspersky's own command"),
    "note": mark("Switchover writes a note"),
    "user": mark("you need to act in Kaspersky first"),
}
# An item's outcome (the manifest's status, an id) as the terminal shows it.
_STATUSES = frozenset((mark("copied"), mark("exported"), mark("noted"), mark("simulated"),
                       mark("user"), mark("not-found"), mark("failed"), mark("encrypted")))
# What verify found wrong with an entry (an id).
_PROBLEMS = frozenset((mark("missing"), mark("extra"), mark("damaged")))


def plan_to_dict(plan: BackupPlan) -> dict[str, Any]:
    return {
        "platform": plan.platform,
        "reviewed": plan.reviewed,
        "items": [{
            "id": i.id, "kind": i.kind, "title": i.title, "why": i.why, "action": i.action,
            "paths": list(i.paths), "command": list(i.command), "steps": list(i.steps),
            "must_confirm": i.must_confirm, "confidence": i.confidence,
            "sources": list(i.sources)} for i in plan.items],
        "notes": list(plan.notes),
    }


def plan_to_text(plan: BackupPlan) -> str:
    lines = [tr("What uninstalling would lose, and how Switchover keeps it:"), ""]
    for item in plan.items:
        lines.append(f"• {item.title} — {tr(_WHO[item.action])}")
        lines.append(f"    {item.why}")
        for step in item.steps:
            lines.append(f"    - {step}")
        if item.command:
            lines.append("    " + tr("command: {command}").format(command=" ".join(item.command)))
        if item.must_confirm:
            lines.append("    " + tr("(you will be asked to confirm this before uninstalling)"))
    if not plan.items:
        lines.append("• " + tr("Nothing: choose folders with {option}.").format(
            option="--include"))
    lines += ["", *plan.notes]
    return "\n".join(lines).rstrip() + "\n"


def backup_to_dict(result: BackupResult) -> dict[str, Any]:
    return {
        "archive": result.archive,
        "files": result.files,
        "bytes": result.bytes,
        "archive_bytes": result.archive_bytes,
        "skipped": [asdict(s) for s in result.skipped],
        "warnings": list(result.warnings),
        "items": [asdict(i) for i in result.items],
        "encrypted": list(result.encrypted),
        "removed_partials": result.removed_partials,
    }


def backup_to_text(result: BackupResult) -> str:
    lines = [
        tr("Backup written: {path}").format(path=result.archive),
        "  " + tr_n("{n} file, {size} ({archive_size} in the archive).",
                    "{n} files, {size} ({archive_size} in the archive).", result.files).format(
            n=result.files, size=human_size(result.bytes),
            archive_size=human_size(result.archive_bytes)),
    ]
    for item in result.items:
        detail = f" — {item.detail}" if item.detail else ""
        status = tr(item.status) if item.status in _STATUSES else item.status
        lines.append(f"  • {item.title}: {status}{detail}")
    if result.skipped:
        lines.append("  " + tr("Left out ({n}), each listed in the manifest:").format(
            n=len(result.skipped)))
        for skipped in result.skipped[:10]:
            lines.append(f"    - {skipped.original_path}: {skipped.reason}")
        if len(result.skipped) > 10:
            lines.append("    - " + tr("… and {n} more").format(n=len(result.skipped) - 10))
    for warning in result.warnings[:10]:
        lines.append(f"  ! {warning}")
    if result.encrypted:
        lines.append("  " + tr("Your password export is in the archive only encrypted. Once you "
                               "have imported it into your new password manager, delete the "
                               "plain-text export: {paths}").format(
            paths=", ".join(result.encrypted)))
    if result.removed_partials:
        lines.append("  " + tr_n("Removed {n} unfinished archive(s) from an earlier "
                                 "interrupted run.",
                                 "Removed {n} unfinished archive(s) from an earlier "
                                 "interrupted run.", result.removed_partials).format(
            n=result.removed_partials))
    lines.append(tr("Check it any time with: {command}").format(
        command=f"switchover verify \"{result.archive}\""))
    return "\n".join(lines) + "\n"


def verify_to_dict(result: VerifyResult) -> dict[str, Any]:
    return {
        "archive": result.archive, "ok": result.ok, "checked_files": result.checked_files,
        "checked_bytes": result.checked_bytes,
        "missing": [p.name for p in result.of("missing")],
        "extra": [p.name for p in result.of("extra")],
        "damaged": [{"name": p.name, "detail": p.detail} for p in result.of("damaged")],
        "warnings": list(result.warnings),
    }


def verify_to_text(result: VerifyResult) -> str:
    if result.ok:
        lines = [tr_n("OK: {n} file ({size}) matches its SHA-256 checksum in {path}.",
                      "OK: {n} files ({size}) match their SHA-256 checksums in {path}.",
                      result.checked_files).format(n=result.checked_files,
                                                   size=human_size(result.checked_bytes),
                                                   path=result.archive)]
    else:
        lines = [tr("PROBLEMS in {path}:").format(path=result.archive)]
        for problem in result.problems:
            what = tr(problem.what) if problem.what in _PROBLEMS else problem.what
            lines.append(f"  {what}: {problem.name} — {problem.detail}")
        lines.append(tr_n("{n} other file intact.", "{n} other files intact.",
                          result.checked_files).format(n=result.checked_files))
    lines += ["  " + tr("note: {warning}").format(warning=w) for w in result.warnings[:10]]
    return "\n".join(lines) + "\n"


def restore_to_dict(result: RestoreResult) -> dict[str, Any]:
    return {
        "target": result.target, "ok": result.ok, "restored": result.restored,
        "kept": list(result.kept),
        "refused": [{"name": n, "reason": r} for n, r in result.refused],
        "failed": [{"name": n, "reason": r} for n, r in result.failed],
        "damaged": [{"name": n, "reason": r} for n, r in result.damaged],
        "notes": list(result.notes),
    }


def restore_to_text(result: RestoreResult) -> str:
    lines = [tr_n("Restored {n} file into {path}.", "Restored {n} files into {path}.",
                  result.restored).format(n=result.restored, path=result.target)]
    lines += [f"  {note}" for note in result.notes]
    for name, reason in (*result.refused, *result.damaged, *result.failed):
        lines.append(f"  ✗ {name}: {reason}")
    return "\n".join(lines) + "\n"
