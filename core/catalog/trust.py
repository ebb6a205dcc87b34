"""Ed25519 signatures on the catalog: which keys Switchover trusts and how a file is checked.

A catalog travels with a detached `catalog.json.sig` (a small JSON naming the key and
carrying the signature over the catalog's exact bytes). The public keys Switchover trusts
ship in `resources/catalog/keys.json`; more than one may be listed so that a new key can
be introduced in one release before the old one is retired. Signing and verification are
PyCryptodome's Ed25519 (RFC 8032), never home-made; the same library already provides the
backup's AES, so the app carries one cryptography library, not two.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from core.errors import ResourceError, SwitchoverError
from core.resources import load_json_resource

SIGNATURE_FORMAT = "switchover-catalog-signature"
MAX_SIGNATURE_BYTES = 4096


class SignatureInvalid(SwitchoverError):
    """The signature is missing, malformed, from an unknown key, or does not match."""


@dataclass(frozen=True)
class TrustedKey:
    id: str
    public_key: bytes  # raw 32 bytes


def load_trusted_keys() -> tuple[TrustedKey, ...]:
    data = load_json_resource("catalog", "keys.json")
    keys = []
    for entry in data.get("keys", []):
        try:
            raw = base64.b64decode(entry["ed25519"], validate=True)
        except (KeyError, binascii.Error, TypeError):
            raise ResourceError("catalog/keys.json holds a key that is not base64.") from None
        if len(raw) != 32:
            raise ResourceError(f"catalog/keys.json key {entry.get('id')!r} is not an "
                                "Ed25519 public key.")
        keys.append(TrustedKey(str(entry["id"]), raw))
    if not keys:
        raise ResourceError("catalog/keys.json lists no keys.")
    return tuple(keys)


def signature_document(key_id: str, signature: bytes) -> bytes:
    return (json.dumps({"format": SIGNATURE_FORMAT, "key": key_id,
                        "ed25519": base64.b64encode(signature).decode("ascii")},
                       indent=1) + "\n").encode("utf-8")


def verify_signature(data: bytes, signature_doc: bytes, keys: tuple[TrustedKey, ...]) -> str:
    """The id of the trusted key that signed `data`; SignatureInvalid otherwise."""
    from Cryptodome.Signature import eddsa

    if len(signature_doc) > MAX_SIGNATURE_BYTES:
        raise SignatureInvalid("The signature file is too large to be a signature.")
    try:
        doc = json.loads(signature_doc.decode("utf-8"))
        key_id = str(doc["key"])
        signature = base64.b64decode(doc["ed25519"], validate=True)
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, binascii.Error):
        raise SignatureInvalid("The signature file is not a Switchover catalog "
                               "signature.") from None
    if not isinstance(doc, dict) or doc.get("format") != SIGNATURE_FORMAT:
        raise SignatureInvalid("The signature file is not a Switchover catalog signature.")
    key = next((k for k in keys if k.id == key_id), None)
    if key is None:
        raise SignatureInvalid(f"The catalog is signed with key {key_id!r}, which this "
                               "version of Switchover does not trust.")
    try:
        eddsa.new(eddsa.import_public_key(key.public_key), "rfc8032").verify(data, signature)
    except ValueError:
        raise SignatureInvalid("The catalog's signature does not match its content: it was "
                               "changed after signing.") from None
    return key.id
