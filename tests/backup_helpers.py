"""Shared helpers for the backup tests: a realistic folder tree and archive inspection."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

NON_UTF8 = b"caf\xe9-latin1.txt"  # a Latin-1 name, as old Linux systems have them


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_tree(root: Path) -> Path:
    """Documents with text, photos, odd names, an empty folder and a read-only file."""
    docs = root / "Documents"
    (docs / "letters").mkdir(parents=True)
    (docs / "letters" / "to bank.txt").write_text("Dear bank,\n" * 2000, encoding="utf-8")
    (docs / "Résumé – 履歴書.txt").write_text("CV\n", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "holiday.jpg").write_bytes(os.urandom(300_000))
    (docs / "nothing here").mkdir()
    readonly = docs / "readonly.txt"
    readonly.write_text("do not change\n", encoding="utf-8")
    readonly.chmod(0o444)
    if os.name == "posix":
        with open(os.path.join(os.fsencode(docs), NON_UTF8), "wb") as handle:
            handle.write(b"latin-1 name\n")
    return docs


def manifest_of(archive: Path) -> dict:
    with zipfile.ZipFile(archive) as handle:
        return json.loads(handle.read("switchover-manifest.json"))


def only_archive(folder: Path) -> Path:
    archives = sorted(folder.glob("switchover-backup-*.zip"))
    assert len(archives) == 1, archives
    return archives[0]


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: .ci/run should have installed it")
        pytest.skip(f"{name} is not installed here")
    return path


def unzip_test(archive: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool("unzip"), "-tq", str(archive)], capture_output=True, text=True,
                          timeout=600)


def sevenzip_test(archive: Path, password: str | None = None) -> subprocess.CompletedProcess[str]:
    args = [tool("7z"), "t", str(archive)]
    args.append(f"-p{password}" if password is not None else "-p")
    return subprocess.run(args, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
