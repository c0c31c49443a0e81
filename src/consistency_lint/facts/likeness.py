"""Which stated facts are comparable: like with like.

Facts of different roles are different facts (the complaints address is not the general
one). A document that states several values of one fact lists variants ("InPost: 12,99 zł;
DPD: 16,99 zł"): each variant is the fact of its label, and only variants of the same label
are one fact. A document with one value states the fact itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from consistency_lint.model import Fact, Value

DocumentKey = tuple[str, str, str, str]  # path, subject, attribute, role
ComparisonKey = tuple[str, str, str, str]  # subject, attribute, role, label among variants


def variant_documents(facts: Iterable[Fact]) -> frozenset[DocumentKey]:
    """(path, subject, attribute, role) of the documents that state several different values
    of one fact in the same unit: lists of variants. "3–5 dni roboczych" and "2 lata" in one
    document are no two variants of a delivery time: the years belong to another fact, and
    the days stay the fact itself; "14 dni" and "14 dni roboczych" are no variants either, but
    two different promises of one period. Values that differ only in whether they say from
    when a period runs are one value."""
    values: defaultdict[DocumentKey, dict[str, Value]] = defaultdict(dict)
    for fact in facts:
        key = (fact.path, fact.subject, fact.attribute, fact.role)
        values[key].setdefault(fact.value.amount(), fact.value)
    return frozenset(key for key, found in values.items()
                     if any(a.type is b.type and a.unit == b.unit
                            for a, b in combinations(found.values(), 2)))


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
