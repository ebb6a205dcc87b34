"""The one network call Switchover ever makes, hardened: how each file of an update is fetched.

`core/catalog/tuf_update.py` runs the update (TUF metadata, then the catalog); every file it
asks for comes through `_download`: HTTPS only with certificate checks always on (the
system's or `REQUESTS_CA_BUNDLE`'s trust store; never switched off), redirects followed here
and only to HTTPS (refused before anything is sent elsewhere), a timeout on connecting and
on every read, a size cap enforced while streaming, and a watchdog that closes the
connection at the update's overall deadline. Nothing about the machine or the user is
sent: plain GETs of fixed files.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from core.jobs import CancelToken
from core.resources import load_json_resource

if TYPE_CHECKING:  # requests loads only when an update is asked for
    import requests

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class UpdateSettings:
    url: str
    max_bytes: int = DEFAULT_MAX_BYTES
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0


@dataclass(frozen=True)
class UpdateResult:
    updated: bool
    message: str
    version_in_use: int
    origin: str
    failed: bool = False  # refused or unreachable, as opposed to "nothing newer"


class _Refused(Exception):
    pass


def default_settings() -> UpdateSettings:
    data = load_json_resource("catalog", "update.json")
    return UpdateSettings(url=str(data["url"]), max_bytes=int(data.get("max_bytes",
                                                                      DEFAULT_MAX_BYTES)))


def _read_capped(response: requests.Response, limit: int, cancel: CancelToken,
                 expired: threading.Event) -> bytes:
    import requests

    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(16 * 1024):
            cancel.raise_if_cancelled()
            size += len(chunk)
            if size > limit:
                raise _Refused(f"the file is larger than the {limit // 1024} KB allowed")
            chunks.append(chunk)
    except (requests.exceptions.RequestException, AttributeError, ValueError, OSError):
        if expired.is_set():
            raise _Refused("the download took too long") from None
        raise
    if expired.is_set():
        raise _Refused("the download took too long")
    return b"".join(chunks)


def _https_or_refuse(url: str) -> None:
    if not url.lower().startswith("https://"):
        raise _Refused(f"the update address {url} is not HTTPS")


def _download(url: str, limit: int, settings: UpdateSettings, cancel: CancelToken,
              deadline: float) -> bytes:
    import requests

    _https_or_refuse(url)
    expired = threading.Event()
    try:
        # Redirects are followed here, never by requests: an address that is not HTTPS is
        # refused before anything is sent to it.
        for _ in range(4):
            response = requests.get(url, stream=True, allow_redirects=False,
                                    timeout=(settings.connect_timeout, settings.read_timeout),
                                    headers={"User-Agent": "Switchover catalog update"})
            if not response.is_redirect:
                break
            location = urljoin(url, response.headers.get("Location", ""))
            response.close()
            if not location.lower().startswith("https://"):
                raise _Refused("the server redirected to an address that is not HTTPS")
            url = location
        else:
            raise _Refused("the server redirected too many times")
        with response:
            if response.status_code != 200:
                raise _Refused(f"the server answered {response.status_code} "
                               f"{response.reason or ''}".rstrip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _Refused(f"the file is larger than the {limit // 1024} KB allowed")

            def expire() -> None:
                expired.set()
                response.close()

            # Read timeouts apply per packet: a server that drips one byte at a time would
            # never trip them. The watchdog closes the connection at the total deadline.
            watchdog = threading.Timer(max(0.1, deadline - time.monotonic()), expire)
            watchdog.daemon = True
            watchdog.start()
            try:
                return _read_capped(response, limit, cancel, expired)
            finally:
                watchdog.cancel()
    except requests.exceptions.SSLError:
        raise _Refused("the server's certificate could not be verified") from None
    except requests.exceptions.Timeout:
        raise _Refused("the server stopped answering") from None
    except requests.exceptions.ConnectionError:
        raise _Refused("the update server cannot be reached (offline?)") from None
    except requests.exceptions.RequestException as exc:
        raise _Refused(f"the download failed ({type(exc).__name__})") from None


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
