"""The words of an uninstall, as types: what a step is, where it stands, what protects after.

They are string enums (`str` and `Enum`, as `StrEnum` is 3.11+ and Switchover runs on
3.10) so the saved state, the JSON contracts and the audit log keep the same
plain strings they always had ("needs-reboot" is still "needs-reboot" on disk), while the
code that decides can no longer misspell one. The values stay English whatever the
language; `said` is a member in the reader's language, for the enums whose values are
marked for translation (StepStatus here, the engine's Outcome).
"""

from __future__ import annotations

from enum import Enum

from core.language.translate import mark, tr


class Words(str, Enum):
    """An enum whose members are their strings, in JSON, f-strings and comparisons."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def said(self) -> str:
        """The member as a person reads it, in their language (values marked with mark())."""
        return tr(self.value)


class StepKind(Words):
    CHECK = "check"      # a pre-check the plan confirms (backup, confirmations, protection)
    REMOVE = "remove"    # a vendor uninstaller or package manager, rebuilt from valid parts
    MANUAL = "manual"    # something only a person can do (Kaspersky's own password prompt)
    REBOOT = "reboot"
    OFFER = "offer"      # noted, never forced (UltraAV)
    VERIFY = "verify"    # look again: is Kaspersky gone?


class StepStatus(Words):
    WAITING = mark("waiting")
    RUNNING = mark("running")
    DONE = mark("done")
    FAILED = mark("failed")
    SKIPPED = mark("skipped")
    NEEDS_REBOOT = mark("needs-reboot")
    NEEDS_USER = mark("needs-user")


class ProtectionState(Words):
    """What will protect the machine once Kaspersky is gone."""

    OTHER = "other"          # another product already active
    DEFENDER = "defender"    # Windows turns Defender back on
    XPROTECT = "xprotect"    # macOS keeps only its built-in XProtect
    NONE = "none"            # nothing: needs the user's explicit acknowledgement
