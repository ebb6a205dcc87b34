"""The maintainers' catalog signing tool (not part of the app's user interface).

    python -m core.catalog.sign keygen --out DIR --id release-2027
    python -m core.catalog.sign sign --key DIR/release-2027.pem resources/catalog/catalog.json

`keygen` writes the private key (PEM, readable by its owner only) and prints the entry to
add to `resources/catalog/keys.json`. `sign` refuses a catalog that does not validate,
then writes `catalog.json.sig` beside it. Key handling is described in the README: the
private key lives offline with the maintainers and is never committed.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path

from core.catalog.records import CatalogInvalid, validate_catalog
from core.catalog.trust import signature_document


def _keygen(out: Path, key_id: str) -> int:
    from Cryptodome.PublicKey import ECC

    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{key_id}.pem"
    if path.exists():
        print(f"{path} exists; refusing to overwrite a private key.", file=sys.stderr)
        return 1
    key = ECC.generate(curve="Ed25519")
    pem = key.export_key(format="PEM").encode("ascii")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    public = key.public_key().export_key(format="raw")
    print(f"Private key written to {path} (keep it offline; never commit it).")
    print("Add to resources/catalog/keys.json:")
    print(json.dumps({"id": key_id, "ed25519": base64.b64encode(public).decode("ascii")}))
    return 0


def _sign(key_path: Path, catalog_path: Path) -> int:
    from Cryptodome.PublicKey import ECC
    from Cryptodome.Signature import eddsa

    data = catalog_path.read_bytes()
    try:
        validate_catalog(data)
    except CatalogInvalid as exc:
        print(f"Not signed: {exc}", file=sys.stderr)
        return 1
    key = ECC.import_key(key_path.read_bytes())
    if key.curve != "Ed25519" or not key.has_private():
        print(f"{key_path} is not an Ed25519 private key.", file=sys.stderr)
        return 1
    signature_path = catalog_path.with_name(catalog_path.name + ".sig")
    signature = eddsa.new(key, "rfc8032").sign(data)
    signature_path.write_bytes(signature_document(key_path.stem, signature))
    print(f"Signed with {key_path.stem}: {signature_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.catalog.sign")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("keygen")
    gen.add_argument("--out", type=Path, required=True)
    gen.add_argument("--id", required=True)
    sign = sub.add_parser("sign")
    sign.add_argument("--key", type=Path, required=True)
    sign.add_argument("catalog", type=Path)
    args = parser.parse_args(argv)
    if args.command == "keygen":
        return _keygen(args.out, args.id)
    return _sign(args.key, args.catalog)


if __name__ == "__main__":
    sys.exit(main())
