"""Which tokens of a sentence are a value's own and which belong to its other values.

A cue word written as part of a value ("39,99 zł miesięcznie": the fee per month) says what
that value is, more surely than any word around it; the same word is no cue of the next
value ("… miesięcznie albo 399 zł rocznie": the 399 zł is yearly, whatever stands two words
before it). Attribution asks this structure, not a list of phrases.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from consistency_lint.model import ValueMatch


@dataclass(frozen=True)
class ValueTokens:
    """The token positions of one value (`own`) and of the sentence's other values."""

    own: range = range(0)
    elsewhere: frozenset[int] = field(default_factory=frozenset)
    rival_spans: tuple[range, ...] = ()  # the sentence's other values of the same type
    clauses: Sequence[int] = ()  # the clause number of each token of the sentence

    @property
    def rivals(self) -> int:
        return len(self.rival_spans)

    def nearer_rival(self, position: int) -> bool:
        """Whether another value of the type stands nearer to `position` than this one: a
        word that marks one value ("zamiast 59,99 zł") says nothing of its neighbours."""
        mine = self._distance(self.own, position)
        return any(self._distance(span, position) < mine for span in self.rival_spans)

    def _distance(self, span: range, position: int) -> int:
        """Tokens from `span` to `position`; a value in another clause is farther than any
        in the clause."""
        apart = bool(self.clauses) and bool(span) and (
            self.clauses[span.start] != self.clauses[position])
        return _span_distance(span, position) + (len(self.clauses) if apart else 0)

    @property
    def first(self) -> int | None:
        """Where the sentence's first value starts (None: no value known)."""
        return min((*self.elsewhere, *self.own), default=None)

    def distance(self, position: int, origin: int) -> int:
        """How far a cue word at `position` stands from the value at `origin`: 0 inside it."""
        return 0 if position in self.own else abs(position - origin)

    def item(self, first_label: int | None, clause: range) -> range:
        """The positions of the value's own item where its clause lists several values of
        its type with the words that tell them apart ("Kurier DPD – 15,99 zł, Paczkomat
        InPost – 12,99 zł"): from the value before it if the list names each before its
        value (the clause's first such word, `first_label`, comes before its first value),
        else up to the value after it. The whole clause where it gives one value."""
        spans = sorted((span for span in (*self.rival_spans, self.own)
                        if span and span.start in clause), key=lambda span: span.start)
        if len(spans) < 2 or not self.own:
            return clause
        before = [span for span in spans if span.stop <= self.own.start]
        after = [span for span in spans if span.start >= self.own.stop]
        if first_label is not None and first_label < spans[0].start:
            return range(before[-1].stop if before else clause.start, self.own.start)
        return range(self.own.stop, after[0].start if after else clause.stop)

    def taken(self, position: int, exclusive: bool) -> bool:
        """Whether a cue word at `position` is not this value's: in another value, or, for
        an `exclusive` cue, nearer to another value of the type."""
        return position in self.elsewhere or (exclusive and self.nearer_rival(position))

    def next_free(self, positions: Sequence[int], at: int, step: int, period: range,
                  exclusive: bool = False) -> int:
        """From index `at` of `positions`, moving by `step`, the first index whose position
        is neither taken (`taken`) nor in `period` (-1 or len(positions): none)."""
        while 0 <= at < len(positions) and (self.taken(positions[at], exclusive)
                                            or positions[at] in period):
            at += step
        return at


class SegmentValues:
    """The values of one segment, by where they start, to find those of one sentence by
    bisection: filtering all of them for each value made a paragraph of many facts
    quadratic."""

    def __init__(self, matches: Iterable[ValueMatch]) -> None:
        self.matches = list(matches)  # as found
        self._sorted = sorted(self.matches, key=lambda match: match.start)
        self._starts = [match.start for match in self._sorted]

    def within(self, start: int, end: int) -> Sequence[ValueMatch]:
        """The values that start in text[start:end]."""
        return self._sorted[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def value_tokens(starts: Sequence[int], match: ValueMatch, others: Iterable[ValueMatch],
                 clauses: Sequence[int] = ()) -> ValueTokens:
    """The tokens (by their start offsets, ascending) of `match` and of the `others`, and
    the clause of each token."""
    elsewhere: set[int] = set()
    rivals = []
    for other in others:
        if other.start != match.start:
            span = _positions(starts, other)
            elsewhere.update(span)
            if other.value.type is match.value.type:
                rivals.append(span)
    own = _positions(starts, match)
    return ValueTokens(own, frozenset(elsewhere - set(own)), tuple(rivals), clauses)


def _positions(starts: Sequence[int], match: ValueMatch) -> range:
    return range(bisect_left(starts, match.start), bisect_left(starts, match.end))


def _span_distance(span: range, position: int) -> int:
    if not span:
        return 0
    if position < span.start:
        return span.start - position
    return max(position - (span.stop - 1), 0)
