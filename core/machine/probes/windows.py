"""The Windows probe: Apps & Features entries, vendor registry keys, services, drivers,
Security Center, trusted roots, program and data folders, browser extensions.

The registry is read through a small `RegistryReader`, so tests can hand the real probe
an in-memory registry (`DictRegistryReader`) together with a folder laid out like `C:\\`.
Only what the signatures ask about is recorded (spec/snapshot.md); nothing found is run.
"""

from __future__ import annotations

import os
import platform as platform_mod
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from core.machine.patterns import match as pattern_match
from core.machine.probes.common import (
    FileSystem,
    ProbePlan,
    find_browser_extensions,
    find_files,
)
from core.machine.probes.locale_info import locale_name
from core.machine.probes.processes import list_processes
from core.machine.probes.registry import (
    DictRegistryReader,
    RegistryReader,
    WinRegReader,
    text_value,
)
from core.machine.probes.windows_security import security_center
from core.machine.snapshot import (
    Certificate,
    Extension,
    OsInfo,
    Registry,
    RegValue,
    SecurityCenterProduct,
    Service,
    SystemSnapshot,
    lookup_value,
    normalise_key_path,
    utc_now_iso,
)

HKLM = "HKEY_LOCAL_MACHINE"
HKCU = "HKEY_CURRENT_USER"
PER_USER_UNINSTALL = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
UNINSTALL_ROOTS = (
    HKLM + r"\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
    HKLM + r"\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
    HKCU + r"\Software\Microsoft\Windows\CurrentVersion\Uninstall",
)
SERVICES_KEY = HKLM + r"\SYSTEM\CurrentControlSet\Services"
CURRENT_VERSION_KEY = HKLM + r"\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
TIME_ZONE_KEY = HKLM + r"\SYSTEM\CurrentControlSet\Control\TimeZoneInformation"
ENVIRONMENT_KEY = HKLM + r"\SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
INTERNATIONAL_KEY = HKCU + r"\Control Panel\International"
GEO_KEY = INTERNATIONAL_KEY + r"\Geo"
WOW_VIEWS = ("", "WOW6432Node\\")
DRIVER_TYPES = (1, 2)  # SERVICE_KERNEL_DRIVER, SERVICE_FILE_SYSTEM_DRIVER
NOT_USER_PROFILES = {"public", "default", "default user", "all users"}

# Windows time zone ids (TimeZoneKeyName) → IANA, for the common zones: the "001"
# (territory-neutral) rows of CLDR's windowsZones.xml. Anything else stays unknown.
WINDOWS_TIME_ZONES = {
    "Dateline Standard Time": "Etc/GMT+12",
    "Hawaiian Standard Time": "Pacific/Honolulu",
    "Alaskan Standard Time": "America/Anchorage",
    "Pacific Standard Time": "America/Los_Angeles",
    "Pacific Standard Time (Mexico)": "America/Tijuana",
    "US Mountain Standard Time": "America/Phoenix",
    "Mountain Standard Time": "America/Denver",
    "Central Standard Time": "America/Chicago",
    "Central Standard Time (Mexico)": "America/Mexico_City",
    "Canada Central Standard Time": "America/Regina",
    "Eastern Standard Time": "America/New_York",
    "US Eastern Standard Time": "America/Indiana/Indianapolis",
    "SA Pacific Standard Time": "America/Bogota",
    "Atlantic Standard Time": "America/Halifax",
    "Newfoundland Standard Time": "America/St_Johns",
    "E. South America Standard Time": "America/Sao_Paulo",
    "Argentina Standard Time": "America/Argentina/Buenos_Aires",
    "UTC": "Etc/UTC",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "W. Europe Standard Time": "Europe/Berlin",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "Romance Standard Time": "Europe/Paris",
    "GTB Standard Time": "Europe/Bucharest",
    "FLE Standard Time": "Europe/Kyiv",
    "South Africa Standard Time": "Africa/Johannesburg",
    "Egypt Standard Time": "Africa/Cairo",
    "Israel Standard Time": "Asia/Jerusalem",
    "Turkey Standard Time": "Europe/Istanbul",
    "Russian Standard Time": "Europe/Moscow",
    "Arabian Standard Time": "Asia/Dubai",
    "India Standard Time": "Asia/Kolkata",
    "SE Asia Standard Time": "Asia/Bangkok",
    "China Standard Time": "Asia/Shanghai",
    "Singapore Standard Time": "Asia/Singapore",
    "Taipei Standard Time": "Asia/Taipei",
    "W. Australia Standard Time": "Australia/Perth",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Korea Standard Time": "Asia/Seoul",
    "Cen. Australia Standard Time": "Australia/Adelaide",
    "E. Australia Standard Time": "Australia/Brisbane",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "New Zealand Standard Time": "Pacific/Auckland",
}


def _uninstall_entries(reg: RegistryReader, plan: ProbePlan) -> dict[str, dict[str, RegValue]]:
    """Apps & Features entries the signatures name, and any that mention Kaspersky.

    Look-alikes (a name or publisher with "Kaspersky" that no signature matches) are kept
    on purpose: detection reports them as ignored, with the reason.
    """
    out: dict[str, dict[str, RegValue]] = {}
    # Other users' per-user installs live in their loaded hives; elevated, Switchover may
    # run as a different administrator than the person who installed Kaspersky.
    user_roots = [f"HKEY_USERS\\{sid}\\{PER_USER_UNINSTALL}" for sid in reg.subkeys("HKEY_USERS")
                  if not sid.endswith("_Classes")]
    for root in (*UNINSTALL_ROOTS, *user_roots):
        for name in reg.subkeys(root):
            path = f"{root}\\{name}"
            values = reg.values(path)
            display = text_value(values, "DisplayName")
            if values is None or display is None:
                continue
            publisher = text_value(values, "Publisher") or ""
            if (plan.wants("uninstall", display) or "kaspersky" in display.casefold()
                    or "kaspersky" in publisher.casefold()):
                out[path] = values
    return out


def _walk_keys(reg: RegistryReader, pattern: str) -> Iterator[str]:
    """Existing keys matching a key pattern; `*` and `{...}` work within one component."""
    parts = normalise_key_path(pattern).split("\\")
    found = [parts[0]]
    for part in parts[1:]:
        step: list[str] = []
        for parent in found:
            if "*" in part or "{" in part:
                step += [f"{parent}\\{name}" for name in reg.subkeys(parent)
                         if pattern_match(part, name, "windows", "name")]
            else:
                step.append(f"{parent}\\{part}")
        found = step
    for path in found:
        if reg.values(path) is not None:
            yield path


def _vendor_keys(reg: RegistryReader, plan: ProbePlan) -> dict[str, dict[str, RegValue]]:
    """The registry keys the signatures name (both views), and under each vendor root the
    per-version settings and Security Center keys that later steps read."""
    out: dict[str, dict[str, RegValue]] = {}
    for pattern in plan.names.get("registry", ()):
        for view in WOW_VIEWS:
            for path in _walk_keys(reg, pattern.replace("{WOW}", view)):
                out[path] = reg.values(path) or {}
    roots = [p for p in out if p.casefold().endswith("\\kasperskylab")]
    for root in roots:
        for sub in ("AVP*\\settings", "AVP*\\Data\\WSC", "protected\\AVP*\\settings", "KSDE"):
            for path in _walk_keys(reg, f"{root}\\{sub}"):
                out[path] = reg.values(path) or {}
    return out


def _drivers(reg: RegistryReader, plan: ProbePlan) -> list[Extension]:
    out = []
    for name in reg.subkeys(SERVICES_KEY):
        if not plan.wants("drivers", name):
            continue
        values = reg.values(f"{SERVICES_KEY}\\{name}")
        if lookup_value(values, "Type") not in DRIVER_TYPES:
            continue
        state = "disabled" if lookup_value(values, "Start") == 4 else None
        out.append(Extension(kind="driver", id=name, state=state))
    return sorted(out, key=lambda e: e.id.casefold())


# -- services ----------------------------------------------------------------------------


def _services(plan: ProbePlan, notes: list[str]) -> list[Service]:
    """Windows services (psutil); details are asked for only the few that are kept."""
    import psutil

    service_iter: Any = getattr(psutil, "win_service_iter", None)
    if service_iter is None:
        return []
    out = []
    try:
        found = [svc for svc in service_iter() if plan.wants("services", svc.name())]
    except OSError as exc:
        notes.append(f"Windows services could not be listed ({exc})")
        return []
    for svc in found:
        try:
            info = svc.as_dict()
        except (OSError, psutil.Error) as exc:
            notes.append(f"service {svc.name()}: details cannot be read ({exc})")
            out.append(Service(name=svc.name(), manager="scm"))
            continue
        out.append(Service(name=info.get("name") or svc.name(), manager="scm",
                           display_name=info.get("display_name") or None,
                           status=info.get("status") or None,
                           start=info.get("start_type") or None,
                           binary=info.get("binpath") or None))
    return sorted(out, key=lambda s: s.name.casefold())


def _profiles(fs: FileSystem, system_drive: str) -> list[str]:
    homes = []
    for path in sorted(fs.glob(system_drive + "\\Users\\*"), key=str.casefold):
        name = path.rsplit("\\", 1)[-1]
        if name.casefold() not in NOT_USER_PROFILES and os.path.isdir(fs.local(path)):
            homes.append(path)
    return homes


def _dedup(paths: Sequence[str | None]) -> list[str]:
    out: dict[str, str] = {}
    for path in paths:
        if path:
            out.setdefault(path.rstrip("\\").casefold(), path.rstrip("\\"))
    return list(out.values())


def folder_bases(fs: FileSystem, environ: Mapping[str, str] | None = None
                 ) -> dict[str, list[str]]:
    """Each folder placeholder of the patterns → this machine's real folders."""
    if fs.root is not None:
        env: Mapping[str, str] = {"ProgramFiles": "C:\\Program Files",
                                  "ProgramFiles(x86)": "C:\\Program Files (x86)",
                                  "ProgramData": "C:\\ProgramData", "SystemRoot": "C:\\Windows",
                                  "SystemDrive": "C:"}
    else:
        env = environ if environ is not None else os.environ
    folded = {k.casefold(): v for k, v in env.items()}
    drive = (folded.get("systemdrive") or "C:").rstrip("\\")
    homes = _profiles(fs, drive)
    if fs.root is None:
        homes = _dedup([*homes, folded.get("userprofile")])
    return {
        "ProgramFiles": _dedup([folded.get("programw6432"), folded.get("programfiles"),
                                folded.get("programfiles(x86)")]),
        "ProgramData": _dedup([folded.get("programdata") or drive + "\\ProgramData"]),
        "SystemRoot": _dedup([folded.get("systemroot") or drive + "\\Windows"]),
        "SystemDrive": [drive],
        "UserProfile": homes,
        "LocalAppData": [h + "\\AppData\\Local" for h in homes],
        "AppData": [h + "\\AppData\\Roaming" for h in homes],
    }


# -- the operating system ------------------------------------------------------------------

_ARCHES = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "arm64",
           "x86": "x86", "i386": "x86", "i686": "x86"}


def _os_name_version(reg: RegistryReader, live: bool) -> tuple[str, str]:
    values = reg.values(CURRENT_VERSION_KEY)
    name = text_value(values, "ProductName") or (f"Windows {platform_mod.release()}" if live
                                            else "Windows")
    build = text_value(values, "CurrentBuild") or text_value(values, "CurrentBuildNumber")
    major = lookup_value(values, "CurrentMajorVersionNumber")
    minor = lookup_value(values, "CurrentMinorVersionNumber")
    if build and isinstance(major, int) and isinstance(minor, int):
        version = f"{major}.{minor}.{build}"
    elif build:
        version = f"{text_value(values, 'CurrentVersion') or '10.0'}.{build}"
    else:
        version = platform_mod.version() if live else ""
    # Windows 11 still calls itself "Windows 10" in ProductName; the build tells them apart.
    if build and build.isdigit() and int(build) >= 22000 and "Windows 10" in name:
        name = name.replace("Windows 10", "Windows 11")
    return name, version


def _arch(reg: RegistryReader, live: bool) -> str:
    raw = text_value(reg.values(ENVIRONMENT_KEY), "PROCESSOR_ARCHITECTURE")
    if raw is None and live:
        raw = platform_mod.machine()
    return _ARCHES.get((raw or "").casefold(), raw or "")


def _locale(reg: RegistryReader, live: bool) -> str | None:
    name = text_value(reg.values(INTERNATIONAL_KEY), "LocaleName")  # e.g. en-US
    if name and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*", name):
        return name.replace("-", "_")
    return locale_name() if live else None


def windows_timezone(reg: RegistryReader) -> str | None:
    """IANA name of the machine's zone, for the common Windows zones; else None."""
    key = text_value(reg.values(TIME_ZONE_KEY), "TimeZoneKeyName")
    return WINDOWS_TIME_ZONES.get(key.split("\x00")[0].strip()) if key else None


def _country(reg: RegistryReader) -> str | None:
    name = text_value(reg.values(GEO_KEY), "Name")
    return name.upper() if name and re.fullmatch(r"[A-Za-z]{2}", name) else None


def _os_info(reg: RegistryReader, live: bool) -> OsInfo:
    name, version = _os_name_version(reg, live)
    return OsInfo(name=name, version=version, arch=_arch(reg, live), locale=_locale(reg, live),
                  timezone=windows_timezone(reg), country=_country(reg))


# -- the probe -----------------------------------------------------------------------------


def probe_windows(plan: ProbePlan, root: str | None = None, *,
                  registry: RegistryReader | None = None) -> SystemSnapshot:
    """Probe this Windows machine, or a folder laid out like one (`<root>/C/...`) together
    with an in-memory registry."""
    live = root is None
    fs = FileSystem("windows", root)
    notes: list[str] = []
    reg: RegistryReader = registry if registry is not None else (
        WinRegReader() if live else DictRegistryReader())
    keys = _uninstall_entries(reg, plan)
    keys.update(_vendor_keys(reg, plan))
    extensions = _drivers(reg, plan)
    bases = folder_bases(fs)
    files = find_files(fs, plan, bases, notes)
    extensions += find_browser_extensions(fs, bases["UserProfile"], plan)
    services: list[Service] = []
    security: list[SecurityCenterProduct] = []
    certificates: list[Certificate] = []
    if live:
        services = _services(plan, notes)
        security, certificates = security_center(plan, notes)
    notes += getattr(reg, "notes", [])
    return SystemSnapshot(
        platform="windows", taken_at=utc_now_iso(), os=_os_info(reg, live),
        registry=Registry(keys), files=tuple(files),
        processes=tuple(list_processes(plan, live=live)), services=tuple(services),
        extensions=tuple(extensions), certificates=tuple(certificates),
        security_center=tuple(security), notes=tuple(notes))

