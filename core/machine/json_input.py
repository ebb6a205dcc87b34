"""JSON from outside (a snapshot from another machine, a support ticket, an attacker):
parsed so that every way it can be wrong is one sentence, never a traceback.
"""

import json
import re
from typing import Any

from core.errors import BadInput

_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(doc: object) -> str | None:
    """Where a string of the document holds half a UTF-16 pair, or None.

    JSON's `\\ud800` escape makes one (a registry value can hold it); it is no text a
    terminal, a file name or an HTML page can carry, so such a document is refused where
    it is read rather than failing later wherever the string is printed.
    """
    stack: list[tuple[str, object]] = [("", doc)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, str) and _SURROGATE.search(node):
            return where or "(top level)"
        if isinstance(node, dict):
            for key, value in node.items():
                if _SURROGATE.search(key):
                    return f"{where}[{key!a}]"
                stack.append((f"{where}.{key}" if where else key, value))
        elif isinstance(node, list):
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(node))
    return None


def parse_json_input(text: str, what: str) -> Any:
    """The parsed document, or BadInput naming what is wrong (`what`: "snapshot")."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"The {what} is not valid JSON (line {exc.lineno}, "
                       f"column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise BadInput(f"The {what} is nested too deeply to be a Switchover {what} "
                       "(lists or objects inside each other thousands of levels deep).") from None
    bad = lone_surrogate(doc)
    if bad is not None:
        shown = bad.encode("ascii", "backslashreplace").decode("ascii")
        raise BadInput(f"The {what}'s {shown} holds a lone UTF-16 surrogate (half of a "
                       "character), which is not text: it is damaged or was not written "
                       "by Switchover.")
    return doc
