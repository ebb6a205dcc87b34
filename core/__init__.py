"""Switchover's core library: probes, snapshots and every decision, with no Qt.

The GUI and the CLI are thin faces over this package; keeping Qt out of it (a test
checks) is what lets IT staff run the same code headless and lets the Windows and
macOS logic be tested on Linux from recorded snapshots.
"""

__version__ = "0.1.0"
