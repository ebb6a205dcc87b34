"""What the wizard has learned so far, shared by its pages (plain data, no widgets)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Session:
    demo: str | None = None
    snapshot_path: str | None = None
    demo_title: str | None = None
    snapshot: Any = None
    detection: Any = None
    resume_uninstall: bool = False
    backup_plan: Any = None
    folders: list[str] = field(default_factory=list)
    destination: str = ""
    password_export: str | None = None
    passphrase: str | None = None  # kept in memory only, never saved or logged
    skip_backup: bool = False
    confirmed: set[str] = field(default_factory=set)
    backup_result: Any = None
    chosen: Any = None
    accept_unprotected: bool = False
    remove_ultraav: bool = False
    uninstall_plan: Any = None
    uninstall_state: Any = None
    verification: Any = None

    @property
    def simulated(self) -> bool:
        """A demo or a saved snapshot: every action is simulated by core and says so."""
        return self.demo is not None or self.snapshot_path is not None

    @property
    def kaspersky_found(self) -> bool:
        return bool(self.detection is not None and self.detection.products)
