"""What detection finds, as plain records: shared by detection, protection and the faces.

Kept apart from `detection.py` so that the protection judgement (and later the backup and
uninstall planners) can read findings without importing the detector.
"""

from datetime import datetime
from typing import NamedTuple


class UninstallEntry(NamedTuple):
    """An Apps & Features entry, as data for the uninstall planner (never run as found)."""

    key: str
    display_name: str
    version: str | None
    publisher: str | None
    install_location: str | None
    uninstall_string: str | None
    quiet_uninstall_string: str | None
    windows_installer: bool
    display_icon: str | None = None


class DetectedProduct(NamedTuple):
    id: str
    name: str
    vendor: str
    category: str
    edition: str | None
    version: str | None
    components: tuple[str, ...]
    install_paths: tuple[str, ...]
    data_paths: tuple[str, ...]
    definitions_date: datetime | None
    definitions_age_days: int | None
    definitions_outdated: bool | None
    active: bool | None
    realtime: bool
    evidence: tuple[str, ...]
    uninstall_entries: tuple[UninstallEntry, ...]
    # "high" when three or more independent anchors agree, "medium" for two, "low" for
    # one; `anchors` says which agreed. The signature's own sourcing is kept apart.
    confidence: str
    anchors: tuple[str, ...] = ()
    version_from: str | None = None
    signature_confidence: str = ""


class OtherProduct(NamedTuple):
    id: str | None
    name: str
    vendor: str | None
    kind: str
    active: bool | None
    up_to_date: bool | None
    realtime: bool
    evidence: tuple[str, ...]
    notes: tuple[str, ...] = ()


class Leftover(NamedTuple):
    kind: str
    what: str
    where: str
    label: str


class Ignored(NamedTuple):
    """Something that looked like Kaspersky but is not reported as a product, and why."""

    what: str
    why: str
