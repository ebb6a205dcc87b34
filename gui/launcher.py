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


def _run_wizard(demo: str | None, snapshot: str | None) -> int:
    try:
        from gui.app import run
    except ImportError as exc:
        raise SwitchoverError(f"The wizard cannot start because Qt is not available ({exc}).") \
            from None
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
        print(f"switchover: this is the windowed app; `{sys.argv[1]}` is a command of the "
              "console program, switchover-cli (switchover-cli.exe on Windows, "
              "Switchover.app/Contents/MacOS/switchover-cli on macOS).", file=sys.stderr)
        return 2
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
