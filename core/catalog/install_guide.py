"""How to get the chosen replacement onto *this* machine, said right for its system.

A Mac is never told to run `winget`, nor a Linux machine that something built in will
take over: each system gets its own package manager (`winget` on Windows, Homebrew on
macOS with `--cask` for casks, the distribution's `apt`, `dnf` or `zypper` on Linux), the
vendor's own page always, and, for what is built in, what it does by itself, stated
truthfully from the removal plan's forecast. Commands are rebuilt from ids the catalog
validated (and package names from resources/install/), never pasted from outside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.catalog.recommend import Recommendation
from core.errors import ResourceError
from core.language.translate import tr
from core.resources import load_json_resource

_PACKAGE = re.compile(r"^[a-z0-9][a-z0-9+.-]{0,63}$")
_MANAGERS = {
    "apt": ("debian", "ubuntu", "mint", "pop!_os", "elementary", "kali", "raspbian"),
    "dnf": ("fedora", "red hat", "rhel", "centos", "rocky", "alma", "oracle linux"),
    "zypper": ("suse", "opensuse"),
}
_INSTALL = {"apt": "sudo apt install", "dnf": "sudo dnf install", "zypper": "sudo zypper install"}
# What is on the machine already: the catalog's "built in" default for Linux (ClamAV) is
# free and packaged, but not installed by default, so it is installed like any other.
PREINSTALLED = {("windows", "microsoft-defender")}


@dataclass(frozen=True)
class InstallGuide:
    name: str
    page_url: str                   # the vendor's own page: always offered
    commands: tuple[str, ...]       # this system's own package manager, if it has the product
    notes: tuple[str, ...]          # plain sentences: what it does by itself, what it does not
    takes_over_by_itself: bool      # built in, and the forecast says it switches itself on


def package_manager(os_name: str) -> str | None:
    """`apt`, `dnf` or `zypper` from the distribution's name in the snapshot; None if unknown."""
    lowered = os_name.casefold()
    return next((manager for manager, names in _MANAGERS.items()
                 if any(name in lowered for name in names)), None)


def _linux_packages(product_id: str, manager: str) -> tuple[tuple[str, ...], str | None]:
    data = load_json_resource("install", "linux-packages.json")
    entry = data.get("products", {}).get(product_id, {})
    names = tuple(entry.get(manager, ()))
    if not all(isinstance(n, str) and _PACKAGE.fullmatch(n) for n in names):
        raise ResourceError(f"resources/install/linux-packages.json: a package name for "
                            f"{product_id} is not a valid package name.")
    return names, data.get("on_access", {}).get(product_id)


def install_guide(rec: Recommendation, platform: str, os_name: str = "",
                  builtin_forecast: str | None = None,
                  builtin_takes_over: bool = False) -> InstallGuide:
    """What to show for getting `rec` ready on `platform`.

    `builtin_forecast` and `builtin_takes_over` come from the removal plan (whether
    Windows will switch Defender back on here), so the two never disagree.
    """
    notes: list[str] = []
    commands: tuple[str, ...] = ()
    if (platform, rec.id) in PREINSTALLED:
        if builtin_takes_over:
            forecast = builtin_forecast or tr("{name} is built in.").format(name=rec.name)
            notes.append(tr("Nothing to install: {forecast} Switchover checks afterwards that "
                            "it is on.").format(forecast=forecast))
        elif builtin_forecast:
            notes.append(tr("{name} will not take over by itself here: {forecast} Install "
                            "another product before removing Kaspersky.").format(
                name=rec.name, forecast=builtin_forecast))
        else:
            notes.append(tr("{name} will not take over by itself here. Install another "
                            "product before removing Kaspersky.").format(name=rec.name))
        return InstallGuide(rec.name, rec.download_url, (), tuple(notes), builtin_takes_over)
    if platform == "windows" and rec.winget:
        commands = (f"winget install --id {rec.winget} -e",)
    elif platform == "macos" and rec.homebrew:
        cask = " --cask" if rec.homebrew_kind == "cask" else ""
        commands = (f"brew install{cask} {rec.homebrew}",)
        notes.append(tr("Homebrew prints the package's own notes after installing it: read "
                        "them, they may ask you to allow a system extension."))
    elif platform == "linux":
        manager = package_manager(os_name)
        names, on_access = _linux_packages(rec.id, manager) if manager else ((), None)
        if names and manager:
            commands = (f"{_INSTALL[manager]} {' '.join(names)}",)
        if on_access:
            notes.append(on_access)
    if platform == "macos":
        notes.append(tr("macOS keeps its built-in XProtect whatever you install; it blocks "
                        "known malware but is basic protection."))
    return InstallGuide(rec.name, rec.download_url, commands, tuple(notes), False)
