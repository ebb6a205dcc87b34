"""Split a Windows command line the way Windows does (CommandLineToArgvW), as plain data.

An `UninstallString` is text from the registry; to run it safely it must become an argument
list, never a shell string. The program name follows its own rule (a quoted name runs to
the next quote, with no backslash escapes); arguments follow the C runtime's: 2n
backslashes before a quote give n backslashes and toggle quoting, 2n+1 give n and a literal
quote, other backslashes are literal, and `""` inside quotes is a literal quote. A quote
that never closes is reported, because the planner refuses such strings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Split:
    argv: tuple[str, ...]
    unterminated: bool


def _program(text: str) -> tuple[str, int, bool]:
    if text.startswith('"'):
        end = text.find('"', 1)
        if end == -1:
            return text[1:], len(text), True
        return text[1:end], end + 1, False
    end = 0
    while end < len(text) and text[end] not in " \t":
        end += 1
    return text[:end], end, False


def split_windows_command(command: str) -> Split:
    text = command.lstrip(" \t")
    if not text:
        return Split((), False)
    program, i, unterminated = _program(text)
    argv = [program]
    current: list[str] = []
    in_arg = False
    quoted = False
    while i < len(text):
        char = text[i]
        if char in " \t" and not quoted:
            if in_arg:
                argv.append("".join(current))
                current, in_arg = [], False
            i += 1
            continue
        in_arg = True
        if char == "\\":
            run = 0
            while i < len(text) and text[i] == "\\":
                run += 1
                i += 1
            if i < len(text) and text[i] == '"':
                current.append("\\" * (run // 2))
                if run % 2:
                    current.append('"')
                    i += 1
                # an even run leaves the quote to toggle below
            else:
                current.append("\\" * run)
            continue
        if char == '"':
            if quoted and i + 1 < len(text) and text[i + 1] == '"':
                current.append('"')
                i += 2
                continue
            quoted = not quoted
            i += 1
            continue
        current.append(char)
        i += 1
    if in_arg:
        argv.append("".join(current))
    return Split(tuple(argv), unterminated or quoted)


def shown_command(argv: tuple[str, ...], platform: str) -> str:
    """An argument list as a person would type it on that system, for display only.

    What runs is always the list itself; this text just has to read right (and paste right)
    in cmd.exe on Windows or a POSIX shell elsewhere.
    """
    if platform == "windows":
        import subprocess

        return subprocess.list2cmdline(argv)
    import shlex

    return shlex.join(argv)
