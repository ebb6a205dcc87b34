"""`switchover recommend` and `switchover catalog show | update | verify`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import BadInput
from core.language.dates import long_date
from core.language.translate import mark, tr, tr_n

if TYPE_CHECKING:
    from core.catalog.recommend import Recommendation

PLATFORMS = ("windows", "macos", "linux", "android", "ios")
_ALTERNATIVES = {
    "home": mark("Alternatives for {platforms} (home) — catalog version {version}, reviewed "
                 "{date}."),
    "business": mark("Alternatives for {platforms} (business) — catalog version {version}, "
                     "reviewed {date}."),
}
_BUILT_IN = {"microsoft-defender": mark("{rank}. {name} — built into Windows · {price}"),
             "clamav": mark("{rank}. {name} — free, from your distribution · {price}")}
_ORIGIN = {"bundled": mark("bundled with this version of Switchover"),
           "cached": mark("downloaded update")}


def _emit(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _catalog_in_use() -> Any:
    from core.catalog.store import load_catalog
    from core.catalog.trust import load_trusted_keys

    return load_catalog(load_trusted_keys(), date.today())


def _need_names(needs: tuple[str, ...] | list[str]) -> str:
    """"a VPN, a password manager": the needs in words (ids stay in --json)."""
    from core.catalog.recommend import NEEDS

    return ", ".join(tr(NEEDS[n][1].label) if n in NEEDS else n for n in needs)


def _source_list(catalog: Any, ids: tuple[str, ...]) -> list[dict[str, str]]:
    found = []
    for source_id in ids:
        source = catalog.sources.get(source_id)
        if source is not None:
            found.append({"id": source_id, "title": source.title, "url": source.url,
                          "date": source.date})
    return found


def cmd_recommend(args: argparse.Namespace) -> int:
    from core.catalog.recommend import Request, recommend
    from core.detect.audience import audience_of
    from core.detect.detection import detect
    from core.machine.source import snapshot_from

    in_use = _catalog_in_use()
    snapshot = snapshot_from(args)
    detection = detect(snapshot)
    platforms = tuple(args.platform) or (detection.platform,)
    audience = getattr(args, "audience", None) or audience_of(detection, snapshot.os.name)
    result = recommend(in_use.catalog, Request(platforms, tuple(args.need), args.free_only,
                                               tuple(args.exclude_country),
                                               snapshot.os.version, audience),
                       date.today(), detection)
    catalog = in_use.catalog
    if args.json:
        _emit({
            "catalog": {"version": catalog.version, "reviewed": catalog.reviewed,
                        "origin": in_use.origin},
            "platforms": list(platforms), "audience": audience, "needs": list(result.needs),
            "needs_from_detection": list(result.needs_from_detection),
            "recommendations": [{
                "id": r.id, "name": r.name, "rank": r.rank, "score": r.score,
                "built_in": r.built_in, "reasons": [x.text for x in r.reasons],
                "cautions": [x.text for x in r.cautions], "price": r.price,
                "download_url": r.download_url, "winget": r.winget, "homebrew": r.homebrew,
                "sources": _source_list(catalog, r.sources)} for r in result.recommendations],
            "excluded": [{"name": n, "why": w} for n, w in result.excluded],
            "notes": list(result.notes),
        })
        return 0
    from core.catalog.recommend import PLATFORM_NAMES

    names = ", ".join(PLATFORM_NAMES.get(p, p) for p in platforms)
    heading = _ALTERNATIVES.get(audience, _ALTERNATIVES["home"])
    print(tr(heading).format(platforms=names, version=catalog.version,
                             date=long_date(catalog.reviewed)))
    if result.needs:
        needs = _need_names(result.needs)
        if result.needs_from_detection:
            print(tr("Needs: {needs} (from what Kaspersky does for you today: {found})").format(
                needs=needs, found=_need_names(result.needs_from_detection)))
        else:
            print(tr("Needs: {needs}").format(needs=needs))
    for rec in result.recommendations:
        _print_recommendation(rec, platforms, catalog, args.verbose)
    if result.excluded:
        print("\n" + tr("Not shown: {products}").format(
            products="; ".join(f"{n} ({w})" for n, w in result.excluded)))
    for note in (*result.notes, *in_use.notes):
        print(f"\n{note}")
    return 0


def _print_recommendation(rec: Recommendation, platforms: tuple[str, ...], catalog: Any,
                          verbose: bool) -> None:
    line = _BUILT_IN.get(rec.id) if rec.built_in else None
    print("\n" + (tr(line) if line else "{rank}. {name} · {price}").format(
        rank=rec.rank, name=rec.name, price=rec.price))
    for reason in rec.reasons:
        print(f"   + {reason.text}")
    for caution in rec.cautions:
        print(f"   ! {caution.text}")
    install = "   " + tr("Get it: {url}").format(url=rec.download_url)
    if rec.winget and "windows" in platforms:
        install += f"   (winget install --id {rec.winget} -e)"
    if rec.homebrew and "macos" in platforms:
        install += f"   (brew install {rec.homebrew})"
    print(install)
    if verbose:
        for source in _source_list(catalog, rec.sources):
            print("     " + tr("source: {title} — {url}").format(title=source["title"],
                                                                url=source["url"]))


def cmd_catalog(args: argparse.Namespace) -> int:
    return {"show": _show, "update": _update, "verify": _verify}[args.catalog_command](args)


def _show(args: argparse.Namespace) -> int:
    in_use = _catalog_in_use()
    catalog = in_use.catalog
    data = {"version": catalog.version, "reviewed": catalog.reviewed,
            "expires": catalog.expires, "origin": in_use.origin, "path": in_use.path,
            "signed_by": in_use.signed_by, "products": len(catalog.products),
            "policy": catalog.policy, "notes": list(in_use.notes)}
    if args.json:
        _emit(data)
        return 0
    count = len(catalog.products)  # English says "products" for one too, as it always has
    if in_use.signed_by:
        said = tr_n("Catalog version {version} ({origin}, signed by {key}), reviewed "
                    "{reviewed}, valid until {expires}: {n} products.",
                    "Catalog version {version} ({origin}, signed by {key}), reviewed "
                    "{reviewed}, valid until {expires}: {n} products.", count)
    else:
        said = tr_n("Catalog version {version} ({origin}, unsigned), reviewed {reviewed}, "
                    "valid until {expires}: {n} products.",
                    "Catalog version {version} ({origin}, unsigned), reviewed {reviewed}, "
                    "valid until {expires}: {n} products.", count)
    print(said.format(version=catalog.version, origin=tr(_ORIGIN[in_use.origin]),
                      key=in_use.signed_by, reviewed=long_date(catalog.reviewed),
                      expires=long_date(catalog.expires), n=count))
    print(tr("File: {path}").format(path=in_use.path))
    print(catalog.policy)
    for note in in_use.notes:
        print(note)
    return 0


def _update(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from core.catalog.store import cache_dir
    from core.catalog.tuf_update import update_catalog
    from core.catalog.update import default_settings

    settings = default_settings()
    if args.url:
        settings = replace(settings, url=args.url)
    result = update_catalog(_catalog_in_use(), cache_dir(), settings, date.today())
    if args.json:
        _emit(asdict(result))
    else:
        print(result.message)
    return 1 if result.failed else 0


def _read_capped_file(path: Path, cap: int) -> bytes:
    """At most `cap` bytes of any file, FIFO or device (`/dev/zero` would grow forever)."""
    import os

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(cap + 1)
    except OSError as exc:
        raise BadInput(tr("Cannot read {path} ({reason}).").format(
            path=path, reason=exc.strerror)) from None
    if data is None or len(data) > cap:
        raise BadInput(tr("{path} is larger than the {size} KB a catalog file may be.").format(
            path=path, size=cap // 1024))
    return data


def _verify(args: argparse.Namespace) -> int:
    from core.catalog.records import CatalogInvalid
    from core.catalog.store import check_signed
    from core.catalog.trust import SignatureInvalid, load_trusted_keys

    path = Path(args.file)
    signature = Path(args.signature) if args.signature else path.with_name(path.name + ".sig")
    from core.catalog.trust import MAX_SIGNATURE_BYTES
    from core.catalog.update import DEFAULT_MAX_BYTES

    data = _read_capped_file(path, DEFAULT_MAX_BYTES)
    sig = _read_capped_file(signature, MAX_SIGNATURE_BYTES)
    try:
        catalog, key_id = check_signed(data, sig, load_trusted_keys(), date.today())
    except (CatalogInvalid, SignatureInvalid) as exc:
        if args.json:
            _emit({"file": str(path), "ok": False, "problem": str(exc)})
        else:
            print(tr("NOT VALID: {problem}").format(problem=exc))
        return 1
    if args.json:
        _emit({"file": str(path), "ok": True, "version": catalog.version, "signed_by": key_id,
               "products": len(catalog.products)})
    else:
        count = len(catalog.products)
        print(tr_n("OK: catalog version {version}, {n} products, signed by {key}, valid until "
                   "{expires}.",
                   "OK: catalog version {version}, {n} products, signed by {key}, valid until "
                   "{expires}.", count).format(version=catalog.version, n=count, key=key_id,
                                               expires=long_date(catalog.expires)))
    return 0
