"""The regression floor of the change-scenario benchmark (benchmarks/changes/): a small
seeded sample of scenarios on the repository's own services project, where a fact changes
in some of its places or in the registry and `impact --since` must list the others.

The floor is below the figures this sample gives (all 1.000 when it was set): a change that
loses a stale place, or lists one that is not, fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.changes.run import KINDS, Scenario, run_source

SAMPLE = {"source": "services", "per_kind": 3, "seed": 26}
FLOOR = 0.95


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> list[Scenario]:
    work = tmp_path_factory.mktemp("change-scenarios")
    return [scenario for scenario in run_source(
        str(SAMPLE["source"]), Path(work), int(SAMPLE["per_kind"]), int(SAMPLE["seed"]))
        if not scenario.kind.endswith("(not applied)")]


def test_every_kind_of_change_is_in_the_sample(scenarios: list[Scenario]) -> None:
    assert {scenario.kind for scenario in scenarios} == set(KINDS)


def test_stale_places_are_listed_and_only_they(scenarios: list[Scenario]) -> None:
    expected = sum(len(scenario.expected) for scenario in scenarios)
    listed = sum(len(scenario.listed) for scenario in scenarios)
    hits = sum(scenario.hits for scenario in scenarios)
    assert expected > 0 and hits / expected >= FLOOR
    assert listed > 0 and hits / listed >= FLOOR
    assert all(scenario.listed == [] for scenario in scenarios if scenario.kind == "reverted")
