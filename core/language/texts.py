"""The texts in resources/ in the reader's language: `texts/<name>.<lang>.json` over English.

A translation holds only the words (titles, bodies, steps, notes), keyed like the English
(ban sections by their id), with the same sources, the date of the English it was made
from and its own review date. Facts (regions, periods, sources, confidence) live only in
the English file, so a translation can never change what applies to whom. Anything a
translation lacks is read in English, and `translation_problems` (run by the tests and
the release check) lists every key, placeholder or source that differs.
"""

from __future__ import annotations

import re
from typing import Any

from core.errors import ResourceError
from core.language.choice import PSEUDO
from core.language.pseudo import pseudo
from core.resources import load_json_resource, resources_root

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def translation_of(name: str, language: str) -> dict[str, Any] | None:
    """`texts/<name>.<language>.json`, or None for English or a language without one."""
    if language == "en" or not (resources_root() / "texts" / f"{name}.{language}.json"
                                ).is_file():
        return None
    data = load_json_resource("texts", f"{name}.{language}.json")
    if not isinstance(data, dict) or not str(data.get("format", "")).endswith("-translation") \
            or data.get("language") != language:
        raise ResourceError(f"texts/{name}.{language}.json is not a {language} translation.")
    return data


def _by_id(rows: list[Any]) -> dict[str, Any] | None:
    if rows and all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in rows):
        return {r["id"]: r for r in rows}
    return None


def overlay(english: Any, translated: Any) -> Any:
    """The English structure with each string the translation has in its place (lists of
    objects with ids are matched by id; a list of strings must have the same length)."""
    if isinstance(english, str):
        return translated if isinstance(translated, str) and translated else english
    if isinstance(english, dict):
        if not isinstance(translated, dict):
            return english
        return {key: overlay(value, translated[key]) if key in translated else value
                for key, value in english.items()}
    if isinstance(english, list):
        index = _by_id(english)
        if index is not None and isinstance(translated, dict):
            return [overlay(row, translated.get(row["id"], {})) for row in english]
        if isinstance(translated, list) and len(translated) == len(english):
            return [overlay(a, b) for a, b in zip(english, translated, strict=True)]
    return english


_NOT_WORDS = ("id", "kind", "confidence", "when", "sources", "from", "until", "format",
              "version", "language", "reviewed", "url", "date", "checked")


def _pseudo_words(value: Any, key: str = "") -> Any:
    if key in _NOT_WORDS:
        return value
    if isinstance(value, str):
        return pseudo(value)
    if isinstance(value, dict):
        return {k: _pseudo_words(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_pseudo_words(v) for v in value]
    return value


def localized(name: str, english: dict[str, Any], language: str,
              words: tuple[str, ...] = ()) -> dict[str, Any]:
    """`english` (already validated) in `language`, where a translation exists; in the
    pseudo-language every string under the `words` keys is pseudo-translated."""
    if language == PSEUDO:
        return {k: _pseudo_words(v) if k in words else v for k, v in english.items()}
    translated = translation_of(name, language)
    if translated is None:
        return english
    result = overlay(english, translated)
    assert isinstance(result, dict)
    return result


def _strings(value: Any, path: str) -> dict[str, str]:
    if isinstance(value, str):
        return {path: value}
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _strings(item, f"{path}.{key}"
                                                                         ).items()}
    if isinstance(value, list):
        index = _by_id(value)
        if index is not None:
            return _strings(index, path)
        return {k: v for i, item in enumerate(value) for k, v in _strings(item, f"{path}[{i}]"
                                                                          ).items()}
    return {}


def translation_problems(english: dict[str, Any], translated: dict[str, Any],
                         words: tuple[str, ...]) -> list[str]:
    """What a translation misses or changes: every string under the `words` keys of the
    English must be there with the same placeholders, and every `sources` list equal."""
    problems = [f"no {key}" for key in ("translated_from", "english_reviewed", "reviewed")
                if not translated.get(key)]
    if translated.get("english_reviewed") and english.get("reviewed") \
            and translated["english_reviewed"] < english["reviewed"]:
        problems.append(f"made from the English of {translated['english_reviewed']}; the "
                        f"English was reviewed on {english['reviewed']}")
    theirs = _strings({k: v for k, v in translated.items() if k in words}, "")
    for path, text in _strings({k: v for k, v in english.items() if k in words}, "").items():
        if path.endswith((".id", ".kind", ".confidence", ".from", ".until")) \
                or ".when." in path or ".sources" in path:
            continue
        if path not in theirs:
            problems.append(f"{path} is not translated")
        elif set(_PLACEHOLDER.findall(text)) != set(_PLACEHOLDER.findall(theirs[path])):
            problems.append(f"{path} has other placeholders than the English")
    english_sources, their_sources = _sources(english), _sources(translated)
    problems += [f"{key} cites other sources than the English"
                 for key, sources in their_sources.items()
                 if english_sources.get(key) != sources]
    problems += [f"{key} is missing" for key in english_sources if key not in their_sources]
    return problems


def _sources(data: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    sections = data.get("sections")
    rows = _by_id(sections) if isinstance(sections, list) else sections
    if isinstance(rows, dict):
        for sid, row in rows.items():
            if isinstance(row, dict) and "sources" in row:
                found[f".sections.{sid}.sources"] = list(row["sources"])
    return found
