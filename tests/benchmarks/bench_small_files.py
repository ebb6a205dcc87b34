"""100,000 small files: backup, restore and verify against zip, unzip, measured in one run.

    python tests/benchmarks/bench_small_files.py [--files 100000] [--tree DIR] [-n 3]

Makes (or takes, with --tree) a tree of files of 1-20 KB of random data, 1,000 to a
folder, then times whole processes side by side, alternating ours and the baseline:
- `switchover backup` vs `zip -r -0` (goal ≤ 1.5×; the backup also hashes every file,
  checks each for passwords and flushes to disk before it says done);
- `switchover restore` vs `unzip -q` + `sync` (goal ≤ 2×; restore checks every SHA-256);
- `switchover verify` vs `unzip -tq` (goal ≤ 1.5×);
- peak memory of each switchover run (goal ≤ 150 MB).
Medians are printed; nothing is asserted (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_backup import CLI, ROOT, pair, run


def make_tree(root: Path, files: int) -> None:
    rng = random.Random(7)
    for index in range(files):
        folder = root / f"dir{index // 1000:03d}"
        if index % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"file{index:06d}.dat").write_bytes(os.urandom(rng.randint(1024, 20 * 1024)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--tree", type=Path, help="an existing tree to use instead")
    parser.add_argument("-n", type=int, default=3, help="counted runs of each command")
    args = parser.parse_args()
    for tool in ("zip", "unzip"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed for the baseline")
    work = Path(tempfile.mkdtemp(prefix="switchover-bench-small-"))
    try:
        tree = args.tree
        if tree is None:
            tree = work / "tree"
            print(f"Generating {args.files} files in {tree} …", flush=True)
            make_tree(tree, args.files)
        out = work / "out"

        def clean() -> None:
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            os.sync()

        print(f"{os.cpu_count()} cores; median of {args.n} runs after one warm-up\n")
        backup = pair("backup vs zip -r -0",
                      [*CLI, "backup", "--demo", "windows-clean-defender", "--to", str(out),
                       "--include", str(tree)],
                      ["zip", "-qr", "-0", str(out / "baseline.zip"), str(tree)],
                      ROOT, args.n, clean)
        clean()
        run([*CLI, "backup", "--demo", "windows-clean-defender", "--to", str(out),
             "--include", str(tree)], ROOT)
        archive = next(out.glob("switchover-backup-*.zip"))
        restored = work / "restored"

        def fresh() -> None:
            shutil.rmtree(restored, ignore_errors=True)
            os.sync()

        restore = pair("restore vs unzip -q + sync",
                       [*CLI, "restore", str(archive), "--to", str(restored)],
                       ["sh", "-c", f"unzip -q '{archive}' -d '{restored}' && sync"],
                       ROOT, args.n, fresh)
        verify = pair("verify vs unzip -tq", [*CLI, "verify", str(archive)],
                      ["unzip", "-tq", str(archive)], ROOT, args.n)
        print("\nGoals: backup ≤ 1.5× zip -r -0, restore ≤ 2× unzip + sync, "
              "verify ≤ 1.5× unzip -tq, peak ≤ 150 MB each")
        print(f"Measured: backup {backup[0]:.2f}×, restore {restore[0]:.2f}×, "
              f"verify {verify[0]:.2f}×, peaks {backup[2] / 1e6:.0f} / "
              f"{restore[2] / 1e6:.0f} / {verify[2] / 1e6:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
