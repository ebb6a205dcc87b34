"""`switchover uninstall`: plan, and with --yes run, the removal; resume where it stopped.

Without --yes (or with --dry-run) it only shows the plan. On a snapshot or a demo machine
the run is simulated and says so. Exit codes (spec/cli.md): 0 done, planned, or waiting
for a restart; 1 a step failed or could not start; 4 something remains (a step waits for
you, or the final check still finds Kaspersky) or the machine is or would be unprotected.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from core.language.translate import tr
from core.uninstall.plan import Answers

if TYPE_CHECKING:
    from core.migration.engine import RemovalResult
    from core.uninstall.plan import Step, UninstallPlan
    from core.uninstall.state import RunState


def _answers(args: argparse.Namespace) -> Answers:
    return Answers(backup_done=args.backup_done, skip_backup=args.skip_backup,
                   confirmed=frozenset(args.confirm), accept_unprotected=args.accept_unprotected,
                   remove_ultraav=args.remove_ultraav, quiet=args.quiet)


def _step_dict(step: Step, state: RunState | None) -> dict[str, Any]:
    data = {"id": step.id, "kind": step.kind, "title": step.title,
            "description": step.description, "argv": list(step.argv),
            "needs_admin": step.needs_admin, "may_reboot": step.may_reboot,
            "timeout": step.timeout, "blocking": step.blocking, "satisfied": step.satisfied,
            "refused": step.refused}
    if state is not None:
        entry = state.states[step.id]
        data.update(status=entry.status, detail=entry.detail, exit_code=entry.exit_code)
    return data


def _print_plan(plan: UninstallPlan, state: RunState | None, simulated: bool) -> None:
    print(tr("Uninstall plan (simulated: nothing on this computer is changed):") if simulated
          else tr("Uninstall plan:"))
    from core.uninstall.cmdline import shown_command

    for number, step in enumerate(plan.steps, start=1):
        status = ""
        if state is not None:
            entry = state.states[step.id]
            status = f"  [{entry.status.said}{': ' + entry.detail if entry.detail else ''}]"
        elif step.blocking and not step.satisfied:
            status = "  [" + tr("needs you first") + "]"
        print(f"{number:2}. {step.title}{status}")
        print(f"    {step.description}")
        if step.argv:
            command = shown_command(step.argv, plan.platform)
            print("    " + (tr("runs: {command}  (as administrator)") if step.needs_admin
                            else tr("runs: {command}")).format(command=command))
    print("\n" + tr("After removal: {protection}").format(protection=plan.protection_after.text))
    for note in plan.notes:
        print(note)


def _ask_terminal(step: Step) -> str | None:
    if not sys.stdin.isatty():
        return None
    print(f"\n{step.title}\n{step.description}")
    # The answers themselves stay as typed here ("done", "skip"): the runner reads them.
    answer = input(tr("Type '{done}' when finished, '{skip}' to go on without it, or Enter "
                      "to stop: ").format(done="done", skip="skip"))
    return answer.strip().lower() or None


def cmd_uninstall(args: argparse.Namespace) -> int:
    """The terminal's face of the migration engine's removal: it only asks and shows."""
    from core.app_dirs import state_dir
    from core.machine.source import MachineRef
    from core.migration.engine import RemovalEngine, nobody
    from core.uninstall.elevation import Asking

    interactive = sys.stdin.isatty() and not args.json
    engine = RemovalEngine(MachineRef.from_args(args), state_dir(),
                           Asking.TERMINAL if interactive else Asking.UNATTENDED,
                           _ask_terminal if interactive else nobody)
    prepared = engine.prepare(_answers(args), restart=args.restart or args.dry_run)
    if prepared.resumed and not args.json and prepared.state is not None:
        print(tr("Resuming the uninstall started {time}.").format(time=prepared.state.created),
              file=sys.stderr)
    if args.dry_run or not args.yes:
        result = engine.planned(prepared)
        if args.json:
            _emit(result, engine.simulated)
        else:
            _print_plan(result.plan, result.state, engine.simulated)
            print("\n" + tr("Nothing was changed. Run again with {option} to carry out this "
                            "plan.").format(option="--yes"))
        return int(result.exit_code)
    result = engine.run(prepared)
    if args.json:
        _emit(result, engine.simulated)
    elif result.state is None:  # blocked, or nothing to remove: nothing ran
        print(result.message, file=sys.stderr if result.outcome == "blocked" else sys.stdout)
    else:
        _print_plan(result.plan, result.state, engine.simulated)
        print("\n" + tr("Outcome: {outcome}. {message}").format(outcome=result.outcome.said,
                                                               message=result.message))
    return int(result.exit_code)


def _emit(result: RemovalResult, simulated: bool) -> None:
    plan = result.plan
    sys.stdout.write(json.dumps({
        "simulated": simulated,
        "outcome": str(result.outcome), "message": result.message,
        "protection_after": asdict(plan.protection_after),
        "leaves_unprotected": plan.leaves_unprotected,
        "blocked": [s.id for s in plan.blocked_by],
        "steps": [_step_dict(s, result.state) for s in plan.steps],
    }, indent=2, ensure_ascii=False) + "\n")
