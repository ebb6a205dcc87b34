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
from core.language.translate import tr, tr_n

# macOS's XProtect cannot be switched off by the user and has no running service we can
# observe, so its presence is its activity (shared/facts/peers.md §6).
ALWAYS_ON = {"xprotect"}


class Protection(NamedTuple):
    protected: bool
    by: tuple[str, ...]
    reason: str  # in the reader's language


def name_list(items: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B and C`: product names in one phrase of the reader's language."""
    if len(items) == 1:
        return items[0]
    return tr("{names} and {last}").format(names=", ".join(items[:-1]), last=items[-1])


def _classify(name: str, active: bool | None, outdated: bool | None, age: int | None,
              always_on: bool = False) -> tuple[str, str] | None:
    """("protecting" | "stale" | "off", name or sentence) for one real-time product, or None."""
    if always_on or (active and not outdated):
        return "protecting", name
    if active:
        if age is None:
            return "stale", tr("{name} is running, but its virus definitions are out of "
                               "date.").format(name=name)
        # English says "days" for one too, as it always has; other languages use their forms.
        return "stale", tr_n("{name} is running, but its virus definitions are {n} days old.",
                             "{name} is running, but its virus definitions are {n} days old.",
                             age).format(name=name, n=age)
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
        reason = tr("Real-time protection is on: {names}.").format(names=name_list(protecting))
        if unknown_age:
            reason += " " + tr("The age of the virus definitions of {names} could not be read "
                               "here; check in the product that it still updates.").format(
                names=name_list(unknown_age))
        return Protection(True, tuple(protecting), reason)
    parts = list(stale)
    if len(off) == 1:
        parts.append(tr("{name} is installed but not switched on.").format(name=off[0]))
    elif off:
        parts.append(tr("{names} are installed but not switched on.").format(names=name_list(off)))
    if not parts:
        parts.append(tr("No anti-virus that protects in real time was found."))
    if platform == "windows" and any("security center" in n.lower() or "wmi" in n.lower()
                                     for n in notes):
        parts.append(tr("Windows Security Center could not be read, so this is judged from "
                        "services alone."))
    return Protection(False, (), " ".join(parts))


def kept_protection(others: Sequence[OtherProduct]) -> tuple[str, ...]:
    """Products already protecting in real time that the user may simply keep.

    Built-in protection that is always there (XProtect) is not a choice to keep: it stays
    whatever the user does, and is basic, so it never makes choosing a replacement moot.
    """
    return tuple(o.name for o in others
                 if o.active and o.realtime and (o.id or "") not in ALWAYS_ON)
