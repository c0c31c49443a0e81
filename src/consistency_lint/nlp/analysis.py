"""Runs the language pipeline over documents and keeps what later steps need: sentences
and tokens with their lemmas and offsets into the segment text (hence into the source)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from consistency_lint.model import Document, Segment
from consistency_lint.nlp.pipeline import pipeline

BATCH_SIZE = 256


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class AnalysedSegment:
    segment: Segment
    sentences: tuple[Sentence, ...]
    heading_tokens: tuple[Token, ...]

    @property
    def heading_lemmas(self) -> frozenset[str]:
        return frozenset(token.lemma for token in self.heading_tokens)


def analyse(documents: Iterable[Document],
            models: Mapping[str, str] | None = None) -> dict[str, list[AnalysedSegment]]:
    """Analysed segments per document path; documents are batched per language."""
    by_language: dict[str, list[tuple[str, Segment]]] = defaultdict(list)
    for document in documents:
        for segment in document.segments:
            by_language[document.language].append((document.path, segment))
    analysed: dict[str, list[AnalysedSegment]] = defaultdict(list)
    heading_cache: dict[tuple[str, tuple[str, ...]], tuple[Token, ...]] = {}
    for language, items in by_language.items():
        nlp = pipeline(language, (models or {}).get(language))
        texts = (segment.text for _, segment in items)
        for (path, segment), doc in zip(items, nlp.pipe(texts, batch_size=BATCH_SIZE),
                                        strict=True):
            sentences = tuple(Sentence(span.start_char, span.end_char, _tokens(span))
                              for span in doc.sents)
            key = (language, segment.heading_path)
            if key not in heading_cache:
                heading_cache[key] = _heading_tokens(segment.heading_path, language, models)
            analysed[path].append(AnalysedSegment(segment, sentences, heading_cache[key]))
    return dict(analysed)


def _heading_tokens(headings: tuple[str, ...], language: str,
                    models: Mapping[str, str] | None) -> tuple[Token, ...]:
    """Tokens of the headings above a segment (offsets are into the joined headings)."""
    if not headings:
        return ()
    nlp = pipeline(language, (models or {}).get(language))
    return _tokens(nlp(" ".join(headings)))


def _tokens(span: Iterable[Any]) -> tuple[Token, ...]:
    return tuple(Token(t.idx, t.idx + len(t.text), t.text, t.lemma_ or t.lower_) for t in span)
