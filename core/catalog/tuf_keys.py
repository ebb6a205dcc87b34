"""Ed25519 for the Update Framework's metadata, verified with the library we already ship.

The `tuf` client checks signatures through `securesystemslib` keys, whose Ed25519 support
needs the `cryptography` package (12 MB more in every bundle). Switchover already carries
PyCryptodome (py7zr needs it for AES), which verifies Ed25519 (RFC 8032) too, so TUF's
key type "ed25519" is registered here with a verifier that uses it. `Ed25519Signer` is the
other half, for the maintainers' tools and the tests that build a real repository.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from securesystemslib.exceptions import UnverifiedSignatureError
from securesystemslib.signer import KEY_FOR_TYPE_AND_SCHEME, Key, Signature, Signer, SSlibKey


class CryptodomeEd25519Key(SSlibKey):
    """A TUF "ed25519" public key (`keyval.public` is 64 hex digits)."""

    def verify_signature(self, signature: Signature, data: bytes) -> None:
        from Cryptodome.Signature import eddsa

        try:
            public = eddsa.import_public_key(bytes.fromhex(self.keyval["public"]))
            eddsa.new(public, "rfc8032").verify(data, bytes.fromhex(signature.signature))
        except (ValueError, KeyError, TypeError) as exc:
            raise UnverifiedSignatureError(f"ed25519 signature by {self.keyid} does not "
                                           "verify") from exc


def register() -> None:
    """Make `tuf` read every "ed25519" key as a `CryptodomeEd25519Key` (idempotent)."""
    KEY_FOR_TYPE_AND_SCHEME[("ed25519", "ed25519")] = CryptodomeEd25519Key


def key_id(public_hex: str) -> str:
    """TUF's customary key id: SHA-256 of the key's canonical JSON form."""
    form = {"keytype": "ed25519", "scheme": "ed25519", "keyval": {"public": public_hex}}
    canonical = json.dumps(form, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class Ed25519Signer(Signer):
    """Signs TUF metadata with a PyCryptodome Ed25519 private key."""

    def __init__(self, private: Any) -> None:  # Cryptodome.PublicKey.ECC.EccKey
        self._private = private
        public_hex = private.public_key().export_key(format="raw").hex()
        self._public = CryptodomeEd25519Key(key_id(public_hex), "ed25519", "ed25519",
                                            {"public": public_hex})

    @classmethod
    def generate(cls) -> Ed25519Signer:
        from Cryptodome.PublicKey import ECC

        return cls(ECC.generate(curve="Ed25519"))

    @classmethod
    def from_priv_key_uri(cls, priv_key_uri: str, public_key: Key,
                          secrets_handler: Any = None) -> Ed25519Signer:
        raise NotImplementedError("keys are handed over as objects, not URIs")

    @property
    def public_key(self) -> Key:
        return self._public

    def sign(self, payload: bytes) -> Signature:
        from Cryptodome.Signature import eddsa

        raw = eddsa.new(self._private, "rfc8032").sign(payload)
        return Signature(self._public.keyid, raw.hex())
