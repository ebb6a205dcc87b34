"""What every probe shares: the probe plan, a re-rootable file system, commands with timeouts.

The plan is derived from the signatures, so a probe reads only what some signature asks
about (spec/snapshot.md: a snapshot never holds the whole disk or registry). Every probe
can be pointed at another root folder, which is how tests run the real probe code
against a folder laid out like a machine.
"""

from __future__ import annotations

import base64
import glob
import hashlib
import itertools
import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from core.machine.patterns import match as pattern_match
from core.machine.patterns import placeholders_in, to_glob
from core.machine.signatures import TRACE_KINDS, AppPattern, SignatureSet
from core.machine.snapshot import MAX_TEXT_CHARS, Certificate, Extension, FileEntry

COMMAND_TIMEOUT = 15.0


class ProbePlan(NamedTuple):
    platform: str
    paths: tuple[str, ...]
    texts: tuple[str, ...]
    names: Mapping[str, tuple[str, ...]]
    apps: tuple[AppPattern, ...] = ()  # macOS bundles: path and bundle id must both match

    def wants(self, kind: str, text: str) -> bool:
        """True when some signature pattern of this trace kind matches `text`."""
        return any(pattern_match(p, text, self.platform, TRACE_KINDS.get(kind, "name"))
                   for p in self.names.get(kind, ()))

    def wants_app(self, path: str, bundle_id: str) -> bool:
        """A bundle some signature describes, or any that says Kaspersky: look-alikes are
        recorded so that detection can say why it ignored them."""
        return "kaspersky" in bundle_id.casefold() or any(
            pattern_match(a.path, path, self.platform, "path")
            and pattern_match(a.bundle_id, bundle_id, self.platform, "name") for a in self.apps)


def plan_for(platform: str, signatures: SignatureSet) -> ProbePlan:
    names: dict[str, list[str]] = {}
    paths: list[str] = []
    texts: list[str] = []
    apps: list[AppPattern] = []
    for sig in signatures.for_platform(platform):
        for traces in (sig.anchors, sig.traces):
            for kind, patterns in traces.patterns.items():
                names.setdefault(kind, []).extend(patterns)
        names.setdefault("processes", []).extend(sig.realtime_when)
        names.setdefault("services", []).extend(sig.realtime_when)
        paths.extend(sig.data_dirs)
        apps.extend(sig.apps)
        texts.extend(d.path for d in sig.definitions)
    for leftover in signatures.leftovers_for(platform):
        names.setdefault(leftover.kind, []).extend(leftover.patterns)
    paths += names.pop("folders", []) + names.pop("files", []) + texts
    return ProbePlan(platform=platform, paths=tuple(dict.fromkeys(paths)),
                     texts=tuple(dict.fromkeys(texts)),
                     names={k: tuple(dict.fromkeys(v)) for k, v in names.items()},
                     apps=tuple(dict.fromkeys(apps)))


class FileSystem:
    """Maps the probed machine's paths to local ones, so a probe can run on a test root.

    On Windows machine paths look like `C:\\Users\\x`; under a test root the drive
    becomes a folder (`<root>/C/Users/x`).
    """

    def __init__(self, platform: str, root: str | os.PathLike[str] | None = None) -> None:
        self.platform = platform
        self.root = Path(root) if root else None

    def local(self, machine_path: str) -> str:
        if self.root is None:
            return machine_path
        if self.platform == "windows":
            drive, _, rest = machine_path.partition(":")
            return str(self.root / drive.upper() / rest.replace("\\", "/").lstrip("/"))
        return str(self.root / machine_path.lstrip("/"))

    def machine(self, local_path: str) -> str:
        if self.root is None:
            return local_path
        rel = Path(local_path).relative_to(self.root).as_posix()
        if self.platform == "windows":
            drive, _, rest = rel.partition("/")
            return f"{drive}:\\" + rest.replace("/", "\\")
        return "/" + rel

    def glob(self, machine_pattern: str) -> list[str]:
        local = self.local(machine_pattern)
        return [self.machine(p) for p in glob.glob(local)]


def expand(pattern: str, bases: Mapping[str, Sequence[str]]) -> list[str]:
    """Replace folder placeholders with each of the machine's real folders."""
    used = [name for name in dict.fromkeys(placeholders_in(pattern)) if name != "WOW"]
    if not used:
        return [pattern]
    out = []
    for combo in itertools.product(*(bases.get(name, ()) for name in used)):
        text = pattern
        for name, value in zip(used, combo, strict=False):
            text = text.replace("{" + name + "}", value)
        out.append(text)
    return out


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")


def find_files(fs: FileSystem, plan: ProbePlan, bases: Mapping[str, Sequence[str]],
               notes: list[str]) -> list[FileEntry]:
    """Every path the plan asks about that exists, with the text of small index files."""
    entries: dict[str, FileEntry] = {}
    for pattern in plan.paths:
        for concrete in expand(pattern, bases):
            for machine_path in fs.glob(to_glob(concrete)):
                if machine_path in entries or not pattern_match(pattern, machine_path,
                                                                fs.platform, "path"):
                    continue
                entries[machine_path] = _file_entry(fs, plan, machine_path, notes)
    return sorted(entries.values(), key=lambda e: e.path.casefold())


def _file_entry(fs: FileSystem, plan: ProbePlan, machine_path: str,
                notes: list[str]) -> FileEntry:
    local = fs.local(machine_path)
    try:
        info = os.stat(local)
    except OSError as exc:
        notes.append(f"{machine_path}: cannot be read ({exc.strerror})")
        return FileEntry(path=machine_path, kind="dir" if os.path.isdir(local) else "file")
    if os.path.isdir(local):
        return FileEntry(path=machine_path, kind="dir", mtime=_iso(info.st_mtime))
    text = None
    if any(pattern_match(p, machine_path, fs.platform, "path") for p in plan.texts):
        text = read_small_text(local, notes, machine_path)
    return FileEntry(path=machine_path, kind="file", size=info.st_size,
                     mtime=_iso(info.st_mtime), text=text)


def read_small_text(local: str, notes: list[str], shown: str) -> str | None:
    try:
        with open(local, "rb") as handle:
            raw = handle.read(MAX_TEXT_CHARS)
    except OSError as exc:
        notes.append(f"{shown}: cannot be read ({exc.strerror})")
        return None
    for encoding in ("utf-8-sig", "utf-16", "latin-1"):
        try:
            return raw.decode(encoding)[:MAX_TEXT_CHARS]
        except UnicodeDecodeError:
            continue
    return None


def run(args: Sequence[str], notes: list[str], timeout: float = COMMAND_TIMEOUT,
        what: str | None = None, quiet_when: Sequence[str] = ()) -> str | None:
    """Run a program (argument list, never a shell) and return stdout, or None with a note.

    `quiet_when`: failure messages that mean "nothing found" for this command (`security`
    finding no certificate), which are not worth a note. A missing program returns None
    without a note: on most machines most vendors' tools are simply absent.
    """
    what = what or args[0]
    # No console window flashing up when the GUI (pythonw) runs a console program.
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        done = subprocess.run(list(args), capture_output=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL, creationflags=flags)
    except FileNotFoundError:
        return None
    except subprocess.TimeoutExpired:
        notes.append(f"{what} did not answer within {timeout:.0f} s")
        return None
    except OSError as exc:
        notes.append(f"{what} could not be run ({exc.strerror})")
        return None
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if any(q in line for line in err for q in quiet_when):
            return None
        notes.append(f"{what} failed ({err[-1] if err else 'exit ' + str(done.returncode)})")
        return None
    return done.stdout.decode("utf-8", "replace")


# -- browser extensions --------------------------------------------------------------------

_CHROMIUM = {"chrome": ("Google/Chrome", "google-chrome"),
             "edge": ("Microsoft Edge", "microsoft-edge")}


def browser_profile_roots(platform: str, home: str) -> Iterator[tuple[str, str, str]]:
    """(browser, kind, folder) for each browser's user-data folder under one home."""
    sep = "\\" if platform == "windows" else "/"
    if platform == "windows":
        local, roaming = home + r"\AppData\Local", home + r"\AppData\Roaming"
        yield "chrome", "chromium", local + r"\Google\Chrome\User Data"
        yield "edge", "chromium", local + r"\Microsoft\Edge\User Data"
        yield "firefox", "firefox", roaming + r"\Mozilla\Firefox\Profiles"
    elif platform == "macos":
        support = home + "/Library/Application Support"
        for browser, (mac, _) in _CHROMIUM.items():
            yield browser, "chromium", f"{support}/{mac}"
        yield "firefox", "firefox", f"{support}/Firefox/Profiles"
    else:
        for browser, (_, linux) in _CHROMIUM.items():
            yield browser, "chromium", f"{home}{sep}.config{sep}{linux}"
        yield "firefox", "firefox", f"{home}/.mozilla/firefox"


def find_browser_extensions(fs: FileSystem, homes: Iterable[str], plan: ProbePlan
                            ) -> list[Extension]:
    """Kaspersky's browser extensions often outlive the product: look in every profile."""
    sep = "\\" if fs.platform == "windows" else "/"
    found: list[Extension] = []
    for home in homes:
        for browser, kind, root in browser_profile_roots(fs.platform, home):
            if kind == "chromium":
                pattern = f"{root}{sep}*{sep}Extensions{sep}*"
            else:
                pattern = f"{root}{sep}*{sep}extensions{sep}*"
            for path in fs.glob(pattern):
                parts = path.split(sep)
                ext_id, profile = parts[-1], parts[-3]
                if ext_id.endswith(".xpi"):
                    ext_id = ext_id[:-4]
                if plan.wants("browser_extensions", ext_id):
                    found.append(Extension(kind="browser", id=ext_id, browser=browser,  # type: ignore[arg-type]
                                           profile=profile))
    return found


# -- certificates in PEM bundles -------------------------------------------------------------

_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.DOTALL)
_CN_OID = b"\x06\x03\x55\x04\x03"


def _der_strings_after(der: bytes, oid: bytes) -> list[str]:
    """Values of one attribute type (e.g. commonName) in DER order: issuer first, then subject."""
    out = []
    start = 0
    while (pos := der.find(oid, start)) >= 0:
        start = pos + len(oid)
        if start + 2 > len(der):
            break
        length = der[start + 1]
        if length & 0x80:
            continue  # long values are not names we look for
        out.append(der[start + 2:start + 2 + length].decode("utf-8", "replace"))
    return out


def certificates_in_pem(text: bytes, store: str, plan: ProbePlan) -> list[Certificate]:
    """Trusted roots whose subject matches a signature, from a PEM bundle.

    A full X.509 parser is not needed to read two names; a cheap byte test first skips
    the hundred or so certificates of an ordinary bundle.
    """
    out = []
    for block in _PEM.findall(text):
        try:
            der = base64.b64decode(b"".join(block.split()))
        except ValueError:
            continue
        if b"aspersky" not in der:
            continue
        names = _der_strings_after(der, _CN_OID)
        if not names:
            continue
        subject, issuer = names[-1], names[0]
        if plan.wants("certificates", subject):
            out.append(Certificate(store=store, subject=subject, issuer=issuer,
                                   sha256=hashlib.sha256(der).hexdigest()))
    return out
