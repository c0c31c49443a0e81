"""Runs the language pipeline over documents and keeps what later steps need: sentences
and tokens with their lemmas and offsets into the segment text (hence into the source)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

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


def analyse(documents: Iterable[Document], models: Mapping[str, str] | None = None
            ) -> Iterator[tuple[Document, list[AnalysedSegment]]]:
    """Each document with its analysed segments, streamed so that memory does not grow with
    the corpus; the segments of all documents of a language go through one `nlp.pipe`."""
    by_language: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_language[document.language].append(document)
    for language, group in by_language.items():
        nlp = pipeline(language, (models or {}).get(language))
        headings = _HeadingTokens(nlp)
        items = ((segment.text, (index, segment))
                 for index, document in enumerate(group) for segment in document.segments)
        pending: dict[int, list[AnalysedSegment]] = defaultdict(list)
        next_index = 0
        for doc, (index, segment) in nlp.pipe(items, as_tuples=True, batch_size=BATCH_SIZE):
            while next_index < index:
                yield group[next_index], pending.pop(next_index, [])
                next_index += 1
            pending[index].append(
                AnalysedSegment(segment, _sentences(doc), headings(segment.heading_path)))
        for index in range(next_index, len(group)):
            yield group[index], pending.pop(index, [])


class _HeadingTokens:
    """Tokens of the headings above a segment (offsets are into the joined headings),
    computed once per distinct heading path."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._cache: dict[tuple[str, ...], tuple[Token, ...]] = {}

    def __call__(self, headings: tuple[str, ...]) -> tuple[Token, ...]:
        if not headings:
            return ()
        if headings not in self._cache:
            self._cache[headings] = tuple(_token(t) for t in self._nlp(" ".join(headings)))
        return self._cache[headings]


def _sentences(doc: Doc) -> tuple[Sentence, ...]:
    """The doc's sentences, read in one pass over its tokens."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    starts = doc.to_array("SENT_START").tolist() if len(doc) else []
    for spacy_token, start in zip(doc, starts, strict=True):
        if start == 1 and tokens:
            sentences.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
            tokens = []
        tokens.append(_token(spacy_token))
    if tokens:
        sentences.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
    return tuple(sentences)


def _token(token: SpacyToken) -> Token:
    text = token.text
    return Token(token.idx, token.idx + len(text), text, token.lemma_ or token.lower_)
