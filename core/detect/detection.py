"""Detection: which Kaspersky products, other security products and leftovers a snapshot shows.

A pure function of (snapshot, signatures). The rule that keeps look-alikes out: a product
is Kaspersky only when its Apps & Features publisher is one of Kaspersky's own names and
nothing contradicts it (a real Kaspersky product is never installed in a user-writable or
network folder), or when two independent anchors of the same signature agree (for example
the package and its /opt folder, or the app bundle and its launchd daemon). Traces shared
by every Kaspersky product (the vendor registry key, a certificate) never vouch for one.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from core.detect.agreement import agreed_anchors, confidence
from core.detect.candidates import Candidate, CandidateFinder, suspicious_location
from core.detect.findings import DetectedProduct, Ignored, Leftover, OtherProduct
from core.detect.other_products import built_in_xprotect, unnamed_security_center
from core.detect.product_merge import managed, one_each
from core.detect.protection import Protection, assess_protection
from core.language.translate import tr
from core.machine.definitions import STALE_AFTER_DAYS, parse_kaspersky_update_index
from core.machine.patterns import Match, version_agrees
from core.machine.patterns import match as pattern_match
from core.machine.security_center import decode_product_state
from core.machine.signatures import ProductSignature, SignatureSet, load_signatures
from core.machine.snapshot import SystemSnapshot
from core.machine.traces import Trace, collect_traces, match_trace, short_key
from core.terminal_text import one_line

# Traces that name one product: each is evidence for the first product that claims it.
_ONE_OWNER = frozenset(("services", "processes", "security_center", "uninstall", "apps",
                        "packages", "launchd"))


class DetectionResult(NamedTuple):
    platform: str
    taken_at: str
    products: tuple[DetectedProduct, ...]
    others: tuple[OtherProduct, ...]
    leftovers: tuple[Leftover, ...]
    ignored: tuple[Ignored, ...]
    protection: Protection
    notes: tuple[str, ...]
    signatures_reviewed: str

    @property
    def protected(self) -> bool:
        return self.protection.protected

    @property
    def kaspersky_found(self) -> bool:
        return bool(self.products)


class _Detector:
    def __init__(self, snap: SystemSnapshot, signatures: SignatureSet) -> None:
        self.snap = snap
        self.platform = snap.platform
        self.sigs = signatures.for_platform(snap.platform)
        self.leftover_sigs = signatures.leftovers_for(snap.platform)
        self.traces = collect_traces(snap)
        self.finder = CandidateFinder(snap, self.sigs, self.traces)
        self.claimed: set[tuple[str, str]] = set()

    def matching(self, sig: ProductSignature, version: str | None,
                 kinds: Iterable[str]) -> list[tuple[Trace, Match]]:
        hits = []
        for kind in kinds:
            patterns = sig.anchors.of(kind) + sig.traces.of(kind)
            for trace in self.traces.get(kind, ()):
                for pattern in patterns:
                    got = match_trace(pattern, trace, self.platform)
                    if got and version_agrees(got.version, version):
                        hits.append((trace, got))
                        break
        return hits

    def claim(self, trace: Trace) -> None:
        self.claimed.add((trace.kind, self.snap.path_key(trace.text)
                          if trace.kind in ("folders", "files") else trace.text.casefold()))

    def is_claimed(self, trace: Trace) -> bool:
        key = (self.snap.path_key(trace.text) if trace.kind in ("folders", "files")
               else trace.text.casefold())
        return (trace.kind, key) in self.claimed or (
            trace.kind == "files" and ("folders", key) in self.claimed)

    def _state(self, sig: ProductSignature, evidence: list[tuple[Trace, Match]]
               ) -> tuple[bool | None, bool | None]:
        """(active, up to date) from Security Center first, else services and processes."""
        names = [t.text.casefold() for t, _ in evidence if t.kind == "security_center"]
        states = [decode_product_state(sc.product_state) for sc in self.snap.security_center
                  if sc.name.casefold() in names and sc.kind == "antivirus"
                  and sc.product_state is not None]
        if states:
            on = [s for s in states if s.on]
            return bool(on), (all(s.up_to_date for s in on) if on else None)
        sysext = [t.running for t, _ in evidence if t.kind == "system_extensions"]
        if sysext and not any(sysext):
            # On macOS the system extension does the scanning; until the user approves it
            # ("activated waiting for user"), a running daemon protects nothing.
            return False, None
        running = [t.running for t, _ in evidence
                   if t.kind in ("services", "processes", "launchd", "system_extensions")]
        if any(r is True for r in running):
            return True, None
        if running and all(r is False for r in running):
            return False, None
        return None, None

    def definitions(self, sig: ProductSignature, version: str | None
                    ) -> tuple[datetime | None, int | None]:
        best: datetime | None = None
        for index in sig.definitions:
            for entry in self.snap.files:
                got = pattern_match(index.path, entry.path, self.platform, "path")
                if got and entry.text and version_agrees(got.version, version):
                    date = parse_kaspersky_update_index(entry.text)
                    if date and (best is None or date > best):
                        best = date
        if best is None:
            return None, None
        return best, (self.snap.taken_at_datetime - best).days

    def product(self, cand: Candidate) -> tuple[DetectedProduct, list[tuple[Trace, Match]]]:
        sig = cand.sig
        kinds = sorted(sig.traces.patterns.keys() | {
            k for k in sig.anchors.patterns if k != "uninstall"})
        # What names one product (its service, its process, its Security Center entry) is
        # evidence for that product only: never "protected by KES and KES".
        evidence = [(t, m) for t, m in self.matching(sig, cand.version, kinds)
                    if not t.derived  # a program's folder is said with the program
                    and not (t.kind in _ONE_OWNER and self.is_claimed(t))
                    and not (t.kind in ("services", "processes") and t.program
                             and suspicious_location(t.program))]
        seen = {t.label for t in cand.anchors}
        labels = [t.label for t in cand.anchors] + [t.label for t, _ in evidence
                                                     if t.label not in seen]
        for trace in cand.anchors:
            self.claim(trace)
        for trace, _ in evidence:
            self.claim(trace)
        installs = [e.install_location for e in cand.entries if e.install_location]
        installs += [t.text for t in cand.anchors if t.kind == "folders"] + cand.app_paths
        # One folder once: an entry's "…\\21.3\\" and the folder trace "…\\21.3" are the same.
        unique: dict[str, str] = {}
        for folder in installs:
            unique.setdefault(self.snap.path_key(folder.rstrip("\\/")), folder.rstrip("\\/"))
        installs = list(unique.values())
        sep = "\\" if self.platform == "windows" else "/"
        roots = [self.snap.path_key(i) for i in installs]
        for trace in self.traces["folders"] + self.traces["files"]:
            key = self.snap.path_key(trace.text)
            if any(key == root or key.startswith(root + sep) for root in roots):
                self.claim(trace)
        data = [t.text for t in self.traces["folders"]
                for p in sig.data_dirs
                if (g := pattern_match(p, t.text, self.platform, "path"))
                and version_agrees(g.version, cand.version)]
        for path in data:
            self.claim(Trace("folders", path, "", path))
        everything = evidence + [(t, Match({})) for t in cand.anchors]
        agreed = agreed_anchors([(t, Match({})) for t in cand.anchors] + [
            (t, m) for t, m in evidence if t.kind in ("services", "processes", "launchd",
                                                      "security_center", "drivers")],
            cand.publisher_vouched, bool(cand.entries))
        active, up_to_date = self._state(sig, everything)
        realtime = sig.realtime and (not sig.realtime_when or any(
            t.running for t, _ in everything
            if any(match_trace(p, t, self.platform) for p in sig.realtime_when)))
        defs_date, age = self.definitions(sig, cand.version)
        outdated: bool | None = None
        if age is not None:
            outdated = age > STALE_AFTER_DAYS
        elif up_to_date is not None:
            outdated = not up_to_date
        edition = cand.edition or next((got.groups["edition"] for _, got in evidence
                                        if got.groups.get("edition")), None)
        name = sig.name
        if edition and edition.casefold() not in name.casefold():
            name = f"{name} {edition}"
        if cand.app_name and sig.platform == "macos" and sig.kaspersky:
            name = cand.app_name
        if sig.name_from_entry and cand.entries:
            name = cand.entries[0].display_name
        product = DetectedProduct(
            id=sig.id, name=name, vendor=sig.vendor, category=sig.category,
            edition=edition, version=cand.version,
            components=tuple(c for c in sig.components
                             if c not in sig.editions_without.get(edition or "", ())),
            install_paths=tuple(dict.fromkeys(installs)), data_paths=tuple(dict.fromkeys(data)),
            definitions_date=defs_date, definitions_age_days=age, definitions_outdated=outdated,
            active=active, realtime=realtime, evidence=tuple(dict.fromkeys(labels)),
            uninstall_entries=tuple(cand.entries), confidence=confidence(agreed),
            anchors=agreed, version_from=cand.version_from if cand.version else None,
            signature_confidence=sig.confidence)
        return product, evidence

    # -- the rest ---------------------------------------------------------------------------

    def leftovers(self) -> list[Leftover]:
        out: list[Leftover] = []
        seen: set[tuple[str, str]] = set()
        for lo in self.leftover_sigs:
            for trace in self.traces.get(lo.kind, ()):
                if trace.kind != lo.kind or trace.derived or self.is_claimed(trace):
                    continue
                if (lo.kind, trace.text) in seen:
                    continue
                if any(match_trace(p, trace, self.platform) for p in lo.patterns):
                    seen.add((lo.kind, trace.text))
                    if suspicious_location(trace.program):
                        # Kaspersky's name on a program in a user-writable folder: not a
                        # remnant of Kaspersky, and nothing Switchover should point a user at.
                        self.finder.ignored.append(Ignored(trace.label, tr(
                            "not Kaspersky's: it runs {program}, a user-writable, temporary "
                            "or network folder").format(program=trace.program)))
                        continue
                    out.append(_leftover(lo.kind, lo.what, trace))
        return out


_LEFTOVER_KIND = {"folders": "folder", "files": "file", "services": "service",
                  "drivers": "driver", "registry": "registry", "certificates": "certificate",
                  "browser_extensions": "browser-extension", "security_center": "security-center",
                  "launchd": "launchd", "kexts": "kext", "system_extensions": "system-extension",
                  "packages": "package", "processes": "process", "uninstall": "uninstall-entry"}


def _leftover(kind: str, label: str, trace: Trace) -> Leftover:
    if kind in ("folders", "files", "registry"):
        return Leftover(_LEFTOVER_KIND[kind], label, one_line(short_key(trace.text)), label)
    return Leftover(_LEFTOVER_KIND[kind], one_line(trace.text), trace.where, label)


def _defender_policy(snap: SystemSnapshot) -> tuple[str, ...]:
    """Policy keys that stop Defender protecting, left by tweak tools or former admins.

    Either one means no real-time protection, whatever the service says, and both stop
    Defender from taking over once Kaspersky is gone (shared/facts/peers.md §6).
    """
    notes = []
    base = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender"
    if snap.registry.value(base, "DisableAntiSpyware") == 1:
        notes.append(tr("switched off by policy (DisableAntiSpyware = 1)"))
    if snap.registry.value(base + "\\Real-Time Protection", "DisableRealtimeMonitoring") == 1:
        notes.append(tr("real-time protection switched off by policy "
                        "(DisableRealtimeMonitoring = 1)"))
    return tuple(notes)


def detect(snap: SystemSnapshot, signatures: SignatureSet | None = None) -> DetectionResult:
    """Everything `switchover detect` reports, from a snapshot alone."""
    signatures = signatures or load_signatures()
    det = _Detector(snap, signatures)
    products: list[DetectedProduct] = []
    others: list[OtherProduct] = []
    known_sc: set[str] = set()
    accepted, stale = one_each([c for c in det.finder.find() if det.finder.accepted(c)])
    managed(accepted, det.sigs)
    for cand in accepted:  # what names a product is its own before anyone's evidence is read
        for trace in cand.anchors:
            det.claim(trace)
    for cand in accepted:
        product, evidence = det.product(cand)
        if cand.sig.kaspersky:
            products.append(product)
            continue
        known_sc |= {t.text.casefold() for t, _ in evidence if t.kind == "security_center"}
        known_sc |= {t.text.casefold() for t in cand.anchors if t.kind == "security_center"}
        notes = _defender_policy(snap) if cand.sig.id == "microsoft-defender" else ()
        active = False if notes else product.active
        name, realtime = product.name, product.realtime
        if cand.sig.id == "microsoft-defender" and snap.os.windows_before_8:
            # Windows 7's Windows Defender removes spyware; it scans for no viruses.
            name, realtime = tr("Windows Defender (anti-spyware only)"), False
        others.append(OtherProduct(
            id=product.id, name=name, vendor=product.vendor,
            kind="vpn" if "vpn" in product.components and not product.realtime else "antivirus",
            active=active, up_to_date=None if product.definitions_outdated is None
            else not product.definitions_outdated, realtime=realtime,
            evidence=product.evidence, notes=notes))
    others += unnamed_security_center(snap, known_sc)
    others += built_in_xprotect(snap, others, signatures)
    # Companion apps (Password Manager, VPN, Safe Kids) add their component to each suite.
    extra = [c for p in products if p.category == "component" for c in p.components]
    products = [p if p.category == "component" else _with_components(p, extra) for p in products]
    leftovers = stale + det.leftovers()
    protection = assess_protection(snap.platform, products, others, snap.notes)
    return DetectionResult(platform=snap.platform, taken_at=snap.taken_at,
                           products=tuple(products), others=tuple(others),
                           leftovers=tuple(leftovers), ignored=tuple(det.finder.ignored),
                           protection=protection, notes=snap.notes,
                           signatures_reviewed=signatures.reviewed)


def _with_components(product: DetectedProduct, extra: list[str]) -> DetectedProduct:
    merged = tuple(dict.fromkeys(product.components + tuple(extra)))
    if merged == product.components:
        return product
    return product._replace(components=merged)
