"""Judging what the tool states against the annotations: which annotated value a stated fact
is, whether its attribute is right, and whether a fact-mismatch finding is an annotated
disagreement. Pure functions over plain data, so they are tested without the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from benchmarks.attribution.annotations import Annotated, Disagreement

NOT_ANNOTATED = "(not annotated)"
MISSED = "(not stated)"


@dataclass(frozen=True)
class Stated:
    """A fact the tool states: where, the text of its value, and the attribute it gave."""

    path: str  # corpus path
    line: int
    text: str
    attribute: str


@dataclass
class Tally:
    """Attribution figures of one part (a source, or dev / held-out)."""

    stated: int = 0  # facts the tool states with a built-in attribute
    stated_right: int = 0  # ... that the annotation agrees with
    annotated: int = 0  # annotated facts of a built-in attribute
    found: int = 0  # ... the tool states under the right attribute
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (annotated, read as)
    findings: int = 0  # fact-mismatch findings at warning/error
    findings_right: int = 0  # ... that match an annotated disagreement

    def add(self, other: Tally) -> None:
        self.stated += other.stated
        self.stated_right += other.stated_right
        self.annotated += other.annotated
        self.found += other.found
        self.confusion.update(other.confusion)
        self.findings += other.findings
        self.findings_right += other.findings_right


def _digits(text: str) -> str:
    return "".join(re.findall(r"\d", text))


def _letters(text: str) -> str:
    return "".join(re.findall(r"\w", text.lower()))


def same_value(annotated: str, stated: str) -> bool:
    """The tool's text of a value and the annotator's quote are the same value: the same
    digits when both have digits, else one's letters within the other's."""
    digits_a, digits_s = _digits(annotated), _digits(stated)
    if digits_a and digits_s:
        return digits_a == digits_s
    letters_a, letters_s = _letters(annotated), _letters(stated)
    return bool(letters_a and letters_s) and (letters_a in letters_s or letters_s in letters_a)


def annotation_of(fact: Stated, annotations: Sequence[Annotated]) -> Annotated | None:
    """The annotation of the value the fact states (same file, line and value); among several,
    one that accepts the fact's attribute."""
    candidates = [item for item in annotations if item.path == fact.path
                  and item.line == fact.line and same_value(item.value, fact.text)]
    return next((item for item in candidates if item.accepts(fact.attribute)),
                candidates[0] if candidates else None)


def tally_facts(stated: Iterable[Stated], annotations: Sequence[Annotated],
                builtin: frozenset[str]) -> Tally:
    """Precision, recall and confusion of the stated facts of built-in attributes."""
    tally = Tally()
    stated = [fact for fact in stated if fact.attribute in builtin]
    for fact in stated:
        annotation = annotation_of(fact, annotations)
        tally.stated += 1
        if annotation is not None and annotation.accepts(fact.attribute):
            tally.stated_right += 1
        else:
            truth = annotation.attribute if annotation is not None else NOT_ANNOTATED
            tally.confusion[(truth, fact.attribute)] += 1
    for annotation in annotations:
        if annotation.attribute not in builtin:
            continue
        tally.annotated += 1
        if any(annotation_of(fact, [annotation]) is not None
               and annotation.accepts(fact.attribute) for fact in stated):
            tally.found += 1
        elif not any(annotation_of(fact, [annotation]) is not None for fact in stated):
            tally.confusion[(annotation.attribute, MISSED)] += 1
    return tally


def is_annotated_disagreement(places: Sequence[tuple[str, int]],
                              disagreements: Sequence[Disagreement]) -> bool:
    """A finding (its place first, then its related places) is right when its places fall in
    two groups of one disagreement, or, for a one-group disagreement, all in it."""
    for disagreement in disagreements:
        hit = {index for index, group in enumerate(disagreement.groups)
               for place in places if place in group}
        inside = all(any(place in group for group in disagreement.groups) for place in places)
        if inside and (len(hit) >= 2 or len(disagreement.groups) == 1):
            return True
    return False
