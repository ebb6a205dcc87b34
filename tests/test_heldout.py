"""Detection on held-out machines: written from public footprints by testers who never saw
the detector, each with its sources and its expectation (the `heldout` block) written
before the detector ran on it. A machine is right when `switchover detect` reports exactly
the Kaspersky products expected (with the expected versions), at least the other security
products expected, and the expected protection verdict.

`python -m tests.test_heldout` prints the count right, machine by machine: the figure the
README quotes for before and after a change to detection.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.detect.detection import detect  # noqa: E402
from core.machine.snapshot_read import load_snapshot  # noqa: E402

HELDOUT = Path(__file__).resolve().parent / "machines" / "heldout"
MACHINES = sorted(HELDOUT.glob("*.json"))


def _expectation(path: Path) -> dict[str, Any]:
    block = json.loads(path.read_text(encoding="utf-8"))["heldout"]
    assert block["sources"], f"{path.name} names no source"
    return dict(block["expect"])


def problems(path: Path) -> list[str]:
    """What `detect` got wrong on one held-out machine (empty when it is right)."""
    expect = _expectation(path)
    result = detect(load_snapshot(path))
    found = {p.id: p for p in result.products}
    wanted = {k["id"]: k.get("version_prefix") for k in expect["kaspersky"]}
    out = []
    if set(found) != set(wanted):
        out.append(f"Kaspersky products {sorted(found)}, expected {sorted(wanted)}")
    for product_id, prefix in wanted.items():
        got = found.get(product_id)
        if got is not None and prefix and not (got.version or "").startswith(prefix):
            out.append(f"{product_id} version {got.version!r}, expected {prefix}…")
    others = {o.id for o in result.others}
    missing = sorted(set(expect.get("others", [])) - others)
    if missing:
        out.append(f"other products missing: {missing} (found {sorted(map(str, others))})")
    if expect.get("protected") is not None and result.protected is not expect["protected"]:
        out.append(f"protected {result.protected}, expected {expect['protected']}")
    return out


def test_there_are_held_out_machines_for_every_platform() -> None:
    assert len(MACHINES) >= 15
    platforms = {json.loads(p.read_text(encoding="utf-8"))["platform"] for p in MACHINES}
    assert platforms == {"windows", "macos", "linux"}


@pytest.mark.parametrize("path", MACHINES, ids=[p.stem for p in MACHINES])
def test_held_out_machine(path: Path) -> None:
    assert problems(path) == []


def main() -> int:
    right = 0
    for path in MACHINES:
        wrong = problems(path)
        right += not wrong
        print(f"{'right' if not wrong else 'WRONG'}  {path.stem}"
              + "".join(f"\n         {w}" for w in wrong))
    print(f"{right} of {len(MACHINES)} held-out machines right")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
