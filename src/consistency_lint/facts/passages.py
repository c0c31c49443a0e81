"""Near-duplicate passages across channels that differ in a number or a negation: the
signature of a text copied from one channel to another and then updated in only one.

One document that repeats a sentence word for word ("W ramach usług adres IP jest gromadzony
przez 90 dni", in a section on each service) has the same signature when the copies differ in
exactly one of their values: the repeated sentence states one thing, and one copy was updated
alone. Inside one document the pair must be that close: a list of tiers or variants ("do 5 kg:
10 zł", "do 10 kg: 15 zł") repeats its wording too, but changes every value of its items, and
sentences that differ in any word may well be about different things. Pages of one channel
are not compared (they are often made from one template, a product page each).

Sentences are blocked by their rarest words, so that only sentences that share them are
compared: the cost grows with the corpus, not with its square.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from consistency_lint.model import Document, Segment, Span, ValueMatch
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.nlp.lexicon import in_every_language
from consistency_lint.values.extraction import extract_values

MIN_WORDS = 6
SIMILARITY_THRESHOLD = 88
BLOCKING_KEYS = 2
MAX_BLOCK_SIZE = 50  # a word shared by more sentences is too common to block on
MIN_KEY_LENGTH = 3
# a short copy whose unit changed ("w ciągu 30 dni" -> "w ciągu 30 dni roboczych") is less alike
# by its digits than one whose number did; compared with each value as one mark, it is as
# alike. Only pairs this close by their digits, stating as many values, are compared that way
# (it costs an extraction; a contact line with one more address is another text).
UNIT_ALLOWANCE = 10
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
    # (offset in `text`, source line) where a sentence wrapped over source lines goes on to
    # the next line; empty when it stands on one line
    line_starts: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        index = bisect.bisect_right(self.line_starts, offset, key=lambda start: start[0]) - 1
        return self.line_starts[index][1] if index >= 0 else self.span.line


@dataclass(frozen=True)
class StaleCopy:
    """`copy` looks like `original` with a different number or negation; `original_line`
    and `copy_line` are where the first value that differs stands in each (their first
    line when only a negation differs): a sentence wrapped over many lines is named by the
    line that differs, not by the line it starts on."""

    original: Passage
    copy: Passage
    similarity: float
    original_line: int = 0
    copy_line: int = 0


def passages(document: Document, segments: Sequence[AnalysedSegment]) -> list[Passage]:
    negations = in_every_language("negations")
    found = []
    for analysed in segments:
        for sentence in analysed.sentences:
            words = [t for t in sentence.tokens if t.text.isalpha()]
            if len(words) < MIN_WORDS:
                continue
            segment = analysed.segment
            span = segment.span_of(sentence.start, sentence.end)
            found.append(Passage(
                path=document.path, channel=document.channel, language=document.language,
                text=segment.text[sentence.start:sentence.end],
                span=span,
                words=tuple(sorted({t.lemma for t in words if len(t.lemma) >= MIN_KEY_LENGTH})),
                negations=sum(1 for t in words if t.lemma in negations),
                line_starts=(_line_starts(segment, sentence.start, sentence.end)
                             if span.end_line > span.line else ()),
            ))
    return found


def _line_starts(segment: Segment, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Where `segment.text[start:end]` goes on to a new source line: (offset from `start`,
    line). A bisection per source line the sentence covers, not a lookup per character."""
    starts: list[tuple[int, int]] = []
    line = segment.position(start)[0]
    offset = start
    while offset < end:
        following = bisect.bisect_left(range(offset, end), line + 1,
                                       key=lambda at: segment.position(at)[0]) + offset
        if following >= end:
            break
        line = segment.position(following)[0]
        starts.append((following - start, line))
        offset = following
    return tuple(starts)


def stale_copies(all_passages: Sequence[Passage]) -> list[StaleCopy]:
    """Near copies across channels that state other numbers or negations, and sentences one
    document repeats with one value changed. A pair is
    reported on its later passage, unless one of the two disagrees with more copies than
    the other: then the odd one out is the copy that changed, and it is reported once."""
    frequency = Counter(word for passage in all_passages for word in passage.words)
    rarity = {word: (count, word) for word, count in frequency.items()}
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, passage in enumerate(all_passages):
        for key in sorted(passage.words, key=rarity.__getitem__)[:BLOCKING_KEYS]:
            blocks[key].append(index)
    pairs = {pair for members in blocks.values() if len(members) <= MAX_BLOCK_SIZE
             for pair in combinations(members, 2)}
    matches: dict[int, list[ValueMatch]] = {}
    values: dict[int, list[tuple[str, int]]] = {}
    stale: list[tuple[int, int, float]] = []
    for first, second in sorted(pairs):
        similarity = _stale_likeness(all_passages, first, second, matches, values)
        if similarity is not None:
            stale.append((first, second, similarity))
    return _oriented(all_passages, stale, values)


def _stale_likeness(all_passages: Sequence[Passage], first: int, second: int,
                    matches: dict[int, list[ValueMatch]],
                    values: dict[int, list[tuple[str, int]]]) -> float | None:
    """How alike two passages are when one is a stale copy of the other, else None: across
    channels, when their numbers or negations differ; in one document, when one value of a
    repeated sentence does."""
    original, copy = all_passages[first], all_passages[second]
    if original.text == copy.text or (original.channel == copy.channel
                                      and original.path != copy.path):
        return None
    similarity = fuzz.ratio(_masked(original.text), _masked(copy.text))
    if similarity < SIMILARITY_THRESHOLD - UNIT_ALLOWANCE:
        return None
    own, others = _matches(matches, first, original), _matches(matches, second, copy)
    if len(own) == len(others):  # a copy that lost or gained a value is no copy
        similarity = max(similarity, fuzz.ratio(_without_values(original.text, own),
                                                _without_values(copy.text, others)))
    if similarity < SIMILARITY_THRESHOLD:
        return None
    stated, restated = _values(values, first, original, own), _values(values, second, copy,
                                                                      others)
    if original.channel == copy.channel:
        changed = _repeated_with_one_change(original, copy, own, others)
    else:
        changed = original.negations != copy.negations or _stated(stated) != _stated(restated)
    return similarity if changed else None


def _repeated_with_one_change(first: Passage, second: Passage, first_values: list[ValueMatch],
                              second_values: list[ValueMatch]) -> bool:
    """Whether two sentences of one document are the same words apart from their values, and
    their values differ in exactly one place."""
    if len(first_values) != len(second_values) or _without_values(
            first.text, first_values) != _without_values(second.text, second_values):
        return False
    return sum(one.value.canonical() != other.value.canonical()
               for one, other in zip(first_values, second_values, strict=True)) == 1


def _without_values(text: str, values: Sequence[ValueMatch]) -> str:
    """The text, lower-cased, with each value's own words (its number and unit) as one mark."""
    kept, last = [], 0
    for found in values:
        kept.append(text[last:found.start])
        last = found.end
    kept.append(text[last:])
    return "#".join(kept).lower()


def _oriented(all_passages: Sequence[Passage], stale: list[tuple[int, int, float]],
              values: dict[int, list[tuple[str, int]]]) -> list[StaleCopy]:
    disagreements = Counter(index for first, second, _ in stale for index in (first, second))
    found = []
    reported: set[int] = set()
    for first, second, similarity in stale:
        if disagreements[first] > disagreements[second]:
            first, second = second, first
        if disagreements[second] > 1 and second in reported:
            continue  # the odd one out is reported once, not once per copy it disagrees with
        reported.add(second)
        original, copy = all_passages[first], all_passages[second]
        stated, restated = values[first], values[second]
        found.append(StaleCopy(original, copy, similarity,
                               original.line_at(_first_differing(stated, restated)),
                               copy.line_at(_first_differing(restated, stated))))
    return found


def _stated(values: list[tuple[str, int]]) -> list[str]:
    return [value for value, _ in values]


def _first_differing(values: list[tuple[str, int]], others: list[tuple[str, int]]) -> int:
    """The offset of the first of `values` that `others` do not state (0, the passage's
    start, when every one of them is stated there too)."""
    left = Counter(_stated(others))
    for value, offset in values:
        if not left[value]:
            return offset
        left[value] -= 1
    return 0


def _masked(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _matches(cache: dict[int, list[ValueMatch]], index: int,
             passage: Passage) -> list[ValueMatch]:
    """The values the passage states, found once per passage."""
    if index not in cache:
        cache[index] = extract_values(passage.text, passage.language)
    return cache[index]


def _values(cache: dict[int, list[tuple[str, int]]], index: int, passage: Passage,
            found: Sequence[ValueMatch]) -> list[tuple[str, int]]:
    """What the passage states in numbers, with where: its normalised values and clock
    times."""
    if index not in cache:
        cache[index] = [(m.value.canonical(), m.start) for m in found] + [
            (m.group(), m.start()) for m in _CLOCK.finditer(passage.text)]
    return cache[index]
