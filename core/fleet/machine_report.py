"""The per-machine report `migrate` writes (docs/json-schemas/migrate.schema.json), as types.

`TypedDict`s rather than dataclasses because the report *is* its JSON: fleet-report and
device-management scripts read these exact keys, so the types describe the contract
without a conversion step that could drift from it. Keys that only some runs have (a
dry run has no `leftovers`) are marked `NotRequired`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:  # annotations only (they stay strings at run time), so 3.10 needs nothing
    from typing_extensions import NotRequired

REPORT_FORMAT = "switchover-machine-report"


class ProductEntry(TypedDict):
    id: str
    name: str
    version: str | None
    definitions_date: str | None
    definitions_age_days: int | None


class BackupEntry(TypedDict, total=False):
    status: str  # done | planned | failed | not asked for by the policy
    archive: object
    files: object
    bytes: object
    skipped: object
    destination: str
    items: list[str]
    error: str


class StepEntry(TypedDict):
    id: str
    title: str
    argv: list[str]
    status: NotRequired[str]
    detail: NotRequired[str]
    exit_code: NotRequired[int | None]


class LeftoverEntry(TypedDict):
    what: str
    where: str
    how: str


class MachineReport(TypedDict):
    format: str
    version: int
    hostname: str
    platform: str
    simulated: bool
    dry_run: bool
    started: str
    before: NotRequired[list[ProductEntry]]
    protected_before: NotRequired[bool]
    protection_before: NotRequired[str]
    backup: NotRequired[BackupEntry]
    protection_after_expected: NotRequired[str]
    steps: NotRequired[list[StepEntry]]
    protected_after: NotRequired[bool]
    expected_protection_met: NotRequired[bool]
    leftovers: NotRequired[list[LeftoverEntry]]
    outcome: NotRequired[str]
    exit_code: NotRequired[int]
    message: NotRequired[str]
    finished: NotRequired[str]
    report_error: NotRequired[str]
