"""Rules of detection that protect users from wrong advice, each on a small machine."""

from __future__ import annotations

from core.detect.detection import detect
from core.machine.snapshot_read import snapshot_from_dict

UNINSTALL = r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall"


def _windows(registry: dict, files: list | None = None) -> dict:
    return {"format": "switchover-snapshot", "version": 1, "platform": "windows",
            "taken_at": "2026-11-20T10:00:00Z", "registry": registry, "files": files or []}


def test_an_unnamed_kaspersky_product_is_still_kaspersky_and_its_folder_no_leftover() -> None:
    folder = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Secure Mail Gateway 2"
    snap = snapshot_from_dict(_windows(
        {UNINSTALL + r"\{C0FFEE00-0000-4000-8000-000000000001}": {
            "DisplayName": "Kaspersky Secure Mail Gateway 2",
            "DisplayVersion": "2.0.1.6960", "Publisher": "AO Kaspersky Lab",
            "InstallLocation": folder + "\\"}},
        [{"path": r"C:\Program Files (x86)\Kaspersky Lab", "kind": "dir"},
         {"path": folder, "kind": "dir"}]))
    result = detect(snap)
    assert [(p.id, p.name) for p in result.products] == [
        ("kaspersky-unrecognised-windows", "Kaspersky Secure Mail Gateway 2")]
    assert result.leftovers == ()


def test_the_administration_console_is_a_kaspersky_product_to_remove_in_any_language() -> None:
    names = ["Kaspersky Security Center 14 Administration Console",
             "Console d'administration de Kaspersky Security Center",
             "Consola de administración de Kaspersky Security Center",
             "Консоль администрирования Kaspersky Security Center"]
    for name in names:
        key = UNINSTALL + r"\{C0FFEE00-0000-4000-8000-000000000001}"
        snap = snapshot_from_dict(_windows({key: {
            "DisplayName": name, "DisplayVersion": "14.0.0.10902",
            "Publisher": "AO Kaspersky Lab"}}))
        result = detect(snap)
        assert [(p.id, p.name) for p in result.products] == [
            ("kaspersky-security-center-console-windows", name)], name


def test_a_specific_signature_beats_the_catch_all() -> None:
    snap = snapshot_from_dict(_windows({UNINSTALL + r"\{X}": {
        "DisplayName": "Kaspersky", "DisplayVersion": "21.19.7.527", "Publisher": "Kaspersky"}}))
    assert [p.id for p in detect(snap).products] == ["kaspersky-standard-plus-premium"]


def test_an_old_versions_folder_is_a_leftover_not_a_look_alike() -> None:
    old = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.2"
    snap = snapshot_from_dict(_windows(
        {UNINSTALL + r"\{X}": {"DisplayName": "Kaspersky Total Security",
                               "DisplayVersion": "21.3.10.391", "Publisher": "Kaspersky"}},
        [{"path": old, "kind": "dir"}]))
    result = detect(snap)
    assert [p.id for p in result.products] == ["kaspersky-total-security"]
    assert [(lo.kind, lo.where) for lo in result.leftovers] == [("folder", old)]
    assert result.ignored == ()


def test_defender_with_real_time_monitoring_off_by_policy_does_not_protect() -> None:
    snap = snapshot_from_dict(dict(_windows({
        r"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Real-Time Protection":
            {"DisableRealtimeMonitoring": 1}}),
        services=[{"name": "WinDefend", "manager": "scm", "status": "running"}],
        notes=["Windows Security Center is not available (root\\SecurityCenter2: Invalid "
               "namespace); is this Windows Server?"]))
    result = detect(snap)
    defender = next(o for o in result.others if o.id == "microsoft-defender")
    assert defender.active is False and "DisableRealtimeMonitoring" in defender.notes[0]
    assert not result.protected


def test_an_install_folder_does_not_claim_a_sibling_with_a_longer_name() -> None:
    base = r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.3"
    snap = snapshot_from_dict(_windows(
        {UNINSTALL + r"\{X}": {"DisplayName": "Kaspersky Total Security",
                               "DisplayVersion": "21.3.10.391", "Publisher": "Kaspersky",
                               "InstallLocation": base + "\\"}},
        [{"path": base, "kind": "dir"}, {"path": base + "0 copy", "kind": "dir"}]))
    assert [lo.where for lo in detect(snap).leftovers] == [base + "0 copy"]
