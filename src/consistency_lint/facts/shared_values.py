"""Product facts every product shares: the subject an unnamed statement of one is about.

"Płatność roczna to umowa na 12 miesięcy" names no plan. When every product of the registry
has the same contract term, the sentence states it whichever plan the reader has in mind, so
it is compared (with the registry and across channels) as a statement of that shared value;
when the products differ, an unnamed statement says nothing checkable and stays unattributed.
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency_lint.facts.attributes import Scope
from consistency_lint.facts.registry import Registry
from consistency_lint.model import Reading, Value


@dataclass(frozen=True)
class SharedValue:
    """The product standing for all of them (the first by id) and the value they share."""

    subject: str
    value: Value


def shared_values(registry: Registry) -> dict[str, SharedValue]:
    """Product-scoped attributes whose plain registry values are one and the same value for
    every product (every subject but the company's), by attribute name."""
    products = sorted(subject for subject in registry.subjects
                      if subject != registry.company_subject)
    shared: dict[str, SharedValue] = {}
    for name, attribute in registry.attributes.items():
        if attribute.scope is not Scope.PRODUCT or not products:
            continue
        values = {fact.value.canonical(): fact.value
                  for product in products for fact in registry.versions(product, name)
                  if fact.plain}
        if len(values) == 1 and all(registry.versions(product, name) for product in products):
            shared[name] = SharedValue(products[0], next(iter(values.values())))
    return shared


def states_shared(shared: SharedValue, stated: Value, reading: Reading) -> bool:
    """Whether an unnamed value may be a statement of the shared one: the same type and unit.
    A value in another unit ("dwa tygodnie przed końcem okresu umowy" beside a 12-month
    term) is another period of the same sentence, not this fact stated differently."""
    read = stated.as_read(reading)
    return read.type is shared.value.type and read.unit == shared.value.unit
