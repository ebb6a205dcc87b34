"""The Linux bundle and the installer scripts, built for real from this checkout.

Slow (about a minute and a half): PyInstaller, dpkg-deb and makensis run here. The Windows
setup.exe built here wraps the Linux bundle as a stand-in and is named TEST-ONLY: it proves
the script compiles (and installs under Wine where Wine exists), never a release.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from backup_helpers import tool as _need
from conftest import ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle")]
DIST = ROOT / "build" / "dist"


@pytest.fixture(scope="module")
def built() -> Path:
    pytest.importorskip("PyInstaller")
    _need("dpkg-deb")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "self-test wizard: ok" in done.stdout
    return DIST


def test_the_bundle_self_tests_offscreen(built: Path) -> None:
    done = subprocess.run([str(built / "Switchover" / "switchover-cli"), "--self-test"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "catalog v1 signed" in done.stdout and "modules: ok" in done.stdout


def test_the_bundle_opens_the_wizard_in_a_real_window_under_xvfb(built: Path) -> None:
    xvfb = _need("xvfb-run")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run([xvfb, "-a", str(built / "Switchover" / "Switchover"), "--self-test"],
                          capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "scanned a demo machine (xcb)" in done.stdout


def test_the_command_line_works_from_the_bundle(built: Path) -> None:
    done = subprocess.run([str(built / "Switchover" / "switchover-cli"), "detect", "--demo",
                           "linux-kesl", "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and '"platform": "linux"' in done.stdout


def test_tarball_and_deb_carry_the_app_its_desktop_entry_and_metadata(built: Path) -> None:
    tarball = next(built.glob("Switchover-*-linux-x86_64.tar.gz"))
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
    assert any(n.endswith("/switchover-cli") for n in names)
    assert any(n.endswith("/resources/catalog/catalog.json.sig") for n in names)
    deb = next(built.glob("switchover_*_amd64.deb"))
    contents = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True,
                              text=True, check=True).stdout
    for wanted in ("usr/share/applications/org.switchover.Switchover.desktop",
                   "usr/share/metainfo/org.switchover.Switchover.metainfo.xml",
                   "usr/bin/switchover -> /opt/switchover/switchover-cli",
                   "hicolor/256x256/apps/org.switchover.Switchover.png"):
        assert wanted in contents
    info = subprocess.run(["dpkg-deb", "-I", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: switchover" in info and "Depends: libc6" in info


def test_the_nsis_script_compiles_with_a_labelled_stand_in(built: Path) -> None:
    _need("makensis")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"),
                           "--nsis-check"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    setup = next(built.glob("TEST-ONLY-not-a-release-*-setup.exe"))
    assert setup.read_bytes()[:2] == b"MZ"
    assert not list(built.glob("Switchover-*-setup.exe")), "nothing here is called a release"


def test_the_installer_installs_and_uninstalls_under_wine(built: Path, tmp_path: Path) -> None:
    wine = shutil.which("wine")
    if wine is None:
        pytest.skip("Wine is not installed here (it is a 700 MB install; see packaging/README)")
    setup = next(built.glob("TEST-ONLY-not-a-release-*-setup.exe"))
    env = {**os.environ, "WINEPREFIX": str(tmp_path / "wine"), "WINEDEBUG": "-all"}
    subprocess.run(["xvfb-run", "-a", wine, str(setup), "/S", "/AllUsers"], env=env,
                   timeout=600, check=True)
    subprocess.run(["wineserver", "-w"], env=env, timeout=300)
    installed = tmp_path / "wine" / "drive_c" / "Program Files" / "Switchover"
    assert (installed / "Uninstall.exe").is_file()
    subprocess.run(["xvfb-run", "-a", wine, str(installed / "Uninstall.exe"), "/S",
                    "/AllUsers"], env=env, timeout=600, check=True)
    subprocess.run(["wineserver", "-w"], env=env, timeout=300)
    assert not (installed / "Uninstall.exe").exists()
