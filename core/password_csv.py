"""CSV files that other password managers import, from a Kaspersky Password Manager export.

Headers are those the importers read (sources in the README): Bitwarden's individual
vault CSV, 1Password 8's CSV, Chrome/Edge's `name,url,username,password,note` and
Firefox's `url,username,password`. What a format cannot hold (a browser cannot import
a secure note, nor a login without a web address) is listed with the reason, never
dropped silently. The CSV text is returned, not written: the caller decides where
plaintext secrets may go (never into an unencrypted archive).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from core.errors import BadInput
from core.kpm_export import KpmExport, PasswordRecord

FORMATS = {
    "bitwarden": ("folder", "favorite", "type", "name", "notes", "fields", "reprompt",
                  "login_uri", "login_username", "login_password", "login_totp"),
    "1password": ("Title", "Url", "Username", "Password", "OTPAuth", "Notes"),
    "chrome": ("name", "url", "username", "password", "note"),
    "firefox": ("url", "username", "password"),
}
FORMAT_NAMES = {
    "bitwarden": "Bitwarden",
    "1password": "1Password",
    "chrome": "Chrome / Edge",
    "firefox": "Firefox",
}
CHROME_MAX_BYTES = 150 * 1024  # Chromium's password_importer.cc kMaxFileSizeBytes


@dataclass(frozen=True)
class Conversion:
    format: str
    csv_text: str
    written: int
    skipped: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]


def web_address(url: str) -> str:
    """Browsers import only full addresses: `example.com` becomes `https://example.com`."""
    url = url.strip()
    if url and "://" not in url:
        return "https://" + url
    return url


def _row(fmt: str, record: PasswordRecord) -> list[str] | None:
    if fmt == "bitwarden":
        if record.is_note:
            return ["", "", "note", record.title, record.notes, "", "", "", "", "", ""]
        return ["", "", "login", record.title, record.notes, "", "", record.url,
                record.username, record.password, ""]
    if fmt == "1password":
        return [record.title, record.url, record.username, record.password, "", record.notes]
    if fmt == "chrome":
        return [record.title, web_address(record.url), record.username, record.password,
                record.notes]
    return [web_address(record.url), record.username, record.password]


def _skip_reason(fmt: str, record: PasswordRecord) -> str | None:
    if fmt == "bitwarden":
        return None
    if record.is_note:
        if fmt == "1password":
            return ("1Password imports secure notes separately; use the Bitwarden format or "
                    "copy it by hand")
        return "browsers cannot store secure notes"
    if fmt in ("chrome", "firefox") and not record.url:
        return "browsers import only logins with a web address"
    return None


def convert(export: KpmExport, fmt: str) -> Conversion:
    """The CSV text for `fmt`, with what it could not hold and why."""
    if fmt not in FORMATS:
        raise BadInput(f"Unknown password format {fmt!r}; choose one of: "
                       f"{', '.join(FORMATS)}.")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FORMATS[fmt])
    written = 0
    skipped: list[tuple[str, str]] = []
    for record in export.records:
        reason = _skip_reason(fmt, record)
        if reason:
            skipped.append((record.title, reason))
            continue
        row = _row(fmt, record)
        if row is not None:
            writer.writerow(row)
            written += 1
    text = buffer.getvalue()
    warnings = []
    if export.unknown_sections:
        warnings.append("Sections not converted: " + ", ".join(export.unknown_sections) + ".")
    if fmt == "chrome" and len(text.encode("utf-8")) > CHROME_MAX_BYTES:
        warnings.append("Chrome and Edge import at most 150 KB at a time; this file is "
                        "larger, so import it in parts or use a password manager.")
    warnings.append("This file holds your passwords in plain text: delete it once the "
                    "import has worked.")
    return Conversion(fmt, text, written, tuple(skipped), tuple(warnings))
