"""Restore on names and records at the edges: every file that was backed up comes back,
and what the backup knew about a file is said again when it is restored."""

from __future__ import annotations

import json
import zipfile
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


def _mark_incomplete(archive: str, ending: str) -> str:
    """The same archive, with the manifest saying what a backup says of a file whose
    reading stopped part-way (a disk error): `incomplete` and its warning."""
    marked = archive.replace(".zip", "-marked.zip")
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(marked, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "switchover-manifest.json":
                manifest = json.loads(data)
                for record in manifest["files"]:
                    if record["name"].endswith(ending):
                        record["incomplete"] = True
                        record["warning"] = ("reading stopped after 7 bytes (Input/output "
                                             "error); the copy is incomplete")
                data = json.dumps(manifest).encode()
            out.writestr(info, data)
    return marked


def test_restore_says_again_which_files_were_incomplete_when_backed_up(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"chapter")
    (folder / "letter.txt").write_text("Dear Anna,\n", encoding="utf-8")
    archive = _mark_incomplete(_backup(tmp_path, folder), "thesis.docx")
    done = run_cli("restore", archive, "--to", str(tmp_path / "r1"))
    assert done.returncode == 0, done.stderr
    assert "could not be read to its end when it was backed up" in done.stdout
    assert "thesis.docx" in done.stdout and "letter.txt" not in done.stdout
    as_json = json.loads(run_cli("restore", archive, "--to", str(tmp_path / "r2"),
                                 "--json").stdout)
    assert any("thesis.docx" in note for note in as_json["notes"])
