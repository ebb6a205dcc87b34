"""What a crash, a full disk or a huge file leaves behind: never an archive that looks whole."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from backup_helpers import sevenzip_test, unzip_test
from conftest import ROOT, run_cli

CLI = [sys.executable, "-m", "core.cli.main"]


def _big_tree(root: Path, megabytes: int) -> Path:
    root.mkdir(parents=True)
    for i in range(4):
        (root / f"video{i}.mp4").write_bytes(os.urandom(megabytes * 1024 * 1024 // 4))
    (root / "notes.txt").write_text("notes\n" * 10000, encoding="utf-8")
    return root


def _partial(out: Path) -> Path | None:
    if not out.is_dir():
        return None
    return next((p for p in out.iterdir() if p.name.endswith(".partial")), None)


def _kill_when_written(out: Path, proc: subprocess.Popen[bytes], size: int) -> bool:
    """SIGKILL once the partial archive holds `size` bytes; True if it was still partial."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        partial = _partial(out)
        try:
            if partial is not None and partial.stat().st_size >= size:
                proc.send_signal(signal.SIGKILL)
                return True
        except FileNotFoundError:
            pass
        time.sleep(0.0005)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("fraction", [None, 0.01, 0.5, 0.95])
def test_kill_9_never_leaves_an_archive_that_looks_whole(tmp_path: Path,
                                                         fraction: float | None) -> None:
    """Killed while measuring (None) or after 1 %, 50 % and 95 % of the archive is written."""
    tree = _big_tree(tmp_path / "videos", 400)
    out = tmp_path / "out"
    proc = subprocess.Popen([*CLI, "backup", "--create-folder",
                             "--demo", "windows-clean-defender", "--to", str(out),
                             "--include", str(tree)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    if fraction is None:
        time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    else:
        assert _kill_when_written(out, proc, int(fraction * 400 * 1024 * 1024)), \
            "the backup finished before it could be killed: make the tree larger"
    proc.wait(timeout=30)
    assert not list(out.glob("*.zip")) if out.exists() else True
    left = _partial(out)
    if fraction is not None:
        assert left is not None and left.name.startswith(".")

    again = run_cli("backup", "--create-folder",
                    "--demo", "windows-clean-defender", "--to", str(out),
                    "--include", str(tree), "--json")
    assert again.returncode == 0, again.stderr
    result = json.loads(again.stdout)
    assert result["removed_partials"] == (1 if left is not None else 0)
    assert _partial(out) is None
    assert unzip_test(Path(result["archive"])).returncode == 0
    assert len(list(tree.iterdir())) == 5  # the user's files are untouched


def _unshare_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        pytest.skip("needs Linux's unshare to mount a small private file system")
    prefix = [unshare, "-m"] if os.geteuid() == 0 else [unshare, "-rm"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not allowed here: " + probe.stderr.decode()[:100])
    return prefix


DRIVER = textwrap.dedent("""
    import json, os, subprocess, sys, time
    mount, size, tree, fill = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "fill"
    os.makedirs(mount, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + size, "none", mount], check=True)
    out = os.path.join(mount, "backups")
    os.makedirs(out)
    proc = subprocess.Popen([sys.executable, "-m", "core.cli.main", "backup", "--demo",
                             "windows-clean-defender", "--to", out, "--include", tree],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    filled = False
    if fill:
        while proc.poll() is None and not any(n.endswith(".partial") for n in os.listdir(out)):
            time.sleep(0.001)
        try:
            with open(os.path.join(mount, "filler"), "wb") as handle:
                while True:
                    handle.write(b"f" * 1048576)
        except OSError:
            filled = True
    stdout, stderr = proc.communicate(timeout=120)
    print(json.dumps({"rc": proc.returncode, "stderr": stderr.decode(), "filled": filled,
                      "left": sorted(os.listdir(out))}))
""")


def _run_in_small_disk(tmp_path: Path, size: str, tree: Path, fill: bool) -> dict:
    prefix = _unshare_prefix()
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    done = subprocess.run([*prefix, sys.executable, str(driver), str(tmp_path / "disk"), size,
                           str(tree), "fill" if fill else "no"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_not_enough_space_is_said_before_starting(tmp_path: Path) -> None:
    tree = _big_tree(tmp_path / "videos", 24)
    result = _run_in_small_disk(tmp_path, "8m", tree, fill=False)
    assert result["rc"] == 1
    assert "needs about" in result["stderr"] and "free" in result["stderr"]
    assert "Traceback" not in result["stderr"]
    assert result["left"] == []


@pytest.mark.slow
def test_disk_full_while_writing_removes_the_partial_and_says_so(tmp_path: Path) -> None:
    tree = _big_tree(tmp_path / "videos", 120)
    result = _run_in_small_disk(tmp_path, "200m", tree, fill=True)
    assert result["filled"]
    assert result["rc"] == 1, result
    assert "full" in result["stderr"] and "Traceback" not in result["stderr"]
    assert result["left"] == [], "the unfinished archive must be removed"
    assert sorted(p.name for p in tree.iterdir()) == [
        "notes.txt", "video0.mp4", "video1.mp4", "video2.mp4", "video3.mp4"]


@pytest.mark.slow
def test_a_file_over_4_gb_makes_a_zip64_archive_that_every_tool_reads(tmp_path: Path) -> None:
    if shutil.disk_usage(tmp_path).free < 12 * 1024**3:
        pytest.skip("needs 12 GB free for a 4.3 GB file and its archive")
    tree = tmp_path / "big"
    tree.mkdir()
    with open(tree / "disk-image.jpg", "wb") as handle:  # sparse: costs no disk space
        handle.truncate(4_300_000_000)
        handle.seek(4_299_999_000)
        handle.write(b"end of a very large file")
    out = tmp_path / "out"
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-clean-defender", "--to", str(out),
                   "--include", str(tree), "--json")
    assert done.returncode == 0, done.stderr
    archive = Path(json.loads(done.stdout)["archive"])
    assert archive.stat().st_size > 4_300_000_000
    assert unzip_test(archive).returncode == 0
    assert sevenzip_test(archive).returncode == 0
    assert run_cli("verify", str(archive)).returncode == 0
    archive.unlink()
