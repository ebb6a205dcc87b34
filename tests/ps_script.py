"""Reads a PowerShell script with a real PowerShell grammar (tree-sitter-powershell).

No PowerShell interpreter can be installed on this Debian machine (the release workflow
runs the Intune scripts on Windows); the parser answers what a reader would otherwise
guess with regular expressions: is the script well-formed, which program does it call,
with which arguments, and what does each exit code of that program become.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest


def _parser():  # type: ignore[no-untyped-def]
    tree_sitter = pytest.importorskip("tree_sitter")
    grammar = pytest.importorskip("tree_sitter_powershell")
    return tree_sitter.Parser(tree_sitter.Language(grammar.language()))


@dataclass
class Script:
    assignments: dict[str, str]  # $name → the expression's text
    calls: list[list[str]]  # `& $program arg …` as words
    switch: dict[str, str]  # case value → the case's block text
    has_error: bool


def read_script(path: Path) -> Script:
    source = path.read_bytes()
    tree = _parser().parse(source)

    def text(node) -> str:  # type: ignore[no-untyped-def]
        return source[node.start_byte:node.end_byte].decode("utf-8")

    assignments: dict[str, str] = {}
    calls: list[list[str]] = []
    switch: dict[str, str] = {}
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        stack.extend(reversed(node.children))
        if node.type == "assignment_expression":
            left, _, right = text(node).partition("=")
            assignments.setdefault(left.strip(), right.strip())
        elif node.type == "command" and text(node).startswith("&"):
            calls.append(text(node).split())
        elif node.type == "switch_clause":
            value, _, block = text(node).partition("{")
            switch[value.strip()] = block.rsplit("}", 1)[0].strip()
    return Script(assignments, calls, switch, tree.root_node.has_error)
