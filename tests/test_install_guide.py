"""Getting the replacement onto this machine: each system told its own way, never another's."""

from __future__ import annotations

from core.catalog.install_guide import install_guide, package_manager
from core.catalog.recommend import Recommendation


def rec(id_: str, built_in: bool = False, winget: str | None = None,
        homebrew: str | None = None, kind: str | None = None) -> Recommendation:
    return Recommendation(id_, id_.title(), 1, 10, built_in, (), (), f"https://{id_}.example/",
                          winget, homebrew, "free", kind)


def test_windows_gets_winget_and_a_mac_never_does() -> None:
    both = rec("malwarebytes", winget="Malwarebytes.Malwarebytes", homebrew="malwarebytes",
               kind="cask")
    assert install_guide(both, "windows").commands == (
        "winget install --id Malwarebytes.Malwarebytes -e",)
    mac = install_guide(both, "macos")
    assert mac.commands == ("brew install --cask malwarebytes",)
    assert not any("winget" in text for text in (*mac.commands, *mac.notes))
    assert any("XProtect" in note for note in mac.notes)


def test_a_homebrew_formula_is_installed_without_cask() -> None:
    assert install_guide(rec("clamav", homebrew="clamav", kind="formula"),
                         "macos").commands == ("brew install clamav",)


def test_linux_uses_the_distributions_own_package_manager() -> None:
    assert package_manager("Ubuntu 22.04.4 LTS") == "apt"
    assert package_manager("Fedora Linux 40 (Workstation Edition)") == "dnf"
    assert package_manager("openSUSE Leap 15.6") == "zypper"
    assert package_manager("Gentoo") is None
    clamav = rec("clamav", winget="Cisco.ClamAV", homebrew="clamav", kind="formula")
    ubuntu = install_guide(clamav, "linux", "Ubuntu 22.04")
    assert ubuntu.commands == ("sudo apt install clamav clamav-daemon",)
    assert install_guide(clamav, "linux", "Fedora Linux 40").commands == (
        "sudo dnf install clamav clamd clamav-update",)
    # ClamAV does not check files as they are opened until on-access scanning is set up.
    assert any("as they are opened" in note for note in ubuntu.notes)
    unknown = install_guide(clamav, "linux", "Gentoo")
    assert unknown.commands == () and unknown.page_url  # the vendor's page, always


def test_a_built_in_product_says_truthfully_whether_it_takes_over() -> None:
    defender = rec("microsoft-defender", built_in=True)
    on = install_guide(defender, "windows", builtin_forecast="Windows switches it back on.",
                       builtin_takes_over=True)
    assert on.takes_over_by_itself and "Nothing to install" in on.notes[0]
    server = install_guide(defender, "windows", builtin_forecast="This is Windows Server.",
                           builtin_takes_over=False)
    assert not server.takes_over_by_itself and "will not take over" in server.notes[0]


def test_clamav_on_linux_is_installed_never_called_built_in() -> None:
    """The catalog's free default for Linux is packaged, not preinstalled."""
    clamav = rec("clamav", built_in=True)
    guide = install_guide(clamav, "linux", "Ubuntu 22.04")
    assert guide.commands == ("sudo apt install clamav clamav-daemon",)
    assert not guide.takes_over_by_itself
    assert not any("Nothing to install" in note for note in guide.notes)
