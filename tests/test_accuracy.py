"""The regression floor of the real-content accuracy benchmark (benchmarks/accuracy/)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ACCURACY = Path(__file__).parent.parent / "benchmarks" / "accuracy"
FLOORS = yaml.safe_load((ACCURACY / "floors.yaml").read_text(encoding="utf-8"))


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy_score", ACCURACY / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()


@pytest.fixture(scope="module")
def checked() -> Any:
    return SCORER.check_corpus()


@pytest.fixture(scope="module")
def result(checked: Any) -> Any:
    return SCORER.score(checked.findings, SCORER.load_gold(), checked.words)


@pytest.mark.parametrize("category", sorted(FLOORS["precision"]))
def test_precision_at_warning_or_error_holds(result: Any, category: str) -> None:
    score = result.total if category == "all" else result.by_category[category]
    assert score.precision >= FLOORS["precision"][category], (
        f"{category}: precision {score.precision:.3f} below the floor "
        f"{FLOORS['precision'][category]}: false alarms "
        f"{[f'{f.path}:{f.span.line} {f.rule}' for f in result.false_alarms]}")


@pytest.mark.parametrize("category", sorted(FLOORS["recall"]))
def test_recall_at_warning_or_error_holds(result: Any, category: str) -> None:
    score = result.total if category == "all" else result.by_category[category]
    assert score.recall >= FLOORS["recall"][category], (
        f"{category}: recall {score.recall:.3f} below the floor {FLOORS['recall'][category]}: "
        f"missed {[(d.path, d.lines, d.category) for d in result.missed]}")


def test_compliant_text_stays_unflagged(result: Any) -> None:
    violated = {id(negative) for negative, _ in result.negatives_violated}
    assert len(violated) <= FLOORS["max_negatives_violated"]
    assert result.clean_findings_per_1000_words <= (
        FLOORS["max_findings_per_1000_clean_words"])


def test_no_confident_fact_stands_under_the_wrong_attribute(checked: Any) -> None:
    attribution = SCORER.score_attribution(checked.facts, SCORER.load_gold())
    assert [(f.path, f.span.line, f.attribute) for f in attribution.wrong] == []
    assert len(attribution.missed) <= FLOORS["max_facts_not_found"]
