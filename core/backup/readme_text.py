"""The README.txt inside every backup: for a person who opens it without Switchover.

Written in the language the backup was made in (the person who reads it years later is
the one who made it); each paragraph is one sentence in the catalog, wrapped here, so a
translation never has to fit English line breaks. The manifest beside it stays English:
programs read it.
"""

from __future__ import annotations

import textwrap

from core.backup.manifest import MANIFEST_NAME, Manifest
from core.language.dates import long_date
from core.language.translate import mark, tr, tr_n

WIDTH = 78
_STATUS = {
    "copied": mark("copied"),
    "exported": mark("exported with Kaspersky's own command"),
    "noted": mark("a note was written"),
    "simulated": mark("simulated (planned from a saved snapshot, not this computer)"),
    "user": mark("needs you to act in Kaspersky before uninstalling"),
    "not-found": mark("not found on this computer"),
    "failed": mark("could not be done"),
    "encrypted": mark("stored encrypted"),
}
# The manifest's `source` (English, for programs), as the README says it.
_SOURCES = {"this computer": mark("this computer"),
            "a saved snapshot (simulated)": mark("a saved snapshot (simulated)")}


def _paragraph(text: str, indent: str = "") -> list[str]:
    return [*textwrap.wrap(text, WIDTH, subsequent_indent=indent, break_on_hyphens=False), ""]


def _heading(text: str) -> list[str]:
    return [text, "-" * len(text)]


def archive_readme(manifest: Manifest, missing: list[str], file_count: int,
                   warned: list[tuple[str, str]]) -> str:
    """`warned`: (original path, warning) of the first files copied with a warning."""
    title = tr("Switchover backup")
    source = manifest.source
    lines = [title, "=" * len(title), ""]
    lines += _paragraph(tr("Made on {date} by Switchover {version} from {source}, a {platform} "
                           "machine.").format(
        date=long_date(manifest.created_at) if manifest.created_at else "?",
        version=manifest.switchover_version,
        source=tr(_SOURCES[source]) if source in _SOURCES else source,
        platform=manifest.platform))
    lines += _paragraph(tr("This is an ordinary ZIP archive: Windows Explorer, macOS Archive "
                           "Utility, unzip and 7-Zip open it without Switchover."))
    lines += [tr("- folders/    the folders you chose, as they were"),
              tr("- kaspersky/  Kaspersky reports, exported settings and licence notes")]
    lines += _paragraph(tr("- {manifest}  every file's original place, size, date and SHA-256 "
                           "checksum, and everything that was left out, with the reason."
                           ).format(manifest=MANIFEST_NAME), indent="  ")
    lines += [tr("To check that nothing is damaged:  {command}").format(
                  command="switchover verify THIS-FILE.zip"),
              tr("To restore into a new folder:      {command}").format(
                  command="switchover restore THIS-FILE.zip --to FOLDER"), ""]
    if manifest.encrypted:
        lines += _heading(tr("Passwords"))
        lines += _paragraph(tr(
            "secrets/passwords-encrypted.7z holds your password export, encrypted with "
            "AES-256 and the passphrase you chose (file names included). Open it with 7-Zip "
            "(Windows, Linux), Keka or The Unarchiver (macOS): the built-in Windows and "
            "macOS tools cannot open it. Nobody, not even Switchover, can open it without "
            "the passphrase."))
    lines += _heading(tr("What was kept"))
    for item in manifest.items:
        status = tr(_STATUS[item.status]) if item.status in _STATUS else item.status
        lines.append(f"- {item.title}: {status}" + (f" ({item.detail})" if item.detail else ""))
    lines += ["", tr_n("{n} file in this archive.", "{n} files in this archive.",
                       file_count).format(n=file_count)]
    if manifest.skipped:
        count = len(manifest.skipped)
        lines += ["", tr_n("Left out ({n}); the manifest lists it:",
                           "Left out ({n}); the manifest lists each one:", count).format(n=count)]
        lines += [f"- {s.original_path}: {s.reason}" for s in manifest.skipped[:20]]
        if count > 20:
            lines.append(tr("- … and {n} more").format(n=count - 20))
    if missing:
        lines += ["", tr("Planned but not on this computer:")]
        lines += [f"- {path}" for path in missing[:20]]
    if warned:
        lines += ["", tr("Copied with a warning:")]
        lines += [f"- {path}: {warning}" for path, warning in warned[:20]]
    return "\r\n".join(lines) + "\r\n"
