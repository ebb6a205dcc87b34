"""The Linux bundle and the installer scripts, built for real from this checkout.

Slow (about a minute and a half): PyInstaller, dpkg-deb and makensis run here. The Windows
setup.exe built here wraps the Linux bundle as a stand-in and is named TEST-ONLY: it proves
the script compiles (and installs under Wine where Wine exists), never a release.
"""

from __future__ import annotations

import json
import os
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
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\Switchover"


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
    version = json.loads((ROOT / "resources" / "catalog" / "catalog.json").read_text())["version"]
    assert f"catalog v{version} signed" in done.stdout and "modules: ok" in done.stdout


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


def test_the_bundle_encrypts_a_password_export_that_7zip_opens(built: Path,
                                                               tmp_path: Path) -> None:
    """The frozen app has no cffi: PyCryptodome's AES must work through ctypes there."""
    seven = _need("7z")
    export = tmp_path / "kpm-export.txt"
    export.write_text("Websites\n\nWebsite name: example\nWebsite URL: https://example.com\n"
                      "Login name: ann\nLogin: ann@example.com\nPassword: s3cret!\n"
                      "Comment: \n\n---\n")
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run([str(built / "Switchover" / "switchover-cli"), "backup", "--demo",
                           "windows-total-security", "--to", str(out), "--password-export",
                           str(export)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SWITCHOVER_PASSPHRASE": "correct horse"})
    assert done.returncode == 0, done.stdout + done.stderr
    archive = next(out.glob("switchover-backup-*.zip"))
    subprocess.run([seven, "x", "-y", f"-o{tmp_path / 'x'}", str(archive)], check=True,
                   capture_output=True)
    inner = tmp_path / "x" / "secrets" / "passwords-encrypted.7z"
    listing = subprocess.run([seven, "l", "-slt", "-pcorrect horse", str(inner)],
                             capture_output=True, text=True, check=True).stdout
    assert "7zAES:19" in listing
    subprocess.run([seven, "x", "-y", "-pcorrect horse", f"-o{tmp_path / 'open'}", str(inner)],
                   check=True, capture_output=True)
    assert "Password: s3cret!" in (tmp_path / "open" / export.name).read_text()


def test_the_bundle_backs_up_photos_on_its_hashing_lanes_and_verifies_them(
        built: Path, tmp_path: Path) -> None:
    """Files over 1 MiB are hashed on helper threads: the frozen app must carry them out."""
    photos = tmp_path / "Pictures"
    photos.mkdir()
    for index in range(4):
        (photos / f"IMG_{index}.jpg").write_bytes(os.urandom(3 * 1024 * 1024 + index))
    (photos / "album.txt").write_text("Summer 2026\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    cli = str(built / "Switchover" / "switchover-cli")
    done = subprocess.run([cli, "backup", "--demo", "windows-clean-defender", "--to", str(out),
                           "--include", str(photos)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    archive = next(out.glob("switchover-backup-*.zip"))
    checked = subprocess.run([cli, "verify", str(archive)], capture_output=True, text=True,
                             timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert subprocess.run([_need("unzip"), "-tq", str(archive)],
                          capture_output=True).returncode == 0


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


def test_the_desktop_entry_and_appstream_metadata_validate(built: Path) -> None:
    """What software centres and menus read, checked by the freedesktop validators."""
    share = ROOT / "build" / "deb-root" / "usr" / "share"
    desktop = share / "applications" / "org.switchover.Switchover.desktop"
    done = subprocess.run([_need("desktop-file-validate"), str(desktop)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    metainfo = share / "metainfo" / "org.switchover.Switchover.metainfo.xml"
    done = subprocess.run([_need("appstreamcli"), "validate", "--no-net", str(metainfo)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def stand_in_setup(built: Path) -> Path:
    """The real installer script compiled around the Linux bundle, labelled TEST-ONLY."""
    _need("makensis")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"),
                           "--nsis-check"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return next(built.glob("TEST-ONLY-not-a-release-*-setup.exe"))


def test_the_nsis_script_compiles_with_a_labelled_stand_in(built: Path,
                                                           stand_in_setup: Path) -> None:
    assert stand_in_setup.read_bytes()[:2] == b"MZ"
    assert not list(built.glob("Switchover-*-setup.exe")), "nothing here is called a release"


def _wine(env: dict[str, str], *args: str | Path, expect: int = 0) -> None:
    """Runs a Windows program under Wine and waits for everything it started to end."""
    # The X server must outlive the program: an NSIS uninstaller re-launches itself from a
    # temporary copy and exits at once, so the waiting happens inside xvfb-run.
    done = subprocess.run(["xvfb-run", "-a", "sh", "-c", 'wine "$@"; rc=$?; wineserver -w; '
                           'exit $rc', "wine", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == expect, done.stdout + done.stderr


def _reg(env: dict[str, str], *args: str) -> str:
    return subprocess.run(["wine", "reg", *args], env=env, capture_output=True, text=True,
                          timeout=120).stdout


def _uninstall_entry(env: dict[str, str], hive: str) -> dict[str, str]:
    """Apps & Features' view: the values of Switchover's uninstall key ({} when absent)."""
    values = {}
    for line in _reg(env, "query", rf"{hive}\{UNINSTALL_KEY}").splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1].startswith("REG_"):
            values[parts[0]] = parts[2].strip()
    return values


def _run_quiet_uninstall(env: dict[str, str], entry: dict[str, str]) -> None:
    """What Apps & Features (or an IT script) does: run QuietUninstallString as written."""
    exe, _, rest = entry["QuietUninstallString"].removeprefix('"').partition('" ')
    _wine(env, exe, *rest.split())


def _stand_in_release(folder: Path, version: str, signing: str) -> Path:
    """A tiny installer of an "older release", signed as the release workflow signs."""
    payload = folder / f"payload-{version}"
    (payload / "_internal").mkdir(parents=True)
    for name in ("Switchover.exe", "switchover-cli.exe", f"_internal/only-in-{version}.pyd"):
        (payload / name).write_text(f"TEST-ONLY stand-in for release {version}\n")
    setup = folder / f"TEST-ONLY-not-a-release-Switchover-{version}-setup.exe"
    subprocess.run([_need("makensis"), "-V2", f"-DVERSION={version}",
                    f"-DPAYLOAD_DIR={payload}", f"-DOUTFILE={setup}", "-DSTAND_IN",
                    f"-DSIGN_CMD={signing}", str(ROOT / "packaging" / "windows" /
                                                 "installer.nsi")],
                   check=True, timeout=120, capture_output=True)
    return setup


def test_the_installer_installs_upgrades_and_uninstalls_under_wine(stand_in_setup: Path,
                                                                   tmp_path: Path) -> None:
    """Per-user by default, upgrade in place over an older version in either mode, /D,
    and an uninstaller that removes exactly what it installed, from its own folder only,
    whatever the registry says (checked in a real Wine prefix)."""
    _need("wine")  # skipped where Wine is absent; .ci/run installs it, so CI runs this
    _need("xvfb-run")
    setup = stand_in_setup
    version = setup.name.removeprefix("TEST-ONLY-not-a-release-Switchover-").removesuffix(
        "-setup.exe")
    # osslsigncode and a throw-away certificate stand in for signtool and the real one.
    osslsigncode = _need("osslsigncode")
    key, cert = tmp_path / "test-key.pem", tmp_path / "test-cert.pem"
    subprocess.run([_need("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "2", "-subj",
                    "/CN=TEST-ONLY Switchover signing"], check=True, capture_output=True)
    old = _stand_in_release(tmp_path, "0.0.1", f"{osslsigncode} sign -certs {cert} -key {key} "
                            "-n Switchover -h sha256 -in %1 -out %1.signed && mv %1.signed %1")

    def signed(exe: Path) -> bool:
        return subprocess.run([osslsigncode, "verify", "-CAfile", str(cert), str(exe)],
                              capture_output=True, timeout=60).returncode == 0

    assert signed(old)
    env = {**os.environ, "WINEPREFIX": str(tmp_path / "prefix"), "WINEDEBUG": "-all",
           "WINEDLLOVERRIDES": "mscoree,mshtml="}  # no Mono/Gecko install prompts
    env.pop("QT_QPA_PLATFORM", None)
    drive_c = tmp_path / "prefix" / "drive_c"
    start_menu = "*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Switchover.lnk"

    # Per user, no administrator; then the upgrade over it.
    _wine(env, old, "/S")
    per_user = next((drive_c / "users").glob("*/AppData/Local/Programs/Switchover"))
    assert _uninstall_entry(env, "HKCU")["DisplayVersion"] == "0.0.1"
    assert signed(per_user / "Uninstall.exe"), "the uninstaller inside is signed as well"
    _wine(env, setup, "/S")
    entry = _uninstall_entry(env, "HKCU")
    assert entry["DisplayVersion"] == version
    assert entry["Publisher"] == "Switchover developers"
    assert int(entry["EstimatedSize"], 16) > 50_000  # KB, as Apps & Features shows it
    assert (per_user / "Switchover.exe").stat().st_size > 1_000_000
    assert not (per_user / "_internal" / "only-in-0.0.1.pyd").exists()
    assert list((drive_c / "users").glob(start_menu))
    assert _uninstall_entry(env, "HKLM") == {}, "a per-user install needs no administrator"

    # Anything can rewrite HKCU: an entry pointing elsewhere must not steer the uninstaller.
    other = drive_c / "Other"
    (other / "_internal").mkdir(parents=True)
    (other / "_internal" / "keep.dll").write_text("another program's file\n")
    (per_user / "my-notes.txt").write_text("a file the user put there\n")
    _reg(env, "add", rf"HKCU\{UNINSTALL_KEY}", "/v", "InstallLocation", "/d", r"C:\Other",
         "/f")
    _wine(env, per_user / "Uninstall.exe", "/CurrentUser", "/S")
    assert (other / "_internal" / "keep.dll").is_file()
    assert sorted(p.name for p in per_user.iterdir()) == ["my-notes.txt"]
    assert _uninstall_entry(env, "HKCU")["InstallLocation"] == r"C:\Other", \
        "an entry that names another folder is not this uninstaller's to remove"
    # …and the installer will not move into that folder of someone else's files.
    _wine(env, old, "/S", expect=2)
    assert sorted(p.name for p in other.iterdir()) == ["_internal"]

    # A normal uninstall, the way Apps & Features runs it. (The folder must be empty again
    # first: it held only the user's file, and no Switchover, so the installer refused it.)
    _reg(env, "delete", rf"HKCU\{UNINSTALL_KEY}", "/f")
    _wine(env, old, "/S", expect=2)
    (per_user / "my-notes.txt").unlink()
    _wine(env, old, "/S")
    _run_quiet_uninstall(env, _uninstall_entry(env, "HKCU"))
    assert _uninstall_entry(env, "HKCU") == {}
    assert not per_user.exists()
    assert not list((drive_c / "users").glob(start_menu))

    # Per machine; a plain /S upgrade keeps it per machine (one entry, not two).
    _wine(env, old, "/S", "/AllUsers")
    machine = drive_c / "Program Files" / "Switchover"
    assert _uninstall_entry(env, "HKLM")["DisplayVersion"] == "0.0.1"
    _wine(env, setup, "/S")
    entry = _uninstall_entry(env, "HKLM")
    assert entry["DisplayVersion"] == version and _uninstall_entry(env, "HKCU") == {}
    assert entry["InstallLocation"].endswith(r"Program Files\Switchover")
    assert (machine / "switchover-cli.exe").stat().st_size > 1_000_000
    _run_quiet_uninstall(env, entry)
    assert not machine.exists() and _uninstall_entry(env, "HKLM") == {}

    # /D chooses the folder, as IT scripts do.
    _wine(env, old, "/S", r"/D=C:\Apps\Switchover")
    assert (drive_c / "Apps" / "Switchover" / "Switchover.exe").is_file()
    _run_quiet_uninstall(env, _uninstall_entry(env, "HKCU"))
    assert not (drive_c / "Apps" / "Switchover").exists()


def _app_around(built: Path, tmp_path: Path) -> Path:
    """The bundle laid out as macOS lays out Switchover.app: its programs (the windowed
    Switchover and the console switchover-cli) in Contents/MacOS."""
    app = tmp_path / "Switchover.app"
    (app / "Contents").mkdir(parents=True)
    (app / "Contents" / "MacOS").symlink_to(built / "Switchover", target_is_directory=True)
    return app


def _jamf(script: str, app: Path, demo: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(ROOT / "packaging" / "fleet" / "jamf" / script), *args],
                          env={**os.environ, "SWITCHOVER_APP": str(app),
                               "SWITCHOVER_ARGS": f"--demo {demo}"},
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("demo", "says"), [("macos-kaspersky", "Kaspersky"),
                                            ("windows-clean-defender", "None")])
def test_the_jamf_extension_attribute_on_the_built_bundle(built: Path, tmp_path: Path,
                                                          demo: str, says: str) -> None:
    done = _jamf("extension-attribute.sh", _app_around(built, tmp_path), demo)
    assert done.returncode == 0 and done.stdout.strip() == f"<result>{says}</result>"


def test_the_jamf_policy_script_on_the_built_bundle(built: Path, tmp_path: Path) -> None:
    app = _app_around(built, tmp_path)
    ready = tmp_path / "policy.toml"
    ready.write_text("[backup]\nrequired = false\n[protection]\nexpected = 'any'\n"
                     "[uninstall]\nconfirm = ['vault', 'password-manager', 'backup-tasks']\n")
    done = _jamf("migrate-policy.sh", app, "macos-kaspersky", "/", "mac-1", "root", str(ready))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "removed" in done.stdout
    clean = _jamf("migrate-policy.sh", app, "windows-clean-defender", "/", "mac-1", "root",
                  str(ready))
    assert clean.returncode == 0 and "nothing-to-do" in clean.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text("[backup]\nreqiured = true\n")
    assert _jamf("migrate-policy.sh", app, "macos-kaspersky", "/", "mac-1", "root",
                 str(bad)).returncode == 2
