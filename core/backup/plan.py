"""The backup plan: what uninstalling would lose, as a pure function of the snapshot.

Inputs are the detection result, the user's choices and the bundled data: where each
product keeps what (`resources/backup/kaspersky-data.json`) and what the user is told about
it (`resources/texts/backup.json`); nothing here touches the machine, so the plan
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

from core.backup.names import display_path
from core.detect.detection import DetectionResult
from core.detect.findings import DetectedProduct
from core.errors import ResourceError
from core.language.texts import localized
from core.language.translate import current
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


@dataclass(frozen=True)
class _Text:
    title: str
    why: str
    steps: tuple[str, ...] = ()
    confidence: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class BackupTexts:
    """What the plan tells the user, from resources/texts/backup.json (words are data)."""

    items: Mapping[str, _Text]
    licence_lines: tuple[str, ...]
    edition_unknown: str
    version_unknown: str
    licence_where: Mapping[str, str]
    notes: Mapping[str, str]


def _text_field(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value:
        raise ResourceError(f"texts/backup.json: {where}.{key} is missing.")
    return value


def load_backup_texts() -> BackupTexts:
    """The bundled texts, validated: every kind of item has its title and reason."""
    data = load_json_resource("texts", "backup.json")
    if not isinstance(data, dict) or data.get("format") != "switchover-backup-texts":
        raise ResourceError("texts/backup.json is not Switchover's backup texts.")
    data = localized("backup", data, current().language,
                     ("items", "licence_note", "notes", "description"))
    raw_items = data.get("items")
    if not isinstance(raw_items, dict):
        raise ResourceError("texts/backup.json has no items.")
    items = {}
    for kind in KINDS:
        raw = raw_items.get(kind)
        if not isinstance(raw, dict):
            raise ResourceError(f"texts/backup.json: items.{kind} is missing.")
        where = f"items.{kind}"
        items[kind] = _Text(
            title=_text_field(raw, "title", where), why=_text_field(raw, "why", where),
            steps=_str_list(raw["steps"], f"{where}.steps") if "steps" in raw else (),
            confidence=raw.get("confidence"),
            sources=_str_list(raw["sources"], f"{where}.sources") if "sources" in raw else ())
    note = data.get("licence_note")
    if not isinstance(note, dict) or not isinstance(note.get("where"), dict):
        raise ResourceError("texts/backup.json: licence_note is missing.")
    where_app = {str(k): str(v) for k, v in note["where"].items()}
    if "other" not in where_app:
        raise ResourceError("texts/backup.json: licence_note.where.other is missing.")
    notes = data.get("notes")
    if not isinstance(notes, dict) or not {"password-export", "no-kaspersky"} <= set(notes):
        raise ResourceError("texts/backup.json: notes.password-export and "
                            "notes.no-kaspersky are needed.")
    return BackupTexts(
        items=items,
        licence_lines=tuple(str(line) for line in note.get("lines", [])),
        edition_unknown=_text_field(note, "edition_unknown", "licence_note"),
        version_unknown=_text_field(note, "version_unknown", "licence_note"),
        licence_where=where_app, notes={str(k): str(v) for k, v in notes.items()})


def _said(texts: BackupTexts, kind: str, label: str = "", **fields: Any) -> BackupItem:
    """An item with its words from the texts; `fields` add the facts (paths, sources…)."""
    text = texts.items[kind]
    fields.setdefault("steps", text.steps)
    if text.confidence:
        fields.setdefault("confidence", text.confidence)
    if text.sources:
        fields.setdefault("sources", text.sources)
    return BackupItem(kind=kind, title=text.title.replace("{label}", label),
                      why=text.why.replace("{label}", label), **fields)


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


def _licence_note(product: DetectedProduct, platform: str, taken_at: str,
                  texts: BackupTexts) -> str:
    values = {
        "{name}": product.name, "{edition}": product.edition or texts.edition_unknown,
        "{version}": product.version or texts.version_unknown, "{taken_at}": taken_at,
        "{where}": texts.licence_where.get(platform, texts.licence_where["other"]),
    }
    lines = []
    for line in texts.licence_lines:
        for token, value in values.items():
            line = line.replace(token, value)
        lines.append(line)
    return "\n".join(lines) + "\n"


def _component_items(product: DetectedProduct, seen: set[str],
                     texts: BackupTexts) -> list[BackupItem]:
    """Items that come from what a product does rather than where it keeps files."""
    items: list[BackupItem] = []
    comps = set(product.components)
    label = _product_label(product)
    for component, kind in (("password-manager", "password-manager"),
                            ("data-encryption", "vault"), ("backup", "backup-tasks")):
        if component in comps and kind not in seen:
            seen.add(kind)
            items.append(_said(texts, kind, label, id=kind, product_id=product.id,
                               action="user", must_confirm=True))
    return items


def _rule_item(rule: _Rule, product: DetectedProduct, choices: BackupChoices,
               texts: BackupTexts) -> BackupItem | None:
    label = _product_label(product)
    base = f"kaspersky/{product.id}"
    facts: dict[str, Any] = {"product_id": product.id, "confidence": rule.confidence,
                             "sources": rule.sources}
    if rule.kind == "reports":
        if not choices.include_reports:
            return None
        paths = tuple(p for t in rule.paths for p in _expand(t, product))
        if not paths:
            return None
        return _said(texts, "reports", label, id=f"reports:{product.id}", action="copy",
                     paths=paths, archive_dir=f"{base}/reports", **facts)
    if rule.kind == "quarantine":
        paths = tuple(p for t in rule.paths for p in _expand(t, product))
        if not paths:
            return None
        return _said(texts, "quarantine", label, id=f"quarantine:{product.id}",
                     action="user", paths=paths, **facts)
    if rule.kind == "settings":
        if not choices.export_settings:
            return None
        commands = _expand(rule.command[0], product)
        if not commands:
            return None
        facts["sources"] = rule.sources + ((rule.note,) if rule.note else ())
        return _said(texts, "settings", label, id=f"settings:{product.id}", action="export",
                     command=(commands[0], *rule.command[1:]), output_name=rule.output,
                     timeout_seconds=rule.timeout, archive_dir=f"{base}/settings", **facts)
    return None


def plan_backup(detection: DetectionResult, choices: BackupChoices = BackupChoices(),
                rules: tuple[str, tuple[_Rule, ...]] | None = None,
                texts: BackupTexts | None = None) -> BackupPlan:
    """Every item uninstalling would lose, in the order the user should deal with them."""
    reviewed, all_rules = rules if rules is not None else load_backup_rules()
    texts = texts or load_backup_texts()
    platform = detection.platform
    items: list[BackupItem] = []
    seen: set[str] = set()
    for product in detection.products:
        items.extend(_component_items(product, seen, texts))
    for product in detection.products:
        for rule in all_rules:
            if rule.platform == platform and product.id in rule.products:
                item = _rule_item(rule, product, choices, texts)
                if item is not None:
                    items.append(item)
        if product.category != "management-agent" and product.id != "kaspersky-password-manager":
            items.append(_said(
                texts, "licence", _product_label(product), id=f"licence:{product.id}",
                product_id=product.id, action="note", archive_dir=f"kaspersky/{product.id}",
                note_text=_licence_note(product, platform, detection.taken_at, texts)))
    items.extend(_folder_items(choices.folders, texts))
    notes: list[str] = []
    if choices.password_export:
        notes.append(texts.notes["password-export"])
    if not detection.products:
        notes.append(texts.notes["no-kaspersky"])
    return BackupPlan(platform=platform, items=_order(items), reviewed=reviewed,
                      notes=tuple(notes))


_ORDER = {kind: i for i, kind in enumerate(
    ("password-manager", "vault", "backup-tasks", "quarantine", "settings", "licence",
     "reports", "user-folder"))}


def _order(items: Iterable[BackupItem]) -> tuple[BackupItem, ...]:
    """What the user must do in Kaspersky comes first: it cannot be done afterwards."""
    return tuple(sorted(items, key=lambda item: _ORDER[item.kind]))


def _folder_items(folders: Iterable[str], texts: BackupTexts) -> list[BackupItem]:
    items = []
    used: set[str] = set()
    text = texts.items["user-folder"]
    for folder in folders:
        label = display_path(folder_label(folder, used))
        items.append(BackupItem(
            id=f"folder:{label}", kind="user-folder",
            title=text.title.replace("{folder}", display_path(folder)), why=text.why,
            action="copy", paths=(folder,), archive_dir=f"folders/{label}"))
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
