"""What the wizard has learned so far, shared by its pages (plain data, no widgets).

Pages write what the user typed and ticked here; `facts()` hands core's route the plain
facts it decides from, and `engine()` gives the run the same migration engine the command
line uses. No page decides anything itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded when first used: Welcome is drawn before any of them is needed
    from core.backup.archive import BackupResult
    from core.backup.plan import BackupPlan
    from core.catalog.recommend import Recommendation
    from core.detect.detection import DetectionResult
    from core.machine.snapshot import SystemSnapshot
    from core.machine.source import MachineRef
    from core.migration.engine import Prepared, RemovalEngine, RemovalResult, Scan
    from core.migration.route import Space, WizardFacts
    from core.uninstall.plan import Answers, Step, UninstallPlan
    from core.uninstall.state import RunState
    from core.uninstall.verify import VerifyReport


@dataclass
class Session:
    demo: str | None = None
    snapshot_path: str | None = None
    demo_title: str | None = None
    snapshot: SystemSnapshot | None = None
    detection: DetectionResult | None = None
    resume_uninstall: bool = False
    backup_plan: BackupPlan | None = None
    folders: list[str] = field(default_factory=list)
    destination: str = ""
    space: Space | None = None
    password_export: str | None = None
    passphrase: str = ""  # kept in memory only, never saved or logged
    passphrase_again: str = ""
    skip_backup: bool = False
    confirmed: set[str] = field(default_factory=set)
    backup_result: BackupResult | None = None
    chosen: Recommendation | None = None
    replacement_ready: bool = False
    accept_unprotected: bool = False
    remove_ultraav: bool = False
    uninstall_plan: UninstallPlan | None = None
    prepared: Prepared | None = None  # the plan the user reviewed, as the engine made it
    uninstall_state: RunState | None = None
    removal: RemovalResult | None = None
    verification: VerifyReport | None = None
    run_over: bool = False

    @property
    def machine(self) -> MachineRef:
        from core.machine.source import MachineRef

        return MachineRef(self.demo, self.snapshot_path)

    @property
    def simulated(self) -> bool:
        """A demo or a saved snapshot: every action is simulated by core and says so
        (the same rule as `MachineRef.simulated`, without loading it for the first page)."""
        return self.demo is not None or bool(self.snapshot_path)

    @property
    def kaspersky_found(self) -> bool:
        return bool(self.detection is not None and self.detection.products)

    def scan(self) -> Scan | None:
        """The scan the Scan page made, as the engine takes it (None before it ran)."""
        from core.migration.engine import Scan

        if self.snapshot is None or self.detection is None:
            return None
        return Scan(self.snapshot, self.detection)

    def engine(self, ask: Callable[[Step], str | None] | None = None) -> RemovalEngine:
        from core.app_dirs import state_dir
        from core.migration.engine import RemovalEngine, nobody
        from core.uninstall.elevation import Asking

        return RemovalEngine(self.machine, state_dir(), Asking.DESKTOP, ask or nobody)

    def answers(self) -> Answers:
        from core.uninstall.plan import Answers

        return Answers(backup_done=self.backup_result is not None,
                       skip_backup=self.skip_backup, confirmed=frozenset(self.confirmed),
                       accept_unprotected=self.accept_unprotected,
                       remove_ultraav=self.remove_ultraav)

    def facts(self) -> WizardFacts:
        from core.detect.protection import kept_protection
        from core.migration.route import WizardFacts

        detection, plan = self.detection, self.backup_plan
        return WizardFacts(
            kaspersky_found=self.kaspersky_found, resume_uninstall=self.resume_uninstall,
            scanned=detection is not None, backup_plan_ready=plan is not None,
            skip_backup=self.skip_backup, destination=self.destination, space=self.space,
            password_export=bool(self.password_export), passphrase=self.passphrase,
            passphrase_again=self.passphrase_again,
            must_confirm=frozenset(i.id for i in plan.items if i.must_confirm) if plan
            else frozenset(),
            confirmed=frozenset(self.confirmed), backup_done=self.backup_result is not None,
            chosen=self.chosen is not None,
            already_protected=bool(detection and kept_protection(detection.others)),
            replacement_ready=self.replacement_ready,
            leftovers_found=bool(detection and detection.leftovers),
            uninstall_plan_ready=self.uninstall_plan is not None,
            uninstall_blocked=tuple(s.title for s in self.uninstall_plan.blocked_by)
            if self.uninstall_plan else (),
            run_over=self.run_over)
