"""Product signatures: validated data from `resources/signatures/`, never code.

A signature says how one product shows itself on one OS (anchors that can reveal it,
traces that corroborate it, where its definitions date is written) and carries the
sources and confidence of every claim, so a reviewer can check each one. The loader is
strict: a typo in a pattern or an unknown field fails the test suite, not a user's scan.
"""

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from core.errors import ResourceError
from core.machine.patterns import PatternError, compile_pattern, version_key
from core.machine.snapshot import PLATFORMS, normalise_key_path
from core.resources import load_json_resource

FORMAT = "switchover-signatures"
SIGNATURE_FILES = ("kaspersky.json", "others.json")
CONFIDENCE = ("OFFICIAL", "STRONG", "WEAK", "UNCERTAIN")
CATEGORIES = ("suite", "component", "business", "agent", "builtin", "scanner", "other")
DEFINITION_FORMATS = ("kaspersky-update-index",)
_GUID = re.compile(r"\{[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}")
_VERSION = re.compile(r"\d+(?:\.\d+)*")

# Trace kinds, the snapshot list each is read from, and how its pattern is compiled.
TRACE_KINDS: dict[str, str] = {
    "folders": "path",
    "files": "path",
    "registry": "path",
    "services": "name",
    "drivers": "name",
    "processes": "name",
    "packages": "name",
    "launchd": "name",
    "kexts": "name",
    "system_extensions": "name",
    "browser_extensions": "name",
    "certificates": "name",
    "security_center": "name",
    "uninstall": "name",
}


class Source(NamedTuple):
    ref: str
    confidence: str
    note: str | None = None


class AppPattern(NamedTuple):
    """A macOS app bundle: its path pattern and its bundle id pattern must both match."""

    path: str
    bundle_id: str


class DefinitionsIndex(NamedTuple):
    """A small file whose text carries the date of the virus definitions."""

    path: str
    format: str


class Traces(NamedTuple):
    """Patterns per trace kind (see TRACE_KINDS); empty tuples where a kind does not apply."""

    patterns: Mapping[str, tuple[str, ...]] = {}

    def of(self, kind: str) -> tuple[str, ...]:
        return self.patterns.get(kind, ())


class ProductSignature(NamedTuple):
    id: str
    name: str
    vendor: str
    kaspersky: bool
    platform: str
    category: str
    components: tuple[str, ...]
    realtime: bool
    publishers: tuple[str, ...]
    anchors: Traces
    traces: Traces
    apps: tuple[AppPattern, ...]
    data_dirs: tuple[str, ...]
    definitions: tuple[DefinitionsIndex, ...]
    sources: tuple[Source, ...]
    confidence: str
    notes: str | None = None
    # Process or service names that must be running for the product to protect in real
    # time (ClamAV scans on access only while clamonacc runs); empty = any sign of life.
    realtime_when: tuple[str, ...] = ()
    # Report the Apps & Features name rather than ours (the catch-all for unnamed products).
    name_from_entry: bool = False
    # Components an edition does not have (Backup and Restore is in Plus and Premium only).
    editions_without: Mapping[str, tuple[str, ...]] = {}
    # Windows Installer product codes known to be this product's, whatever language its
    # Apps & Features name is in (canonical `{XXXXXXXX-…}` form, upper case).
    product_codes: tuple[str, ...] = ()
    # The versions a version-carrying anchor (`AVP{ver}`) may name for this product to be
    # inferred from that anchor alone: (lowest, highest), either end open as None.
    versions: tuple[str | None, str | None] = (None, None)
    # Used only when no other signature claims an anchor (a service whose product line
    # is shared by several products): the most specific signature wins over a fallback.
    fallback: bool = False
    # The product's own trace patterns, without the shared sets it uses: what may tie a
    # folder to this product rather than to any Kaspersky product.
    own_traces: Traces = Traces()
    # The product this one is on a managed machine (with a management agent) when no
    # app bundle names it: Kaspersky for Mac's receipts are Endpoint Security's there.
    when_managed: str | None = None

    def admits(self, version: str | None) -> bool:
        """Whether a version read from an anchor lies in this product's range."""
        low, high = self.versions
        if version is None or (low is None and high is None):
            return True
        have = version_key(version)
        return ((low is None or have >= version_key(low))
                and (high is None or have[: len(version_key(high))] <= version_key(high)))


class LeftoverSignature(NamedTuple):
    """A Kaspersky trace that, when no installed product claims it, is a leftover."""

    kind: str
    what: str
    platform: str
    patterns: tuple[str, ...]
    sources: tuple[Source, ...]


class SignatureSet(NamedTuple):
    reviewed: str
    products: tuple[ProductSignature, ...]
    leftovers: tuple[LeftoverSignature, ...]

    def for_platform(self, platform: str) -> tuple[ProductSignature, ...]:
        return tuple(p for p in self.products if p.platform == platform)

    def leftovers_for(self, platform: str) -> tuple[LeftoverSignature, ...]:
        return tuple(lo for lo in self.leftovers if lo.platform == platform)


class _Reader:
    """Reads one JSON object, naming `file:where.field` in every error."""

    def __init__(self, source: str, obj: object, where: str) -> None:
        if not isinstance(obj, dict):
            raise ResourceError(f"{source}: {where} must be an object.")
        self.source, self.obj, self.where = source, obj, where

    def fail(self, key: str, problem: str) -> ResourceError:
        return ResourceError(f"{self.source}: {self.where}.{key} {problem}.")

    def check_keys(self, allowed: Iterable[str]) -> None:
        unknown = set(self.obj) - set(allowed)
        if unknown:
            raise self.fail(sorted(unknown)[0], "is not a known field (typo?)")

    def text(self, key: str, required: bool = True) -> Any:
        value = self.obj.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty string")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.obj.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, "must be a list of non-empty strings")
        return tuple(value)

    def objects(self, key: str) -> "list[_Reader]":
        value = self.obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return [_Reader(self.source, item, f"{self.where}.{key}[{i}]")
                for i, item in enumerate(value)]

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if not isinstance(value, str) or value not in choices:
            raise self.fail(key, f"must be one of {', '.join(choices)}")
        return value


def _sources(reader: _Reader) -> tuple[Source, ...]:
    result = []
    for item in reader.objects("sources"):
        item.check_keys(("ref", "confidence", "note"))
        result.append(Source(ref=item.text("ref"), confidence=item.choice("confidence", CONFIDENCE),
                             note=item.text("note", required=False)))
    if not result:
        raise reader.fail("sources", "must list at least one source")
    return tuple(result)


def _traces(reader: _Reader, key: str, platform: str,
            trace_sets: Mapping[str, Mapping[str, tuple[str, ...]]],
            shared: bool = True) -> Traces:
    sub = reader.obj.get(key, {})
    inner = _Reader(reader.source, sub, f"{reader.where}.{key}")
    inner.check_keys((*TRACE_KINDS, "use"))
    # The product's own patterns come before the shared sets: a trace takes the first
    # pattern it matches, and the product's own is the more specific (it names an edition).
    patterns: dict[str, list[str]] = {kind: list(inner.texts(kind)) for kind in TRACE_KINDS}
    for set_name in inner.texts("use") if shared else ():
        if set_name not in trace_sets:
            raise inner.fail("use", f"names an unknown trace set {set_name!r}")
        for kind, values in trace_sets[set_name].items():
            patterns.setdefault(kind, []).extend(values)
    return Traces({k: tuple(_checked(inner, k, v, platform)) for k, v in patterns.items() if v})


def _checked(reader: _Reader, kind: str, patterns: Iterable[str], platform: str) -> list[str]:
    """Registry patterns in their one spelling. Compiling waits for first use (start-up time
    of `detect` matters); `validate_patterns` compiles them all, in the tests and self-test."""
    return [normalise_key_path(p) if kind == "registry" else p for p in patterns]


def validate_patterns(signatures: SignatureSet, source: str = "signatures") -> None:
    """Compile every pattern once; a typo names the product, the kind and the pattern."""
    for product in signatures.products:
        kinds = [*product.anchors.patterns.items(), *product.traces.patterns.items(),
                 ("folders", product.data_dirs), ("processes", product.realtime_when),
                 ("files", tuple(d.path for d in product.definitions)),
                 ("folders", tuple(a.path for a in product.apps)),
                 ("packages", tuple(a.bundle_id for a in product.apps))]
        checks = [(kind, p, product.platform, f"product {product.id}")
                  for kind, patterns in kinds for p in patterns]
        _compile_all(checks, source)
    _compile_all([(lo.kind, p, lo.platform, f"leftover {lo.what!r}")
                  for lo in signatures.leftovers for p in lo.patterns], source)


def _compile_all(checks: Iterable[tuple[str, str, str, str]], source: str) -> None:
    for kind, pattern, platform, owner in checks:
        try:
            compile_pattern(pattern, platform, TRACE_KINDS.get(kind, "path"))
        except PatternError as exc:
            raise ResourceError(f"{source}: {owner}, {kind}: {exc}.") from None


def _product(reader: _Reader, trace_sets: Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]],
             publishers: Mapping[str, tuple[str, ...]]) -> ProductSignature:
    reader.check_keys(("id", "name", "vendor", "kaspersky", "platform", "category",
                       "components", "realtime", "publishers", "anchors", "traces", "apps",
                       "data_dirs", "definitions", "sources", "confidence", "notes",
                       "realtime_when", "name_from_entry", "editions_without",
                       "product_codes", "versions", "fallback", "when_managed"))
    platform = reader.choice("platform", PLATFORMS)
    components = reader.texts("components")
    without = _Reader(reader.source, reader.obj.get("editions_without", {}),
                      f"{reader.where}.editions_without")
    editions_without = {edition: without.texts(edition) for edition in without.obj}
    for edition, absent in editions_without.items():
        if not set(absent) <= set(components):
            raise without.fail(edition, "names a component the product does not list")
    sets = trace_sets.get(platform, {})
    publisher_key = reader.text("publishers", required=False)
    if publisher_key is not None and publisher_key not in publishers:
        raise reader.fail("publishers", f"names an unknown publisher list {publisher_key!r}")
    apps = []
    for item in reader.objects("apps"):
        item.check_keys(("path", "bundle_id"))
        app = AppPattern(path=item.text("path"), bundle_id=item.text("bundle_id"))
        _checked(item, "path", [app.path], platform)
        _checked(item, "name", [app.bundle_id], platform)
        apps.append(app)
    definitions = []
    for item in reader.objects("definitions"):
        item.check_keys(("path", "format"))
        definitions.append(DefinitionsIndex(path=_checked(item, "path", [item.text("path")],
                                                          platform)[0],
                                            format=item.choice("format", DEFINITION_FORMATS)))
    anchors = _traces(reader, "anchors", platform, sets)
    if reader.flag("kaspersky", False) and anchors.of("uninstall") and not anchors.of(
            "security_center"):
        # Windows Security Center names a product as its Apps & Features entry does, so
        # the same names find it there (a machine whose registry could not be read).
        anchors = Traces({**anchors.patterns, "security_center": anchors.of("uninstall")})
    if not anchors.patterns and not apps:
        raise reader.fail("anchors", "must give at least one way to find the product")
    product_id = reader.text("id")
    codes = reader.texts("product_codes")
    for code in codes:
        if not _GUID.fullmatch(code):
            raise reader.fail("product_codes", f"has {code!r}, not a {{XXXXXXXX-XXXX-…}} code")
    versions = reader.obj.get("versions", [None, None])
    if (not isinstance(versions, list) or len(versions) != 2 or not all(
            v is None or (isinstance(v, str) and _VERSION.fullmatch(v)) for v in versions)):
        raise reader.fail("versions", "must be [lowest, highest], each a dotted version or null")
    if not product_id.replace("-", "").isalnum() or product_id != product_id.lower():
        raise reader.fail("id", "must be a lowercase slug (letters, digits, hyphens)")
    return ProductSignature(
        id=product_id, name=reader.text("name"), vendor=reader.text("vendor"),
        kaspersky=reader.flag("kaspersky", False), platform=platform,
        category=reader.choice("category", CATEGORIES), components=components,
        realtime=reader.flag("realtime", False),
        publishers=publishers.get(publisher_key, ()) if publisher_key else (),
        anchors=anchors, traces=_traces(reader, "traces", platform, sets), apps=tuple(apps),
        data_dirs=tuple(_checked(reader, "data_dirs", reader.texts("data_dirs"), platform)),
        definitions=tuple(definitions), sources=_sources(reader),
        confidence=reader.choice("confidence", CONFIDENCE), notes=reader.text("notes", False),
        realtime_when=tuple(_checked(reader, "processes", reader.texts("realtime_when"),
                                     platform)),
        name_from_entry=reader.flag("name_from_entry", False),
        editions_without=editions_without, product_codes=tuple(c.upper() for c in codes),
        versions=(versions[0], versions[1]), fallback=reader.flag("fallback", False),
        own_traces=_traces(reader, "traces", platform, sets, shared=False),
        when_managed=reader.text("when_managed", required=False))


def parse_signature_file(name: str, doc: object, check_patterns: bool = False) -> SignatureSet:
    top = _Reader(name, doc, "(top level)")
    top.check_keys(("format", "version", "reviewed", "description", "publishers", "trace_sets",
                    "products", "leftovers"))
    if top.obj.get("format") != FORMAT or top.obj.get("version") != 1:
        raise top.fail("format", f"must be {FORMAT!r} version 1")
    publishers_reader = _Reader(name, top.obj.get("publishers", {}), "publishers")
    publishers = {key: publishers_reader.texts(key) for key in publishers_reader.obj}
    trace_sets: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    for set_name, body in _Reader(name, top.obj.get("trace_sets", {}), "trace_sets").obj.items():
        inner = _Reader(name, body, f"trace_sets.{set_name}")
        inner.check_keys(("platform", *TRACE_KINDS))
        platform = inner.choice("platform", PLATFORMS)
        trace_sets.setdefault(platform, {})[set_name] = {
            kind: tuple(_checked(inner, kind, inner.texts(kind), platform))
            for kind in TRACE_KINDS if inner.obj.get(kind)}
    products = tuple(_product(r, trace_sets, publishers) for r in top.objects("products"))
    leftovers = []
    for item in top.objects("leftovers"):
        item.check_keys(("kind", "what", "platform", "patterns", "sources"))
        platform = item.choice("platform", PLATFORMS)
        kind = item.choice("kind", tuple(TRACE_KINDS))
        leftovers.append(LeftoverSignature(
            kind=kind, what=item.text("what"), platform=platform,
            patterns=tuple(_checked(item, kind, item.texts("patterns"), platform)),
            sources=_sources(item)))
    result = SignatureSet(reviewed=top.text("reviewed"), products=products,
                          leftovers=tuple(leftovers))
    if check_patterns:
        validate_patterns(result, name)
    return result


@lru_cache(maxsize=1)
def load_signatures() -> SignatureSet:
    """All bundled signatures, validated once per process."""
    sets = [parse_signature_file(name, load_json_resource("signatures", name))
            for name in SIGNATURE_FILES]
    seen: set[tuple[str, str]] = set()
    for product in (p for s in sets for p in s.products):
        key = (product.id, product.platform)
        if key in seen:
            raise ResourceError(f"Signature id {product.id!r} is defined twice for {key[1]}.")
        seen.add(key)
    for product in (p for s in sets for p in s.products):
        if product.when_managed and (product.when_managed, product.platform) not in seen:
            raise ResourceError(f"Signature {product.id!r}: when_managed names "
                                f"{product.when_managed!r}, which is not a product for "
                                f"{product.platform}.")
    return SignatureSet(reviewed=min(s.reviewed for s in sets),
                        products=tuple(p for s in sets for p in s.products),
                        leftovers=tuple(lo for s in sets for lo in s.leftovers))
