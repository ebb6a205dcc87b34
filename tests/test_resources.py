"""One resolver finds resources/ from a source checkout, an installed wheel and a frozen app."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from core.resources import resources_root

PRINT_ROOT = ("import core.resources as r, core.machine.signatures as s; "
              "print(r.resources_root()); print(len(s.load_signatures().products))")


def test_source_checkout_uses_the_resources_folder(repo_root: Path) -> None:
    assert resources_root() == repo_root / "resources"


@pytest.mark.slow
def test_installed_wheel_carries_and_finds_its_resources(repo_root: Path, tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="the wheel is built with the hatchling backend")
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist), str(repo_root)], check=True, capture_output=True,
                   timeout=300)
    wheel = next(dist.glob("switchover-*.whl"))
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "core/_resources/signatures/kaspersky.json" in names
    assert not any(n.startswith(("tests/", "packaging/")) for n in names)
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", PRINT_ROOT], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    root, count = done.stdout.split()
    assert Path(root) == site / "core" / "_resources" and int(count) > 20
    done = subprocess.run([sys.executable, "-m", "core.cli.main", "detect", "--demo",
                           "windows-total-security", "--json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["products"]


def test_frozen_app_finds_resources_in_its_bundle(repo_root: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(repo_root / "resources", bundle / "resources")
    code = f"import sys; sys.frozen = True; sys._MEIPASS = {str(bundle)!r}; {PRINT_ROOT}"
    done = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.split()[0]) == bundle / "resources"


def test_a_missing_resource_is_one_clear_sentence(tmp_path: Path, repo_root: Path) -> None:
    env = {**os.environ, "SWITCHOVER_RESOURCES": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "core.cli.main", "detect", "--demo",
                           "windows-total-security"], cwd=repo_root, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "missing" in done.stderr and "Traceback" not in done.stderr
