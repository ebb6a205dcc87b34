"""Catalog updates on TUF, against a real TUF repository on a local HTTPS server.

The repository is built in each test with the `tuf` library's metadata API (tests/
tuf_repo.py) and served over loopback HTTPS (pytest-httpserver with a trustme CA). Every
way an update can go wrong ends the same way for the user: the catalog in use stays in
use, and one sentence says why.
"""

from __future__ import annotations

import json
import shutil
import ssl
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import trustme
from conftest import ROOT, run_cli
from pytest_httpserver import HTTPServer
from tuf_repo import NOW, Repo
from werkzeug import Request, Response

from core.catalog.store import load_bundled, load_catalog
from core.catalog.trust import load_trusted_keys
from core.catalog.tuf_update import update_catalog
from core.catalog.update import UpdateResult, UpdateSettings

TODAY = date(2026, 12, 1)
BUNDLED = (ROOT / "resources" / "catalog" / "catalog.json").read_bytes()
V = json.loads(BUNDLED)["version"]  # the bundled catalog's version: updates must be newer


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
    monkeypatch.setenv("SWITCHOVER_STATE_DIR", str(tmp_path / "state"))
    server.clear()
    return server


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ whose bundled TUF root is the test repository's (set by serve)."""
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy)
    monkeypatch.setenv("SWITCHOVER_RESOURCES", str(copy))
    return copy


def catalog_bytes(version: int, expires: str = "2027-12-31", **changes: object) -> bytes:
    doc = json.loads(BUNDLED)
    doc["version"] = version
    doc["expires"] = expires
    doc.update(changes)
    return json.dumps(doc).encode()


def serve(server: HTTPServer, repo: Repo | dict[str, bytes], resources: Path | None,
          prefix: str = "/repo", changed: dict[str, bytes] | None = None) -> str:
    """Publish `repo` under `prefix`; its first root becomes the app's trust anchor."""
    server.clear()
    server.no_handler_status_code = 404  # a file the repository does not have (clear resets)
    files = repo if isinstance(repo, dict) else repo.files()
    for path, data in {**files, **(changed or {})}.items():
        server.expect_request(prefix + path).respond_with_data(
            data, content_type="application/json")
    if resources is not None and isinstance(repo, Repo):
        (resources / "catalog" / "tuf" / "root.json").write_bytes(repo.bootstrap)
    return server.url_for(prefix)


def run_update(url: str, cache: Path, **settings: float) -> tuple[UpdateResult, object]:
    keys = load_trusted_keys()
    in_use = load_catalog(keys, TODAY, cache)
    result = update_catalog(in_use, cache, UpdateSettings(url=url, **settings), TODAY)
    return result, load_catalog(keys, TODAY, cache)


# -- what works ------------------------------------------------------------------------------


def test_a_newer_catalog_from_the_repository_is_installed_and_used(
        https: HTTPServer, resources: Path, tmp_path: Path) -> None:
    url = serve(https, Repo(catalog_bytes(V + 1)), resources)
    result, in_use = run_update(url, tmp_path / "cache")
    assert result.updated and f"version {V + 1}" in result.message, result.message
    assert in_use.origin == "cached" and in_use.catalog.version == V + 1  # type: ignore[attr-defined]
    assert "update metadata version" in in_use.signed_by  # type: ignore[attr-defined]


def test_the_same_version_again_is_not_an_error(https: HTTPServer, resources: Path,
                                                tmp_path: Path) -> None:
    url = serve(https, Repo(catalog_bytes(V)), resources)
    result, in_use = run_update(url, tmp_path / "cache")
    assert not result.updated and not result.failed and "not newer" in result.message
    assert in_use.origin == "bundled"  # type: ignore[attr-defined]


def test_a_rotated_root_is_followed_without_an_app_release(https: HTTPServer, resources: Path,
                                                           tmp_path: Path) -> None:
    repo = Repo(catalog_bytes(V + 1))
    cache = tmp_path / "cache"
    run_update(serve(https, repo, resources), cache)
    repo.rotate("root")          # new root keys, signed by the old and the new
    repo.rotate("targets")       # and a new targets key, announced by that root
    repo.publish(catalog_bytes(V + 2))
    https.clear()
    https.no_handler_status_code = 404
    for path, data in repo.files().items():  # the app's anchor stays the first root
        https.expect_request("/repo" + path).respond_with_data(data)
    result, in_use = run_update(https.url_for("/repo"), cache)
    assert result.updated and in_use.catalog.version == V + 2, result.message  # type: ignore[attr-defined]


def test_recovery_after_a_fast_forward_attack_once_the_key_is_rotated(
        https: HTTPServer, resources: Path, tmp_path: Path) -> None:
    """A stolen timestamp key pushed version 1,000; rotating that key lets the real,
    lower versions through again (TUF deletes the fast-forwarded timestamp)."""
    repo = Repo(catalog_bytes(V + 1))
    cache = tmp_path / "cache"
    repo.resign_timestamp(version=1000)
    run_update(serve(https, repo, resources), cache)
    repo.rotate("timestamp")
    repo.publish(catalog_bytes(V + 2))
    repo.resign_timestamp(version=5)
    result, in_use = run_update(serve(https, repo, None), cache)
    assert result.updated and in_use.catalog.version == V + 2, result.message  # type: ignore[attr-defined]


# -- what is refused -------------------------------------------------------------------------


def test_a_catalog_changed_after_signing_is_refused(https: HTTPServer, resources: Path,
                                                    tmp_path: Path) -> None:
    repo = Repo(catalog_bytes(V + 1))
    tampered = catalog_bytes(V + 1, description="tampered")
    url = serve(https, repo, resources, changed={"/targets/catalog.json": tampered})
    result, in_use = run_update(url, tmp_path / "cache")
    assert not result.updated and result.failed and "tampered" in result.message
    assert in_use.origin == "bundled"  # type: ignore[attr-defined]


def test_metadata_rolled_back_to_an_older_version_is_refused(https: HTTPServer,
                                                             resources: Path,
                                                             tmp_path: Path) -> None:
    repo = Repo(catalog_bytes(V + 1))
    old = repo.files()
    repo.publish(catalog_bytes(V + 2))
    cache = tmp_path / "cache"
    assert run_update(serve(https, repo, resources), cache)[0].updated
    result, in_use = run_update(serve(https, old, None), cache)  # a replayed older mirror
    assert not result.updated and "rollback is refused" in result.message, result.message
    assert in_use.catalog.version == V + 2  # type: ignore[attr-defined]


def test_expired_metadata_from_a_frozen_server_is_refused(https: HTTPServer, resources: Path,
                                                          tmp_path: Path) -> None:
    repo = Repo(catalog_bytes(V + 1))
    repo.resign_timestamp(expires=NOW - timedelta(days=1))
    result, in_use = run_update(serve(https, repo, resources), tmp_path / "cache")
    assert not result.updated and "expired" in result.message
    assert in_use.origin == "bundled"  # type: ignore[attr-defined]


def test_targets_signed_by_fewer_keys_than_the_threshold_are_refused(
        https: HTTPServer, resources: Path, tmp_path: Path) -> None:
    repo = Repo(catalog_bytes(V + 1), targets_threshold=2)
    one_short = repo._sign(repo.targets, "targets", repo.signers["targets"][:1])
    url = serve(https, repo, resources, changed={"/metadata/targets.json": one_short})
    result, _ = run_update(url, tmp_path / "cache")
    assert not result.updated and "not signed by enough trusted keys" in result.message


def test_targets_from_another_snapshot_are_refused(https: HTTPServer, resources: Path,
                                                   tmp_path: Path) -> None:
    """Mix and match: a valid older targets file served with a newer snapshot."""
    repo = Repo(catalog_bytes(V + 1))
    older_targets = repo.targets_bytes
    repo.publish(catalog_bytes(V + 2))
    url = serve(https, repo, resources, changed={"/metadata/targets.json": older_targets})
    result, _ = run_update(url, tmp_path / "cache")
    assert not result.updated and result.failed


def test_a_catalog_larger_than_the_cap_is_refused(https: HTTPServer, resources: Path,
                                                  tmp_path: Path) -> None:
    big = catalog_bytes(V + 1, description="x" * 300_000)
    result, _ = run_update(serve(https, Repo(big), resources), tmp_path / "cache",
                           max_bytes=200_000)
    assert not result.updated and result.failed


@pytest.mark.parametrize(("change", "says"), [
    (lambda d: d.update(expires="2099-12-31"), "valid for"),
    (lambda d: d.update(version=10**18), "version is not between"),
    (lambda d: d["products"][1].update(name="Bitdefender\x1b]0;owned\x07"), "control"),
    (lambda d: d["products"][1]["packages"].update(winget="Bitdefender.Bitdefender & calc.exe"),
     "winget id"),
], ids=["frozen-until-2099", "version-10^18", "escape-codes", "winget-injection"])
def test_a_signed_catalog_that_would_freeze_lock_out_or_inject_is_refused(
        https: HTTPServer, resources: Path, tmp_path: Path, change, says: str) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(catalog_bytes(V + 1))
    change(doc)
    result, in_use = run_update(serve(https, Repo(json.dumps(doc).encode()), resources),
                                tmp_path / "cache")
    assert not result.updated and result.failed and says in result.message
    assert in_use.origin == "bundled"  # type: ignore[attr-defined]


def test_a_cached_catalog_changed_on_disk_is_not_used_at_the_next_start(
        https: HTTPServer, resources: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run_update(serve(https, Repo(catalog_bytes(V + 1)), resources), cache)
    cached = cache / "catalog.json"
    cached.write_bytes(catalog_bytes(V + 8))  # valid, newer, but not what the metadata lists
    in_use = load_catalog(load_trusted_keys(), TODAY, cache)
    assert in_use.origin == "bundled"
    assert any("does not match the trusted update metadata" in n for n in in_use.notes)


def test_a_redirect_to_plain_http_is_refused_before_anything_is_sent(
        https: HTTPServer, resources: Path, tmp_path: Path) -> None:
    plain = HTTPServer(host="127.0.0.1")
    plain.start()
    try:
        serve(https, Repo(catalog_bytes(V + 1)), resources)
        plain.expect_request("/metadata/timestamp.json").respond_with_data(b"{}")
        https.expect_request("/moved/metadata/timestamp.json").respond_with_data(
            b"", status=302, headers={"Location": plain.url_for("/metadata/timestamp.json")})
        result, _ = run_update(https.url_for("/moved"), tmp_path / "cache")
        assert not result.updated and result.failed
        assert plain.log == []  # the plain server never saw a request
    finally:
        plain.stop()


def test_plain_http_is_refused(tmp_path: Path) -> None:
    result, _in_use = run_update("http://127.0.0.1:9/repo", tmp_path / "cache")
    assert not result.updated and "not HTTPS" in result.message


def test_offline_keeps_the_bundled_catalog(tmp_path: Path) -> None:
    result, in_use = run_update("https://switchover-updates.invalid/repo", tmp_path / "cache",
                                connect_timeout=2, total_timeout=10)
    assert not result.updated and result.failed and in_use.origin == "bundled"  # type: ignore[attr-defined]


@pytest.mark.parametrize("shape", ["headers-late", "drip", "drip-then-stall"])
def test_a_slow_server_never_holds_an_update_past_its_deadline(
        https: HTTPServer, resources: Path, tmp_path: Path, shape: str) -> None:
    repo = Repo(catalog_bytes(V + 1))
    serve(https, repo, resources)

    def slow(_: Request) -> Response:
        if shape == "headers-late":
            time.sleep(6)
            return Response(repo.timestamp_bytes, content_type="application/json")

        def body():  # type: ignore[no-untyped-def]
            for _ in range(40):
                yield b" "
                time.sleep(0.25 if shape == "drip" else 3)
        return Response(body(), content_type="application/json")

    https.clear()
    https.no_handler_status_code = 404
    https.expect_request("/slow/metadata/timestamp.json").respond_with_handler(slow)
    started = time.monotonic()
    result, in_use = run_update(https.url_for("/slow"), tmp_path / "cache", read_timeout=5,
                                total_timeout=2)
    assert time.monotonic() - started < 2 + 3  # the deadline, and a little to hand back
    assert not result.updated and "took too long" in result.message
    assert in_use.origin == "bundled"  # type: ignore[attr-defined]


def test_cli_update_and_show_against_the_repository(https: HTTPServer, resources: Path,
                                                    tmp_path: Path, ca: trustme.CA) -> None:
    url = serve(https, Repo(catalog_bytes(V + 6)), resources)
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    env = {"SWITCHOVER_RESOURCES": str(resources), "REQUESTS_CA_BUNDLE": str(bundle),
           "SWITCHOVER_CACHE_DIR": str(tmp_path / "cache"),
           "SWITCHOVER_STATE_DIR": str(tmp_path / "state")}
    done = run_cli("catalog", "update", "--url", url, env=env)
    assert done.returncode == 0 and f"Updated to catalog version {V + 6}" in done.stdout, \
        done.stdout
    shown = json.loads(run_cli("catalog", "show", "--json", env=env).stdout)
    assert shown["origin"] == "cached" and shown["version"] == V + 6
    failed = run_cli("catalog", "update", "--url", https.url_for("/nothing-here"), env=env)
    assert failed.returncode == 1 and "Kept the cached catalog" in failed.stdout


def test_the_bundled_catalog_carries_a_valid_release_signature() -> None:
    assert load_bundled(load_trusted_keys()).signed_by is not None


def test_the_bundled_tuf_root_is_signed_by_its_own_threshold() -> None:
    from tuf.api.metadata import Metadata, Root

    from core.catalog.tuf_keys import register
    from core.catalog.tuf_update import bundled_root

    register()
    root = Metadata[Root].from_bytes(bundled_root())
    root.verify_delegate(Root.type, root)
    assert root.signed.roles["root"].threshold >= 2


def test_catalog_verify_reads_at_most_the_size_cap_of_a_device() -> None:
    done = run_cli("catalog", "verify", "/dev/zero")
    assert done.returncode == 2 and "larger than" in done.stderr
