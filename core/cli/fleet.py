"""`switchover migrate --unattended --policy FILE` and `switchover fleet-report DIR…`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.errors import BadInput
from core.language.translate import tr, tr_n


def cmd_migrate(args: argparse.Namespace) -> int:
    from core.app_dirs import state_dir
    from core.fleet.migrate import Migration
    from core.fleet.policy import load_policy
    from core.machine.source import MachineRef

    if not args.unattended:
        raise BadInput(tr("{command} runs without questions only with {option} (for a "
                          "person, `{program}` opens the wizard).").format(
            command="migrate", option="--unattended", program="switchover"))
    policy = load_policy(args.policy)
    report_path = Path(args.report) if args.report else None
    if report_path is not None and report_path.is_dir():
        raise BadInput(tr("{option} names the folder {path}; name the file to write.").format(
            option="--report", path=report_path))
    migration = Migration(policy, MachineRef.from_args(args), args.dry_run, state_dir(),
                          report_path)
    code = migration.run()
    report = migration.report
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        print(f"{report['hostname']}: {report['outcome']} — {report['message']}")
        if "report_error" in report:
            print(report["report_error"], file=sys.stderr)
    return code


def cmd_fleet_report(args: argparse.Namespace) -> int:
    from core.atomic import write_text_atomic
    from core.fleet.report import collect, to_csv, to_html

    folders = [Path(d) for d in args.dirs]
    for folder in folders:
        if not folder.is_dir():
            raise BadInput(tr("{path} is not a folder.").format(path=folder))
    found = collect(folders)
    rows, problems = found.rows, found.problems
    out = Path(args.out_dir)
    if out.exists() and not out.is_dir():
        raise BadInput(tr("{path} is a file, not a folder for the fleet report.").format(
            path=out))
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_text_atomic(out / "fleet.csv", to_csv(rows))
        write_text_atomic(out / "fleet.html", to_html(rows, problems, found.not_counted))
    except OSError as exc:
        raise BadInput(tr("Cannot write the fleet report into {path} ({reason}).").format(
            path=out, reason=exc.strerror)) from None
    summary = {"format": "switchover-fleet-report", "version": 1,
               "machines": len(rows), "csv": str(out / "fleet.csv"),
               "html": str(out / "fleet.html"), "unreadable": problems,
               "not_counted": found.not_counted,
               "states": {state: sum(1 for r in rows if r.state == state)
                          for state in sorted({r.state for r in rows})}}
    if args.json:
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    else:
        # English says "machines" for one too, as it always has.
        print(tr_n("{n} machines → {csv}, {html}", "{n} machines → {csv}, {html}",
                   len(rows)).format(n=len(rows), csv=summary["csv"], html=summary["html"]))
        for problem in problems:
            print("  " + tr("not read: {problem}").format(problem=problem), file=sys.stderr)
        for report in found.not_counted:
            print("  " + tr("not counted: {report}").format(report=report), file=sys.stderr)
    return 0
