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
from core.language.translate import mark, tr, tr_n

# What to do, by store or browser: a sentence (marked) and what it names that is typed as
# it is (programs, folders, commands, addresses), filled in after translation.
CERT_HOWTO = {
    "windows": (mark("open {program} (or {program_all} for the whole computer), Trusted Root "
                     "Certification Authorities → Certificates, and delete it"),
                {"program": "certmgr.msc", "program_all": "certlm.msc"}),
    "macos": (mark("open Keychain Access, System keychain → Certificates, and delete it"), {}),
    "linux": (mark("delete its file from {folder} and run `{command}`"),
              {"folder": "/usr/local/share/ca-certificates",
               "command": "sudo update-ca-certificates"}),
    "firefox": (mark("in Firefox: Settings → Privacy & Security → View Certificates → "
                     "Authorities, select it and Delete or Distrust"), {}),
}
EXTENSION_HOWTO = {
    "chrome": (mark("open {address} and click Remove on it"),
               {"address": "chrome://extensions"}),
    "edge": (mark("open {address} and click Remove on it"), {"address": "edge://extensions"}),
    "firefox": (mark("open {address} → Extensions, click … → Remove"),
                {"address": "about:addons"}),
    "safari": (mark("Safari → Settings → Extensions, select it and Uninstall"), {}),
}


def _howto(sentence: tuple[str, dict[str, str]]) -> str:
    return tr(sentence[0]).format(**sentence[1])


@dataclass(frozen=True)
class Instruction:
    what: str
    where: str
    how: str  # in the reader's language


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
        parts = [tr("Kaspersky is gone.") if self.kaspersky_gone else
                 tr("Still installed: {names}.").format(names=", ".join(self.remaining))]
        parts.append(self.protection)
        if self.instructions:
            count = len(self.instructions)
            parts.append(tr_n("{n} leftover(s) to look at.", "{n} leftover(s) to look at.",
                              count).format(n=count))
        return " ".join(parts)


def _instruction(leftover: Leftover, platform: str) -> Instruction:
    if leftover.kind == "certificate":
        store = "firefox" if leftover.where.startswith("firefox:") else platform
        return Instruction(leftover.what, leftover.where,
                           _howto(CERT_HOWTO.get(store, CERT_HOWTO["linux"])))
    if leftover.kind in ("extension", "browser-extension"):
        browser = next((b for b in EXTENSION_HOWTO if b in leftover.where.casefold()), "chrome")
        return Instruction(leftover.what, leftover.where, _howto(EXTENSION_HOWTO[browser]))
    if leftover.kind in ("driver", "kext", "system-extension"):
        return Instruction(leftover.what, leftover.where,
                           tr("leave it to Kaspersky's removal tool and restart; never delete "
                              "a Kaspersky driver by hand (it can disable keyboard and mouse)"))
    return Instruction(leftover.what, leftover.where,
                       tr("harmless once Kaspersky is gone; Switchover reports it and deletes "
                          "nothing"))


def verify_removal(after: DetectionResult) -> VerifyReport:
    remaining = tuple(p.name for p in after.products)
    return VerifyReport(
        kaspersky_gone=not remaining, remaining=remaining, protected=after.protected,
        protection=after.protection.reason,
        instructions=tuple(_instruction(left, after.platform) for left in after.leftovers))
