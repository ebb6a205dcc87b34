"""Backup, verify and memory against tar, zip and unzip, measured in the same run.

    python tests/benchmarks/bench_backup.py [--photos-mb 600] [--text-mb 200] [-n 3]

Generates a photo-like tree (incompressible, stored) and a text tree (compressible,
deflated) in a temporary folder, then times whole processes, alternating ours and the
baseline so that drift on a shared machine hits both:
- `switchover backup` of the photos vs `tar -cf` (goal ≤ 1.25×, while hashing everything),
  and vs `tar -cf` + `sync` (ours flushes the archive to disk before it says done);
- `switchover backup` of the text vs `zip -r -6` (goal ≤ 1.0× the time, ≤ 1.05× the size);
- `switchover verify` vs `unzip -tq` on the same archive (goal ≤ 1.5×; unzip checks only
  CRC-32, verify checks SHA-256 too);
- peak memory of every switchover run (goal ≤ 150 MB whatever the data size).
Medians are printed; nothing is asserted (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "core.cli.main"]
WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "invoice", "meeting",
         "budget", "report", "kaspersky", "backup", "restore", "photo", "holiday", "letter",
         "bank", "account", "password", "note", "security", "update", "license", "customer",
         "project", "deadline"]


def make_photos(root: Path, megabytes: int) -> None:
    root.mkdir(parents=True)
    for i in range(megabytes // 4):
        (root / f"IMG_{i:04d}.jpg").write_bytes(os.urandom(4 * 1024 * 1024))


def make_text(root: Path, megabytes: int) -> None:
    rng = random.Random(42)
    root.mkdir(parents=True)
    per_file = 100 * 1024
    for i in range(megabytes * 1024 * 1024 // per_file):
        folder = root / f"folder{i % 20:02d}"
        folder.mkdir(exist_ok=True)
        words = []
        size = 0
        while size < per_file:
            line = " ".join(rng.choice(WORDS) for _ in range(12)) + f" {rng.randint(0, 99999)}\n"
            words.append(line)
            size += len(line)
        (folder / f"doc{i:05d}.txt").write_text("".join(words), encoding="utf-8")


def run(argv: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak resident memory (bytes) of one whole process."""
    # Bytecode cached, as in an installed app or the bundle (this machine's shell sets
    # PYTHONDONTWRITEBYTECODE, which recompiles every module at every start: 0.13 s).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{argv[:4]} failed with {proc.returncode}: {err}")
    return elapsed, usage.ru_maxrss * 1024


def pair(name: str, ours: list[str], base: list[str], cwd: Path, runs: int,
         before=None) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    mine, theirs, peaks = [], [], []
    for _ in range(runs + 1):  # the first round warms the page cache and is dropped
        if before:
            before()
        t, peak = run(ours, cwd)
        mine.append(t)
        peaks.append(peak)
        if before:
            before()
        theirs.append(run(base, cwd)[0])
    mine, theirs = mine[1:], theirs[1:]
    ratio = statistics.median(a / b for a, b in zip(mine, theirs, strict=True))
    print(f"{name:44} {statistics.median(mine):7.3f} s vs {statistics.median(theirs):7.3f} s"
          f"  → {ratio:4.2f}×   (peak memory {max(peaks) / 1e6:5.0f} MB)")
    return ratio, statistics.median(mine), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos-mb", type=int, default=600)
    parser.add_argument("--text-mb", type=int, default=200)
    parser.add_argument("-n", type=int, default=3, help="counted runs of each command")
    args = parser.parse_args()
    for tool in ("tar", "zip", "unzip"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed for the baseline")
    work = Path(tempfile.mkdtemp(prefix="switchover-bench-"))
    try:
        print(f"Generating {args.photos_mb} MB of photos and {args.text_mb} MB of text "
              f"in {work} …", flush=True)
        make_photos(work / "photos", args.photos_mb)
        make_text(work / "text", args.text_mb)
        out = work / "out"

        def clean() -> None:
            """Fresh output folder, and no other run's data still waiting to reach the disk."""
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            os.sync()

        backup = [*CLI, "backup", "--demo", "windows-clean-defender", "--to", str(out),
                  "--include"]
        print(f"{os.cpu_count()} cores; median of {args.n} runs after one warm-up\n")
        photos = pair("backup photos vs tar -cf", [*backup, str(work / "photos")],
                      ["tar", "-cf", str(out / "photos.tar"), "-C", str(work), "photos"],
                      ROOT, args.n, clean)
        synced = pair("backup photos vs tar -cf + sync", [*backup, str(work / "photos")],
                      ["sh", "-c", f"tar -cf '{out / 'photos.tar'}' -C '{work}' photos && sync"],
                      ROOT, args.n, clean)
        text = pair("backup text vs zip -r -6", [*backup, str(work / "text")],
                    ["zip", "-qr", "-6", str(out / "text.zip"), "text"], work, args.n, clean)
        clean()
        run([*backup, str(work / "text")], ROOT)
        run(["zip", "-qr", "-6", str(out / "text.zip"), "text"], work)
        ours = next(out.glob("switchover-backup-*.zip"))
        mine_mb, zip_mb = ours.stat().st_size / 1e6, (out / "text.zip").stat().st_size / 1e6
        size_ratio = mine_mb / zip_mb
        print(f"{'archive size of the text vs zip -6':44} {mine_mb:7.1f} MB vs "
              f"{zip_mb:5.1f} MB  → {size_ratio:4.2f}×")
        clean()
        run([*backup, str(work / "photos")], ROOT)
        archive = next(out.glob("switchover-backup-*.zip"))
        verify = pair("verify vs unzip -tq (photos archive)", [*CLI, "verify", str(archive)],
                      ["unzip", "-tq", str(archive)], ROOT, args.n)
        peak = max(photos[2], text[2], verify[2])
        print("\nGoals: photos ≤ 1.25× tar, text ≤ 1.0× zip at ≤ 1.05× its size, "
              "verify ≤ 1.5× unzip -t, peak ≤ 150 MB")
        print(f"Measured: photos {photos[0]:.2f}× ({synced[0]:.2f}× tar + sync), "
              f"text {text[0]:.2f}× at {size_ratio:.2f}× "
              f"size, verify {verify[0]:.2f}×, peak {peak / 1e6:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
