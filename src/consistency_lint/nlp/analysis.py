"""Runs the language pipeline over documents and keeps what later steps need: sentences
and tokens with their lemmas and offsets into the segment text (hence into the source)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from consistency_lint.model import Document, Markup, Segment
from consistency_lint.nlp.pipeline import pipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Token as SpacyToken

BATCH_SIZE = 256
MAX_PIECE_CHARS = 100_000
# A run of words without a sentence end is cut into sentences of this many tokens: what is
# read per sentence (a fact's clause and cues, a rule's phrases) stays bounded on a page
# without full stops. Real sentences, also of terms and conditions, are far shorter.
MAX_SENTENCE_TOKENS = 1_000
# What of a heading is read as the context of the segments under it: each segment has its
# own path of headings, so a heading of a megabyte over many sections was read once per
# section. Real headings are a line.
MAX_HEADING_CHARS = 1_000


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    # the selectors of the markup around it ("<del>", ".old-price"): `Segment.markup`
    markup: frozenset[str] = frozenset()


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
    row_tokens: tuple[Token, ...] = ()  # a table cell's row header (its first cell)
    column_tokens: tuple[Token, ...] = ()  # ... and its column header

    @cached_property
    def column_lemmas(self) -> frozenset[str]:
        return frozenset(token.lemma for token in self.column_tokens)

    @cached_property  # read for every value of the segment
    def heading_lemmas(self) -> frozenset[str]:
        return frozenset(token.lemma for token in self.heading_tokens)

    @cached_property
    def heading_levels(self) -> tuple[frozenset[str], ...]:
        """The lemmas of each heading above the segment, the nearest first (the tokens'
        offsets are into the headings joined by a space, outermost first)."""
        levels, start = [], 0
        for heading in _clipped(self.segment.heading_path):
            end = start + len(heading)
            levels.append(frozenset(token.lemma for token in self.heading_tokens
                                    if start <= token.start < end))
            start = end + 1
        return tuple(reversed(levels))


def analyse(documents: Iterable[Document], models: Mapping[str, str] | None = None
            ) -> Iterator[tuple[Document, list[AnalysedSegment]]]:
    """Each document with its analysed segments, streamed so that memory does not grow with
    the corpus; the segments of all documents of a language go through one `nlp.pipe`.
    A segment longer than MAX_PIECE_CHARS is analysed in pieces (spaCy refuses texts of
    over a million characters, and its memory grows with the text)."""
    by_language: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_language[document.language].append(document)
    for language, group in by_language.items():
        nlp = pipeline(language, (models or {}).get(language))
        headings = _HeadingTokens(nlp)
        items = ((piece, (index, segment, offset, last))
                 for index, document in enumerate(group) for segment in document.segments
                 for offset, piece, last in _pieces(segment.text))
        pending: dict[int, list[AnalysedSegment]] = defaultdict(list)
        sentences: list[Sentence] = []
        next_index = 0
        for doc, (index, segment, offset, last) in nlp.pipe(items, as_tuples=True,
                                                            batch_size=BATCH_SIZE):
            while next_index < index:
                yield group[next_index], pending.pop(next_index, [])
                next_index += 1
            sentences.extend(_sentences(doc, offset, segment.markup))
            if last:
                cell = segment.cell
                pending[index].append(AnalysedSegment(
                    segment, tuple(sentences), headings(segment.heading_path),
                    headings((cell.row,) if cell and cell.row else ()),
                    headings((cell.column,) if cell and cell.column else ())))
                sentences = []
        for index in range(next_index, len(group)):
            yield group[index], pending.pop(index, [])


def _pieces(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, piece, is the last piece) of `text`, cut after a line, a sentence or a word
    so that no piece is longer than MAX_PIECE_CHARS."""
    start = 0
    while len(text) - start > MAX_PIECE_CHARS:
        limit = start + MAX_PIECE_CHARS
        cut = next((at + len(separator) for separator in ("\n", ". ", " ")
                    if (at := text.rfind(separator, start + MAX_PIECE_CHARS // 2, limit)) != -1),
                   limit)
        yield start, text[start:cut], False
        start = cut
    yield start, text[start:], True


def _clipped(headings: tuple[str, ...]) -> list[str]:
    """The headings as their tokens are read: each clipped, then joined by a space."""
    return [heading[:MAX_HEADING_CHARS] for heading in headings]


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
            joined = " ".join(_clipped(headings))
            joined = joined[:MAX_PIECE_CHARS]
            self._cache[headings] = tuple(_token(t) for t in self._nlp(joined))
        return self._cache[headings]


def _sentences(doc: Doc, offset: int = 0,
               markup: tuple[Markup, ...] = ()) -> tuple[Sentence, ...]:
    """The doc's sentences, read from its attribute arrays in one pass (no spaCy Token
    object per token); `offset` is where the doc's text starts in its segment, `markup`
    the segment's markup, which its tokens carry."""
    if not len(doc):
        return ()
    marked = _MarkupReader(markup, offset)
    strings = doc.vocab.strings
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    starts = doc.to_array("SENT_START").tolist()
    columns = doc.to_array(["IDX", "ORTH", "LEMMA", "LOWER"]).tolist()
    for (idx, orth, lemma, lower), start in zip(columns, starts, strict=True):
        if tokens and (start == 1 or len(tokens) == MAX_SENTENCE_TOKENS):
            sentences.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
            tokens = []
        text = strings[orth]
        at = idx + offset
        tokens.append(Token(at, at + len(text), text, strings[lemma] or strings[lower],
                            marked.around(at, at + len(text))))
    sentences.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
    return tuple(sentences)


class _MarkupReader:
    """The selectors of the markup around tokens met in the order of the text: one pass
    over the markup's runs (sorted, not overlapping) for all the tokens of a segment."""

    def __init__(self, markup: tuple[Markup, ...], offset: int) -> None:
        self._markup = markup
        self._next = bisect_right(markup, offset, key=_end) if markup else 0

    def around(self, start: int, end: int) -> frozenset[str]:
        markup = self._markup
        while self._next < len(markup) and markup[self._next].end <= start:
            self._next += 1
        found: frozenset[str] = frozenset()
        position = self._next
        while position < len(markup) and markup[position].start < end:
            found |= markup[position].selectors
            position += 1
        return found


def _end(markup: Markup) -> int:
    return markup.end


def _token(token: SpacyToken, offset: int = 0) -> Token:
    text = token.text
    start = token.idx + offset
    return Token(start, start + len(text), text, token.lemma_ or token.lower_)
