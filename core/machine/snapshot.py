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
from core.errors import BadInput
from core.machine.json_input import parse_json_input

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


# ---------------------------------------------------------------------------------------
# Loading and validation. Each reader names the field in the error, e.g. `services[2].name`.


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 → aware UTC datetime (Python 3.10's fromisoformat does not take `Z`)."""
    value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _fail(where: str, problem: str) -> BadInput:
    return BadInput(f"The snapshot's field `{where}` {problem}.")


def _type_name(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, f"must be an object, not {_type_name(value)}")
    return value


def _opt_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _fail(f"{where}.{key}", f"must be a string, not {_type_name(value)}")
    return value


def _req_str(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = _opt_str(obj, key, where)
    if value is None or not value.strip():
        raise _fail(f"{where}.{key}", "is missing or empty")
    return value


def _opt_int(obj: Mapping[str, Any], key: str, where: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(f"{where}.{key}", f"must be a whole number, not {_type_name(value)}")
    return value


def _enum(obj: Mapping[str, Any], key: str, where: str, choices: tuple[str, ...],
          required: bool = True) -> Any:
    value = _req_str(obj, key, where) if required else _opt_str(obj, key, where)
    if value is not None and value not in choices:
        raise _fail(f"{where}.{key}", f"must be one of {', '.join(choices)} (found {value!r})")
    return value


def _timestamp(obj: Mapping[str, Any], key: str, where: str, required: bool) -> str | None:
    value = _req_str(obj, key, where) if required else _opt_str(obj, key, where)
    if value is not None:
        try:
            parse_timestamp(value)
        except ValueError:
            raise _fail(f"{where}.{key}", f"is not an ISO 8601 date and time ({value!r})") from None
    return value


def _items(doc: Mapping[str, Any], key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    value = doc.get(key)
    if value is None:
        return
    if not isinstance(value, list):
        raise _fail(key, f"must be a list, not {_type_name(value)}")
    for index, item in enumerate(value):
        where = f"{key}[{index}]"
        yield where, _object(item, where)


def _registry(value: object) -> Registry:
    if value is None:
        return Registry()
    keys = _object(value, "registry")
    parsed: dict[str, dict[str, RegValue]] = {}
    for key_path, values in keys.items():
        where = f"registry[{key_path!r}]"
        checked: dict[str, RegValue] = {}
        for name, val in _object(values, where).items():
            ok = (isinstance(val, (str, int)) and not isinstance(val, bool)) or (
                isinstance(val, list) and all(isinstance(v, str) for v in val))
            if not ok:
                raise _fail(f"{where}[{name!r}]",
                            "must be a string, a whole number or a list of strings")
            checked[name] = val
        parsed[key_path] = checked
    return Registry(parsed)


def _file_entry(obj: Mapping[str, Any], where: str) -> FileEntry:
    text = _opt_str(obj, "text", where)
    if text is not None and len(text) > MAX_TEXT_CHARS:
        raise _fail(f"{where}.text", "is longer than the 64 KiB a snapshot may hold")
    return FileEntry(path=_req_str(obj, "path", where),
                     kind=_enum(obj, "kind", where, ("file", "dir"), required=False) or "file",
                     size=_opt_int(obj, "size", where),
                     mtime=_timestamp(obj, "mtime", where, required=False), text=text)


def snapshot_from_dict(doc: object) -> SystemSnapshot:
    """Validate a decoded JSON document and build the snapshot; errors name the field."""
    top = _object(doc, "(top level)")
    if top.get("format") != FORMAT:
        raise BadInput(f"This is not a Switchover snapshot: `format` must be {FORMAT!r}.")
    if top.get("version") != VERSION:
        raise BadInput(f"This snapshot has version {top.get('version')!r}; "
                       f"this Switchover reads version {VERSION}.")
    platform = top.get("platform")
    if platform not in PLATFORMS:
        raise _fail("platform", f"must be one of {', '.join(PLATFORMS)} (found {platform!r})")
    os_obj = _object(top.get("os", {}), "os")
    os_info = OsInfo(name=_opt_str(os_obj, "name", "os") or "",
                     version=_opt_str(os_obj, "version", "os") or "",
                     arch=_opt_str(os_obj, "arch", "os") or "",
                     locale=_opt_str(os_obj, "locale", "os"),
                     timezone=_opt_str(os_obj, "timezone", "os"),
                     country=_opt_str(os_obj, "country", "os"))
    notes = top.get("notes") or []
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        raise _fail("notes", "must be a list of strings")
    return SystemSnapshot(
        platform=platform,
        taken_at=_timestamp(top, "taken_at", "(top level)", required=True) or "",
        os=os_info,
        registry=_registry(top.get("registry")),
        files=tuple(_file_entry(o, w) for w, o in _items(top, "files")),
        processes=tuple(Process(pid=_opt_int(o, "pid", w) or 0, name=_req_str(o, "name", w),
                                exe=_opt_str(o, "exe", w), user=_opt_str(o, "user", w))
                        for w, o in _items(top, "processes")),
        services=tuple(Service(name=_req_str(o, "name", w),
                               manager=_enum(o, "manager", w, ("scm", "launchd", "systemd")),
                               display_name=_opt_str(o, "display_name", w),
                               status=_opt_str(o, "status", w), start=_opt_str(o, "start", w),
                               binary=_opt_str(o, "binary", w))
                       for w, o in _items(top, "services")),
        packages=tuple(Package(manager=_enum(o, "manager", w, ("dpkg", "rpm", "pkgutil", "msi")),
                               name=_req_str(o, "name", w), version=_opt_str(o, "version", w))
                       for w, o in _items(top, "packages")),
        apps=tuple(App(path=_req_str(o, "path", w), bundle_id=_req_str(o, "bundle_id", w),
                       version=_opt_str(o, "version", w), name=_opt_str(o, "name", w))
                   for w, o in _items(top, "apps")),
        extensions=tuple(Extension(
            kind=_enum(o, "kind", w, ("kext", "systemextension", "driver", "browser")),
            id=_req_str(o, "id", w), state=_opt_str(o, "state", w),
            browser=_enum(o, "browser", w, ("chrome", "edge", "firefox", "safari"), False),
            profile=_opt_str(o, "profile", w), name=_opt_str(o, "name", w))
            for w, o in _items(top, "extensions")),
        certificates=tuple(Certificate(store=_req_str(o, "store", w),
                                       subject=_req_str(o, "subject", w),
                                       issuer=_opt_str(o, "issuer", w),
                                       sha256=_opt_str(o, "sha256", w))
                           for w, o in _items(top, "certificates")),
        security_center=tuple(SecurityCenterProduct(
            name=_req_str(o, "name", w),
            kind=_enum(o, "kind", w, ("antivirus", "firewall", "antispyware")),
            product_state=_opt_int(o, "product_state", w), path=_opt_str(o, "path", w))
            for w, o in _items(top, "security_center")),
        notes=tuple(notes),
    )


def snapshot_from_json(text: str) -> SystemSnapshot:
    return snapshot_from_dict(parse_json_input(text, "snapshot"))


def load_snapshot(path: str | Path) -> SystemSnapshot:
    """Read and validate a snapshot file; every failure is one clear `BadInput` sentence."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInput(f"The snapshot file {path} does not exist.") from None
    except OSError as exc:
        raise BadInput(f"The snapshot file {path} cannot be read ({exc.strerror}).") from None
    if path.is_dir():
        raise BadInput(f"{path} is a folder, not a snapshot file.")
    if size > MAX_SNAPSHOT_BYTES:
        raise BadInput(f"The snapshot file {path} is {size // (1024 * 1024)} MB; "
                       "a snapshot is never larger than 50 MB, so this is not one.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"The snapshot file {path} cannot be read ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"The snapshot file {path} is not UTF-8 text "
                       f"(undecodable byte at offset {exc.start}).") from None
    return snapshot_from_json(text)


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
