"""The snapshot contract: round trips, case-insensitive registry, and clear errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import BadInput
from core.machine.snapshot import MAX_SNAPSHOT_BYTES, save_snapshot, snapshot_to_dict
from core.machine.snapshot_read import load_snapshot, snapshot_from_dict
from tests.conftest import run_cli

MINIMAL = {"format": "switchover-snapshot", "version": 1, "taken_at": "2026-11-20T09:14:03Z",
           "platform": "windows", "os": {"name": "Windows 10 Home"}}


def test_demo_snapshot_round_trips_unchanged(repo_root: Path, tmp_path: Path) -> None:
    source = repo_root / "resources" / "demo" / "windows-total-security.json"
    snap = load_snapshot(source)
    out = tmp_path / "copy.json"
    save_snapshot(snap, out)
    assert load_snapshot(out) == snap
    assert not list(tmp_path.glob("*.tmp")), "atomic write leaves no temporary file"


def test_registry_lookups_ignore_case_and_accept_short_hive_names() -> None:
    doc = dict(MINIMAL, registry={r"HKLM\SOFTWARE\KasperskyLab\AVP21.3\settings":
                                  {"EnableSelfProtection": 1}})
    snap = snapshot_from_dict(doc)
    key = r"hkey_local_machine\software\kasperskylab\avp21.3\SETTINGS"
    assert snap.registry.value(key, "enableselfprotection") == 1
    saved = snapshot_to_dict(snap)["registry"]
    assert list(saved) == [r"HKEY_LOCAL_MACHINE\SOFTWARE\KasperskyLab\AVP21.3\settings"]


def test_unknown_fields_are_ignored_and_missing_lists_are_empty() -> None:
    snap = snapshot_from_dict(dict(MINIMAL, future_field={"x": 1}))
    assert snap.processes == () and snap.files == ()


@pytest.mark.parametrize(("change", "field"), [
    ({"platform": "beos"}, "platform"),
    ({"processes": [{"pid": "12", "name": "avp.exe"}]}, "processes[0].pid"),
    ({"services": [{"name": "AVP21.3", "manager": "rc.d"}]}, "services[0].manager"),
    ({"files": "C:\\"}, "files"),
    ({"taken_at": "yesterday"}, "taken_at"),
    ({"registry": {"HKLM\\X": {"v": 1.5}}}, "registry"),
    ({"security_center": [{"name": "X", "kind": "antivirus", "product_state": True}]},
     "security_center[0].product_state"),
])
def test_a_bad_field_is_named_in_the_error(change: dict, field: str) -> None:
    with pytest.raises(BadInput) as info:
        snapshot_from_dict(dict(MINIMAL, **change))
    assert field in str(info.value)


@pytest.mark.parametrize(("content", "phrase"), [
    (b"this is not json", "not valid JSON"),
    (b'{"format": "something-else", "version": 1}', "not a Switchover snapshot"),
    (json.dumps(dict(MINIMAL, version=2)).encode(), "version 2"),
    (b"\xff\xfe\x00garbage\x81", "not UTF-8"),
    (json.dumps(dict(MINIMAL, platform="amiga")).encode(), "platform"),
])
def test_cli_rejects_bad_snapshot_with_exit_2_and_one_sentence(
        tmp_path: Path, content: bytes, phrase: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    done = run_cli("detect", "--snapshot", str(bad))
    assert done.returncode == 2
    assert phrase in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""


def test_cli_rejects_missing_and_oversized_files(tmp_path: Path) -> None:
    done = run_cli("detect", "--snapshot", str(tmp_path / "nope.json"))
    assert done.returncode == 2 and "does not exist" in done.stderr
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_SNAPSHOT_BYTES + 1)  # sparse: no 50 MB written to disk
    done = run_cli("detect", "--snapshot", str(huge))
    assert done.returncode == 2 and "50 MB" in done.stderr
    done = run_cli("detect", "--snapshot", str(tmp_path))
    assert done.returncode == 2 and "folder" in done.stderr


def test_bad_usage_exits_2() -> None:
    done = run_cli("detect", "--no-such-flag")
    assert done.returncode == 2 and "Traceback" not in done.stderr
