"""The fact matrix: for every (subject, attribute), the registry value and what each
channel states, with the cells that disagree marked."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from consistency_lint.model import Confidence, Fact, RegistryFact
from consistency_lint.values import Value


@dataclass(frozen=True)
class Cell:
    """What one channel states for one fact: the distinct texts, and whether they agree
    with the reference (the registry value, else the most common value)."""

    texts: tuple[str, ...]
    agrees: bool


@dataclass(frozen=True)
class MatrixRow:
    subject: str
    attribute: str
    registry: str | None
    cells: dict[str, Cell]


def fact_matrix(facts: Iterable[Fact], registry: Iterable[RegistryFact], channels: list[str],
                today: date) -> list[MatrixRow]:
    stated: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.subject and fact.confidence is not Confidence.LOW:
            stated[(fact.subject, fact.attribute)].append(fact)
    current = {(f.subject, f.attribute): f for f in registry if f.valid_on(today)}
    rows = []
    for key in sorted(set(stated) | set(current)):
        reference = current.get(key)
        group = stated.get(key, [])
        reference_value = reference.value if reference else _most_common(group)
        cells = {}
        for channel in channels:
            in_channel = [fact for fact in group if fact.channel == channel]
            if in_channel:
                texts = tuple(dict.fromkeys(fact.text for fact in in_channel))
                agrees = reference_value is None or all(
                    fact.value.agrees_with(reference_value) for fact in in_channel)
                cells[channel] = Cell(texts, agrees)
        rows.append(MatrixRow(key[0], key[1], reference.text if reference else None, cells))
    return rows


def _most_common(group: list[Fact]) -> Value | None:
    if not group:
        return None
    counts = Counter(fact.value.canonical() for fact in group)
    leader = counts.most_common(1)[0][0]
    return next(fact.value for fact in group if fact.value.canonical() == leader)
