"""Whole-process timings of `switchover detect`, against the bare interpreter in the same run.

Run by hand (not part of the test suite):  python tests/benchmarks/bench_detect.py [-n RUNS]
Prints medians and ratios; the goals are detect on a snapshot within 2x `python -c pass`
and the live probe under 1 s. The commands alternate (A B A B ...) so a machine that
speeds up or slows down during the run affects both alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "windows-total-security.json"


# An installed app runs from byte-compiled modules; measure that, even where the
# environment turns bytecode caching off (PYTHONDONTWRITEBYTECODE).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=15, help="runs per command")
    runs = parser.parse_args().n
    python = sys.executable
    commands = {
        "python -c pass (floor)": [python, "-c", "pass"],
        "detect --snapshot (demo)": [python, "-m", "core.cli.main", "detect",
                                     "--snapshot", str(DEMO)],
        "detect --json --snapshot": [python, "-m", "core.cli.main", "detect", "--json",
                                     "--snapshot", str(DEMO)],
        "detect (live probe)": [python, "-m", "core.cli.main", "detect"],
    }
    for cmd in commands.values():  # warm-up: page cache and .pyc files
        _time(cmd)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            samples[name].append(_time(cmd))
    floor = statistics.median(samples["python -c pass (floor)"])
    print(f"{'command':28} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x floor':>8}")
    for name, values in samples.items():
        med = statistics.median(values)
        print(f"{name:28} {med * 1e3:10.1f} {min(values) * 1e3:8.1f} {max(values) * 1e3:8.1f} "
              f"{med / floor:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
