"""The architecture and style the project promises: one-way imports, ruff, mypy --strict."""

import ast
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


def _imports_of_ours(package: Path) -> set[tuple[str, str]]:
    """(file, module) for every `consistency_lint` module the package's files import, the
    package root included (import-linter's contracts cannot see `from consistency_lint
    import x` from inside the package)."""
    found = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            found.update((path.name, name) for name in names
                         if name.split(".")[0] == "consistency_lint")
    return found


@pytest.mark.parametrize(("package", "allowed"), [
    ("model", ("consistency_lint.model",)),
    ("report", ("consistency_lint.model", "consistency_lint.report")),
])
def test_the_ground_floor_and_the_reporters_import_only_what_they_may(
        package: str, allowed: tuple[str, ...]) -> None:
    imports = _imports_of_ours(ROOT / "src" / "consistency_lint" / package)
    assert imports, "no imports found: the test reads the wrong folder"
    assert sorted((path, name) for path, name in imports
                  if not name.startswith(allowed)) == []
