"""Run an uninstall plan step by step, saving before and after each step so it can resume.

Every command goes to the hash-chained audit log. The face answers "ask the user" through
`ask` (the wizard with a dialog, the terminal with a prompt, a fleet policy with nobody)
and the migration engine supplies the check that Kaspersky is gone (`verify`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core import audit_log
from core.errors import SwitchoverError
from core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from core.language.translate import tr
from core.uninstall.executors import Executor, interpret
from core.uninstall.plan import Step
from core.uninstall.state import RunState, StepState, now, save_state
from core.uninstall.states import StepKind, StepStatus

Ask = Callable[[Step], "str | None"]  # "done", "skip", or None when nobody can answer
Verify = Callable[[], tuple[bool, str]]




def _boot_time() -> float:
    import psutil

    return float(psutil.boot_time())


class Runner:
    def __init__(self, state: RunState, path: Path, executor: Executor, ask: Ask,
                 verify: Verify, audit: Path, progress: ProgressCallback = no_progress,
                 cancel: CancelToken | None = None) -> None:
        self.state = state
        self.path = path
        self.executor = executor
        self.ask = ask
        self.verify = verify
        self.audit = audit
        self.progress = progress
        self.cancel = cancel or CancelToken()

    def _set(self, step: Step, status: StepStatus, detail: str = "",
             code: int | None = None) -> None:
        entry = self.state.states[step.id]
        entry.status, entry.detail, entry.exit_code = status, detail, code
        if status == StepStatus.RUNNING:
            entry.started = now()
        else:
            entry.finished = now()
        save_state(self.state, self.path)

    def run(self) -> RunState:
        blocked = self.state.plan.blocked_by
        if blocked:
            raise SwitchoverError("Not started: " + "; ".join(
                f"{s.title} — {s.description}" for s in blocked))
        steps = self.state.plan.steps
        audit_log.append(self.audit, "run", simulated=self.executor.simulated,
                         steps=len(steps))
        for index, step in enumerate(steps):
            entry = self.state.states[step.id]
            if self.state.complete(step):
                continue
            self.progress(Progress("uninstalling", 0, 0, index, len(steps), step.title, None))
            self.cancel.raise_if_cancelled()  # between steps: a running uninstaller finishes
            if not self._do(step, entry):
                break
        return self.state

    def _do(self, step: Step, entry: StepState) -> bool:
        """Run one step; False when the run must stop here (failure, reboot, the user)."""
        if step.kind in (StepKind.CHECK, StepKind.OFFER):
            self._set(step, StepStatus.DONE,
                      tr("confirmed") if step.kind == StepKind.CHECK else tr("noted"))
            return True
        if step.kind == StepKind.REBOOT:
            return self._reboot(step, entry)
        if step.kind == StepKind.MANUAL:
            answer = self.ask(step)
            if answer in ("done", "skip"):
                self._set(step, StepStatus.DONE if answer == "done" else StepStatus.SKIPPED,
                          tr("done by hand") if answer == "done" else tr("skipped by you"))
                return True
            self._set(step, StepStatus.NEEDS_USER, step.refused or tr("needs you"))
            return False
        if step.kind == StepKind.VERIFY:
            ok, detail = self.verify()
            self._set(step, StepStatus.DONE if ok else StepStatus.FAILED, detail)
            audit_log.append(self.audit, "verify", ok=ok, detail=audit_log.redact(detail))
            return ok
        return self._remove(step)

    def _remove(self, step: Step) -> bool:
        problem = self.executor.check(step)
        if problem:
            self._set(step, StepStatus.FAILED, tr("not run: {problem}").format(problem=problem))
            audit_log.append(self.audit, "refused", step=step.id, reason=problem)
            return False
        self._set(step, StepStatus.RUNNING)
        argv = (*self.executor.elevate, *step.argv) \
            if step.needs_admin and step.exit_codes == "package" else step.argv
        result = self.executor.run(argv, step.timeout, self.cancel)
        status, detail = interpret(step, result)
        if self.executor.simulated:
            status, detail = StepStatus.DONE, tr("simulated: nothing was run")
        last_line = next((line for line in reversed(result.tail.splitlines()) if line.strip()),
                         "")
        audit_log.append(self.audit, "command", step=step.id,
                         argv=[audit_log.redact(a) for a in argv],
                         exit_code=result.exit_code, timed_out=result.timed_out,
                         output_bytes=result.output_bytes,
                         last_line=audit_log.redact(last_line), simulated=self.executor.simulated)
        self._set(step, status, detail, result.exit_code)
        self.cancel.raise_if_cancelled()
        return status in (StepStatus.DONE, StepStatus.NEEDS_REBOOT)

    def _reboot(self, step: Step, entry: StepState) -> bool:
        if self.executor.simulated:
            self._set(step, StepStatus.DONE, tr("simulated: no restart needed"))
            return True
        if entry.status == StepStatus.NEEDS_REBOOT and entry.boot_time is not None \
                and _boot_time() > entry.boot_time + 1:
            self._set(step, StepStatus.DONE, tr("the computer was restarted"))
            return True
        entry.boot_time = entry.boot_time or _boot_time()
        self._set(step, StepStatus.NEEDS_REBOOT,
                  tr("restart the computer, then run Switchover again"))
        return False
