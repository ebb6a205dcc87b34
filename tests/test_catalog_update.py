"""Signed catalog updates against a real local HTTPS server (pytest-httpserver + trustme).

Every way an update can go wrong ends the same way for the user: the catalog in use stays
in use, and one sentence says why.
"""

from __future__ import annotations

import base64
import json
import shutil
import ssl
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import trustme
from conftest import ROOT, run_cli
from Cryptodome.PublicKey import ECC
from Cryptodome.Signature import eddsa
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from core.catalog.store import load_bundled, load_catalog
from core.catalog.trust import TrustedKey, signature_document
from core.catalog.update import UpdateSettings, update_catalog

TODAY = date(2026, 11, 24)
BUNDLED = (ROOT / "resources" / "catalog" / "catalog.json").read_bytes()


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server(ca: trustme.CA) -> Iterator[HTTPServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    httpd = HTTPServer(host="localhost", ssl_context=context, threaded=True)
    httpd.start()
    yield httpd
    httpd.clear()
    httpd.stop()


@pytest.fixture
def https(server: HTTPServer, ca: trustme.CA, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    server.clear()
    return server


class Signer:
    def __init__(self, key_id: str = "test-key") -> None:
        self.key = ECC.generate(curve="Ed25519")
        self.id = key_id
        raw = self.key.public_key().export_key(format="raw")
        self.trusted = TrustedKey(key_id, raw)
        self.public_b64 = base64.b64encode(raw).decode()

    def sign(self, data: bytes) -> bytes:
        return signature_document(self.id, eddsa.new(self.key, "rfc8032").sign(data))


def catalog_bytes(version: int, expires: str = "2027-12-31", **changes: object) -> bytes:
    doc = json.loads(BUNDLED)
    doc["version"] = version
    doc["expires"] = expires
    doc.update(changes)
    return json.dumps(doc).encode()


def serve(server: HTTPServer, data: bytes, signature: bytes, path: str = "/catalog.json"
          ) -> str:
    server.expect_request(path).respond_with_data(data, content_type="application/json")
    server.expect_request(path + ".sig").respond_with_data(signature)
    return server.url_for(path)


def run_update(url: str, keys: tuple[TrustedKey, ...], cache: Path, **settings: float):
    in_use = load_catalog(keys, TODAY, cache)
    result = update_catalog(in_use, keys, cache, UpdateSettings(url=url, **settings), TODAY)
    return result, load_catalog(keys, TODAY, cache)


def test_a_good_signed_newer_catalog_is_installed_and_used(https: HTTPServer,
                                                           tmp_path: Path) -> None:
    signer = Signer()
    data = catalog_bytes(2)
    url = serve(https, data, signer.sign(data))
    result, in_use = run_update(url, (signer.trusted,), tmp_path / "cache")
    assert result.updated and not result.failed
    assert "Updated to catalog version 2" in result.message
    assert in_use.origin == "cached" and in_use.catalog.version == 2
    assert in_use.signed_by == "test-key"


def test_a_catalog_changed_after_signing_is_refused(https: HTTPServer, tmp_path: Path) -> None:
    signer = Signer()
    data = catalog_bytes(2)
    signature = signer.sign(data)
    url = serve(https, data.replace(b"Bitdefender", b"Bitdefendr"), signature)
    result, in_use = run_update(url, (signer.trusted,), tmp_path / "cache")
    assert not result.updated and result.failed
    assert "changed after signing" in result.message
    assert in_use.origin == "bundled" and in_use.catalog.version == 1


def test_an_older_catalog_never_replaces_a_newer_one(https: HTTPServer, tmp_path: Path) -> None:
    signer = Signer()
    cache = tmp_path / "cache"
    newer = catalog_bytes(5)
    run_update(serve(https, newer, signer.sign(newer), "/v5.json"), (signer.trusted,), cache)
    older = catalog_bytes(3)
    result, in_use = run_update(serve(https, older, signer.sign(older), "/v3.json"),
                                (signer.trusted,), cache)
    assert not result.updated and "not newer" in result.message
    assert in_use.catalog.version == 5


def test_the_same_version_is_not_an_error(https: HTTPServer, tmp_path: Path) -> None:
    signer = Signer()
    same = catalog_bytes(1)
    result, _ = run_update(serve(https, same, signer.sign(same)), (signer.trusted,),
                           tmp_path / "cache")
    assert not result.updated and not result.failed and "not newer" in result.message


def test_an_expired_catalog_is_refused(https: HTTPServer, tmp_path: Path) -> None:
    signer = Signer()
    data = catalog_bytes(2, expires="2026-01-01", reviewed="2025-06-01")
    result, in_use = run_update(serve(https, data, signer.sign(data)), (signer.trusted,),
                                tmp_path / "cache")
    assert not result.updated and "expired on 2026-01-01" in result.message
    assert in_use.catalog.version == 1


def test_a_catalog_signed_with_another_key_is_refused(https: HTTPServer, tmp_path: Path) -> None:
    trusted, stranger = Signer("ours"), Signer("theirs")
    data = catalog_bytes(2)
    result, in_use = run_update(serve(https, data, stranger.sign(data)), (trusted.trusted,),
                                tmp_path / "cache")
    assert not result.updated and "does not trust" in result.message
    assert in_use.catalog.version == 1


def test_a_signed_but_invalid_catalog_is_refused(https: HTTPServer, tmp_path: Path) -> None:
    signer = Signer()
    doc = json.loads(catalog_bytes(2))
    doc["products"][0]["download_url"] = "https://example.com/buy?affiliate=123"
    data = json.dumps(doc).encode()
    result, _ = run_update(serve(https, data, signer.sign(data)), (signer.trusted,),
                           tmp_path / "cache")
    assert not result.updated and "query string" in result.message


def test_a_50_mb_download_is_cut_off(https: HTTPServer, tmp_path: Path) -> None:
    signer = Signer()
    huge = b" " * (50 * 1024 * 1024)
    result, in_use = run_update(serve(https, huge, signer.sign(huge)), (signer.trusted,),
                                tmp_path / "cache")
    assert not result.updated and "larger than" in result.message
    assert in_use.catalog.version == 1


def test_a_stream_without_length_is_cut_off_at_the_cap(https: HTTPServer, tmp_path: Path
                                                       ) -> None:
    def endless(_: Request) -> Response:
        return Response((b"x" * 65536 for _ in range(200)), content_type="application/json")

    https.expect_request("/stream.json").respond_with_handler(endless)
    signer = Signer()
    result, _ = run_update(https.url_for("/stream.json"), (signer.trusted,), tmp_path / "c",
                           max_bytes=1024 * 1024)
    assert not result.updated and "larger than" in result.message


def test_a_server_that_stalls_times_out(https: HTTPServer, tmp_path: Path) -> None:
    def stall(_: Request) -> Response:
        time.sleep(3)
        return Response(b"{}")

    https.expect_request("/slow.json").respond_with_handler(stall)
    started = time.monotonic()
    result, in_use = run_update(https.url_for("/slow.json"), (Signer().trusted,),
                                tmp_path / "cache", read_timeout=0.5)
    assert time.monotonic() - started < 2.5
    assert not result.updated and "stopped answering" in result.message
    assert in_use.catalog.version == 1


@pytest.mark.parametrize(("status", "says"), [(404, "answered 404"), (500, "answered 500")])
def test_server_errors_keep_the_catalog(https: HTTPServer, tmp_path: Path, status: int,
                                        says: str) -> None:
    https.expect_request(f"/e{status}.json").respond_with_data(b"no", status=status)
    result, in_use = run_update(https.url_for(f"/e{status}.json"), (Signer().trusted,),
                                tmp_path / "cache")
    assert not result.updated and says in result.message
    assert in_use.catalog.version == 1


def test_plain_http_and_unverified_certificates_are_refused(server: HTTPServer, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    signer = Signer()
    data = catalog_bytes(2)
    url = serve(server, data, signer.sign(data), "/untrusted.json")
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ROOT / "tests" / "data" / "unrelated-ca.pem"))
    result, _ = run_update(url, (signer.trusted,), tmp_path / "cache")
    assert not result.updated and "certificate" in result.message
    plain, _ = run_update(url.replace("https://", "http://"), (signer.trusted,),
                          tmp_path / "cache")
    assert "not HTTPS" in plain.message


def test_offline_keeps_the_bundled_catalog(tmp_path: Path) -> None:
    result, in_use = run_update("https://127.0.0.1:9/catalog.json", (Signer().trusted,),
                                tmp_path / "cache", connect_timeout=2)
    assert not result.updated and "cannot be reached" in result.message
    assert in_use.origin == "bundled"


def test_a_cached_catalog_changed_on_disk_is_ignored(https: HTTPServer, tmp_path: Path) -> None:
    signer = Signer()
    cache = tmp_path / "cache"
    data = catalog_bytes(2)
    run_update(serve(https, data, signer.sign(data)), (signer.trusted,), cache)
    cached = cache / "catalog.json"
    cached.write_bytes(cached.read_bytes().replace(b"ClamAV", b"ClamAX"))
    in_use = load_catalog((signer.trusted,), TODAY, cache)
    assert in_use.origin == "bundled"
    assert any("not used" in note for note in in_use.notes)


def test_cli_update_show_and_verify_with_a_trusted_test_key(https: HTTPServer, tmp_path: Path,
                                                            ca: trustme.CA) -> None:
    signer = Signer("release-test")
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources)
    (resources / "catalog" / "keys.json").write_text(json.dumps(
        {"format": "switchover-catalog-keys",
         "keys": [{"id": "release-test", "ed25519": signer.public_b64}]}))
    data = catalog_bytes(7)
    url = serve(https, data, signer.sign(data), "/cli.json")
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    env = {"SWITCHOVER_RESOURCES": str(resources), "REQUESTS_CA_BUNDLE": str(bundle),
           "SWITCHOVER_CACHE_DIR": str(tmp_path / "cache")}
    before = run_cli("catalog", "show", env=env)
    assert "bundled with this version" in before.stdout and "unsigned" in before.stdout
    done = run_cli("catalog", "update", "--url", url, env=env)
    assert done.returncode == 0 and "Updated to catalog version 7" in done.stdout
    after = run_cli("catalog", "show", "--json", env=env)
    shown = json.loads(after.stdout)
    assert shown["origin"] == "cached" and shown["version"] == 7
    assert shown["signed_by"] == "release-test"
    cached = tmp_path / "cache" / "catalog" / "catalog.json"
    assert run_cli("catalog", "verify", str(cached), env=env).returncode == 0
    cached.write_bytes(cached.read_bytes() + b" ")
    bad = run_cli("catalog", "verify", str(cached), env=env)
    assert bad.returncode == 1 and "changed after signing" in bad.stdout
    failed = run_cli("catalog", "update", "--url", https.url_for("/missing.json"), env=env)
    assert failed.returncode == 1 and "answered" in failed.stdout


def test_the_bundled_catalog_carries_a_valid_release_signature() -> None:
    from core.catalog.trust import load_trusted_keys

    bundled = load_bundled(load_trusted_keys())
    assert bundled.signed_by is not None


def test_a_server_that_drips_bytes_is_cut_off_at_the_total_deadline(https: HTTPServer,
                                                                    tmp_path: Path) -> None:
    def drip(_: Request) -> Response:
        def body():  # type: ignore[no-untyped-def]
            for _ in range(120):
                yield b"x"
                time.sleep(0.25)
        return Response(body(), content_type="application/json")

    https.expect_request("/drip.json").respond_with_handler(drip)
    started = time.monotonic()
    result, in_use = run_update(https.url_for("/drip.json"), (Signer().trusted,),
                                tmp_path / "cache", read_timeout=2, total_timeout=2)
    assert time.monotonic() - started < 8
    assert not result.updated and "took too long" in result.message
    assert in_use.origin == "bundled"


def test_an_older_signed_catalog_put_in_the_cache_is_refused(https: HTTPServer, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setenv("SWITCHOVER_STATE_DIR", str(tmp_path / "state"))
    signer = Signer()
    cache = tmp_path / "cache"
    newer = catalog_bytes(5)
    run_update(serve(https, newer, signer.sign(newer), "/hw5.json"), (signer.trusted,), cache)
    older = catalog_bytes(2)
    (cache / "catalog.json").write_bytes(older)  # swapped on disk, validly signed
    (cache / "catalog.json.sig").write_bytes(signer.sign(older))
    in_use = load_catalog((signer.trusted,), TODAY, cache)
    assert in_use.origin == "bundled"
    assert any("rollback is refused" in note for note in in_use.notes)


# -- a hostile server, or a mistake by whoever signs -------------------------------------------


@pytest.mark.parametrize(("change", "says"), [
    (lambda d: d.update(expires="2099-12-31"), "valid for"),
    (lambda d: d.update(version=10**18), "version is not between"),
    (lambda d: d["products"][1].update(name="Bitdefender\x1b]0;owned\x07"), "control"),
    (lambda d: d["products"][1]["packages"].update(winget="Bitdefender.Bitdefender & calc.exe"),
     "winget id"),
    (lambda d: d["products"][2]["packages"].update(homebrew="eset; rm -rf ~"), "homebrew id"),
], ids=["frozen-until-2099", "version-10^18", "escape-codes", "winget-injection",
        "homebrew-injection"])
def test_a_signed_catalog_that_would_freeze_lock_out_or_inject_is_refused(
        https: HTTPServer, tmp_path: Path, change, says: str) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(catalog_bytes(2))
    change(doc)
    data = json.dumps(doc).encode()
    signer = Signer()
    result, in_use = run_update(serve(https, data, signer.sign(data)), (signer.trusted,),
                                tmp_path / "cache")
    assert not result.updated and result.failed and says in result.message
    assert in_use.origin == "bundled" and in_use.catalog.version == 1


def test_a_redirect_to_plain_http_is_refused_before_anything_is_sent(https: HTTPServer,
                                                                     tmp_path: Path) -> None:
    plain = HTTPServer(host="127.0.0.1")
    plain.start()
    try:
        plain.expect_request("/catalog.json").respond_with_data(b"{}")
        https.expect_request("/moved.json").respond_with_data(
            b"", status=302, headers={"Location": plain.url_for("/catalog.json")})
        result, _ = run_update(https.url_for("/moved.json"), (Signer().trusted,),
                               tmp_path / "cache")
        assert not result.updated and "not HTTPS" in result.message
        assert plain.log == []  # the plain server never saw a request
    finally:
        plain.stop()


@pytest.mark.parametrize("shape", ["headers-late", "drip", "drip-then-stall"])
def test_a_slow_server_never_holds_an_update_past_its_deadline(https: HTTPServer,
                                                               tmp_path: Path,
                                                               shape: str) -> None:
    def slow(_: Request) -> Response:
        if shape == "headers-late":
            time.sleep(6)
            return Response(b"{}", content_type="application/json")

        def body():  # type: ignore[no-untyped-def]
            for _ in range(40):
                yield b"x"
                time.sleep(0.25 if shape == "drip" else 3)
        return Response(body(), content_type="application/json")

    https.expect_request("/slow.json").respond_with_handler(slow)
    started = time.monotonic()
    result, in_use = run_update(https.url_for("/slow.json"), (Signer().trusted,),
                                tmp_path / "cache", read_timeout=5, total_timeout=2)
    assert time.monotonic() - started < 2 + 3  # the deadline, and a little to hand back
    assert not result.updated and in_use.origin == "bundled"


def test_catalog_verify_reads_at_most_the_size_cap_of_a_device() -> None:
    done = run_cli("catalog", "verify", "/dev/zero")
    assert done.returncode == 2 and "larger than" in done.stderr
