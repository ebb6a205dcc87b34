"""One contract, two registry readers (the pattern of Dangerzone's isolation-provider tests).

The Windows probe reads through `RegistryReader`; the tests and snapshots hand it the
in-memory `DictRegistryReader`, the app the real `WinRegReader`. The same checks run
against both, so an in-memory registry can never quietly behave unlike Windows'. The real
reader needs Windows: it runs in .github/workflows/tests.yml on windows-latest, writing a
test key under HKCU and removing it; here it is skipped and says so.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator

import pytest

from core.machine.probes.registry import DictRegistryReader, RegistryReader, WinRegReader

BASE = "HKEY_CURRENT_USER\\Software\\SwitchoverContractTest-"
VALUES = {"DisplayName": "Kaspersky Test Ünïcode", "Version": 21, "Paths": ["a", "b"]}


def _dict_reader(base: str) -> Iterator[RegistryReader]:
    yield DictRegistryReader({base + "\\Child": VALUES, base + "\\Other": {}})


def _windows_reader(base: str) -> Iterator[RegistryReader]:
    if sys.platform != "win32":
        pytest.skip("the real registry exists only on Windows (run by the cross-OS workflow)")
    import winreg

    sub = base.split("\\", 1)[1]
    created = []
    for child in ("Child", "Other"):
        key = winreg.CreateKey(winreg.HKEY_CURRENT_USER, f"{sub}\\{child}")
        created.append(f"{sub}\\{child}")
        if child == "Child":
            winreg.SetValueEx(key, "DisplayName", 0, winreg.REG_SZ, VALUES["DisplayName"])
            winreg.SetValueEx(key, "Version", 0, winreg.REG_DWORD, VALUES["Version"])
            winreg.SetValueEx(key, "Paths", 0, winreg.REG_MULTI_SZ, VALUES["Paths"])
            winreg.SetValueEx(key, "Blob", 0, winreg.REG_BINARY, b"\x00\x01")
        key.Close()
    try:
        yield WinRegReader()
    finally:
        for path in (*created, sub):
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, path)


@pytest.fixture(params=["in-memory", "windows"])
def reader_and_base(request: pytest.FixtureRequest) -> Iterator[tuple[RegistryReader, str]]:
    base = BASE + uuid.uuid4().hex[:8]
    make = _dict_reader if request.param == "in-memory" else _windows_reader
    for reader in make(base):
        yield reader, base


def test_subkeys_are_the_keys_directly_below(reader_and_base: tuple[RegistryReader, str]
                                             ) -> None:
    reader, base = reader_and_base
    assert sorted(reader.subkeys(base)) == ["Child", "Other"]


def test_values_come_back_typed_and_binary_is_left_out(
        reader_and_base: tuple[RegistryReader, str]) -> None:
    reader, base = reader_and_base
    assert reader.values(base + "\\Child") == VALUES
    assert reader.values(base + "\\Other") == {}


def test_a_missing_key_is_absent_not_an_error(reader_and_base: tuple[RegistryReader, str]
                                              ) -> None:
    reader, base = reader_and_base
    assert reader.values(base + "\\Nope") is None
    assert reader.subkeys(base + "\\Nope") == []


def test_paths_are_case_insensitive_and_take_the_short_hive_name(
        reader_and_base: tuple[RegistryReader, str]) -> None:
    reader, base = reader_and_base
    short = "HKCU\\" + base.split("\\", 1)[1]
    assert reader.values(short.upper() + "\\CHILD") == VALUES
