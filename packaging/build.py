"""Build Switchover's bundle and installer for the system this runs on.

    python packaging/build.py            # freeze, self-test, then the native package(s)
    python packaging/build.py --nsis-check   # Linux: compile the NSIS script with a
                                              # stand-in payload (never a release)

Linux: build/dist/Switchover-VERSION-linux-x86_64.tar.gz and switchover_VERSION_amd64.deb.
Windows: Switchover-VERSION-setup.exe (NSIS). macOS: Switchover-VERSION.dmg (dmgbuild).
Every build runs the frozen app's `--self-test` offscreen before it is wrapped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
BUNDLE = DIST / "Switchover"


def run(*argv: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in argv), flush=True)
    subprocess.run([str(a) for a in argv], check=True, env={**os.environ, **(env or {})})


def freeze() -> None:
    if sys.platform == "win32":
        (BUILD / "version_info.txt").parent.mkdir(parents=True, exist_ok=True)
        (BUILD / "version_info.txt").write_text(_version_info(), encoding="utf-8")
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", DIST,
        "--workpath", BUILD / "work", ROOT / "packaging" / "app.spec")
    if sys.platform != "win32":
        folder = executable("Switchover").parent
        link = folder / "switchover-cli"
        link.unlink(missing_ok=True)
        os.symlink("Switchover", link)


def _version_info() -> str:
    parts = [*VERSION.split("."), "0", "0", "0"][:4]
    numbers = ", ".join(p if p.isdigit() else "0" for p in parts)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers})),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'Switchover developers'),
    StringStruct('FileDescription', 'Switchover'),
    StringStruct('FileVersion', '{VERSION}'),
    StringStruct('ProductName', 'Switchover'),
    StringStruct('ProductVersion', '{VERSION}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])])"""


def executable(name: str) -> Path:
    if sys.platform == "darwin":
        return DIST / "Switchover.app" / "Contents" / "MacOS" / name
    return BUNDLE / (name + (".exe" if sys.platform == "win32" else ""))


def sign_windows_programs() -> None:
    """Signs Switchover.exe and switchover-cli.exe before the installer wraps them.

    SIGN_CMD is the maintainers' own command from the release secrets, with %1 where the
    file goes; it runs through the shell exactly as NSIS's !finalize runs it for the
    installer, so one setting signs all four programs.
    """
    command = os.environ.get("SIGN_CMD")
    if not command:
        return
    for program in (executable("Switchover"), executable("switchover-cli")):
        print(f"+ signing {program}", flush=True)
        subprocess.run(command.replace("%1", str(program)), shell=True, check=True)


def self_test() -> None:
    run(executable("switchover-cli"), "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})


def linux_packages() -> list[Path]:
    tarball = DIST / f"Switchover-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(tarball, "w:gz", compresslevel=9) as archive:
        archive.add(BUNDLE, arcname=f"Switchover-{VERSION}")
    root = BUILD / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BUNDLE, root / "opt" / "switchover", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/switchover/switchover-cli", root / "usr" / "bin" / "switchover")
    os.symlink("/opt/switchover/Switchover", root / "usr" / "bin" / "switchover-gui")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "linux" / "org.switchover.Switchover.desktop", apps)
    meta = root / "usr" / "share" / "metainfo"
    meta.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "linux" / "org.switchover.Switchover.metainfo.xml", meta)
    for size in (48, 128, 256):
        icons = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        icons.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "icons" / f"switchover-{size}.png",
                    icons / "org.switchover.Switchover.png")
    control = root / "DEBIAN"
    control.mkdir()
    size_kb = sum(f.lstat().st_size for f in root.rglob("*")
                  if f.is_file() and not f.is_symlink()) // 1024
    control.joinpath("control").write_text(
        (ROOT / "packaging" / "linux" / "control").read_text()
        .replace("@VERSION@", VERSION).replace("@SIZE@", str(size_kb)))
    deb = DIST / f"switchover_{VERSION}_amd64.deb"
    run("dpkg-deb", "--build", "--root-owner-group", "-Zxz", root, deb)
    return [tarball, deb]


def nsis(payload: Path, outfile: Path, stand_in: bool) -> Path:
    defines = [f"-DVERSION={VERSION}", f"-DPAYLOAD_DIR={payload}", f"-DOUTFILE={outfile}",
               f"-DICON={ROOT / 'resources' / 'icons' / 'switchover.ico'}"]
    if stand_in:
        defines.append("-DSTAND_IN")
    if os.environ.get("SIGN_CMD"):
        defines.append(f"-DSIGN_CMD={os.environ['SIGN_CMD']}")
    run("makensis", "-V2", *defines, ROOT / "packaging" / "windows" / "installer.nsi")
    return outfile


def nsis_check() -> Path:
    """Compile the real installer script around the Linux bundle, labelled as a test.

    The bundle is laid out under the Windows names (Switchover.exe, switchover-cli.exe,
    _internal/), hard-linked rather than copied, so that the uninstaller's list of what it
    installed is tested exactly as it runs on Windows.
    """
    if not BUNDLE.is_dir():
        freeze()
    stand_in = ROOT / "build" / "nsis-stand-in"
    shutil.rmtree(stand_in, ignore_errors=True)
    shutil.copytree(BUNDLE / "_internal", stand_in / "_internal", copy_function=os.link)
    os.link(BUNDLE / "Switchover", stand_in / "Switchover.exe")
    os.link(BUNDLE / "Switchover", stand_in / "switchover-cli.exe")
    return nsis(stand_in, DIST / f"TEST-ONLY-not-a-release-Switchover-{VERSION}-setup.exe",
                stand_in=True)


def macos_dmg() -> Path:
    """Sign the app (when credentials exist), image it, then sign the image."""
    app, dmg = DIST / "Switchover.app", DIST / f"Switchover-{VERSION}.dmg"
    sign = ROOT / "packaging" / "macos" / "sign_and_notarize.sh"
    run("sh", sign, app)
    run(sys.executable, "-m", "dmgbuild", "-s", ROOT / "packaging" / "macos" / "dmg_settings.py",
        "-D", f"app={app}", "Switchover", dmg)
    run("sh", sign, app, dmg)
    return dmg


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nsis-check", action="store_true")
    parser.add_argument("--no-freeze", action="store_true", help="reuse build/dist")
    args = parser.parse_args()
    if args.nsis_check:
        print(nsis_check())
        return 0
    if not args.no_freeze:
        freeze()
    if sys.platform == "win32":
        sign_windows_programs()
    self_test()
    if sys.platform == "win32":
        made = [nsis(BUNDLE, DIST / f"Switchover-{VERSION}-setup.exe", stand_in=False)]
    elif sys.platform == "darwin":
        made = [macos_dmg()]
    else:
        made = linux_packages()
    for artifact in made:
        print(f"{artifact}  {artifact.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
