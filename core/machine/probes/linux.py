"""The Linux probe: dpkg and rpm databases, systemd units, /opt, processes, CA bundles."""

from __future__ import annotations

import glob
import os
import platform as platform_mod
from pathlib import Path

from core.machine.probes.common import (
    FileSystem,
    ProbePlan,
    certificates_in_pem,
    find_browser_extensions,
    find_files,
    run,
)
from core.machine.probes.locale_info import locale_name, timezone_name
from core.machine.probes.processes import list_processes
from core.machine.snapshot import Certificate, OsInfo, Package, Service, SystemSnapshot, utc_now_iso

UNIT_DIRS = ("/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system",
             "/lib/systemd/system")
RPM_DBS = ("/usr/lib/sysimage/rpm", "/var/lib/rpm")
CA_BUNDLES = ("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt")
LOCAL_CA_DIRS = ("/usr/local/share/ca-certificates", "/etc/pki/ca-trust/source/anchors")


def parse_dpkg_status(text: str) -> list[Package]:
    """Installed packages from /var/lib/dpkg/status (paragraphs of `Field: value`)."""
    out = []
    for para in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in para.splitlines():
            if line[:1] in (" ", "\t") or ":" not in line:
                continue
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
        if "Package" in fields and fields.get("Status", "").endswith(" installed"):
            out.append(Package(manager="dpkg", name=fields["Package"],
                               version=fields.get("Version")))
    return out


def _packages(fs: FileSystem, plan: ProbePlan, notes: list[str]) -> list[Package]:
    packages: list[Package] = []
    status = Path(fs.local("/var/lib/dpkg/status"))
    if status.is_file():
        try:
            packages += parse_dpkg_status(status.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            notes.append(f"dpkg status could not be read ({exc.strerror})")
    # RHEL 9 keeps the database in /usr/lib/sysimage/rpm, older releases in /var/lib/rpm;
    # naming it explicitly also works where rpm's default differs (Debian's rpm package).
    db = next((d for d in RPM_DBS if Path(fs.local(d)).is_dir()), None)
    if db is not None:
        args = ["rpm", "--dbpath", db, "-qa", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n"]
        if fs.root is not None:
            args[1:1] = ["--root", str(fs.root)]
        text = run(args, notes, what="rpm")
        for line in (text or "").splitlines():
            name, _, version = line.partition("\t")
            if name:
                packages.append(Package(manager="rpm", name=name, version=version or None))
    return [p for p in packages if plan.wants("packages", p.name)]


def _units(fs: FileSystem, plan: ProbePlan, notes: list[str]) -> list[Service]:
    found: dict[str, str] = {}
    for unit_dir in UNIT_DIRS:
        for path in glob.glob(os.path.join(fs.local(unit_dir), "*.service")):
            name = os.path.basename(path)
            if name not in found and plan.wants("services", name):
                found[name] = fs.machine(path)
    states: dict[str, str] = {}
    if found and fs.root is None:
        text = run(["systemctl", "show", "--property=Id,ActiveState", *found], notes,
                   what="systemctl", timeout=10)
        unit = None
        for line in (text or "").splitlines():
            key, _, value = line.partition("=")
            if key == "Id":
                unit = value
            elif key == "ActiveState" and unit:
                states[unit] = value
    return [Service(name=name, manager="systemd", status=states.get(name), binary=None,
                    display_name=None, start=None) for name in sorted(found)]


def _certificates(fs: FileSystem, plan: ProbePlan) -> list[Certificate]:
    certs: list[Certificate] = []
    files = [fs.local(b) for b in CA_BUNDLES]
    for folder in LOCAL_CA_DIRS:
        files += glob.glob(os.path.join(fs.local(folder), "*"))
    for path in files:
        try:
            data = Path(path).read_bytes()
        except OSError:
            continue
        certs += certificates_in_pem(data, "linux:ca-certificates", plan)
    unique = {c.sha256: c for c in certs}
    return list(unique.values())


def _os_info(fs: FileSystem) -> OsInfo:
    fields: dict[str, str] = {}
    try:
        for line in Path(fs.local("/etc/os-release")).read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            fields[key] = value.strip().strip('"')
    except OSError:
        pass
    return OsInfo(name=fields.get("PRETTY_NAME") or fields.get("NAME", "Linux"),
                  version=fields.get("VERSION_ID", platform_mod.release()),
                  arch=platform_mod.machine(), locale=locale_name(), timezone=timezone_name(fs))


def _homes(fs: FileSystem) -> list[str]:
    return ["/root", *sorted(fs.glob("/home/*"))]


def probe_linux(plan: ProbePlan, root: str | None = None) -> SystemSnapshot:
    fs = FileSystem("linux", root)
    notes: list[str] = []
    homes = _homes(fs)
    files = find_files(fs, plan, {"Home": homes}, notes)
    return SystemSnapshot(
        platform="linux", taken_at=utc_now_iso(), os=_os_info(fs), files=tuple(files),
        processes=tuple(list_processes(plan, live=root is None)),
        services=tuple(_units(fs, plan, notes)), packages=tuple(_packages(fs, plan, notes)),
        extensions=tuple(find_browser_extensions(fs, homes, plan)),
        certificates=tuple(_certificates(fs, plan)), notes=tuple(notes))
