"""The facts of a whole corpus, merged from what was collected document by document, and
what needs all of them at once (stale copies)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from consistency_lint.facts.passages import Passage, StaleCopy, stale_copies
from consistency_lint.model import Fact


@dataclass(frozen=True)
class CorpusFacts:
    facts: tuple[Fact, ...]
    document_subjects: dict[str, str | None]
    stale_copies: tuple[StaleCopy, ...]


@dataclass(frozen=True)
class CollectedFacts:
    """What a collector gathered from its documents; parts from workers are merged."""

    facts: tuple[Fact, ...]
    document_subjects: dict[str, str | None]
    passages: tuple[Passage, ...]


def merge(parts: Sequence[CollectedFacts]) -> CorpusFacts:
    """The corpus's facts from the parts collected over its documents."""
    facts = sorted((fact for part in parts for fact in part.facts),
                   key=lambda fact: (fact.path, fact.span.line, fact.span.column))
    subjects = {path: subject for part in parts for path, subject in
                part.document_subjects.items()}
    passages = [passage for part in parts for passage in part.passages]
    return CorpusFacts(tuple(facts), subjects, tuple(stale_copies(passages)))
