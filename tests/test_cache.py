"""The content-hash cache: reused when nothing changed, rebuilt when anything that shapes a
document's results changes, and never a reason for a wrong or failed run."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from consistency_lint.cache import CACHE_DIR
from consistency_lint.config import load_config
from consistency_lint.model import RunResult, Span
from consistency_lint.pipeline import RunOptions, run
from consistency_lint.values import parse_value
from consistency_lint.values.model import ValueType
from tests.conftest import FIXTURES, TODAY, keys

SHOP = FIXTURES / "projects" / "shop"


def _run(project: Path, use_cache: bool = True) -> RunResult:
    return run(load_config(project), RunOptions(today=TODAY, use_cache=use_cache))


def _entries(project: Path) -> list[Path]:
    return sorted(path for path in (project / CACHE_DIR).rglob("*") if path.is_file())


def test_results_are_the_same_with_a_cold_and_a_warm_cache(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    cold = _run(project)
    assert len(_entries(project)) == 3
    warm = _run(project)
    uncached = _run(project, use_cache=False)
    assert keys(warm.findings) == keys(cold.findings) == keys(uncached.findings)
    assert warm.facts == cold.facts


def test_a_changed_file_or_configuration_is_processed_again(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    _run(project)
    letter = project / "letters" / "wysylka.txt.j2"
    letter.write_text(letter.read_text(encoding="utf-8").replace("order.numer", "order.number"),
                      encoding="utf-8")
    assert [f.rule for f in _run(project).findings] == ["FRESHNESS-NO-OWNER"]
    variables = project / "letters" / "variables.yaml"
    variables.write_text("- customer.name\n", encoding="utf-8")
    assert "TEMPLATE-UNKNOWN-VARIABLE" in [f.rule for f in _run(project).findings]


def test_corrupt_entries_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    expected = keys(_run(project).findings)
    for entry in _entries(project):
        entry.write_bytes(entry.read_bytes()[:10])
    assert keys(_run(project).findings) == expected
    assert keys(_run(project).findings) == expected


def test_an_unwritable_cache_location_does_not_fail_the_run(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    (project / CACHE_DIR).write_text("not a directory", encoding="utf-8")
    assert keys(_run(project).findings) == keys(_run(project, use_cache=False).findings)


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    _run(project, use_cache=False)
    assert not (project / CACHE_DIR).exists()


def test_cached_value_types_survive_a_pickle_round_trip() -> None:
    fact_value = parse_value(ValueType.MONEY, "2 499 zł", "pl")
    assert fact_value is not None
    span = Span(3, 7, 3, 15)
    assert pickle.loads(pickle.dumps((fact_value, span))) == (fact_value, span)
