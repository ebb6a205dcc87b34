"""The real Windows and macOS probes, run on Linux against folders laid out like machines
(and, for Windows, an in-memory registry), plus the parsers of the commands they run."""

from __future__ import annotations

import json
import plistlib
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from core.detect.detection import detect
from core.machine.probes import probe_machine
from core.machine.probes.common import plan_for
from core.machine.probes.macos import (
    country_from_apple_locale,
    parse_launchctl_list,
    parse_loaded_kexts,
    parse_security_find_certificate,
    parse_systemextensionsctl,
    probe_macos,
)
from core.machine.probes.registry import DictRegistryReader
from core.machine.probes.windows import folder_bases, probe_windows, windows_timezone
from core.machine.probes.windows_security import (
    common_name,
    parse_security_json,
    security_command,
)
from core.machine.signatures import load_signatures
from core.machine.snapshot import Certificate, SecurityCenterProduct, snapshot_to_json
from core.machine.snapshot_read import snapshot_from_json

UNINSTALL = r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall"
UNINSTALL_32 = r"HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
KTS_GUID = "{6A0A3E5C-1A35-4D7E-9B3C-2D2B1D7C0F10}"
UPDATE_INDEX = ('<?xml version="1.0" encoding="utf-8"?>\n<Update Date="28092024 0130" '
                'Version="1">\n <Index Date="28092024 0130" Comp="bases"/>\n</Update>\n;sig=8f2c0e')


def _write(root: Path, rel: str, text: str = "") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _plist(root: Path, rel: str, doc: dict[str, Any], binary: bool = False) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(plistlib.dumps(doc, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML))
    return path


# -- Windows -------------------------------------------------------------------------------


def _windows_registry() -> DictRegistryReader:
    return DictRegistryReader({
        rf"{UNINSTALL_32}\{KTS_GUID}": {
            "DisplayName": "Kaspersky Total Security", "DisplayVersion": "21.3.10.391",
            "Publisher": "Kaspersky",
            "InstallLocation": "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total "
                               "Security 21.3\\",
            "UninstallString": rf"MsiExec.exe /I{KTS_GUID}", "WindowsInstaller": 1},
        rf"{UNINSTALL}\KasperskyCleanerPro": {  # a look-alike, installed in a user folder
            "DisplayName": "Kaspersky Cleaner Pro", "Publisher": "Cleaner Tools Ltd",
            "InstallLocation": r"C:\Users\dana\AppData\Local\KCleaner"},
        rf"{UNINSTALL}\PC Booster": {"DisplayName": "PC Booster",
                                     "Publisher": "AO Kaspersky Lab fan club"},
        rf"{UNINSTALL_32}\Mozilla Firefox 132.0 (x64 en-US)": {
            "DisplayName": "Mozilla Firefox (x64 en-US)", "Publisher": "Mozilla"},
        rf"{UNINSTALL}\{{90160000-008C-0000-1000-0000000FF1CE}}": {"SystemComponent": 1},
        r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Bitdefender Agent": {
            "DisplayName": "Bitdefender Agent", "Publisher": "Bitdefender"},
        r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3\settings": {
            "EnableSelfProtection": 1, "Ins_InitMode": 0},
        r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3\Data\WSC": {
            "LocalizedProductName": "Kaspersky Total Security"},
        r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3\environment": {"ProductRoot": "x"},
        r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab\LicStrg": {"data": "not ours to read"},
        r"HKLM\SYSTEM\CurrentControlSet\Services\klif": {"Type": 2, "Start": 1},
        r"HKLM\SYSTEM\CurrentControlSet\Services\klflt": {"Type": 1, "Start": 4},
        r"HKLM\SYSTEM\CurrentControlSet\Services\AVP21.3": {"Type": 16, "Start": 2},
        r"HKLM\SYSTEM\CurrentControlSet\Services\Tcpip": {"Type": 1, "Start": 0},
        r"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion": {
            "ProductName": "Windows 10 Pro", "CurrentBuild": "22631",
            "CurrentMajorVersionNumber": 10, "CurrentMinorVersionNumber": 0},
        r"HKLM\SYSTEM\CurrentControlSet\Control\TimeZoneInformation": {
            "TimeZoneKeyName": "Central Standard Time"},
        r"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment": {
            "PROCESSOR_ARCHITECTURE": "AMD64"},
        r"HKCU\Control Panel\International": {"LocaleName": "en-US"},
        r"HKCU\Control Panel\International\Geo": {"Name": "US", "Nation": "244"},
    })


@pytest.fixture
def windows_machine(tmp_path: Path) -> Path:
    root = tmp_path / "win"
    c = "C/"
    _write(root, c + "Program Files (x86)/Kaspersky Lab/Kaspersky Total Security 21.3/avp.exe")
    _write(root, c + "ProgramData/Kaspersky Lab/AVP21.3/Data/u1313g.xml", UPDATE_INDEX)
    (root / c / "ProgramData/Kaspersky Lab/AVP21.3/QB").mkdir(parents=True)
    (root / c / "Windows/System32/drivers/K4W-21-3").mkdir(parents=True)
    (root / c / "Program Files/Common Files").mkdir(parents=True)
    (root / c / "KVRT2020_Data").mkdir(parents=True)
    ext = root / c / "Users/dana/AppData/Local/Google/Chrome/User Data/Default/Extensions"
    (ext / "ddoleachckhhdmhpbkddgechjfhnphpe/4.0_0").mkdir(parents=True)
    (ext / "aapbdbdomjkkjkaonfhkkikfgjllcleb/2.0_0").mkdir(parents=True)
    (root / c / "Users/Public/Documents").mkdir(parents=True)
    return root


def test_windows_probe_reads_registry_folders_drivers_and_extensions(
        windows_machine: Path) -> None:
    plan = plan_for("windows", load_signatures())
    snap = probe_windows(plan, str(windows_machine), registry=_windows_registry())
    keys = {path for path, _ in snap.registry.items()}
    kts = ("HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion"
           f"\\Uninstall\\{KTS_GUID}")
    assert kts in keys, "key paths are stored with the hive's long name"
    assert snap.registry.values(kts)["WindowsInstaller"] == 1  # type: ignore[index]
    assert snap.registry.has_key(UNINSTALL + r"\KasperskyCleanerPro"), "look-alikes are kept"
    assert snap.registry.has_key(UNINSTALL + r"\PC Booster"), "publisher says Kaspersky"
    assert snap.registry.has_key(
        r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Bitdefender Agent")
    assert not any("Firefox" in k or "FF1CE" in k for k in keys)
    assert snap.registry.has_key(r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab")
    assert not snap.registry.has_key(r"HKLM\SOFTWARE\KasperskyLab"), "only views that exist"
    assert snap.registry.value(r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3\settings",
                               "EnableSelfProtection") == 1
    assert snap.registry.value(r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3\Data\WSC",
                               "LocalizedProductName") == "Kaspersky Total Security"
    assert not any(k.endswith(("environment", "LicStrg")) for k in keys)
    assert not any("CurrentVersion\\" not in k and "Services" in k for k in keys)

    drivers = [(e.id, e.state) for e in snap.extensions if e.kind == "driver"]
    assert drivers == [("klflt", "disabled"), ("klif", None)]
    browser = [(e.browser, e.profile, e.id) for e in snap.extensions if e.kind == "browser"]
    assert browser == [("chrome", "Default", "ddoleachckhhdmhpbkddgechjfhnphpe")]

    paths = {f.path for f in snap.files}
    assert {r"C:\Program Files (x86)\Kaspersky Lab",
            r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.3",
            r"C:\ProgramData\Kaspersky Lab\AVP21.3", r"C:\Windows\System32\drivers\K4W-21-3",
            r"C:\KVRT2020_Data"} <= paths
    assert not any("Common Files" in p or "Public" in p for p in paths)
    index = snap.file(r"C:\ProgramData\Kaspersky Lab\AVP21.3\Data\u1313g.xml")
    assert index is not None and index.text == UPDATE_INDEX and index.size == len(UPDATE_INDEX)

    assert snap.services == () and snap.processes == () and snap.security_center == ()
    assert snap.os.name == "Windows 11 Pro" and snap.os.version == "10.0.22631"
    assert (snap.os.arch, snap.os.locale, snap.os.timezone, snap.os.country) == (
        "x86_64", "en_US", "America/Chicago", "US")


def test_windows_snapshot_is_detected_as_total_security(windows_machine: Path) -> None:
    plan = plan_for("windows", load_signatures())
    snap = probe_windows(plan, str(windows_machine), registry=_windows_registry())
    result = detect(snapshot_from_json(snapshot_to_json(snap)))
    assert [p.id for p in result.products] == ["kaspersky-total-security"]
    product = result.products[0]
    assert product.version == "21.3.10.391"
    assert product.definitions_date == datetime(2024, 9, 28, 1, 30, tzinfo=timezone.utc)
    assert r"C:\ProgramData\Kaspersky Lab\AVP21.3" in product.data_paths
    ignored = " | ".join(f"{i.what}: {i.why}" for i in result.ignored)
    assert "Kaspersky Cleaner Pro" in ignored


def test_windows_probe_reads_other_users_per_user_installs(tmp_path: Path) -> None:
    """Run elevated as another administrator, the installer's own hive is under HKEY_USERS."""
    (tmp_path / "C").mkdir()
    sid = "S-1-5-21-3623811015-3361044348-30300820-1013"
    reg = DictRegistryReader({
        rf"HKEY_USERS\{sid}\Software\Microsoft\Windows\CurrentVersion\Uninstall\KPM": {
            "DisplayName": "Kaspersky Password Manager", "DisplayVersion": "24.0.0.427",
            "Publisher": "AO Kaspersky Lab"},
        rf"HKEY_USERS\{sid}_Classes\Software\Microsoft\Windows\CurrentVersion\Uninstall\X": {
            "DisplayName": "Kaspersky Password Manager", "Publisher": "AO Kaspersky Lab"},
    })
    plan = plan_for("windows", load_signatures())
    snap = probe_windows(plan, str(tmp_path), registry=reg)
    assert [k for k, _ in snap.registry.items() if "Uninstall" in k] == [
        rf"HKEY_USERS\{sid}\Software\Microsoft\Windows\CurrentVersion\Uninstall\KPM"]
    assert [(p.id, p.version) for p in detect(snap).products] == [
        ("kaspersky-password-manager", "24.0.0.427")]


def test_windows_probe_on_an_empty_root(tmp_path: Path) -> None:
    """A test root without a registry: nothing found, nothing crashes, Windows defaults."""
    (tmp_path / "C").mkdir()
    snap = probe_machine(root=str(tmp_path), platform="windows")
    assert snap.platform == "windows" and len(snap.registry) == 0 and snap.files == ()
    assert snap.os.timezone is None and snap.os.country is None
    assert detect(snap).products == ()


def test_dict_registry_reader_behaves_like_a_registry() -> None:
    reg = DictRegistryReader({r"HKLM\SOFTWARE\Vendor\Product\Sub": {"Name": "x"}})
    assert reg.subkeys("HKEY_LOCAL_MACHINE\\software") == ["Vendor"]
    assert reg.subkeys(r"hklm\SOFTWARE\VENDOR") == ["Product"]
    assert reg.values(r"HKLM\SOFTWARE\Vendor") == {}, "parent keys exist, without values"
    assert reg.values(r"HKLM\SOFTWARE\vendor\product\sub") == {"Name": "x"}
    assert reg.values(r"HKLM\SOFTWARE\Other") is None
    assert reg.subkeys(r"HKLM\SOFTWARE\Other") == []


def test_time_zone_mapping_knows_common_zones_only() -> None:
    key = r"HKLM\SYSTEM\CurrentControlSet\Control\TimeZoneInformation"
    assert windows_timezone(DictRegistryReader(
        {key: {"TimeZoneKeyName": "W. Europe Standard Time\x00garbage"}})) == "Europe/Berlin"
    assert windows_timezone(DictRegistryReader(
        {key: {"TimeZoneKeyName": "Chatham Islands Standard Time"}})) is None


def test_live_folder_bases_come_from_the_environment(tmp_path: Path) -> None:
    from core.machine.probes.common import FileSystem

    env = {"ProgramFiles": r"D:\Program Files", "ProgramW6432": r"D:\Program Files",
           "ProgramFiles(x86)": r"D:\Program Files (x86)", "ProgramData": r"D:\ProgramData",
           "SystemRoot": r"D:\Windows", "SystemDrive": "D:", "USERPROFILE": r"E:\Home\Kim"}
    bases = folder_bases(FileSystem("windows"), env)
    assert bases["ProgramFiles"] == [r"D:\Program Files", r"D:\Program Files (x86)"]
    assert bases["SystemDrive"] == ["D:"] and bases["SystemRoot"] == [r"D:\Windows"]
    assert r"E:\Home\Kim" in bases["UserProfile"]
    assert r"E:\Home\Kim\AppData\Local" in bases["LocalAppData"]


# -- the PowerShell answer -------------------------------------------------------------------

SECURITY_JSON = json.dumps({
    "AntiVirusProduct": [
        {"displayName": "Kaspersky Total Security", "productState": 266240,
         "pathToSignedProductExe": r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total "
                                   r"Security 21.3\wmiav.exe"},
        {"displayName": "Windows Defender", "productState": 393472,
         "pathToSignedProductExe": "windowsdefender://"}],
    # PowerShell 5.1 may unwrap a one-element array into the object itself
    "FirewallProduct": {"displayName": "Kaspersky Total Security", "productState": 266256,
                        "pathToSignedProductExe": ""},
    "AntiSpywareProduct": [],
    "Certificates": [
        {"store": "LocalMachine",
         "subject": "CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab",
         "issuer": "CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab",
         "thumbprint": "0F4A1C", "sha256": "5D1C" + "AB" * 30},
        {"store": "CurrentUser", "subject": 'CN="Kaspersky, Lab ""test"" root", C=RU',
         "issuer": None, "thumbprint": "11", "sha256": None}],
    "CertificateErrors": [],
}, separators=(",", ":"))


def test_security_json_is_parsed_into_products_and_roots() -> None:
    products, certs, notes = parse_security_json("\ufeff" + SECURITY_JSON + "\r\n")
    assert products == [
        SecurityCenterProduct("Kaspersky Total Security", "antivirus", 266240,
                              r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total "
                              r"Security 21.3\wmiav.exe"),
        SecurityCenterProduct("Windows Defender", "antivirus", 393472, "windowsdefender://"),
        SecurityCenterProduct("Kaspersky Total Security", "firewall", 266256, None)]
    assert certs == [
        Certificate("windows:LocalMachine\\Root", "Kaspersky Anti-Virus Personal Root Certificate",
                    "Kaspersky Anti-Virus Personal Root Certificate",
                    "5d1c" + "ab" * 30),
        Certificate("windows:CurrentUser\\Root", 'Kaspersky, Lab "test" root', None, None)]
    assert notes == []


def test_security_json_on_windows_server_says_why_security_center_is_missing() -> None:
    reason = "Invalid namespace "
    text = json.dumps({"AntiVirusProduct": reason, "FirewallProduct": reason,
                       "AntiSpywareProduct": reason, "Certificates": [],
                       "CertificateErrors": ["CurrentUser: Access is denied."]})
    products, certs, notes = parse_security_json(text)
    assert products == [] and certs == []
    assert notes[0] == ("Windows Security Center is not available (root\\SecurityCenter2: "
                        "Invalid namespace); is this Windows Server?")
    assert "CurrentUser: Access is denied." in notes[1]


def test_security_json_partial_failure_and_garbage() -> None:
    text = json.dumps({"AntiVirusProduct": [], "FirewallProduct": "Access denied",
                       "AntiSpywareProduct": []})
    assert parse_security_json(text)[2] == [
        "Windows Security Center: FirewallProduct could not be read (Access denied)"]
    products, certs, notes = parse_security_json("Get-CimInstance : not recognized")
    assert (products, certs) == ([], []) and "not JSON" in notes[0]


def test_security_command_is_one_safe_argument_list() -> None:
    args = security_command()
    assert args[0].lower().endswith(r"\system32\windowspowershell\v1.0\powershell.exe")
    assert args[1:4] == ["-NoProfile", "-NonInteractive", "-Command"] and len(args) == 5
    script = args[4]
    assert '"' not in script and "\n" not in script, "must survive Windows argument quoting"
    # joined into one line, a statement after a closing brace needs its `;`
    assert not re.search(r"\}\s+(?![;)}]|catch\b)", script), script
    assert "root/SecurityCenter2" in script and "SHA256" in script and "ConvertTo-Json" in script


def test_live_windows_probe_asks_powershell_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The live path with this machine's processes, an in-memory registry and PowerShell
    stood in by a canned answer: Security Center and roots land in the snapshot."""
    import core.machine.probes.windows_security as windows_security

    calls: list[list[str]] = []

    def fake_run(args: list[str], notes: list[str], timeout: float = 0,
                 what: str | None = None) -> str:
        calls.append(list(args))
        assert timeout == 20
        return SECURITY_JSON

    monkeypatch.setattr(windows_security, "run", fake_run)
    plan = plan_for("windows", load_signatures())
    snap = probe_windows(plan, registry=_windows_registry())
    assert len(calls) == 1 and calls[0][:4] == security_command()[:4]
    assert [(p.name, p.kind) for p in snap.security_center] == [
        ("Kaspersky Total Security", "antivirus"), ("Windows Defender", "antivirus"),
        ("Kaspersky Total Security", "firewall")]
    assert [c.subject for c in snap.certificates] == [
        "Kaspersky Anti-Virus Personal Root Certificate", 'Kaspersky, Lab "test" root']
    result = detect(snap)
    assert [p.id for p in result.products] == ["kaspersky-total-security"]
    assert result.products[0].active is True


def test_common_name_of_distinguished_names() -> None:
    assert common_name("CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab"
                       ) == "Kaspersky Anti-Virus Personal Root Certificate"
    assert common_name("O=AO Kaspersky Lab, CN=X") == "X"
    assert common_name("O=Only An Org") == "O=Only An Org"


# -- macOS ---------------------------------------------------------------------------------


@pytest.fixture
def mac_machine(tmp_path: Path) -> Path:
    root = tmp_path / "mac"
    app = "Applications/Kaspersky Anti-Virus For Mac.app"
    _plist(root, app + "/Contents/Info.plist", {
        "CFBundleIdentifier": "com.kaspersky.kav", "CFBundleShortVersionString": "26.0.0.150",
        "CFBundleVersion": "150", "CFBundleName": "Kaspersky Anti-Virus For Mac"})
    _write(root, app + "/Contents/MacOS/kavd")
    _plist(root, "Applications/Safari.app/Contents/Info.plist",
           {"CFBundleIdentifier": "com.apple.Safari", "CFBundleShortVersionString": "17.5"})
    _plist(root, "Applications/Bitdefender Virus Scanner.app/Contents/Info.plist",
           {"CFBundleIdentifier": "com.bitdefender.virusscanner", "CFBundleVersion": "3.18"},
           binary=True)
    _write(root, "Applications/Broken.app/Contents/Info.plist", "not a plist")
    _plist(root, "Library/LaunchDaemons/com.kaspersky.kav.plist", {
        "Label": "com.kaspersky.kav", "ProgramArguments": [
            "/Library/Application Support/Kaspersky Lab/KAV/Binaries/kav", "-r"],
        "RunAtLoad": True})
    _plist(root, "Library/LaunchDaemons/com.apple.unrelated.plist",
           {"Label": "com.apple.unrelated", "Program": "/usr/libexec/unrelated"})
    _plist(root, "Library/LaunchAgents/com.kaspersky.kav.gui.plist",
           {"Label": "com.kaspersky.kav.gui", "Program": "/Applications/Kaspersky Anti-Virus "
            "For Mac.app/Contents/MacOS/kav_app"}, binary=True)
    _plist(root, "var/db/receipts/com.kaspersky.kav.core.plist",
           {"PackageIdentifier": "com.kaspersky.kav.core", "PackageVersion": "26.0.0.150"})
    _write(root, "var/db/receipts/com.kaspersky.kav.core.bom", "BOMStore")
    _plist(root, "var/db/receipts/com.apple.pkg.Numbers.plist",
           {"PackageIdentifier": "com.apple.pkg.Numbers", "PackageVersion": "14"})
    _plist(root, "Library/Extensions/klif.kext/Contents/Info.plist",
           {"CFBundleIdentifier": "com.kaspersky.kext.klif"})
    _plist(root, "Library/Extensions/Other.kext/Contents/Info.plist",
           {"CFBundleIdentifier": "com.example.other"})
    (root / "Library/Application Support/Kaspersky Lab/KAV/Data").mkdir(parents=True)
    _plist(root, "System/Library/CoreServices/SystemVersion.plist",
           {"ProductName": "macOS", "ProductVersion": "14.5", "ProductBuildVersion": "23F79"})
    _plist(root, "Users/alice/Library/Preferences/.GlobalPreferences.plist",
           {"AppleLocale": "en_US@rg=gbzzzz"}, binary=True)
    (root / "Users/alice/Library/Application Support/Kaspersky Lab").mkdir(parents=True)
    ext = root / "Users/alice/Library/Application Support/Google/Chrome/Profile 1/Extensions"
    (ext / "mcobjbefejmnadahpjbfibgkgchhmjke/1.0_0").mkdir(parents=True)
    (root / "Users/Shared/Library/Application Support/Kaspersky Lab").mkdir(parents=True)
    return root


def test_macos_probe_reads_apps_launchd_receipts_kexts_and_folders(mac_machine: Path) -> None:
    snap = probe_machine(root=str(mac_machine), platform="macos")
    assert [(a.path, a.bundle_id, a.version, a.name) for a in snap.apps] == [
        ("/Applications/Bitdefender Virus Scanner.app", "com.bitdefender.virusscanner", "3.18",
         None),
        ("/Applications/Kaspersky Anti-Virus For Mac.app", "com.kaspersky.kav", "26.0.0.150",
         "Kaspersky Anti-Virus For Mac")]
    assert [(s.name, s.manager, s.binary, s.status) for s in snap.services] == [
        ("com.kaspersky.kav", "launchd",
         "/Library/Application Support/Kaspersky Lab/KAV/Binaries/kav", None),
        ("com.kaspersky.kav.gui", "launchd",
         "/Applications/Kaspersky Anti-Virus For Mac.app/Contents/MacOS/kav_app", None)]
    assert [(p.manager, p.name, p.version) for p in snap.packages] == [
        ("pkgutil", "com.kaspersky.kav.core", "26.0.0.150")]
    assert [(e.kind, e.id, e.state) for e in snap.extensions if e.kind != "browser"] == [
        ("kext", "com.kaspersky.kext.klif", None)]
    assert [(e.browser, e.profile, e.id) for e in snap.extensions if e.kind == "browser"] == [
        ("chrome", "Profile 1", "mcobjbefejmnadahpjbfibgkgchhmjke")]
    paths = {f.path for f in snap.files}
    assert "/Applications/Kaspersky Anti-Virus For Mac.app" in {a.path for a in snap.apps}
    assert not any(p.endswith(".app") for p in paths), "app bundles are apps, not folders"
    assert {"/Library/Application Support/Kaspersky Lab/KAV/Data",
            "/Users/alice/Library/Application Support/Kaspersky Lab"} <= paths
    assert not any("Safari" in p or "Broken" in p or "Shared" in p for p in paths), \
        "a generic app pattern must not list every app on the Mac"
    assert (snap.os.name, snap.os.version, snap.os.locale, snap.os.country) == (
        "macOS", "14.5", "en_US", "GB")
    assert snap.processes == () and snap.certificates == ()


def test_macos_snapshot_is_detected_as_kaspersky_for_mac(mac_machine: Path) -> None:
    plan = plan_for("macos", load_signatures())
    snap = probe_macos(plan, str(mac_machine))
    result = detect(snapshot_from_json(snapshot_to_json(snap)))
    assert [p.id for p in result.products] == ["kaspersky-for-mac"]
    product = result.products[0]
    assert product.name == "Kaspersky Anti-Virus For Mac"
    assert product.version == "26.0.0.150"
    assert "/Applications/Kaspersky Anti-Virus For Mac.app" in product.install_paths


def test_macos_leftovers_after_the_app_is_gone(mac_machine: Path) -> None:
    import shutil

    shutil.rmtree(mac_machine / "Applications/Kaspersky Anti-Virus For Mac.app")
    (mac_machine / "Library/LaunchDaemons/com.kaspersky.kav.plist").unlink()
    result = detect(probe_machine(root=str(mac_machine), platform="macos"))
    assert result.products == ()
    kinds = {(lo.kind, lo.what) for lo in result.leftovers}
    assert ("launchd", "com.kaspersky.kav.gui") in kinds
    assert ("package", "com.kaspersky.kav.core") in kinds
    assert ("kext", "com.kaspersky.kext.klif") in kinds


# -- macOS command output ------------------------------------------------------------------


def _der_name(common: str) -> bytes:
    """A DER X.509 Name holding one commonName (short strings only, as in the sample)."""
    value = common.encode()
    atv = b"\x06\x03\x55\x04\x03" + b"\x0c" + bytes([len(value)]) + value
    seq = b"\x30" + bytes([len(atv)]) + atv
    rdn = b"\x31" + bytes([len(seq)]) + seq
    return b"\x30" + bytes([len(rdn)]) + rdn


SHA256 = "5D1C8E0A" * 8
ISSUER = "Kaspersky Anti-Virus Personal Root Certificate"
CYRILLIC = "Лаборатория Касперского"
SECURITY_OUTPUT = f"""\
SHA-256 hash: {SHA256}
SHA-1 hash: 0F4A1C2B3D4E5F60718293A4B5C6D7E8F9012345
keychain: "/Library/Keychains/System.keychain"
version: 512
class: 0x80001000
attributes:
    "alis"<blob>="Kaspersky Anti-Virus Personal Root Certificate"
    "cenc"<uint32>=0x00000003
    "ctyp"<uint32>=0x00000001
    "hpky"<blob>=0x1B2C3D4E  "\\033,=N"
    "issu"<blob>=0x{_der_name(ISSUER).hex().upper()}  "0...1"
    "labl"<blob>="Kaspersky Anti-Virus Personal Root Certificate"
    "skid"<blob>=<NULL>
    "snbr"<blob>=0x00D4  "\\000\\324"
    "subj"<blob>=0x{_der_name(ISSUER).hex().upper()}  "0...1"
SHA-256 hash: {"AB" * 32}
SHA-1 hash: 1111111111111111111111111111111111111111
keychain: "/Library/Keychains/System.keychain"
version: 512
class: 0x80001000
attributes:
    "alis"<blob>=0x{CYRILLIC.encode().hex().upper()}  "\\320\\233..."
    "labl"<blob>=<NULL>
SHA-1 hash: 2222222222222222222222222222222222222222
keychain: "/Library/Keychains/System.keychain"
attributes:
    "labl"<blob>="Kaspersky Web Anti-Virus certificate (old macOS: SHA-1 only)"
"""


def test_security_find_certificate_output_is_parsed() -> None:
    certs = parse_security_find_certificate(SECURITY_OUTPUT)
    assert certs == [
        Certificate("macos:System", ISSUER, ISSUER, SHA256.lower()),
        Certificate("macos:System", CYRILLIC, None, "ab" * 32),
        Certificate("macos:System", "Kaspersky Web Anti-Virus certificate (old macOS: SHA-1 only)",
                    None, None)]
    assert parse_security_find_certificate("") == []


def test_systemextensionsctl_output_is_parsed() -> None:
    text = (
        "2 extension(s)\n"
        "--- com.apple.system_extension.endpoint_security\n"
        "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
        "*\t*\t2Y8XE5CQ94\tcom.kaspersky.kav.sysext (21.0.0/464)\tKaspersky Endpoint Security "
        "Extension\t[activated enabled]\n"
        "--- com.apple.system_extension.network_extension\n"
        "\t\t2Y8XE5CQ94\tcom.kaspersky.kav.netext (20.0.0/100)\tKaspersky Filter\t"
        "[terminated waiting to uninstall on reboot]\n")
    assert [(e.kind, e.id, e.state, e.name) for e in parse_systemextensionsctl(text)] == [
        ("systemextension", "com.kaspersky.kav.sysext", "activated enabled",
         "Kaspersky Endpoint Security Extension"),
        ("systemextension", "com.kaspersky.kav.netext",
         "terminated waiting to uninstall on reboot", "Kaspersky Filter")]


def test_loaded_kexts_and_launchctl_list_are_parsed() -> None:
    kmutil = (
        "No variant specified, falling back to release\n"
        "Index Refs Address            Size       Wired      Name (Version) UUID <Linked Against>\n"
        "    1  167 0                  0          0          com.apple.kpi.bsd (20.6.0) "
        "1A2B3C4D-0000-0000-0000-000000000000 <>\n"
        "  180    0 0xffffff7f8a1b2000 0x5c000    0x5c000    com.kaspersky.kext.klif (3.0.8) "
        "ABCDEF01-0000-0000-0000-000000000000 <8 6 5 3 1>\n")
    assert parse_loaded_kexts(kmutil) == ["com.apple.kpi.bsd", "com.kaspersky.kext.klif"]
    launchctl = ("PID\tStatus\tLabel\n412\t0\tcom.kaspersky.kav\n-\t0\tcom.kaspersky.kav.gui\n"
                 "-\t-9\tcom.apple.other\n")
    assert parse_launchctl_list(launchctl) == {"com.kaspersky.kav": "running",
                                               "com.kaspersky.kav.gui": "loaded",
                                               "com.apple.other": "loaded"}


@pytest.mark.parametrize(("value", "country"), [
    ("en_GB", "GB"), ("en_US@rg=dezzzz", "DE"), ("zh-Hans_CN", "CN"), ("de", None),
    ("en_001", None), ("", None), (None, None),
])
def test_country_from_apple_locale(value: str | None, country: str | None) -> None:
    assert country_from_apple_locale(value) == country
