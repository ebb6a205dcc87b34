"""`switchover backup | verify | restore | passwords convert`: thin faces over core jobs.

Progress goes to standard error (a one-line meter on a terminal, nothing otherwise), so
`--json` leaves exactly one document on standard output. Passphrases are never taken
from the command line, where other users of the machine could read them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import BadInput
from core.jobs import Progress
from core.language.translate import mark, tr, tr_n

if TYPE_CHECKING:
    from core.backup.drives import Target

EXIT_DAMAGED = 3
# The progress meter's stages (ids) as the terminal shows them.
_STAGES = frozenset((mark("measuring"), mark("copying"), mark("verifying"), mark("restoring")))


def _emit(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _progress_printer() -> Any:
    if not sys.stderr.isatty():
        return lambda _: None

    def show(progress: Progress) -> None:
        from core.backup.drives import human_size

        line = (tr("{stage}: {done}/{total} files, {size}, about {seconds} s left")
                if progress.eta_seconds else tr("{stage}: {done}/{total} files, {size}"))
        stage = tr(progress.stage) if progress.stage in _STAGES else progress.stage
        sys.stderr.write("\r" + line.format(
            stage=stage, done=progress.done_files, total=progress.total_files,
            size=human_size(progress.done_bytes),
            seconds=f"{progress.eta_seconds or 0:.0f}") + "\033[K")
        sys.stderr.flush()

    return show


def _end_meter() -> None:
    """Ends the one-line progress meter's line, on a terminal only."""
    if sys.stderr.isatty():
        sys.stderr.write("\n")


def _report(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    """One JSON document with --json, the text otherwise."""
    if args.json:
        _emit(data)
    else:
        sys.stdout.write(text)


def _passphrase(args: argparse.Namespace) -> str | None:
    if args.passphrase_file:
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(tr("Cannot read the passphrase file {path} ({reason}).").format(
                path=args.passphrase_file, reason=exc)) from None
        return text.splitlines()[0] if text.splitlines() else ""
    if os.environ.get("SWITCHOVER_PASSPHRASE"):
        return os.environ["SWITCHOVER_PASSPHRASE"]
    if args.password_export and sys.stdin.isatty():
        first = getpass.getpass(tr("Passphrase for the encrypted password export: "))
        if getpass.getpass(tr("The same passphrase again: ")) != first:
            raise BadInput(tr("The two passphrases differ; nothing was written."))
        return first
    return None


def cmd_backup(args: argparse.Namespace) -> int:
    from core.backup.archive import BackupOptions, run_backup
    from core.backup.plan import BackupChoices, plan_backup
    from core.cli.backup_output import backup_to_dict, backup_to_text
    from core.detect.detection import detect
    from core.machine.source import snapshot_from

    live = not (args.snapshot or args.demo is not None)
    folders = tuple(os.path.abspath(p) for p in args.include)
    for folder in folders:
        try:
            os.lstat(folder)
        except FileNotFoundError:
            raise BadInput(tr("{path} does not exist.").format(path=folder)) from None
        except OSError as exc:
            raise BadInput(tr("{path} cannot be reached ({reason}).").format(
                path=folder, reason=exc.strerror)) from None
    plan = plan_backup(detect(snapshot_from(args)),
                       BackupChoices(folders=folders, password_export=args.password_export))
    if args.plan:
        return _show_plan(plan, folders, args)
    if not args.to:
        raise BadInput(tr("Say where the archive goes with {option}.").format(option="--to DIR"))
    passphrase = _passphrase(args)
    if args.password_export and passphrase is None:
        raise BadInput(tr("The password export is stored only encrypted: give a passphrase "
                          "with {option} or {variable}.").format(
            option="--passphrase-file", variable="SWITCHOVER_PASSPHRASE"))
    if not live:
        print(tr("Planned from a saved machine: Kaspersky's items are simulated; the folders "
                 "you included are backed up for real."), file=sys.stderr)
    try:
        result = run_backup(plan, args.to, BackupOptions(
            live=live, passphrase=passphrase, password_export=args.password_export,
            create_folder="all" if args.create_folder else "no"),
            progress=_progress_printer())
    finally:
        _end_meter()
    _report(args, backup_to_dict(result), backup_to_text(result))
    return 0


def _show_plan(plan: Any, folders: tuple[str, ...], args: argparse.Namespace) -> int:
    """The plan, the chosen folders' measured size, and the free space where it would go."""
    from core.backup.drives import describe, human_size, space_needed
    from core.cli.backup_output import plan_to_dict, plan_to_text
    from core.machine.probes.user_data import measure, standard_folders

    sizes = measure(list(folders))
    target = describe(args.to) if args.to else None
    free = target.free if target else None
    offered = [f for f in standard_folders() if f.path not in folders]
    if args.json:
        data = plan_to_dict(plan)
        data["folders"] = [{"path": s.path, "bytes": s.bytes, "files": s.files,
                            "unreadable": s.unreadable} for s in sizes]
        data["free_bytes"] = free
        if target is not None:
            data["target"] = {"path": target.path, "exists": target.exists,
                              "free_bytes": target.free, "kind": target.kind}
        data["offered_folders"] = [{"label": f.label, "path": f.path} for f in offered]
        _emit(data)
        return 0
    sys.stdout.write(plan_to_text(plan))
    total = sum(s.bytes for s in sizes)
    for size in sizes:
        # English says "files" for one too (as it always has); other languages use their forms.
        line = (tr_n("{path}: {n} files, {size}, {unreadable} unreadable",
                     "{path}: {n} files, {size}, {unreadable} unreadable", size.files)
                if size.unreadable else
                tr_n("{path}: {n} files, {size}", "{path}: {n} files, {size}", size.files))
        print("  " + line.format(path=size.path, n=size.files, size=human_size(size.bytes),
                                 unreadable=size.unreadable))
    if target is not None and not target.exists:
        print(tr("{path} does not exist: connect the drive or share first (or make the "
                 "folder with {option} when you back up).").format(path=args.to,
                                                                  option="--create-folder"))
    elif target is not None and free is not None:
        needed = space_needed(total, sum(s.files for s in sizes))
        _print_space(args.to, target, free, total, needed)
    if offered:
        print(tr("Folders you can add with {option}: {folders}").format(
            option="--include", folders=", ".join(f"{f.label} ({f.path})" for f in offered)))
    return 0


def _print_space(to: str, target: Target, free: int, total: int, needed: int) -> None:
    """Free space at the destination, and whether the chosen folders fit."""
    from core.backup.drives import human_size

    where = target.said()
    if free >= needed:
        line = (tr("Free space at {path}, {where}: {free} (enough for {size}).") if where
                else tr("Free space at {path}: {free} (enough for {size})."))
    else:
        line = (tr("Free space at {path}, {where}: {free} (NOT enough for {size}).") if where
                else tr("Free space at {path}: {free} (NOT enough for {size})."))
    print(line.format(path=to, where=where, free=human_size(free), size=human_size(total)))


def cmd_verify(args: argparse.Namespace) -> int:
    from core.backup.verify import verify_archive
    from core.cli.backup_output import verify_to_dict, verify_to_text

    result = verify_archive(args.archive, progress=_progress_printer())
    _end_meter()
    _report(args, verify_to_dict(result), verify_to_text(result))
    return 0 if result.ok else EXIT_DAMAGED


def cmd_restore(args: argparse.Namespace) -> int:
    from core.backup.restore import restore_archive
    from core.cli.backup_output import restore_to_dict, restore_to_text

    result = restore_archive(args.archive, args.to or None, overwrite=args.overwrite,
                             progress=_progress_printer())
    _end_meter()
    _report(args, restore_to_dict(result), restore_to_text(result))
    if result.ok:
        return 0
    return EXIT_DAMAGED if result.archive_at_fault else 1


def cmd_passwords(args: argparse.Namespace) -> int:
    if args.passwords_command == "find":
        return _find_exports(args)
    from core.passwords.convert_file import convert_export_file
    from core.passwords.csv_formats import FORMAT_NAMES

    out, result = convert_export_file(args.export, args.format, args.out)
    print(tr_n("Wrote {n} entries for {manager} to {path}.",
               "Wrote {n} entries for {manager} to {path}.", result.written).format(
        n=result.written, manager=FORMAT_NAMES[args.format], path=out))
    for title, reason in result.skipped:
        print("  " + tr("not converted: {title} — {reason}").format(title=title, reason=reason))
    for warning in result.warnings:
        print(f"  ! {warning}")
    return 0


def _find_exports(args: argparse.Namespace) -> int:
    from core.machine.probes.user_data import find_kpm_exports, standard_folders

    folders = args.folders or [f.path for f in standard_folders()]
    found = find_kpm_exports(folders)
    if args.json:
        _emit({"searched": folders, "exports": found})
        return 0
    if not found:
        print(tr("No Kaspersky Password Manager export found in: {folders}").format(
            folders=", ".join(folders)))
        return 0
    for path in found:
        print(path)
    print(tr("Each holds passwords in plain text: convert it, import it, then delete it."))
    return 0

