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
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from core.atomic import write_text_atomic
from core.detect.detection import DetectionResult
from core.errors import SwitchoverError
from core.fleet.policy import Policy

EXIT_OK, EXIT_FAILED, EXIT_REMAINS = 0, 1, 4
REPORT_FORMAT = "switchover-machine-report"


def _products(detection: DetectionResult) -> list[dict[str, Any]]:
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


class Migration:
    def __init__(self, policy: Policy, snapshot: Any, simulated: bool, dry_run: bool,
                 state_dir: Path, report_path: Path | None = None) -> None:
        self.policy = policy
        self.snapshot = snapshot
        self.simulated = simulated
        self.dry_run = dry_run
        self.state_dir = state_dir
        self.report_path = report_path
        self.report: dict[str, Any] = {
            "format": REPORT_FORMAT, "version": 1, "hostname": socket.gethostname(),
            "platform": snapshot.platform, "simulated": simulated, "dry_run": dry_run,
            "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }

    @property
    def _path(self) -> Path:
        return self.state_dir / ("migrate-simulated.json" if self.simulated else "migrate.json")

    def run(self) -> int:
        from core.detect.detection import detect

        detection = detect(self.snapshot)
        self.report.update(before=_products(detection),
                           protected_before=detection.protected,
                           protection_before=detection.protection.reason)
        if not detection.products:
            met, why = expected_met(self.policy, detection)
            return self._finish("nothing-to-do", EXIT_OK if met else EXIT_REMAINS, why)
        saved = self._load()
        if saved.get("backup") is None:
            code = self._backup(detection)
            if code is not None:
                return code
        else:
            self.report["backup"] = saved["backup"]
        return self._uninstall(detection)

    def _load(self) -> dict[str, Any]:
        if self.dry_run or not self._path.is_file():
            return {}
        try:
            return dict(json.loads(self._path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def _backup(self, detection: DetectionResult) -> int | None:
        from core.backup.archive import BackupOptions, run_backup
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
            result = run_backup(plan, policy.expand(policy.destination),
                                BackupOptions(live=not self.simulated, create_folder="last"))
        except SwitchoverError as exc:
            self.report["backup"] = {"status": "failed", "error": str(exc)}
            if policy.backup_required:
                return self._finish("failed", EXIT_FAILED, f"The required backup failed: {exc}")
            return None
        self.report["backup"] = {"status": "done", "archive": result.archive,
                                 "files": result.files, "bytes": result.bytes,
                                 "skipped": len(result.skipped)}
        self.state_dir.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self._path, json.dumps({"backup": self.report["backup"]}))
        return None

    def _uninstall(self, detection: DetectionResult) -> int:
        from core.backup.plan import plan_backup
        from core.uninstall.plan import Answers, plan_uninstall
        from core.uninstall.run import (
            RealExecutor,
            Runner,
            SimulatedExecutor,
            load_state,
            new_state,
        )

        policy = self.policy
        backup = self.report.get("backup", {})
        answers = Answers(backup_done=backup.get("status") in ("done", "planned"),
                          skip_backup=not policy.backup_required,
                          confirmed=frozenset(policy.confirm),
                          accept_unprotected=policy.allow_unprotected,
                          remove_ultraav=policy.remove_ultraav, quiet=policy.quiet)
        path = self.state_dir / ("uninstall-simulated.json" if self.simulated
                                 else "uninstall.json")
        from core.uninstall.run import revalidate

        state = None if self.dry_run else load_state(path)
        fresh = plan_uninstall(self.snapshot, detection, plan_backup(detection), answers)
        if state is not None and not state.finished and not self.simulated:
            revalidate(state, fresh, {p.id for p in detection.products})
        plan = state.plan if state is not None and not state.finished else fresh
        self.report["protection_after_expected"] = plan.protection_after.text
        self.report["steps"] = [{"id": s.id, "title": s.title, "argv": list(s.argv)}
                                for s in plan.steps]
        if plan.blocked_by:
            # A step that waits for a person (a confirmation the policy does not give, a
            # gap in protection it does not allow): exit 4, as for every command.
            return self._finish("blocked", EXIT_REMAINS,
                                "; ".join(f"{s.title}: {s.description}" for s in plan.blocked_by))
        if self.dry_run:
            code = EXIT_REMAINS if plan.leaves_unprotected else EXIT_OK
            return self._finish("planned", code, "Dry run: nothing was changed.")
        if state is None or state.finished:
            state = new_state(plan, self.simulated)
        elevate: tuple[str, ...] = ()
        if not self.simulated and hasattr(os, "geteuid") and os.geteuid() != 0:
            elevate = ("/usr/bin/sudo", "-n")
        executor = SimulatedExecutor() if self.simulated else RealExecutor(elevate)
        runner = Runner(state, path, executor, lambda _step: None, self._verify,
                        self.state_dir / "audit.jsonl")
        state = runner.run()
        self.report["steps"] = [{"id": s.id, "title": s.title, "argv": list(s.argv),
                                 **{k: v for k, v in asdict(state.states[s.id]).items()
                                    if k in ("status", "detail", "exit_code")}}
                                for s in plan.steps]
        return self._outcome(state)

    def _verify(self) -> tuple[bool, str]:
        if self.simulated:
            return True, "simulated: nothing was looked at again"
        from core.detect.detection import detect
        from core.machine.probes import probe_machine
        from core.uninstall.verify import verify_removal

        after = detect(probe_machine())
        report = verify_removal(after)
        met, why = expected_met(self.policy, after)
        self.report.update(protected_after=report.protected, expected_protection_met=met,
                           leftovers=[asdict(i) for i in report.instructions])
        return report.ok and met, report.summary() + " " + why

    def _outcome(self, state: Any) -> int:
        if state.finished:
            met = True if self.simulated else bool(self.report.get("expected_protection_met"))
            self._path.unlink(missing_ok=True)
            return self._finish("removed", EXIT_OK if met else EXIT_REMAINS,
                                "Kaspersky was removed." if met else
                                "Kaspersky was removed, but the expected protection is not "
                                "active.")
        step = state.next_step()
        entry = state.states[step.id]
        if entry.status == "needs-reboot":
            return self._finish("needs-reboot", EXIT_OK, "Restart the machine and run the "
                                                         "same command again to finish.")
        if step.kind == "verify":
            return self._finish("something-remains", EXIT_REMAINS, entry.detail)
        if entry.status == "needs-user":
            return self._finish("needs-user", EXIT_REMAINS, f"{step.title}: {entry.detail}")
        return self._finish("failed", EXIT_FAILED, f"{step.title}: {entry.detail}")

    def _finish(self, outcome: str, code: int, message: str) -> int:
        self.report.update(outcome=outcome, exit_code=code, message=message,
                           finished=datetime.now(timezone.utc).isoformat(timespec="seconds"))
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
        if self.dry_run or self.simulated or not self.policy.report_dir:
            return None
        return Path(self.policy.expand(self.policy.report_dir)) / f"{self.report['hostname']}.json"
