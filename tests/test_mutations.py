"""The regression floor of the mutation benchmark (benchmarks/mutations/): a small fixed
sample of mutants of the repository's own consistent sources (never the shared corpus).

The floors are the figures measured on this very sample, rounded down
(benchmarks/mutations/floors.yaml): a change that lets more changed facts through, or that
reports more away from them, fails here; raise the floors when a change improves them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmarks.mutations import projects, report
from benchmarks.mutations.operators import OPERATORS, VALUE_PRESERVING
from benchmarks.mutations.run import measure

FLOORS = yaml.safe_load((Path(__file__).parent.parent / "benchmarks" / "mutations"
                         / "floors.yaml").read_text(encoding="utf-8"))
SAMPLE = FLOORS["sample"]
CHECKED = [name for name in FLOORS["sources"] if name in projects.available()]


@pytest.fixture(scope="module")
def measured() -> tuple[dict[tuple[str, str], report.Cell], dict[str, dict[str, int]]]:
    judged, baseline = measure(CHECKED, list(OPERATORS), SAMPLE["per_operator"],
                               SAMPLE["seed"])
    return {(cell.source, cell.operator): cell for cell in report.cells(judged)}, baseline


def _floors(key: str) -> list[tuple[str, str, Any]]:
    return [(source, operator, floor) for source in CHECKED
            for operator, floor in FLOORS["sources"][source][key].items()]


@pytest.mark.parametrize("source", CHECKED)
def test_unmutated_source_gives_no_new_fact_mismatch(measured: Any, source: str) -> None:
    """Zero for samples-clean; services' known false alarms may only go away."""
    _cells, baseline = measured
    assert baseline[source]["fact_mismatches"] <= \
        FLOORS["sources"][source]["max_fact_mismatches_unmutated"]


def test_samples_without_their_seeded_defects_state_their_facts_consistently(
        measured: Any) -> None:
    assert measured[1]["samples-clean"]["fact_mismatches"] == 0


@pytest.mark.parametrize(("source", "operator", "floor"), _floors("recall"))
def test_recall_per_operator_is_at_least_its_floor(measured: Any, source: str, operator: str,
                                                   floor: float) -> None:
    cell = measured[0][(source, operator)]
    assert cell.recall is not None
    assert cell.recall >= floor, (
        f"{source} {operator}: {cell.caught}/{cell.mutants} caught, floor {floor}")


@pytest.mark.parametrize("source", CHECKED)
def test_noise_stays_under_its_ceiling(measured: Any, source: str) -> None:
    cells = [cell for (name, _operator), cell in measured[0].items() if name == source]
    noise = sum(cell.noise for cell in cells)
    assert noise <= FLOORS["sources"][source]["max_noise_findings"], (
        f"{source}: {noise} new findings away from the mutated places")


@pytest.mark.parametrize("source", CHECKED)
def test_value_preserving_mutants_stay_unreported(measured: Any, source: str) -> None:
    flagged = sum(cell.flagged for (name, operator), cell in measured[0].items()
                  if name == source and operator in VALUE_PRESERVING)
    assert flagged <= FLOORS["sources"][source]["max_flagged_value_preserving"]


def test_every_operator_of_a_checked_source_has_a_floor() -> None:
    for source in CHECKED:
        assert set(FLOORS["sources"][source]["recall"]) == set(OPERATORS) - VALUE_PRESERVING \
            - set(FLOORS["sources"][source].get("no_sites", []))
