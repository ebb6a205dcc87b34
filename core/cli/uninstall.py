"""`switchover uninstall`: plan, and with --yes run, the removal; resume where it stopped.

Without --yes (or with --dry-run) it only shows the plan. On a snapshot or a demo machine
the run is simulated and says so. Exit codes (spec/cli.md): 0 done, planned, or waiting
for a restart; 1 a step failed or could not start; 4 something remains (a step waits for
you, or the final check still finds Kaspersky) or the machine is or would be unprotected.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

EXIT_REMAINS = 4


def _answers(args: argparse.Namespace) -> Any:
    from core.uninstall.plan import Answers

    return Answers(backup_done=args.backup_done, skip_backup=args.skip_backup,
                   confirmed=frozenset(args.confirm), accept_unprotected=args.accept_unprotected,
                   remove_ultraav=args.remove_ultraav, quiet=args.quiet)


def _step_dict(step: Any, state: Any | None) -> dict[str, Any]:
    data = {"id": step.id, "kind": step.kind, "title": step.title,
            "description": step.description, "argv": list(step.argv),
            "needs_admin": step.needs_admin, "may_reboot": step.may_reboot,
            "timeout": step.timeout, "blocking": step.blocking, "satisfied": step.satisfied,
            "refused": step.refused}
    if state is not None:
        entry = state.states[step.id]
        data.update(status=entry.status, detail=entry.detail, exit_code=entry.exit_code)
    return data


def _print_plan(plan: Any, state: Any | None, simulated: bool) -> None:
    mode = " (simulated: nothing on this computer is changed)" if simulated else ""
    print(f"Uninstall plan{mode}:")
    from core.uninstall.cmdline import shown_command

    for number, step in enumerate(plan.steps, start=1):
        status = ""
        if state is not None:
            entry = state.states[step.id]
            status = f"  [{entry.status}{': ' + entry.detail if entry.detail else ''}]"
        elif step.blocking and not step.satisfied:
            status = "  [needs you first]"
        print(f"{number:2}. {step.title}{status}")
        print(f"    {step.description}")
        if step.argv:
            print("    runs: " + shown_command(step.argv, plan.platform)
                  + ("  (as administrator)" if step.needs_admin else ""))
    print(f"\nAfter removal: {plan.protection_after.text}")
    for note in plan.notes:
        print(note)


def _ask_terminal(step: Any) -> str | None:
    if not sys.stdin.isatty():
        return None
    print(f"\n{step.title}\n{step.description}")
    answer = input("Type 'done' when finished, 'skip' to go on without it, or Enter to stop: ")
    return answer.strip().lower() or None


def _verifier(simulated: bool, plan: Any) -> Any:
    def simulated_verify() -> tuple[bool, str]:
        return True, ("simulated: on a real machine Switchover looks again here for products, "
                      "services, drivers, the root certificate and browser extensions. "
                      + plan.protection_after.text)

    def real_verify() -> tuple[bool, str]:
        from core.detect.detection import detect
        from core.machine.probes import probe_machine
        from core.uninstall.verify import verify_removal

        report = verify_removal(detect(probe_machine()))
        lines = [report.summary()] + [f"{i.what} ({i.where}): {i.how}"
                                      for i in report.instructions]
        return report.ok, "\n".join(lines)  # gone *and* protected, or exit 4

    return simulated_verify if simulated else real_verify


def _load_or_plan(args: argparse.Namespace, simulated: bool, path: Path
                  ) -> tuple[Any, Any]:
    """A saved, unfinished run to resume, or a fresh plan for this machine."""
    from core.backup.plan import plan_backup
    from core.detect.detection import detect
    from core.machine.source import snapshot_from
    from core.uninstall.plan import plan_uninstall
    from core.uninstall.run import load_state, revalidate

    source = _source(args)
    state = None if args.restart or args.dry_run else load_state(path)
    if state is not None and (state.finished or state.source != source):
        state = None  # another machine's or demo's run is not resumed here
    snapshot = snapshot_from(args)
    detection = detect(snapshot)
    fresh = plan_uninstall(snapshot, detection, plan_backup(detection), _answers(args))
    if state is not None:
        if not simulated:
            revalidate(state, fresh, {p.id for p in detection.products})
        if not args.json:
            print(f"Resuming the uninstall started {state.created}.", file=sys.stderr)
        return state.plan, state
    return fresh, None


def _source(args: argparse.Namespace) -> str:
    if args.snapshot:
        return "snapshot:" + os.path.abspath(str(args.snapshot))
    if args.demo is not None:
        return "demo:" + str(args.demo or "")
    return "this computer"


def _show_only(args: argparse.Namespace, plan: Any, state: Any, simulated: bool) -> int:
    if args.json:
        _emit(plan, None, simulated, "planned")
    else:
        _print_plan(plan, state, simulated)
        print("\nNothing was changed. Run again with --yes to carry out this plan.")
    return EXIT_REMAINS if plan.leaves_unprotected else 0


def _blocked(args: argparse.Namespace, plan: Any, simulated: bool) -> int:
    message = "Not started: " + "; ".join(f"{s.title} ({s.description})"
                                         for s in plan.blocked_by)
    if args.json:
        _emit(plan, None, simulated, "blocked", message)
    else:
        print(message, file=sys.stderr)
    # Whatever waits (a confirmation, a gap in protection), a person must act: exit 4, as
    # migrate and the README say.
    return EXIT_REMAINS


def cmd_uninstall(args: argparse.Namespace) -> int:
    from core.app_dirs import state_dir
    from core.uninstall.run import RealExecutor, Runner, SimulatedExecutor, new_state

    simulated = bool(args.snapshot or args.demo is not None)
    folder = state_dir()
    path = folder / ("uninstall-simulated.json" if simulated else "uninstall.json")
    plan, state = _load_or_plan(args, simulated, path)
    if args.dry_run or not args.yes:
        return _show_only(args, plan, state, simulated)
    if state is None and plan.blocked_by:
        return _blocked(args, plan, simulated)
    if state is None and not any(step.kind in ("remove", "manual", "offer")
                                 for step in plan.steps):
        # A machine without Kaspersky: nothing to run, nothing to save or log.
        if args.json:
            _emit(plan, None, simulated, "nothing to remove")
        else:
            print("No Kaspersky product was found: there is nothing to remove.")
        return EXIT_REMAINS if plan.leaves_unprotected else 0
    state = state or new_state(plan, simulated, _source(args))
    elevate: tuple[str, ...] = ()
    if sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() != 0:
        elevate = ("/usr/bin/sudo",)
    executor = SimulatedExecutor() if simulated else RealExecutor(elevate)
    runner = Runner(state, path, executor, _ask_terminal if not args.json else lambda _: None,
                    _verifier(simulated, plan), folder / "audit.jsonl")
    state = runner.run()
    outcome = _outcome(state)
    if args.json:
        _emit(plan, state, simulated, outcome)
    else:
        _print_plan(plan, state, simulated)
        print(f"\nOutcome: {outcome}.")
    if state.finished:
        path.replace(path.with_name(path.stem + f"-{state.created[:10]}.done.json"))
    if outcome == "done":
        return EXIT_REMAINS if plan.leaves_unprotected else 0
    if outcome in ("something remains", "needs-user"):
        return EXIT_REMAINS  # Kaspersky (or a gap in protection) is still there
    return 0 if outcome == "needs-reboot" else 1


def _outcome(state: Any) -> str:
    if state.finished:
        return "done"
    step = state.next_step()
    status: str = state.states[step.id].status
    if step.kind == "verify" and status == "failed":
        return "something remains"
    return status


def _emit(plan: Any, state: Any | None, simulated: bool, outcome: str,
          message: str = "") -> None:
    sys.stdout.write(json.dumps({
        "simulated": simulated, "outcome": outcome, "message": message,
        "protection_after": asdict(plan.protection_after),
        "leaves_unprotected": plan.leaves_unprotected,
        "blocked": [s.id for s in plan.blocked_by],
        "steps": [_step_dict(s, state) for s in plan.steps],
    }, indent=2, ensure_ascii=False) + "\n")

