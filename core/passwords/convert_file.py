"""`passwords convert` as one job: read an export, refuse what is not one, write the CSV.

The command line and the wizard both call `convert_export_file`, so both read UTF-16
exports, both refuse a file that is not a Kaspersky Password Manager export (the wizard's
own copy of this once lost that check), and both write the CSV private (0600) and
atomically, never over an existing file.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.atomic import write_text_atomic
from core.errors import BadInput
from core.passwords.csv_formats import Conversion, convert
from core.passwords.kpm_export import parse_kpm_export
from core.passwords.sniff import decode_head


def convert_export_file(export_path: str, fmt: str, out_path: str,
                        replace: bool = False) -> tuple[Path, Conversion]:
    """Convert `export_path` into `out_path`; every problem is one sentence (BadInput).

    `replace` is for the wizard, whose save dialog has already asked before replacing.
    """
    try:
        raw = Path(export_path).read_bytes()
    except OSError as exc:
        raise BadInput(f"Cannot read {export_path} ({exc.strerror}).") from None
    text = decode_head(raw)  # UTF-8 or UTF-16, with or without a byte-order mark
    if text is None:
        raise BadInput(f"{export_path} is not a text file.")
    export = parse_kpm_export(text)
    if not export.records:
        raise BadInput(f"{export_path} does not look like a Kaspersky Password Manager "
                       "text export (no Websites, Applications or Notes entries).")
    out = Path(os.path.abspath(out_path))
    if out.exists() and not replace:
        raise BadInput(f"{out} already exists; choose a new file name.")
    if not out.parent.is_dir():
        raise BadInput(f"The folder {out.parent} does not exist.")
    result = convert(export, fmt)
    try:
        write_text_atomic(out, result.csv_text, mode=0o600)
    except OSError as exc:
        raise BadInput(f"Cannot write {out} ({exc.strerror or exc}).") from None
    return out, result
