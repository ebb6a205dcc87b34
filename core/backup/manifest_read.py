"""Read a manifest as a stream: its records are parsed one by one, never as one document.

`json.loads` of 100,000 files' manifest holds the text, its decoded copy and a dict per
record at once (about 115 MB on top of the records kept). Here the top-level object is
walked key by key, and the arrays (`files`, `skipped`, `items`) element by element, each
element decoded by the standard parser from a small rolling buffer. Any valid JSON
layout reads the same (older versions wrote the manifest indented); anything invalid is
a ManifestError, as before.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from core.backup.manifest import (
    Manifest,
    ManifestError,
    ManifestFile,
    check_header,
    file_from_json,
    item_from_json,
    skipped_from_json,
)
from core.backup.streaming import Source

CHUNK = 1 << 20
_WHITESPACE = " \t\n\r"
# The small arrays, kept whole; `files` is handed over record by record instead.
_ARRAYS: dict[str, Callable[[Any, int], Any]] = {
    "skipped": skipped_from_json, "items": item_from_json}


class _Reader:
    """A rolling text buffer over the byte stream, with JSON values taken off its front."""

    def __init__(self, stream: Source, limit: int, chunk: int) -> None:
        self.stream = stream
        self.chunk = chunk
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.text = ""
        self.pos = 0
        self.eof = False
        self.left = limit
        self.json = json.JSONDecoder()

    def _more(self) -> bool:
        if self.eof:
            return False
        raw = self.stream.read(min(self.chunk, self.left + 1))
        self.left -= len(raw)
        if self.left < 0:
            raise ManifestError("the manifest is implausibly large")
        try:
            text = self.decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            raise ManifestError(f"the manifest is not valid JSON ({exc})") from None
        self.eof = not raw
        self.text = self.text[self.pos:] + text
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise ManifestError(f"the manifest is not valid JSON (expected {char!r})")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self.json.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                # Cut off by the buffer's end (or not JSON at all, found at the end).
                if self._more():
                    continue
                raise ManifestError(f"the manifest is not valid JSON ({exc.msg})") from None
            if end == len(self.text) and not self.eof and isinstance(value, (int, float)):
                self._more()  # a number may go on in the next chunk
                continue
            self.pos = end
            return value

    def array(self) -> Iterator[Any]:
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            following = self.peek()
            self.pos += 1
            if following == "]":
                return
            if following != ",":
                raise ManifestError("the manifest is not valid JSON (an array is broken)")


def parse_manifest(text: bytes) -> Manifest:
    """The manifest from its whole text (small manifests, tests)."""
    return read_manifest_stream(io.BytesIO(text), len(text))


def read_manifest_stream(stream: Source, limit: int, chunk: int = CHUNK) -> Manifest:
    """The manifest from a byte stream of at most `limit` bytes, read `chunk` at a time."""
    files: list[ManifestFile] = []
    manifest = scan_manifest(stream, limit, files.append, chunk)
    return replace(manifest, files=tuple(files))


def scan_manifest(stream: Source, limit: int, each_file: Callable[[ManifestFile], None],
                  chunk: int = CHUNK) -> Manifest:
    """Hand every file record to `each_file` as it is read, keeping none of them; return
    the rest of the manifest (with no files). Verify and restore keep only what they need
    of 100,000 records. A ManifestError may come after some records were handed over."""
    reader = _Reader(stream, limit, chunk)
    reader.expect("{")
    head: dict[str, Any] = {}
    arrays: dict[str, list[Any]] = {}
    while reader.peek() != "}":
        key = reader.value()
        if not isinstance(key, str):
            raise ManifestError("the manifest is not valid JSON (a key is not a string)")
        reader.expect(":")
        if (key == "files" or key in _ARRAYS) and reader.peek() == "[":
            if key == "files":
                check_header(head)  # before 100,000 records are read: is it ours at all?
                for index, raw in enumerate(reader.array()):
                    each_file(file_from_json(raw, index))
                arrays[key] = []
            else:
                build = _ARRAYS[key]
                built = (build(raw, index) for index, raw in enumerate(reader.array()))
                arrays[key] = [record for record in built if record is not None]
        else:
            head[key] = reader.value()
        if reader.peek() != ",":
            break
        reader.pos += 1
    reader.expect("}")
    if reader.peek() != "":
        raise ManifestError("the manifest is not valid JSON (extra data after it)")
    check_header(head)
    if "files" not in arrays:
        raise ManifestError("the manifest's files is missing or not a list")
    return Manifest(
        created_at=str(head.get("created_at", "")),
        switchover_version=str(head.get("switchover_version", "")),
        platform=str(head.get("platform", "")), source=str(head.get("source", "")),
        files=(), skipped=tuple(arrays.get("skipped", ())),
        items=tuple(arrays.get("items", ())),
        encrypted=tuple(str(e) for e in _list(head, "encrypted") if isinstance(e, str)),
        notes=tuple(str(n) for n in _list(head, "notes") if isinstance(n, str)))


def _list(head: dict[str, Any], key: str) -> list[Any]:
    value = head.get(key, [])
    return value if isinstance(value, list) else []
