"""Restore on names and records at the edges: every file that was backed up comes back,
and what the backup knew about a file is said again when it is restored."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli


def _backup(tmp_path: Path, folder: Path) -> str:
    out = tmp_path / "out"
    done = run_cli("backup", "--create-folder", "--demo", "windows-clean-defender",
                   "--to", str(out), "--include", str(folder), "--json")
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["archive"])


def test_files_with_names_at_the_length_limit_come_back(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    names = ["b" * 236, "c" * 255, "ü" * 120 + ".bin", "short.txt"]  # 255 bytes is the most
    for index, name in enumerate(names):
        (folder / name).write_bytes(f"file {index}\n".encode() * (index + 1))
    archive = _backup(tmp_path, folder)
    assert run_cli("verify", archive).returncode == 0
    target = tmp_path / "restored"
    done = run_cli("restore", archive, "--to", str(target), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    back = target / "folders" / "Documents"
    for index, name in enumerate(names):
        assert (back / name).read_bytes() == f"file {index}\n".encode() * (index + 1)
    assert sorted(p.name for p in back.iterdir()) == sorted(names)  # no temporary left
