"""The fact matrix: for every (subject, attribute, role), the registry value and what each
channel states, with the cells that disagree marked. Variants of a list ("InPost: 12,99 zł")
are shown with their label and judged only against the same variant; low-confidence
attributions are left out unless asked for."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from consistency_lint.facts.likeness import (
    ComparisonKey,
    DocumentKey,
    comparison_key,
    is_variant,
    states_the_fact_itself,
    variant_documents,
)
from consistency_lint.facts.members import members_of
from consistency_lint.model import (
    Confidence,
    Fact,
    MatrixCell,
    MatrixRow,
    RegistryFact,
    Value,
    ValueType,
)


def fact_matrix(facts: Iterable[Fact], registry: Iterable[RegistryFact], channels: list[str],
                today: date, include_low_confidence: bool = False) -> list[MatrixRow]:
    shown = [fact for fact in facts if fact.subject and (
        include_low_confidence or fact.confidence is not Confidence.LOW)]
    variants = variant_documents(shown)
    stated: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in shown:
        stated[(fact.subject, fact.attribute, fact.role)].append(fact)
    current = {(f.subject, f.attribute, ""): f for f in registry if f.valid_on(today)}
    rows = []
    for key in sorted(set(stated) | set(current)):
        reference = current.get(key)
        group = stated.get(key, [])
        references = _references(group, variants, reference.value if reference else None)
        cells = {}
        for channel in channels:
            in_channel = [fact for fact in group if fact.channel == channel]
            if in_channel:
                texts = tuple(dict.fromkeys(_shown_text(fact, variants) for fact in in_channel))
                agrees = all(_agrees(fact, variants, references,
                                     reference.value if reference else None)
                             for fact in in_channel)
                cells[channel] = MatrixCell(texts, agrees)
        rows.append(MatrixRow(key[0], key[1], reference.text if reference else None, cells,
                              key[2]))
    return rows


def _references(group: list[Fact], variants: frozenset[DocumentKey],
                registry_value: Value | None) -> dict[ComparisonKey, Value]:
    """What each kind of statement in a row is judged against: the registry value for the
    fact itself, else the most common value of its comparison key."""
    by_key: dict[ComparisonKey, list[Fact]] = defaultdict(list)
    for fact in group:
        by_key[comparison_key(fact, variants)].append(fact)
    references = {key: value for key, facts in by_key.items()
                  if (value := _most_common(facts)) is not None}
    if registry_value is not None:
        for key in by_key:
            if states_the_fact_itself(key):
                references[key] = registry_value
    return references


def _agrees(fact: Fact, variants: frozenset[DocumentKey],
            references: dict[ComparisonKey, Value], registry_value: Value | None) -> bool:
    if fact.value.type is ValueType.SET:  # a member agrees when the registry lists it
        return registry_value is None or fact.value.text in members_of(registry_value)
    reference = references.get(comparison_key(fact, variants))
    return reference is None or fact.value.agrees_with(reference)


def _shown_text(fact: Fact, variants: frozenset[DocumentKey]) -> str:
    labelled = is_variant(fact, variants) and fact.label
    return f"{fact.text} ({fact.label})" if labelled else fact.text


def _most_common(group: list[Fact]) -> Value | None:
    if not group:
        return None
    counts = Counter(fact.value.canonical() for fact in group)
    leader = counts.most_common(1)[0][0]
    return next(fact.value for fact in group if fact.value.canonical() == leader)
