"""The macOS probe: app bundles, launchd jobs, installer receipts, kernel and system
extensions, the System keychain's roots, support folders, browser extensions.

Property lists are read with plistlib (XML and binary alike); commands (`launchctl`,
`pkgutil`, `systemextensionsctl`, `kmutil`, `security`, `defaults`) run only on a live
machine, through `common.run`, and their output is parsed by pure functions that the
tests exercise on any OS. Nothing found is ever run.
"""

from __future__ import annotations

import glob
import os
import platform as platform_mod
import plistlib
import re
from typing import Any

from core.machine.probes.common import (
    FileSystem,
    ProbePlan,
    find_browser_extensions,
    find_files,
    run,
)
from core.machine.probes.locale_info import locale_name, timezone_name
from core.machine.probes.processes import list_processes
from core.machine.snapshot import (
    App,
    Certificate,
    Extension,
    OsInfo,
    Package,
    Service,
    SystemSnapshot,
    utc_now_iso,
)

APP_GLOBS = ("/Applications/*.app", "/Applications/*/*.app")
LAUNCHD_DIRS = ("/Library/LaunchDaemons", "/Library/LaunchAgents")
RECEIPTS_DIR = "/var/db/receipts"
KEXT_DIRS = ("/Library/Extensions", "/System/Library/Extensions")
SYSTEM_KEYCHAIN = "/Library/Keychains/System.keychain"
SYSTEM_VERSION = "/System/Library/CoreServices/SystemVersion.plist"
NOT_HOMES = {"shared", "guest"}
KMUTIL_TIMEOUT = 30.0
# Apple's tools by full path (SIP-protected folders): never whatever a user-writable folder
# early in PATH (Homebrew's, say) offers under the same name.
LAUNCHCTL = "/bin/launchctl"
PKGUTIL = "/usr/sbin/pkgutil"
SYSTEMEXTENSIONSCTL = "/usr/bin/systemextensionsctl"
KMUTIL = "/usr/bin/kmutil"
KEXTSTAT = "/usr/sbin/kextstat"
SECURITY = "/usr/bin/security"
DEFAULTS = "/usr/bin/defaults"


def read_plist(local_path: str) -> dict[str, Any] | None:
    """A property list's top-level dictionary, or None when it is missing or unreadable."""
    try:
        with open(local_path, "rb") as handle:
            doc = plistlib.load(handle)
    except (OSError, plistlib.InvalidFileException, ValueError, TypeError, OverflowError):
        return None
    return doc if isinstance(doc, dict) else None


def _text(doc: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# -- apps ----------------------------------------------------------------------------------


def find_apps(fs: FileSystem, plan: ProbePlan) -> list[App]:
    apps: dict[str, App] = {}
    for app_glob in APP_GLOBS:
        for path in fs.glob(app_glob):
            info = read_plist(fs.local(path + "/Contents/Info.plist"))
            bundle_id = _text(info, "CFBundleIdentifier") if info else None
            if info is None or bundle_id is None:
                continue
            app = App(path=path, bundle_id=bundle_id,
                      version=_text(info, "CFBundleShortVersionString", "CFBundleVersion"),
                      name=_text(info, "CFBundleName", "CFBundleDisplayName"))
            if path not in apps and plan.wants_app(app.path, app.bundle_id):
                apps[path] = app
    return sorted(apps.values(), key=lambda a: a.path.casefold())


# -- launchd -------------------------------------------------------------------------------


def parse_launchctl_list(text: str) -> dict[str, str]:
    """`launchctl list` (PID, Status, Label columns) → label → "running" or "loaded"."""
    states: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split("\t") if "\t" in line else line.split()
        if len(fields) < 3 or fields[0] == "PID":
            continue
        pid, label = fields[0].strip(), fields[-1].strip()
        if label:
            states[label] = "running" if pid.isdigit() else "loaded"
    return states


def _launchd_jobs(fs: FileSystem, plan: ProbePlan, homes: list[str], notes: list[str]
                  ) -> list[Service]:
    folders = [*LAUNCHD_DIRS, *(f"{home}/Library/LaunchAgents" for home in homes)]
    found: dict[str, Service] = {}
    for folder in folders:
        for local in sorted(glob.glob(os.path.join(fs.local(folder), "*.plist"))):
            doc = read_plist(local) or {}
            label = _text(doc, "Label") or os.path.basename(local)[:-len(".plist")]
            if label in found or not (plan.wants("launchd", label)
                                      or plan.wants("services", label)):
                continue
            args = doc.get("ProgramArguments")
            binary = _text(doc, "Program") or (
                args[0] if isinstance(args, list) and args and isinstance(args[0], str)
                else None)
            found[label] = Service(name=label, manager="launchd", binary=binary)
    if found and fs.root is None:
        states = parse_launchctl_list(run([LAUNCHCTL, "list"], notes, what="launchctl") or "")
        found = {k: s._replace(status=states.get(k)) for k, s in found.items()}
    return sorted(found.values(), key=lambda s: s.name)


# -- receipts ------------------------------------------------------------------------------


def _receipts(fs: FileSystem, plan: ProbePlan, notes: list[str]) -> list[Package]:
    receipts = fs.local(RECEIPTS_DIR)
    if fs.root is None:
        ids = (run([PKGUTIL, "--pkgs"], notes, what="pkgutil") or "").split()
    else:
        ids = [os.path.splitext(name)[0] for name in sorted(os.listdir(receipts))
               if name.endswith((".plist", ".bom"))] if os.path.isdir(receipts) else []
    out = []
    for pkg_id in dict.fromkeys(ids):
        if not plan.wants("packages", pkg_id):
            continue
        info = read_plist(os.path.join(receipts, pkg_id + ".plist")) or {}
        out.append(Package(manager="pkgutil", name=pkg_id, version=_text(info, "PackageVersion")))
    return out


# -- kernel and system extensions -----------------------------------------------------------

_SYSEXT_LINE = re.compile(
    r"(?P<id>[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)\s+\((?P<version>[^)]*)\)"
    r"\s*(?P<name>.*?)\s*\[(?P<state>[^\]]+)\]\s*$")
_KEXT_LINE = re.compile(r"\s(?P<id>[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)"
                        r"\s+\((?P<version>[^)]*)\)")


def parse_systemextensionsctl(text: str) -> list[Extension]:
    """`systemextensionsctl list` rows (`* * TEAMID bundle.id (1.0/1) Name [activated enabled]`)."""
    out = []
    for line in text.splitlines():
        found = _SYSEXT_LINE.search(line)
        if found:
            out.append(Extension(kind="systemextension", id=found.group("id"),
                                 state=found.group("state").strip(),
                                 name=found.group("name").strip() or None))
    return out


def parse_loaded_kexts(text: str) -> list[str]:
    """Bundle ids from `kmutil showloaded --list-only` or `kextstat` (`id (version) UUID`)."""
    return list(dict.fromkeys(m.group("id") for line in text.splitlines()
                              if (m := _KEXT_LINE.search(line))))


def _system_extensions(plan: ProbePlan, notes: list[str]) -> list[Extension]:
    text = run([SYSTEMEXTENSIONSCTL, "list"], notes, what="systemextensionsctl") or ""
    found: dict[str, Extension] = {}
    for ext in parse_systemextensionsctl(text):
        # one id can be listed once per version: keep the one in use, else the first
        if plan.wants("system_extensions", ext.id) and (
                ext.id not in found or ext.state == "activated enabled"):
            found[ext.id] = ext
    return list(found.values())


def _loaded_kexts(notes: list[str]) -> set[str] | None:
    text = run([KMUTIL, "showloaded", "--list-only"], notes, timeout=KMUTIL_TIMEOUT,
               what="kmutil")
    if text is None:
        text = run([KEXTSTAT, "-l"], notes, what="kextstat")
    return None if text is None else set(parse_loaded_kexts(text))


def _kexts(fs: FileSystem, plan: ProbePlan, notes: list[str]) -> list[Extension]:
    loaded = _loaded_kexts(notes) if fs.root is None else None
    found: dict[str, Extension] = {}
    for folder in KEXT_DIRS:
        for local in sorted(glob.glob(os.path.join(fs.local(folder), "*.kext"))):
            info = read_plist(os.path.join(local, "Contents", "Info.plist")) or {}
            kext_id = _text(info, "CFBundleIdentifier")
            if kext_id and kext_id not in found and plan.wants("kexts", kext_id):
                state = None if loaded is None else (
                    "loaded" if kext_id in loaded else "not loaded")
                found[kext_id] = Extension(kind="kext", id=kext_id, state=state)
    for kext_id in sorted(loaded or ()):
        if kext_id not in found and plan.wants("kexts", kext_id):
            found[kext_id] = Extension(kind="kext", id=kext_id, state="loaded")
    return list(found.values())


# -- certificates --------------------------------------------------------------------------

_ATTRIBUTE = re.compile(r'^\s*"(?P<name>\w{4})"<(?P<type>\w+)>=(?P<value>.*)$')
_HEX_VALUE = re.compile(r"^0x(?P<hex>[0-9A-Fa-f]+)")
_CN_OID = bytes.fromhex("0603550403")


def _blob(value: str) -> bytes | str | None:
    """A `security` attribute value: `"text"`, `0xHEX  "escaped"` or `<NULL>`."""
    value = value.strip()
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        return value[1:-1]
    found = _HEX_VALUE.match(value)
    if found:
        hex_text = found.group("hex")
        return bytes.fromhex(hex_text[: len(hex_text) // 2 * 2])
    return None


def _as_text(value: bytes | str | None) -> str | None:
    if isinstance(value, bytes):
        value = value.rstrip(b"\x00").decode("utf-8", "replace")
    return value.strip() or None if value else None


def _common_name(der_name: bytes) -> str | None:
    """The (last) commonName in a DER-encoded X.509 Name, short values only."""
    found = None
    start = 0
    while (pos := der_name.find(_CN_OID, start)) >= 0:
        start = pos + len(_CN_OID)
        if start + 2 <= len(der_name) and not der_name[start + 1] & 0x80:
            length = der_name[start + 1]
            found = der_name[start + 2:start + 2 + length].decode("utf-8", "replace")
    return found


def parse_security_find_certificate(text: str, store: str = "macos:System"
                                    ) -> list[Certificate]:
    """Records of `security find-certificate -a -Z`: hash lines, `keychain:`, attributes.

    Each record starts with its `SHA-256 hash:` (newer macOS) or `SHA-1 hash:` line; the
    subject shown is the `labl` attribute (the certificate's name), else `alis`.
    """
    records: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("SHA-256 hash:", "SHA-1 hash:")):
            kind, _, digest = stripped.partition(" hash:")
            if current is None or "keychain" in current or kind in current:
                current = {}
                records.append(current)
            current[kind] = digest.strip().lower()
        elif stripped.startswith("keychain:"):
            if current is None or "keychain" in current:
                current = {}
                records.append(current)
            current["keychain"] = stripped.partition(":")[2].strip().strip('"')
        elif current is not None and (found := _ATTRIBUTE.match(line)):
            current[found.group("name")] = _blob(found.group("value"))
    out = []
    for rec in records:
        subject = _as_text(rec.get("labl")) or _as_text(rec.get("alis"))
        if not subject:
            continue
        issuer_der = rec.get("issu")
        issuer = _common_name(issuer_der) if isinstance(issuer_der, bytes) else None
        out.append(Certificate(store=store, subject=subject, issuer=issuer,
                               sha256=rec.get("SHA-256")))
    return out


def _certificates(plan: ProbePlan, notes: list[str]) -> list[Certificate]:
    text = run([SECURITY, "find-certificate", "-a", "-Z", "-c", "Kaspersky", SYSTEM_KEYCHAIN],
               notes, quiet_when=("could not be found",), what="security find-certificate")
    if not text:
        return []
    return [c for c in parse_security_find_certificate(text)
            if plan.wants("certificates", c.subject)]


# -- the operating system ------------------------------------------------------------------


def country_from_apple_locale(value: str | None) -> str | None:
    """`en_GB` → GB; `en_US@rg=dezzzz` (region set apart from language) → DE."""
    if not value:
        return None
    region = re.search(r"@(?:.*;)?rg=([A-Za-z]{2})zzzz", value)
    if region:
        return region.group(1).upper()
    found = re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?_([A-Za-z]{2})(?:@.*)?", value.strip())
    return found.group(1).upper() if found else None


def _apple_locale(fs: FileSystem, homes: list[str], notes: list[str]) -> str | None:
    if fs.root is None:
        text = run([DEFAULTS, "read", "-g", "AppleLocale"], notes,
                   quiet_when=("does not exist",), what="defaults")
        return text.strip() or None if text else None
    for prefs in [*(f"{h}/Library/Preferences" for h in homes), "/Library/Preferences"]:
        doc = read_plist(fs.local(prefs + "/.GlobalPreferences.plist")) or {}
        if value := _text(doc, "AppleLocale"):
            return value
    return None


def _os_info(fs: FileSystem, homes: list[str], notes: list[str]) -> OsInfo:
    apple_locale = _apple_locale(fs, homes, notes)
    language = apple_locale.split("@")[0] if apple_locale else None
    if fs.root is None:
        name, version, arch = "macOS", platform_mod.mac_ver()[0], platform_mod.machine()
        lang = locale_name() or language
    else:
        doc = read_plist(fs.local(SYSTEM_VERSION)) or {}
        name = _text(doc, "ProductName") or "macOS"
        version, arch, lang = _text(doc, "ProductVersion") or "", "", language
    return OsInfo(name=name, version=version, arch=arch, locale=lang,
                  timezone=timezone_name(fs), country=country_from_apple_locale(apple_locale))


# -- the probe -----------------------------------------------------------------------------


def _homes(fs: FileSystem) -> list[str]:
    return sorted(h for h in fs.glob("/Users/*")
                  if os.path.basename(h).casefold() not in NOT_HOMES
                  and not os.path.basename(h).startswith(".") and os.path.isdir(fs.local(h)))


def probe_macos(plan: ProbePlan, root: str | None = None) -> SystemSnapshot:
    """Probe this Mac, or a folder laid out like one (`<root>/Applications/...`)."""
    live = root is None
    fs = FileSystem("macos", root)
    notes: list[str] = []
    homes = _homes(fs)
    apps = find_apps(fs, plan)
    files = find_files(fs, plan, {"Home": homes}, notes)
    extensions = _kexts(fs, plan, notes)
    certificates: list[Certificate] = []
    if live:
        extensions = _system_extensions(plan, notes) + extensions
        certificates = _certificates(plan, notes)
    extensions += find_browser_extensions(fs, homes, plan)
    return SystemSnapshot(
        platform="macos", taken_at=utc_now_iso(), os=_os_info(fs, homes, notes),
        files=tuple(files), processes=tuple(list_processes(plan, live=live)),
        services=tuple(_launchd_jobs(fs, plan, homes, notes)),
        packages=tuple(_receipts(fs, plan, notes)), apps=tuple(apps),
        extensions=tuple(extensions), certificates=tuple(certificates), notes=tuple(notes))
