"""The real Linux probe, pointed at a folder laid out like a machine, and at this machine."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from core.detect.detection import detect
from core.machine.probes import probe_machine
from core.machine.snapshot import snapshot_to_json
from core.machine.snapshot_read import snapshot_from_json

DPKG_STATUS = """\
Package: bash
Status: install ok installed
Priority: required
Version: 5.2.15-2+b7
Description: GNU Bourne Again SHell

Package: kesl
Status: install ok installed
Priority: optional
Section: non-free/utils
Installed-Size: 1043221
Maintainer: AO Kaspersky Lab <support@kaspersky.com>
Architecture: amd64
Version: 12.1.0-1297
Description: Kaspersky Endpoint Security for Linux
 Protects Linux computers.

Package: kesl-gui
Status: deinstall ok config-files
Version: 12.1.0-1297
Description: KESL graphical interface (removed, configuration kept)

Package: clamav
Status: install ok installed
Version: 1.0.7+dfsg-1~deb12u1
"""

KESL_UNIT = """\
[Unit]
Description=Kaspersky Endpoint Security for Linux
After=network.target

[Service]
Type=forking
ExecStart=/opt/kaspersky/kesl/libexec/kesl_launcher.sh
Restart=on-failure

[Install]
WantedBy=multi-user.target
"""


def _write(root: Path, rel: str, text: str = "") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def kesl_machine(tmp_path: Path) -> Path:
    root = tmp_path / "machine"
    _write(root, "etc/os-release", 'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nVERSION_ID="22.04"\n')
    _write(root, "var/lib/dpkg/status", DPKG_STATUS)
    _write(root, "lib/systemd/system/kesl.service", KESL_UNIT)
    _write(root, "lib/systemd/system/ssh.service", "[Service]\nExecStart=/usr/sbin/sshd\n")
    _write(root, "opt/kaspersky/kesl/bin/kesl-control", "#!/bin/sh\n")
    (root / "var/opt/kaspersky/kesl").mkdir(parents=True)
    (root / "etc/opt/kaspersky").mkdir(parents=True)
    ext = root / "home/alice/.config/google-chrome/Default/Extensions"
    (ext / "ddoleachckhhdmhpbkddgechjfhnphpe/4.0_0").mkdir(parents=True)
    (ext / "aapbdbdomjkkjkaonfhkkikfgjllcleb/2.0_0").mkdir(parents=True)  # not Kaspersky's
    return root


def test_probe_reads_dpkg_units_folders_and_extensions(kesl_machine: Path) -> None:
    snap = probe_machine(root=str(kesl_machine), platform="linux")
    assert snap.os.name == "Ubuntu 22.04.4 LTS"
    names = {p.name: p.version for p in snap.packages}
    assert names == {"kesl": "12.1.0-1297", "clamav": "1.0.7+dfsg-1~deb12u1"}, \
        "only installed packages the signatures ask about (kesl-gui is config-files only)"
    assert [s.name for s in snap.services] == ["kesl.service"]
    paths = {f.path for f in snap.files}
    assert {"/opt/kaspersky/kesl", "/var/opt/kaspersky/kesl", "/etc/opt/kaspersky"} <= paths
    assert not any("ssh" in p or "bash" in p for p in paths)
    assert [(e.browser, e.profile, e.id) for e in snap.extensions] == [
        ("chrome", "Default", "ddoleachckhhdmhpbkddgechjfhnphpe")]
    # What the probe wrote is a valid snapshot that detection understands.
    result = detect(snapshot_from_json(snapshot_to_json(snap)))
    assert [p.id for p in result.products] == ["kaspersky-endpoint-security-linux"]
    assert result.products[0].version == "12.1.0-1297"


def test_probe_finds_a_kaspersky_root_in_the_ca_store(kesl_machine: Path, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    pem = tmp_path / "kaspersky.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-keyout", str(tmp_path / "key.pem"), "-out", str(pem), "-subj",
                    "/O=AO Kaspersky Lab/CN=Kaspersky Anti-Virus Personal Root Certificate"],
                   check=True, capture_output=True)
    other = tmp_path / "other.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-keyout", str(tmp_path / "key2.pem"), "-out", str(other), "-subj",
                    "/CN=Some Corporate Root"], check=True, capture_output=True)
    bundle = kesl_machine / "etc/ssl/certs/ca-certificates.crt"
    bundle.parent.mkdir(parents=True)
    bundle.write_bytes(other.read_bytes() + pem.read_bytes())
    snap = probe_machine(root=str(kesl_machine), platform="linux")
    assert [(c.store, c.subject) for c in snap.certificates] == [
        ("linux:ca-certificates", "Kaspersky Anti-Virus Personal Root Certificate")]
    assert len(snap.certificates[0].sha256 or "") == 64


def test_probe_reads_a_real_rpm_database(tmp_path: Path) -> None:
    """A RHEL-like root with a real rpm database holding a real (empty) kesl package."""
    if not (shutil.which("rpm") and shutil.which("rpmbuild")):
        pytest.skip("rpm and rpmbuild are not installed (apt-get install rpm)")
    spec = tmp_path / "kesl.spec"
    spec.write_text("Name: kesl\nVersion: 12.1.0\nRelease: 1297\nSummary: test stand-in\n"
                    "License: none\nBuildArch: noarch\n%description\nstand-in\n%files\n")
    subprocess.run(["rpmbuild", "-bb", "--define", f"_topdir {tmp_path / 'top'}",
                    "--define", f"_rpmdir {tmp_path / 'out'}", str(spec)],
                   check=True, capture_output=True)
    root = tmp_path / "rhel"
    _write(root, "etc/os-release", 'PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"\n')
    (root / "opt/kaspersky/kesl").mkdir(parents=True)
    rpm = ["rpm", "--root", str(root), "--dbpath", "/var/lib/rpm"]
    subprocess.run([*rpm, "--initdb"], check=True, capture_output=True)
    package = next((tmp_path / "out").rglob("kesl-*.rpm"))
    subprocess.run([*rpm, "-i", "--nodeps", "--noscripts", str(package)], check=True,
                   capture_output=True)
    snap = probe_machine(root=str(root), platform="linux")
    assert [(p.manager, p.name, p.version) for p in snap.packages] == [
        ("rpm", "kesl", "12.1.0-1297")]
    assert [p.id for p in detect(snap).products] == ["kaspersky-endpoint-security-linux"]


def test_leftovers_after_kesl_was_removed(kesl_machine: Path) -> None:
    (kesl_machine / "var/lib/dpkg/status").write_text("Package: bash\nStatus: install ok "
                                                      "installed\nVersion: 5.2\n")
    shutil.rmtree(kesl_machine / "opt/kaspersky/kesl")
    result = detect(probe_machine(root=str(kesl_machine), platform="linux"))
    assert result.products == ()
    where = {lo.where for lo in result.leftovers}
    assert {"/var/opt/kaspersky/kesl", "/etc/opt/kaspersky"} <= where
    assert any(lo.kind == "service" and lo.what == "kesl.service" for lo in result.leftovers)


def test_probe_of_this_machine_is_a_valid_snapshot() -> None:
    snap = probe_machine()
    again = snapshot_from_json(snapshot_to_json(snap))
    assert again.platform in ("linux", "macos", "windows")
    assert again.taken_at.endswith("Z")
    detect(again)  # and detection runs on it without error
