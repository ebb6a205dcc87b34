"""An append-only, hash-chained JSON-lines log of every command the uninstaller runs.

Each record carries the SHA-256 of the previous record, so an edited, removed or
reordered line breaks the chain and `verify_chain` says where. It records what ran, when,
its exit code and a short summary of its output (its size, hash and last line with
anything that looks like a password removed); never the output itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

GENESIS = "0" * 64
_SECRETISH = re.compile(
    r"(?i)\b(\w*(?:pass(?:word|wd)?|pwd|secret|token|key)\w*)\s*[:=]\s*"
    r"(\"[^\"]*\"|'[^']*'|\S+)")


def redact(line: str) -> str:
    """A short line with anything shaped like `password: value` or KLPASSWD=… blanked."""
    return _SECRETISH.sub(r"\1=[removed]", line)[:200]


def _digest(record: dict[str, Any]) -> str:
    body = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _last_hash(path: Path) -> str:
    if not path.is_file():
        return GENESIS
    last = GENESIS
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                last = str(json.loads(line)["hash"])
            except (ValueError, KeyError, TypeError):
                continue  # a damaged line never stops the log; verify_chain reports it
    return last


def append(path: Path, event: str, **fields: Any) -> None:
    """Append one record, flushed to disk before returning (a crash loses nothing logged)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    record = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "event": event, **fields, "prev": _last_hash(path)}
    record["hash"] = _digest(record)
    # Owner only: it lists what was removed from this machine and the commands that ran.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0),
                 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def verify_chain(path: Path) -> tuple[bool, str]:
    """Whether every record is intact and in order; the first problem otherwise."""
    previous = GENESIS
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                return False, f"line {number} is not a record"
            claimed = record.pop("hash", None)
            if record.get("prev") != previous:
                return False, f"line {number} does not follow the line before it"
            if _digest(record) != claimed:
                return False, f"line {number} was changed after it was written"
            previous = claimed
    return True, "intact"
