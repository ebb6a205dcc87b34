"""Is this file a password export? By its content, never by its name, and failing closed.

The backup keeps such a file out of the plain archive (it goes into the encrypted part,
or nowhere), and `passwords find` offers it for conversion: both ask here. A user saves a
Kaspersky Password Manager export as `.txt.bak`, pastes it into notes, opens it in Excel
and saves it as `.xls`; a browser writes CSV, Bitwarden JSON, KeePass XML; labels come in
the user's language and the text in UTF-8 or UTF-16 with or without a byte-order mark.
What is looked for is the shape every such file shares: a password *value* under a
password *label* (a `Password:` line, a password column, a `"password": "…"` key, a
KeePass `Password` field). A masked value (`password: ********`) holds no secret.
"""

from __future__ import annotations

import os
import re

from core.long_paths import long_path

# Enough for the 9,000 blank lines or the pages of notes people put before an export.
HEAD_BYTES = 256 * 1024
MAX_SIZE = 50 * 1024 * 1024
# Formats that cannot hold a readable export (media, archives, Office's binary and zipped
# formats): their first bytes say so, whatever the file is called.
_BINARY_MAGIC = (b"\xd0\xcf\x11\xe0", b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"%PDF", b"PK\x03\x04",
                 b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"ID3", b"\x00\x00\x00\x18ftyp",
                 b"\x00\x00\x00\x20ftyp", b"RIFF", b"OggS", b"fLaC", b"MZ", b"\x7fELF")
_SKIP_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".mp3", ".mp4", ".mov",
                  ".avi", ".mkv", ".wav", ".flac", ".zip", ".7z", ".rar", ".gz", ".iso",
                  ".dmg", ".exe", ".dll", ".pdf", ".docx", ".pptx", ".xlsx", ".odt", ".ods")

# The word for "password" in the labels and columns of the exports seen, in the
# languages Switchover's users write (and the short forms people use as column names).
_PASSWORD_WORDS = ("password", "passwort", "kennwort", "пароль", "mot de passe",
                   "contraseña", "contrasena", "senha", "wachtwoord", "parola", "hasło",
                   "haslo", "lösenord", "salasana", "heslo", "jelszó", "pwd", "passwd",
                   "login_password", "pass")
_LOGIN_WORDS = ("login", "login name", "username", "user name", "user", "email", "e-mail",
                "account", "account name", "website", "website name", "website url", "url",
                "benutzername", "benutzer", "anmeldename", "логин", "имя пользователя",
                "identifiant", "nom d'utilisateur", "utilisateur", "usuario",
                "nombre de usuario", "utente", "nome utente", "usuário", "site", "сайт",
                "веб-сайт", "application", "anwendung", "приложение")
_LABEL_LINE = re.compile(r"\s*([^\W\d][\w .'\-’]{0,30}?)\s*:\s*(.*?)\s*$")
_JSON_PASSWORD = re.compile(r'"(?:password|passwd|pwd|pass)"\s*:\s*"([^"\\]|\\.)', re.I)
_XML_PASSWORD = re.compile(r"<Key>\s*Password\s*</Key>\s*<Value[^>]*>\s*[^<\s]"
                           r"|<password>\s*[^<\s]", re.I)
_MASKED = re.compile(r"^[*•●xX#.\-_ ]*$")


def decode_head(raw: bytes) -> str | None:
    """The text of a file's first bytes, or None when they are not text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if raw.startswith(_BINARY_MAGIC):
        return None
    sample = raw[:4096]
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    if zeros_odd > len(sample) // 4 and zeros_even < len(sample) // 40:
        return raw[: len(raw) // 2 * 2].decode("utf-16-le", errors="replace")
    if zeros_even > len(sample) // 4 and zeros_odd < len(sample) // 40:
        return raw[: len(raw) // 2 * 2].decode("utf-16-be", errors="replace")
    if b"\x00" in sample:
        return None
    return raw.decode("utf-8", errors="replace")


def _word(label: str, words: tuple[str, ...]) -> bool:
    return label.strip().strip('"').casefold() in words


def _labelled_secret(text: str) -> bool:
    """`Password: value` lines (a Kaspersky export in any language, notes people keep),
    with a login or site label beside them, or more than one."""
    passwords = logins = 0
    # Line by line, and only lines with a colon: a pattern anchored at every line start
    # of a 256 KiB text costs milliseconds per file, most of a backup of documents.
    for line in text.split("\n"):
        if ":" not in line or not (found := _LABEL_LINE.match(line)):
            continue
        label, value = found.group(1), found.group(2)
        if _word(label, _PASSWORD_WORDS):
            if value and not _MASKED.fullmatch(value):
                passwords += 1
        elif _word(label, _LOGIN_WORDS) and value:
            logins += 1
    return passwords >= 2 or (passwords >= 1 and logins >= 1)


def _password_column(text: str) -> bool:
    """A CSV/TSV whose header names a password column (any manager's export, Excel's
    `sep=;` line first, `,` `;` or tab between columns)."""
    lines = [line for line in text.split("\n")[:50] if line.strip()]
    if lines and lines[0].casefold().startswith("sep="):
        lines = lines[1:]
    if len(lines) < 2:
        return False
    header = lines[0]
    for separator in (";", "\t"):
        header = header.replace(separator, ",")
    return any(_word(column, _PASSWORD_WORDS) for column in header.split(","))


def secret_reason(text: str) -> str | None:
    """Why this text is a password export, or None. Exposed for `passwords find` and tests."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _labelled_secret(text):
        return "it holds passwords under a password label"
    if _password_column(text.lstrip()):
        return "it is a table with a password column"
    if _JSON_PASSWORD.search(text):
        return "it holds password values (JSON)"
    if _XML_PASSWORD.search(text):
        return "it holds password values (XML)"
    return None


def read_head(path: str, limit: int = HEAD_BYTES) -> bytes | None:
    """The first bytes of a regular file, never following a link or blocking on a FIFO."""
    try:
        fd = os.open(long_path(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            return handle.read(limit)
    except OSError:
        return None


def may_hold_secret(path: str, size: int) -> bool:
    """False for files whose size or kind rules out a readable export: no need to look."""
    return 0 < size <= MAX_SIZE and not path.casefold().endswith(_SKIP_SUFFIXES)


def head_secret_reason(head: bytes) -> str | None:
    """Why a file starting with `head` (its first HEAD_BYTES) is a password export, or
    None. The backup asks with the bytes it has already read for the copy."""
    text = decode_head(head[:HEAD_BYTES]) if head else None
    return secret_reason(text) if text else None


def file_secret_reason(path: str, size: int) -> str | None:
    """Why the file at `path` is a password export (by content), or None."""
    if not may_hold_secret(path, size):
        return None
    raw = read_head(path)
    return head_secret_reason(raw) if raw else None
