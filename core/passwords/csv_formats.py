"""CSV files that other password managers import, from a Kaspersky Password Manager export.

Headers are those the importers read (sources in the README): Bitwarden's individual
vault CSV, 1Password 8's CSV, Chrome/Edge's `name,url,username,password,note`,
Firefox's `url,username,password`, Apple Passwords' `Title,URL,Username,Password,Notes,
OTPAuth`, Proton Pass's own CSV and KeePassXC's CSV (its exporter's columns, which its
importer maps by name). What a format cannot hold (a browser cannot import
a secure note, nor a login without a web address) is listed with the reason, never
dropped silently. The CSV text is returned, not written: the caller decides where
plaintext secrets may go (never into an unencrypted archive).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from core.errors import BadInput
from core.passwords.kpm_export import KpmExport, PasswordRecord

FORMATS = {
    "bitwarden": ("folder", "favorite", "type", "name", "notes", "fields", "reprompt",
                  "login_uri", "login_username", "login_password", "login_totp"),
    "1password": ("Title", "Url", "Username", "Password", "OTPAuth", "Notes"),
    "chrome": ("name", "url", "username", "password", "note"),
    "firefox": ("url", "username", "password"),
    "apple": ("Title", "URL", "Username", "Password", "Notes", "OTPAuth"),
    "protonpass": ("type", "name", "url", "email", "username", "password", "note", "totp",
                   "createTime", "modifyTime", "vault"),
    "keepassxc": ("Group", "Title", "Username", "Password", "URL", "Notes"),
}
FORMAT_NAMES = {
    "bitwarden": "Bitwarden",
    "1password": "1Password",
    "chrome": "Chrome / Edge",
    "firefox": "Firefox",
    "apple": "Apple Passwords (Safari)",
    "protonpass": "Proton Pass",
    "keepassxc": "KeePassXC",
}
CHROME_MAX_BYTES = 150 * 1024  # Chromium's password_importer.cc kMaxFileSizeBytes
CHROME_MAX_NOTE = 1000  # Chromium refuses a row whose note is longer (password_importer.cc)


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
    if fmt == "apple":
        return [record.title, web_address(record.url), record.username, record.password,
                record.notes, ""]
    if fmt == "protonpass":
        if record.is_note:
            return ["note", record.title, "", "", "", "", record.notes, "", "", "", ""]
        return ["login", record.title, record.url, "", record.username, record.password,
                record.notes, "", "", "", ""]
    if fmt == "keepassxc":
        return ["Kaspersky", record.title, record.username, record.password, record.url,
                record.notes]
    return [web_address(record.url), record.username, record.password]


def _skip_reason(fmt: str, record: PasswordRecord) -> str | None:
    if fmt in ("bitwarden", "protonpass", "keepassxc"):
        return None
    if record.is_note:
        if fmt == "1password":
            return ("1Password imports secure notes separately; use the Bitwarden format or "
                    "copy it by hand")
        return ("Apple Passwords imports no secure notes" if fmt == "apple"
                else "browsers cannot store secure notes")
    if fmt in ("chrome", "firefox", "apple") and not record.url:
        return "browsers and Apple Passwords import only logins with a web address"
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
    long_notes = [r.title for r in export.records if not r.is_note
                  and len(r.notes) > CHROME_MAX_NOTE]
    if fmt == "chrome" and long_notes:
        warnings.append(f"Chrome and Edge refuse a login whose note is longer than "
                        f"{CHROME_MAX_NOTE} characters: shorten the note of "
                        + ", ".join(long_notes[:5]) + (" and others" if len(long_notes) > 5
                                                      else "") + " first.")
    no_site = sum(1 for r in export.records if not r.is_note and not r.url)
    if fmt == "1password" and no_site:
        warnings.append(f"{no_site} logins have no web address: 1Password imports them as "
                        "logins without a website. 1Password 7 reads CSV columns by position "
                        "(title, website, username, password, notes): match them when asked.")
    if fmt in ("bitwarden", "protonpass"):
        warnings.append(f"{FORMAT_NAMES[fmt]} can also import the Kaspersky .txt export "
                        "directly (choose Kaspersky in its importer), without this CSV.")
    if export.unread:
        warnings.append("Not converted, as the export did not say what they are: "
                        + "; ".join(export.unread[:10]) + ".")
    warnings.append("This file holds your passwords in plain text: delete it once the "
                    "import has worked.")
    return Conversion(fmt, text, written, tuple(skipped), tuple(warnings))
