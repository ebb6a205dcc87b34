"""The backup plan: what uninstalling would lose, as a pure function of the snapshot.

Inputs are the detection result, the user's choices and the bundled backup data
(`resources/backup/kaspersky-data.json`); nothing here touches the machine, so the plan
for a Windows or macOS machine is testable on Linux and demo mode shows a real plan.
Each item says what it is, why it matters and who acts: Switchover copies (`copy`),
runs the product's own export (`export`), writes a note (`note`), or the user must act
in Kaspersky first (`user`). Items the user must confirm before uninstalling carry
`must_confirm`; the uninstall pre-checks read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.archive_names import display_path
from core.detection import DetectionResult
from core.errors import ResourceError
from core.findings import DetectedProduct
from core.resources import load_json_resource

KINDS = ("password-manager", "vault", "backup-tasks", "quarantine", "settings", "licence",
         "reports", "user-folder")


@dataclass(frozen=True)
class BackupItem:
    id: str
    kind: str
    title: str
    why: str
    action: str
    product_id: str | None = None
    paths: tuple[str, ...] = ()
    command: tuple[str, ...] = ()
    output_name: str | None = None
    timeout_seconds: int = 120
    archive_dir: str = ""
    steps: tuple[str, ...] = ()
    must_confirm: bool = False
    confidence: str = "STRONG"
    sources: tuple[str, ...] = ()
    note_text: str | None = None


@dataclass(frozen=True)
class BackupChoices:
    """What the user picked: folders to include and the Password Manager export, if any."""

    folders: tuple[str, ...] = ()
    password_export: str | None = None
    include_reports: bool = True
    export_settings: bool = True


@dataclass(frozen=True)
class BackupPlan:
    platform: str
    items: tuple[BackupItem, ...]
    reviewed: str
    notes: tuple[str, ...] = field(default=())

    def of_kind(self, kind: str) -> tuple[BackupItem, ...]:
        return tuple(item for item in self.items if item.kind == kind)

    @property
    def confirmations(self) -> tuple[BackupItem, ...]:
        """Steps the user must confirm before uninstalling (vaults, password export)."""
        return tuple(item for item in self.items if item.must_confirm)


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    platform: str
    products: frozenset[str]
    paths: tuple[str, ...]
    command: tuple[str, ...]
    output: str | None
    timeout: int
    confidence: str
    sources: tuple[str, ...]
    note: str | None


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"backup/kaspersky-data.json: {where} must be a list of strings.")
    return tuple(value)


def _parse_rule(raw: Mapping[str, Any], groups: Mapping[str, tuple[str, ...]],
                index: int) -> _Rule:
    where = f"rules[{index}]"
    for key in ("id", "kind", "platform", "confidence"):
        if not isinstance(raw.get(key), str):
            raise ResourceError(f"backup/kaspersky-data.json: {where}.{key} is missing.")
    if raw["kind"] not in KINDS:
        raise ResourceError(f"backup/kaspersky-data.json: {where}.kind {raw['kind']!r} "
                            "is not a known kind.")
    products = raw.get("products")
    if isinstance(products, str):
        if products not in groups:
            raise ResourceError(f"backup/kaspersky-data.json: {where}.products names "
                                f"an unknown group {products!r}.")
        product_ids = groups[products]
    else:
        product_ids = _str_list(products, f"{where}.products")
    sources = raw.get("sources")
    if not isinstance(sources, list) or not sources:
        raise ResourceError(f"backup/kaspersky-data.json: {where} has no sources.")
    command = _str_list(raw["command"], f"{where}.command") if "command" in raw else ()
    paths = _str_list(raw["paths"], f"{where}.paths") if "paths" in raw else ()
    if not command and not paths:
        raise ResourceError(f"backup/kaspersky-data.json: {where} has neither paths "
                            "nor a command.")
    if command and "{out}" not in command:
        raise ResourceError(f"backup/kaspersky-data.json: {where}.command does not say "
                            "where the export goes ({out}).")
    return _Rule(
        id=raw["id"], kind=raw["kind"], platform=raw["platform"],
        products=frozenset(product_ids), paths=paths, command=command,
        output=raw.get("output"), timeout=int(raw.get("timeout_seconds", 120)),
        confidence=raw["confidence"],
        sources=tuple(str(s.get("ref", "")) for s in sources if isinstance(s, dict)),
        note=raw.get("note"))


def load_backup_rules() -> tuple[str, tuple[_Rule, ...]]:
    """The bundled rules, validated; a bad edit of the data is a ResourceError."""
    data = load_json_resource("backup", "kaspersky-data.json")
    if not isinstance(data, dict) or data.get("format") != "switchover-backup-data":
        raise ResourceError("backup/kaspersky-data.json is not Switchover backup data.")
    groups = {key: _str_list(value, key) for key, value in data.items()
              if key.endswith("_products")}
    rules = tuple(_parse_rule(raw, groups, i) for i, raw in enumerate(data.get("rules", [])))
    return str(data.get("reviewed", "")), rules


def _expand(template: str, product: DetectedProduct) -> list[str]:
    """Fill {data} / {install} with each folder detection found; none found, no path."""
    for token, folders in (("{data}", product.data_paths), ("{install}", product.install_paths)):
        if token in template:
            return [template.replace(token, folder.rstrip("\\/")) for folder in folders]
    return [template]


def _product_label(product: DetectedProduct) -> str:
    parts = [product.name]
    if product.edition and product.edition not in product.name:
        parts.append(product.edition)
    if product.version:
        parts.append(product.version)
    return " ".join(parts)


def _licence_note(product: DetectedProduct, platform: str, taken_at: str) -> str:
    where_app = {
        "windows": "open Kaspersky, then the licence or subscription section (bottom of the "
                   "main window, or Profile → Subscriptions in newer versions)",
        "macos": "open Kaspersky from the Applications folder, then its licence or "
                 "subscription window",
        "linux": "run `kesl-control -L --query` (Endpoint Security) or open the "
                 "application's licence page",
    }.get(platform, "open Kaspersky's licence window")
    lines = [
        f"Product:  {product.name}",
        f"Edition:  {product.edition or '(not shown on this computer)'}",
        f"Version:  {product.version or '(unknown)'}",
        f"Seen on:  {taken_at}",
        "",
        "Where to find the activation code and subscription end date:",
        "- My Kaspersky (my.kaspersky.com), section Licences/Subscriptions, if the",
        "  product was activated with an account;",
        f"- on this computer, before uninstalling: {where_app};",
        "- the order confirmation e-mail from the shop where it was bought.",
        "",
        "Switchover does not copy Kaspersky's licence storage: it is not portable and",
        "does not transfer to another vendor. Keep the code if you may ask for a refund",
        "or need it for your records.",
    ]
    return "\n".join(lines) + "\n"


def _component_items(product: DetectedProduct, seen: set[str]) -> list[BackupItem]:
    """Items that come from what a product does rather than where it keeps files."""
    items: list[BackupItem] = []
    comps = set(product.components)
    label = _product_label(product)
    if "password-manager" in comps and "password-manager" not in seen:
        seen.add("password-manager")
        items.append(BackupItem(
            id="password-manager", kind="password-manager", product_id=product.id,
            title="Kaspersky Password Manager: your saved passwords",
            why="The vault is encrypted with Kaspersky's own format and cannot be opened "
                "without Kaspersky. A text export is the only portable form.",
            action="user", must_confirm=True, confidence="OFFICIAL",
            steps=(
                "Open Kaspersky Password Manager and unlock it with your main password.",
                "Go to Additional → Settings → Import/Export and choose “Export to text "
                "file”. Save it somewhere you will find it (for example Documents).",
                "Point Switchover at the exported .txt file: it converts it to the CSV "
                "your new password manager imports, and keeps it only encrypted with a "
                "passphrase you choose.",
                "After importing it into the new password manager, delete the .txt and "
                "any .csv file: they hold every password in plain text.",
            ),
            sources=("support.kaspersky.com/help/KPM/Win24.0/en-US/130515.htm "
                     "(shared/facts/kaspersky-footprint.md §4)",)))
    if "data-encryption" in comps and "vault" not in seen:
        seen.add("vault")
        items.append(BackupItem(
            id="vault", kind="vault", product_id=product.id,
            title=f"Data vaults of {label}",
            why="Files kept in a Kaspersky data vault can be opened only while Kaspersky is "
                "installed: “to access the data in the vault you must enter the password "
                "and Kaspersky … must be installed on the computer”.",
            action="user", must_confirm=True, confidence="OFFICIAL",
            steps=(
                "In Kaspersky, open Data Encryption (or Secret Vault) and unlock each vault "
                "with its password.",
                "Choose “Open in Windows Explorer” and copy every file to a normal folder "
                "(for example Documents\\From vault).",
                "Include that folder in the backup. Confirm here once every vault is empty.",
            ),
            sources=("support.kaspersky.com/de/13395; support.kaspersky.com/ksos/84612 "
                     "(shared/facts/kaspersky-footprint.md §4)",)))
    if "backup" in comps and "backup-tasks" not in seen:
        seen.add("backup-tasks")
        items.append(BackupItem(
            id="backup-tasks", kind="backup-tasks", product_id=product.id,
            title=f"Backup and Restore tasks of {label}",
            why="Kaspersky's Backup and Restore keeps copies in its own format; whether they "
                "can be restored without Kaspersky is not documented, so restore what you "
                "need while it is still installed.",
            action="user", must_confirm=True, confidence="UNCERTAIN",
            steps=(
                "In Kaspersky, open Backup and Restore and note where each task saves its "
                "copies (local drive, removable drive, network drive or online storage).",
                "Restore the files you need into a normal folder, or check that the "
                "originals still exist, and include that folder in the backup.",
            ),
            sources=("support.kaspersky.co.uk/kaspersky-for-windows/84679 "
                     "(shared/facts/kaspersky-footprint.md §4)",)))
    return items


def _rule_item(rule: _Rule, product: DetectedProduct, platform: str,
               choices: BackupChoices) -> BackupItem | None:
    label = _product_label(product)
    base = f"kaspersky/{product.id}"
    if rule.kind == "reports":
        if not choices.include_reports:
            return None
        paths = tuple(p for t in rule.paths for p in _expand(t, product))
        if not paths:
            return None
        return BackupItem(
            id=f"reports:{product.id}", kind="reports", product_id=product.id,
            title=f"Reports and detection history of {label}",
            why="The scan and detection history (SQLite databases) is deleted with the "
                "product; it can be read later with any SQLite tool.",
            action="copy", paths=paths, archive_dir=f"{base}/reports",
            confidence=rule.confidence, sources=rule.sources)
    if rule.kind == "quarantine":
        paths = tuple(p for t in rule.paths for p in _expand(t, product))
        if not paths:
            return None
        return BackupItem(
            id=f"quarantine:{product.id}", kind="quarantine", product_id=product.id,
            title=f"Quarantine of {label}",
            why="Quarantined files are kept encrypted in Kaspersky's own format and become "
                "unavailable once it is removed. If Kaspersky ever quarantined a file you "
                "need (a false alarm), restore it now.",
            action="user", paths=paths, confidence=rule.confidence, sources=rule.sources,
            steps=("In Kaspersky, open Quarantine, restore any file that was wrongly "
                   "quarantined, and include it in the backup.",))
    if rule.kind == "settings":
        if not choices.export_settings:
            return None
        commands = _expand(rule.command[0], product)
        if not commands:
            return None
        return BackupItem(
            id=f"settings:{product.id}", kind="settings", product_id=product.id,
            title=f"Settings of {label}",
            why="Exported with Kaspersky's own command, for your records or if you ever "
                "reinstall it; other vendors cannot import them.",
            action="export", command=(commands[0], *rule.command[1:]),
            output_name=rule.output, timeout_seconds=rule.timeout,
            archive_dir=f"{base}/settings", confidence=rule.confidence,
            sources=rule.sources + ((rule.note,) if rule.note else ()))
    return None


def plan_backup(detection: DetectionResult, choices: BackupChoices = BackupChoices(),
                rules: tuple[str, tuple[_Rule, ...]] | None = None) -> BackupPlan:
    """Every item uninstalling would lose, in the order the user should deal with them."""
    reviewed, all_rules = rules if rules is not None else load_backup_rules()
    platform = detection.platform
    items: list[BackupItem] = []
    seen: set[str] = set()
    for product in detection.products:
        items.extend(_component_items(product, seen))
    for product in detection.products:
        for rule in all_rules:
            if rule.platform == platform and product.id in rule.products:
                item = _rule_item(rule, product, platform, choices)
                if item is not None:
                    items.append(item)
        if product.category != "management-agent" and product.id != "kaspersky-password-manager":
            items.append(BackupItem(
                id=f"licence:{product.id}", kind="licence", product_id=product.id,
                title=f"Licence details of {_product_label(product)}",
                why="Activation codes and subscriptions live in My Kaspersky; a note of "
                    "what you had helps with refunds and records.",
                action="note", archive_dir=f"kaspersky/{product.id}",
                note_text=_licence_note(product, platform, detection.taken_at),
                confidence="OFFICIAL",
                sources=("shared/facts/kaspersky-footprint.md §4 (Licence / activation "
                         "code)",)))
    items.extend(_folder_items(choices.folders))
    notes: list[str] = []
    if choices.password_export:
        notes.append("The Password Manager export is stored only encrypted with your "
                     "passphrase, never as plain text.")
    if not detection.products:
        notes.append("No Kaspersky product was found: only the folders you choose are "
                     "backed up.")
    return BackupPlan(platform=platform, items=_order(items), reviewed=reviewed,
                      notes=tuple(notes))


_ORDER = {kind: i for i, kind in enumerate(
    ("password-manager", "vault", "backup-tasks", "quarantine", "settings", "licence",
     "reports", "user-folder"))}


def _order(items: Iterable[BackupItem]) -> tuple[BackupItem, ...]:
    """What the user must do in Kaspersky comes first: it cannot be done afterwards."""
    return tuple(sorted(items, key=lambda item: _ORDER[item.kind]))


def _folder_items(folders: Iterable[str]) -> list[BackupItem]:
    items = []
    used: set[str] = set()
    for folder in folders:
        label = display_path(folder_label(folder, used))
        items.append(BackupItem(
            id=f"folder:{label}", kind="user-folder", title=f"Folder {display_path(folder)}",
            why="You chose to keep a copy of it.", action="copy", paths=(folder,),
            archive_dir=f"folders/{label}"))
    return items


def folder_label(folder: str, used: set[str]) -> str:
    """A short, unique name for a chosen folder inside the archive (`Documents`, `Documents-2`)."""
    stripped = folder.rstrip("\\/")
    name = stripped.replace("\\", "/").rsplit("/", 1)[-1] or "folder"
    name = name.replace(":", "") or "drive"
    candidate, n = name, 2
    while candidate.casefold() in used:
        candidate = f"{name}-{n}"
        n += 1
    used.add(candidate.casefold())
    return candidate
