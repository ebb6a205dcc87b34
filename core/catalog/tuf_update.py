"""Catalog updates on the Update Framework (TUF), with the maintained `tuf` client.

The update server is a TUF repository: `metadata/` holds the root, timestamp, snapshot
and targets roles (each with its keys, threshold and expiry), `targets/` the catalog. The
client gives what a lone signature cannot: rollback, freeze, fast-forward and
mix-and-match protection, thresholds, and root rotation without an app release (a new
root is accepted when the old root's keys sign it). The bundled `resources/catalog/tuf/
root.json` is the offline trust anchor, beside the bundled, signed catalog.

What the client fetches goes through `_SafeFetcher`: HTTPS only (a redirect to anything
else is refused before a byte is sent there), certificate checks always on, per-read
timeouts, TUF's own length limits, and one overall deadline for the whole update that
holds whatever the server does (the work runs in a daemon thread the caller stops waiting
for). A catalog TUF accepts must still validate, have a version above every one accepted
before, and not have expired.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.catalog.records import Catalog, CatalogInvalid, catalog_from_doc, validate_catalog
from core.catalog.store import CATALOG_NAME, CatalogInUse, highest_accepted, record_accepted
from core.catalog.update import UpdateResult, UpdateSettings, _download, _Refused, _write_atomic
from core.errors import Cancelled
from core.jobs import CancelToken
from core.resources import resource_path

if TYPE_CHECKING:
    from tuf.ngclient import Updater

TARGET = "catalog.json"
TUF_DIR = "tuf"


def bundled_root() -> bytes:
    return resource_path("catalog", "tuf", "root.json").read_bytes()


def _fetcher_class() -> type:
    from tuf.api import exceptions
    from tuf.ngclient import FetcherInterface

    class SafeFetcher(FetcherInterface):
        """Every request of the update through core.catalog.update's hardened download."""

        def __init__(self, settings: UpdateSettings, cancel: CancelToken,
                     deadline: float) -> None:
            self.settings, self.cancel, self.deadline = settings, cancel, deadline

        def _fetch(self, url: str) -> Iterator[bytes]:
            try:
                data = _download(url, self.settings.max_bytes, self.settings, self.cancel,
                                 self.deadline)
            except _Refused as exc:
                if "answered 404" in str(exc) or "answered 403" in str(exc):
                    raise exceptions.DownloadHTTPError(str(exc), 404) from None
                raise exceptions.DownloadError(str(exc)) from None
            yield data

    return SafeFetcher


def _updater(cache: Path, settings: UpdateSettings, fetcher: object,
             root: bytes | None) -> Updater:
    from tuf.ngclient import Updater, UpdaterConfig

    from core.catalog.tuf_keys import register

    register()
    metadata = cache / TUF_DIR / "metadata"
    targets = cache / TUF_DIR / "targets"
    metadata.mkdir(parents=True, exist_ok=True)
    targets.mkdir(parents=True, exist_ok=True)
    base = settings.url.rstrip("/")
    config = UpdaterConfig(max_root_rotations=32, targets_max_length=settings.max_bytes,
                           snapshot_max_length=64 * 1024, timestamp_max_length=16 * 1024,
                           root_max_length=64 * 1024, prefix_targets_with_hash=False,
                           app_user_agent="Switchover catalog update")
    return Updater(str(metadata), f"{base}/metadata/", str(targets), f"{base}/targets/",
                   fetcher, config, bootstrap=root or bundled_root())  # type: ignore[arg-type]


def _explain(exc: BaseException) -> str:
    """One sentence for each way TUF refuses an update."""
    from tuf.api import exceptions as e

    if isinstance(exc, e.ExpiredMetadataError):
        return ("the update server's signed metadata has expired (a stale or frozen "
                "server is never trusted)")
    if isinstance(exc, e.BadVersionNumberError):
        return ("the update server offers older metadata than this computer has already "
                "seen (a rollback is refused)")
    if isinstance(exc, e.UnsignedMetadataError):
        return ("the update server's metadata is not signed by enough trusted keys "
                "(tampered, or signed with the wrong keys)")
    if isinstance(exc, e.LengthOrHashMismatchError):
        return "the downloaded file does not match its signed description (tampered)"
    if isinstance(exc, e.DownloadLengthMismatchError):
        return "a file from the update server is larger than its signed limit"
    if isinstance(exc, e.DownloadError):
        return str(exc).rstrip(".") or "the download failed"
    if isinstance(exc, e.RepositoryError):
        return f"the update server's metadata was refused ({exc})"
    return f"the update failed ({type(exc).__name__})"


def _check(data: bytes, today: date) -> Catalog:
    catalog = catalog_from_doc(validate_catalog(data))
    if catalog.expired_on(today):
        raise CatalogInvalid(f"The catalog expired on {catalog.expires}; an expired catalog "
                             "is refused so that nobody can freeze Switchover on old data.")
    return catalog


@dataclass(frozen=True)
class _Fetched:
    data: bytes


def _run(cache: Path, settings: UpdateSettings, cancel: CancelToken, deadline: float,
         root: bytes | None) -> _Fetched | None:
    """The TUF refresh and download; None when the repository has no catalog."""
    updater = _updater(cache, settings, _fetcher_class()(settings, cancel, deadline), root)
    updater.refresh()
    info = updater.get_targetinfo(TARGET)
    if info is None:
        return None
    path = updater.find_cached_target(info) or updater.download_target(info)
    data = Path(path).read_bytes()
    info.verify_length_and_hashes(data)
    return _Fetched(data)


def _within_deadline(cache: Path, settings: UpdateSettings, cancel: CancelToken,
                     deadline: float, root: bytes | None) -> _Fetched | None:
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = _run(cache, settings, cancel, deadline, root)
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="catalog-tuf-update", daemon=True)
    worker.start()
    while worker.is_alive() and time.monotonic() < deadline:
        worker.join(min(0.2, max(0.0, deadline - time.monotonic())))
        cancel.raise_if_cancelled()
    if worker.is_alive():
        raise _Refused("the update took too long")
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    result = outcome.get("result")
    return result if isinstance(result, _Fetched) else None


def update_catalog(in_use: CatalogInUse, cache: Path, settings: UpdateSettings, today: date,
                   cancel: CancelToken | None = None, root: bytes | None = None
                   ) -> UpdateResult:
    """Refresh TUF metadata, fetch a newer catalog; on any failure keep `in_use` and say why.

    `root` is the trust anchor (the bundled root.json unless a test hands its own)."""
    from tuf.api import exceptions as tuf_errors

    cancel = cancel or CancelToken()
    current = in_use.catalog.version

    def kept(reason: str, failed: bool = True) -> UpdateResult:
        return UpdateResult(False, f"Kept the {in_use.origin} catalog (version {current}): "
                                   f"{reason}.", current, in_use.origin, failed)

    if not settings.url.lower().startswith("https://"):
        return kept(f"the update address {settings.url} is not HTTPS")
    deadline = time.monotonic() + settings.total_timeout
    try:
        fetched = _within_deadline(cache, settings, cancel, deadline, root)
    except (Cancelled, KeyboardInterrupt):
        raise
    except _Refused as exc:
        return kept(str(exc))
    except (tuf_errors.RepositoryError, tuf_errors.DownloadError) as exc:
        return kept(_explain(exc))
    except (OSError, ValueError) as exc:
        return kept(f"the update could not be completed ({exc})")
    if fetched is None:
        return kept("the update server lists no catalog")
    try:
        catalog = _check(fetched.data, today)
    except CatalogInvalid as exc:
        return kept(str(exc).rstrip("."))
    floor = max(current, highest_accepted())
    if catalog.version <= floor:
        return kept(f"the server offers version {catalog.version}, which is not newer "
                    "(older catalogs are never installed)", failed=catalog.version < floor)
    _write_atomic(cache / CATALOG_NAME, fetched.data)
    record_accepted(catalog.version)
    return UpdateResult(True, f"Updated to catalog version {catalog.version} (reviewed "
                              f"{catalog.reviewed}; its metadata signed by the update "
                              "server's keys).", catalog.version, "cached")


def verify_cached(cache: Path, data: bytes, root_anchor: bytes | None = None) -> str:
    """Is this cached catalog the one the locally trusted TUF metadata describes?

    Offline, at every start: the root is followed from the bundled one through every newer
    root kept locally (each signed by its predecessor's keys and its own), then the local
    targets metadata must carry the root's threshold of targets signatures and list this
    file's exact length and hashes. Expiry is not checked here (Switchover works offline
    for months); the catalog's own `expires` is, by the caller.
    """
    from tuf.api.exceptions import LengthOrHashMismatchError, UnsignedMetadataError
    from tuf.api.metadata import Metadata, Root, Targets

    from core.catalog.tuf_keys import register

    register()
    folder = cache / TUF_DIR / "metadata"
    try:
        root = Metadata[Root].from_bytes(root_anchor or bundled_root())
        version = root.signed.version + 1
        while (newer := folder / "root_history" / f"{version}.root.json").is_file():
            candidate = Metadata[Root].from_bytes(newer.read_bytes())
            root.verify_delegate(Root.type, candidate)
            candidate.verify_delegate(Root.type, candidate)
            root, version = candidate, version + 1
        targets = Metadata[Targets].from_bytes((folder / "targets.json").read_bytes())
        root.verify_delegate(Targets.type, targets)
        info = targets.signed.targets.get(TARGET)
        if info is None:
            raise CatalogInvalid("the trusted update metadata lists no catalog")
        info.verify_length_and_hashes(data)
    except (UnsignedMetadataError, LengthOrHashMismatchError) as exc:
        raise CatalogInvalid(f"it does not match the trusted update metadata ({exc})") \
            from None
    except (OSError, ValueError, KeyError) as exc:
        raise CatalogInvalid(f"its update metadata cannot be read ({exc})") from None
    return f"update metadata version {targets.signed.version}"
