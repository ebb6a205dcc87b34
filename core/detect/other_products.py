"""Security products no signature names, and the protection built into macOS.

Windows Security Center is the OS's own list of installed security products: every entry
is reported (with its decoded state), so a product Switchover has no signature for (say
COMODO) still counts, and a machine is never called unprotected while Windows says it is.
"""

from collections.abc import Sequence

from core.detect.findings import OtherProduct
from core.language.translate import tr
from core.machine.security_center import decode_product_state
from core.machine.signatures import SignatureSet
from core.machine.snapshot import SystemSnapshot
from core.terminal_text import one_line

# Windows registers an anti-virus as an anti-spyware product too: one name, one product.
_KIND_ORDER = {"antivirus": 0, "firewall": 1, "antispyware": 2}


def unnamed_security_center(snap: SystemSnapshot, known: set[str]) -> list[OtherProduct]:
    """Every Security Center product that no signature claimed, once per name."""
    chosen: dict[str, tuple[int, OtherProduct]] = {}
    for sc in snap.security_center:
        name = one_line(sc.name)
        folded = sc.name.casefold()
        if folded in known or "kaspersky" in folded:
            continue  # a stale Kaspersky registration is reported as a leftover
        state = decode_product_state(sc.product_state) if sc.product_state is not None else None
        antivirus = sc.kind == "antivirus"
        if state is None:
            evidence = tr("Windows Security Center {kind}: {name}")
        elif state.up_to_date:
            evidence = tr("Windows Security Center {kind}: {name} (productState {code}: "
                          "{state}, definitions up to date)")
        else:
            evidence = tr("Windows Security Center {kind}: {name} (productState {code}: "
                          "{state}, definitions out of date)")
        found = OtherProduct(
            id=None, name=name, vendor=None, kind=sc.kind,
            active=state.on if state else None,
            up_to_date=state.up_to_date if state and antivirus else None,
            realtime=antivirus, evidence=(evidence.format(
                kind=sc.kind, name=name, code=sc.product_state,
                state=state.state if state else ""),))
        rank = _KIND_ORDER.get(sc.kind, 3)
        if folded not in chosen or rank < chosen[folded][0]:
            chosen[folded] = (rank, found)
    return [found for _, found in chosen.values()]


def built_in_xprotect(snap: SystemSnapshot, others: Sequence[OtherProduct],
                      signatures: SignatureSet) -> list[OtherProduct]:
    """XProtect on a Mac whose snapshot did not list its bundle.

    It is part of every macOS since 10.6 and System Integrity Protection keeps it there,
    so a probe that did not look for its folder does not make a Mac unprotected.
    """
    if snap.platform != "macos" or any(o.id == "xprotect" for o in others):
        return []
    sig = next((s for s in signatures.for_platform("macos") if s.id == "xprotect"), None)
    if sig is None:
        return []
    evidence = tr("built into macOS {version} (its folder was not listed in this "
                  "snapshot)").format(version=snap.os.version) if snap.os.version else tr(
        "built into macOS (its folder was not listed in this snapshot)")
    return [OtherProduct(id=sig.id, name=sig.name, vendor=sig.vendor, kind="antivirus",
                         active=True, up_to_date=None, realtime=True, evidence=(evidence,))]
