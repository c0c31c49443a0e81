"""Every check's documented examples are tests: the failing one yields the rule, the
passing one does not. `rules explain` prints the same examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consistency_lint.checks.registry import documented_specs
from consistency_lint.specs import CheckSpec, Example
from tests.conftest import commit_project, keys, lint, write_project

SPEC_LIST = sorted(documented_specs().values(), key=lambda spec: spec.id)


def _lint_example(root: Path, example: Example | None) -> list[tuple[str, str, str, int]]:
    assert example is not None, "every built-in check and rule has examples"
    channel: dict[str, Any] = {"loader": example.loader, "paths": [example.file_name],
                               **example.channel}
    channels = {**example.config.get("channels", {}), example.channel_name: channel}
    config = {"version": 1, **example.config, "channels": channels}
    files: dict[str, str | bytes] = dict(example.files)
    if example.symlink_to is None:
        files[example.file_name] = example.content
    if example.committed:  # the other files were committed as they are
        commit_project(root, config, {**example.files, **example.committed})
    write_project(root, config, files)
    if example.symlink_to is not None:
        (root / example.file_name).symlink_to(example.symlink_to)
    return keys(lint(root, changed_since="HEAD" if example.committed else None).findings)


@pytest.mark.parametrize("spec", SPEC_LIST, ids=lambda spec: spec.id)
def test_failing_example_yields_this_rule_once(spec: CheckSpec, tmp_path: Path) -> None:
    findings = _lint_example(tmp_path, spec.failing)
    assert [(rule, category) for rule, category, _, _ in findings if rule == spec.id] == [
        (spec.id, spec.category.value)]


@pytest.mark.parametrize("spec", SPEC_LIST, ids=lambda spec: spec.id)
def test_passing_example_does_not_yield_this_rule(spec: CheckSpec, tmp_path: Path) -> None:
    assert [key for key in _lint_example(tmp_path, spec.passing) if key[0] == spec.id] == []


@pytest.mark.parametrize("spec", SPEC_LIST, ids=lambda spec: spec.id)
def test_every_check_is_documented(spec: CheckSpec) -> None:
    assert spec.id == spec.id.upper() and spec.summary.endswith(".")
    assert len(spec.rationale.split()) >= 12
