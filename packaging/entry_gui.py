"""Frozen entry point: the windowed app, or the command line when called `switchover-cli`.

On Linux and macOS `switchover-cli` is a symbolic link to this one executable (one copy of
the program instead of two); on Windows it is a separate console executable.
"""

import os
import sys

from gui.launcher import gui_main, main

name = os.path.basename(sys.argv[0]).casefold()
sys.exit(main() if name.startswith("switchover-cli") else gui_main())
