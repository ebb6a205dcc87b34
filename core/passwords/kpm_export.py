"""Kaspersky Password Manager's "Export to text file" format, read into plain records.

The format (no official specification; read from the samples and parsers in Bitwarden's
and Proton Pass's Kaspersky importers and three public converters): section headers on
their own line (`Websites`, `Applications`, `Other Accounts`, `Notes`), entries of
`Label: value` lines separated by a `---` line. `Comment:` and `Text:` run over several
lines, blank ones included, up to the next separator, so everything after them belongs
to them (a note may contain lines that look like fields). Values may contain `: `; only
the first one splits. Sections this parser does not know (newer versions may export
cards or addresses) are named in `unknown_sections` for the user, never guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTIONS = {
    "websites": "website",
    "applications": "application",
    "other accounts": "account",
    "notes": "note",
}
# Labels that start a field; the multi-line ones swallow the rest of the entry.
_LABELS = ("Website name", "Website URL", "Login name", "Login", "Password", "Comment",
           "Application", "Account name", "Name", "Text")
_MULTILINE = ("Comment", "Text")
_SEPARATOR = "---"
# Any `Label: value` line, known or not (a newer export's `Card number:`).
_OTHER_LABEL = re.compile(r"^([^\W\d][\w .'\-]{0,40}):(?: |$)")


@dataclass(frozen=True)
class PasswordRecord:
    """One exported entry: a login (website, application, account) or a secure note."""

    section: str  # website | application | account | note
    title: str
    url: str = ""
    username: str = ""
    password: str = ""
    notes: str = ""
    fields: tuple[tuple[str, str], ...] = field(default=())

    @property
    def is_note(self) -> bool:
        return self.section == "note"


@dataclass(frozen=True)
class KpmExport:
    records: tuple[PasswordRecord, ...]
    unknown_sections: tuple[str, ...]
    # What was there but not understood, named without its value (a value may be a
    # password): `Card number (in "Bank")`, `an entry with no known field`.
    unread: tuple[str, ...] = ()

    @property
    def notes(self) -> tuple[PasswordRecord, ...]:
        return tuple(r for r in self.records if r.section == "note")


def normalise_text(raw: str) -> str:
    return raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _split_field(line: str) -> tuple[str, str] | None:
    for label in _LABELS:
        if line == label + ":":
            return label, ""
        if line.startswith(label + ": "):
            return label, line[len(label) + 2:]
    return None


def _parse_entry(lines: list[str], unread: list[str] | None = None
                 ) -> tuple[list[tuple[str, str]], bool]:
    """Fields of one entry, in order; False when no line of it was a known field. A
    `Label: value` line with a label this parser does not know is named in `unread`."""
    fields: list[tuple[str, str]] = []
    known = False
    i = 0
    while i < len(lines):
        got = _split_field(lines[i])
        if got is None:
            if fields and fields[-1][0] in _MULTILINE:
                label, value = fields[-1]
                fields[-1] = (label, value + "\n" + lines[i])
            elif unread is not None and (other := _OTHER_LABEL.match(lines[i].strip())):
                unread.append(other.group(1))
            i += 1
            continue
        known = True
        label, value = got
        if label in _MULTILINE:
            rest = lines[i + 1:]
            while rest and not rest[-1].strip():
                rest.pop()
            fields.append((label, "\n".join([value, *rest]) if rest else value))
            break
        fields.append((label, value))
        i += 1
    return fields, known


def _record(section: str, fields: list[tuple[str, str]]) -> PasswordRecord:
    get = {label: value for label, value in reversed(fields)}
    login_name = get.get("Login name", "").strip()
    title = {
        "website": get.get("Website name", ""),
        "application": get.get("Application", ""),
        "account": get.get("Account name", ""),
        "note": get.get("Name", ""),
    }.get(section, get.get("Name", ""))
    title = title.strip() or get.get("Website URL", "").strip() or "(untitled)"
    if login_name and section != "note" and login_name.casefold() != title.casefold():
        title = f"{title} ({login_name})"
    if section == "note":
        return PasswordRecord(section, title, notes=get.get("Text", ""), fields=tuple(fields))
    return PasswordRecord(
        section, title, url=get.get("Website URL", "").strip(),
        username=get.get("Login", ""), password=get.get("Password", ""),
        notes=get.get("Comment", ""), fields=tuple(fields))


def _ends_entry(lines: list[str], index: int) -> bool:
    """A `---` line ends the entry unless it sits inside a comment or note: what follows a
    real separator is a field, a section header (a bare line before a field), or nothing."""
    rest = [line.strip() for line in lines[index + 1:] if line.strip()][:2]
    if not rest or rest[0] == _SEPARATOR or _split_field(rest[0]) is not None:
        return True
    if rest[0].casefold() in SECTIONS:
        return True
    return len(rest) > 1 and (_split_field(rest[1]) is not None
                              or _OTHER_LABEL.match(rest[1]) is not None)


def parse_kpm_export(raw: str) -> KpmExport:
    """Every entry of an export, in file order. Text that is not an export yields nothing."""
    lines = normalise_text(raw).split("\n")
    records: list[PasswordRecord] = []
    unknown: list[str] = []
    unread: list[str] = []
    section: str | None = None
    entry: list[str] = []

    def flush() -> None:
        nonlocal entry
        body = [line for line in entry]
        while body and not body[0].strip():
            body.pop(0)
        entry = []
        if not body:
            return
        labels: list[str] = []
        fields, known = _parse_entry(body, labels)
        if known and section is not None and section != "other":
            record = _record(section, fields)
            records.append(record)
            unread.extend(f"{label} (in “{record.title}”)" for label in labels)
        elif section is not None and section != "other" and labels:
            unread.append("an entry with only " + ", ".join(dict.fromkeys(labels)))

    at_boundary = True
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped == _SEPARATOR and _ends_entry(lines, index):
            flush()
            at_boundary = True
            continue
        if at_boundary and stripped and _split_field(line) is None:
            # A bare line where an entry would start is a section header.
            section = SECTIONS.get(stripped.casefold(), "other")
            if section == "other" and stripped not in unknown:
                unknown.append(stripped)
            at_boundary = False
            continue
        if stripped:
            at_boundary = False
        entry.append(line)
    flush()
    return KpmExport(tuple(records), tuple(unknown), tuple(unread))


def looks_like_kpm_export(head: str) -> bool:
    """True for the first few KiB of a KPM text export (used to keep it out of plain archives)."""
    text = normalise_text(head)
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if first.casefold() not in SECTIONS:
        return False
    return any(f"\n{label}:" in text for label in ("Website name", "Application",
                                                   "Account name", "Password", "Text"))


PASSWORD_COLUMNS = frozenset({"password", "login_password", "pass", "passwort",
                              "mot de passe", "contraseña", "senha", "wachtwoord"})


def looks_like_password_csv(head: str) -> bool:
    """True when a CSV/TSV header names a password column (any password manager's export).

    Excel may write a `sep=;` line first; columns may be separated by `,`, `;` or tabs.
    """
    lines = [line for line in normalise_text(head).split("\n") if line.strip()]
    if lines and lines[0].casefold().startswith("sep="):
        lines = lines[1:]
    if not lines:
        return False
    first = lines[0].casefold()
    for separator in (";", "\t"):
        first = first.replace(separator, ",")
    columns = {c.strip().strip('"') for c in first.split(",")}
    return bool(columns & PASSWORD_COLUMNS)
