"""The exit codes every command uses: the README's table, in one place.

0 success; 1 the command failed (one sentence on stderr); 2 bad usage or bad input;
3 `verify`/`restore` found a damaged or incomplete archive; 4 something remains for a
person (a step waits for you, the final check still finds Kaspersky) or the machine is or
would be left unprotected; 10 `detect --exit-code` when Kaspersky is present.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    BAD_INPUT = 2
    DAMAGED = 3
    REMAINS = 4
    KASPERSKY_FOUND = 10
