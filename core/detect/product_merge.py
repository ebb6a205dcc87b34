"""One product once: what to make of several candidates for the same product.

An upgrade can leave the older version's Apps & Features entry behind (no uninstaller,
nothing running); a service can carry a number of its own (`KSDE1.0.0` beside VPN 5.21).
Either way the machine has one product: the strongest candidate stays, a running or
uninstallable duplicate is folded into it, and a stale entry becomes a leftover.
"""

from collections.abc import Sequence

from core.detect.candidates import Candidate
from core.detect.findings import Leftover
from core.language.translate import tr
from core.machine.patterns import version_key
from core.machine.signatures import ProductSignature
from core.machine.traces import short_key

_RUNNING_KINDS = ("services", "processes", "launchd", "system_extensions")


def _running(cand: Candidate) -> bool:
    return any(t.running for t in cand.anchors if t.kind in _RUNNING_KINDS)


def _strength(cand: Candidate) -> tuple[bool, bool, bool, tuple[int, ...]]:
    uninstallable = any(e.uninstall_string for e in cand.entries)
    return (_running(cand), uninstallable, cand.publisher_vouched, version_key(cand.version))


def _stale(cand: Candidate) -> bool:
    """An entry left by an upgrade: nothing runs, and no entry can uninstall it."""
    return bool(cand.entries) and not _running(cand) and not any(
        e.uninstall_string for e in cand.entries)


def _fold(into: Candidate, other: Candidate) -> None:
    into.anchors += [t for t in other.anchors if t not in into.anchors]
    into.anchor_kinds |= other.anchor_kinds
    into.entries += [e for e in other.entries if e not in into.entries]
    into.app_paths += [p for p in other.app_paths if p not in into.app_paths]
    into.identity = into.identity or other.identity
    into.publisher_vouched = into.publisher_vouched or other.publisher_vouched
    if into.version is None and other.version:
        into.set_version(other.version, other.version_from or "")


def one_each(cands: Sequence[Candidate]) -> tuple[list[Candidate], list[Leftover]]:
    """The accepted candidates with one per Kaspersky product, and the stale entries."""
    groups: dict[str, list[Candidate]] = {}
    for cand in cands:
        groups.setdefault(cand.sig.id if cand.sig.kaspersky else f"#{id(cand)}",
                          []).append(cand)
    kept: list[Candidate] = []
    stale: list[Leftover] = []
    for group in groups.values():
        best = max(group, key=_strength)  # max keeps the first of equals: stable
        for other in group:
            if other is best:
                continue
            if _stale(other) and version_key(other.version) <= version_key(best.version):
                label = tr("Apps & Features entry left by an upgrade (it has no "
                           "uninstaller and nothing of it runs)")
                stale += [Leftover("uninstall-entry", f"{e.display_name} {e.version or ''}"
                                   .strip(), short_key(e.key), label)
                          for e in other.entries]
            else:
                _fold(best, other)
        kept.append(best)
    return [c for c in cands if c in kept], stale


def managed(cands: Sequence[Candidate], sigs: Sequence[ProductSignature]) -> None:
    """On a machine with a management agent, a product known only by traces that its
    business sibling shares (receipts, daemons) is that business product."""
    if not any(c.sig.category == "agent" and c.sig.kaspersky for c in cands):
        return
    by_id = {s.id: s for s in sigs}
    for cand in cands:
        target = by_id.get(cand.sig.when_managed or "")
        if target is not None and not cand.app_paths:
            cand.sig = target
