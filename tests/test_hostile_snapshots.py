"""Hostile and damaged snapshots: bad input is exit 2 and one sentence, never a traceback.

A snapshot comes from another machine, a support ticket or an attacker. Each case here is
a real snapshot file on disk, run through the same `main()` the `switchover` command runs;
the fuzzed ones are mutations of the test machines with a fixed seed, so a failure
reproduces exactly.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from core.cli.main import main

MACHINES = Path(__file__).resolve().parent / "machines"
SEEDS = sorted(p for p in MACHINES.glob("*.json"))[:12]
COMMANDS = (["detect"], ["detect", "--json"], ["uninstall", "--dry-run"], ["backup", "--plan"])
ODD_VALUES: list[Any] = [
    None, 0, -1, 10**30, 1.5, True, "", " ", "\ud800", "\x1b[31mred", "a\x00b", "C:\\..\\..",
    [], {}, ["x"], {"a": 1}, "Kaspersky" * 2000, "{ver}", "*", "\\\\server\\share\\avp.exe",
]


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "snapshot.json"
    path.write_text(text, encoding="utf-8")
    return path


def _mutate(doc: Any, rng: random.Random) -> Any:
    """One random change deep inside: a value replaced, a key dropped or a list emptied."""
    node, path = doc, []
    for _ in range(rng.randint(1, 6)):
        if isinstance(node, dict) and node:
            key = rng.choice(sorted(node))
            path.append((node, key))
            node = node[key]
        elif isinstance(node, list) and node:
            index = rng.randrange(len(node))
            path.append((node, index))
            node = node[index]
        else:
            break
    if not path:
        return doc
    parent, key = path[-1]
    action = rng.random()
    if action < 0.75:
        parent[key] = rng.choice(ODD_VALUES)
    elif isinstance(parent, dict):
        del parent[key]
    else:
        parent.clear()
    return doc


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_lone_surrogate_is_bad_input_not_a_crash(tmp_path: Path, command: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads((MACHINES / "win32-kis19.json").read_text(encoding="utf-8"))
    key = next(k for k in doc["registry"] if "Uninstall" in k)
    text = json.dumps(doc).replace(json.dumps(key)[1:-1] + '": {"DisplayName": "',
                                   json.dumps(key)[1:-1] + '": {"DisplayName": "\\ud800', 1)
    assert "\\ud800" in text
    code, out = _run(capsys, [*command, "--snapshot", str(_write(tmp_path, text))])
    assert code == 2
    assert "surrogate" in out and "DisplayName" in out and "internal error" not in out


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_json_nested_thousands_deep_is_bad_input(tmp_path: Path, command: list[str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    text = ('{"format": "switchover-snapshot", "version": 1, "platform": "windows", '
            '"taken_at": "2026-11-20T10:00:00Z", "notes": ' + "[" * 50_000 + "]" * 50_000 + "}")
    code, out = _run(capsys, [*command, "--snapshot", str(_write(tmp_path, text))])
    assert code == 2 and "nested too deeply" in out and "internal error" not in out


@pytest.mark.parametrize("seed", range(300))
def test_fuzzed_snapshots_never_crash(tmp_path: Path, seed: int,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(seed)
    source = SEEDS[seed % len(SEEDS)]
    doc = json.loads(source.read_text(encoding="utf-8"))
    for _ in range(rng.randint(1, 4)):
        doc = _mutate(doc, rng)
    path = _write(tmp_path, json.dumps(doc))
    for command in COMMANDS:
        code, out = _run(capsys, [*command, "--snapshot", str(path)])
        assert code in (0, 1, 2, 3, 4), (source.name, command, code)
        assert "internal error" not in out, (source.name, seed, command, out[-400:])


_ALL_AS_JSON = """
import json, sys
from pathlib import Path
from core.cli.detect_output import detection_to_dict
from core.detect.detection import detect
from core.machine.snapshot_read import load_snapshot
for path in sorted(Path(sys.argv[1]).rglob("*.json")):
    print(json.dumps(detection_to_dict(detect(load_snapshot(path))), sort_keys=False))
"""


def test_the_same_snapshot_gives_byte_identical_json_whatever_the_hash_seed() -> None:
    """`detect --json` is compared across runs by fleet tools: Python's per-process string
    hashing must never decide the order of anything it prints."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _ALL_AS_JSON, str(MACHINES)],
                              cwd=MACHINES.parent.parent, env=env, capture_output=True,
                              text=True, timeout=300, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1 and len(next(iter(outputs)).splitlines()) > 50


@pytest.mark.parametrize("args", [["detect"], ["detect", "-v"], ["uninstall", "--dry-run"]],
                         ids=" ".join)
def test_escape_sequences_from_a_snapshot_never_reach_the_terminal(
        tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A DisplayName that retitles the window, clears the screen or reverses the line is
    printed with those characters written out, never obeyed."""
    key = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\X"
    name = "Kaspersky Security Center\x1b]0;pwned\x07 Console\x1b[2J\u202egnp.exe"
    doc = {"format": "switchover-snapshot", "version": 1, "platform": "windows",
           "taken_at": "2026-11-20T10:00:00Z",
           "registry": {key: {"DisplayName": name, "Publisher": "Kaspersky"}}}
    code, out = _run(capsys, [*args, "--snapshot", str(_write(tmp_path, json.dumps(doc)))])
    assert code in (0, 4)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Kaspersky Security Center\\u001b]0;pwned\\u0007 Console" in out


def test_json_output_stays_json_whatever_characters_a_name_holds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\X"
    name = "Kaspersky Security Center \x85\x7f\u202e\x1b Console\nThis machine is protected"
    doc = {"format": "switchover-snapshot", "version": 1, "platform": "windows",
           "taken_at": "2026-11-20T10:00:00Z",
           "registry": {key: {"DisplayName": name, "Publisher": "Kaspersky"}}}
    path = _write(tmp_path, json.dumps(doc))
    code, out = _run(capsys, ["detect", "--json", "--snapshot", str(path)])
    assert code == 0 and json.loads(out)["products"][0]["name"].startswith(
        "Kaspersky Security Center")
    code, text = _run(capsys, ["detect", "-v", "--snapshot", str(path)])
    assert not any(line.startswith("This machine is protected") for line in text.splitlines())


@pytest.mark.parametrize("args", [
    ["passwords", "convert", "tests/data/kpm/export-en.txt", "--format", "bitwarden",
     "--out", "/tmp/" + "x" * 300 + ".csv"],
    ["verify", "/tmp/" + "x" * 300 + ".zip"],
    ["restore", "/tmp/" + "x" * 300 + ".zip"],
    ["fleet-report", "tests/machines", "--out-dir", "/tmp/" + "x" * 300],
    ["snapshot", "--out", "/tmp/" + "x" * 300 + ".json"],
], ids=lambda a: a[0])
def test_a_path_the_system_refuses_is_one_sentence(args: list[str],
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(MACHINES.parent.parent)
    code, out = _run(capsys, args)
    assert code == 2 and "internal error" not in out
    assert out.count("\n") == 1 and "too long" in out.casefold()
