"""Collects the facts of a whole corpus, document by document as the language layer
streams them, and finishes with what needs all of them (stale copies)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from consistency_lint.facts.attribution import FactExtractor
from consistency_lint.facts.passages import Passage, StaleCopy, passages, stale_copies
from consistency_lint.facts.registry import Registry
from consistency_lint.model import Document, Fact
from consistency_lint.nlp.analysis import AnalysedSegment


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


class FactCollector:
    def __init__(self, registry: Registry) -> None:
        self._registry = registry
        self._extractors: dict[str, FactExtractor] = {}
        self._facts: list[Fact] = []
        self._subjects: dict[str, str | None] = {}
        self._passages: list[Passage] = []

    def add(self, document: Document, analysed: Sequence[AnalysedSegment]) -> None:
        extractor = self._extractors.get(document.language)
        if extractor is None:
            extractor = FactExtractor(self._registry, document.language)
            self._extractors[document.language] = extractor
        found = extractor.extract(document, analysed)
        self._facts.extend(found.facts)
        self._subjects[document.path] = found.subject
        self._passages.extend(passages(document, analysed))

    def collected(self) -> CollectedFacts:
        return CollectedFacts(tuple(self._facts), dict(self._subjects), tuple(self._passages))
