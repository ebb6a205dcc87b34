"""The `switchover` command line (spec/cli.md): a thin face over core.

Start-up time matters here: device-management tools run `switchover detect` on every
machine of a fleet, so this module imports only argparse at load time and each command
imports what it needs. core never imports the wizard: the entry point (gui/launcher.py)
hands `main` the function that starts it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from core import __version__
from core.cli.stop_signals import Stopped, restore_signals, stop_on_signals
from core.errors import BadInput, SwitchoverError
from core.language.translate import mark, tr
from core.terminal_text import SafeStream

EXIT_KASPERSKY_FOUND = 10

# Starts the wizard: (demo name or "" for the first or None, snapshot path or None) → exit code.
WizardRunner = Callable[[str | None, str | None], int]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, tr("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in the reader's language: its headings and -h are ours to translate (the
    standard library's own catalogs are not installed anywhere Switchover runs)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("positional arguments")
        self._optionals.title = tr("options")
        self.add_argument("-h", "--help", action="help",
                          help=tr("show this help message and exit"))

    def error(self, message: str) -> None:  # type: ignore[override]
        """Bad usage exits 2 with one sentence, as the CLI contract asks."""
        self.exit(2, "switchover: " + tr("{problem} (see `switchover --help`).").format(
            problem=message) + "\n")


def _add_source(parser: argparse.ArgumentParser, snapshot_help: str, demo_help: str) -> None:
    """--snapshot FILE | --demo NAME: which machine to work on instead of this one."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--snapshot", metavar="FILE", help=tr(snapshot_help))
    source.add_argument("--demo", metavar="NAME", help=tr(demo_help))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="switchover", description=tr("Move off Kaspersky safely."))
    parser.add_argument("--version", action="version", version=f"switchover {__version__}",
                        help=tr("show the version and exit"))
    parser.add_argument("--lang", metavar="LANG",
                        help=tr("en, de or es (default: from LANG/LC_ALL or the system)"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help=tr("open the wizard"))
    gui.add_argument("--demo", nargs="?", const="", metavar="NAME",
                     help=tr("use a bundled example machine (the first when no NAME is given)"))
    gui.add_argument("--snapshot", metavar="FILE", help=tr("use a saved snapshot"))

    snap = sub.add_parser("snapshot", help=tr("probe this machine and write its snapshot"))
    snap.add_argument("--out", metavar="FILE", help=tr("write here instead of standard output"))
    snap.add_argument("--root", metavar="DIR", help=argparse.SUPPRESS)

    det = sub.add_parser("detect", help=tr("which Kaspersky and other security products are here"))
    _add_source(det, mark("a saved snapshot instead of this machine"),
                mark("a bundled example machine"))
    det.add_argument("--json", action="store_true", help=tr("one JSON document on standard output"))
    det.add_argument("--exit-code", action="store_true",
                     help=tr("exit {code} when a Kaspersky product is found").format(
                         code=EXIT_KASPERSKY_FOUND))
    det.add_argument("-v", "--verbose", action="store_true", help=tr("show the evidence"))

    sub.add_parser("demos", help=tr("list the bundled example machines"))
    _add_backup_commands(sub)
    _add_catalog_commands(sub)
    _add_explain_command(sub)
    _add_uninstall_command(sub)
    _add_fleet_commands(sub)
    return parser


def _add_uninstall_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    uni = sub.add_parser("uninstall", help=tr("plan, and with --yes run, the removal of Kaspersky"))
    _add_source(uni, mark("plan for a saved snapshot (a run is simulated)"),
                mark("a bundled example machine (simulated)"))
    uni.add_argument("--dry-run", action="store_true", help=tr("show the plan; change nothing"))
    uni.add_argument("--yes", action="store_true", help=tr("carry out the plan"))
    uni.add_argument("--json", action="store_true", help=tr("one JSON document on standard output"))
    uni.add_argument("--backup-done", action="store_true", help=tr("the backup has been made"))
    uni.add_argument("--skip-backup", action="store_true", help=tr("go on without a backup"))
    uni.add_argument("--confirm", action="append", default=[], metavar="ID",
                     help=tr("confirm a step done in Kaspersky first (vault, password-manager, "
                          "backup-tasks)"))
    uni.add_argument("--accept-unprotected", action="store_true",
                     help=tr("go on although nothing would protect the computer afterwards"))
    uni.add_argument("--remove-ultraav", action="store_true",
                     help=tr("include the steps to remove UltraAV and UltraVPN"))
    uni.add_argument("--quiet", action="store_true",
                     help=tr("use the uninstallers' silent modes (unattended fleets)"))
    uni.add_argument("--restart", action="store_true",
                     help=tr("forget a saved, unfinished uninstall and plan afresh"))


def _add_fleet_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    mig = sub.add_parser("migrate",
                         help=tr("detect, back up, uninstall and verify by a policy file"))
    _add_source(mig, mark("a saved snapshot (everything is simulated)"),
                mark("a bundled example machine (simulated)"))
    mig.add_argument("--unattended", action="store_true",
                     help=tr("no questions: the policy answers"))
    mig.add_argument("--policy", metavar="FILE", required=True, help=tr("TOML or JSON policy"))
    mig.add_argument("--dry-run", action="store_true", help=tr("plan everything, change nothing"))
    mig.add_argument("--json", action="store_true", help=tr("one JSON document on standard output"))
    mig.add_argument("--report", metavar="FILE",
                     help=tr("also write the report here (a dry run or a simulated run writes "
                          "no report unless asked)"))
    fleet = sub.add_parser("fleet-report", help=tr("one summary of many machines' reports"))
    fleet.add_argument("dirs", metavar="DIR", nargs="+",
                       help=tr("folders of reports and snapshots"))
    fleet.add_argument("--out-dir", metavar="DIR", default=".",
                       help=tr("where fleet.csv and fleet.html go (default: here)"))
    fleet.add_argument("--json", action="store_true",
                       help=tr("one JSON document on standard output"))


def _add_explain_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    exp = sub.add_parser("explain", help=tr("what the ban means for you, with sources"))
    _add_source(exp, mark("a saved snapshot instead of this machine"),
                mark("a bundled example machine"))
    exp.add_argument("--region", metavar="CC",
                     help=tr("a country code (US, DE, …) instead of the computer's"))
    exp.add_argument("--audience", choices=["home", "business"],
                     help=tr("home or business (default: from the products found)"))
    exp.add_argument("--date", metavar="YYYY-MM-DD", help=tr("explain as of this date (default: "
                                                          "today)"))
    exp.add_argument("--json", action="store_true", help=tr("one JSON document on standard output"))


def _add_catalog_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rec = sub.add_parser("recommend", help=tr("ranked alternatives, with the reasons"))
    _add_source(rec, mark("a saved snapshot instead of this machine"),
                mark("a bundled example machine"))
    rec.add_argument("--platform", action="append", default=[],
                     choices=["windows", "macos", "linux", "android", "ios"],
                     help=tr("a platform it must run on (repeatable; default: this machine's)"))
    rec.add_argument("--need", action="append", default=[],
                     choices=["vpn", "password-manager", "parental-controls", "identity",
                              "firewall", "backup"], help=tr("a feature you need (repeatable)"))
    rec.add_argument("--free-only", action="store_true",
                     help=tr("only products with a free version"))
    rec.add_argument("--exclude-country", action="append", default=[], metavar="CC",
                     help=tr("leave out vendors headquartered in this country (ISO code)"))
    rec.add_argument("--audience", choices=["home", "business"],
                     help=tr("home or business products (default: from what the scan found)"))
    rec.add_argument("-v", "--verbose", action="store_true", help=tr("show every source"))
    rec.add_argument("--json", action="store_true", help=tr("one JSON document on standard output"))

    cat = sub.add_parser("catalog", help=tr("the catalog of alternatives: show, update, verify"))
    cat_sub = cat.add_subparsers(dest="catalog_command", parser_class=_Parser, required=True)
    show = cat_sub.add_parser("show", help=tr("which catalog is in use and where it came from"))
    show.add_argument("--json", action="store_true")
    upd = cat_sub.add_parser("update", help=tr("download a newer signed catalog"))
    upd.add_argument("--url", help=tr("another address for catalog.json (a mirror)"))
    upd.add_argument("--json", action="store_true")
    ver = cat_sub.add_parser("verify", help=tr("check a catalog file and its signature"))
    ver.add_argument("file", metavar="FILE")
    ver.add_argument("--signature", metavar="SIG", help=tr("default: FILE.sig"))
    ver.add_argument("--json", action="store_true")


def _add_backup_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    back = sub.add_parser("backup",
                          help=tr("keep what uninstalling would lose, in one ZIP archive"))
    _add_source(back, mark("plan from a saved snapshot (Kaspersky items are simulated)"),
                mark("plan from a bundled example machine"))
    back.add_argument("--to", metavar="DIR", help=tr("the folder the archive goes into (it must "
                                                  "exist: a drive that is not connected is "
                                                  "never replaced by the internal disk)"))
    back.add_argument("--create-folder", action="store_true",
                      help=tr("make the --to folder (and the folders above it) when it is missing"))
    back.add_argument("--include", metavar="PATH", action="append", default=[],
                      help=tr("a folder or file to back up as well (repeatable)"))
    back.add_argument("--password-export", metavar="FILE",
                      help=tr("Kaspersky Password Manager's text export, stored only encrypted"))
    back.add_argument("--passphrase-file", metavar="FILE",
                      help=tr("read the passphrase for the encrypted part from this file "
                           "(or set SWITCHOVER_PASSPHRASE; never on the command line)"))
    back.add_argument("--plan", action="store_true",
                      help=tr("show what would be kept and who must act, then stop"))
    back.add_argument("--json", action="store_true",
                      help=tr("one JSON document on standard output"))

    ver = sub.add_parser("verify", help=tr("check every file of a backup against its manifest"))
    ver.add_argument("archive", metavar="ARCHIVE")
    ver.add_argument("--json", action="store_true", help=tr("one JSON document on standard output"))

    res = sub.add_parser("restore", help=tr("restore a backup into a folder"))
    res.add_argument("archive", metavar="ARCHIVE")
    res.add_argument("--to", metavar="DIR",
                     help=tr("the folder to restore into (default: a new folder beside the "
                          "archive)"))
    res.add_argument("--overwrite", action="store_true",
                     help=tr("replace files that already exist there"))
    res.add_argument("--json", action="store_true", help=tr("one JSON document on standard output"))

    pw = sub.add_parser("passwords", help=tr("convert a Kaspersky Password Manager export"))
    pw_sub = pw.add_subparsers(dest="passwords_command", parser_class=_Parser, required=True)
    conv = pw_sub.add_parser("convert", help=tr("write the CSV another password manager imports"))
    conv.add_argument("export", metavar="EXPORT", help=tr("the .txt file Kaspersky exported"))
    conv.add_argument("--format", required=True,
                      choices=["bitwarden", "1password", "chrome", "firefox", "apple",
                               "protonpass", "keepassxc"])
    conv.add_argument("--out", metavar="FILE", required=True, help=tr("the CSV file to write"))
    find = pw_sub.add_parser("find", help=tr("look for exports in Documents, Desktop, Downloads"))
    find.add_argument("folders", metavar="FOLDER", nargs="*", help=tr("where to look instead"))
    find.add_argument("--json", action="store_true",
                      help=tr("one JSON document on standard output"))




def _cmd_detect(args: argparse.Namespace) -> int:
    from core.detect.detection import detect
    from core.machine.source import snapshot_from

    result = detect(snapshot_from(args))
    if args.json:
        import json

        from core.cli.detect_output import detection_to_dict

        sys.stdout.write(json.dumps(detection_to_dict(result), indent=2, ensure_ascii=False) + "\n")
    else:
        from core.cli.detect_output import detection_to_text

        sys.stdout.write(detection_to_text(result, verbose=args.verbose))
    return EXIT_KASPERSKY_FOUND if args.exit_code and result.kaspersky_found else 0


def _cmd_snapshot(args: argparse.Namespace) -> int:
    from core.machine.probes import probe_machine
    from core.machine.snapshot import save_snapshot, snapshot_to_json

    snap = probe_machine(root=args.root)
    if args.out:
        try:
            save_snapshot(snap, args.out)
        except OSError as exc:
            raise BadInput(f"Cannot write the snapshot to {args.out} ({exc.strerror}).") from None
        print(f"Snapshot written to {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(snapshot_to_json(snap))
    return 0


def _cmd_demos(_: argparse.Namespace) -> int:
    from core.machine.demo import list_demos

    for demo in list_demos():
        print(f"{demo.name:28} {demo.title}")
    return 0


_COMMANDS = {"detect": _cmd_detect, "snapshot": _cmd_snapshot, "demos": _cmd_demos}

# Every command and the function that runs it, named once; its module loads only when the
# command runs (start-up time of `switchover detect` matters).
_HANDLERS: dict[str, tuple[str, str]] = {
    "backup": ("core.cli.backup", "cmd_backup"),
    "verify": ("core.cli.backup", "cmd_verify"),
    "restore": ("core.cli.backup", "cmd_restore"),
    "passwords": ("core.cli.backup", "cmd_passwords"),
    "migrate": ("core.cli.fleet", "cmd_migrate"),
    "fleet-report": ("core.cli.fleet", "cmd_fleet_report"),
    "uninstall": ("core.cli.uninstall", "cmd_uninstall"),
    "explain": ("core.cli.explain", "cmd_explain"),
    "recommend": ("core.cli.catalog", "cmd_recommend"),
    "catalog": ("core.cli.catalog", "cmd_catalog"),
}


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    if name in _COMMANDS:
        return _COMMANDS[name]
    import importlib

    module, function = _HANDLERS[name]
    handler: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module),
                                                          function)
    return handler


def _take_lang(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """`--lang X` anywhere on the line (before or after the command), taken out."""
    rest: list[str] = []
    lang: str | None = None
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        if item == "--lang" and index + 1 < len(items):
            lang, index = items[index + 1], index + 2
            continue
        if item.startswith("--lang="):
            lang = item.split("=", 1)[1]
        else:
            rest.append(item)
        index += 1
    return rest, lang


def main(argv: Sequence[str] | None = None, wizard: WizardRunner | None = None) -> int:
    from core.language.choice import choose
    from core.language.translate import use

    argv, lang = _take_lang(sys.argv[1:] if argv is None else argv)
    try:
        use(choose(lang))
    except SwitchoverError as exc:
        print(f"switchover: {exc}", file=sys.stderr)
        return exc.exit_code
    try:
        return _main(argv, wizard)
    finally:
        use(None)  # an in-process caller (tests, the fleet scripts' host) is left as found


def _main(argv: Sequence[str], wizard: WizardRunner | None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        args = _parser().parse_args(["gui"])
    if args.command == "gui":
        return _run(args, wizard)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(streams[0]), SafeStream(streams[1])
    try:
        return _run(args, wizard)
    finally:
        sys.stdout, sys.stderr = streams


def _run(args: argparse.Namespace, wizard: WizardRunner | None) -> int:
    if args.command == "gui":
        return _run_command(args, wizard)
    before = stop_on_signals()
    try:
        return _run_command(args, wizard)
    finally:
        restore_signals(before)


def _run_command(args: argparse.Namespace, wizard: WizardRunner | None) -> int:
    try:
        if args.command == "gui":
            if wizard is None:
                raise SwitchoverError("The wizard is not part of this command; "
                                      "run `switchover gui` instead.")
            return wizard(args.demo, args.snapshot)
        return _command(args.command)(args)
    except SwitchoverError as exc:
        print(f"switchover: {exc}", file=sys.stderr)
        if getattr(args, "json", False):
            # A program that asked for JSON gets one document either way: the sentence
            # and the exit code (docs/json-schemas/error.schema.json).
            import json

            sys.stdout.write(json.dumps({"error": str(exc), "exit_code": exc.exit_code},
                                        ensure_ascii=False) + "\n")
        return exc.exit_code
    except Stopped as stop:
        print(tr("switchover: stopped."), file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        print(tr("switchover: interrupted."), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `switchover … | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit stays quiet
        return 141
    except Exception as exc:  # a bug: one sentence for the user, the traceback on request
        if os.environ.get("SWITCHOVER_DEBUG"):
            raise
        if isinstance(exc, OSError) and exc.filename is not None:
            # A path the user named that the system refuses (too long, not allowed,
            # read-only, full): one sentence naming it, not a bug report.
            where = exc.filename if not exc.filename2 else f"{exc.filename} → {exc.filename2}"
            print(f"switchover: {exc.strerror or exc}: {where}", file=sys.stderr)
            return 2
        print(f"switchover: internal error ({type(exc).__name__}: {exc}); "
              "run again with SWITCHOVER_DEBUG=1 for details and please report it.",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
