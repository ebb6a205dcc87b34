"""After removal: is Kaspersky gone, what is left, and is the machine protected?

A pure function of the detection made after the removal. Leftovers are only reported,
each with what to do: Switchover deletes nothing it finds (kernel filter drivers such as
klif, klflt or klmouflt removed by hand can leave a computer without keyboard and mouse;
Kaspersky's removal tool handles them). The trusted root certificate and the browser
extension, which independent tests found Kaspersky's own uninstaller leaves behind, come
with step-by-step instructions for each place they were found.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.detect.detection import DetectionResult
from core.detect.findings import Leftover

CERT_HOWTO = {
    "windows": "open certmgr.msc (or certlm.msc for the whole computer), Trusted Root "
               "Certification Authorities → Certificates, and delete it",
    "macos": "open Keychain Access, System keychain → Certificates, and delete it",
    "linux": "delete its file from /usr/local/share/ca-certificates and run "
             "`sudo update-ca-certificates`",
    "firefox": "in Firefox: Settings → Privacy & Security → View Certificates → Authorities, "
               "select it and Delete or Distrust",
}
EXTENSION_HOWTO = {
    "chrome": "open chrome://extensions and click Remove on it",
    "edge": "open edge://extensions and click Remove on it",
    "firefox": "open about:addons → Extensions, click … → Remove",
    "safari": "Safari → Settings → Extensions, select it and Uninstall",
}


@dataclass(frozen=True)
class Instruction:
    what: str
    where: str
    how: str


@dataclass(frozen=True)
class VerifyReport:
    kaspersky_gone: bool
    remaining: tuple[str, ...]
    protected: bool
    protection: str
    instructions: tuple[Instruction, ...]

    @property
    def ok(self) -> bool:
        return self.kaspersky_gone and self.protected

    def summary(self) -> str:
        parts = ["Kaspersky is gone." if self.kaspersky_gone else
                 "Still installed: " + ", ".join(self.remaining) + "."]
        parts.append(self.protection)
        if self.instructions:
            parts.append(f"{len(self.instructions)} leftover(s) to look at.")
        return " ".join(parts)


def _instruction(leftover: Leftover, platform: str) -> Instruction:
    if leftover.kind == "certificate":
        store = "firefox" if leftover.where.startswith("firefox:") else platform
        return Instruction(leftover.what, leftover.where,
                           CERT_HOWTO.get(store, CERT_HOWTO["linux"]))
    if leftover.kind in ("extension", "browser-extension"):
        browser = next((b for b in EXTENSION_HOWTO if b in leftover.where.casefold()), "chrome")
        return Instruction(leftover.what, leftover.where, EXTENSION_HOWTO[browser])
    if leftover.kind in ("driver", "kext", "system-extension"):
        return Instruction(leftover.what, leftover.where,
                           "leave it to Kaspersky's removal tool and restart; never delete a "
                           "Kaspersky driver by hand (it can disable keyboard and mouse)")
    return Instruction(leftover.what, leftover.where,
                       "harmless once Kaspersky is gone; Switchover reports it and deletes "
                       "nothing")


def verify_removal(after: DetectionResult) -> VerifyReport:
    remaining = tuple(p.name for p in after.products)
    return VerifyReport(
        kaspersky_gone=not remaining, remaining=remaining, protected=after.protected,
        protection=after.protection.reason,
        instructions=tuple(_instruction(left, after.platform) for left in after.leftovers))
