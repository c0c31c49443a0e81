"""The wheel stands alone: built from this checkout, installed into a fresh virtual environment
with no source tree beside it, it checks `samples/` exactly as the source tree does, so the
rule packs, the language data and the report templates are all inside it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-30"  # both runs judge dates alike, whenever the test runs


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None,
         expect: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180, check=False)
    assert done.returncode == expect, (command, done.returncode, done.stderr[-2000:])
    return done


def _environment(**extra: str) -> dict[str, str]:
    """The test's environment without anything that would point Python at other code."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH")}
    return {**env, **extra}


def _from_source(*arguments: str | Path, cwd: Path,
                 expect: int = 0) -> subprocess.CompletedProcess[str]:
    """The same command run from the source tree (`src/` first on the import path, whether the
    test's environment has it installed editable, as here, or built, as in CI)."""
    return _run(sys.executable, "-m", "consistency_lint", *arguments, cwd=cwd,
                env=_environment(PYTHONPATH=str(ROOT / "src")), expect=expect)


def _findings(report: str) -> tuple[dict[str, Any], list[tuple[str, str, int, int]]]:
    data = json.loads(report)
    return data["summary"], [(f["rule"], f["path"], f["line"], f["column"])
                             for f in data["findings"]]


def test_the_wheel_installed_alone_checks_the_samples_as_the_source_tree_does(
        tmp_path: Path) -> None:
    dist, venv, elsewhere = tmp_path / "dist", tmp_path / "venv", tmp_path / "elsewhere"
    elsewhere.mkdir()
    # hatchling comes from the test extras: no build isolation, nothing downloaded
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "--wheel-dir", dist, ROOT, cwd=elsewhere, env=_environment())
    [wheel] = dist.glob("consistency_lint-*.whl")
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=elsewhere)
    python = venv / "bin" / "python"
    # the test's pip installs into the new environment (`--python`): it needs no pip of its own
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "--quiet", wheel, cwd=elsewhere, env=_environment())
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site_packages = Path(_run(python, "-c", purelib, cwd=elsewhere).stdout.strip())
    assert site_packages.is_relative_to(venv)
    # The dependencies (spaCy, pydantic, …) come from the test's own environment rather than
    # from pip's resolver, which would download them: what is tested is that the package stands
    # alone, not that pip resolves. A directory named in a .pth file goes on sys.path after the
    # environment's own site-packages, and is not itself searched for .pth files, so the
    # editable install's path hook (…/src) in the test's environment is not picked up; the
    # assertions below check that the wheel's copy is the one imported.
    ours = dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
    (site_packages / "zz_test_environment.pth").write_text(
        "".join(f"{path}\n" for path in ours), encoding="utf-8")
    where = _run(python, "-c", "import consistency_lint, consistency_lint.builtin_data as data; "
                 "print(consistency_lint.__file__); print(data.builtin_rules_dir())",
                 cwd=elsewhere, env=_environment()).stdout.split("\n")
    assert Path(where[0]).is_relative_to(site_packages), where
    assert Path(where[1]) == site_packages / "consistency_lint" / "builtin_rules", where
    assert (site_packages / "consistency_lint" / "report" / "templates").is_dir()

    samples = shutil.copytree(ROOT / "samples", elsewhere / "samples")
    arguments = ("check", "--format", "json", "--no-cache", "--today", TODAY)
    installed = _run(venv / "bin" / "consistency-lint", *arguments, samples, cwd=elsewhere,
                     env=_environment(), expect=1)
    source = _from_source(*arguments, ROOT / "samples", cwd=elsewhere, expect=1)
    summary, findings = _findings(installed.stdout)
    assert summary["findings"] == len(findings) > 0
    assert (summary, findings) == _findings(source.stdout)

    rules = _run(venv / "bin" / "consistency-lint", "rules", "list", cwd=elsewhere,
                 env=_environment())
    assert "TEMPLATE-UNKNOWN-VARIABLE" in rules.stdout
    assert rules.stdout == _from_source("rules", "list", cwd=elsewhere).stdout
