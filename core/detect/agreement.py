"""Which independent anchors agree on a product, and what confidence that gives.

An anchor is independent when something else wrote it: the installer (an Apps & Features
entry, a package record, an app bundle, the install folder), the service manager (a
service or program that runs), Windows itself (Security Center), the kernel (a driver or
system extension). Three that agree — say an entry published by Kaspersky, its running
service and its Security Center registration — is high confidence; one alone is low.
Traces every Kaspersky product shares (the vendor registry key, a certificate) never count,
and anchors one writer made (an entry and its install folder) count once.
"""

from collections.abc import Iterable

from core.language.translate import mark
from core.machine.patterns import Match
from core.machine.traces import Trace

HIGH, MEDIUM, LOW = "high", "medium", "low"

# The anchors' names are data (the JSON's `anchors`, compared by the planners); they are
# marked for translation and said with tr() where a person reads them.
_KIND_ANCHOR = {
    "packages": mark("package database record"),
    "apps": mark("app bundle"),
    "folders": mark("install folder"),
    "services": mark("running service or program"),
    "launchd": mark("running service or program"),
    "processes": mark("running service or program"),
    "security_center": mark("Windows Security Center registration"),
    "system_extensions": mark("system extension"),
    "kexts": mark("kernel extension"),
    "drivers": mark("kernel driver"),
}


def agreed_anchors(traces: Iterable[tuple[Trace, Match]], entry_vouched: bool,
                   has_entry: bool) -> tuple[str, ...]:
    """The independent anchors among a product's traces, in a fixed order."""
    found: list[str] = []
    if has_entry:
        found.append(mark("Apps & Features entry published by Kaspersky") if entry_vouched
                     else mark("Apps & Features entry"))
    for trace, _ in traces:
        name = _KIND_ANCHOR.get(trace.kind)
        if name is None or trace.derived:
            continue
        if trace.kind in ("services", "launchd", "processes", "system_extensions",
                          "drivers") and not trace.running:
            continue
        found.append(name)
    return tuple(dict.fromkeys(found))


# Who wrote each anchor: the entry, the package record, the app and its folder are all
# the installer's, so together they are one witness, not several.
_WRITER = {"package database record": "installer", "app bundle": "installer",
           "install folder": "installer", "running service or program": "service manager",
           "Windows Security Center registration": "Windows",
           "system extension": "kernel", "kernel extension": "kernel",
           "kernel driver": "kernel"}


def confidence(anchors: tuple[str, ...]) -> str:
    """high: three independent writers agree; medium: two; low: one."""
    writers = {_WRITER.get(a, "installer") for a in anchors}
    return HIGH if len(writers) >= 3 else MEDIUM if len(writers) == 2 else LOW
