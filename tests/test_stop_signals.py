"""A backup stopped by SIGTERM or SIGHUP (Intune, Jamf, systemd, `timeout`, a closed
terminal) cleans up as one stopped by Ctrl-C: no hidden partial archive of its full size,
no folder left in the temporary directory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_a_stopped_backup_leaves_nothing_behind(tmp_path, stop: signal.Signals) -> None:
    videos = tmp_path / "Videos"
    videos.mkdir()
    with open(videos / "holiday.mp4", "wb") as sparse:  # 6 GB of holes: seconds to copy
        sparse.truncate(6 * 1024**3)
    out = tmp_path / "out"
    out.mkdir()
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    env.pop("SWITCHOVER_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "core.cli.main", "backup", "--demo", "windows-clean-defender",
         "--to", str(out), "--include", str(videos)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Stop it once the copy has begun: its unfinished archive is there.
        while not any(out.glob(".switchover-backup-*.partial")):
            assert process.poll() is None, process.communicate()
        process.send_signal(stop)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + stop, err
    assert "stopped" in err and "Traceback" not in err
    assert list(out.iterdir()) == []
    assert list(temp.iterdir()) == []
