"""Whether a mutated address or number has a counterpart: the same value stated at another
place of the source (any file, the registry included).

A comparison can only catch a changed value that something else states: a link to a page
that the project names once, changed to another page, is indistinguishable from a link that
was always there. Mutants of addresses and long numbers stated nowhere else are therefore
counted apart ("no counterpart") and left out of `ref recall`, the recall of what a
comparison can see; `recall` still counts every mutant. Numbers with units are not
classified (whether "14 dni" elsewhere is the same fact depends on attribution, which is what
is being measured), so they always count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from benchmarks.mutations.operators import DIGIT_RUN, EMAIL, URL

Normaliser = Callable[[str], str]


def _url(text: str) -> str:
    text = re.sub(r"^https?://", "", text.lower()).rstrip("/.,;:")
    return text.removeprefix("www.")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text).removeprefix("48")


# operator -> (the pattern of the whole value a site lies in, how values are compared)
CLASSIFIED: dict[str, tuple[re.Pattern[str], Normaliser]] = {
    "url": (URL, _url),
    "email-domain": (EMAIL, str.lower),
    "email-local": (EMAIL, str.lower),
    "digit-swap": (DIGIT_RUN, _digits),
}


class Counterparts:
    """The values of each classified kind stated in a source's texts, as a multiset."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self._stated = {operator: Counter(normalise(match.group()) for text in texts
                                          for match in pattern.finditer(text))
                        for operator, (pattern, normalise) in CLASSIFIED.items()}

    def has_counterpart(self, operator: str, text: str, start: int, end: int) -> bool:
        """Whether the value around text[start:end] is stated at another place too (always
        true for operators that are not classified)."""
        if operator not in CLASSIFIED:
            return True
        pattern, normalise = CLASSIFIED[operator]
        for match in pattern.finditer(text):
            if match.start() <= start and end <= match.end():
                return self._stated[operator][normalise(match.group())] > 1
        return True
