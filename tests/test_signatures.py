"""Every signature is valid, sourced, and found on a machine built from its own anchors."""

from __future__ import annotations

import json
import re

import pytest

from core.detect.detection import detect
from core.errors import ResourceError
from core.machine.patterns import compile_pattern
from core.machine.signatures import (
    CONFIDENCE,
    SIGNATURE_FILES,
    TRACE_KINDS,
    ProductSignature,
    load_signatures,
    parse_signature_file,
    validate_patterns,
)
from core.machine.snapshot_read import snapshot_from_dict
from core.resources import load_json_resource

SIGS = load_signatures()

CONCRETE = {
    "windows": {"ProgramFiles": r"C:\Program Files (x86)", "ProgramData": r"C:\ProgramData",
                "SystemRoot": r"C:\Windows", "SystemDrive": "C:", "UserProfile": r"C:\Users\ann",
                "LocalAppData": r"C:\Users\ann\AppData\Local",
                "AppData": r"C:\Users\ann\AppData\Roaming", "WOW": "WOW6432Node\\"},
    "macos": {"Home": "/Users/ann"},
    "linux": {"Home": "/home/ann"},
}


def instance(pattern: str, platform: str) -> str:
    """A concrete string the pattern matches: what a real machine would show."""
    text = re.sub(r"\{ver\}", "21.3", pattern)
    text = re.sub(r"\{[A-Za-z]+:([^|}]+)[^}]*\}", r"\1", text)
    for name, value in CONCRETE[platform].items():
        text = text.replace("{" + name + "}", value)
    return text.replace("*", "Example")


def machine_for(sig: ProductSignature) -> dict:
    """A snapshot holding only this signature's anchors (and its publisher, on Windows)."""
    doc: dict = {"format": "switchover-snapshot", "version": 1, "platform": sig.platform,
                 "taken_at": "2026-11-20T10:00:00Z", "registry": {}, "files": [],
                 "services": [], "processes": [], "packages": [], "apps": [], "extensions": [],
                 "security_center": []}
    a = sig.anchors
    for i, name in enumerate(a.of("uninstall")[:1]):
        key = rf"HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\{{{i}}}"
        doc["registry"][key] = {"DisplayName": instance(name, sig.platform),
                                "DisplayVersion": "21.3.10.391",
                                "Publisher": sig.publishers[0] if sig.publishers else "Unknown"}
    for path in a.of("folders"):
        doc["files"].append({"path": instance(path, sig.platform), "kind": "dir"})
    manager = {"windows": "scm", "macos": "launchd", "linux": "systemd"}[sig.platform]
    for name in a.of("services"):
        doc["services"].append({"name": instance(name, sig.platform), "manager": "scm",
                                "status": "running"})
    for name in a.of("launchd"):
        doc["services"].append({"name": instance(name, sig.platform), "manager": manager})
    for name in a.of("processes"):
        doc["processes"].append({"pid": 100, "name": instance(name, sig.platform)})
    pkg_manager = {"windows": "msi", "macos": "pkgutil", "linux": "dpkg"}[sig.platform]
    for name in a.of("packages"):
        doc["packages"].append({"manager": pkg_manager, "name": instance(name, sig.platform),
                                "version": "12.1.0-1297"})
    for name in a.of("system_extensions"):
        doc["extensions"].append({"kind": "systemextension", "id": instance(name, sig.platform)})
    for name in a.of("security_center"):
        doc["security_center"].append({"name": instance(name, sig.platform), "kind": "antivirus",
                                       "product_state": 266240})
    for app in sig.apps:
        doc["apps"].append({"path": instance(app.path, "macos"),
                            "bundle_id": instance(app.bundle_id, "macos"), "version": "21.0"})
    return doc


@pytest.mark.parametrize("sig", SIGS.products, ids=lambda s: f"{s.platform}:{s.id}")
def test_every_signature_finds_its_product(sig: ProductSignature) -> None:
    result = detect(snapshot_from_dict(machine_for(sig)))
    found = {p.id for p in result.products} | {o.id for o in result.others}
    assert sig.id in found, f"{sig.id} not detected from its own anchors"
    if sig.kaspersky:
        assert sig.id in {p.id for p in result.products}
    else:
        assert result.products == (), "a non-Kaspersky product is never reported as Kaspersky"


@pytest.mark.parametrize("sig", SIGS.products, ids=lambda s: f"{s.platform}:{s.id}")
def test_every_signature_is_sourced_and_compiles(sig: ProductSignature) -> None:
    assert sig.sources and all(s.confidence in CONFIDENCE for s in sig.sources)
    assert sig.confidence in CONFIDENCE
    for traces in (sig.anchors, sig.traces):
        for kind, patterns in traces.patterns.items():
            for pattern in patterns:
                compile_pattern(pattern, sig.platform, TRACE_KINDS[kind])


def test_all_bundled_patterns_compile() -> None:
    validate_patterns(SIGS)


def test_every_leftover_is_sourced() -> None:
    assert SIGS.leftovers and all(lo.sources for lo in SIGS.leftovers)


def test_signatures_carry_a_reviewed_date() -> None:
    for name in SIGNATURE_FILES:
        reviewed = load_json_resource("signatures", name)["reviewed"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed)


def test_kaspersky_publishers_are_exactly_the_sourced_ones() -> None:
    doc = load_json_resource("signatures", "kaspersky.json")
    # The Russian ones ("Kaspersky Lab", "AO Kaspersky Lab") are what Russian builds write
    # (public admin scripts, tests/machines/heldout/win-ru-ksc-console-agent.json).
    assert doc["publishers"]["kaspersky"] == ["Kaspersky", "Kaspersky Lab", "AO Kaspersky Lab",
                                              "Лаборатория Касперского",
                                              "АО Лаборатория Касперского"]


@pytest.mark.parametrize(("edit", "phrase"), [
    (lambda d: d["products"][0].update(platfrom="windows"), "platfrom"),
    (lambda d: d["products"][0].update(sources=[]), "sources"),
    (lambda d: d["products"][0]["anchors"].update(uninstall=["Kaspersky {nope}"]), "nope"),
    (lambda d: d["products"][0].update(confidence="PROBABLY"), "confidence"),
    (lambda d: d["products"][0].update(id="Kaspersky AV"), "id"),
])
def test_a_bad_signature_edit_fails_loudly(edit, phrase: str) -> None:
    doc = json.loads(json.dumps(load_json_resource("signatures", "kaspersky.json")))
    edit(doc)
    with pytest.raises(ResourceError) as info:
        parse_signature_file("kaspersky.json", doc, check_patterns=True)
    assert phrase in str(info.value)
