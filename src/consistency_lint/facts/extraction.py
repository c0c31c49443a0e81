"""Facts of a whole corpus: language analysis, then attribution, language by language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from consistency_lint.facts.attribution import FactExtractor
from consistency_lint.facts.passages import Passage, StaleCopy, passages, stale_copies
from consistency_lint.facts.registry import Registry
from consistency_lint.model import Document, Fact
from consistency_lint.nlp.analysis import analyse


@dataclass(frozen=True)
class CorpusFacts:
    facts: tuple[Fact, ...]
    document_subjects: dict[str, str | None]
    stale_copies: tuple[StaleCopy, ...]


def extract_corpus_facts(documents: Sequence[Document], registry: Registry,
                         models: Mapping[str, str] | None = None) -> CorpusFacts:
    extractors: dict[str, FactExtractor] = {}
    facts: list[Fact] = []
    subjects: dict[str, str | None] = {}
    all_passages: list[Passage] = []
    for document, analysed in analyse(documents, models):
        if document.language not in extractors:
            extractors[document.language] = FactExtractor(registry, document.language)
        found = extractors[document.language].extract(document, analysed)
        facts.extend(found.facts)
        subjects[document.path] = found.subject
        all_passages.extend(passages(document, analysed))
    facts.sort(key=lambda fact: (fact.path, fact.span.line, fact.span.column))
    return CorpusFacts(tuple(facts), subjects, tuple(stale_copies(all_passages)))
