"""Each rule of detection on a machine that shows it (issue 13).

Most machines are the held-out ones in tests/machines/heldout/, written from public
footprints by testers who never saw the detector; the rest are small machines written
here to hold one rule still (localised names, a bare service). Each test asserts what a
user sees: which products `detect` reports, their versions and where a version came from,
what is a leftover, and what `uninstall --dry-run` would run.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from core.detect.detection import DetectionResult, detect
from core.detect.findings import DetectedProduct
from core.machine.snapshot_read import load_snapshot, snapshot_from_dict
from core.uninstall.plan import plan_uninstall
from tests.conftest import run_cli

HELDOUT = Path(__file__).resolve().parent / "machines" / "heldout"
UNINSTALL = r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall"


@cache
def held(name: str) -> DetectionResult:
    return detect(load_snapshot(HELDOUT / f"{name}.json"))


def one(result: DetectionResult, product_id: str) -> DetectedProduct:
    found = [p for p in result.products if p.id == product_id]
    assert len(found) == 1, [p.id for p in result.products]
    return found[0]


def windows(**parts: object) -> DetectionResult:
    doc = {"format": "switchover-snapshot", "version": 1, "platform": "windows",
           "taken_at": "2026-11-20T10:00:00Z", **parts}
    return detect(snapshot_from_dict(doc))


def removal(result: DetectionResult, name: str, product_id: str) -> tuple[str, ...]:
    plan = plan_uninstall(load_snapshot(HELDOUT / f"{name}.json"), result)
    step = next(s for s in plan.steps if s.product_id == product_id)
    return step.argv


# -- package records are installs -----------------------------------------------------------


def test_kesl_installed_with_dpkg_is_found_with_no_folder_under_opt_and_removed_with_apt() -> None:
    result = held("linux-ubuntu-kesl-dpkg-no-opt")
    kesl = one(result, "kaspersky-endpoint-security-linux")
    assert kesl.version == "11.2.0-4528" and kesl.version_from == "the package record"
    assert "package database record" in kesl.anchors
    assert removal(result, "linux-ubuntu-kesl-dpkg-no-opt", kesl.id) == (
        "/usr/bin/apt-get", "remove", "-y", "kesl-gui", "kesl")


def test_kesl_installed_with_rpm_and_only_var_opt_listed_is_removed_with_dnf() -> None:
    result = held("b-linux-ol9-kesl-rpm-varopt")
    assert {p.id for p in result.products} == {"kaspersky-endpoint-security-linux",
                                               "kaspersky-network-agent-linux"}
    agent = one(result, "kaspersky-network-agent-linux")
    assert removal(result, "b-linux-ol9-kesl-rpm-varopt", agent.id) == (
        "/usr/bin/dnf", "remove", "-y", "klnagent64")


def test_a_purged_kesl_leaves_only_leftovers() -> None:
    result = held("b-linux-debian-kesl-removed-vi")
    assert result.products == () and result.leftovers


# -- a running service is an install; its name carries the version --------------------------


def test_running_services_alone_are_three_installed_products_with_their_versions() -> None:
    result = held("win-fr-services-only-k2124-vpn-kpm")
    versions = {p.id: p.version for p in result.products}
    assert versions == {"kaspersky-standard-plus-premium": "21.24",
                        "kaspersky-vpn-secure-connection": "5.25",
                        "kaspersky-password-manager": "25.1"}
    assert all(p.version_from and p.active for p in result.products)


def test_a_bare_running_service_is_an_install_and_a_stopped_one_is_a_leftover() -> None:
    running = windows(services=[{"name": "AVP21.24", "status": "running", "manager": "scm"}])
    product = one(running, "kaspersky-standard-plus-premium")
    assert product.version == "21.24" and product.version_from == "the service name"
    assert product.active is True and product.confidence == "low"
    assert running.leftovers == ()

    stopped = windows(services=[{"name": "AVP21.24", "status": "stopped", "manager": "scm"}])
    assert stopped.products == ()
    assert [(lo.kind, lo.what) for lo in stopped.leftovers] == [("service", "AVP21.24")]


def test_a_service_of_a_line_several_products_share_is_named_as_not_recognised() -> None:
    result = windows(services=[{"name": "AVP15.0.2", "status": "running", "manager": "scm"}])
    product = one(result, "kaspersky-unrecognised-windows")
    assert product.version == "15.0.2" and product.realtime and product.active
    assert result.protected  # a running AVP service scans; its age is said to be unknown


def test_the_program_a_service_runs_names_its_product_and_version() -> None:
    result = held("win-partial-ksos15-registry-denied")
    ksos = one(result, "kaspersky-small-office-security")
    assert ksos.version == "15.0.2" and ksos.active is True
    assert any("Small Office Security 15.0.2" in path for path in ksos.install_paths)


# -- names in any language are one anchor among several -------------------------------------


@pytest.mark.parametrize("name", [
    "Agent d'administration de Kaspersky Security Center",       # French
    "Kaspersky Security Center 14 Network Agent",                 # German builds keep it
    "Agente de red de Kaspersky Security Center",                 # Spanish
    "Agente di rete di Kaspersky Security Center",                # Italian
    "Agente de Rede do Kaspersky Security Center",                # Portuguese
    "Агент администрирования Kaspersky Security Center",          # Russian
])
def test_the_network_agent_is_found_by_its_name_in_six_languages(name: str) -> None:
    result = windows(registry={UNINSTALL + r"\{C0FFEE00-0000-4000-8000-000000000002}": {
        "DisplayName": name, "DisplayVersion": "14.0.0.10902", "Publisher": "AO Kaspersky Lab"}})
    assert [p.id for p in result.products] == ["kaspersky-network-agent-windows"]


def test_an_entry_whose_name_says_nothing_is_known_by_its_product_code() -> None:
    code = "{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}"
    result = windows(registry={UNINSTALL + "\\" + code: {
        "DisplayName": "Агент (сборка 14)", "Publisher": "Лаборатория Касперского",
        "UninstallString": f"MsiExec.exe /X{code}", "WindowsInstaller": 1}})
    assert [p.id for p in result.products] == ["kaspersky-network-agent-windows"]


def test_an_entry_whose_name_says_nothing_is_known_by_its_install_folder() -> None:
    folder = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Endpoint Security for Windows"
    result = windows(registry={UNINSTALL + r"\{C0FFEE00-0000-4000-8000-000000000003}": {
        "DisplayName": "Protección de endpoints", "Publisher": "Kaspersky",
        "DisplayVersion": "12.6.0.438", "InstallLocation": folder + "\\"}})
    assert [(p.id, p.version) for p in result.products] == [
        ("kaspersky-endpoint-security-windows", "12.6.0.438")]


def test_french_console_and_agent_are_planned_for_removal_by_their_product_codes() -> None:
    result = held("win-fr-ksc-admin-kes11")
    assert {p.id for p in result.products} == {
        "kaspersky-endpoint-security-windows", "kaspersky-network-agent-windows",
        "kaspersky-security-center-console-windows"}
    argv = removal(result, "win-fr-ksc-admin-kes11", "kaspersky-network-agent-windows")
    assert argv[1:3] == ("/x", "{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}")
    console = one(result, "kaspersky-security-center-console-windows")
    assert console.name == "Console d'administration de Kaspersky Security Center"


def test_german_and_spanish_names_of_endpoint_security_and_server_protection() -> None:
    assert one(held("b-windows-kes12-de-ch"), "kaspersky-endpoint-security-windows"
               ).version.startswith("12.6")
    assert one(held("b-windows-ksws-server-de"), "kaspersky-security-windows-server"
               ).version.startswith("10.1")
    assert one(held("win-de-kes10-fuer-windows"), "kaspersky-endpoint-security-windows"
               ).version.startswith("10")


# -- one product once -------------------------------------------------------------------------


def test_a_stale_entry_left_by_an_upgrade_is_a_leftover_not_a_second_product() -> None:
    result = held("win-es-kes12-stale-kes11")
    kes = one(result, "kaspersky-endpoint-security-windows")
    assert kes.version.startswith("12.12")
    stale = [lo for lo in result.leftovers if lo.kind == "uninstall-entry"]
    assert len(stale) == 1 and "11.24" in stale[0].what
    text = run_cli("detect", "--snapshot", str(HELDOUT / "win-es-kes12-stale-kes11.json")).stdout
    assert text.count("Kaspersky Endpoint Security") >= 1 and "left by an upgrade" in text


def test_a_vpn_service_with_a_number_of_its_own_joins_the_vpn_its_entry_names() -> None:
    result = held("win-kaspersky-2126-vpn-kltap")
    assert [p.id for p in result.products].count("kaspersky-vpn-secure-connection") == 1


# -- macOS without an app bundle --------------------------------------------------------------


def test_a_mac_with_receipts_and_running_programs_is_endpoint_security_with_its_agent() -> None:
    result = held("mac-kesmac-receipts-only-netagent")
    kes = one(result, "kaspersky-endpoint-security-mac")
    assert kes.version == "12.1.0.553" and kes.active is True
    assert one(result, "kaspersky-network-agent-mac").active is True
    argv = removal(result, "mac-kesmac-receipts-only-netagent", "kaspersky-network-agent-mac")
    assert argv[0] == "/usr/bin/osascript" and "klnagent/Binaries/UninstallScript" in argv[2]


def test_receipts_left_after_the_app_went_to_the_trash_are_leftovers() -> None:
    result = held("b-macos-stale-receipts-au")
    assert result.products == ()
    assert {lo.kind for lo in result.leftovers} >= {"package"}
    assert result.protected  # XProtect is part of every macOS


# -- drivers, other products, confidence, partial snapshots -----------------------------------


def test_the_vpns_driver_is_not_a_leftover_while_the_vpn_runs() -> None:
    result = held("win-kaspersky-2126-vpn-kltap")
    assert not any(lo.what == "kltap" or "kltap" in lo.where for lo in result.leftovers)


def test_every_security_center_product_is_reported_and_comodo_by_its_service() -> None:
    result = held("win-us-comodo-ultravpn-after-migration")
    found = {o.id: o for o in result.others}
    assert found["comodo"].active is True
    assert "ultravpn" in found  # its entry names no publisher
    assert found["ultraav"].active is False  # productState 262144: off


def test_three_independent_anchors_are_high_confidence_and_named() -> None:
    kts = one(held("win-kts-three-anchors"), "kaspersky-total-security")
    assert kts.confidence == "high"
    assert kts.anchors == ("Apps & Features entry published by Kaspersky",
                           "Windows Security Center registration",
                           "running service or program")
    out = json.loads(run_cli("detect", "--json", "--snapshot",
                             str(HELDOUT / "win-kts-three-anchors.json")).stdout)
    assert out["products"][0]["confidence"] == "high"


def test_a_partial_snapshot_gives_its_best_answer_and_says_what_it_could_not_see() -> None:
    done = run_cli("detect", "--snapshot",
                   str(HELDOUT / "win-partial-ksos15-registry-denied.json"))
    assert done.returncode == 0
    assert "Kaspersky Small Office Security" in done.stdout
    assert "What the scan could not read:" in done.stdout


@pytest.mark.parametrize("name", ["win-lookalikes-kvrt-kavremover-krd",
                                  "mac-kaspersky-lookalikes-es",
                                  "linux-debian-kvrt-krd-clamav-es"])
def test_removal_and_rescue_tools_are_never_installed_products(name: str) -> None:
    assert held(name).products == ()


def test_any_kaspersky_package_is_an_installed_product_even_with_a_name_not_known() -> None:
    doc = {"format": "switchover-snapshot", "version": 1, "platform": "linux",
           "taken_at": "2026-11-20T10:00:00Z",
           "packages": [{"manager": "dpkg", "name": "kaspersky-scan-engine", "version": "2.1"}]}
    result = detect(snapshot_from_dict(doc))
    assert [(p.id, p.version) for p in result.products] == [
        ("kaspersky-unrecognised-linux", "2.1")]


def test_a_russian_publisher_in_quotes_is_kasperskys() -> None:
    result = windows(registry={UNINSTALL + r"\{C0FFEE00-0000-4000-8000-000000000004}": {
        "DisplayName": "Агент администрирования Kaspersky Security Center",
        "Publisher": 'АО "Лаборатория Касперского"', "DisplayVersion": "14.2.0.26967"}})
    agent = one(result, "kaspersky-network-agent-windows")
    assert agent.anchors == ("Apps & Features entry published by Kaspersky",)


# -- found in a second review (each was wrong before it was fixed) ----------------------------


def _machine(platform: str, **parts: object) -> DetectionResult:
    return detect(snapshot_from_dict({"format": "switchover-snapshot", "version": 1,
                                      "platform": platform,
                                      "taken_at": "2026-11-20T10:00:00Z", **parts}))


@pytest.mark.parametrize(("platform", "parts"), [
    ("linux", {"services": [{"name": "kesl-supervisor.service", "status": "running",
                             "manager": "systemd", "binary": "/home/bob/kesl-supervisor"}]}),
    ("linux", {"processes": [{"pid": 7, "name": "kesl", "exe": "/tmp/x/kesl"}]}),
    ("macos", {"processes": [{"pid": 7, "name": "kav", "exe": "/Users/bob/Downloads/kav"}]}),
    ("macos", {"processes": [{"pid": 7, "name": "kav",
                              "exe": "/Volumes/Kaspersky/kav_installer/kav"}]}),
])
def test_a_kaspersky_named_program_in_a_home_temp_or_mounted_folder_is_no_install(
        platform: str, parts: dict[str, object]) -> None:
    result = _machine(platform, **parts)
    assert result.products == ()
    if platform == "linux":
        assert not result.protected


def test_a_stopped_service_and_a_stale_registration_are_leftovers_not_an_install() -> None:
    result = windows(
        services=[{"name": "AVP21.3", "status": "stopped", "manager": "scm",
                   "binary": r'"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security '
                             r'21.3\avp.exe" -r'}],
        security_center=[{"name": "Kaspersky Total Security", "kind": "antivirus",
                          "product_state": 262144}])
    assert result.products == ()
    assert {lo.kind for lo in result.leftovers} == {"service", "security-center"}


def test_a_version_with_a_character_that_is_no_digit_is_shown_not_a_crash() -> None:
    result = windows(registry={UNINSTALL + r"\{X}": {
        "DisplayName": "Kaspersky Total Security", "DisplayVersion": "21.3.10.39²",
        "Publisher": "Kaspersky"}, UNINSTALL + r"\{Y}": {
        "DisplayName": "Kaspersky Total Security", "DisplayVersion": "21.2",
        "Publisher": "Kaspersky"}})
    assert [p.version for p in result.products] == ["21.3.10.39²"]


def test_another_products_registration_and_program_are_never_a_stale_entrys_evidence() -> None:
    folder = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky 21.19"
    result = windows(
        registry={UNINSTALL + r"\{A}": {"DisplayName": "Kaspersky Total Security",
                                        "DisplayVersion": "21.3.10.391", "Publisher": "Kaspersky"},
                  UNINSTALL + r"\{B}": {"DisplayName": "Kaspersky Plus",
                                        "DisplayVersion": "21.19.7.527", "Publisher": "Kaspersky",
                                        "UninstallString": f'"{folder}\\avp.exe" /uninstall',
                                        "InstallLocation": folder + "\\"}},
        services=[{"name": "AVP21.19", "status": "running", "manager": "scm",
                   "binary": f'"{folder}\\avp.exe" -r'}],
        processes=[{"pid": 100, "name": "avp.exe"}],
        security_center=[{"name": "Kaspersky Plus", "kind": "antivirus",
                          "product_state": 266240}])
    kts = one(result, "kaspersky-total-security")
    assert kts.active is not True and kts.anchors == (
        "Apps & Features entry published by Kaspersky",)
    assert result.protection.by == ("Kaspersky Plus",)


def test_a_program_with_no_path_never_makes_an_upgrades_leftover_the_product() -> None:
    result = windows(
        registry={UNINSTALL + r"\{A}": {"DisplayName": "Kaspersky Total Security",
                                        "DisplayVersion": "21.2.16.590", "Publisher": "Kaspersky"},
                  UNINSTALL + r"\{B}": {"DisplayName": "Kaspersky Total Security",
                                        "DisplayVersion": "21.3.10.391", "Publisher": "Kaspersky",
                                        "UninstallString": "MsiExec.exe /X{0A1B2C3D-1111-4111-"
                                                           "8111-111111111111}"}},
        processes=[{"pid": 100, "name": "avp.exe"}])
    assert [p.version for p in result.products] == ["21.3.10.391"]
    assert [lo.kind for lo in result.leftovers] == ["uninstall-entry"]


def test_a_folder_name_gives_the_version_before_a_service_with_a_number_of_its_own() -> None:
    folder = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky VPN 5.21"
    result = windows(
        registry={UNINSTALL + r"\{V}": {"DisplayName": "Kaspersky VPN Secure Connection",
                                        "Publisher": "Kaspersky", "InstallLocation": folder}},
        files=[{"path": folder, "kind": "dir"}],
        services=[{"name": "KSDE1.0.0", "status": "running", "manager": "scm",
                   "binary": f'"{folder}\\ksde.exe" -r'}])
    vpn = one(result, "kaspersky-vpn-secure-connection")
    assert (vpn.version, vpn.version_from) == ("5.21", "the install folder's name")


def test_an_entry_and_its_own_folder_are_one_witness() -> None:
    folder = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.3"
    result = windows(
        registry={UNINSTALL + r"\{A}": {"DisplayName": "Kaspersky Total Security",
                                        "DisplayVersion": "21.3.10.391", "Publisher": "Kaspersky",
                                        "InstallLocation": folder}},
        files=[{"path": folder, "kind": "dir"}])
    assert one(result, "kaspersky-total-security").confidence == "low"
