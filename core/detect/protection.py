"""Is the machine protected right now? A pure judgement over what detection found.

Protected means: some anti-virus that scans in real time is switched on and its
definitions are not known to be out of date (where their age cannot be read, the reason
says so). A Kaspersky product that still runs but has not been updated since the US
cut-off does *not* protect against new threats, and saying otherwise would be the most
harmful thing Switchover could tell a user.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from core.detect.findings import DetectedProduct, OtherProduct

# macOS's XProtect cannot be switched off by the user and has no running service we can
# observe, so its presence is its activity (shared/facts/peers.md §6).
ALWAYS_ON = {"xprotect"}


class Protection(NamedTuple):
    protected: bool
    by: tuple[str, ...]
    reason: str


def _names(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _classify(name: str, active: bool | None, outdated: bool | None, age: int | None,
              always_on: bool = False) -> tuple[str, str] | None:
    """("protecting" | "stale" | "off", sentence) for one real-time product, or None."""
    if always_on or (active and not outdated):
        return "protecting", name
    if active:
        return "stale", (f"{name} is running, but its virus definitions are "
                         + (f"{age} days old" if age is not None else "out of date"))
    if active is False:
        return "off", name
    return None


def assess_protection(platform: str, products: Sequence[DetectedProduct],
                      others: Sequence[OtherProduct], notes: Sequence[str]) -> Protection:
    found: dict[str, list[str]] = {"protecting": [], "stale": [], "off": []}
    verdicts = [_classify(p.name, p.active, p.definitions_outdated, p.definitions_age_days)
                for p in products if p.realtime]
    # On and of unknown freshness (no definitions date on this system, no Security Center
    # verdict): counted as protecting, and the reason says what could not be checked.
    unknown_age = [p.name for p in products
                   if p.realtime and p.active and p.definitions_outdated is None]
    verdicts += [_classify(o.name, o.active, o.up_to_date is False, None, o.id in ALWAYS_ON)
                 for o in others if o.realtime]
    for verdict in verdicts:
        if verdict:
            found[verdict[0]].append(verdict[1])
    protecting, stale, off = found["protecting"], found["stale"], found["off"]
    if protecting:
        reason = f"Real-time protection is on: {_names(protecting)}."
        if unknown_age:
            reason += (f" The age of the virus definitions of {_names(unknown_age)} could "
                       "not be read here; check in the product that it still updates.")
        return Protection(True, tuple(protecting), reason)
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


def kept_protection(others: Sequence[OtherProduct]) -> tuple[str, ...]:
    """Products already protecting in real time that the user may simply keep.

    Built-in protection that is always there (XProtect) is not a choice to keep: it stays
    whatever the user does, and is basic, so it never makes choosing a replacement moot.
    """
    return tuple(o.name for o in others
                 if o.active and o.realtime and (o.id or "") not in ALWAYS_ON)
