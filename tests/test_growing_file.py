"""A file that grows past what its ZIP entry can hold while it is copied stops the backup
with a sentence that names it, and leaves no unfinished archive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="watches /proc")]


def _has_open(pid: int, target: Path) -> bool:
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == str(target):
                    return True
            except OSError:
                pass
    except OSError:
        pass
    return False


def test_a_file_that_grows_past_4_gb_while_copied_is_named(tmp_path: Path) -> None:
    logs = tmp_path / "Logs"
    logs.mkdir()
    growing = logs / "server.log"
    growing.write_text("request served in 4 ms\n" * 100_000)
    # 700 MB (mostly holes): under 1 GiB, so its entry has no ZIP64 sizes, and long
    # enough to read that it is still being copied when it grows.
    os.truncate(growing, 700 * 1024**2)
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SWITCHOVER_DEBUG"}
    process = subprocess.Popen(
        [sys.executable, "-m", "core.cli.main", "backup", "--demo", "windows-clean-defender",
         "--to", str(out), "--include", str(logs)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not _has_open(process.pid, growing):
            assert process.poll() is None, process.communicate()
        os.truncate(growing, 5 * 1024**3)  # the log grows by 5 GB of holes while read
        _, err = process.communicate(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1, err
    assert f"{growing} grew past 4 GB while it was being copied" in err
    assert list(out.iterdir()) == []
