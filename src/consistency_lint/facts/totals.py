"""Totals: an amount that adds up other amounts of its sentence is no fact of its own.

"Lodówka kosztuje 3299 zł, a dostawa 149 zł, czyli razem zapłaci Pan 3448 zł": 3448 zł is
what the two cost together, neither the fridge's price nor a delivery cost. Told by the
arithmetic, not by the words ("razem", "łącznie", "w sumie", "do zapłaty" and whatever a
text uses), so that it holds however a total is worded.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from consistency_lint.model import Bound, ValueMatch, ValueType

MAX_PARTS = 8  # more amounts in one sentence: a price list, whose sums mean nothing


def is_total(match: ValueMatch, sentence_matches: Sequence[ValueMatch]) -> bool:
    """Whether `match` is an exact amount equal to the sum of two or more other exact
    amounts of the same currency in its sentence."""
    value = match.value
    if value.type is not ValueType.MONEY or value.bound is not Bound.EXACT or value.low is None:
        return False
    parts = [other.value.low for other in sentence_matches
             if other.start != match.start and other.value.type is ValueType.MONEY
             and other.value.bound is Bound.EXACT and other.value.unit == value.unit
             and other.value.low is not None and 0 < other.value.low < value.low]
    if len(parts) < 2 or len(parts) > MAX_PARTS:
        return False
    return any(sum(chosen) == value.low
               for size in range(2, len(parts) + 1) for chosen in combinations(parts, size))
