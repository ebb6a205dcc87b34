"""Kaspersky Password Manager text exports become CSV files other managers import.

The sample export in tests/data/kpm/ is written from the documented format (sections,
`Label: value` lines, `---` separators, multi-line comments and notes) with fake data.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from core.passwords.csv_formats import FORMATS, convert
from core.passwords.kpm_export import (
    looks_like_kpm_export,
    looks_like_password_csv,
    parse_kpm_export,
)

SAMPLE = Path(__file__).parent / "data" / "kpm" / "export-en.txt"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def export():
    return parse_kpm_export(SAMPLE.read_text(encoding="utf-8"))


def test_every_entry_of_every_known_section_is_read(export) -> None:
    assert [r.section for r in export.records] == [
        "website", "website", "website", "application", "account", "note"]
    assert export.unknown_sections == ("Bank cards",)


def test_two_logins_for_one_website_stay_two_logins_with_distinct_titles(export) -> None:
    first, second = export.records[:2]
    assert first.title == "Example Mail (Work)" and second.title == "Example Mail"
    assert (first.username, second.username) == ("dana@example.com", "dana.private@example.com")


def test_values_keep_colons_commas_quotes_and_unicode(export) -> None:
    first = export.records[0]
    assert first.password == 's3cret, with "quotes"'
    assert first.notes == "first line\nsecond line: with a colon"
    assert export.records[2].password == "pässwörd✓"
    assert export.records[4].notes == "Key: value on the sticker"


def test_a_note_keeps_lines_that_look_like_fields(export) -> None:
    note = export.notes[0]
    assert note.title == "Wi-Fi at home"
    assert note.notes == ("Network: Example-Net\n\nPassword: not-a-field-just-text\n"
                          "Username: also text")


def test_windows_line_endings_and_a_byte_order_mark_read_the_same(export) -> None:
    raw = "\ufeff" + SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert parse_kpm_export(raw).records == export.records


def test_text_that_is_not_an_export_yields_nothing() -> None:
    assert parse_kpm_export("Dear diary,\nPassword: nope\n").records == ()
    assert parse_kpm_export("").records == ()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_csv_has_the_importers_header_and_round_trips(export, fmt: str) -> None:
    result = convert(export, fmt)
    header = next(csv.reader(io.StringIO(result.csv_text)))
    assert tuple(header) == FORMATS[fmt]
    assert result.written == len(_rows(result.csv_text))
    assert result.written + len(result.skipped) == len(export.records)
    assert any("plain text" in w for w in result.warnings)
    assert any("Bank cards" in w for w in result.warnings)


def test_bitwarden_keeps_logins_and_secure_notes(export) -> None:
    rows = _rows(convert(export, "bitwarden").csv_text)
    assert [r["type"] for r in rows] == ["login"] * 5 + ["note"]
    assert rows[0]["login_password"] == 's3cret, with "quotes"'
    assert rows[0]["notes"] == "first line\nsecond line: with a colon"
    assert rows[5]["name"] == "Wi-Fi at home" and "Example-Net" in rows[5]["notes"]


def test_browsers_get_full_web_addresses_and_are_told_what_they_cannot_hold(export) -> None:
    chrome = convert(export, "chrome")
    rows = _rows(chrome.csv_text)
    assert [r["url"] for r in rows] == ["https://mail.example.com"] * 2 + [
        "https://shop.example.org"]
    reasons = dict(chrome.skipped)
    assert "web address" in reasons["Example Desktop Client"]
    assert "secure notes" in reasons["Wi-Fi at home"]
    firefox = _rows(convert(export, "firefox").csv_text)
    assert [r["username"] for r in firefox] == ["dana@example.com", "dana.private@example.com",
                                                "dana"]


def test_sniffers_recognise_exports_and_password_csvs_but_not_ordinary_text(export) -> None:
    assert looks_like_kpm_export(SAMPLE.read_text(encoding="utf-8")[:4096])
    assert looks_like_password_csv(convert(export, "chrome").csv_text)
    assert looks_like_password_csv(convert(export, "bitwarden").csv_text)
    assert not looks_like_kpm_export("Notes from the meeting\nAgenda: budget\n")
    assert not looks_like_password_csv("date,amount,payee\n2024-01-01,10,shop\n")


def test_cli_writes_a_private_csv_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "bitwarden.csv"
    done = run_cli("passwords", "convert", str(SAMPLE), "--format", "bitwarden",
                   "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Wrote 6 entries for Bitwarden" in done.stdout
    assert "delete it" in done.stdout
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    again = run_cli("passwords", "convert", str(SAMPLE), "--format", "chrome",
                    "--out", str(out))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert out.read_bytes() == before


def test_cli_refuses_a_file_that_is_not_an_export(tmp_path: Path) -> None:
    other = tmp_path / "shopping.txt"
    other.write_text("milk\neggs\n", encoding="utf-8")
    done = run_cli("passwords", "convert", str(other), "--format", "chrome",
                   "--out", str(tmp_path / "x.csv"))
    assert done.returncode == 2
    assert "does not look like" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.csv").exists()


def test_a_separator_inside_a_comment_keeps_the_entry_and_those_after_it() -> None:
    text = ("Websites\n\nWebsite name: Mail\nWebsite URL: mail.example.com\nLogin: dana\n"
            "Password: one\nComment: my notes\n---\nstill my notes\n\n---\n\n"
            "Website name: Shop\nWebsite URL: shop.example.org\nLogin: dana\n"
            "Password: two\nComment: \n\n---\n")
    export = parse_kpm_export(text)
    assert [(r.title, r.password) for r in export.records] == [("Mail", "one"), ("Shop", "two")]
    assert export.records[0].notes == "my notes\n---\nstill my notes"


def test_labels_the_parser_does_not_know_are_named_without_their_values() -> None:
    text = ("Websites\n\nWebsite name: Mail\nWebsite URL: mail.example.com\nLogin: dana\n"
            "Password: one\nRecovery code: 1234-5678\nComment: \n\n---\n\n"
            "Website name: Lost\nPasskey: abc\n---\n")
    export = parse_kpm_export(text)
    assert len(export.records) == 2
    assert export.unread == ("Recovery code (in “Mail”)", "Passkey (in “Lost”)")
    warnings = " ".join(convert(export, "bitwarden").warnings)
    assert "Recovery code" in warnings and "1234-5678" not in warnings


def test_a_utf16_export_without_a_byte_order_mark_converts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "export.txt"
    source.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("utf-16-le"))
    out = tmp_path / "out.csv"
    done = run_cli("passwords", "convert", str(source), "--format", "bitwarden",
                   "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "s3cret" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "header_file"), [
    ("apple", "Passwords.csv"), ("protonpass", "Proton Pass_export.csv"),
    ("keepassxc", "keepassxc_export.csv")])
def test_new_formats_carry_the_header_their_own_exports_carry(export, fmt: str,  # type: ignore[no-untyped-def]
                                                              header_file: str) -> None:
    """The importers read what their own exporters write (the corpus files follow the
    formats' public sources, listed in tests/data/secret_variants/EXPECTED.json)."""
    own = ROOT / "tests" / "data" / "secret_variants" / header_file
    theirs = next(csv.reader(io.StringIO(own.read_text(encoding="utf-8"))))
    ours = next(csv.reader(io.StringIO(convert(export, fmt).csv_text)))
    assert ours == theirs[:len(ours)]


def test_each_format_says_what_it_cannot_hold_and_where_the_txt_imports_directly(export) -> None:  # type: ignore[no-untyped-def]
    apple = convert(export, "apple")
    assert "Wi-Fi at home" in dict(apple.skipped)
    assert any("import the Kaspersky .txt export directly" in w
               for w in convert(export, "protonpass").warnings)
    assert any("1Password 7" in w for w in convert(export, "1password").warnings)
