"""The migration engine: one way to take a machine off Kaspersky, whichever face asks.

`switchover uninstall`, `switchover migrate` and the wizard used to carry three copies of
this flow, and they disagreed on what success is, how to get administrator rights, which
saved run may be resumed and which exit code a waiting step gets. They now all call this
engine (in the spirit of Dangerzone's one core and Electrum's wizard logic); a face only
says how it reaches a person (`Asking`, and `ask` for a step only a person can do) and
shows what comes back.

The rules, each in one place:
- **Scan**: the machine is a `MachineRef` (this computer, a demo or a snapshot); a demo or
  snapshot is always simulated.
- **Resume**: a saved run is resumed only while unfinished and only for the machine it was
  planned for; on a real machine it is first checked against a fresh plan
  (`revalidate`). A finished run is archived, never resumed.
- **Back up**: a backup made through the engine is recorded, so a resumed run (after the
  restart, or from the wizard's Welcome page) knows it was made.
- **Elevation**: `core.uninstall.elevation`, one strategy per OS.
- **Success**: the verify step passes when Kaspersky is gone; the run succeeds when it is
  gone *and* the machine is protected as expected (any active real-time protection, or
  what a fleet policy names). Anything less is exit 4 (`RemovalResult.exit_code`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.atomic import write_text_atomic
from core.errors import SwitchoverError
from core.exit_codes import ExitCode
from core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from core.language.translate import mark, tr
from core.machine.source import MachineRef
from core.uninstall.elevation import Asking, elevation
from core.uninstall.plan import Answers, Step, UninstallPlan
from core.uninstall.run import Ask
from core.uninstall.state import RunState, load_state, new_state, revalidate
from core.uninstall.states import StepKind, StepStatus, Words
from core.uninstall.verify import VerifyReport

if TYPE_CHECKING:
    from core.backup.archive import BackupOptions, BackupResult
    from core.backup.plan import BackupPlan
    from core.detect.detection import DetectionResult
    from core.machine.snapshot import SystemSnapshot

Expectation = Callable[["DetectionResult"], tuple[bool, str]]
MIGRATION_FORMAT = "switchover-migration-state"


class Outcome(Words):
    """How a removal ended; `said` is the value in the reader's language."""

    PLANNED = mark("planned")
    BLOCKED = mark("blocked")
    NOTHING_TO_REMOVE = mark("nothing to remove")
    DONE = mark("done")
    NEEDS_REBOOT = mark("needs-reboot")
    NEEDS_USER = mark("needs-user")
    SOMETHING_REMAINS = mark("something remains")
    FAILED = mark("failed")


def any_protection(after: DetectionResult) -> tuple[bool, str]:
    """The default expectation: something protects the machine in real time."""
    return after.protected, after.protection.reason


def nobody(_step: Step) -> str | None:
    """The answer when no person can be asked: the step waits (exit 4)."""
    return None


@dataclass(frozen=True)
class Scan:
    snapshot: SystemSnapshot
    detection: DetectionResult


@dataclass(frozen=True)
class Prepared:
    plan: UninstallPlan
    state: RunState | None  # a saved run being resumed
    scan: Scan

    @property
    def resumed(self) -> bool:
        return self.state is not None


@dataclass(frozen=True)
class RemovalResult:
    outcome: Outcome
    protected: bool  # afterwards; for a plan or a demo, as forecast
    message: str
    plan: UninstallPlan
    state: RunState | None = None
    verification: VerifyReport | None = None

    @property
    def exit_code(self) -> ExitCode:
        """The README's table: 1 failed; 4 a person must act or nothing protects; else 0."""
        if self.outcome == Outcome.FAILED:
            return ExitCode.FAILED
        if self.outcome in (Outcome.BLOCKED, Outcome.NEEDS_USER, Outcome.SOMETHING_REMAINS):
            return ExitCode.REMAINS
        if self.outcome == Outcome.NEEDS_REBOOT:
            return ExitCode.OK  # the restart is expected; the next run verifies
        return ExitCode.OK if self.protected else ExitCode.REMAINS


@dataclass
class _Verification:
    report: VerifyReport | None = None
    protected: tuple[bool, str] = (False, "")


@dataclass
class RemovalEngine:
    machine: MachineRef
    state_dir: Path
    asking: Asking
    ask: Ask = nobody
    expectation: Expectation = any_protection
    _seen: _Verification = field(default_factory=_Verification)

    @property
    def simulated(self) -> bool:
        return self.machine.simulated

    @property
    def state_path(self) -> Path:
        name = "uninstall-simulated.json" if self.simulated else "uninstall.json"
        return self.state_dir / name

    @property
    def _record_path(self) -> Path:
        name = "migration-simulated.json" if self.simulated else "migration.json"
        return self.state_dir / name

    # --- scan, resume ---------------------------------------------------------------

    def scan(self) -> Scan:
        from core.detect.detection import detect

        snapshot = self.machine.snapshot()
        return Scan(snapshot, detect(snapshot))

    def saved_run(self) -> RunState | None:
        """The unfinished run saved for this machine, if any (unreadable: an error)."""
        state = load_state(self.state_path)
        if state is None or state.finished or state.source != self.machine.source:
            return None
        return state

    # --- back up --------------------------------------------------------------------

    def back_up(self, plan: BackupPlan, destination: str, options: BackupOptions,
                progress: ProgressCallback = no_progress,
                cancel: CancelToken | None = None) -> BackupResult:
        """Run the backup and record it, so a resumed removal knows it was made."""
        from core.backup.archive import run_backup

        result = run_backup(plan, destination, options, progress, cancel)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self._record_path, json.dumps({
            "format": MIGRATION_FORMAT, "version": 1, "source": self.machine.source,
            "backup": {"archive": result.archive, "files": result.files,
                       "bytes": result.bytes, "skipped": len(result.skipped)}}) + "\n")
        return result

    def recorded_backup(self) -> dict[str, object] | None:
        """The backup recorded for this machine by an earlier, interrupted migration."""
        try:
            doc = json.loads(self._record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(doc, dict) or doc.get("format") != MIGRATION_FORMAT \
                or doc.get("source") != self.machine.source \
                or not isinstance(doc.get("backup"), dict):
            return None
        return dict(doc["backup"])

    # --- plan, run ------------------------------------------------------------------

    def prepare(self, answers: Answers, scan: Scan | None = None,
                backup_plan: BackupPlan | None = None, restart: bool = False) -> Prepared:
        """The saved run to resume (checked against the machine now), or a fresh plan."""
        from core.backup.plan import plan_backup
        from core.uninstall.plan import plan_uninstall

        scan = scan or self.scan()
        fresh = plan_uninstall(scan.snapshot, scan.detection,
                               backup_plan or plan_backup(scan.detection), answers)
        saved = None if restart else self.saved_run()
        if saved is None:
            return Prepared(fresh, None, scan)
        if not self.simulated:
            revalidate(saved, fresh, {p.id for p in scan.detection.products})
        return Prepared(saved.plan, saved, scan)

    def planned(self, prepared: Prepared) -> RemovalResult:
        """What a dry run reports: the plan, and whether it would leave a gap."""
        return RemovalResult(Outcome.PLANNED, not prepared.plan.leaves_unprotected,
                             tr("Nothing was changed."), prepared.plan, prepared.state)

    def run(self, prepared: Prepared, progress: ProgressCallback = no_progress,
            cancel: CancelToken | None = None,
            watch: Callable[[RunState], None] | None = None) -> RemovalResult:
        """Run (or resume) the removal; `watch` sees each step's status as it changes."""
        from core.uninstall.executors import RealExecutor, SimulatedExecutor
        from core.uninstall.run import Runner

        plan = prepared.plan
        if prepared.state is None and plan.blocked_by:
            return RemovalResult(Outcome.BLOCKED, not plan.leaves_unprotected,
                                 tr("Not started: {steps}").format(steps="; ".join(
                                     f"{s.title} ({s.description})" for s in plan.blocked_by)),
                                 plan)
        if prepared.state is None and not any(
                s.kind in (StepKind.REMOVE, StepKind.MANUAL, StepKind.OFFER)
                for s in plan.steps):
            protected, why = self.expectation(prepared.scan.detection)
            return RemovalResult(Outcome.NOTHING_TO_REMOVE, protected,
                                 tr("No Kaspersky product was found: there is nothing to "
                                    "remove. {protection}").format(protection=why),
                                 plan)  # nothing saved, nothing logged
        state = prepared.state or new_state(plan, self.simulated, self.machine.source)
        executor = SimulatedExecutor() if self.simulated else RealExecutor(
            elevation(plan.platform, self.asking))
        running = state

        def report(update: Progress) -> None:
            progress(update)
            if watch is not None:
                watch(running)

        runner = Runner(state, self.state_path, executor, self.ask,
                        lambda: self._verify(plan), self.state_dir / "audit.jsonl",
                        report, cancel)
        state = runner.run()
        if state.finished:
            self._archive(state)
        return self._result(plan, state)

    def _verify(self, plan: UninstallPlan) -> tuple[bool, str]:
        if self.simulated:
            self._seen.protected = (not plan.leaves_unprotected, plan.protection_after.text)
            return True, tr("simulated: on a real machine Switchover looks again here for "
                            "products, services, drivers, the root certificate and browser "
                            "extensions. {protection}").format(
                protection=plan.protection_after.text)
        report, protected, why = self.look_again()
        self._seen.report, self._seen.protected = report, (protected, why)
        lines = [report.summary()] + [f"{i.what} ({i.where}): {i.how}"
                                      for i in report.instructions]
        return report.kaspersky_gone, "\n".join(lines)

    def look_again(self) -> tuple[VerifyReport, bool, str]:
        """Probe this computer again: is Kaspersky gone, and is it protected as expected?

        The run's verify step and the wizard's "Protected again?" page both ask here, so
        both apply the same definition of success.
        """
        from core.detect.detection import detect
        from core.machine.probes import probe_machine
        from core.uninstall.verify import verify_removal

        after = detect(probe_machine())
        protected, why = self.expectation(after)
        return verify_removal(after), protected, why

    def _archive(self, state: RunState) -> None:
        """A finished run is kept for the record under a dated name, never resumed."""
        if self.state_path.is_file():
            self.state_path.replace(self.state_path.with_name(
                f"{self.state_path.stem}-{state.created[:10]}.done.json"))
        self._record_path.unlink(missing_ok=True)

    def _result(self, plan: UninstallPlan, state: RunState) -> RemovalResult:
        report = self._seen.report
        if state.finished:
            protected, why = self._seen.protected
            if not why:  # finished earlier (resumed after the last step): look again
                protected, why = not plan.leaves_unprotected, plan.protection_after.text
            message = (tr("Kaspersky was removed. {protection}") if protected else tr(
                "Kaspersky was removed, but the expected protection is not active: "
                "{protection}")).format(protection=why)
            return RemovalResult(Outcome.DONE, protected, message, plan, state, report)
        step = state.next_step()
        if step is None:  # unreachable: an unfinished run has a next step
            raise SwitchoverError(tr("The uninstall state has no step left to run."))
        entry = state.states[step.id]
        if entry.status == StepStatus.NEEDS_REBOOT:
            outcome, message = Outcome.NEEDS_REBOOT, tr("Restart the computer and run "
                                                        "Switchover again to finish.")
        elif step.kind == StepKind.VERIFY:
            outcome, message = Outcome.SOMETHING_REMAINS, entry.detail
        elif entry.status == StepStatus.NEEDS_USER:
            outcome, message = Outcome.NEEDS_USER, f"{step.title}: {entry.detail}"
        else:
            outcome, message = Outcome.FAILED, f"{step.title}: {entry.detail}"
        return RemovalResult(outcome, self._seen.protected[0], message, plan, state, report)
