"""A file that changes size while it is copied: past what its ZIP entry can hold, the
backup stops with a sentence that names it and leaves no unfinished archive; shorter, the
backup says how much of it the copy holds."""

from __future__ import annotations

import json
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


def _resized_while_copied(tmp_path: Path, new_size: int) -> tuple[int, str, str, Path]:
    logs = tmp_path / "Logs"
    logs.mkdir()
    changing = logs / "server.log"
    changing.write_text("request served in 4 ms\n" * 100_000)
    # 700 MB (mostly holes): under 1 GiB, so its entry has no ZIP64 sizes, and long
    # enough to read that it is still being copied when it changes.
    os.truncate(changing, 700 * 1024**2)
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SWITCHOVER_DEBUG"}
    process = subprocess.Popen(
        [sys.executable, "-m", "core.cli.main", "backup", "--demo", "windows-clean-defender",
         "--to", str(out), "--include", str(logs), "--json"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not _has_open(process.pid, changing):
            assert process.poll() is None, process.communicate()
        os.truncate(changing, new_size)
        stdout, stderr = process.communicate(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, stdout, stderr, changing


def test_a_file_that_grows_past_4_gb_while_copied_is_named(tmp_path: Path) -> None:
    code, _, err, changing = _resized_while_copied(tmp_path, 5 * 1024**3)
    assert code == 1, err
    assert f"{changing} grew past 4 GB while it was being copied" in err
    assert list((tmp_path / "out").iterdir()) == []


def test_a_file_cut_short_while_copied_says_how_much_the_copy_holds(tmp_path: Path) -> None:
    code, out, err, changing = _resized_while_copied(tmp_path, 10 * 1024**2)
    assert code == 0, err
    warnings = json.loads(out)["warnings"]
    assert any(str(changing) in w and "became shorter while being read" in w
               and f"of its {700 * 1024**2} bytes" in w for w in warnings), warnings
