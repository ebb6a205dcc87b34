"""Candidates: which products a snapshot's anchors point at, and which of them to believe.

An anchor is a trace that can reveal a product on its own (an Apps & Features entry, an
app bundle, a package, the product's own folder, a service of a built-in product). This
module gathers anchors into candidates and applies the rule that keeps look-alikes out:
Kaspersky's own publisher name with nothing contradicting it, or two independent anchors
of the same signature. What it rejects is returned as `Ignored`, with the reason.
"""

import re
from collections.abc import Iterable

from core.findings import Ignored, UninstallEntry
from core.patterns import Match, version_agrees
from core.patterns import match as pattern_match
from core.signatures import ProductSignature
from core.snapshot import App, SystemSnapshot
from core.traces import Trace, command_program, match_trace

_ANCHOR_KINDS = ("uninstall", "folders", "packages", "launchd", "system_extensions", "kexts",
                 "services", "processes", "security_center")
# Install or uninstaller locations no genuine Kaspersky product uses: user profiles,
# temporary and download folders, network shares.
_SUSPICIOUS_LOCATION = re.compile(
    r"(^\\\\)|(\\users\\)|(\\appdata\\)|(\\temp\\)|(\\downloads\\)|(^%)", re.IGNORECASE)
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


def _norm_publisher(text: str) -> str:
    return " ".join(text.replace(",", " ").split()).rstrip(".").casefold()


def suspicious_location(path: str | None) -> bool:
    """In a user profile, a temporary or download folder, or on a network share."""
    return bool(path and _SUSPICIOUS_LOCATION.search(path))


def _contradiction(entry: UninstallEntry) -> str | None:
    for what, path in (("installed in", entry.install_location),
                       ("its uninstaller is in", command_program(entry.uninstall_string))):
        if suspicious_location(path):
            return f"{what} {path}, a user-writable, temporary or network folder"
    return None


def _entry(snap: SystemSnapshot, trace: Trace) -> UninstallEntry:
    def text(name: str) -> str | None:
        value = snap.registry.value(trace.key, name)
        return value if isinstance(value, str) and value.strip() else None

    windows_installer = snap.registry.value(trace.key, "WindowsInstaller") == 1 or bool(
        (text("UninstallString") or "").lower().lstrip('"').startswith("msiexec"))
    return UninstallEntry(key=trace.key, display_name=trace.text,
                          version=text("DisplayVersion"), publisher=text("Publisher"),
                          install_location=text("InstallLocation"),
                          uninstall_string=text("UninstallString"),
                          quiet_uninstall_string=text("QuietUninstallString"),
                          windows_installer=windows_installer)


def _specificity(pattern: str) -> int:
    """Literal characters a pattern pins down: `Kaspersky` beats the catch-all `Kaspersky*`."""
    return len(_TOKEN_RE.sub("", pattern))


def _best(sigs: Iterable[ProductSignature], kind: str, trace: Trace, platform: str,
          prefer: set[int] | frozenset[int] = frozenset()
          ) -> tuple[ProductSignature, Match] | None:
    """The signature whose pattern matches this trace most specifically.

    A trace several products share (the macOS launchd job of both Kaspersky for Mac and
    Endpoint Security for Mac) joins a product already found by a stronger anchor (`prefer`)
    rather than inventing a second one; otherwise the most specific pattern wins, and on a
    tie the signature listed first.
    """
    best: tuple[bool, int, ProductSignature, Match] | None = None
    for sig in sigs:
        for pattern in sig.anchors.of(kind):
            found = match_trace(pattern, trace, platform)
            rank = (id(sig) in prefer, _specificity(pattern))
            if found and (best is None or rank > best[:2]):
                best = (rank[0], rank[1], sig, found)
    return None if best is None else (best[2], best[3])


class CandidateFinder:
    def __init__(self, snap: SystemSnapshot, sigs: tuple[ProductSignature, ...],
                 traces: dict[str, list[Trace]]) -> None:
        self.snap = snap
        self.platform = snap.platform
        self.sigs = sigs
        self.traces = traces
        self.ignored: list[Ignored] = []

    def find(self) -> list[Candidate]:
        found: list[Candidate] = []
        for app in self.snap.apps:  # app bundles first: they say which product it is
            self._app_anchor(app, found)
        for trace in self.traces["uninstall"]:
            self._uninstall_anchor(trace, found)
        for kind in _ANCHOR_KINDS[1:]:
            for trace in self.traces[kind]:
                hit = _best(self.sigs, kind, trace, self.platform,
                            prefer={id(c.sig) for c in found})
                if hit:
                    sig, got = hit
                    cand = self._join(found, sig, got.version or trace.version)
                    cand.anchor_kinds.add(kind)
                    cand.anchors.append(trace)
                    cand.edition = cand.edition or got.groups.get("edition")
                    if kind == "security_center" and not sig.kaspersky:
                        cand.identity = True  # the OS itself vouches for it
                    if sig.category == "builtin":
                        cand.identity = True
        return found

    def _app_anchor(self, app: App, found: list[Candidate]) -> None:
        for sig in self.sigs:
            if any(pattern_match(a.path, app.path, self.platform, "path")
                   and pattern_match(a.bundle_id, app.bundle_id, self.platform, "name")
                   for a in sig.apps):
                break
        else:
            return
        best = max((s for s in self.sigs for a in s.apps
                    if pattern_match(a.path, app.path, self.platform, "path")
                    and pattern_match(a.bundle_id, app.bundle_id, self.platform, "name")),
                   key=lambda s: max(len(a.path) for a in s.apps))
        cand = self._join(found, best, app.version)
        cand.anchor_kinds.add("apps")
        cand.app_paths.append(app.path)
        cand.app_name = cand.app_name or app.name
        cand.anchors.append(Trace("apps", app.path, f"app: {app.path} "
                                  f"({app.bundle_id} {app.version or ''})".rstrip(), app.path))

    def _uninstall_anchor(self, trace: Trace, found: list[Candidate]) -> None:
        hit = _best(self.sigs, "uninstall", trace, self.platform)
        entry = _entry(self.snap, trace)
        if hit is None:
            if "kaspersky" in trace.text.casefold() or "kaspersky" in (
                    entry.publisher or "").casefold():
                self.ignored.append(Ignored(trace.label, "its name matches no Kaspersky product"))
            return
        sig, got = hit
        problem = _contradiction(entry)
        if problem and sig.kaspersky:
            self.ignored.append(Ignored(trace.label, f"not trusted and never run: {problem}"))
            return
        version = entry.version or got.version
        cand = self._join(found, sig, version)
        cand.version = cand.version or version
        cand.edition = cand.edition or got.groups.get("edition")
        cand.anchor_kinds.add("uninstall")
        cand.anchors.append(trace)
        cand.entries.append(entry)
        publishers = {_norm_publisher(p) for p in sig.publishers}
        if entry.publisher and _norm_publisher(entry.publisher) in publishers:
            cand.identity = True

    def _join(self, found: list[Candidate], sig: ProductSignature,
              version: str | None) -> Candidate:
        for cand in found:
            if cand.sig is sig and (version_agrees(version, cand.version)
                                    or version_agrees(cand.version, version)):
                if version and (not cand.version or len(version) > len(cand.version)):
                    cand.version = version
                return cand
        cand = Candidate(sig=sig, version=version)
        found.append(cand)
        return cand

    def runs_from_its_folder(self, cand: Candidate) -> bool:
        """A program of the product running from the product's own folder.

        That folder is under Program Files (only administrators write there) and the
        program is one of the product's own, so the two agree as independent anchors: the
        product is there even when its Apps & Features entry is missing or was refused.
        """
        folders = [self.snap.path_key(t.text.rstrip("\\/")) for t in cand.anchors
                   if t.kind == "folders"]
        if not folders:
            return False
        sep = "\\" if self.platform == "windows" else "/"
        programs = self.traces["processes"] + [t for t in self.traces["services"] if t.running]
        for trace in programs:
            if not trace.program:
                continue
            key = self.snap.path_key(trace.program)
            if any(key.startswith(folder + sep) for folder in folders) and any(
                    match_trace(p, trace, self.platform) for p in cand.sig.traces.of(trace.kind)):
                return True
        return False

    def accepted(self, cand: Candidate) -> bool:
        if cand.identity or len(cand.anchor_kinds) >= 2 or self.runs_from_its_folder(cand):
            return True
        if cand.sig.kaspersky:
            # Only what a user sees as a product; a lone folder is reported as a leftover.
            for trace in cand.anchors:
                if trace.kind == "uninstall":
                    self.ignored.append(Ignored(trace.label, "its publisher is not Kaspersky's "
                                                "and nothing else on the machine confirms it"))
                elif trace.kind == "apps":
                    self.ignored.append(Ignored(trace.label, "nothing else on the machine "
                                                "confirms it is Kaspersky's"))
        return not cand.sig.kaspersky and bool(cand.anchors or cand.app_paths) and (
            "uninstall" not in cand.anchor_kinds)
