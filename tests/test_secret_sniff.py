"""Password exports never go into the plain archive, whatever they are called or written in.

The corpus in tests/data/secret_variants/ was written blind from the public formats of
Kaspersky Password Manager, browsers and password managers (each file's source is in its
EXPECTED.json), with ordinary look-alikes beside them. A real backup of that folder is
made and its archive read as any unzip tool would.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from core.passwords.sniff import file_secret_reason

CORPUS = ROOT / "tests" / "data" / "secret_variants"
EXPECTED = json.loads((CORPUS / "EXPECTED.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", EXPECTED["positives"])
def test_every_export_is_known_by_its_content(name: str) -> None:
    path = CORPUS / name
    assert file_secret_reason(str(path), path.stat().st_size), EXPECTED["sources"].get(name)


@pytest.mark.parametrize("name", EXPECTED["negatives"])
def test_ordinary_files_are_not_taken_for_exports(name: str) -> None:
    path = CORPUS / name
    assert file_secret_reason(str(path), path.stat().st_size) is None


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("home") / "Documents"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("make.py", "EXPECTED.json"))
    return folder


def _plain_names(archive: Path) -> set[str]:
    with zipfile.ZipFile(archive) as handle:
        return {Path(n).name for n in handle.namelist() if not n.startswith("secrets/")}


def test_without_a_passphrase_no_export_is_stored_and_each_is_said(documents: Path,
                                                                   tmp_path: Path) -> None:
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-clean-defender", "--include", str(documents),
                   "--to", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    archive = next(tmp_path.glob("*.zip"))
    stored = _plain_names(archive)
    assert not stored & set(EXPECTED["positives"])
    assert stored >= set(EXPECTED["negatives"]) - {"empty.txt"}
    skipped = {Path(s["original_path"]).name for s in json.loads(done.stdout)["skipped"]}
    assert skipped >= set(EXPECTED["positives"])
    for secret in ("correct-horse-1", "Tr0ub4dor&3-example"):
        assert secret.encode() not in archive.read_bytes()


def test_with_a_passphrase_the_exports_are_kept_encrypted(documents: Path,
                                                          tmp_path: Path) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("violet tractor sings at dawn 42\n")
    out = tmp_path / "out"
    out.mkdir()
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-clean-defender", "--include", str(documents),
                   "--to", str(out), "--passphrase-file", str(passphrase), "--json")
    assert done.returncode == 0, done.stderr
    archive = next(out.glob("*.zip"))
    assert not _plain_names(archive) & set(EXPECTED["positives"])
    with zipfile.ZipFile(archive) as handle:
        assert "secrets/passwords-encrypted.7z" in handle.namelist()
    assert b"correct-horse-1" not in archive.read_bytes()


# -- where the backup goes, and what it writes ----------------------------------------------


def test_a_missing_target_is_refused_and_nothing_is_made_on_the_internal_disk(
        tmp_path: Path) -> None:
    """`--to /media/usb` with the drive unplugged: its mount point would be a folder on the
    internal disk. Refused in one sentence; the plan says so too."""
    docs = tmp_path / "Documents"
    docs.mkdir()
    (docs / "a.txt").write_text("a")
    usb = tmp_path / "media" / "usb"
    done = run_cli("backup", "--demo", "windows-clean-defender", "--include", str(docs),
                   "--to", str(usb))
    assert done.returncode == 2 and "does not exist" in done.stderr
    assert "--create-folder" in done.stderr and not (tmp_path / "media").exists()
    plan = run_cli("backup", "--plan", "--demo", "windows-clean-defender", "--include",
                   str(docs), "--to", str(usb), "--json")
    target = json.loads(plan.stdout)["target"]
    assert target["exists"] is False and target["free_bytes"] is None
    made = run_cli("backup", "--create-folder", "--demo", "windows-clean-defender",
                   "--include", str(docs), "--to", str(usb))
    assert made.returncode == 0 and len(list(usb.glob("*.zip"))) == 1


def test_the_same_folder_named_three_ways_is_copied_once(tmp_path: Path) -> None:
    docs = tmp_path / "src"
    (docs / "inner").mkdir(parents=True)
    (docs / "inner" / "a.txt").write_text("a")
    out = tmp_path / "out"
    out.mkdir()
    done = run_cli("backup", "--demo", "windows-clean-defender", "--include", "src",
                   "--include", "./src/", "--include", str(docs), "--include",
                   str(docs / "inner"), "--to", str(out), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"] == 1


def test_nothing_to_keep_writes_no_archive(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    done = run_cli("backup", "--demo", "windows-clean-defender", "--include",
                   str(tmp_path / "empty"), "--to", str(out))
    assert done.returncode == 2 and "nothing to back up" in done.stderr.casefold()
    assert list(out.iterdir()) == []


def test_what_describes_the_machine_or_user_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    snapshot = tmp_path / "machine.json"
    assert run_cli("snapshot", "--out", str(snapshot)).returncode == 0
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("a")
    out = tmp_path / "out"
    out.mkdir()
    assert run_cli("backup", "--demo", "windows-clean-defender", "--include", str(docs),
                   "--to", str(out)).returncode == 0
    written = [snapshot, *out.glob("*.zip")]
    assert written and all(p.stat().st_mode & 0o077 == 0 for p in written)


def test_the_audit_log_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    from core.audit_log import append

    log = tmp_path / "state" / "audit.jsonl"
    append(log, "step-started", step="remove:kaspersky-total-security")
    assert log.stat().st_mode & 0o077 == 0 and log.parent.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("weak", ["password12", "1234567890", "aaaaaaabcd", "qwertyuiop",
                                  "Password2024!", "kaspersky123"])
def test_passphrases_anyone_would_guess_are_refused_in_one_sentence(weak: str,
                                                                    tmp_path: Path) -> None:
    from core.backup.secrets import passphrase_problem

    problem = passphrase_problem(weak)
    assert problem and problem.endswith(".") and "\n" not in problem
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("a")
    done = run_cli("backup", "--demo", "windows-clean-defender", "--include", str(docs),
                   "--to", str(tmp_path), "--password-export",
                   str(CORPUS / "kpm_export.txt.bak"), env={"SWITCHOVER_PASSPHRASE": weak})
    assert done.returncode == 2 and not list(tmp_path.glob("*.zip"))


@pytest.mark.parametrize("strong", ["violet tractor sings at dawn", "correct horse battery",
                                    "Lyon-Kettle-7-Orbit"])
def test_passphrases_of_unrelated_words_are_accepted(strong: str) -> None:
    from core.backup.secrets import passphrase_problem

    assert passphrase_problem(strong) is None
