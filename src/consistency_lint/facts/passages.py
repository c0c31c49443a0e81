"""Near-duplicate passages across channels that differ in a number or a negation: the
signature of a text copied from one channel to another and then updated in only one.

Sentences are blocked by their rarest words, so that only sentences that share them are
compared: the cost grows with the corpus, not with its square.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from consistency_lint.model import Document, Span
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.nlp.lexicon import in_every_language
from consistency_lint.values.extraction import extract_values

MIN_WORDS = 6
SIMILARITY_THRESHOLD = 88
BLOCKING_KEYS = 2
MAX_BLOCK_SIZE = 50  # a word shared by more sentences is too common to block on
MIN_KEY_LENGTH = 3
_DIGITS = re.compile(r"\d+(?:[ ,.:]\d+)*")
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}[:.]\d{2}(?![\d:])")


@dataclass(frozen=True)
class Passage:
    path: str
    channel: str
    language: str
    text: str
    span: Span
    words: tuple[str, ...]  # distinct lemmas, sorted (a tuple: the cache decodes it faster)
    negations: int


@dataclass(frozen=True)
class StaleCopy:
    """`copy` looks like `original` with a different number or negation."""

    original: Passage
    copy: Passage
    similarity: float


def passages(document: Document, segments: Sequence[AnalysedSegment]) -> list[Passage]:
    negations = in_every_language("negations")
    found = []
    for analysed in segments:
        for sentence in analysed.sentences:
            words = [t for t in sentence.tokens if t.text.isalpha()]
            if len(words) < MIN_WORDS:
                continue
            segment = analysed.segment
            found.append(Passage(
                path=document.path, channel=document.channel, language=document.language,
                text=segment.text[sentence.start:sentence.end],
                span=segment.span_of(sentence.start, sentence.end),
                words=tuple(sorted({t.lemma for t in words if len(t.lemma) >= MIN_KEY_LENGTH})),
                negations=sum(1 for t in words if t.lemma in negations),
            ))
    return found


def stale_copies(all_passages: Sequence[Passage]) -> list[StaleCopy]:
    frequency = Counter(word for passage in all_passages for word in passage.words)
    rarity = {word: (count, word) for word, count in frequency.items()}
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, passage in enumerate(all_passages):
        for key in sorted(passage.words, key=rarity.__getitem__)[:BLOCKING_KEYS]:
            blocks[key].append(index)
    pairs = {pair for members in blocks.values() if len(members) <= MAX_BLOCK_SIZE
             for pair in combinations(members, 2)}
    values: dict[int, list[str]] = {}
    found = []
    for first, second in sorted(pairs):
        original, copy = all_passages[first], all_passages[second]
        if original.channel == copy.channel or original.text == copy.text:
            continue
        similarity = fuzz.ratio(_masked(original.text), _masked(copy.text))
        if similarity < SIMILARITY_THRESHOLD:
            continue
        if original.negations != copy.negations or _values(values, first, original) != _values(
                values, second, copy):
            found.append(StaleCopy(original, copy, similarity))
    return found


def _masked(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _values(cache: dict[int, list[str]], index: int, passage: Passage) -> list[str]:
    """What the passage states in numbers: its normalised values and clock times."""
    if index not in cache:
        found = [m.value.canonical() for m in extract_values(passage.text, passage.language)]
        cache[index] = found + _CLOCK.findall(passage.text)
    return cache[index]
