"""The encrypted part of a backup: the password exports, and the passphrase that guards them.

Kept apart from the archive writer: what makes a passphrase acceptable is one rule that
the command line, `migrate` and the wizard all ask here, and the 7z that holds the
exports is the only place Switchover encrypts anything.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from core.backup.manifest import Skipped
from core.backup.names import display_path
from core.long_paths import long_path

SECRETS_NAME = "secrets/passwords-encrypted.7z"
SECRETS_MAX_BYTES = 50 * 1024 * 1024
MIN_PASSPHRASE = 10


def passphrase_problem(passphrase: str) -> str | None:
    """Why a passphrase is too weak to protect every password the user has, or None.

    Length alone lets `password12` and `1234567890` through; zxcvbn (Dropbox's estimator)
    knows common passwords, names, keyboard walks and repeats. A score of 3 ("safely
    unguessable: moderate protection from offline attacks") is asked for, on top of 7-Zip's
    2^19 key-derivation rounds per guess.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        return f"The passphrase must be at least {MIN_PASSPHRASE} characters long."
    from zxcvbn import zxcvbn

    estimate = zxcvbn(passphrase[:100])
    if estimate["score"] >= 3:
        return None
    hint = str((estimate.get("feedback") or {}).get("warning") or "").rstrip(".")
    said = f" ({hint[:1].lower()}{hint[1:]})" if hint else ""
    return (f"This passphrase would be guessed too easily{said}: use four or more words "
            "that do not belong together.")


def secrets_7z(paths: list[str], passphrase: str) -> tuple[bytes, list[str], list[Skipped]]:
    """A 7z archive in memory, AES-256 with 7-Zip's own key derivation (2^19 rounds of
    SHA-256 per guess, where WinZip's AE-2 gives PBKDF2 1,000) and the file names
    encrypted too: 7-Zip, Keka and The Unarchiver open it with the passphrase."""
    import py7zr

    buffer = io.BytesIO()
    stored: list[str] = []
    skipped: list[Skipped] = []
    total = 0
    used: set[str] = set()
    with py7zr.SevenZipFile(buffer, "w", password=passphrase) as archive:
        archive.set_encrypted_header(True)
        for path in paths:
            try:
                data = Path(long_path(path)).read_bytes()
            except OSError as exc:
                skipped.append(Skipped(display_path(path), f"cannot be read ({exc.strerror})"))
                continue
            total += len(data)
            if total > SECRETS_MAX_BYTES:
                skipped.append(Skipped(display_path(path),
                                       "too large for the encrypted part (50 MB)"))
                continue
            name = display_path(os.path.basename(path)) or "passwords.txt"
            base, n = name, 2
            while name in used:
                name = f"{n}-{base}"
                n += 1
            used.add(name)
            archive.writestr(data, name)
            stored.append(path)
    return buffer.getvalue(), stored, skipped
