"""Turns a snapshot into uniform traces that signature patterns are matched against.

Each trace kind of `core.machine.signatures.TRACE_KINDS` reads one part of the snapshot; doing the
reading in one place keeps detection free of per-OS special cases and gives every piece
of evidence the same readable label.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from core.machine.patterns import Match
from core.machine.patterns import match as pattern_match
from core.machine.signatures import TRACE_KINDS
from core.machine.snapshot import RegValue, SystemSnapshot
from core.terminal_text import one_line

_UNINSTALL_KEY = re.compile(
    r"^(?:HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER|HKEY_USERS\\[^\\]+)\\SOFTWARE\\"
    r"(?:WOW6432Node\\)?Microsoft\\Windows\\CurrentVersion\\Uninstall\\[^\\]+$",
    re.IGNORECASE,
)
_RUNNING = {"running", "active", "activated enabled", "loaded"}
_EXE_IN_COMMAND = re.compile(r'^\s*"([^"]+)"|^\s*(\S+)')


def command_program(command: str | None) -> str | None:
    """The program a command line starts (quoted or not), without its arguments."""
    if not command:
        return None
    found = _EXE_IN_COMMAND.match(command)
    return (found.group(1) or found.group(2)) if found else None


class Trace(NamedTuple):
    kind: str
    text: str  # what patterns are matched against
    label: str  # evidence, as shown to a user
    where: str  # for leftovers: where the trace was found
    running: bool | None = None
    key: str = ""  # registry key of an uninstall entry
    version: str | None = None  # a package's own version
    program: str = ""  # the program a service or process runs
    derived: bool = False  # a folder known only as the folder of a program that runs


def _program_folders(snap: SystemSnapshot, program: str, whose: str) -> list[Trace]:
    """The folders a service's or process's program lies in, as folder traces.

    A probe may list no folders at all (or not the product's), yet the program a running
    service starts names its product's folder: `...\\Kaspersky Total Security 21.3\\avp.exe`.
    """
    windows = snap.platform == "windows"
    sep = "\\" if windows else "/"
    parts = (program.replace("/", "\\") if windows else program).split(sep)
    return [Trace("folders", folder, f"folder of {whose}: {folder}", folder, derived=True)
            for end in range(len(parts) - 1, 1, -1)
            if (folder := sep.join(parts[:end])).strip(sep)]


def short_key(path: str) -> str:
    """`HKEY_LOCAL_MACHINE\\...` → `HKLM\\...`: evidence lines stay readable."""
    for long, short in (("HKEY_LOCAL_MACHINE", "HKLM"), ("HKEY_CURRENT_USER", "HKCU"),
                        ("HKEY_USERS", "HKU")):
        if path.upper().startswith(long):
            return short + path[len(long):]
    return path


def is_running(status: str | None) -> bool | None:
    if status is None:
        return None
    return status.strip().lower() in _RUNNING


def uninstall_keys(snap: SystemSnapshot) -> list[tuple[str, dict[str, RegValue]]]:
    """Apps & Features entries: every view (64-bit, WOW6432Node, per-user) the probe read."""
    return [(path, values) for path, values in snap.registry.items()
            if _UNINSTALL_KEY.match(path)]


def _add_services(snap: SystemSnapshot, out: dict[str, list[Trace]]) -> None:
    for svc in snap.services:
        kind = "launchd" if svc.manager == "launchd" else "services"
        state = f" ({svc.status})" if svc.status else ""
        display = f" — {svc.display_name}" if svc.display_name else ""
        noun = "launchd job" if kind == "launchd" else "service"
        out[kind].append(Trace(kind, svc.name, f"{noun}: {svc.name}{display}{state}",
                               f"{svc.manager} services", running=is_running(svc.status),
                               program=command_program(svc.binary) or ""))
        if svc.manager == "scm" and (svc.start or "").casefold() in ("boot", "system"):
            # Only kernel drivers start at boot or system time: a snapshot that lists one
            # among the services (as Windows' own service manager does) shows a driver.
            out["drivers"].append(Trace("drivers", svc.name, f"driver: {svc.name}{display}"
                                        f"{state}", "drivers", running=is_running(svc.status)))


def _add_program_folders(snap: SystemSnapshot, out: dict[str, list[Trace]]) -> None:
    listed = {snap.path_key(t.text.rstrip("\\/")) for t in out["folders"]}
    for trace in out["services"] + out["launchd"] + out["processes"]:
        if not trace.program or trace.running is not True:
            continue  # a stopped service's program may be long gone with its folder
        whose = (f"the running program {trace.text}" if trace.kind == "processes"
                 else f"service {trace.text}'s program")
        for folder in _program_folders(snap, trace.program, whose):
            key = snap.path_key(folder.text)
            if key not in listed:
                listed.add(key)
                out["folders"].append(folder)


def collect_traces(snap: SystemSnapshot) -> dict[str, list[Trace]]:
    out: dict[str, list[Trace]] = {kind: [] for kind in TRACE_KINDS}
    for path, _values in uninstall_keys(snap):
        name = snap.registry.value(path, "DisplayName")
        if isinstance(name, str) and name.strip():
            publisher = snap.registry.value(path, "Publisher")
            version = snap.registry.value(path, "DisplayVersion")
            extra = ", ".join(str(v) for v in (version, publisher) if v)
            out["uninstall"].append(Trace("uninstall", name.strip(),
                                          f"Apps & Features: {name} ({extra}) at {short_key(path)}"
                                          if extra else f"Apps & Features: {name} at "
                                          f"{short_key(path)}",
                                          short_key(path), key=path))
    for path, _ in snap.registry.items():
        out["registry"].append(Trace("registry", path, f"registry: {short_key(path)}",
                                     short_key(path)))
    for entry in snap.files:
        kind = "folders" if entry.kind == "dir" else "files"
        trace = Trace(kind, entry.path, f"{'folder' if kind == 'folders' else 'file'}: "
                      f"{entry.path}", entry.path)
        out[kind].append(trace)
        if kind == "folders":
            out["files"].append(trace)
    _add_services(snap, out)
    for proc in snap.processes:
        out["processes"].append(Trace("processes", proc.name,
                                      f"process: {proc.name} (pid {proc.pid})",
                                      proc.exe or "running processes", running=True,
                                      program=proc.exe or ""))
    _add_program_folders(snap, out)
    for pkg in snap.packages:
        version = f" {pkg.version}" if pkg.version else ""
        out["packages"].append(Trace("packages", pkg.name,
                                     f"package: {pkg.name}{version} ({pkg.manager})",
                                     f"{pkg.manager} database", version=pkg.version))
    ext_kinds = {"driver": ("drivers", "driver"), "kext": ("kexts", "kernel extension"),
                 "systemextension": ("system_extensions", "system extension"),
                 "browser": ("browser_extensions", "browser extension")}
    for ext in snap.extensions:
        kind, noun = ext_kinds[ext.kind]
        where = (f"{ext.browser or 'browser'}" + (f" profile {ext.profile}" if ext.profile
                                                   else "")
                 if ext.kind == "browser" else noun + "s")
        state = f" ({ext.state})" if ext.state else ""
        shown = f"{ext.name} [{ext.id}]" if ext.name else ext.id
        out[kind].append(Trace(kind, ext.id, f"{noun}: {shown}{state}"
                               + (f" in {where}" if ext.kind == "browser" else ""), where,
                               running=is_running(ext.state)))
    for cert in snap.certificates:
        out["certificates"].append(Trace("certificates", cert.subject,
                                         f"trusted root certificate: {cert.subject} "
                                         f"({cert.store})", cert.store))
    for sc in snap.security_center:
        state = f" (productState {sc.product_state})" if sc.product_state is not None else ""
        out["security_center"].append(Trace("security_center", sc.name,
                                            f"Windows Security Center {sc.kind}: {sc.name}{state}",
                                            "Windows Security Center"))
    # Labels and places are shown to people: a name from the machine keeps to one line
    # and can carry no control character (patterns still match the text as it is).
    return {kind: [t._replace(label=one_line(t.label), where=one_line(t.where)) for t in items]
            for kind, items in out.items()}


_TOKENS = re.compile(r"\{[^{}]*\}|\*")


@lru_cache(maxsize=8192)
def _literals(pattern: str) -> tuple[str, str]:
    """(literal prefix, longest literal piece), folded: cheap tests that spare most regexes.

    Compiling a pattern costs far more than matching it, and most patterns meet only
    traces they cannot match; start-up time of `switchover detect` is what this buys.
    """
    pieces = _TOKENS.split(pattern)
    prefix = pieces[0] if pattern[: len(pieces[0])] == pieces[0] else ""
    return prefix.casefold(), max(pieces, key=len).casefold()


def match_trace(pattern: str, trace: Trace, platform: str) -> Match | None:
    prefix, longest = _literals(pattern)
    folded = trace.text.casefold()
    if (prefix and not folded.startswith(prefix)) or (longest and longest not in folded):
        return None
    return pattern_match(pattern, trace.text, platform, TRACE_KINDS[trace.kind])
