"""`switchover migrate --unattended`: detect → backup → uninstall → verify, by policy.

The same core steps as the wizard, with the policy answering what a person would: which
folders, where the backup goes, which Kaspersky-side steps the administrator has already
taken care of, whether a gap in protection is acceptable. A required backup that fails
stops everything before anything is removed. The uninstall runner's saved state makes a
second run after the reboot continue and verify. A real run writes one JSON report per
machine (`switchover-machine-report`) into the policy's report folder, which `fleet-report`
reads. A dry run or a run on a saved or demo machine writes nothing there (it would put a
machine that was not migrated into the fleet's numbers, under this host's name): its
report goes to standard output, or to a file named with `--report`, marked as such.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timezone
from pathlib import Path

from core.atomic import write_text_atomic
from core.detect.detection import DetectionResult
from core.errors import SwitchoverError
from core.exit_codes import ExitCode
from core.fleet.machine_report import (
    REPORT_FORMAT,
    BackupEntry,
    LeftoverEntry,
    MachineReport,
    ProductEntry,
)
from core.fleet.policy import Policy
from core.machine.source import MachineRef
from core.migration.engine import Outcome, RemovalEngine, Scan
from core.uninstall.elevation import Asking
from core.uninstall.plan import Answers

EXIT_OK, EXIT_FAILED, EXIT_REMAINS = ExitCode.OK, ExitCode.FAILED, ExitCode.REMAINS


def _products(detection: DetectionResult) -> list[ProductEntry]:
    return [{"id": p.id, "name": p.name, "version": p.version,
             "definitions_date": p.definitions_date.date().isoformat()
             if p.definitions_date else None,
             "definitions_age_days": p.definitions_age_days} for p in detection.products]


def _folders(policy: Policy) -> list[str]:
    """Standard folder names (Documents, Desktop, …) resolved here; paths taken as they are."""
    from core.machine.probes.user_data import standard_folders

    standard = {f.label.casefold(): f.path for f in standard_folders()}
    folders = []
    for item in policy.include:
        path = standard.get(item.casefold(), item)
        if os.path.isabs(path):
            folders.append(path)
    return folders


def expected_met(policy: Policy, detection: DetectionResult) -> tuple[bool, str]:
    """Whether the protection the policy expects is what this detection shows."""
    active = [o for o in detection.others if o.active and o.realtime]
    if policy.expected == "any":
        return detection.protected, detection.protection.reason
    wanted = "microsoft-defender" if policy.expected == "defender" else policy.expected
    found = [o for o in active if o.id == wanted]
    if found:
        return True, f"{found[0].name} is active, as the policy expects."
    return False, f"The policy expects {policy.expected}, which is not active."


# The machine report's words for the engine's outcomes (a contract: fleet-report and the
# schema in docs/json-schemas/migrate.schema.json read these).
REPORT_OUTCOME = {
    Outcome.DONE: "removed", Outcome.NOTHING_TO_REMOVE: "nothing-to-do",
    Outcome.PLANNED: "planned", Outcome.BLOCKED: "blocked",
    Outcome.NEEDS_REBOOT: "needs-reboot", Outcome.NEEDS_USER: "needs-user",
    Outcome.SOMETHING_REMAINS: "something-remains", Outcome.FAILED: "failed",
}


class Migration:
    """The fleet's face of the migration engine: the policy answers for the person."""

    def __init__(self, policy: Policy, machine: MachineRef, dry_run: bool,
                 state_dir: Path, report_path: Path | None = None) -> None:
        self.policy = policy
        self.dry_run = dry_run
        self.report_path = report_path
        self.engine = RemovalEngine(machine, state_dir, Asking.UNATTENDED,
                                    expectation=lambda after: expected_met(policy, after))
        self.report: MachineReport = {
            "format": REPORT_FORMAT, "version": 1, "hostname": socket.gethostname(),
            "platform": "", "simulated": machine.simulated, "dry_run": dry_run,
            "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }

    def run(self) -> int:
        scan = self.engine.scan()
        detection = scan.detection
        report = self.report
        report["platform"] = scan.snapshot.platform
        report["before"] = _products(detection)
        report["protected_before"] = detection.protected
        report["protection_before"] = detection.protection.reason
        if not detection.products:
            met, why = expected_met(self.policy, detection)
            return self._finish("nothing-to-do", EXIT_OK if met else EXIT_REMAINS, why)
        saved = None if self.dry_run else self.engine.recorded_backup()
        if saved is None:
            code = self._backup(detection)
            if code is not None:
                return code
        else:
            self.report["backup"] = BackupEntry(status="done", archive=saved.get("archive"),
                                                files=saved.get("files"),
                                                bytes=saved.get("bytes"),
                                                skipped=saved.get("skipped"))
        return self._uninstall(scan)

    def _backup(self, detection: DetectionResult) -> int | None:
        from core.backup.archive import BackupOptions
        from core.backup.plan import BackupChoices, plan_backup

        policy = self.policy
        if not policy.destination:
            self.report["backup"] = {"status": "not asked for by the policy"}
            return None
        plan = plan_backup(detection, BackupChoices(folders=tuple(_folders(policy))))
        if self.dry_run:
            self.report["backup"] = {"status": "planned", "destination":
                                     policy.expand(policy.destination),
                                     "items": [i.title for i in plan.items]}
            return None
        try:
            result = self.engine.back_up(plan, policy.expand(policy.destination),
                                         BackupOptions(live=not self.engine.simulated,
                                                       create_folder="last"))
        except SwitchoverError as exc:
            self.report["backup"] = {"status": "failed", "error": str(exc)}
            if policy.backup_required:
                return self._finish("failed", EXIT_FAILED, f"The required backup failed: {exc}")
            return None
        self.report["backup"] = {"status": "done", "archive": result.archive,
                                 "files": result.files, "bytes": result.bytes,
                                 "skipped": len(result.skipped)}
        return None

    def _uninstall(self, scan: Scan) -> int:
        policy = self.policy
        backup = self.report.get("backup", {})
        answers = Answers(backup_done=backup.get("status") in ("done", "planned"),
                          skip_backup=not policy.backup_required,
                          confirmed=frozenset(policy.confirm),
                          accept_unprotected=policy.allow_unprotected,
                          remove_ultraav=policy.remove_ultraav, quiet=policy.quiet)
        prepared = self.engine.prepare(answers, scan, restart=self.dry_run)
        plan = prepared.plan
        self.report["protection_after_expected"] = plan.protection_after.text
        self.report["steps"] = [{"id": s.id, "title": s.title, "argv": list(s.argv)}
                                for s in plan.steps]
        if self.dry_run and plan.blocked_by and prepared.state is None:
            # A step that waits for a person (a confirmation the policy does not give, a
            # gap in protection it does not allow): exit 4, as the real run would.
            return self._finish("blocked", EXIT_REMAINS, "; ".join(
                f"{s.title}: {s.description}" for s in plan.blocked_by))
        result = self.engine.planned(prepared) if self.dry_run else self.engine.run(prepared)
        if result.outcome == Outcome.PLANNED:
            return self._finish("planned", int(result.exit_code),
                                "Dry run: nothing was changed.")
        if result.state is not None:
            state = result.state
            self.report["steps"] = [
                {"id": s.id, "title": s.title, "argv": list(s.argv),
                 "status": str(state.states[s.id].status), "detail": state.states[s.id].detail,
                 "exit_code": state.states[s.id].exit_code} for s in plan.steps]
        if result.verification is not None:
            self.report["protected_after"] = result.verification.protected
            self.report["expected_protection_met"] = result.protected
            self.report["leftovers"] = [LeftoverEntry(what=i.what, where=i.where, how=i.how)
                                        for i in result.verification.instructions]
        return self._finish(REPORT_OUTCOME[result.outcome], int(result.exit_code),
                            result.message)

    def _finish(self, outcome: str, code: int, message: str) -> int:
        code = int(code)
        report = self.report
        report["outcome"], report["exit_code"], report["message"] = outcome, code, message
        report["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        target = self.report_target()
        if target is not None:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomic(target, json.dumps(self.report, indent=1,
                                                     ensure_ascii=False) + "\n")
            except OSError as exc:
                self.report["report_error"] = (f"The report could not be written to {target} "
                                               f"({exc.strerror or exc}).")
        return code

    def report_target(self) -> Path | None:
        """Where this run's report goes: the path the user named; else, for a real run only,
        the policy's report folder; else nowhere (standard output shows it)."""
        if self.report_path is not None:
            return self.report_path
        if self.dry_run or self.engine.simulated or not self.policy.report_dir:
            return None
        return Path(self.policy.expand(self.policy.report_dir)) / f"{self.report['hostname']}.json"
