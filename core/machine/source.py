"""Which machine a command works on: a saved snapshot, a bundled demo, or this computer.

Every command that plans from a machine takes the same `--snapshot FILE | --demo NAME`
options (added by core/cli/main.py); the wizard takes the same two. `MachineRef` is the
one place that turns them into a snapshot, importing the probe only when this computer is
meant, and that names the machine for a saved run (a run saved for one demo is never
resumed on another, or on this computer).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `switchover --version` and `demos` need no snapshot machinery
    from core.machine.snapshot import SystemSnapshot


@dataclass(frozen=True)
class MachineRef:
    demo: str | None = None  # "" means the default demo machine
    snapshot_path: str | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> MachineRef:
        snapshot = getattr(args, "snapshot", None)
        return cls(getattr(args, "demo", None), str(snapshot) if snapshot else None)

    @property
    def simulated(self) -> bool:
        """A demo or a saved snapshot: every action is simulated and says so."""
        return self.demo is not None or bool(self.snapshot_path)

    @property
    def source(self) -> str:
        if self.snapshot_path:
            return "snapshot:" + os.path.abspath(self.snapshot_path)
        if self.demo is not None:
            return "demo:" + self.demo
        return "this computer"

    def snapshot(self) -> SystemSnapshot:
        if self.snapshot_path:
            from core.machine.snapshot_read import load_snapshot

            return load_snapshot(self.snapshot_path)
        if self.demo is not None:
            from core.machine.demo import load_demo

            return load_demo(self.demo or None)
        from core.machine.probes import probe_machine

        return probe_machine()


def snapshot_from(args: argparse.Namespace) -> SystemSnapshot:
    return MachineRef.from_args(args).snapshot()
