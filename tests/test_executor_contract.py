"""One contract, two executors: what the uninstall runner may rely on from either.

The runner drives `SimulatedExecutor` for demos and snapshots and `RealExecutor` on a real
machine; the same checks run against both (Dangerzone's isolation-provider pattern), then
the real one's own duties: it starts programs as argument lists and never through a shell,
reports a missing program instead of raising, stops at its timeout, and checks signatures
with the operating system's own tools. Authenticode and Windows Installer checks need
Windows and `codesign` needs macOS: .github/workflows/tests.yml runs them on
windows-latest and macos-14; here they are skipped and say so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from core.jobs import CancelToken
from core.uninstall.executors import (
    OUTPUT_TAIL,
    ExecResult,
    Executor,
    RealExecutor,
    SimulatedExecutor,
)
from core.uninstall.plan import Step
from core.uninstall.states import StepKind

PY = sys.executable


@pytest.fixture(params=["simulated", "real"])
def executor(request: pytest.FixtureRequest) -> Executor:
    return SimulatedExecutor() if request.param == "simulated" else RealExecutor()


def _step(program: str, *checks: str) -> Step:
    return Step(id="remove:x", kind=StepKind.REMOVE, title="x", description="",
                program=program, checks=checks)


def test_a_run_always_returns_a_result_with_a_bounded_tail(executor: Executor) -> None:
    result = executor.run((PY, "-c", "print('x' * 100000)"), 60, CancelToken())
    assert isinstance(result, ExecResult) and not result.timed_out
    assert result.exit_code == 0 and len(result.tail) <= OUTPUT_TAIL
    assert result.output_bytes >= 0


def test_a_missing_program_is_a_result_never_an_exception(executor: Executor,
                                                          tmp_path: Path) -> None:
    result = executor.run((str(tmp_path / "no-such-uninstaller"),), 60, CancelToken())
    assert isinstance(result, ExecResult)
    assert (result.exit_code is None) != executor.simulated  # only a real run can fail here


def test_check_answers_none_or_one_sentence(executor: Executor, tmp_path: Path) -> None:
    problem = executor.check(_step(str(tmp_path / "gone.exe"), "exists"))
    assert problem is None if executor.simulated else "not on this computer" in str(problem)


def test_elevation_is_a_tuple_of_absolute_programs(executor: Executor) -> None:
    assert isinstance(executor.elevate, tuple)
    assert all(os.path.isabs(part) or part.startswith("-") for part in executor.elevate)


# -- the real executor's own duties ------------------------------------------------------

def test_arguments_reach_the_program_as_they_are_never_through_a_shell(tmp_path: Path
                                                                        ) -> None:
    marker = tmp_path / "shell-ran"
    argument = f"; touch {marker} & echo pwned > {marker} | $(touch {marker})"
    result = RealExecutor().run((PY, "-c", "import sys; print(sys.argv[1])", argument), 60,
                                CancelToken())
    assert result.exit_code == 0 and argument in result.tail and not marker.exists()


def test_a_program_that_hangs_is_stopped_at_its_timeout() -> None:
    result = RealExecutor().run((PY, "-c", "import time; time.sleep(60)"), 1, CancelToken())
    assert result.timed_out and result.exit_code is None


@pytest.mark.skipif(sys.platform != "win32", reason="Authenticode is checked on Windows "
                    "only (the cross-OS workflow runs this on windows-latest)")
def test_authenticode_accepts_microsoft_and_refuses_an_unsigned_program(tmp_path: Path
                                                                        ) -> None:
    from core.uninstall.executors import _authenticode_windows, _msi_product_windows

    cmd = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32", "cmd.exe")
    assert _authenticode_windows(cmd, "Microsoft Corporation") is None
    assert _authenticode_windows(cmd, "Kaspersky Lab JSC") is not None  # not its signer
    unsigned = tmp_path / "setup.exe"
    unsigned.write_bytes(b"MZ" + b"\0" * 1024)
    assert "not validly signed" in str(_authenticode_windows(str(unsigned),
                                                             "Microsoft Corporation"))
    assert "does not know" in str(_msi_product_windows(
        "{00000000-0000-0000-0000-000000000000}"))


@pytest.mark.skipif(sys.platform != "darwin", reason="codesign exists on macOS only (the "
                    "cross-OS workflow runs this on macos-14)")
def test_codesign_refuses_apples_own_app_and_an_unsigned_file_as_kaspersky(tmp_path: Path
                                                                           ) -> None:
    from core.uninstall.executors import _codesign_mac

    calculator = "/System/Applications/Calculator.app"
    assert "not validly signed" in str(_codesign_mac(calculator, "2Y8XE5CQ94"))
    unsigned = tmp_path / "uninstall"
    unsigned.write_text("#!/bin/sh\n")
    assert "not validly signed" in str(_codesign_mac(str(unsigned), "2Y8XE5CQ94"))
