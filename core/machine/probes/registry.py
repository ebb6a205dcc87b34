"""The Windows registry, read-only, behind one small contract.

`RegistryReader` is what the Windows probe reads through: `WinRegReader` is the machine's
registry (64-bit view), `DictRegistryReader` an in-memory one for tests and snapshots.
tests/test_registry_contract.py runs the same checks against both (the real one only on
Windows, in the cross-OS workflow).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, Protocol

from core.machine.snapshot import RegValue, lookup_value, normalise_key_path


class RegistryReader(Protocol):
    """Read-only access to the registry (the machine's, or an in-memory one in tests)."""

    def subkeys(self, key_path: str) -> list[str]:
        """Names of the keys directly below `key_path`; empty when it does not exist."""
        ...

    def values(self, key_path: str) -> dict[str, RegValue] | None:
        """The key's values by name, or None when the key does not exist."""
        ...


def text_value(values: Mapping[str, RegValue] | None, name: str) -> str | None:
    found = lookup_value(values, name)
    return found.strip() or None if isinstance(found, str) else None


class DictRegistryReader:
    """A plain in-memory registry: key path → values. Parent keys exist implicitly.

    Paths may use `HKLM`/`HKCU` abbreviations; lookups are case-insensitive.
    """

    def __init__(self, keys: Mapping[str, Mapping[str, RegValue]] | None = None) -> None:
        self._values: dict[str, dict[str, RegValue]] = {}
        self._children: dict[str, dict[str, str]] = {}
        for raw_path, values in (keys or {}).items():
            parts = normalise_key_path(raw_path).split("\\")
            for depth in range(1, len(parts) + 1):
                self._values.setdefault("\\".join(parts[:depth]).casefold(), {})
                if depth > 1:
                    parent = "\\".join(parts[:depth - 1]).casefold()
                    self._children.setdefault(parent, {}).setdefault(parts[depth - 1].casefold(),
                                                                     parts[depth - 1])
            self._values["\\".join(parts).casefold()].update(values)

    def subkeys(self, key_path: str) -> list[str]:
        return list(self._children.get(normalise_key_path(key_path).casefold(), {}).values())

    def values(self, key_path: str) -> dict[str, RegValue] | None:
        found = self._values.get(normalise_key_path(key_path).casefold())
        return None if found is None else dict(found)


class WinRegReader:
    """The machine's registry through `winreg`, always in the 64-bit view.

    With KEY_WOW64_64KEY a 32-bit Python is not redirected, and the 32-bit view is read
    explicitly through its `WOW6432Node` paths, so every caller sees both views the same
    way. Keys that cannot be opened for another reason than absence leave a note.
    """

    def __init__(self) -> None:
        self._winreg: Any = importlib.import_module("winreg")  # Windows only: import lazily
        self._hives: dict[str, Any] = {
            "HKEY_LOCAL_MACHINE": self._winreg.HKEY_LOCAL_MACHINE,
            "HKEY_CURRENT_USER": self._winreg.HKEY_CURRENT_USER,
            "HKEY_USERS": self._winreg.HKEY_USERS,
            "HKEY_CLASSES_ROOT": self._winreg.HKEY_CLASSES_ROOT,
        }
        self.notes: list[str] = []

    def _open(self, key_path: str) -> Any:
        path = normalise_key_path(key_path)
        hive_name, _, sub = path.partition("\\")
        hive = self._hives.get(hive_name.upper())
        if hive is None:
            return None
        winreg = self._winreg
        try:
            return winreg.OpenKey(hive, sub, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.notes.append(f"registry key {path} cannot be read ({exc.strerror})")
            return None

    def subkeys(self, key_path: str) -> list[str]:
        handle = self._open(key_path)
        if handle is None:
            return []
        names: list[str] = []
        with handle:
            for index in range(100_000):
                try:
                    names.append(self._winreg.EnumKey(handle, index))
                except OSError:
                    break
        return names

    def values(self, key_path: str) -> dict[str, RegValue] | None:
        handle = self._open(key_path)
        if handle is None:
            return None
        out: dict[str, RegValue] = {}
        with handle:
            for index in range(100_000):
                try:
                    name, data, kind = self._winreg.EnumValue(handle, index)
                except OSError:
                    break
                converted = self._convert(data, kind)
                if converted is not None:
                    out[name] = converted
        return out

    def _convert(self, data: object, kind: int) -> RegValue | None:
        """Strings stay strings, DWORD/QWORD integers, MULTI_SZ lists; binary is left out."""
        winreg = self._winreg
        if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and isinstance(data, str):
            return _unpaired_to_fffd(data.rstrip("\x00"))
        if kind in (winreg.REG_DWORD, winreg.REG_QWORD) and isinstance(data, int):
            return data
        if kind == winreg.REG_MULTI_SZ and isinstance(data, list):
            return [_unpaired_to_fffd(str(item)) for item in data]
        return None


def _unpaired_to_fffd(value: str) -> str:
    """A registry string as text: half a UTF-16 pair (which the registry can hold) becomes
    U+FFFD, so no later print or file write fails on it."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


