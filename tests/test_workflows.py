"""The GitHub workflows cannot run on this Linux machine; this keeps them valid here.

An equivalent of actionlint for what these workflows use (actionlint itself is a Go
binary that cannot be installed offline): the YAML parses; every job says where it runs;
every step either uses a pinned action or runs a script; every `${{ }}` expression names a
known context, and every `matrix.*` it names exists; `needs` point at real jobs; and every
script parses in the shell that will run it: bash on Linux and macOS, PowerShell (by its
real grammar) on Windows, where GitHub's default shell is pwsh.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.ps_script import _parser as powershell_parser

WORKFLOWS = sorted((Path(__file__).parent.parent / ".github" / "workflows").glob("*.yml"))
CONTEXTS = {"github", "env", "vars", "job", "jobs", "steps", "runner", "secrets", "strategy",
            "matrix", "needs", "inputs", "hashFiles", "startsWith", "endsWith", "contains",
            "format", "join", "toJSON", "fromJSON", "success", "failure", "always",
            "cancelled"}
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


def _load(path: Path) -> dict[str, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    if True in doc:  # YAML 1.1 reads the key `on` as true
        doc["on"] = doc.pop(True)
    return doc


def _matrix_keys(job: dict[str, Any]) -> set[str]:
    matrix = (job.get("strategy") or {}).get("matrix") or {}
    keys = {k for k in matrix if k not in ("include", "exclude")}
    for entry in matrix.get("include", []):
        keys |= set(entry)
    return keys


def _runner_systems(job: dict[str, Any]) -> set[str]:
    runs_on = str(job["runs-on"])
    if "matrix." in runs_on:
        matrix = job["strategy"]["matrix"]
        names = [str(n) for n in matrix.get("os", [])]
        names += [str(e["os"]) for e in matrix.get("include", []) if "os" in e]
    else:
        names = [runs_on]
    return {"Windows" if n.startswith("windows") else "macOS" if n.startswith("macos")
            else "Linux" for n in names}


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_a_workflow_is_well_formed(path: Path) -> None:
    doc = _load(path)
    assert {"name", "on", "jobs"} <= set(doc), path.name
    jobs = doc["jobs"]
    for name, job in jobs.items():
        assert "runs-on" in job and job.get("steps"), name
        for need in [job["needs"]] if isinstance(job.get("needs"), str) else \
                job.get("needs", []):
            assert need in jobs, f"{name} needs unknown job {need}"
        keys = _matrix_keys(job)
        for text in _strings(job):
            for expression in EXPRESSION.findall(text):
                for word in re.findall(r"(?<![\w.'])([A-Za-z_][\w-]*)", expression):
                    if word not in ("true", "false", "null") and not expression.strip(
                            ).startswith("'"):
                        assert word in CONTEXTS or f"'{word}" in expression, \
                            f"{name}: unknown context {word!r} in ${{{{{expression}}}}}"
                for key in re.findall(r"matrix\.([\w-]+)", expression):
                    assert key in keys, f"{name}: matrix.{key} is not in the matrix"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{name}: {step}"
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+(\.\d+)*", step["uses"]), \
                    f"{name}: unpinned action {step['uses']}"


def _scripts() -> list[tuple[str, str, str]]:
    """(id, shell, script) for every `run:` step, once per system it runs on."""
    found = []
    for path in WORKFLOWS:
        for name, job in _load(path)["jobs"].items():
            systems = _runner_systems(job)
            for index, step in enumerate(job["steps"]):
                if "run" not in step:
                    continue
                condition = str(step.get("if", ""))
                for system in sorted(systems):
                    other = {"Linux", "Windows", "macOS"} - {system}
                    if any(f"runner.os == '{o}'" in condition for o in other):
                        continue  # this step never runs on `system`
                    if f"runner.os != '{system}'" in condition:
                        continue
                    shell = step.get("shell") or job.get("defaults", {}).get("run", {}).get(
                        "shell") or ("pwsh" if system == "Windows" else "bash")
                    script = EXPRESSION.sub("EXPR", step["run"])
                    found.append((f"{path.name}:{name}:{index}:{system}", shell, script))
    return found


@pytest.mark.parametrize(("where", "shell", "script"), _scripts(), ids=lambda v: str(v)[:60])
def test_every_script_parses_in_the_shell_that_runs_it(where: str, shell: str,
                                                       script: str) -> None:
    if shell == "bash":
        done = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True,
                              timeout=30)
        assert done.returncode == 0, f"{where}: {done.stderr}"
    elif shell in ("pwsh", "powershell"):
        tree = powershell_parser().parse(script.encode("utf-8"))
        assert not tree.root_node.has_error, f"{where}: PowerShell cannot parse this"
    else:
        pytest.fail(f"{where}: unexpected shell {shell}")
