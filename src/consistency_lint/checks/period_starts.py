"""`FACT-PERIOD-START-DROPPED`: a period stated without the event it is counted from, where
that event is part of the fact ("3–5 dni roboczych od zaksięgowania płatności").

Periods counted from different events disagree as values (`Value.agrees_with`), so
`fact_checks` reports "od zawarcia umowy" against "od wydania towaru". This check reports the
statement that names no start at all, when the registry names one, or when it is the only
statement of the fact that names none and the others (two at least) all name the same one. A start a
customer assumes anyway (`implied` in `rules/facts/anchors.yaml`: a complaint is answered
within 14 days of its receipt) may be left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.fact_checks import COMPARED
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.facts.anchors import implied_anchors
from consistency_lint.model import (
    Category,
    Fact,
    Finding,
    Reading,
    RegistryFact,
    RelatedLocation,
    Severity,
    Value,
    ValueType,
)
from consistency_lint.specs import CheckSpec, Example

_CONFIG = {"facts": "facts.yaml"}
_FILES = {"facts.yaml": "subjects:\n  shop: {name: Sklep Velora, aliases: [Velora]}\n"
          "facts:\n  - {subject: shop, attribute: delivery_time, "
          "value: \"3–5 dni roboczych od zaksięgowania płatności\"}\n"}

PERIOD_START_DROPPED = CheckSpec(
    id="FACT-PERIOD-START-DROPPED",
    category=Category.FACT_MISMATCH,
    severity=Severity.WARNING,
    summary="A period is stated without the event it is counted from, which the registry "
    "or every other statement of it names.",
    rationale="When a period starts is part of what it promises: \"3–5 dni roboczych od "
    "zaksięgowania płatności\" is later than \"3–5 dni roboczych\" read from the order. A "
    "channel that leaves the start out tells the customer another period. Starts a customer "
    "assumes anyway (a complaint answered within 14 days of its receipt) may be left out.",
    reference="art. 12 ust. 1 and art. 22 ustawy o prawach konsumenta",
    failing=Example("text", "Dostawa: zamówienie dostarczamy w ciągu 3–5 dni roboczych.\n",
                    config=_CONFIG, files=_FILES),
    passing=Example("text", "Dostawa: zamówienie dostarczamy w ciągu 3–5 dni roboczych od "
                    "zaksięgowania płatności.\n", config=_CONFIG, files=_FILES),
)
SPECS = (PERIOD_START_DROPPED,)
KIND = Kind.CORPUS

_Key = tuple[str, str, str]  # subject, attribute, role
MIN_STATEMENTS = 2  # a start one other statement names may be that statement's own slip


def build(context: CheckContext) -> CorpusCheck:
    return partial(check, context=context)


def check(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    groups: defaultdict[_Key, list[Fact]] = defaultdict(list)
    for fact in corpus.facts:
        if (fact.value.type is ValueType.DURATION and fact.subject
                and fact.confidence in COMPARED):
            groups[(fact.subject, fact.attribute, fact.role)].append(fact)
    for key, group in groups.items():
        yield from _dropped(corpus, context, key, group)


def _dropped(corpus: Corpus, context: CheckContext, key: _Key,
             group: list[Fact]) -> Iterator[Finding]:
    subject, attribute, role = key
    current = next((version for version in corpus.registry.versions(subject, attribute)
                    if version.valid_on(context.today)), None)
    registry = current if current is not None and current.value.anchor and not role else None
    starts = Counter(fact.value.anchor for fact in group)
    for fact in group:
        if fact.value.anchor:
            continue
        found = (_from_registry(corpus, fact, registry) if registry is not None
                 else _from_statements(corpus, fact, group, starts))
        if found is None or found[0] in implied_anchors(attribute):
            continue
        start, said_by, related = found
        yield PERIOD_START_DROPPED.finding(
            corpus.document(fact.path), fact.span,
            f"{attribute}: stated {fact.text} without the event it is counted from; "
            f"{said_by} from {start}",
            excerpt=fact.sentence, related=related)


_Expected = tuple[str, str, tuple[RelatedLocation, ...]]  # start, who says it, where


def _from_registry(corpus: Corpus, fact: Fact, registry: RegistryFact) -> _Expected | None:
    """The registry's start, when the statement agrees with the registry on the rest."""
    if not _agrees(corpus, fact, registry.value):
        return None  # another value: `fact_checks` reports the mismatch
    return (registry.value.anchor, "the registry says",
            (RelatedLocation(corpus.registry.source or "facts.yaml", registry.line, "registry",
                             registry.text),))


def _from_statements(corpus: Corpus, fact: Fact, group: list[Fact],
                     starts: Counter[str]) -> _Expected | None:
    """The one start every other statement of the fact names (this one is the only one that
    names none, and at least MIN_STATEMENTS others name the same)."""
    if starts[""] != 1 or len(starts) != 2:
        return None
    start = next(anchor for anchor in starts if anchor)
    places = [other for other in group
              if other.value.anchor == start and _agrees(corpus, fact, other.value)]
    if starts[start] < MIN_STATEMENTS or len(places) < MIN_STATEMENTS:
        return None
    return (start, "every other statement says",
            tuple(RelatedLocation(o.path, o.span.line, o.channel, o.text) for o in places[:10]))


def _agrees(corpus: Corpus, fact: Fact, value: Value) -> bool:
    attribute = corpus.registry.attributes.get(fact.attribute)
    reading = attribute.reading if attribute is not None else Reading.PLAIN
    return replace(fact.value, anchor=value.anchor).agrees_with(value, reading)
