"""The bundled demo machines: snapshots that feed `--demo` and the tests alike."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from core.errors import BadInput
from core.resources import load_json_resource, resource_path

if TYPE_CHECKING:  # naming a demo (the wizard's title) needs no snapshot machinery
    from core.machine.snapshot import SystemSnapshot


class DemoMachine(NamedTuple):
    name: str
    title: str
    path: Path


def list_demos() -> list[DemoMachine]:
    """In the order of `resources/demo/index.json`; the first is the default demo."""
    index = load_json_resource("demo", "index.json")
    return [DemoMachine(item["name"], item["title"], resource_path("demo", item["name"] + ".json"))
            for item in index["machines"]]


def demo_machine(name: str | None) -> DemoMachine:
    demos = list_demos()
    if not name:
        return demos[0]
    for demo in demos:
        if demo.name == name:
            return demo
    raise BadInput(f"There is no demo machine called {name!r}; "
                   f"choose one of: {', '.join(d.name for d in demos)}.")


def load_demo(name: str | None) -> SystemSnapshot:
    from core.machine.snapshot_read import load_snapshot

    return load_snapshot(demo_machine(name).path)
