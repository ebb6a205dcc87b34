"""Detection on realistic machines: every bundled demo and the unseen ones in tests/machines/.

Each test asserts what a user would notice in `switchover detect`: which Kaspersky products
are reported (and which look-alikes are not), their versions and editions, how old the virus
definitions are, whether the machine is protected, what Microsoft Defender is doing, and
which Kaspersky leftovers are listed.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from core.backup.plan import plan_backup
from core.detect.detection import DetectionResult, detect
from core.detect.findings import DetectedProduct, OtherProduct
from core.machine.demo import list_demos, load_demo
from core.machine.snapshot_read import load_snapshot
from core.uninstall.plan import plan_uninstall, protection_after
from tests.conftest import run_cli

MACHINES = Path(__file__).resolve().parent / "machines"

DEMOS = [
    "windows-total-security",
    "windows-kaspersky-plus-vpn",
    "windows-after-ultraav",
    "windows-endpoint-security",
    "macos-kaspersky",
    "linux-kesl",
    "windows-clean-defender",
]

# Machine → (Kaspersky product ids reported, protected right now?)
DEMO_SUMMARY = {
    "windows-total-security": ({"kaspersky-total-security", "kaspersky-password-manager"}, False),
    "windows-kaspersky-plus-vpn": (
        {"kaspersky-standard-plus-premium", "kaspersky-vpn-secure-connection"}, True),
    "windows-after-ultraav": (set(), True),
    "windows-endpoint-security": (
        {"kaspersky-endpoint-security-windows", "kaspersky-network-agent-windows"}, False),
    "macos-kaspersky": ({"kaspersky-for-mac"}, True),
    "linux-kesl": ({"kaspersky-endpoint-security-linux"}, True),
    "windows-clean-defender": (set(), True),
}
MACHINE_SUMMARY = {
    "win32-kis19": ({"kaspersky-internet-security"}, True),
    "hkcu-security-cloud-free": ({"kaspersky-security-cloud"}, False),
    "spoofed-publisher-appdata": (set(), True),
    "lookalike-tools": (set(), True),
    "wrong-publisher-kaspersky-free": (set(), True),
    "homoglyph-publisher": (set(), True),
    "linux-rpm-kesl-rhel9": ({"kaspersky-endpoint-security-linux"}, True),
    "linux-dpkg-kfl": ({"kaspersky-for-linux"}, True),
    "linux-clamav-onaccess": (set(), True),
    "linux-clamav-ondemand": (set(), False),
    "macos-leftovers-only": (set(), True),
    "macos-sysext-not-approved": ({"kaspersky-for-mac"}, True),
    "windows-server-kes": ({"kaspersky-endpoint-security-windows"}, True),
    "windows-old-avp-service": ({"kaspersky-internet-security"}, True),
    "windows-defender-policy-off": (set(), False),
    "windows-server-ksws": ({"kaspersky-security-windows-server"}, True),
    # Written blind, from shared/facts and the snapshot spec only, by a tester who never
    # saw the signatures or the detection code (expectations noted before the first run).
    "blind-win11-kaspersky-standard": ({"kaspersky-standard-plus-premium"}, True),
    "blind-win10-kis2021-stale-safekids": (
        {"kaspersky-internet-security", "kaspersky-safe-kids"}, False),
    "blind-win10-kis-entry-points-outside-its-folder": (
        {"kaspersky-internet-security", "kaspersky-safe-kids"}, False),
    "blind-win7-x86-kav2019": ({"kaspersky-anti-virus"}, True),
    "blind-win11-vpn-only": ({"kaspersky-vpn-secure-connection"}, True),
    "blind-win10-partial-removal": (set(), True),
    "blind-winserver2019-kes-netagent": (
        {"kaspersky-endpoint-security-windows", "kaspersky-network-agent-windows"}, True),
    "blind-win10-fake-hkcu-kts": (set(), True),
    "blind-win11-bitdefender": (set(), True),
    "blind-mac-kis": ({"kaspersky-for-mac"}, True),
    # XProtect is part of every macOS (System Integrity Protection keeps it): a snapshot
    # that does not list its folder still has it.
    "blind-mac-leftovers-only": (set(), True),
    "blind-ubuntu-kesl-dpkg": ({"kaspersky-endpoint-security-linux"}, True),
    "blind-rhel9-kesl-rpm-klnagent": (
        {"kaspersky-endpoint-security-linux", "kaspersky-network-agent-linux"}, False),
    "blind-debian-clamav-only": (set(), False),
    "blind-win11-ultraav-no-kaspersky": (set(), True),
    "blind-win10-kaspersky-named-service-in-temp": (set(), False),
}


# -- helpers ---------------------------------------------------------------------------------


@cache
def demo(name: str) -> DetectionResult:
    return detect(load_demo(name))


@cache
def machine(name: str) -> DetectionResult:
    return detect(load_snapshot(MACHINES / f"{name}.json"))


def ids(result: DetectionResult) -> set[str]:
    return {p.id for p in result.products}


def product(result: DetectionResult, product_id: str) -> DetectedProduct:
    found = [p for p in result.products if p.id == product_id]
    assert len(found) == 1, f"expected one {product_id}, got {[p.id for p in result.products]}"
    return found[0]


def other(result: DetectionResult, other_id: str) -> OtherProduct:
    found = [o for o in result.others if o.id == other_id]
    assert len(found) == 1, f"expected one {other_id}, got {[o.id for o in result.others]}"
    return found[0]


def leftovers(result: DetectionResult) -> set[tuple[str, str]]:
    """(kind, the thing a user would look for): a path or key for folders, else the name."""
    return {(lo.kind, lo.where if lo.kind in ("folder", "file", "registry") else lo.what)
            for lo in result.leftovers}


def ignored_text(result: DetectionResult) -> str:
    return "\n".join(f"{i.what}: {i.why}" for i in result.ignored)


# -- every machine loads, runs and gives the headline answer -----------------------------------


def test_index_lists_every_demo_with_a_title_and_total_security_first() -> None:
    demos = list_demos()
    assert [d.name for d in demos] == DEMOS
    assert all(d.title.strip() and d.path.is_file() for d in demos)


def test_every_machine_file_has_expectations() -> None:
    on_disk = {p.stem for p in MACHINES.glob("*.json")}
    assert on_disk == set(MACHINE_SUMMARY)


@pytest.mark.parametrize("name", DEMOS)
def test_demo_is_a_snapshot_of_november_2026(name: str) -> None:
    snap = load_demo(name)
    assert snap.taken_at.startswith("2026-11-")
    assert snap.os.country


@pytest.mark.parametrize(("name", "expected_ids", "protected"),
                         [(n, *v) for n, v in DEMO_SUMMARY.items()])
def test_demo_headline(name: str, expected_ids: set[str], protected: bool) -> None:
    result = demo(name)
    assert ids(result) == expected_ids
    assert result.protected is protected
    assert result.kaspersky_found is bool(expected_ids)


@pytest.mark.parametrize(("name", "expected_ids", "protected"),
                         [(n, *v) for n, v in MACHINE_SUMMARY.items()])
def test_machine_headline(name: str, expected_ids: set[str], protected: bool) -> None:
    result = machine(name)
    assert ids(result) == expected_ids
    assert result.protected is protected


# -- the demos, one by one ---------------------------------------------------------------------


def test_total_security_demo_is_running_on_2024_definitions() -> None:
    result = demo("windows-total-security")
    kts = product(result, "kaspersky-total-security")
    assert kts.version == "21.3.10.391"
    assert kts.active is True
    assert kts.definitions_age_days == 783 and kts.definitions_outdated is True
    assert "password-manager" in kts.components
    assert product(result, "kaspersky-password-manager").version == "9.0.2.1186"
    assert other(result, "microsoft-defender").active is False
    assert "783 days old" in result.protection.reason
    assert result.leftovers == ()


def test_kaspersky_plus_demo_is_up_to_date_and_protected() -> None:
    result = demo("windows-kaspersky-plus-vpn")
    plus = product(result, "kaspersky-standard-plus-premium")
    assert plus.name == "Kaspersky Plus" and plus.edition == "Plus"
    assert plus.version == "21.19.7.527"
    assert plus.install_paths == (r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky 21.19",)
    assert plus.data_paths == (r"C:\ProgramData\Kaspersky Lab\AVP21.19",)
    assert plus.definitions_age_days == 3 and plus.definitions_outdated is False
    assert plus.active is True
    assert "vpn" in plus.components  # the separate VPN app adds its component to the suite
    vpn = product(result, "kaspersky-vpn-secure-connection")
    assert vpn.version == "5.21.0.441" and vpn.active is True and vpn.realtime is False
    assert any("KSDE1.0.0" in e for e in vpn.evidence)
    assert other(result, "microsoft-defender").active is False
    assert result.protection.by == ("Kaspersky Plus",)
    assert result.leftovers == () and result.ignored == ()


def test_after_ultraav_demo_shows_the_switch_and_what_kaspersky_left_behind() -> None:
    result = demo("windows-after-ultraav")
    assert result.products == ()
    ultraav = other(result, "ultraav")
    assert ultraav.active is True and ultraav.kind == "antivirus"
    assert other(result, "ultravpn").kind == "vpn"
    assert other(result, "microsoft-defender").active is False
    assert result.protection.by == ("UltraAV",)
    assert leftovers(result) == {
        ("folder", r"C:\ProgramData\Kaspersky Lab"),
        ("folder", r"C:\ProgramData\Kaspersky Lab\AVP21.3"),
        ("folder", r"C:\Windows\System32\drivers\K4W-21-3"),
        ("driver", "klif"),
        ("registry", r"HKLM\SOFTWARE\WOW6432Node\KasperskyLab"),
        ("certificate", "Kaspersky Anti-Virus Personal Root Certificate"),
    }
    cert = next(lo for lo in result.leftovers if lo.kind == "certificate")
    assert cert.where == r"windows:LocalMachine\Root"


def test_endpoint_security_demo_has_msi_uninstall_and_stale_definitions() -> None:
    result = demo("windows-endpoint-security")
    kes = product(result, "kaspersky-endpoint-security-windows")
    assert kes.version == "12.5.0.539" and kes.category == "business"
    assert kes.install_paths == (r"C:\Program Files (x86)\Kaspersky Lab\KES.12.5.0",)
    assert kes.data_paths == (r"C:\ProgramData\Kaspersky Lab\KES.21.16",)
    assert kes.active is True
    assert kes.definitions_age_days == 765 and kes.definitions_outdated is True
    (entry,) = kes.uninstall_entries
    assert entry.windows_installer is True and entry.publisher == "AO Kaspersky Lab"
    assert entry.uninstall_string == "MsiExec.exe /X{93EDBC7E-D73F-4401-84A5-79E8CBB8B843}"
    agent = product(result, "kaspersky-network-agent-windows")
    assert agent.version == "14.2.0.26967" and agent.active is True
    assert agent.realtime is False
    assert other(result, "microsoft-defender").active is False
    assert "765 days old" in result.protection.reason
    assert result.leftovers == ()


def test_macos_demo_names_the_app_and_counts_xprotect() -> None:
    result = demo("macos-kaspersky")
    mac = product(result, "kaspersky-for-mac")
    assert mac.name == "Kaspersky Anti-Virus For Mac" and mac.version == "26.0.0.150"
    assert mac.install_paths == ("/Applications/Kaspersky Anti-Virus For Mac.app",)
    assert mac.active is True
    assert any("com.kaspersky.kav.sysext" in e for e in mac.evidence)
    assert other(result, "xprotect").realtime is True
    assert set(result.protection.by) == {"Kaspersky Anti-Virus For Mac",
                                         "XProtect (built into macOS)"}
    # The per-user support folder belongs to the installed app: it is no leftover.
    assert result.leftovers == ()


def test_linux_kesl_demo() -> None:
    result = demo("linux-kesl")
    kesl = product(result, "kaspersky-endpoint-security-linux")
    assert kesl.version == "12.1.0-1297" and kesl.active is True
    assert kesl.install_paths == ("/opt/kaspersky/kesl",)
    assert kesl.data_paths == ("/var/opt/kaspersky/kesl",)
    assert {e for e in kesl.evidence if e.startswith("package:")} == {
        "package: kesl 12.1.0-1297 (dpkg)", "package: kesl-gui 12.1.0-1297 (dpkg)"}
    assert result.others == () and result.leftovers == ()


def test_clean_defender_demo_has_nothing_to_remove() -> None:
    result = demo("windows-clean-defender")
    assert result.products == () and result.leftovers == () and result.ignored == ()
    defender = other(result, "microsoft-defender")
    assert defender.active is True and defender.notes == ()
    assert result.protection.by == ("Microsoft Defender Antivirus",)


# -- the demos through the command line --------------------------------------------------------


@pytest.mark.parametrize("name", DEMOS)
def test_cli_detect_demo_prints_one_json_document(name: str) -> None:
    done = run_cli("detect", "--demo", name, "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)  # raises on anything but exactly one document
    assert {"platform", "products", "others", "leftovers", "protected"} <= doc.keys()
    assert doc["platform"] == load_demo(name).platform
    assert {p["id"] for p in doc["products"]} == DEMO_SUMMARY[name][0]
    assert doc["protected"] is DEMO_SUMMARY[name][1]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", DEMOS)
def test_cli_exit_code_says_whether_kaspersky_is_installed(name: str) -> None:
    done = run_cli("detect", "--demo", name, "--exit-code")
    assert done.returncode == (10 if DEMO_SUMMARY[name][0] else 0), done.stderr


# -- unseen Windows machines -------------------------------------------------------------------


def test_32_bit_windows_with_kis_2019_and_the_older_index_file() -> None:
    result = machine("win32-kis19")
    kis = product(result, "kaspersky-internet-security")
    assert kis.version == "19.0.0.1088"
    assert kis.install_paths == (
        r"C:\Program Files\Kaspersky Lab\Kaspersky Internet Security 19.0.0",)
    (entry,) = kis.uninstall_entries
    assert entry.key.startswith("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\")
    assert kis.data_paths == (r"C:\ProgramData\Kaspersky Lab\AVP19.0.0",)
    assert kis.definitions_age_days == 4 and kis.definitions_outdated is False
    assert any("AVP19.0.0" in e for e in kis.evidence)
    assert result.protection.by == ("Kaspersky Internet Security",)
    assert result.leftovers == ()


def test_per_user_entry_with_short_hive_name_is_found_with_its_edition() -> None:
    result = machine("hkcu-security-cloud-free")
    cloud = product(result, "kaspersky-security-cloud")
    assert cloud.edition == "Free" and cloud.name == "Kaspersky Security Cloud Free"
    assert cloud.version == "21.2.16.590"
    (entry,) = cloud.uninstall_entries
    assert entry.key.startswith("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\")
    assert cloud.definitions_age_days == 26 and cloud.definitions_outdated is True
    assert other(result, "microsoft-defender").active is False
    assert "26 days old" in result.protection.reason


@pytest.mark.parametrize(("name", "shown", "why"), [
    ("spoofed-publisher-appdata", "Kaspersky Total Security", "AppData"),
    ("lookalike-tools", "Kaspersky Reset Trial", "publisher is not Kaspersky's"),
    ("lookalike-tools", "KasperskyCleaner Pro", "publisher is not Kaspersky's"),
    ("wrong-publisher-kaspersky-free", "Kaspersky Free (19.0.0.1088, FreeSoft Ltd)",
     "publisher is not Kaspersky's"),
    ("homoglyph-publisher", "K\u0430spersky Lab", "publisher is not Kaspersky's"),
])
def test_look_alikes_are_not_reported_but_are_explained(name: str, shown: str, why: str) -> None:
    result = machine(name)
    assert result.products == ()
    assert not result.kaspersky_found
    hits = [i for i in result.ignored if shown in i.what]
    assert len(hits) == 1, ignored_text(result)
    assert why in hits[0].why
    assert result.leftovers == ()
    assert other(result, "microsoft-defender").active is True


def test_windows_server_with_kes_and_no_security_center() -> None:
    result = machine("windows-server-kes")
    kes = product(result, "kaspersky-endpoint-security-windows")
    assert kes.version == "12.6.0.438" and kes.active is True
    assert kes.definitions_age_days == 0 and kes.definitions_outdated is False
    assert other(result, "microsoft-defender").active is False
    assert result.notes == ("Windows Security Center is not available on Windows Server "
                            "(root\\SecurityCenter2 missing)",)
    assert result.protection.by == ("Kaspersky Endpoint Security for Windows",)
    assert result.leftovers == ()


def test_service_of_the_previous_version_is_a_leftover_not_part_of_the_product() -> None:
    result = machine("windows-old-avp-service")
    kis = product(result, "kaspersky-internet-security")
    assert kis.version == "21.3.10.391" and kis.active is True
    assert kis.data_paths == (r"C:\ProgramData\Kaspersky Lab\AVP21.3",)
    assert kis.definitions_age_days == 1
    assert not any("AVP21.2" in e for e in kis.evidence)
    assert leftovers(result) == {("service", "AVP21.2"),
                                 ("folder", r"C:\ProgramData\Kaspersky Lab\AVP21.2")}


def test_defender_switched_off_by_policy_leaves_the_machine_unprotected() -> None:
    result = machine("windows-defender-policy-off")
    defender = other(result, "microsoft-defender")
    assert defender.active is False
    assert any("DisableAntiSpyware" in n for n in defender.notes)
    assert not result.protected and result.protection.by == ()
    assert "not switched on" in result.protection.reason


# -- unseen Linux and macOS machines -----------------------------------------------------------


def test_kesl_from_rpm_on_rhel() -> None:
    result = machine("linux-rpm-kesl-rhel9")
    kesl = product(result, "kaspersky-endpoint-security-linux")
    assert kesl.version == "12.2.0-2412" and kesl.active is True
    assert "package: kesl 12.2.0-2412 (rpm)" in kesl.evidence
    assert kesl.data_paths == ("/var/opt/kaspersky/kesl",)
    assert result.leftovers == ()


def test_kaspersky_for_linux_home_edition_from_dpkg() -> None:
    result = machine("linux-dpkg-kfl")
    kfl = product(result, "kaspersky-for-linux")
    assert kfl.version == "2.0.0.1302" and kfl.active is True
    assert kfl.install_paths == ("/opt/kaspersky/kfl",)
    assert kfl.data_paths == ("/var/opt/kaspersky/kfl",)
    assert result.leftovers == ()


def test_clamav_protects_in_real_time_only_with_clamonacc() -> None:
    onaccess = machine("linux-clamav-onaccess")
    clam = other(onaccess, "clamav")
    assert clam.active is True and clam.realtime is True
    assert onaccess.protection.by == ("ClamAV",)
    ondemand = machine("linux-clamav-ondemand")
    assert other(ondemand, "clamav").realtime is False
    assert not ondemand.protected
    for result in (onaccess, ondemand):
        assert result.products == () and result.leftovers == () and result.ignored == ()


def test_macos_leftovers_without_the_app() -> None:
    result = machine("macos-leftovers-only")
    assert result.products == ()
    assert leftovers(result) == {
        ("folder", "/Library/Application Support/Kaspersky Lab"),
        ("launchd", "com.kaspersky.kav"),
        ("package", "com.kaspersky.kav.core"),
    }
    assert result.protection.by == ("XProtect (built into macOS)",)


def test_macos_with_unapproved_system_extension_is_still_found() -> None:
    result = machine("macos-sysext-not-approved")
    mac = product(result, "kaspersky-for-mac")
    assert mac.version == "26.0.0.150"
    assert result.protected  # XProtect is always on
    assert result.leftovers == ()


# -- detection problems these machines found (fixed: an unapproved macOS system extension
# protects nothing; Kaspersky Security for Windows Server has a signature) ------------------


def test_macos_unapproved_system_extension_is_not_real_time_protection() -> None:
    result = machine("macos-sysext-not-approved")
    assert not any("Kaspersky" in name for name in result.protection.by)


def test_kaspersky_security_for_windows_server_is_a_kaspersky_product() -> None:
    result = machine("windows-server-ksws")
    assert result.kaspersky_found
    assert any("Windows Server" in p.name for p in result.products)
    own = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Security for Windows Server"
    assert ("folder", own) not in leftovers(result)


def test_cli_exit_code_on_a_server_running_ksws() -> None:
    done = run_cli("detect", "--snapshot", str(MACHINES / "windows-server-ksws.json"),
                   "--exit-code")
    assert done.returncode == 10, done.stderr


# -- what the blind machines caught ------------------------------------------------------------


def test_a_running_product_is_found_even_when_its_entry_points_elsewhere() -> None:
    """Its Apps & Features entry names an uninstaller outside its folder: the entry is not
    trusted, but avp.exe running from the product's own Program Files folder is."""
    result = machine("blind-win10-kis-entry-points-outside-its-folder")
    kis = product(result, "kaspersky-internet-security")
    assert kis.active and kis.definitions_age_days == 782
    assert kis.uninstall_entries == ()
    assert "Users\\Public\\x.exe" in ignored_text(result)
    plan = plan_uninstall(load_snapshot(
        MACHINES / "blind-win10-kis-entry-points-outside-its-folder.json"), result)
    step = next(s for s in plan.steps if s.product_id == "kaspersky-internet-security")
    assert step.kind == "manual" and step.program is None and "kavremover" in step.description


def test_a_kernel_driver_listed_among_services_is_a_driver_leftover() -> None:
    result = machine("blind-win10-partial-removal")
    assert ("driver", "klif") in leftovers(result)
    assert ("file", "C:\\Windows\\System32\\drivers\\klif.sys") in leftovers(result)


@pytest.mark.parametrize(("name", "state", "says"), [
    ("blind-win7-x86-kav2019", "none", "Windows 7 and older have no built-in anti-virus"),
    ("blind-debian-clamav-only", "none", "ClamAV scans only when asked"),
    ("blind-win11-vpn-only", "defender", "Microsoft Defender is on and will keep"),
])
def test_what_protects_the_machine_afterwards_is_told_truly(name: str, state: str,
                                                            says: str) -> None:
    after = protection_after(load_snapshot(MACHINES / f"{name}.json"), machine(name))
    assert after.state == state and says in after.text


@pytest.mark.parametrize("name", ["blind-ubuntu-kesl-dpkg", "blind-mac-kis",
                                  "blind-winserver2019-kes-netagent"])
def test_protected_with_definitions_of_unknown_age_says_so(name: str) -> None:
    result = machine(name)
    assert result.protected
    assert "The age of the virus definitions of" in result.protection.reason
    assert "could not be read here" in result.protection.reason


def test_the_edition_windows_security_center_names_is_used() -> None:
    """The 2023+ line's Apps & Features entry says only "Kaspersky"; Security Center says
    "Kaspersky Standard", and Standard has no Backup and Restore to ask the user about."""
    kaspersky = product(machine("blind-win11-kaspersky-standard"),
                        "kaspersky-standard-plus-premium")
    assert kaspersky.name == "Kaspersky Standard" and kaspersky.edition == "Standard"
    assert "backup" not in kaspersky.components
    plan = plan_backup(machine("blind-win11-kaspersky-standard"))
    assert not plan.of_kind("backup-tasks")


def test_a_kaspersky_named_service_running_from_temp_is_an_impostor_not_a_leftover() -> None:
    result = machine("blind-win10-kaspersky-named-service-in-temp")
    assert not result.leftovers
    assert "it runs C:\\Users\\bob\\AppData\\Local\\Temp\\avp.exe" in ignored_text(result)


def test_windows_7_is_not_offered_defender_as_its_anti_virus() -> None:
    from datetime import date

    from core.catalog.recommend import Request, recommend
    from core.catalog.store import load_catalog
    from core.catalog.trust import load_trusted_keys

    snap = load_snapshot(MACHINES / "blind-win7-x86-kav2019.json")
    catalog = load_catalog(load_trusted_keys(), date(2026, 11, 24)).catalog
    result = recommend(catalog, Request(("windows",), windows_version=snap.os.version),
                       date(2026, 11, 24), machine("blind-win7-x86-kav2019"))
    assert "microsoft-defender" not in [r.id for r in result.recommendations]
    assert any("Windows 7" in why for name, why in result.excluded if "Defender" in name)
    assert any("system requirements" in note for note in result.notes)
    defender = other(machine("blind-win7-x86-kav2019"), "microsoft-defender")
    assert defender.name == "Windows Defender (anti-spyware only)" and not defender.realtime
