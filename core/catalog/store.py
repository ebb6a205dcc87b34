"""Which catalog is in use: the bundled one, or a newer signed update from the cache.

The cache is re-verified every time it is read (signature, schema, expiry), so a file
changed on disk after download is never trusted; anything wrong with it falls back to the
bundled catalog with a one-sentence note saying why. Everything here works offline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from core.catalog.records import Catalog, CatalogInvalid, catalog_from_doc, validate_catalog
from core.catalog.trust import SignatureInvalid, TrustedKey, verify_signature
from core.errors import ResourceError
from core.resources import resource_path

CATALOG_NAME = "catalog.json"
SIGNATURE_NAME = "catalog.json.sig"


@dataclass(frozen=True)
class CatalogInUse:
    catalog: Catalog
    origin: str  # bundled | cached
    path: str
    signed_by: str | None
    notes: tuple[str, ...] = field(default=())


def cache_dir() -> Path:
    """Where downloaded catalogs live (platformdirs' cache folder)."""
    from core.app_dirs import cache_root

    return cache_root() / "catalog"


def _high_water() -> Path:
    """The highest catalog version ever accepted, kept apart from the cache on purpose:
    clearing the cache must not reopen the door to an older, signed-but-stale catalog."""
    from core.app_dirs import state_dir

    return state_dir() / "catalog-highest-version"


def highest_accepted() -> int:
    try:
        return int(_high_water().read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return 0


def record_accepted(version: int) -> None:
    from core.atomic import write_text_atomic

    if version > highest_accepted():
        _high_water().parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(_high_water(), f"{version}\n")


def check_signed(data: bytes, signature: bytes, keys: tuple[TrustedKey, ...],
                 today: date) -> tuple[Catalog, str]:
    """A catalog that is signed by a trusted key, valid, and not expired; else an error."""
    key_id = verify_signature(data, signature, keys)
    catalog = catalog_from_doc(validate_catalog(data))
    if catalog.expired_on(today):
        raise CatalogInvalid(f"The catalog expired on {catalog.expires}; an expired catalog "
                             "is refused so that nobody can freeze Switchover on old data.")
    return catalog, key_id


def _check_cached(folder: Path, data: bytes, keys: tuple[TrustedKey, ...],
                  today: date) -> tuple[Catalog, str]:
    """A downloaded catalog is trusted again at every start: through the TUF metadata it
    came with, or (catalogs fetched before TUF) its own signature from a bundled key."""
    if (folder / "tuf" / "metadata" / "targets.json").is_file():
        from core.catalog.tuf_update import verify_cached

        signed_by = verify_cached(folder, data)
        catalog = catalog_from_doc(validate_catalog(data))
        if catalog.expired_on(today):
            raise CatalogInvalid(f"The catalog expired on {catalog.expires}; an expired "
                                 "catalog is refused so that nobody can freeze Switchover "
                                 "on old data.")
        return catalog, signed_by
    signature = folder / SIGNATURE_NAME
    return check_signed(data, signature.read_bytes() if signature.is_file() else b"", keys,
                        today)


def load_bundled(keys: tuple[TrustedKey, ...]) -> CatalogInUse:
    path = resource_path("catalog", CATALOG_NAME)
    data = path.read_bytes()
    try:
        catalog = catalog_from_doc(validate_catalog(data))
    except CatalogInvalid as exc:
        raise ResourceError(f"The bundled catalog is broken: {exc}") from None
    signed_by = None
    sig = path.with_name(SIGNATURE_NAME)
    if sig.is_file():
        try:
            signed_by = verify_signature(data, sig.read_bytes(), keys)
        except SignatureInvalid:
            signed_by = None
    return CatalogInUse(catalog, "bundled", str(path), signed_by)


def load_catalog(keys: tuple[TrustedKey, ...], today: date,
                 cache: Path | None = None) -> CatalogInUse:
    """The newest trustworthy catalog available without the network."""
    bundled = load_bundled(keys)
    notes: list[str] = []
    if bundled.catalog.expired_on(today):
        notes.append(f"The bundled catalog passed its review-by date ({bundled.catalog.expires});"
                     " prices and test results may be out of date.")
    folder = cache if cache is not None else cache_dir()
    cached_file = folder / CATALOG_NAME
    if cached_file.is_file():
        try:
            catalog, key_id = _check_cached(folder, cached_file.read_bytes(), keys, today)
        except (CatalogInvalid, SignatureInvalid, OSError) as exc:
            notes.append(f"The downloaded catalog was not used: {exc}")
        else:
            if catalog.version < highest_accepted():
                notes.append(f"The downloaded catalog (version {catalog.version}) is older "
                             f"than version {highest_accepted()}, accepted before: a rollback "
                             "is refused.")
            elif catalog.version > bundled.catalog.version:
                return CatalogInUse(catalog, "cached", str(cached_file), key_id, tuple(notes))
    return CatalogInUse(bundled.catalog, bundled.origin, bundled.path, bundled.signed_by,
                        tuple(notes))
