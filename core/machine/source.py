"""Which machine a command works on: a saved snapshot, a bundled demo, or this computer.

Every command that plans from a machine takes the same `--snapshot FILE | --demo NAME`
options (added by core/cli/main.py); this is the one place that turns them into a snapshot,
importing the probe only when this computer is meant.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `switchover --version` and `demos` need no snapshot machinery
    from core.machine.snapshot import SystemSnapshot


def snapshot_from(args: argparse.Namespace) -> SystemSnapshot:
    if getattr(args, "snapshot", None):
        from core.machine.snapshot import load_snapshot

        return load_snapshot(args.snapshot)
    if getattr(args, "demo", None) is not None:
        from core.machine.demo import load_demo

        return load_demo(args.demo)
    from core.machine.probes import probe_machine

    return probe_machine()

