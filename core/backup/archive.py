"""Run a backup plan into one standard ZIP archive, atomically, with progress and cancel.

The archive is written as a hidden `.partial` file in the destination and published
under its final name only once it is complete and flushed to disk, so a crash, `kill -9`
or power cut never leaves a file that looks like a finished backup. Each run holds an OS
lock on its partial file; the next run removes partial files nobody holds (process ids
are not trusted: they are reused after a reboot). A full disk or a cancel removes the
partial file too, and publishing never overwrites an existing archive. Nothing of the
user's is ever modified: sources are only opened for reading.

Kaspersky's items are copied or exported only when the plan describes this computer
(`live`); for a saved snapshot or a demo they are recorded as simulated, while the folders
the user picked (which are on this computer) are archived for real.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from core import __version__
from core.backup.archive_out import ArchiveOut
from core.backup.drives import (
    CreateFolder,
    NotEnoughSpace,
    check_space,
    prepare_destination,
    space_needed,
    temporary_is_full,
)
from core.backup.manifest import (
    MANIFEST_NAME,
    README_NAME,
    ItemOutcome,
    Manifest,
    Skipped,
)
from core.backup.names import display_path
from core.backup.partials import (
    clean_stale_partials,
    fsync_dir,
    is_disk_full,
    publish,
    try_lock,
)
from core.backup.plan import BackupItem, BackupPlan
from core.backup.readme_text import archive_readme
from core.backup.secrets import SECRETS_NAME, passphrase_problem, secrets_7z
from core.backup.sources import Collected, Collector
from core.backup.streaming import Hasher
from core.backup.zip_writer import Tally, ZipWriter
from core.errors import BadInput, Cancelled, SwitchoverError
from core.jobs import CancelToken, ProgressCallback, ProgressMeter, no_progress
from core.language.translate import tr, tr_n


@dataclass(frozen=True)
class BackupOptions:
    live: bool
    passphrase: str | None = None
    password_export: str | None = None
    now: datetime | None = None
    create_folder: CreateFolder = "no"  # see core.backup.drives.prepare_destination


@dataclass(frozen=True)
class BackupResult:
    archive: str
    files: int
    bytes: int
    archive_bytes: int
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    items: tuple[ItemOutcome, ...]
    encrypted: tuple[str, ...]
    removed_partials: int


def _settings_program_ok(item: BackupItem) -> str | None:
    """Why the export program may not run (the item's detail), or None: it must be the
    product's own file."""
    program = item.command[0] if item.command else ""
    if not os.path.isabs(program):
        return tr("not exported: its program path is not absolute")
    try:
        st = os.lstat(program)
    except OSError:
        return tr("not exported: {program} is not on this computer").format(program=program)
    if not stat.S_ISREG(st.st_mode):
        return tr("not exported: {program} is not a regular file").format(program=program)
    return None


def _run_export(item: BackupItem, workdir: Path, cancel: CancelToken) -> tuple[Path | None, str]:
    problem = _settings_program_ok(item)
    if problem:
        return None, problem
    out = workdir / (item.output_name or "settings.cfg")
    argv = [str(out) if part == "{out}" else part for part in item.command]
    cancel.raise_if_cancelled()
    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=item.timeout_seconds, check=False)
    except subprocess.TimeoutExpired:
        return None, tr("the export did not finish within {seconds} s").format(
            seconds=item.timeout_seconds)
    except OSError as exc:
        return None, tr("the export could not start ({reason})").format(reason=exc.strerror)
    if done.returncode != 0 or not out.is_file():
        return None, tr("the export ended with code {code}; Kaspersky may ask for its "
                        "settings password: export from its settings window instead").format(
            code=done.returncode)
    return out, tr("exported with Kaspersky's own command")


def _collect(plan: BackupPlan, options: BackupOptions, dest: Path, meter: ProgressMeter,
             cancel: CancelToken) -> tuple[Collected, list[ItemOutcome]]:
    secrets = (options.password_export,) if options.password_export else ()
    collector = Collector(meter, cancel, secret_files=secrets, skip_dirs=(str(dest),))
    outcomes: list[ItemOutcome] = []
    chosen: list[str] = []  # real paths of the folders already taken
    for item in plan.items:
        if item.action != "copy":
            continue
        if not options.live and item.kind != "user-folder":
            outcomes.append(ItemOutcome(item.id, item.kind, item.title, "simulated"))
            continue
        if item.kind == "user-folder" and (inside := _already_chosen(item.paths[0], chosen)):
            # `--include src --include ./src/`, or a folder inside another one chosen:
            # its files are in the archive once, under the first.
            outcomes.append(ItemOutcome(item.id, item.kind, item.title, "copied",
                                        tr("already included with {folder}").format(
                                            folder=inside)))
            continue
        before = (len(collector.found.tasks), len(collector.found.missing))
        for path in item.paths:
            collector.add(path, item.archive_dir)
        copied = len(collector.found.tasks) - before[0]
        missing = len(collector.found.missing) - before[1]
        if copied:
            outcomes.append(ItemOutcome(item.id, item.kind, item.title, "copied", tr_n(
                "{n} file", "{n} files", copied).format(n=copied)))
        elif missing == len(item.paths):
            outcomes.append(ItemOutcome(item.id, item.kind, item.title, "not-found",
                                        tr("nothing of it is on this computer")))
        else:
            outcomes.append(ItemOutcome(item.id, item.kind, item.title, "copied",
                                        tr_n("{n} file", "{n} files", 0).format(n=0)))
    if options.password_export:
        collector.found.secrets.insert(0, options.password_export)
    return collector.found, outcomes


def _already_chosen(folder: str, chosen: list[str]) -> str | None:
    """The chosen folder that already holds `folder` (the same or a parent), else None;
    `folder` is then remembered as chosen."""
    real = os.path.normcase(os.path.realpath(folder))
    for other in chosen:
        if real == other or real.startswith(other.rstrip(os.sep) + os.sep):
            return other
    chosen.append(real)
    return None


def run_backup(plan: BackupPlan, dest_dir: str | os.PathLike[str], options: BackupOptions,
               progress: ProgressCallback = no_progress,
               cancel: CancelToken | None = None) -> BackupResult:
    """Back up everything the plan copies into a new archive in `dest_dir`."""
    cancel = cancel or CancelToken()
    now = options.now or datetime.now()
    dest = Path(os.path.abspath(dest_dir))
    prepare_destination(dest, options.create_folder)
    removed = clean_stale_partials(dest)
    if options.password_export and not Path(options.password_export).is_file():
        raise BadInput(tr("The password export {path} does not exist.").format(
            path=options.password_export))
    if options.passphrase is not None and (problem := passphrase_problem(options.passphrase)):
        raise BadInput(problem)

    meter = ProgressMeter("measuring", 0, 0, progress)
    found, outcomes = _collect(plan, options, dest, meter, cancel)
    kaspersky_items = [i for i in plan.items if i.kind != "user-folder" and i.action != "user"]
    if not found.tasks and not found.secrets and not found.empty_dirs and not kaspersky_items:
        raise BadInput(tr("There is nothing to back up: the folders chosen are empty or "
                          "missing, and nothing of Kaspersky's was found. No archive was "
                          "written."))
    check_space(dest, space_needed(found.total_bytes, len(found.tasks)))

    partial: Path | None = None
    workdir = Path(tempfile.mkdtemp(prefix="switchover-export-"))
    try:
        fd, name = tempfile.mkstemp(prefix=".switchover-backup-", suffix=".partial", dir=dest)
        partial = Path(name)
        with os.fdopen(fd, "w+b") as raw_file:
            try_lock(raw_file.fileno())  # held until closed: marks the file as in use
            result = _write_archive(raw_file, plan, options, found, outcomes, workdir,
                                    progress, cancel, now)
            raw_file.flush()
            os.fsync(raw_file.fileno())
        final = publish(partial, dest, now)
        fsync_dir(dest)
    except BaseException as exc:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
        if isinstance(exc, OSError) and is_disk_full(exc) \
                and temporary_is_full(workdir, dest):
            raise NotEnoughSpace(tr("The temporary folder {path} is full; the unfinished "
                                    "backup was removed and nothing else was changed. Free "
                                    "space there, or point TMPDIR (TEMP on Windows) at a "
                                    "disk with room.").format(path=workdir.parent)) from None
        if isinstance(exc, OSError) and is_disk_full(exc):
            raise NotEnoughSpace(tr("The disk holding {path} is full; the unfinished backup "
                                    "was removed and nothing else was changed.").format(
                path=dest)) from None
        if isinstance(exc, OSError):
            raise SwitchoverError(tr("Cannot write the backup in {path} ({reason}); the "
                                     "unfinished backup was removed.").format(
                path=dest, reason=exc.strerror)) from None
        if isinstance(exc, Cancelled):
            raise Cancelled(tr("The backup was cancelled and its unfinished archive "
                               "removed.")) from None
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    tally, skipped, warnings, items, encrypted = result
    return BackupResult(
        archive=str(final), files=tally.files, bytes=tally.bytes,
        archive_bytes=final.stat().st_size, skipped=tuple(skipped),
        warnings=tuple(warnings), items=tuple(items), encrypted=tuple(encrypted),
        removed_partials=removed)


def _write_archive(raw_file: BinaryIO, plan: BackupPlan, options: BackupOptions,
                   found: Collected, outcomes: list[ItemOutcome], workdir: Path,
                   progress: ProgressCallback, cancel: CancelToken, now: datetime
                   ) -> tuple[Tally, list[Skipped], list[str], list[ItemOutcome], list[str]]:
    meter = ProgressMeter("copying", found.total_bytes, len(found.tasks), progress)
    with Hasher() as hasher:
        writer = ZipWriter(ArchiveOut(raw_file.fileno()), hasher, meter, cancel, workdir)
        try:
            writer.skipped.extend(found.skipped)
            for task in found.tasks:
                writer.add_file(task)
            found.secrets.extend(writer.secrets)
            for name in found.empty_dirs:
                writer.add_dir(name)
            for item in plan.items:
                outcome = _special_item(item, options, writer, workdir, cancel)
                if outcome is not None:
                    outcomes.append(outcome)
            encrypted = _add_secrets(found, options, writer, outcomes)
            order = {item.id: i for i, item in enumerate(plan.items)}
            outcomes.sort(key=lambda o: order.get(o.id, -1))
            meter.finish()
            writer.settle()  # every file's record written: the tally is whole
            manifest = Manifest(
                created_at=now.astimezone(timezone.utc).isoformat(timespec="seconds"),
                switchover_version=__version__, platform=plan.platform,
                source="this computer" if options.live else "a saved snapshot (simulated)",
                files=(), skipped=tuple(writer.skipped),
                items=tuple(outcomes), encrypted=tuple(encrypted),
                notes=tuple(plan.notes) + tuple(writer.warnings))
            tally = writer.tally
            readme = archive_readme(manifest, found.missing, tally.files,
                                    tally.warned or [])
            records = writer.records()
            writer.add_bytes_entry(README_NAME, readme.encode("utf-8"), now.timestamp(),
                                   0o100644 << 16, stored=False)
            begun = writer.add_streamed(MANIFEST_NAME)
            manifest.write_json(begun[1].write, records)
            writer.end_streamed(begun)
            writer.finish()
        finally:
            writer.close()
    return tally, writer.skipped, writer.warnings, outcomes, encrypted


def _special_item(item: BackupItem, options: BackupOptions, writer: ZipWriter, workdir: Path,
                  cancel: CancelToken) -> ItemOutcome | None:
    """Licence notes, settings exports and the items only the user can act on."""
    if item.kind == "licence" and item.note_text:
        writer.add_bytes(f"{item.archive_dir}/licence.txt", item.note_text.encode("utf-8"),
                         "(written by Switchover)")
        return ItemOutcome(item.id, item.kind, item.title, "noted", "licence.txt")
    if item.action == "export":
        if not options.live:
            return ItemOutcome(item.id, item.kind, item.title, "simulated",
                               tr("would run: {command}").format(command=" ".join(item.command)))
        out, detail = _run_export(item, workdir, cancel)
        if out is None:
            return ItemOutcome(item.id, item.kind, item.title, "failed", detail)
        writer.add_bytes(f"{item.archive_dir}/{out.name}", out.read_bytes(),
                         "(exported by " + item.command[0] + ")")
        return ItemOutcome(item.id, item.kind, item.title, "exported", detail)
    if item.action == "user":
        return ItemOutcome(item.id, item.kind, item.title, "user")
    return None


def _add_secrets(found: Collected, options: BackupOptions, writer: ZipWriter,
                 outcomes: list[ItemOutcome]) -> list[str]:
    if not found.secrets:
        return []
    if not options.passphrase:
        for path in found.secrets:
            writer.skipped.append(Skipped(display_path(path), tr(
                "holds passwords in plain text: stored only with a passphrase, and none was "
                "given")))
        return []
    data, stored, skipped = secrets_7z(found.secrets, options.passphrase)
    writer.skipped.extend(skipped)
    if stored:
        writer.add_bytes(SECRETS_NAME, data, "(encrypted by Switchover)", stored=True)
        outcomes.append(ItemOutcome(
            "password-export", "password-manager", tr("Password export"), "encrypted",
            tr_n("{n} file(s) in {archive} (AES-256; open with 7-Zip)",
                 "{n} file(s) in {archive} (AES-256; open with 7-Zip)", len(stored)).format(
                n=len(stored), archive=SECRETS_NAME)))
    return stored
