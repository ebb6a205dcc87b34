"""Probes: the only code that reads the machine. Each returns a `SystemSnapshot`."""

from __future__ import annotations

import sys

from core.errors import SwitchoverError
from core.machine.snapshot import SystemSnapshot


def current_platform() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    if sys.platform.startswith("linux"):
        return "linux"
    raise SwitchoverError(f"Switchover cannot probe this operating system ({sys.platform}).")


def probe_machine(root: str | None = None, platform: str | None = None) -> SystemSnapshot:
    """Probe this machine (or a folder laid out like one, for tests) per the signatures."""
    from core.machine.probes.common import plan_for
    from core.machine.signatures import load_signatures

    platform = platform or current_platform()
    plan = plan_for(platform, load_signatures())
    if platform == "linux":
        from core.machine.probes.linux import probe_linux

        return probe_linux(plan, root)
    if platform == "macos":
        from core.machine.probes.macos import probe_macos

        return probe_macos(plan, root)
    from core.machine.probes.windows import probe_windows

    return probe_windows(plan, root)
