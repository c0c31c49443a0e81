"""Which tokens of a sentence are a value's own and which belong to its other values.

A cue word written as part of a value ("39,99 zł miesięcznie": the fee per month) says what
that value is, more surely than any word around it; the same word is no cue of the next
value ("… miesięcznie albo 399 zł rocznie": the 399 zł is yearly, whatever stands two words
before it). Attribution asks this structure, not a list of phrases.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from consistency_lint.model import ValueMatch, ValueType
from consistency_lint.nlp.analysis import Sentence


@dataclass(frozen=True)
class ValueTokens:
    """The token positions of one value (`own`) and of its sentence's values. The sentence's
    structure (`SentenceValues`) is shared by all its values: a sentence of many values costs
    one pass, not one per value."""

    own: range = range(0)
    occupied: frozenset[int] = field(default_factory=frozenset)  # every value's tokens
    same_type: tuple[range, ...] = ()  # the tokens of each value of the type, by start
    same_type_starts: tuple[int, ...] = ()
    clauses: Sequence[int] = ()  # the clause number of each token of the sentence
    first: int | None = None  # where the sentence's first value starts (None: none known)

    @property
    def rivals(self) -> int:
        """How many other values of the type the sentence gives."""
        return len(self.same_type) - (1 if self.own in self.same_type else 0)

    @property
    def has_others(self) -> bool:
        return len(self.occupied) > len(self.own)

    def nearer_rival(self, position: int) -> bool:
        """Whether another value of the type stands nearer to `position` than this one: a
        word that marks one value ("zamiast 59,99 zł") says nothing of its neighbours. Only
        the values on either side of `position` can be nearer: a clause is a run of tokens,
        so a value beyond one of another clause is in another clause too."""
        mine = self._distance(self.own, position)
        at = bisect_right(self.same_type_starts, position)
        return any(self._distance(self.same_type[index], position) < mine
                   for index in (at - 1, at) if 0 <= index < len(self.same_type)
                   and self.same_type[index] != self.own)

    def _distance(self, span: range, position: int) -> int:
        """Tokens from `span` to `position`; a value in another clause is farther than any
        in the clause."""
        apart = bool(self.clauses) and bool(span) and (
            self.clauses[span.start] != self.clauses[position])
        return _span_distance(span, position) + (len(self.clauses) if apart else 0)

    def distance(self, position: int, origin: int) -> int:
        """How far a cue word at `position` stands from the value at `origin`: 0 inside it."""
        return 0 if position in self.own else abs(position - origin)

    def item(self, first_label: int | None, clause: range) -> range:
        """The positions of the value's own item where its clause lists several values of
        its type with the words that tell them apart ("Kurier DPD – 15,99 zł, Paczkomat
        InPost – 12,99 zł"): from the value before it if the list names each before its
        value (the clause's first such word, `first_label`, comes before its first value),
        else up to the value after it. The whole clause where it gives one value."""
        spans = self.same_type[bisect_left(self.same_type_starts, clause.start):
                               bisect_left(self.same_type_starts, clause.stop)]
        if len(spans) < 2 or not self.own:
            return clause
        at = bisect_left(self.same_type_starts, self.own.start)
        before = self.same_type[at - 1] if at > 0 and self.same_type[at - 1] in spans else None
        after = next((span for span in spans if span.start >= self.own.stop), None)
        if first_label is not None and first_label < spans[0].start:
            return range(before.stop if before else clause.start, self.own.start)
        return range(self.own.stop, after.start if after else clause.stop)

    def taken(self, position: int, exclusive: bool) -> bool:
        """Whether a cue word at `position` is not this value's: in another value, or, for
        an `exclusive` cue, nearer to another value of the type."""
        return ((position in self.occupied and position not in self.own)
                or (exclusive and self.nearer_rival(position)))

    def next_free(self, positions: Sequence[int], at: int, step: int, period: range,
                  exclusive: bool = False) -> int:
        """From index `at` of `positions`, moving by `step`, the first index whose position
        is neither taken (`taken`) nor in `period` (-1 or len(positions): none)."""
        while 0 <= at < len(positions) and (self.taken(positions[at], exclusive)
                                            or positions[at] in period):
            at += step
        return at


class SentenceValues:
    """The token spans of one sentence's values, worked out once for the sentence."""

    def __init__(self, starts: Sequence[int], matches: Sequence[ValueMatch]) -> None:
        self._starts = starts
        self._spans = {match.start: _positions(starts, match) for match in matches}
        self._occupied = frozenset(position for span in self._spans.values()
                                   for position in span)
        self._first = min(self._occupied, default=None)
        by_type: dict[ValueType, list[range]] = {}
        for match in sorted(matches_by_start(matches), key=lambda match: match.start):
            span = self._spans[match.start]
            if span:
                by_type.setdefault(match.value.type, []).append(span)
        self._by_type = {kind: (tuple(spans), tuple(span.start for span in spans))
                         for kind, spans in by_type.items()}

    def tokens(self, match: ValueMatch, clauses: Sequence[int] = ()) -> ValueTokens:
        own = self._spans.get(match.start) or _positions(self._starts, match)
        same_type, same_type_starts = self._by_type.get(match.value.type, ((), ()))
        return ValueTokens(own, self._occupied | frozenset(own) if own else self._occupied,
                           same_type, same_type_starts, clauses,
                           self._first if self._first is not None else
                           (own.start if own else None))


class SegmentValues:
    """The values of one segment, by where they start, to find those of one sentence by
    bisection (filtering all of them for each value made a paragraph of many facts
    quadratic), and each sentence's structure once."""

    def __init__(self, matches: Iterable[ValueMatch]) -> None:
        self.matches = list(matches)  # as found
        self._sorted = sorted(self.matches, key=lambda match: match.start)
        self._starts = [match.start for match in self._sorted]
        self._sentences: dict[tuple[int, int], SentenceValues] = {}

    def within(self, start: int, end: int) -> Sequence[ValueMatch]:
        """The values that start in text[start:end]."""
        return self._sorted[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def within_sentence(self, sentence: Sentence | None,
                        at_most: int) -> Sequence[ValueMatch]:
        """The values of the sentence; none for no sentence, or for one with more than
        `at_most` (counted by bisection, so that a sentence of thousands of values costs each
        of them no copy of the others)."""
        if sentence is None:
            return ()
        first = bisect_left(self._starts, sentence.start)
        end = bisect_left(self._starts, sentence.end)
        return self._sorted[first:end] if end - first <= at_most else ()

    def sentence(self, starts: Sequence[int], start: int, end: int) -> SentenceValues:
        """The structure of the values of the sentence text[start:end] (token `starts`)."""
        key = (start, end)
        if key not in self._sentences:
            self._sentences[key] = SentenceValues(starts, self.within(start, end))
        return self._sentences[key]


def matches_by_start(matches: Iterable[ValueMatch]) -> list[ValueMatch]:
    """One value per start offset (the first found), as the spans are keyed."""
    seen: dict[int, ValueMatch] = {}
    for match in matches:
        seen.setdefault(match.start, match)
    return list(seen.values())


def _positions(starts: Sequence[int], match: ValueMatch) -> range:
    return range(bisect_left(starts, match.start), bisect_left(starts, match.end))


def _span_distance(span: range, position: int) -> int:
    if not span:
        return 0
    if position < span.start:
        return span.start - position
    return max(position - (span.stop - 1), 0)
