"""How a removal gets administrator rights: one strategy per operating system.

Only package-manager steps (Linux's dpkg/rpm removals) are prefixed; everything else is the
vendor's own uninstaller, which asks for rights itself:
- Windows: msiexec and Kaspersky's uninstallers raise their own UAC prompt; nothing is
  prefixed (the app never re-launches itself elevated).
- macOS: Kaspersky's uninstaller app asks for an administrator password itself.
- Linux, not root: the wizard uses `pkexec` (the desktop's own password dialog); a person
  at a terminal gets `sudo`, which may ask; an unattended fleet run gets `sudo -n`, which
  fails at once instead of waiting for a password nobody will type. As root: nothing.
"""

from __future__ import annotations

import os

from core.uninstall.states import Words


class Asking(Words):
    """How the face running the removal can reach a person."""

    DESKTOP = "desktop"        # the wizard: dialogs
    TERMINAL = "terminal"      # `switchover uninstall` in a terminal: prompts
    UNATTENDED = "unattended"  # `migrate --unattended` or no terminal: nobody


def elevation(platform: str, asking: Asking, is_root: bool | None = None) -> tuple[str, ...]:
    """The prefix for package-manager steps on `platform` ("windows", "macos", "linux")."""
    if platform != "linux":
        return ()
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root:
        return ()
    if asking == Asking.DESKTOP:
        return ("/usr/bin/pkexec",)
    if asking == Asking.TERMINAL:
        return ("/usr/bin/sudo",)
    return ("/usr/bin/sudo", "-n")
