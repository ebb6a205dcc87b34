"""The `switchover` and `switchover-gui` entry points.

They live in the face, not in core, because only a face may know both core and the
wizard. Nothing here imports Qt until the wizard is asked for, so `switchover detect`
starts as fast as the bare core command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from core.cli.main import main as core_main
from core.errors import SwitchoverError
from core.language.translate import mark, tr

# Said before Qt starts, so in core's catalog (gettext), not the wizard's .ts: marked here
# with `mark` (bare `tr("…")` would also be taken by pyside6-lupdate), shown with `tr`.
NO_DISPLAY = mark("The wizard needs a desktop, and no display was found here (neither "
                  "DISPLAY nor WAYLAND_DISPLAY is set). Without one, the commands work: "
                  "switchover detect, explain, recommend, backup, uninstall and migrate "
                  "--unattended (switchover --help lists them all).")
NO_QT = mark("The wizard cannot start because Qt is not available ({error}).")
WINDOWED_APP = mark("this is the windowed app; `{command}` is a command of the console "
                    "program, switchover-cli (switchover-cli.exe on Windows, "
                    "Switchover.app/Contents/MacOS/switchover-cli on macOS).")


def _check_before_any_window(demo: str | None, snapshot: str | None) -> None:
    """What can be refused in one sentence is refused before Qt starts: Qt itself aborts
    without a display (exit 134, with a misleading "reinstalling may fix this")."""
    import os

    if demo is not None:
        from core.machine.demo import demo_machine

        demo_machine(demo or None)  # an unknown name: the list of demos, exit 2
    if snapshot is not None:
        from core.machine.snapshot_read import load_snapshot

        load_snapshot(snapshot)  # a missing or broken file: one sentence, exit 2
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        raise SwitchoverError(tr(NO_DISPLAY))


def _run_wizard(demo: str | None, snapshot: str | None) -> int:
    _check_before_any_window(demo, snapshot)
    try:
        from gui.app import run
    except ImportError as exc:
        raise SwitchoverError(tr(NO_QT).format(error=exc)) from None
    return run(demo=demo, snapshot=snapshot)


def main(argv: Sequence[str] | None = None) -> int:
    """`switchover`: every command of spec/cli.md; no arguments opens the wizard."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--self-test"]:
        from gui.selftest import run_self_test

        return run_self_test()
    return core_main(args, wizard=_run_wizard)


# What the console program takes and the windowed app does not: a fleet script that
# starts the windowed app by mistake gets this sentence (and exit 2), not the wizard.
CONSOLE_COMMANDS = frozenset(("detect", "snapshot", "demos", "explain", "recommend", "catalog",
                              "backup", "verify", "restore", "passwords", "uninstall",
                              "migrate", "fleet-report"))


def gui_main() -> int:
    """`switchover-gui` (a GUI launcher: no console window on Windows)."""
    if sys.argv[1:] == ["--self-test"]:
        return main(["--self-test"])
    if sys.argv[1:2] and sys.argv[1] in CONSOLE_COMMANDS:
        print("switchover: " + tr(WINDOWED_APP).format(command=sys.argv[1]),
              file=sys.stderr)
        return 2
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
