"""A real TUF repository for the tests, built with the `tuf` library's metadata API.

`Repo` holds a signer per role (more for thresholds), the four roles' metadata, and the
catalog as the one target. `files()` is what a web server publishes: metadata/N.root.json,
metadata/timestamp.json, snapshot.json, targets.json and targets/catalog.json. The tests
serve them over loopback HTTPS and change them the ways an attacker or a stale mirror
would.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from core.catalog.tuf_keys import Ed25519Signer, register

NOW = datetime.now(timezone.utc).replace(microsecond=0)


class Repo:
    def __init__(self, catalog: bytes, targets_threshold: int = 1) -> None:
        register()
        self.signers: dict[str, list[Ed25519Signer]] = {
            role: [Ed25519Signer.generate()] for role in ("root", "timestamp", "snapshot")}
        self.signers["targets"] = [Ed25519Signer.generate() for _ in range(targets_threshold)]
        expires = NOW + timedelta(days=365)
        self.root = Metadata(Root(expires=expires, consistent_snapshot=False))
        for role, signers in self.signers.items():
            for signer in signers:
                self.root.signed.add_key(signer.public_key, role)
        self.root.signed.roles["targets"].threshold = targets_threshold
        self.roots: list[bytes] = []
        self.targets = Metadata(Targets(expires=expires))
        self.snapshot = Metadata(Snapshot(expires=expires))
        self.timestamp = Metadata(Timestamp(expires=expires))
        self.catalog = catalog
        self.publish_root()
        self.publish(catalog)

    # -- signing and publishing ----------------------------------------------------------

    def _sign(self, meta: Metadata, role: str, signers: list[Ed25519Signer] | None = None
              ) -> bytes:
        meta.signatures.clear()
        for signer in signers if signers is not None else self.signers[role]:
            meta.sign(signer, append=True)
        return meta.to_bytes(JSONSerializer(compact=False))

    def publish_root(self) -> None:
        """Sign the current root with the root role's keys and publish it."""
        self.roots.append(self._sign(self.root, "root"))

    def publish(self, catalog: bytes) -> None:
        """A new catalog: targets, snapshot and timestamp each move to their next version."""
        if self._published:
            for meta in (self.targets, self.snapshot, self.timestamp):
                meta.signed.version += 1
        self._published = True
        self.catalog = catalog
        self.targets.signed.targets["catalog.json"] = TargetFile.from_data(
            "catalog.json", catalog, ["sha256"])
        self.targets_bytes = self._sign(self.targets, "targets")
        self.snapshot.signed.meta["targets.json"] = MetaFile(
            version=self.targets.signed.version)
        self.snapshot_bytes = self._sign(self.snapshot, "snapshot")
        self.timestamp.signed.snapshot_meta = MetaFile(version=self.snapshot.signed.version)
        self.timestamp_bytes = self._sign(self.timestamp, "timestamp")

    _published = False

    def resign_timestamp(self, version: int | None = None,
                         expires: datetime | None = None) -> None:
        if version is not None:
            self.timestamp.signed.version = version
        if expires is not None:
            self.timestamp.signed.expires = expires
        self.timestamp_bytes = self._sign(self.timestamp, "timestamp")

    def rotate(self, role: str) -> Ed25519Signer:
        """Replace `role`'s key in a new root version, signed by the old and new root keys."""
        old_root_signers = list(self.signers["root"])
        new = Ed25519Signer.generate()
        for signer in self.signers[role]:
            self.root.signed.revoke_key(signer.public_key.keyid, role)
        self.root.signed.add_key(new.public_key, role)
        self.signers[role] = [new]
        self.root.signed.version += 1
        if role == "root":
            self.roots.append(self._sign(self.root, "root", [*old_root_signers, new]))
        else:
            self.publish_root()
        return new

    @property
    def bootstrap(self) -> bytes:
        return self.roots[0]

    def files(self) -> dict[str, bytes]:
        out = {f"/metadata/{n}.root.json": data for n, data in enumerate(self.roots, 1)}
        out.update({"/metadata/timestamp.json": self.timestamp_bytes,
                    "/metadata/snapshot.json": self.snapshot_bytes,
                    "/metadata/targets.json": self.targets_bytes,
                    "/targets/catalog.json": self.catalog})
        return out
