"""The Windows probe: Apps & Features entries, vendor registry keys, services, drivers,
Security Center, trusted roots, program and data folders, browser extensions.

The registry is read through a small `RegistryReader`, so tests can hand the real probe
an in-memory registry (`DictRegistryReader`) together with a folder laid out like `C:\\`.
Only what the signatures ask about is recorded (spec/snapshot.md); nothing found is run.
"""

from __future__ import annotations

import importlib
import json
import os
import platform as platform_mod
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

from core.machine.patterns import match as pattern_match
from core.machine.probes.common import (
    FileSystem,
    ProbePlan,
    find_browser_extensions,
    find_files,
    run,
)
from core.machine.probes.locale_info import locale_name
from core.machine.probes.processes import list_processes
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
POWERSHELL_TIMEOUT = 20.0

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


# -- the registry ------------------------------------------------------------------------


class RegistryReader(Protocol):
    """Read-only access to the registry (the machine's, or an in-memory one in tests)."""

    def subkeys(self, key_path: str) -> list[str]:
        """Names of the keys directly below `key_path`; empty when it does not exist."""
        ...

    def values(self, key_path: str) -> dict[str, RegValue] | None:
        """The key's values by name, or None when the key does not exist."""
        ...


def _text(values: Mapping[str, RegValue] | None, name: str) -> str | None:
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
            display = _text(values, "DisplayName")
            if values is None or display is None:
                continue
            publisher = _text(values, "Publisher") or ""
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


# -- Security Center and trusted roots (one PowerShell call) -------------------------------

# One command-line argument: no double quotes anywhere, and the lines are joined with
# spaces, so every statement ends with `;` (a `}` that closes a statement too: `};`).
SECURITY_SCRIPT = """
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; } catch { };
$out = [ordered]@{};
foreach ($class in @('AntiVirusProduct', 'FirewallProduct', 'AntiSpywareProduct')) {
  try {
    $items = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName $class
               -ErrorAction Stop);
    $out[$class] = @($items | ForEach-Object { [ordered]@{
      displayName = [string]$_.displayName; productState = $_.productState;
      pathToSignedProductExe = [string]$_.pathToSignedProductExe } });
  } catch { $out[$class] = [string]$_.Exception.Message; };
};
$certs = @();
$certErrors = @();
foreach ($store in @('LocalMachine', 'CurrentUser')) {
  try {
    foreach ($cert in @(Get-ChildItem -Path ('Cert:\\' + $store + '\\Root') -ErrorAction Stop)) {
      if ($cert.Subject -notlike '*Kaspersky*') { continue; };
      $sha = [System.Security.Cryptography.SHA256]::Create();
      $hash = ($sha.ComputeHash($cert.RawData) | ForEach-Object { $_.ToString('x2') }) -join '';
      $certs += [ordered]@{ store = $store; subject = $cert.Subject; issuer = $cert.Issuer;
        thumbprint = $cert.Thumbprint; sha256 = $hash };
    };
  } catch { $certErrors += ($store + ': ' + [string]$_.Exception.Message); };
};
$out['Certificates'] = $certs;
$out['CertificateErrors'] = $certErrors;
ConvertTo-Json -InputObject $out -Depth 5 -Compress;
"""

_SC_KINDS = {"AntiVirusProduct": "antivirus", "FirewallProduct": "firewall",
             "AntiSpywareProduct": "antispyware"}
_CERT_STORES = {"localmachine": "windows:LocalMachine\\Root",
                "currentuser": "windows:CurrentUser\\Root"}
_CN = re.compile(r"(?:^|,)\s*CN=(\"(?:[^\"]|\"\")*\"|[^,]*)", re.IGNORECASE)


def common_name(distinguished_name: str) -> str:
    """The CN of a .NET-style distinguished name (`CN=x, O=y`), or the whole text."""
    found = _CN.search(distinguished_name)
    if not found:
        return distinguished_name.strip()
    value = found.group(1).strip()
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1].replace('""', '"')
    return value


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _products(kind_class: str, value: object) -> list[SecurityCenterProduct]:
    out = []
    for item in _as_list(value):
        if not isinstance(item, dict):
            continue
        name = str(item.get("displayName") or "").strip()
        if not name:
            continue
        state = item.get("productState")
        path = str(item.get("pathToSignedProductExe") or "").strip() or None
        out.append(SecurityCenterProduct(
            name=name, kind=_SC_KINDS[kind_class],  # type: ignore[arg-type]
            product_state=state if isinstance(state, int) and not isinstance(state, bool)
            else None, path=path))
    return out


def _certificates(value: object) -> list[Certificate]:
    out = []
    for item in _as_list(value):
        if not isinstance(item, dict) or not isinstance(item.get("subject"), str):
            continue
        store = _CERT_STORES.get(str(item.get("store", "")).casefold())
        if store is None:
            continue
        issuer = item.get("issuer")
        sha256 = item.get("sha256")
        out.append(Certificate(
            store=store, subject=common_name(item["subject"]),
            issuer=common_name(issuer) if isinstance(issuer, str) and issuer else None,
            sha256=sha256.lower() if isinstance(sha256, str) and sha256 else None))
    return out


def parse_security_json(text: str) -> tuple[list[SecurityCenterProduct], list[Certificate],
                                              list[str]]:
    """(Security Center products, trusted roots, notes) from SECURITY_SCRIPT's output."""
    try:
        doc = json.loads(text.strip().lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return [], [], [f"Security Center and certificate query returned no readable answer "
                        f"(not JSON: {exc.msg})"]
    if not isinstance(doc, dict):
        return [], [], ["Security Center and certificate query returned no readable answer"]
    products: list[SecurityCenterProduct] = []
    failures: dict[str, str] = {}
    for kind_class in _SC_KINDS:
        value = doc.get(kind_class)
        if isinstance(value, str):
            failures[kind_class] = " ".join(value.split()) or "unknown error"
        else:
            products += _products(kind_class, value)
    notes = []
    if len(failures) == len(_SC_KINDS):
        reason = next(iter(failures.values()))
        notes.append(f"Windows Security Center is not available (root\\SecurityCenter2: "
                     f"{reason}); is this Windows Server?")
    else:
        notes += [f"Windows Security Center: {cls} could not be read ({why})"
                  for cls, why in failures.items()]
    notes += [f"trusted root certificates, {' '.join(str(e).split())}"
              for e in _as_list(doc.get("CertificateErrors"))]
    return products, _certificates(doc.get("Certificates")), notes


def powershell_path() -> str:
    """Windows PowerShell by full path: never whatever `powershell.exe` the current folder or
    PATH would offer first."""
    system_root = (os.environ.get("SYSTEMROOT") or "C:\\Windows").rstrip("\\")
    return system_root + "\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"


def security_command() -> list[str]:
    script = " ".join(line.strip() for line in SECURITY_SCRIPT.strip().splitlines())
    return [powershell_path(), "-NoProfile", "-NonInteractive", "-Command", script]


def _security_center(plan: ProbePlan, notes: list[str]
                     ) -> tuple[list[SecurityCenterProduct], list[Certificate]]:
    text = run(security_command(), notes, timeout=POWERSHELL_TIMEOUT, what="PowerShell")
    if text is None:
        notes.append("Windows Security Center and trusted root certificates were not read "
                     "(PowerShell did not answer)")
        return [], []
    products, certs, more = parse_security_json(text)
    notes += more
    certs = [c for c in certs if plan.wants("certificates", c.subject)]
    return products, certs


# -- folders -------------------------------------------------------------------------------


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
    name = _text(values, "ProductName") or (f"Windows {platform_mod.release()}" if live
                                            else "Windows")
    build = _text(values, "CurrentBuild") or _text(values, "CurrentBuildNumber")
    major = lookup_value(values, "CurrentMajorVersionNumber")
    minor = lookup_value(values, "CurrentMinorVersionNumber")
    if build and isinstance(major, int) and isinstance(minor, int):
        version = f"{major}.{minor}.{build}"
    elif build:
        version = f"{_text(values, 'CurrentVersion') or '10.0'}.{build}"
    else:
        version = platform_mod.version() if live else ""
    # Windows 11 still calls itself "Windows 10" in ProductName; the build tells them apart.
    if build and build.isdigit() and int(build) >= 22000 and "Windows 10" in name:
        name = name.replace("Windows 10", "Windows 11")
    return name, version


def _arch(reg: RegistryReader, live: bool) -> str:
    raw = _text(reg.values(ENVIRONMENT_KEY), "PROCESSOR_ARCHITECTURE")
    if raw is None and live:
        raw = platform_mod.machine()
    return _ARCHES.get((raw or "").casefold(), raw or "")


def _locale(reg: RegistryReader, live: bool) -> str | None:
    name = _text(reg.values(INTERNATIONAL_KEY), "LocaleName")  # e.g. en-US
    if name and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*", name):
        return name.replace("-", "_")
    return locale_name() if live else None


def windows_timezone(reg: RegistryReader) -> str | None:
    """IANA name of the machine's zone, for the common Windows zones; else None."""
    key = _text(reg.values(TIME_ZONE_KEY), "TimeZoneKeyName")
    return WINDOWS_TIME_ZONES.get(key.split("\x00")[0].strip()) if key else None


def _country(reg: RegistryReader) -> str | None:
    name = _text(reg.values(GEO_KEY), "Name")
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
        security, certificates = _security_center(plan, notes)
    notes += getattr(reg, "notes", [])
    return SystemSnapshot(
        platform="windows", taken_at=utc_now_iso(), os=_os_info(reg, live),
        registry=Registry(keys), files=tuple(files),
        processes=tuple(list_processes(plan, live=live)), services=tuple(services),
        extensions=tuple(extensions), certificates=tuple(certificates),
        security_center=tuple(security), notes=tuple(notes))

