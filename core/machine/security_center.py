"""Decoding Windows Security Center's `productState` for an anti-virus product.

Microsoft does not document these bit masks; every public monitoring script observed uses
the same layout (shared/facts/peers.md §6), e.g. 397568 = 0x61100 is Defender, on, up to
date. We therefore decode only the two fields that layout agrees on and keep the rest raw.
"""

from typing import NamedTuple

_STATE_MASK = 0xF000
_SIGNATURE_MASK = 0x00F0
_OWNER_MASK = 0x0F00

_STATES = {0x0000: "off", 0x1000: "on", 0x2000: "snoozed", 0x3000: "expired"}


class ProductState(NamedTuple):
    state: str
    up_to_date: bool
    microsoft: bool

    @property
    def on(self) -> bool:
        return self.state == "on"


def decode_product_state(value: int) -> ProductState:
    return ProductState(
        state=_STATES.get(value & _STATE_MASK, "unknown"),
        up_to_date=(value & _SIGNATURE_MASK) == 0,
        microsoft=(value & _OWNER_MASK) == 0x100,
    )
