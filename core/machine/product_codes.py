"""Windows Installer product codes: recognised and rebuilt from their hex groups only.

Detection recognises a product by its code whatever language its Apps & Features name is
in, and the uninstall planner passes a code to `msiexec /x`; both take a code found on a
machine only after rebuilding it here, so nothing but hex digits and hyphens gets through.
"""

import re

GUID = re.compile(r"\{?([0-9A-Fa-f]{8})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-"
                  r"([0-9A-Fa-f]{12})\}?")


def rebuild_guid(text: str) -> str | None:
    """A product code in canonical form, rebuilt from its hex groups, or None."""
    match = GUID.fullmatch(text.strip())
    if not match:
        return None
    return "{" + "-".join(group.upper() for group in match.groups()) + "}"


def codes_in(text: str | None) -> list[str]:
    """Every product code a command line names (`MsiExec.exe /X{…}`), rebuilt."""
    return [code for found in GUID.finditer(text or "")
            if (code := rebuild_guid(found.group(0)))]
