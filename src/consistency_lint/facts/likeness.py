"""Which stated facts are comparable: like with like.

Facts of different roles are different facts (the complaints address is not the general
one). A document that states several values of one fact lists variants ("InPost: 12,99 zł;
DPD: 16,99 zł"): each variant is the fact of its label, and only variants of the same label
are one fact. A document with one value states the fact itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from consistency_lint.model import Fact

DocumentKey = tuple[str, str, str, str]  # path, subject, attribute, role
ComparisonKey = tuple[str, str, str, str]  # subject, attribute, role, label among variants


def variant_documents(facts: Iterable[Fact]) -> frozenset[DocumentKey]:
    """(path, subject, attribute, role) of the documents that state several different values
    of one fact: lists of variants."""
    values: defaultdict[DocumentKey, set[str]] = defaultdict(set)
    for fact in facts:
        values[(fact.path, fact.subject, fact.attribute, fact.role)].add(fact.value.canonical())
    return frozenset(key for key, found in values.items() if len(found) > 1)


def is_variant(fact: Fact, variants: frozenset[DocumentKey]) -> bool:
    return (fact.path, fact.subject, fact.attribute, fact.role) in variants


def comparison_key(fact: Fact, variants: frozenset[DocumentKey]) -> ComparisonKey:
    """The facts with the same key are statements of one fact; variants that no label sets
    apart share the key of the fact itself, and so contradict each other."""
    return (fact.subject, fact.attribute, fact.role,
            fact.label if is_variant(fact, variants) else "")


def states_the_fact_itself(key: ComparisonKey) -> bool:
    """Whether the statements of `key` are of the fact itself, not of a labelled variant (the
    registry's single value is compared with these only)."""
    return key[3] == ""
