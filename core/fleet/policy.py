"""The policy file IT staff write once for a whole fleet (TOML or JSON), strictly validated.

An unknown key is an error, not silently ignored: a typo such as `reqiured = true` must not
turn a required backup into no backup on a thousand machines. Every error names the key.

    [backup]
    required = true                          # stop if the backup cannot be made
    destination = '\\\\server\\backups\\{hostname}'   # a network share is just a path
    include = ["Documents", "Desktop"]       # standard folders by name, or absolute paths
    [protection]
    expected = "defender"                    # "defender", "any", or a catalog id
    allow_unprotected = false
    [uninstall]
    confirm = ["vault", "password-manager", "backup-tasks"]
    remove_ultraav = false
    quiet = true                             # the uninstallers' silent modes
    [reboot]
    behaviour = "defer"                      # "defer": report that a restart is needed
    [report]
    directory = '\\\\server\\reports'           # one JSON report per machine
"""

from __future__ import annotations

import json
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import BadInput

SECTIONS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "backup": {"required": bool, "destination": str, "include": list},
    "protection": {"expected": str, "allow_unprotected": bool},
    "uninstall": {"confirm": list, "remove_ultraav": bool, "quiet": bool},
    "reboot": {"behaviour": str},
    "report": {"directory": str},
}
CONFIRMABLE = ("vault", "password-manager", "backup-tasks")
REBOOT = ("defer", "never")


@dataclass(frozen=True)
class Policy:
    backup_required: bool = True
    destination: str = ""
    include: tuple[str, ...] = ()
    expected: str = "any"
    allow_unprotected: bool = False
    confirm: tuple[str, ...] = ()
    remove_ultraav: bool = False
    quiet: bool = True
    reboot: str = "defer"
    report_dir: str = ""

    def expand(self, text: str) -> str:
        return text.replace("{hostname}", socket.gethostname())


def _parse(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"Cannot read the policy {path} ({exc.strerror}).") from None
    if path.suffix.casefold() == ".json":
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadInput(f"The policy {path} is not valid JSON ({exc}).") from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the same parser, from PyPI
        import tomli as tomllib
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(f"The policy {path} is not valid TOML ({exc}).") from None


def _check(doc: Any, path: Path) -> dict[str, dict[str, Any]]:
    if not isinstance(doc, dict):
        raise BadInput(f"The policy {path} must be a table of sections.")
    for section, values in doc.items():
        if section not in SECTIONS:
            raise BadInput(f"The policy has an unknown section [{section}]; known: "
                           f"{', '.join(SECTIONS)}.")
        if not isinstance(values, dict):
            raise BadInput(f"The policy's [{section}] must be a table.")
        for key, value in values.items():
            kind = SECTIONS[section].get(key)
            if kind is None:
                raise BadInput(f"The policy has an unknown key {section}.{key}; known: "
                               f"{', '.join(SECTIONS[section])}.")
            if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
                name = kind.__name__ if isinstance(kind, type) else "value"
                raise BadInput(f"The policy's {section}.{key} must be a {name}.")
    return doc


def load_policy(path: str | Path) -> Policy:
    path = Path(path)
    doc = _check(_parse(path), path)
    backup, protection = doc.get("backup", {}), doc.get("protection", {})
    uninstall, reboot, report = doc.get("uninstall", {}), doc.get("reboot", {}), \
        doc.get("report", {})
    for index, item in enumerate(backup.get("include", [])):
        if not isinstance(item, str) or not item:
            raise BadInput(f"The policy's backup.include[{index}] must be a folder name or "
                           "path.")
    for item in uninstall.get("confirm", []):
        if item not in CONFIRMABLE:
            raise BadInput(f"The policy's uninstall.confirm has {item!r}; it takes "
                           f"{', '.join(CONFIRMABLE)}.")
    behaviour = reboot.get("behaviour", "defer")
    if behaviour not in REBOOT:
        raise BadInput(f"The policy's reboot.behaviour must be one of {', '.join(REBOOT)}.")
    required = backup.get("required", True)
    if required and not backup.get("destination"):
        raise BadInput("The policy requires a backup (backup.required) but names no "
                       "backup.destination.")
    return Policy(backup_required=required, destination=backup.get("destination", ""),
                  include=tuple(backup.get("include", [])),
                  expected=protection.get("expected", "any"),
                  allow_unprotected=protection.get("allow_unprotected", False),
                  confirm=tuple(uninstall.get("confirm", [])),
                  remove_ultraav=uninstall.get("remove_ultraav", False),
                  quiet=uninstall.get("quiet", True), reboot=behaviour,
                  report_dir=report.get("directory", ""))
