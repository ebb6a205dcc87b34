"""The words of an uninstall, as types: what a step is, where it stands, what protects after.

They are string enums (`str` and `Enum`, as `StrEnum` is 3.11+ and Switchover runs on
3.10) so the saved state, the JSON contracts and the audit log keep the same
plain strings they always had ("needs-reboot" is still "needs-reboot" on disk), while the
code that decides can no longer misspell one.
"""

from __future__ import annotations

from enum import Enum


class Words(str, Enum):
    """An enum whose members are their strings, in JSON, f-strings and comparisons."""

    def __str__(self) -> str:
        return str(self.value)


class StepKind(Words):
    CHECK = "check"      # a pre-check the plan confirms (backup, confirmations, protection)
    REMOVE = "remove"    # a vendor uninstaller or package manager, rebuilt from valid parts
    MANUAL = "manual"    # something only a person can do (Kaspersky's own password prompt)
    REBOOT = "reboot"
    OFFER = "offer"      # noted, never forced (UltraAV)
    VERIFY = "verify"    # look again: is Kaspersky gone?


class StepStatus(Words):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    NEEDS_REBOOT = "needs-reboot"
    NEEDS_USER = "needs-user"


class ProtectionState(Words):
    """What will protect the machine once Kaspersky is gone."""

    OTHER = "other"          # another product already active
    DEFENDER = "defender"    # Windows turns Defender back on
    XPROTECT = "xprotect"    # macOS keeps only its built-in XProtect
    NONE = "none"            # nothing: needs the user's explicit acknowledgement
