"""The system snapshot (spec/snapshot.md, version 1): what a probe saw, as plain data.

Everything after the probe — detection, explanations, backup and uninstall plans — is a
pure function of a `SystemSnapshot`. That is what lets Windows and macOS logic run on
Linux from recorded machines, and what demo mode replays. Loading is strict about types
(an error names the bad field) but ignores unknown fields, so newer snapshots still load.
"""

import json
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, NamedTuple

from core.atomic import write_text_atomic

FORMAT = "switchover-snapshot"
VERSION = 1
MAX_SNAPSHOT_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 64 * 1024
PLATFORMS = ("windows", "macos", "linux")

Platform = Literal["windows", "macos", "linux"]
RegValue = str | int | list[str]

_HIVES = {
    "HKLM": "HKEY_LOCAL_MACHINE",
    "HKCU": "HKEY_CURRENT_USER",
    "HKU": "HKEY_USERS",
    "HKCR": "HKEY_CLASSES_ROOT",
    "HKCC": "HKEY_CURRENT_CONFIG",
}
_LONG_HIVES = {long.casefold(): long for long in _HIVES.values()}


def normalise_key_path(path: str) -> str:
    """Long hive name, backslashes, no trailing separator: the one spelling we store."""
    parts = [p for p in path.replace("/", "\\").split("\\") if p]
    if not parts:
        return ""
    head = parts[0]
    parts[0] = _HIVES.get(head.upper(), _LONG_HIVES.get(head.casefold(), head))
    return "\\".join(parts)


def lookup_value(values: Mapping[str, RegValue] | None, name: str) -> RegValue | None:
    """A registry value by name, case-insensitively as on Windows."""
    if not values:
        return None
    folded = name.casefold()
    for key, val in values.items():
        if key.casefold() == folded:
            return val
    return None


class Registry:
    """Registry keys seen by the probe, looked up case-insensitively as on Windows."""

    def __init__(self, keys: Mapping[str, Mapping[str, RegValue]] | None = None) -> None:
        self._keys: dict[str, tuple[str, dict[str, RegValue]]] = {}
        for raw_path, values in (keys or {}).items():
            path = normalise_key_path(raw_path)
            folded = path.casefold()
            merged = self._keys.get(folded, (path, {}))[1]
            merged.update(values)
            self._keys[folded] = (path, merged)

    def __len__(self) -> int:
        return len(self._keys)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Registry):
            return NotImplemented
        return {k: v[1] for k, v in self._keys.items()} == {
            k: v[1] for k, v in other._keys.items()}

    __hash__ = None  # type: ignore[assignment]  # mutable contents: not hashable

    def items(self) -> Iterator[tuple[str, dict[str, RegValue]]]:
        """Every key path (as first spelled) with its values."""
        return iter(self._keys.values())

    def has_key(self, path: str) -> bool:
        return normalise_key_path(path).casefold() in self._keys

    def values(self, path: str) -> dict[str, RegValue] | None:
        found = self._keys.get(normalise_key_path(path).casefold())
        return None if found is None else found[1]

    def value(self, path: str, name: str) -> RegValue | None:
        return lookup_value(self.values(path), name)

    def subkeys(self, parent: str) -> list[str]:
        """Paths of the keys directly below `parent` that the snapshot holds."""
        prefix = normalise_key_path(parent).casefold() + "\\"
        return [
            path
            for folded, (path, _) in self._keys.items()
            if folded.startswith(prefix) and "\\" not in folded[len(prefix):]
        ]

    def to_json(self) -> dict[str, dict[str, RegValue]]:
        return {path: dict(values) for path, values in self._keys.values()}


class OsInfo(NamedTuple):
    name: str = ""
    version: str = ""
    arch: str = ""
    locale: str | None = None
    timezone: str | None = None
    country: str | None = None

    @property
    def windows_before_8(self) -> bool:
        """Windows 7 or older (NT 6.1 and below): its "Windows Defender" only removes
        spyware; Defender became an anti-virus with Windows 8 (Microsoft, "What is
        antispyware software?", microsoft.com/security/resources/antispyware-whatis.aspx:
        "Windows 7 and Windows Vista include antispyware software called Windows
        Defender … Windows 8 includes antivirus and antispyware software called Windows
        Defender"). An unreadable version is not guessed at."""
        return windows_before_8(self.version)


def windows_before_8(version: str) -> bool:
    parts = version.split(".")
    if len(parts) < 2 or not (parts[0].isdigit() and parts[1].isdigit()):
        return False
    return (int(parts[0]), int(parts[1])) < (6, 2)


class FileEntry(NamedTuple):
    path: str
    kind: Literal["file", "dir"] = "file"
    size: int | None = None
    mtime: str | None = None
    text: str | None = None


class Process(NamedTuple):
    pid: int
    name: str
    exe: str | None = None
    user: str | None = None


class Service(NamedTuple):
    name: str
    manager: Literal["scm", "launchd", "systemd"]
    display_name: str | None = None
    status: str | None = None
    start: str | None = None
    binary: str | None = None


class Package(NamedTuple):
    manager: Literal["dpkg", "rpm", "pkgutil", "msi"]
    name: str
    version: str | None = None


class App(NamedTuple):
    path: str
    bundle_id: str
    version: str | None = None
    name: str | None = None


class Extension(NamedTuple):
    kind: Literal["kext", "systemextension", "driver", "browser"]
    id: str
    state: str | None = None
    browser: Literal["chrome", "edge", "firefox", "safari"] | None = None
    profile: str | None = None
    name: str | None = None


class Certificate(NamedTuple):
    store: str
    subject: str
    issuer: str | None = None
    sha256: str | None = None


class SecurityCenterProduct(NamedTuple):
    name: str
    kind: Literal["antivirus", "firewall", "antispyware"]
    product_state: int | None = None
    path: str | None = None


class SystemSnapshot(NamedTuple):
    platform: Platform
    taken_at: str
    os: OsInfo = OsInfo()
    registry: Registry = Registry()  # never mutated after construction, so safe to share
    files: tuple[FileEntry, ...] = ()
    processes: tuple[Process, ...] = ()
    services: tuple[Service, ...] = ()
    packages: tuple[Package, ...] = ()
    apps: tuple[App, ...] = ()
    extensions: tuple[Extension, ...] = ()
    certificates: tuple[Certificate, ...] = ()
    security_center: tuple[SecurityCenterProduct, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def taken_at_datetime(self) -> datetime:
        return parse_timestamp(self.taken_at)

    @property
    def case_sensitive_paths(self) -> bool:
        """Linux compares paths case-sensitively; Windows and (default APFS) macOS do not."""
        return self.platform == "linux"

    def path_key(self, path: str) -> str:
        """The form of a path used for comparisons on this snapshot's OS."""
        if self.platform == "windows":
            path = path.replace("/", "\\").rstrip("\\")
            return path.casefold()
        path = path.rstrip("/") or "/"
        return path if self.case_sensitive_paths else path.casefold()

    def file(self, path: str) -> FileEntry | None:
        wanted = self.path_key(path)
        for entry in self.files:
            if self.path_key(entry.path) == wanted:
                return entry
        return None


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 → aware UTC datetime (Python 3.10's fromisoformat does not take `Z`)."""
    value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


# ---------------------------------------------------------------------------------------
# Saving.


def _compact(obj: object) -> dict[str, Any]:
    """A record as a dict without the optional fields that are unset."""
    return {k: v for k, v in obj._asdict().items() if v is not None}  # type: ignore[attr-defined]


def snapshot_to_dict(snap: SystemSnapshot) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "taken_at": snap.taken_at,
        "platform": snap.platform,
        "os": _compact(snap.os),
    }
    if snap.platform == "windows" or len(snap.registry):
        doc["registry"] = snap.registry.to_json()
    for name in ("files", "processes", "services", "packages", "apps", "extensions",
                 "certificates", "security_center"):
        doc[name] = [_compact(item) for item in getattr(snap, name)]
    doc["notes"] = list(snap.notes)
    return doc


def snapshot_to_json(snap: SystemSnapshot) -> str:
    return json.dumps(snapshot_to_dict(snap), indent=2, ensure_ascii=False) + "\n"


def save_snapshot(snap: SystemSnapshot, path: str | Path) -> None:
    """Write atomically: a half-written snapshot would fail to load later with no clue why."""
    write_text_atomic(Path(path), snapshot_to_json(snap))


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
