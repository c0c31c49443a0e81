"""The regression floor of the legal benchmark (benchmarks/legal/): the paraphrase sets always,
the corpus sources when ../shared/corpus is there and LEGAL_BENCH_CORPUS=1 (they take about a
minute, the paraphrases a few seconds)."""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

LEGAL = Path(__file__).parent.parent / "benchmarks" / "legal"
FLOORS: dict[str, dict[str, dict[str, float]]] = yaml.safe_load(
    (LEGAL / "floors.yaml").read_text(encoding="utf-8"))


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("legal_score", LEGAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()
CORPUS = SCORER.legal_sources.CORPUS
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir() or os.environ.get("LEGAL_BENCH_CORPUS") != "1",
    reason="needs ../shared/corpus and LEGAL_BENCH_CORPUS=1 (about a minute)")


def _held(score: Any, split: str) -> None:
    floor = FLOORS[score.name][split]
    counts = SCORER.total(score, split)
    judged = counts.right + counts.wrong
    assert counts.found >= floor["found"], (
        f"{score.name} {split}: {counts.found}/{counts.must} prohibited statements found, "
        f"the floor is {floor['found']}")
    if judged:
        assert counts.right / judged >= floor["precision"], (
            f"{score.name} {split}: {counts.right}/{judged} findings right, "
            f"below the floor {floor['precision']}")
    assert counts.must_not_flagged <= floor["compliant_flagged"], (
        f"{score.name} {split}: {counts.must_not_flagged}/{counts.must_not} compliant clauses "
        f"flagged, the ceiling is {floor['compliant_flagged']}")
    if "safe_flagged" in floor:
        assert counts.safe_flagged <= floor["safe_flagged"], (
            f"{score.name} {split}: {counts.safe_flagged}/{counts.safe} untagged sentences "
            f"flagged, the ceiling is {floor['safe_flagged']}")


PARAPHRASE_SETS = ("paraphrases", "paraphrases-2", "paraphrases-3")


@pytest.mark.parametrize("split", ["dev", "held-out"])
@pytest.mark.parametrize("source", PARAPHRASE_SETS)
def test_paraphrase_floor_holds(source: str, split: str) -> None:
    (score,) = (s for s in _evaluate(PARAPHRASE_SETS) if s.name == source)
    _held(score, split)


@needs_corpus
@pytest.mark.parametrize("split", ["dev", "held-out"])
@pytest.mark.parametrize("source", ["claudette", "hand"])
def test_corpus_floor_holds(source: str, split: str) -> None:
    (score,) = (s for s in _evaluate(("claudette", "hand")) if s.name == source)
    _held(score, split)


@pytest.mark.parametrize(("source", "prohibited", "compliant"),
                         [("paraphrases", 252, 168), ("paraphrases-2", 148, 148),
                          ("paraphrases-3", 148, 148)])
def test_both_parts_of_each_paraphrase_set_are_scored(source: str, prohibited: int,
                                                      compliant: int) -> None:
    """The floors mean something only if both parts hold the whole set's kinds of sentence
    (split by the sha256 of their text)."""
    (score,) = (s for s in _evaluate(PARAPHRASE_SETS) if s.name == source)
    dev, held_out = (SCORER.total(score, split) for split in ("dev", "held-out"))
    assert (dev.must + held_out.must, dev.must_not + held_out.must_not) == (prohibited,
                                                                           compliant)
    assert min(dev.must, held_out.must, dev.must_not, held_out.must_not) > 60


@functools.cache
def _evaluate(names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(SCORER.evaluate(names))
