"""Candidates: which products a snapshot's anchors point at, and which of them to believe.

An anchor is a trace that can reveal a product on its own (an Apps & Features entry, an
app bundle, a package, the product's own folder, a service of a built-in product). This
module gathers anchors into candidates and applies the rule that keeps look-alikes out:
Kaspersky's own publisher name with nothing contradicting it, or two independent anchors
of the same signature. What it rejects is returned as `Ignored`, with the reason.
"""

import re
from collections.abc import Iterable

from core.detect.findings import Ignored, UninstallEntry
from core.language.translate import mark, tr
from core.machine.patterns import Match, version_agrees
from core.machine.patterns import match as pattern_match
from core.machine.product_codes import codes_in, rebuild_guid
from core.machine.signatures import ProductSignature
from core.machine.snapshot import App, SystemSnapshot
from core.machine.traces import Trace, command_program, match_trace
from core.terminal_text import one_line

# The order matters: what names a product (an entry, the Security Center's name, its
# folder, its package) comes before what only carries a product line and version (a
# service), so a service joins the product it belongs to instead of inventing another.
_ANCHOR_KINDS = ("uninstall", "security_center", "folders", "packages", "launchd",
                 "system_extensions", "kexts", "services", "processes")
# Traces that carry no version of their own, or a version that is not the product's
# (`KSDE1.0.0` for VPN 5.21; each receipt its own): they join the signature's product
# whatever its version.
_JOIN_ANY_VERSION = frozenset(("security_center", "packages", "launchd", "system_extensions",
                               "kexts", "processes", "apps"))
# Records only an administrator (or the OS) writes: a product they name is installed.
_IDENTITY_KINDS = frozenset(("packages",))
_OWN_BY_NAME = frozenset(("services", "processes", "launchd"))
# dpkg and rpm records go when the package goes; macOS keeps a pkgutil receipt after an
# app is dragged to the Trash, so a receipt alone is one anchor, not an install.
_PACKAGE_DATABASES = frozenset(("dpkg database", "rpm database"))
# Where a version was read (the JSON's `version_from`, data): marked for translation and
# said with tr() where a person reads it.
_VERSION_RANK = {mark("Apps & Features"): 5, mark("the package record"): 4,
                 mark("the app bundle"): 4, mark("the Apps & Features name"): 3,
                 mark("the install folder's name"): 3, mark("the service name"): 2,
                 mark("Security Center"): 1, mark("the running program"): 1}
VERSION_SOURCES = frozenset(_VERSION_RANK)
_VERSION_SOURCE = {"services": "the service name", "folders": "the install folder's name",
                   "packages": "the package record", "security_center": "Security Center",
                   "processes": "the running program"}
# Install or uninstaller locations no genuine Kaspersky product uses: user profiles,
# temporary and download folders, network shares.
_SUSPICIOUS_LOCATION = re.compile(
    r"(^\\\\)|(\\users\\)|(\\appdata\\)|(\\temp\\)|(\\downloads\\)|(^%)"
    # macOS and Linux: home folders, temporary folders, a mounted disk image or share
    r"|(^/home/)|(^/users/)|(^/root/)|(^/tmp/)|(^/var/tmp/)|(^/private/tmp/)|(^/private/var/"
    r"folders/)|(^/var/folders/)|(^/volumes/)|(^/media/)|(^/mnt/)|(/downloads/)", re.IGNORECASE)
_TOKEN_RE = re.compile(r"\{ver\}|\*|\{\w+:[^}]*\}")


class Candidate:
    """One product being pieced together from its anchors (mutable, internal)."""

    def __init__(self, sig: ProductSignature, version: str | None = None) -> None:
        self.sig = sig
        self.version = version
        self.edition: str | None = None
        self.identity = False
        self.anchor_kinds: set[str] = set()
        self.anchors: list[Trace] = []
        self.entries: list[UninstallEntry] = []
        self.app_paths: list[str] = []
        self.app_name: str | None = None
        self.version_from: str | None = None
        self.publisher_vouched = False

    def set_version(self, version: str | None, source: str) -> None:
        """Keep the version from the most trustworthy place (Apps & Features, then the
        package or app, then a name: the folder's before a service's, whose number may be
        its own, like `KSDE1.0.0` beside VPN 5.21), the most precise one among equals."""
        if not version:
            return
        rank = _VERSION_RANK.get(source, 0)
        mine = _VERSION_RANK.get(self.version_from or "", 0)
        if not self.version or rank > mine or (rank == mine and len(version) > len(self.version)):
            self.version, self.version_from = version, source

    def folders(self) -> list[str]:
        return [e.install_location for e in self.entries if e.install_location] + [
            t.text for t in self.anchors if t.kind == "folders"] + self.app_paths


def _norm_publisher(text: str) -> str:
    """Commas, quotes and spacing aside: Russian builds write АО "Лаборатория Касперского"."""
    for char in ',"«»“”':
        text = text.replace(char, " ")
    return " ".join(text.split()).rstrip(".").casefold()


def suspicious_location(path: str | None) -> bool:
    """In a user profile, a temporary or download folder, or on a network share."""
    return bool(path and _SUSPICIOUS_LOCATION.search(path))


def _contradiction(entry: UninstallEntry) -> str | None:
    """Why an entry that names Kaspersky is not trusted, or None."""
    if suspicious_location(entry.install_location):
        return tr("not trusted and never run: installed in {path}, a user-writable, "
                  "temporary or network folder").format(path=entry.install_location)
    uninstaller = command_program(entry.uninstall_string)
    if suspicious_location(uninstaller):
        return tr("not trusted and never run: its uninstaller is in {path}, a "
                  "user-writable, temporary or network folder").format(path=uninstaller)
    return None


def _entry(snap: SystemSnapshot, trace: Trace) -> UninstallEntry:
    def text(name: str) -> str | None:
        value = snap.registry.value(trace.key, name)
        return value if isinstance(value, str) and value.strip() else None

    windows_installer = snap.registry.value(trace.key, "WindowsInstaller") == 1 or bool(
        (text("UninstallString") or "").lower().lstrip('"').startswith("msiexec"))
    publisher = text("Publisher")
    return UninstallEntry(key=trace.key, display_name=one_line(trace.text),
                          version=text("DisplayVersion"),
                          publisher=one_line(publisher) if publisher else None,
                          install_location=text("InstallLocation"),
                          uninstall_string=text("UninstallString"),
                          quiet_uninstall_string=text("QuietUninstallString"),
                          windows_installer=windows_installer,
                          display_icon=text("DisplayIcon"))


def _specificity(pattern: str) -> int:
    """Literal characters a pattern pins down: `Kaspersky` beats the catch-all `Kaspersky*`."""
    return len(_TOKEN_RE.sub("", pattern))


def _best(sigs: Iterable[ProductSignature], kind: str, trace: Trace, platform: str
          ) -> tuple[ProductSignature, Match] | None:
    """The signature whose anchor pattern matches this trace most specifically.

    (A trace that belongs to a product already found joins it first: `_owner`.) A
    signature whose version range excludes the version the trace carries is passed over;
    a fallback (the product "not recognised by name") wins only when nothing else matches;
    a ranged signature beats an open one; then the most specific pattern, and on a tie the
    signature listed first.
    """
    best: tuple[tuple[bool, bool, int], ProductSignature, Match] | None = None
    for sig in sigs:
        for pattern in sig.anchors.of(kind):
            found = match_trace(pattern, trace, platform)
            if not found or not sig.admits(found.version):
                continue
            rank = (not sig.fallback, sig.versions != (None, None), _specificity(pattern))
            if best is None or rank > best[0]:
                best = (rank, sig, found)
    return None if best is None else (best[1], best[2])


class CandidateFinder:
    def __init__(self, snap: SystemSnapshot, sigs: tuple[ProductSignature, ...],
                 traces: dict[str, list[Trace]]) -> None:
        self.snap = snap
        self.platform = snap.platform
        self.sigs = sigs
        self.traces = traces
        self.ignored: list[Ignored] = []
        self.sep = "\\" if self.platform == "windows" else "/"

    def find(self) -> list[Candidate]:
        found: list[Candidate] = []
        for app in self.snap.apps:  # app bundles first: they say which product it is
            self._app_anchor(app, found)
        for trace in self.traces["uninstall"]:
            self._uninstall_anchor(trace, found)
        for kind in _ANCHOR_KINDS[1:]:
            for trace in self.traces[kind]:
                self._anchor(kind, trace, found)
        return found

    # -- one trace ---------------------------------------------------------------------------

    def _inside(self, program: str, cand: Candidate) -> bool:
        key = self.snap.path_key(program)
        return any(key.startswith(self.snap.path_key(f.rstrip("\\/")) + self.sep)
                   for f in cand.folders())

    def _owner(self, kind: str, trace: Trace, found: list[Candidate]
               ) -> tuple[Candidate, Match] | None:
        """A product already found that this trace belongs to.

        A service or process whose program lies in a product's folder is that product's;
        otherwise the first product whose own patterns know the trace and whose version
        agrees with the one the trace carries (`AVP21.3` is not Total Security 21.2's).
        """
        if kind in ("services", "processes") and trace.program:
            for cand in found:
                got = self._knows(cand.sig, kind, trace)
                if got is not None and self._inside(trace.program, cand):
                    return cand, got
        owners = []
        for cand in found:
            got = self._knows(cand.sig, kind, trace)
            if got is None:
                continue
            version = got.version or trace.version
            if kind in _JOIN_ANY_VERSION or version_agrees(version, cand.version) or (
                    kind == "services" and trace.running and cand.version is None):
                owners.append((cand, got))
        if kind == "processes" and len(owners) > 1:
            # `avp.exe` with no path, and two suites that run it: only one that already
            # runs may have it; otherwise it is evidence for neither (never for a stale one).
            owners = [o for o in owners if any(t.running for t in o[0].anchors)]
            return owners[0] if len(owners) == 1 else None
        return owners[0] if owners else None

    def _knows(self, sig: ProductSignature, kind: str, trace: Trace) -> Match | None:
        """The match when this trace is the product's own: one of its anchors or its own
        traces, or a service, program or Security Center name of its line (`AVP21.3`).
        A folder, receipt or kernel extension every Kaspersky product shares is not."""
        traces = sig.traces if kind in _OWN_BY_NAME else sig.own_traces
        for pattern in sig.anchors.of(kind) + traces.of(kind):
            got = match_trace(pattern, trace, self.platform)
            if got is not None:
                return got
        return None

    def _anchor(self, kind: str, trace: Trace, found: list[Candidate]) -> None:
        if kind in ("services", "processes") and suspicious_location(trace.program):
            return  # Kaspersky's name on a program in a user-writable folder: see leftovers
        owner = self._owner(kind, trace, found)
        if owner is None:
            hit = _best(self.sigs, kind, trace, self.platform)
            if hit is None:
                return
            sig, got = hit
            cand = self._join(found, sig, got.version or trace.version, kind)
        else:
            cand, got = owner
        if cand.sig.kaspersky and kind in ("services", "processes", "launchd") and (
                not trace.running):
            # A stopped service (and its folder) is what a half-finished removal leaves:
            # it is evidence for a product found otherwise (detection lists it), and alone
            # it is a leftover. A running one is an install, whatever else is missing.
            if not cand.anchors and not cand.app_paths:
                found.remove(cand)
            return
        cand.set_version(got.version or trace.version, _VERSION_SOURCE.get(kind, kind))
        cand.anchor_kinds.add(kind)
        cand.anchors.append(trace)
        cand.edition = cand.edition or got.groups.get("edition")
        if kind == "security_center" and not cand.sig.kaspersky:
            cand.identity = True  # the OS itself vouches for it
        if cand.sig.category == "builtin" or (kind in _IDENTITY_KINDS and cand.sig.kaspersky
                                               and trace.where in _PACKAGE_DATABASES):
            cand.identity = True

    def _app_anchor(self, app: App, found: list[Candidate]) -> None:
        matching = [s for s in self.sigs if any(
            pattern_match(a.path, app.path, self.platform, "path")
            and pattern_match(a.bundle_id, app.bundle_id, self.platform, "name")
            for a in s.apps)]
        if not matching:
            return
        best = max(matching, key=lambda s: max(len(a.path) for a in s.apps))
        cand = self._join(found, best, app.version, "apps")
        cand.set_version(app.version, "the app bundle")
        cand.anchor_kinds.add("apps")
        cand.app_paths.append(app.path)
        cand.app_name = cand.app_name or (one_line(app.name) if app.name else None)
        cand.anchors.append(Trace("apps", app.path, f"app: {app.path} "
                                  f"({app.bundle_id} {app.version or ''})".rstrip(), app.path))

    def _identify_entry(self, entry: UninstallEntry) -> tuple[ProductSignature, Match] | None:
        """The product an Apps & Features entry is, from what is not translated: its
        Windows Installer product code, its install folder, its uninstaller's folder."""
        codes = set(codes_in(entry.uninstall_string))
        key_code = rebuild_guid(entry.key.rsplit("\\", 1)[-1])
        if key_code:
            codes.add(key_code)
        for sig in self.sigs:
            if codes & set(sig.product_codes):
                return sig, Match({})
        for folder in (entry.install_location, command_program(entry.uninstall_string),
                       command_program(entry.display_icon)):
            if not folder or suspicious_location(folder):
                continue
            parts = folder.replace("/", "\\").rstrip("\\").split("\\")
            for end in range(len(parts), 2, -1):
                hit = _best(self.sigs, "folders", Trace("folders", "\\".join(parts[:end]), "",
                                                         ""), self.platform)
                if hit is not None and not hit[0].fallback:
                    return hit
        return None

    def _uninstall_anchor(self, trace: Trace, found: list[Candidate]) -> None:
        hit = _best(self.sigs, "uninstall", trace, self.platform)
        entry = _entry(self.snap, trace)
        if hit is None or hit[0].fallback:
            hit = self._identify_entry(entry) or hit
        if hit is None:
            if "kaspersky" in trace.text.casefold() or "kaspersky" in (
                    entry.publisher or "").casefold():
                self.ignored.append(Ignored(trace.label,
                                            tr("its name matches no Kaspersky product")))
            return
        sig, got = hit
        problem = _contradiction(entry)
        if problem and sig.kaspersky:
            self.ignored.append(Ignored(trace.label, problem))
            return
        version = entry.version or got.version
        cand = self._join(found, sig, version, "uninstall")
        cand.set_version(entry.version, "Apps & Features")
        cand.set_version(got.version, "the Apps & Features name")
        cand.edition = cand.edition or got.groups.get("edition")
        cand.anchor_kinds.add("uninstall")
        cand.anchors.append(trace)
        cand.entries.append(entry)
        publishers = {_norm_publisher(p) for p in sig.publishers}
        if entry.publisher and _norm_publisher(entry.publisher) in publishers:
            cand.identity = True
            cand.publisher_vouched = True

    def _join(self, found: list[Candidate], sig: ProductSignature,
              version: str | None, kind: str) -> Candidate:
        for cand in found:
            if cand.sig is sig and (kind in _JOIN_ANY_VERSION
                                    or version_agrees(version, cand.version)
                                    or version_agrees(cand.version, version)):
                return cand
        cand = Candidate(sig=sig, version=None)
        found.append(cand)
        return cand

    def runs_from_its_folder(self, cand: Candidate) -> bool:
        """A program of the product running from the product's own folder.

        That folder is under Program Files (only administrators write there) and the
        program is one of the product's own, so the two agree as independent anchors: the
        product is there even when its Apps & Features entry is missing or was refused.
        """
        if not any(t.kind == "folders" for t in cand.anchors):
            return False
        programs = self.traces["processes"] + [t for t in self.traces["services"] if t.running]
        return any(trace.program and self._inside(trace.program, cand) and any(
            match_trace(p, trace, self.platform) for p in cand.sig.traces.of(trace.kind))
            for trace in programs)

    def accepted(self, cand: Candidate) -> bool:
        """Kaspersky's own publisher or a package record; two independent anchors; or a
        product that is running (a running service is an install, never a leftover)."""
        running = any(t.running for t in cand.anchors if t.kind in (
            "services", "processes", "launchd", "system_extensions"))
        if (cand.identity or len(cand.anchor_kinds) >= 2 or self.runs_from_its_folder(cand)
                or (cand.sig.kaspersky and running)):
            return True
        if cand.sig.kaspersky:
            # Only what a user sees as a product; a lone folder is reported as a leftover.
            for trace in cand.anchors:
                if trace.kind == "uninstall":
                    self.ignored.append(Ignored(trace.label, tr(
                        "its publisher is not Kaspersky's and nothing else on the machine "
                        "confirms it")))
                elif trace.kind == "apps":
                    self.ignored.append(Ignored(trace.label, tr(
                        "nothing else on the machine confirms it is Kaspersky's")))
        # Another vendor's entry is believed unless it names a publisher that is not the
        # vendor's (UltraVPN's entry often names none at all).
        return not cand.sig.kaspersky and bool(cand.anchors or cand.app_paths) and all(
            e.publisher is None for e in cand.entries)
