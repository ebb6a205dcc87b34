"""Home or business: which kind of protection this machine should be offered.

A machine running Kaspersky's business products (Endpoint Security, Small Office
Security, Security for Windows Server) or its Network Agent is managed by an
organisation, and so is a server: they are offered business endpoint products, not a
free home anti-virus. Everything else is a home machine.
"""

from __future__ import annotations

from core.detect.detection import DetectionResult

BUSINESS_CATEGORIES = ("business", "agent")


def is_business(detection: DetectionResult | None, os_name: str = "") -> bool:
    if "server" in os_name.casefold():
        return True
    return detection is not None and any(p.category in BUSINESS_CATEGORIES
                                         for p in detection.products)


def audience_of(detection: DetectionResult | None, os_name: str = "") -> str:
    return "business" if is_business(detection, os_name) else "home"
