"""Shared helpers: build a small content project in a temporary directory and lint it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency_lint.config import load_config
from consistency_lint.model import Finding, RunResult
from consistency_lint.pipeline import RunOptions, run
from consistency_lint.pipeline.cache import CACHE_DIR_VARIABLE

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 30)

FindingKey = tuple[str, str, str, int]


def write_project(root: Path, config: Mapping[str, Any], files: Mapping[str, str | bytes]) -> Path:
    """Write `consistency-lint.yaml` and content files under `root`; return `root`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "consistency-lint.yaml").write_text(
        yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def commit_project(root: Path, config: Mapping[str, Any], files: Mapping[str, str | bytes]) -> Path:
    """A git repository at `root` whose one commit holds the project of `config` and
    `files` (what `--changed-since HEAD` compares with); return `root`."""
    write_project(root, config, files)
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-qm", "before the change")):
        subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.com",
                        "-c", "user.name=t", *args], check=True, capture_output=True)
    return root


def single_channel_config(loader: str, pattern: str, **channel: Any) -> dict[str, Any]:
    return {"version": 1, "channels": {"docs": {"loader": loader, "paths": [pattern], **channel}}}


def edited_copy(fixture: Path, tmp_path: Path, path: str = "", old: str = "", new: str = "",
                count: int = 1) -> Path:
    """A copy of the fixture project with `old` replaced by `new` (`count` times) in the file
    `path` (none: unchanged)."""
    project = tmp_path / "project"
    shutil.copytree(fixture, project)
    if path:
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, count), encoding="utf-8")
    return project


def lint(root: Path, **options: Any) -> RunResult:
    return run(load_config(root), RunOptions(today=options.pop("today", TODAY), **options))


def keys(findings: tuple[Finding, ...] | list[Finding]) -> list[FindingKey]:
    """The identity of each finding that tests assert on: rule, category, path and line."""
    return [(f.rule, f.category.value, f.path, f.span.line) for f in findings]


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    def make(config: Mapping[str, Any], files: Mapping[str, str | bytes]) -> Path:
        return write_project(tmp_path / "project", config, files)
    return make


@pytest.fixture(autouse=True)
def isolated_cache_home(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty cache home, never the user's."""
    home = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(home))
    return home
