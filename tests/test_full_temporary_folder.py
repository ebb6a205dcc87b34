"""When the temporary folder's disk fills during a backup, the message names that folder,
not the destination, which has room (the user would free space in the wrong place)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 2 MB file system (tmpfs), almost full; skipped where mounting is not allowed."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    disk = tmp_path / "small"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        (disk / "filler").write_bytes(b"\0" * 1_900_000)
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_temporary_folder_is_named_as_the_full_disk(tmp_path: Path,
                                                           small_disk: Path) -> None:
    notes = tmp_path / "Notes"
    notes.mkdir()
    for index in range(3000):  # their manifest records outgrow the 190 KB left
        (notes / f"{'meeting-notes-' * 10}{index:05d}.txt").write_text("agenda\n")
    out = tmp_path / "out"
    out.mkdir()
    done = run_cli("backup", "--demo", "windows-clean-defender", "--to", str(out),
                   "--include", str(notes), env={"TMPDIR": str(small_disk)})
    assert done.returncode != 0
    assert f"The temporary folder {small_disk} is full" in done.stderr, done.stderr
    assert str(out) not in done.stderr
    assert list(out.iterdir()) == []
    assert [p.name for p in small_disk.iterdir()] == ["filler"]
