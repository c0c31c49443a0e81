"""The architecture and style the project promises: one-way imports, ruff, mypy --strict."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    beside_python = Path(sys.executable).parent / command[0]
    executable = str(beside_python) if beside_python.exists() else shutil.which(command[0])
    if executable is None:
        pytest.fail(f"{command[0]} is not installed; install the test extras")
    return subprocess.run([executable, *command[1:]], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_layers_import_one_way() -> None:
    completed = _run("lint-imports")
    assert completed.returncode == 0, completed.stdout


def test_ruff_finds_nothing() -> None:
    completed = _run("ruff", "check", "src", "tests", "benchmarks")
    assert completed.returncode == 0, completed.stdout


def test_mypy_strict_finds_nothing() -> None:
    completed = _run("mypy")
    assert completed.returncode == 0, completed.stdout
