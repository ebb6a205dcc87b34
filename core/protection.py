"""Is the machine protected right now? A pure judgement over what detection found.

Protected means: some anti-virus that scans in real time is switched on and its
definitions are not out of date. A Kaspersky product that still runs but has not been
updated since the US cut-off does *not* protect against new threats, and saying
otherwise would be the most harmful thing Switchover could tell a user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.detection import DetectedProduct, OtherProduct

# macOS's XProtect cannot be switched off by the user and has no running service we can
# observe, so its presence is its activity (shared/facts/peers.md §6).
ALWAYS_ON = {"xprotect"}


@dataclass(frozen=True)
class Protection:
    protected: bool
    by: tuple[str, ...]
    reason: str


def _names(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def assess_protection(platform: str, products: Sequence[DetectedProduct],
                      others: Sequence[OtherProduct], notes: Sequence[str]) -> Protection:
    protecting: list[str] = []
    stale: list[str] = []
    off: list[str] = []
    for product in products:
        if not product.realtime:
            continue
        if product.active and product.definitions_outdated:
            age = product.definitions_age_days
            stale.append(f"{product.name} is running, but its virus definitions are "
                         + (f"{age} days old" if age is not None else "out of date"))
        elif product.active:
            protecting.append(product.name)
        elif product.active is False:
            off.append(product.name)
    for other in others:
        if not other.realtime:
            continue
        if other.id in ALWAYS_ON or (other.active and other.up_to_date is not False):
            protecting.append(other.name)
        elif other.active and other.up_to_date is False:
            stale.append(f"{other.name} is running, but its definitions are out of date")
        elif other.active is False:
            off.append(other.name)
    if protecting:
        return Protection(True, tuple(protecting),
                          f"Real-time protection is on: {_names(protecting)}.")
    parts = [s + "." for s in stale]
    if off:
        parts.append(f"{_names(off)} {'is' if len(off) == 1 else 'are'} installed but "
                     "not switched on.")
    if not parts:
        parts.append("No anti-virus that protects in real time was found.")
    if platform == "windows" and any("security center" in n.lower() or "wmi" in n.lower()
                                     for n in notes):
        parts.append("Windows Security Center could not be read, so this is judged from "
                     "services alone.")
    return Protection(False, (), " ".join(parts))
