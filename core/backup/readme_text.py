"""The README.txt inside every backup: for a person who opens it without Switchover."""

from __future__ import annotations

from core.backup.manifest import MANIFEST_NAME, Manifest

_STATUS = {
    "copied": "copied",
    "exported": "exported with Kaspersky's own command",
    "noted": "a note was written",
    "simulated": "simulated (planned from a saved snapshot, not this computer)",
    "user": "needs you to act in Kaspersky before uninstalling",
    "not-found": "not found on this computer",
    "failed": "could not be done",
    "encrypted": "stored encrypted",
}


def archive_readme(manifest: Manifest, missing: list[str], file_count: int,
                   warned: list[tuple[str, str]]) -> str:
    """`warned`: (original path, warning) of the first files copied with a warning."""
    lines = [
        "Switchover backup",
        "=================",
        "",
        f"Made on {manifest.created_at} by Switchover {manifest.switchover_version} "
        f"from {manifest.source}, a {manifest.platform} machine.",
        "",
        "This is an ordinary ZIP archive: Windows Explorer, macOS Archive Utility, unzip",
        "and 7-Zip open it without Switchover.",
        "",
        "- folders/    the folders you chose, as they were",
        "- kaspersky/  Kaspersky reports, exported settings and licence notes",
        f"- {MANIFEST_NAME}  every file's original place, size, date and SHA-256",
        "  checksum, and everything that was left out, with the reason.",
        "",
        "To check that nothing is damaged:  switchover verify THIS-FILE.zip",
        "To restore into a new folder:      switchover restore THIS-FILE.zip --to FOLDER",
        "",
    ]
    if manifest.encrypted:
        lines += [
            "Passwords",
            "---------",
            "secrets/passwords-encrypted.7z holds your password export, encrypted with",
            "AES-256 and the passphrase you chose (file names included). Open it with",
            "7-Zip (Windows, Linux), Keka or The Unarchiver (macOS): the built-in Windows",
            "and macOS tools cannot open it. Nobody, not even Switchover, can open it",
            "without the passphrase.",
            "",
        ]
    lines += ["What was kept", "-------------"]
    for item in manifest.items:
        detail = f" ({item.detail})" if item.detail else ""
        lines.append(f"- {item.title}: {_STATUS.get(item.status, item.status)}{detail}")
    lines += ["", f"{file_count} files in this archive."]
    if manifest.skipped:
        lines += ["", f"Left out ({len(manifest.skipped)}); the manifest lists each one:"]
        for skipped in manifest.skipped[:20]:
            lines.append(f"- {skipped.original_path}: {skipped.reason}")
        if len(manifest.skipped) > 20:
            lines.append(f"- … and {len(manifest.skipped) - 20} more")
    if missing:
        lines += ["", "Planned but not on this computer:"]
        lines += [f"- {path}" for path in missing[:20]]
    if warned:
        lines += ["", "Copied with a warning:"]
        lines += [f"- {path}: {warning}" for path, warning in warned[:20]]
    return "\r\n".join(lines) + "\r\n"
