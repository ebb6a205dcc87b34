"""Running processes (psutil), filtered to the names the signatures ask about."""

from __future__ import annotations

from core.machine.probes.common import ProbePlan
from core.machine.snapshot import Process


def list_processes(plan: ProbePlan, live: bool = True) -> list[Process]:
    """Processes of a live machine; a probe pointed at a test root sees none."""
    if not live:
        return []
    import psutil

    out = []
    for proc in psutil.process_iter(["pid", "name", "exe", "username"]):
        info = proc.info
        name = info.get("name") or ""
        if name and plan.wants("processes", name):
            out.append(Process(pid=info["pid"], name=name, exe=info.get("exe") or None,
                               user=info.get("username") or None))
    return out
