"""Damaged and hostile archives: `verify` and `restore` answer with exit 3 and the damaged
name, never a traceback; a restore never fills a disk, never writes what the manifest does
not list, and never writes a name Windows keeps for a device.

The archives are real: a backup made by `switchover backup`, then bytes flipped in it, or
a ZIP written here with Python's zipfile the way an attacker would.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from core.cli.main import main

MANIFEST = "switchover-manifest.json"


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    (src / "letter.txt").write_text("Dear bank,\n" * 50)
    (src / "photo.bin").write_bytes(bytes(range(256)) * 400)
    out = tmp_path_factory.mktemp("out")
    done = run_cli("backup", "--create-folder",
                   "--demo", "windows-clean-defender", "--include", str(src),
                   "--to", str(out))
    assert done.returncode == 0, done.stderr
    return next(out.glob("*.zip"))


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


def _flipped(archive: Path, tmp_path: Path, position: int, bit: int) -> Path:
    data = bytearray(archive.read_bytes())
    data[position] ^= 1 << bit
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(data))
    return path


def _records(archive: Path) -> list[tuple[str, int, int]]:
    """(entry, first byte, last byte) of each local record, and the central directory."""
    data = archive.read_bytes()
    with zipfile.ZipFile(archive) as handle:
        spans = [(i.filename, i.header_offset, i.header_offset + 30 + len(i.filename) + 40)
                 for i in handle.infolist()]
    return [*spans, ("central directory", data.find(b"PK\x01\x02"), len(data))]


def test_single_bit_damage_anywhere_in_the_records_is_exit_3_or_harmless(
        backup: Path, tmp_path: Path) -> None:
    """Every third byte of every local record and of the central directory, one bit each
    (a few hundred archives): no internal error, and never a silent success on damage that
    verify reports."""
    for name, first, last in _records(backup):
        for position in range(first, last, 3):
            damaged = _flipped(backup, tmp_path, position, position % 8)
            code, out = _cli("verify", str(damaged))
            assert code in (0, 3) and "internal error" not in out, (name, position, out)
            target = tmp_path / f"restored-{position}"
            rcode, rout = _cli("restore", str(damaged), "--to", str(target))
            assert rcode in (0, 1, 3) and "internal error" not in rout, (name, position, rout)
            if code == 3 and rcode == 0:
                # What verify calls damaged may still restore whole (a flag bit nobody
                # reads): then every restored file matched the manifest's checksum.
                assert "checksum" not in rout


@pytest.mark.parametrize("method", [12, 14])  # bzip2 (errors are OSError), LZMA
def test_an_entry_whose_method_was_damaged_into_another_is_damage_named(
        backup: Path, tmp_path: Path, method: int) -> None:
    """One flipped bit can turn deflate (8) into bzip2 (12) or LZMA (14): the member then
    fails to decompress in ways zlib never does, and that is still damage, exit 3."""
    with zipfile.ZipFile(backup) as handle:
        info = next(i for i in handle.infolist() if i.filename.endswith("letter.txt")
                    and i.compress_type == zipfile.ZIP_DEFLATED)
    data = bytearray(backup.read_bytes())
    data[info.header_offset + 8] = method
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + name_len].decode().endswith("letter.txt"):
            data[central + 10] = method
        central = data.find(b"PK\x01\x02", central + 4)
    damaged = tmp_path / f"method-{method}.zip"
    damaged.write_bytes(bytes(data))
    code, out = _cli("verify", str(damaged))
    assert code == 3 and "letter.txt" in out and "internal error" not in out
    code, out = _cli("restore", str(damaged), "--to", str(tmp_path / "t"))
    assert code == 3 and "letter.txt" in out and "internal error" not in out
    assert not (tmp_path / "t" / "Documents" / "letter.txt").exists()


def test_an_entry_that_claims_to_be_encrypted_is_damage_named(backup: Path,
                                                             tmp_path: Path) -> None:
    with zipfile.ZipFile(backup) as handle:
        info = next(i for i in handle.infolist() if i.filename.endswith("letter.txt"))
    data = bytearray(backup.read_bytes())
    data[info.header_offset + 6] |= 0x01  # general purpose flag: encrypted
    central = data.find(b"PK\x01\x02" + bytes(data[info.header_offset + 4:][:0]))
    while central != -1:
        name_len = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + name_len].decode().endswith("letter.txt"):
            data[central + 8] |= 0x01
        central = data.find(b"PK\x01\x02", central + 4)
    damaged = tmp_path / "encrypted.zip"
    damaged.write_bytes(bytes(data))
    code, out = _cli("verify", str(damaged))
    assert code == 3 and "letter.txt" in out and "internal error" not in out
    code, out = _cli("restore", str(damaged), "--to", str(tmp_path / "t"))
    assert code == 3 and "letter.txt" in out and not (tmp_path / "t" / "letter.txt").exists()


def test_damage_to_the_readme_is_reported(backup: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(backup) as handle:
        info = handle.getinfo("README.txt")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    code, out = _cli("verify", str(_flipped(backup, tmp_path, start, 2)))
    assert code == 3 and "README.txt" in out


def test_a_file_the_manifest_does_not_list_is_not_restored(backup: Path,
                                                           tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.zip"
    sneaky.write_bytes(backup.read_bytes())
    with zipfile.ZipFile(sneaky, "a") as handle:
        handle.writestr("folders/src/autorun.bat", b"format c:\r\n")
    code, out = _cli("restore", str(sneaky), "--to", str(tmp_path / "t"))
    assert code == 3 and "autorun.bat" in out and "not listed" in out
    assert not list((tmp_path / "t").rglob("autorun.bat"))
    assert _cli("verify", str(sneaky))[0] == 3


@pytest.mark.parametrize("name", ["CON", "NUL.txt", "com1", "LPT9.log", "report.", "notes ",
                                  "AUX.tar.gz"])
def test_names_windows_keeps_for_devices_or_would_change_are_refused_everywhere(
        tmp_path: Path, name: str) -> None:
    archive = tmp_path / "names.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr(f"folders/{name}", b"x")
        handle.writestr("folders/fine.txt", b"y")
    code, out = _cli("restore", str(archive), "--to", str(tmp_path / "t"), "--json")
    report = json.loads(out)
    assert code == 3
    assert [r["name"] for r in report["refused"]] == [f"folders/{name}"]
    assert (tmp_path / "t" / "folders" / "fine.txt").read_bytes() == b"y"


@pytest.mark.parametrize("command", ["verify", "restore"])
def test_a_file_that_is_no_zip_at_all_is_bad_input(tmp_path: Path, command: str) -> None:
    not_zip = tmp_path / "holiday.zip"
    not_zip.write_text("this is a text file with a .zip name\n")
    code, out = _cli(command, str(not_zip))
    assert code == 2 and "not a ZIP archive" in out


BOMB_DRIVER = textwrap.dedent("""
    import json, os, subprocess, sys
    mount, archive = sys.argv[1], sys.argv[2]
    os.makedirs(mount, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "none", mount], check=True)
    done = subprocess.run([sys.executable, "-m", "core.cli.main", "restore", archive, "--to",
                           os.path.join(mount, "restored")], capture_output=True, text=True)
    left = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(mount) for f in fs)
    made = os.path.exists(os.path.join(mount, "restored"))
    print(json.dumps({"rc": done.returncode, "stderr": done.stderr, "left": left,
                      "made": made}))
""")


def test_a_zip_bomb_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """A 256 KB archive that inflates to 256 MB, restored onto a 64 MB disk."""
    from test_backup_crash import _unshare_prefix

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as handle, \
            handle.open("folders/zeros.bin", "w", force_zip64=True) as member:
        block = bytes(1 << 20)
        for _ in range(256):
            member.write(block)
    assert bomb.stat().st_size < 1 << 20
    driver = tmp_path / "driver.py"
    driver.write_text(BOMB_DRIVER, encoding="utf-8")
    done = subprocess.run([*_unshare_prefix(), sys.executable, str(driver),
                           str(tmp_path / "disk"), str(bomb)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["rc"] == 1 and "nothing was restored" in result["stderr"]
    assert result["left"] == 0 and "Traceback" not in result["stderr"]
    assert not result["made"]  # refused: not even an empty folder
