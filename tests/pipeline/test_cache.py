"""The content-hash cache: reused when nothing changed, rebuilt when anything that shapes a
document's results changes, never a reason for a wrong or failed run, and never a way for a
content repository to run code."""

from __future__ import annotations

import os
import pickle
import shutil
from dataclasses import make_dataclass
from datetime import date
from pathlib import Path

import msgspec
import pytest

from consistency_lint import builtin_data
from consistency_lint.builtin_data import builtin_data_digest, builtin_rules_dir
from consistency_lint.config import load_config
from consistency_lint.model import RunResult, Span
from consistency_lint.pipeline import RunOptions, run
from consistency_lint.pipeline.cache import (
    CACHE_DIR_VARIABLE,
    FORMAT_VERSION,
    project_cache_directory,
    schema_version,
)
from tests.conftest import FIXTURES, TODAY, keys, single_channel_config, write_project

SHOP = FIXTURES / "projects" / "shop"


def _run(project: Path, use_cache: bool = True) -> RunResult:
    return run(load_config(project), RunOptions(today=TODAY, use_cache=use_cache))


def _entries(project: Path) -> list[Path]:
    folder = project_cache_directory(project.resolve())
    return sorted(path for path in folder.rglob("*") if path.is_file())


def _copy_of_shop(tmp_path: Path) -> Path:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    return project


def test_results_are_the_same_with_a_cold_and_a_warm_cache(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    cold = _run(project)
    assert len(_entries(project)) == 3
    warm = _run(project)
    uncached = _run(project, use_cache=False)
    assert keys(warm.findings) == keys(cold.findings) == keys(uncached.findings)
    assert warm.facts == cold.facts


def test_a_changed_file_or_configuration_is_processed_again(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    _run(project)
    letter = project / "letters" / "wysylka.txt.j2"
    letter.write_text(letter.read_text(encoding="utf-8").replace("order.numer", "order.number"),
                      encoding="utf-8")
    assert [f.rule for f in _run(project).findings] == ["FRESHNESS-NO-OWNER"]
    variables = project / "letters" / "variables.yaml"
    variables.write_text("- customer.name\n", encoding="utf-8")
    assert "TEMPLATE-UNKNOWN-VARIABLE" in [f.rule for f in _run(project).findings]


def test_changed_built_in_data_makes_new_entries(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An editable install changes the built-in attributes and vocabularies without a new
    version: the results of before must not be read back."""
    project = _copy_of_shop(tmp_path)
    _run(project)
    before = _entries(project)
    data = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), data)
    (data / "facts" / "attributes.yaml").write_text(
        (data / "facts" / "attributes.yaml").read_text(encoding="utf-8") + "\n# changed\n",
        encoding="utf-8")
    builtin_data_digest.cache_clear()
    monkeypatch.setattr(builtin_data, "builtin_rules_dir", lambda: data)
    try:
        _run(project)
    finally:
        builtin_data_digest.cache_clear()
    assert len(_entries(project)) == 2 * len(before)


def test_corrupt_entries_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    expected = keys(_run(project).findings)
    for entry in _entries(project):
        entry.write_bytes(entry.read_bytes()[:10])
    assert keys(_run(project).findings) == expected
    assert keys(_run(project).findings) == expected


def test_an_unwritable_cache_location_does_not_fail_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _copy_of_shop(tmp_path)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache home should be", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker))
    assert keys(_run(project).findings) == keys(_run(project, use_cache=False).findings)


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    _run(project, use_cache=False)
    assert _entries(project) == []


def test_the_cache_lives_outside_the_content_tree(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    before = sorted(path.relative_to(project) for path in project.rglob("*"))
    _run(project)
    assert len(_entries(project)) == 3
    assert sorted(path.relative_to(project) for path in project.rglob("*")) == before


def _planted_pickle(marker: Path) -> bytes:
    class RunsCode:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))
    return pickle.dumps(RunsCode())


def test_a_committed_cache_folder_is_never_read(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    marker = tmp_path / "code-ran"
    expected = keys(_run(project, use_cache=False).findings)
    committed = project / ".consistency-lint-cache"  # where version 0.1 kept its pickles
    _run(project)
    for entry in _entries(project):
        planted = committed / entry.parent.name / entry.name
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.write_bytes(_planted_pickle(marker))
    shutil.rmtree(project_cache_directory(project.resolve()))
    assert keys(_run(project).findings) == expected
    assert not marker.exists()


def test_a_pickle_planted_in_the_cache_runs_no_code(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    marker = tmp_path / "code-ran"
    expected = keys(_run(project).findings)
    for entry in _entries(project):
        entry.write_bytes(_planted_pickle(marker))
    assert keys(_run(project).findings) == expected
    assert not marker.exists()


def test_entries_of_the_wrong_shape_or_for_another_key_are_ignored(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    expected = keys(_run(project).findings)
    first, second, third = _entries(project)
    first.write_bytes(msgspec.msgpack.encode([FORMAT_VERSION, first.name, {"document": 1}]))
    second.write_bytes(third.read_bytes())  # a valid entry, but written for another file
    third.write_bytes(msgspec.msgpack.encode([[[[[]]]]] * 1000))
    assert keys(_run(project).findings) == expected
    assert keys(_run(project).findings) == expected


def test_cached_values_are_read_back_equal(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    cold = _run(project)
    warm = _run(project)
    assert warm.facts == cold.facts and warm.documents == cold.documents
    assert warm.facts and all(isinstance(fact.span, Span) for fact in warm.facts)


def test_front_matter_dates_read_from_the_cache_give_the_same_findings(tmp_path: Path) -> None:
    config = {**single_channel_config("markdown", "*.md"),
              "governance": {"review_every_days": 365}}
    write_project(tmp_path, config, {"a.md": "---\nlast_reviewed: 2020-01-02\n---\nTreść.\n"})
    cold, warm = _run(tmp_path), _run(tmp_path)
    assert [(f.rule, f.message) for f in warm.findings] == [
        (f.rule, f.message) for f in cold.findings] == [
        ("FRESHNESS-REVIEW-OVERDUE", "last reviewed 2020-01-02, 2524 days ago; reviews are "
         "due every 365 days (this one since 2021-01-01)")]


def test_the_format_version_follows_the_schema_of_what_is_cached() -> None:
    """No version to bump by hand: another field type is another format, another docstring
    is not."""
    def outcome(line_type: type, doc: str) -> type:
        shape = make_dataclass("Outcome", [("path", str), ("line", line_type)], frozen=True)
        shape.__doc__ = doc
        return shape

    assert schema_version(outcome(int, "one")) == schema_version(outcome(int, "other"))
    assert schema_version(outcome(int, "one")) != schema_version(outcome(str, "one"))


def test_a_rule_coming_into_force_is_not_hidden_by_entries_from_before(tmp_path: Path) -> None:
    """PL-CRA-ODR-PLATFORM applies from 2025-07-20: a page cached the day before, when the rule
    did not yet apply, is checked again the day it does."""
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"docs": {"loader": "markdown", "paths": ["*.md"]}}}
    write_project(tmp_path, config, {"a.md": "Konsument może skorzystać z platformy ODR.\n"})

    def odr_findings(today: date) -> list[int]:
        result = run(load_config(tmp_path), RunOptions(today=today, use_cache=True))
        return [f.span.line for f in result.findings if f.rule == "PL-CRA-ODR-PLATFORM"]

    assert odr_findings(date(2025, 7, 19)) == []
    assert odr_findings(date(2025, 7, 20)) == [1]
