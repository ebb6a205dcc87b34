"""Reading a snapshot file: strict about types, one sentence for every way it is wrong.

A snapshot comes from outside (another machine, a support ticket, an attacker), so each
reader names the bad field in its error (`services[2].name`), and unknown fields are
ignored so that newer snapshots still load. What a snapshot holds is core/machine/snapshot.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from core.errors import BadInput
from core.machine.json_input import parse_json_input
from core.machine.snapshot import (
    FORMAT,
    MAX_SNAPSHOT_BYTES,
    MAX_TEXT_CHARS,
    PLATFORMS,
    VERSION,
    App,
    Certificate,
    Extension,
    FileEntry,
    OsInfo,
    Package,
    Process,
    Registry,
    RegValue,
    SecurityCenterProduct,
    Service,
    SystemSnapshot,
    parse_timestamp,
)


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


