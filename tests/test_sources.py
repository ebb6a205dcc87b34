"""Every source a user can open is its original publisher's, with its kind and check date.

A copy, mirror, content farm, cache or proxy may appear only as a second link labelled
"archived copy". The list of known copy hosts is data (resources/sources/copy-hosts.json),
taken from the fact-check of every source the product shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FILES = {"ban texts": RESOURCES / "texts" / "ban.json",
         "catalog": RESOURCES / "catalog" / "catalog.json"}
KINDS = {"primary", "news", "analysis"}


def _copy_hosts() -> set[str]:
    data = json.loads((RESOURCES / "sources" / "copy-hosts.json").read_text())
    return {h.casefold() for h in data["hosts"]}


def _on_list(url: str, hosts: set[str]) -> bool:
    host = (urlsplit(url).hostname or "").casefold()
    return any(host == h or host.endswith("." + h) for h in hosts)


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_source_links_to_a_copy_host(name: str) -> None:
    hosts = _copy_hosts()
    sources = json.loads(FILES[name].read_text())["sources"]
    copies = [f"{sid}: {s['url']}" for sid, s in sources.items() if _on_list(s["url"], hosts)]
    assert not copies, copies


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_source_says_what_it_is_and_when_it_was_checked(name: str) -> None:
    sources = json.loads(FILES[name].read_text())["sources"]
    missing = [sid for sid, s in sources.items()
               if s.get("kind") not in KINDS or not s.get("checked")]
    assert not missing, missing


def test_an_archived_copy_is_only_ever_a_second_link_to_an_archive_service() -> None:
    """A re-post on a review farm or a raw IP address is no "archived copy": where the
    fact-check read a text is kept as `seen_via`, which the app never shows."""
    for path in FILES.values():
        for sid, source in json.loads(path.read_text())["sources"].items():
            copy = source.get("archived_copy")
            if copy is not None:
                assert copy["url"] != source["url"], sid
                assert copy["url"].startswith("https://web.archive.org/"), sid


def test_the_copy_host_check_catches_the_mirrors_the_review_found() -> None:
    hosts = _copy_hosts()
    for url in ("https://regulations.justia.com/regulations/fedreg/2024/06/24/x.html",
                "https://vuink.com/post/x", "https://98chat.xyz/x", "https://cc.bingj.com/x"):
        assert _on_list(url, hosts), url
    assert not _on_list("https://www.federalregister.gov/d/2024-13532", hosts)
