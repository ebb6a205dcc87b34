"""A removal in progress, as saved on disk: the plan and each step's status.

Written atomically before a step starts and after it ends (0600: it describes the
machine), so a crash, `kill -9` or a reboot resumes at the step that was running. The
file sits in the user's folder, so nothing in it is trusted: `revalidate` checks it
against what would be planned now, and `load_state` turns every way it can be wrong into
one sentence.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from core.atomic import write_text_atomic
from core.errors import SwitchoverError
from core.language.translate import tr
from core.uninstall.plan import ProtectionAfter, Step, UninstallPlan
from core.uninstall.states import ProtectionState, StepKind, StepStatus

STATE_FORMAT = "switchover-uninstall-state"


@dataclass
class StepState:
    status: StepStatus = StepStatus.WAITING
    exit_code: int | None = None
    detail: str = ""
    started: str | None = None
    finished: str | None = None
    boot_time: float | None = None


@dataclass
class RunState:
    plan: UninstallPlan
    simulated: bool
    states: dict[str, StepState] = field(default_factory=dict)
    created: str = ""
    source: str = ""  # "this computer", or the demo/snapshot it was planned for

    def complete(self, step: Step) -> bool:
        """Done, skipped, or a removal that finished and only waits for the restart."""
        status = self.states[step.id].status
        return status in (StepStatus.DONE, StepStatus.SKIPPED) or (
            step.kind == StepKind.REMOVE and status == StepStatus.NEEDS_REBOOT)

    @property
    def finished(self) -> bool:
        return all(self.complete(s) for s in self.plan.steps)

    def next_step(self) -> Step | None:
        return next((s for s in self.plan.steps if not self.complete(s)), None)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _plan_to_dict(plan: UninstallPlan) -> dict[str, Any]:
    return {"platform": plan.platform, "notes": list(plan.notes),
            "protection_after": asdict(plan.protection_after),
            "steps": [asdict(s) for s in plan.steps]}


def _plan_from_dict(data: dict[str, Any]) -> UninstallPlan:
    steps = tuple(Step(**{**s, "kind": StepKind(s["kind"]), "args": tuple(s["args"]),
                          "checks": tuple(s["checks"])})
                  for s in data["steps"])
    return UninstallPlan(data["platform"], steps, ProtectionAfter(
        ProtectionState(data["protection_after"]["state"]), data["protection_after"]["text"]),
                         tuple(data["notes"]))


def save_state(state: RunState, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"format": STATE_FORMAT, "version": 1, "created": state.created,
           "simulated": state.simulated, "source": state.source,
           "plan": _plan_to_dict(state.plan),
           "states": {k: asdict(v) for k, v in state.states.items()}}
    write_text_atomic(path, json.dumps(doc, indent=1, ensure_ascii=False) + "\n", mode=0o600)


def load_state(path: Path) -> RunState | None:
    """A run in progress, or None; an unreadable file is an error, never ignored silently."""
    if not path.is_file():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != STATE_FORMAT:
            raise ValueError("not an uninstall state file")
        plan = _plan_from_dict(doc["plan"])
        states = {k: StepState(**{**v, "status": StepStatus(v["status"])})
                  for k, v in doc["states"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SwitchoverError(f"The saved uninstall progress in {path} cannot be read ({exc}); "
                              "start over with --restart (or move the file away).") from None
    return RunState(plan, bool(doc.get("simulated")), states, str(doc.get("created", "")),
                    str(doc.get("source", "")))


def new_state(plan: UninstallPlan, simulated: bool, source: str = "") -> RunState:
    return RunState(plan, simulated, {s.id: StepState() for s in plan.steps}, now(), source)


def revalidate(state: RunState, fresh: UninstallPlan, installed: set[str]) -> RunState:
    """Check a saved run against what Switchover would plan for this machine now.

    The state file lives in the user's folder, so nothing in it is trusted: a step that is
    still to run must appear, command for command, in the fresh plan, or the run stops.
    A product that is no longer installed (its uninstaller may have finished and deleted
    itself just before a crash) counts as done instead of failing forever.
    """
    planned = {step.id: step for step in fresh.steps}
    for step in state.plan.steps:
        entry = state.states[step.id]
        if state.complete(step) or step.kind not in (StepKind.REMOVE, StepKind.MANUAL):
            continue
        if step.product_id and step.product_id not in installed:
            entry.status, entry.detail = StepStatus.DONE, tr("no longer installed")
            continue
        twin = planned.get(step.id)
        if step.kind == StepKind.REMOVE and (twin is None or twin.argv != step.argv
                                      or twin.checks != step.checks):
            raise SwitchoverError("The saved uninstall does not match what Switchover plans "
                                  "for this computer now, so it is not run; start over with "
                                  "--restart (or Back in the wizard).")
    return state


