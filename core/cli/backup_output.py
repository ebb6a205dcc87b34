"""Backup, verify and restore results as terminal text and as JSON (spec/cli.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from core.backup.archive import BackupResult, count_of
from core.backup.drives import human_size
from core.backup.plan import BackupPlan
from core.backup.restore import RestoreResult
from core.backup.verify import VerifyResult

_WHO = {
    "copy": "Switchover copies it",
    "export": "exported with Kaspersky's own command",
    "note": "Switchover writes a note",
    "user": "you need to act in Kaspersky first",
}


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
    lines = ["What uninstalling would lose, and how Switchover keeps it:", ""]
    for item in plan.items:
        lines.append(f"• {item.title} — {_WHO[item.action]}")
        lines.append(f"    {item.why}")
        for step in item.steps:
            lines.append(f"    - {step}")
        if item.command:
            lines.append(f"    command: {' '.join(item.command)}")
        if item.must_confirm:
            lines.append("    (you will be asked to confirm this before uninstalling)")
    if not plan.items:
        lines.append("• Nothing: choose folders with --include.")
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
        f"Backup written: {result.archive}",
        f"  {count_of(result.files, 'file')}, {human_size(result.bytes)} "
        f"({human_size(result.archive_bytes)} in the archive).",
    ]
    for item in result.items:
        detail = f" — {item.detail}" if item.detail else ""
        lines.append(f"  • {item.title}: {item.status}{detail}")
    if result.skipped:
        lines.append(f"  Left out ({len(result.skipped)}), each listed in the manifest:")
        for skipped in result.skipped[:10]:
            lines.append(f"    - {skipped.original_path}: {skipped.reason}")
        if len(result.skipped) > 10:
            lines.append(f"    - … and {len(result.skipped) - 10} more")
    for warning in result.warnings[:10]:
        lines.append(f"  ! {warning}")
    if result.encrypted:
        lines.append("  Your password export is in the archive only encrypted. Once you have "
                     "imported it into your new password manager, delete the plain-text "
                     "export: " + ", ".join(result.encrypted))
    if result.removed_partials:
        lines.append(f"  Removed {result.removed_partials} unfinished archive(s) from an "
                     "earlier interrupted run.")
    lines.append(f"Check it any time with: switchover verify \"{result.archive}\"")
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
        agree = "matches its" if result.checked_files == 1 else "match their"
        lines = [f"OK: {count_of(result.checked_files, 'file')} "
                 f"({human_size(result.checked_bytes)}) {agree} SHA-256 checksum"
                 f"{'' if result.checked_files == 1 else 's'} in {result.archive}."]
    else:
        lines = [f"PROBLEMS in {result.archive}:"]
        for problem in result.problems:
            lines.append(f"  {problem.what}: {problem.name} — {problem.detail}")
        lines.append(f"{count_of(result.checked_files, 'other file')} intact.")
    lines += [f"  note: {w}" for w in result.warnings[:10]]
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
    lines = [f"Restored {count_of(result.restored, 'file')} into {result.target}."]
    lines += [f"  {note}" for note in result.notes]
    for name, reason in (*result.refused, *result.damaged, *result.failed):
        lines.append(f"  ✗ {name}: {reason}")
    return "\n".join(lines) + "\n"
