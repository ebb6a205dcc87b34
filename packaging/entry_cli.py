"""Frozen entry point of the console tool for IT scripts (switchover-cli)."""

import sys

from gui.launcher import main

sys.exit(main())
