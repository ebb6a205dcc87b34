"""The uninstall plan: a pure function of the snapshot, detection and the user's answers.

Nothing found on the machine is executed as found. A Windows Installer product is removed
by `msiexec /x` with its product code rebuilt from a validated GUID; any other uninstall
command is split like Windows splits it (core/uninstall/cmdline.py) and accepted only if it names an
absolute `.exe` inside the product's own install folder, outside folders users can write
to, with no shell operators and no command interpreter; the runner then checks that the
file exists and carries Kaspersky's signature before starting it. Everything else becomes
a "do this by hand" step with the reason. Components (VPN, Password Manager, Safe Kids) go
first, then suites, business products, and the management agent last. Leftovers are only
reported: kernel filter drivers such as klmouflt must never be removed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.backup.plan import BackupPlan
from core.detect.detection import DetectionResult
from core.detect.findings import DetectedProduct, UninstallEntry
from core.language.translate import mark, tr
from core.machine.product_codes import rebuild_guid
from core.machine.signatures import load_signatures
from core.machine.snapshot import SystemSnapshot
from core.uninstall.cmdline import split_windows_command
from core.uninstall.states import ProtectionState, StepKind

MSIEXEC = r"C:\Windows\System32\msiexec.exe"
KASPERSKY_TEAM_ID = "2Y8XE5CQ94"
SHELL_OPERATORS = ("&", "|", "<", ">", "^", "%", "`", "\n", "\r", "$(")
INTERPRETERS = frozenset((
    "cmd.exe", "powershell.exe", "pwsh.exe", "wscript.exe", "cscript.exe", "mshta.exe",
    "rundll32.exe", "regsvr32.exe", "msiexec.exe", "bitsadmin.exe", "certutil.exe",
    "conhost.exe", "explorer.exe", "wmic.exe", "schtasks.exe", "forfiles.exe", "bash.exe",
    "wsl.exe", "python.exe", "pythonw.exe", "msbuild.exe", "installutil.exe", "regasm.exe",
))
USER_WRITABLE = ("\\users\\", "\\appdata\\", "\\temp\\", "\\tmp\\", "\\downloads\\",
                 "\\public\\", "\\windows\\temp\\", "\\documents and settings\\")
# Only administrators can write below these; an entry's own InstallLocation is not trusted
# to widen this (a per-user registry entry could name C:\ as its "install folder").
TRUSTED_ROOTS = ("c:\\program files\\", "c:\\program files (x86)\\")
MACHINE_HIVES = ("hklm\\", "hkey_local_machine\\")
ORDER = {"component": 0, "suite": 1, "other": 2, "business": 3, "agent": 4}
KAVREMOVER = mark("Download Kaspersky's own removal tool (kavremover) from Kaspersky's "
                  "support site, run it, type the code shown in its picture (a CAPTCHA: it "
                  "stops programs from removing anti-virus software unattended), choose the "
                  "product and remove it, then restart the computer.")


@dataclass(frozen=True)
class Answers:
    backup_done: bool = False
    skip_backup: bool = False
    confirmed: frozenset[str] = frozenset()
    accept_unprotected: bool = False
    remove_ultraav: bool = False
    quiet: bool = False


@dataclass(frozen=True)
class Step:
    id: str
    kind: StepKind
    title: str
    description: str
    program: str | None = None
    args: tuple[str, ...] = ()
    needs_admin: bool = False
    may_reboot: bool = False
    timeout: int = 1800
    product_id: str | None = None
    exit_codes: str = "generic"  # generic | msi | package
    checks: tuple[str, ...] = ()  # exists | authenticode:NAME | codesign:TEAMID
    blocking: bool = False
    satisfied: bool = True
    refused: str | None = None

    @property
    def argv(self) -> tuple[str, ...]:
        return (self.program, *self.args) if self.program else ()


@dataclass(frozen=True)
class ProtectionAfter:
    state: ProtectionState
    text: str


@dataclass(frozen=True)
class UninstallPlan:
    platform: str
    steps: tuple[Step, ...]
    protection_after: ProtectionAfter
    notes: tuple[str, ...] = field(default=())

    @property
    def blocked_by(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.blocking and not s.satisfied)

    @property
    def leaves_unprotected(self) -> bool:
        return self.protection_after.state == ProtectionState.NONE


def _msi_code(entry: UninstallEntry) -> str | None:
    """The product code of a Windows Installer entry: its key name, or `msiexec /I{…}`."""
    key_code = rebuild_guid(entry.key.rsplit("\\", 1)[-1])
    command = entry.uninstall_string or ""
    split = split_windows_command(command)
    names_msiexec = bool(split.argv) and split.argv[0].replace("/", "\\").rsplit(
        "\\", 1)[-1].casefold() in ("msiexec.exe", "msiexec")
    if not (entry.windows_installer or names_msiexec):
        return None
    if any(op in command for op in SHELL_OPERATORS):
        return None
    if key_code:
        return key_code
    for arg in split.argv[1:]:
        code = rebuild_guid(re.sub(r"^[/-][IiXx]", "", arg))
        if code:
            return code
    return None


def _shell_problem(command: str) -> str | None:
    for operator in SHELL_OPERATORS:
        if operator in command:
            if operator in ("\n", "\r"):
                return tr("its command contains “a line break”, which only a shell "
                          "understands")
            return tr("its command contains “{operator}”, which only a shell "
                      "understands").format(operator=operator)
    return None


def _program_problem(program: str, install_paths: tuple[str, ...]) -> str | None:
    lowered = program.replace("/", "\\").casefold()
    name = lowered.rsplit("\\", 1)[-1]
    folders = [p.replace("/", "\\").rstrip("\\").casefold() + "\\" for p in install_paths]
    folders = [f for f in folders if f.startswith(TRUSTED_ROOTS) and f not in TRUSTED_ROOTS]
    problems = (
        (":" in lowered[2:], mark("its program path has a “:” after the drive (a hidden "
                                  "stream)")),
        (lowered.startswith("\\\\?\\"), mark("its program path uses the \\\\?\\ form")),
        (lowered.startswith("\\\\"), mark("its program is on a network (UNC) path")),
        (not re.match(r"^[a-z]:\\", lowered), mark("its program is not given as a full path")),
        ("\\..\\" in lowered or lowered.endswith("\\.."),
         mark("its program path climbs with “..”")),
        (name in INTERPRETERS, mark("it runs {program}, which can run any command")),
        (not name.endswith(".exe"), mark("its program is not an .exe file")),
        (any(part in lowered for part in USER_WRITABLE),
         mark("its program is in a folder that users or other programs can write to")),
        (not lowered.startswith(TRUSTED_ROOTS),
         mark("its program is not in Program Files, where only administrators can write")),
        (not any(lowered.startswith(folder) for folder in folders),
         mark("its program is not inside the product's own install folder")),
    )
    why = next((why for bad, why in problems if bad), None)
    return None if why is None else tr(why).format(program=name)


def validate_command(command: str | None, install_paths: tuple[str, ...]
                     ) -> tuple[tuple[str, ...] | None, str]:
    """The argument list to run, or None and the reason it is refused."""
    if not command or not command.strip():
        return None, tr("it has no uninstall command")
    problem = _shell_problem(command)
    if problem:
        return None, problem
    split = split_windows_command(command)
    if split.unterminated:
        return None, tr("its command has a quote that does not close")
    if not split.argv[0].casefold().endswith(".exe") and ".exe " in command.casefold() + " " \
            and not command.lstrip().startswith('"'):
        return None, tr("its program path has spaces but no quotes, so Windows could start "
                        "another program")
    problem = _program_problem(split.argv[0], install_paths)
    if problem:
        return None, problem
    for arg in split.argv[1:]:
        if arg.casefold().startswith(("-enc", "/enc", "-command", "/c ")):
            return None, tr("its arguments ask to run another command")
    return split.argv, ""


def _windows_removal(product: DetectedProduct, answers: Answers) -> Step:
    refusals = []
    for entry in product.uninstall_entries:
        if not entry.key.casefold().startswith(MACHINE_HIVES):
            refusals.append(tr("its entry is in a user's part of the registry, which any "
                               "program that user runs can write"))
            continue
        code = _msi_code(entry)
        if code:
            return Step(
                id=f"remove:{product.id}", kind=StepKind.REMOVE,
                title=tr("Remove {name} with Windows Installer").format(name=product.name),
                description=tr("Runs Windows Installer to remove {name}. Kaspersky may ask for "
                               "its uninstall password and whether to keep data for "
                               "reinstalling: you can say no, Switchover has backed up what "
                               "you chose.").format(name=product.name),
                program=MSIEXEC, args=("/x", code, "/norestart", *(("/qn",) if answers.quiet
                                                                  else ())),
                needs_admin=True, may_reboot=True, product_id=product.id, exit_codes="msi",
                checks=(f"msi-product:{code}",))
        use_quiet = answers.quiet and entry.quiet_uninstall_string
        command = entry.quiet_uninstall_string if use_quiet else entry.uninstall_string
        argv, reason = validate_command(command, product.install_paths)
        if argv is not None:
            return Step(
                id=f"remove:{product.id}", kind=StepKind.REMOVE,
                title=tr("Remove {name} with its own uninstaller").format(name=product.name),
                description=tr("Runs {name}'s own uninstaller. It may ask for Kaspersky's "
                               "uninstall password.").format(name=product.name),
                program=argv[0], args=argv[1:], needs_admin=True, may_reboot=True,
                product_id=product.id, checks=("exists", "authenticode:AO Kaspersky Lab"))
        refusals.append(reason)
    reason = refusals[0] if refusals else tr("no uninstall entry was found for it")
    return _manual(product, tr("Switchover will not run it because {reason}.").format(
        reason=reason))


def _manual(product: DetectedProduct, why: str) -> Step:
    return Step(id=f"remove:{product.id}", kind=StepKind.MANUAL,
                title=tr("Remove {name} by hand").format(name=product.name),
                description=f"{why} {tr(KAVREMOVER)}",
                product_id=product.id, refused=why)


def _mac_removal(product: DetectedProduct, snapshot: SystemSnapshot) -> Step:
    for app in snapshot.apps:
        if app.bundle_id.casefold().startswith("com.kaspersky") and "uninstall" in (
                (app.name or "") + app.path).casefold():
            return Step(
                id=f"remove:{product.id}", kind=StepKind.REMOVE,
                title=tr("Remove {name} with Kaspersky's uninstaller").format(
                    name=product.name),
                description=(tr("Opens {app}; macOS asks for an administrator password in "
                                "its own window.").format(app=app.name) if app.name else
                             tr("Opens the Kaspersky uninstaller; macOS asks for an "
                                "administrator password in its own window.")),
                program="/usr/bin/open", args=("-W", app.path), needs_admin=True,
                may_reboot=True, product_id=product.id,
                checks=(f"codesign:{KASPERSKY_TEAM_ID}:{app.path}",))
    agent = "klnagent" if "network-agent" in product.id else "KAV"
    script = f"/Library/Application Support/Kaspersky Lab/{agent}/Binaries/UninstallScript"
    listed = any(f.path.casefold().startswith(script.rsplit("/", 1)[0].casefold())
                 for f in snapshot.files)
    # A product found by its receipts and running programs (no app bundle, no folder
    # listed) still has Kaspersky's script where Kaspersky puts it; the runner checks the
    # file is there before it runs anything, and says so if it is not.
    found_without_files = not product.install_paths and any(
        a in ("package database record", "running service or program") for a in product.anchors)
    if listed or found_without_files:
        return Step(
            id=f"remove:{product.id}", kind=StepKind.REMOVE,
            title=tr("Remove {name} with Kaspersky's UninstallScript").format(
                name=product.name),
            description=tr("Runs Kaspersky's own UninstallScript as administrator; macOS asks "
                           "for the password in its own window."),
            program="/usr/bin/osascript",
            args=("-e", f'do shell script quoted form of "{script}" with administrator '
                        "privileges"),
            needs_admin=True, may_reboot=True, product_id=product.id,
            checks=("exists-path:" + script,
                    *(f"codesign:{KASPERSKY_TEAM_ID}:{path}" for path in product.install_paths
                      if path.endswith(".app"))))
    return _manual(product, tr("No Kaspersky uninstaller was found on this Mac."))


def _linux_removal(product: DetectedProduct, snapshot: SystemSnapshot) -> Step:
    signatures = {s.id: s for s in load_signatures().for_platform("linux")}
    signature = signatures.get(product.id)
    names = [n.casefold() for n in signature.anchors.of("packages")] if signature else []
    packages = [p for p in snapshot.packages if p.name.casefold() in names]
    if not packages:
        return _manual(product, tr("Its package was not found in the package database."))
    ordered = sorted((p.name for p in packages), key=lambda n: (not n.endswith("-gui"), n))
    if all(p.manager == "dpkg" for p in packages):
        program, args = "/usr/bin/apt-get", ("remove", "-y", *ordered)
    elif all(p.manager == "rpm" for p in packages):
        program, args = "/usr/bin/dnf", ("remove", "-y", *ordered)
    else:
        return _manual(product, tr("Its packages come from more than one package manager."))
    return Step(id=f"remove:{product.id}", kind=StepKind.REMOVE,
                title=tr("Remove {name} with the package manager").format(name=product.name),
                description=tr("Removes the packages {packages} as administrator (pkexec or "
                               "sudo asks for the password).").format(
                    packages=", ".join(ordered)),
                program=program, args=args, needs_admin=True, product_id=product.id,
                exit_codes="package", timeout=900)


def protection_after(snapshot: SystemSnapshot, detection: DetectionResult) -> ProtectionAfter:
    """What will protect the machine once every Kaspersky product is gone."""
    others = [o for o in detection.others if o.active and o.realtime
              and o.id not in ("microsoft-defender", "xprotect", "ultravpn")]
    if others:
        names = ", ".join(o.name for o in others)
        return ProtectionAfter(ProtectionState.OTHER, tr(
            "{names} is active and will keep protecting it.").format(names=names))
    if snapshot.platform == "windows":
        defender = next((o for o in detection.others if o.id == "microsoft-defender"), None)
        if "server" in snapshot.os.name.casefold():
            return ProtectionAfter(ProtectionState.NONE, tr(
                "This is Windows Server: Microsoft Defender does not switch itself on when "
                "Kaspersky is removed."))
        if snapshot.os.windows_before_8:
            return ProtectionAfter(ProtectionState.NONE, tr(
                "Windows 7 and older have no built-in anti-virus: nothing will protect this "
                "computer."))
        if defender is None:
            return ProtectionAfter(ProtectionState.NONE, tr(
                "Microsoft Defender was not found on this computer."))
        if defender.notes:
            return ProtectionAfter(ProtectionState.NONE, tr(
                "Microsoft Defender is {policy}, so it will not take over until that policy "
                "is removed.").format(policy="; ".join(defender.notes)))
        if defender.active:
            return ProtectionAfter(ProtectionState.DEFENDER, tr(
                "Microsoft Defender is on and will keep protecting it."))
        return ProtectionAfter(ProtectionState.DEFENDER, tr(
            "Microsoft Defender will switch itself back on (Windows does this when the last "
            "other anti-virus is removed)."))
    if snapshot.platform == "macos":
        return ProtectionAfter(ProtectionState.XPROTECT, tr(
            "Only macOS's built-in XProtect will be left: it blocks known malware but is "
            "basic protection."))
    on_demand = [o.name for o in detection.others if not o.realtime and o.id != "ultravpn"]
    if len(on_demand) == 1:
        return ProtectionAfter(ProtectionState.NONE, tr(
            "{name} scans only when asked: nothing will check files as they are opened on "
            "this Linux machine.").format(name=on_demand[0]))
    if on_demand:
        return ProtectionAfter(ProtectionState.NONE, tr(
            "{names} scan only when asked: nothing will check files as they are opened on "
            "this Linux machine.").format(names=", ".join(on_demand)))
    return ProtectionAfter(ProtectionState.NONE, tr(
        "Nothing will scan for malware on this Linux machine."))


def _checks(snapshot: SystemSnapshot, detection: DetectionResult, backup: BackupPlan | None,
            answers: Answers, after: ProtectionAfter) -> list[Step]:
    steps = [Step(
        id="check:backup", kind=StepKind.CHECK, title=tr("Back up what uninstalling would lose"),
        description=(tr("Done.") if answers.backup_done else
                     tr("Skipped at your request.") if answers.skip_backup else
                     tr("Run the backup first ({command}), or say that you skip it.").format(
                         command="switchover backup")),
        blocking=True, satisfied=answers.backup_done or answers.skip_backup)
        ] if detection.products else []
    for item in backup.confirmations if backup else ():
        steps.append(Step(
            id=f"check:{item.id}", kind=StepKind.CHECK,
            title=tr("Confirm: {title}").format(title=item.title),
            description=item.steps[-1] if item.steps else item.why, blocking=True,
            satisfied=item.id in answers.confirmed))
    if detection.products:
        steps.append(Step(
            id="check:password", kind=StepKind.CHECK, title=tr("Kaspersky's uninstall password"),
            description=tr("If Kaspersky protects its settings or removal with a password, it "
                           "will ask for it. If nobody knows it: for home products, sign in to "
                           "My Kaspersky or use Kaspersky's removal tool; for business "
                           "products, ask the administrator to turn the password off in "
                           "Kaspersky Security Center."), satisfied=True))
    steps.append(Step(
        id="check:protection", kind=StepKind.CHECK, title=tr("Protection after removal"),
        description=after.text if after.state != "none" else " ".join((after.text, tr(
            "Install another anti-virus first, or confirm that you accept a gap."))),
        blocking=after.state == ProtectionState.NONE,
        satisfied=after.state != "none" or answers.accept_unprotected))
    return steps


def plan_uninstall(snapshot: SystemSnapshot, detection: DetectionResult,
                   backup: BackupPlan | None = None, answers: Answers = Answers()
                   ) -> UninstallPlan:
    after = protection_after(snapshot, detection)
    steps = _checks(snapshot, detection, backup, answers, after)
    products = sorted(detection.products, key=lambda p: ORDER.get(p.category, 2))
    for product in products:
        if snapshot.platform == "windows":
            steps.append(_windows_removal(product, answers))
        elif snapshot.platform == "macos":
            steps.append(_mac_removal(product, snapshot))
        else:
            steps.append(_linux_removal(product, snapshot))
    if any(s.may_reboot or s.kind == StepKind.MANUAL for s in steps):
        steps.append(Step(id="reboot", kind=StepKind.REBOOT, title=tr("Restart the computer"),
                          description=tr("Kaspersky finishes removing its drivers at the next "
                                         "start. Run Switchover again afterwards: it picks up "
                                         "here and checks that everything is gone.")))
    if any(o.id in ("ultraav", "ultravpn") for o in detection.others):
        steps.append(Step(
            id="offer:ultraav", kind=StepKind.OFFER, title="UltraAV / UltraVPN",
            description=(tr("You chose to remove them: open Apps & Features (Settings → Apps), "
                            "choose UltraAV and UltraVPN and uninstall them with their own "
                            "uninstallers. Reports say other removal tools made them come "
                            "back.") if answers.remove_ultraav else
                         tr("They came with Kaspersky's September 2024 switch for US customers. "
                            "Keeping them is your choice; Switchover leaves them alone.")),
            satisfied=True))
    steps.append(Step(id="verify", kind=StepKind.VERIFY,
                      title=tr("Check that Kaspersky is gone"),
                      description=tr("Looks again: product entries, services, processes, "
                                     "drivers, the Kaspersky root certificate, browser "
                                     "extensions, and that something protects the computer.")))
    notes = []
    if not detection.products:
        notes.append(tr("No Kaspersky product was found: there is nothing to remove. The "
                        "final check lists what an earlier removal left behind, with what to "
                        "do about each.") if detection.leftovers else
                     tr("No Kaspersky product was found: there is nothing to remove."))
    return UninstallPlan(snapshot.platform, tuple(steps), after, tuple(notes))
