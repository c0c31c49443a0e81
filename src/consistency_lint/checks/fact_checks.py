"""`fact-mismatch` and `coverage-gap`: facts that contradict the registry or each other.

Only facts attributed with high or medium confidence are compared, and only values of the
same unit: a wrong mismatch costs more trust than a missed one. Facts are compared like with
like (`facts/likeness.py`): of the same role, and variants only with the variant of the same
label elsewhere, never with the registry's single value.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.facts.attributes import Scope
from consistency_lint.facts.likeness import (
    ComparisonKey,
    DocumentKey,
    comparison_key,
    states_the_fact_itself,
    variant_documents,
)
from consistency_lint.model import (
    Category,
    Confidence,
    Fact,
    Finding,
    Reading,
    RegistryFact,
    RelatedLocation,
    Severity,
    Span,
    Value,
)
from consistency_lint.specs import CheckSpec, Example

_REGISTRY = ("subjects:\n  shop: {name: Sklep Meblino, aliases: [Meblino]}\n"
             "  lido: {name: Sofa Lido, aliases: [sofa Lido]}\n"
             "facts:\n  - {subject: shop, attribute: hotline, value: \"22 350 40 50\"}\n"
             "  - {subject: lido, attribute: price, value: \"2 499 zł\", "
             "effective_from: 2026-10-01}\n"
             "  - {subject: lido, attribute: price, value: \"2 399 zł\", "
             "effective_until: 2026-09-30}\n")
_WITH_REGISTRY = {"facts": "facts.yaml"}
_FILES = {"facts.yaml": _REGISTRY}

REGISTRY_MISMATCH = CheckSpec(
    id="FACT-REGISTRY-MISMATCH",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A channel states a product or company fact that differs from the facts registry.",
    rationale="The registry is the source of truth; a customer who reads another price, "
    "deadline or phone number in one channel than in the others is misled, and what a "
    "business told a consumer before the contract binds it (art. 22 of the Consumer Rights "
    "Act).",
    failing=Example("text", "Zadzwoń na infolinię: 22 350 40 51.\n", config=_WITH_REGISTRY,
                    files=_FILES),
    passing=Example("text", "Zadzwoń na infolinię: +48 22 350 40 50.\n", config=_WITH_REGISTRY,
                    files=_FILES),
    reference="art. 12 ust. 1 and art. 22 ustawy o prawach konsumenta",
)
OUTDATED = CheckSpec(
    id="FACT-OUTDATED",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A channel still states a value the registry marks as expired (or not yet valid) "
    "on `--today`.",
    rationale="Price changes and new terms are rolled out channel by channel; the one that "
    "was forgotten keeps quoting yesterday's value to customers.",
    failing=Example("text", "Sofa Lido kosztuje 2 399 zł.\n", config=_WITH_REGISTRY,
                    files=_FILES),
    passing=Example("text", "Sofa Lido kosztuje 2 499 zł.\n", config=_WITH_REGISTRY,
                    files=_FILES),
)
CHANNEL_MISMATCH = CheckSpec(
    id="FACT-CHANNEL-MISMATCH",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="Two documents state different values for the same fact, which the registry does "
    "not settle; the finding points at the minority when there is a clear majority.",
    rationale="Channels may differ in form, never in facts: without a registry value, "
    "disagreement itself is the error.",
    failing=Example("text", "Infolinia: 22 350 40 50.\n\nInfolinia: 22 350 40 50.\n\n"
                    "Infolinia: 22 350 40 59.\n", file_name="a.txt"),
    passing=Example("text", "Infolinia: 22 350 40 50.\n\nZadzwoń: +48 22 350 40 50.\n",
                    file_name="a.txt"),
)
COVERAGE_GAP = CheckSpec(
    id="COVERAGE-GAP",
    category=Category.COVERAGE_GAP,
    severity=Severity.WARNING,
    summary="A channel has a page about a product but never states a fact the registry holds "
    "for it (its price, say).",
    rationale="A customer who asks the call center about a product the website sells should "
    "hear the same key facts; a channel that talks about a product and is silent on its "
    "price or warranty sends customers elsewhere.",
    failing=Example("markdown", "# Sofa Lido\n\nWygodna sofa z funkcją spania.\n",
                    file_name="lido.md", config=_WITH_REGISTRY, files=_FILES),
    passing=Example("markdown", "# Sofa Lido\n\nWygodna sofa, cena: 2 499 zł.\n",
                    file_name="lido.md", config=_WITH_REGISTRY, files=_FILES),
)
_SHIPPING_WEB = ("Zamówienia złożone do godziny 12 wysyłamy tego samego dnia roboczego "
                 "kurierem.\n")
_SHIPPING_KB_STALE = _SHIPPING_WEB.replace("12", "14")
_TWO_CHANNELS: dict[str, Any] = {
    "channel": {"paths": ["kb/*.txt"]},
    "files": {"web/wysylka.txt": _SHIPPING_WEB},
    "config": {"channels": {"web": {"loader": "text", "paths": ["web/*.txt"]}}},
}

STALE_COPY = CheckSpec(
    id="FACT-STALE-COPY",
    category=Category.FACT_MISMATCH,
    severity=Severity.WARNING,
    summary="A sentence in one channel is a near copy of a sentence in another, but with a "
    "different number or negation: likely a copy that was updated in only one place.",
    rationale="Texts are copied from the website to the FAQ and the call-center scripts; "
    "when the original changes, the copies are forgotten. The finding is reported on the "
    "passage of the channel listed later in the configuration and shows both passages, so "
    "an editor can decide which one is current.",
    failing=Example("text", _SHIPPING_KB_STALE, file_name="kb/wysylka.txt", **_TWO_CHANNELS),
    passing=Example("text", _SHIPPING_WEB, file_name="kb/wysylka.txt", **_TWO_CHANNELS),
)
REGISTRY_UNSTATED = CheckSpec(
    id="COVERAGE-REGISTRY-UNSTATED",
    category=Category.COVERAGE_GAP,
    severity=Severity.INFO,
    summary="A fact the registry declares (valid on `--today`) that no document states.",
    rationale="The registry is meant to hold what customers are told; a declared fact that no "
    "channel states is either missing from the content or no longer needed in the registry. "
    "The finding points at the registry line.",
    failing=Example("text", "Sofa Lido kosztuje 2 499 zł.\n", config=_WITH_REGISTRY,
                    files=_FILES),
    passing=Example("text", "Infolinia: 22 350 40 50. Sofa Lido kosztuje 2 499 zł.\n",
                    config=_WITH_REGISTRY, files=_FILES),
)
SPECS = (REGISTRY_MISMATCH, OUTDATED, CHANNEL_MISMATCH, COVERAGE_GAP, STALE_COPY,
         REGISTRY_UNSTATED)
COMPARED = frozenset({Confidence.HIGH, Confidence.MEDIUM})
# The places a mismatch lists, at most (its message counts them all): listing every other
# statement of a fact that a thousand pages state made the report grow with the square of them.
MAX_RELATED = 100
KIND = Kind.CORPUS


def build(context: CheckContext) -> CorpusCheck:
    return partial(check, context=context)


def check(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    compared = [fact for fact in corpus.facts if fact.confidence in COMPARED and fact.subject]
    variants = variant_documents(compared)
    unsettled: list[Fact] = []
    for fact in compared:
        versions = corpus.registry.versions(fact.subject, fact.attribute)
        if (versions and not fact.role
                and states_the_fact_itself(comparison_key(fact, variants))):
            yield from _against_registry(corpus, context, fact, versions)
        elif not versions:
            unsettled.append(fact)
    yield from _across_documents(corpus, unsettled, variants)
    yield from _coverage_gaps(corpus, context)
    yield from _unstated_registry_facts(corpus, context)
    yield from _stale_copies(corpus)


def _stale_copies(corpus: Corpus) -> Iterator[Finding]:
    for stale in corpus.stale_copies:
        original, copy = stale.original, stale.copy
        yield STALE_COPY.finding(
            corpus.document(copy.path), copy.span,
            f"near copy of {original.path}:{original.span.line} ({original.channel}), "
            f"{stale.similarity:.0f}% alike apart from numbers, but with a different number or "
            f"negation: “{copy.text}” vs “{original.text}”",
            excerpt=copy.text,
            related=(RelatedLocation(original.path, original.span.line, original.channel,
                                     original.text),))


def _against_registry(corpus: Corpus, context: CheckContext, fact: Fact,
                      versions: list[RegistryFact]) -> Iterator[Finding]:
    current = next((v for v in versions if v.valid_on(context.today)), None)
    if current is None or not fact.value.comparable_with(current.value):
        return
    reading = _reading(corpus, fact)
    if fact.value.agrees_with(current.value, reading):
        return
    document = corpus.document(fact.path)
    related = (_registry_location(corpus, current),)
    what = _describe(corpus, fact)
    other = next((v for v in versions
                  if v is not current and fact.value.agrees_with(v.value, reading)), None)
    if other is not None:
        finding = OUTDATED.finding(
            document, fact.span,
            f"{what}: stated {fact.text}, {_validity(other)}; now {current.text}",
            excerpt=fact.sentence, related=related)
    else:
        finding = REGISTRY_MISMATCH.finding(
            document, fact.span,
            f"{what}: stated {fact.text}; the registry says {current.text}",
            excerpt=fact.sentence, related=related)
    yield replace(finding, confidence=fact.confidence)


def _across_documents(corpus: Corpus, facts: Iterable[Fact],
                      variants: frozenset[DocumentKey]) -> Iterator[Finding]:
    groups: dict[ComparisonKey, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[comparison_key(fact, variants)].append(fact)
    for group in groups.values():
        votes = Counter(fact.value.canonical() for fact in group)
        reading = _reading(corpus, group[0])
        if len(votes) < 2 or _all_agree(group, reading):
            continue
        (leader, leader_votes), (_, runner_up_votes) = votes.most_common(2)
        majority = _value_of(group, leader) if leader_votes > runner_up_votes else None
        summary = ", ".join(f"{value} in {count}" for value, count in votes.most_common())
        # what disagrees with a value, worked out once per distinct value: once per fact made
        # a group of many facts quadratic
        disagreeing: dict[Value, tuple[tuple[RelatedLocation, ...], list[Fact]]] = {}
        for fact in group:
            if majority is not None and fact.value.agrees_with(majority, reading):
                continue
            if fact.value not in disagreeing:
                others = [other for other in group
                          if not other.value.agrees_with(fact.value, reading)]
                disagreeing[fact.value] = (
                    tuple(RelatedLocation(o.path, o.span.line, o.channel, o.text)
                          for o in others[:MAX_RELATED]),
                    [min(others, key=lambda o: _SURENESS.index(o.confidence))] if others else [])
            related, least_sure = disagreeing[fact.value]
            finding = CHANNEL_MISMATCH.finding(
                corpus.document(fact.path), fact.span,
                f"{_describe(corpus, fact)}: stated {fact.text} here; the documents disagree "
                f"({summary})",
                excerpt=fact.sentence, related=related)
            yield replace(finding, confidence=_least_sure(fact, *least_sure))


_SURENESS = (Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH)


def _least_sure(*facts: Fact) -> Confidence:
    """A mismatch is as sure as the least sure attribution it compares."""
    return min((fact.confidence for fact in facts), key=_SURENESS.index)


def _coverage_gaps(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    stated = {(f.channel, f.subject, f.attribute) for f in corpus.facts}
    registry_facts: defaultdict[str, list[RegistryFact]] = defaultdict(list)
    for fact in corpus.registry.facts:
        registry_facts[fact.subject].append(fact)
    reported: set[tuple[str, str, str]] = set()
    for document in corpus.documents:
        subject = corpus.document_subjects.get(document.path)
        if subject is None:
            continue
        for fact in registry_facts[subject]:
            attribute = corpus.registry.attributes[fact.attribute]
            key = (document.channel, subject, fact.attribute)
            if (attribute.scope is Scope.COMPANY or key in stated
                    or key in reported or not fact.valid_on(context.today)):
                continue
            reported.add(key)
            yield COVERAGE_GAP.finding(
                document, Span.point(document.first_line),
                f"channel `{document.channel}` has a page about "
                f"{corpus.registry.subjects[subject].name} but never states its "
                f"{fact.attribute} (registry: {fact.text})",
                related=(_registry_location(corpus, fact),))


def _unstated_registry_facts(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    stated = {(fact.subject, fact.attribute) for fact in corpus.facts}
    for fact in corpus.registry.facts:
        if (fact.subject, fact.attribute) in stated or not fact.valid_on(context.today):
            continue
        subject = corpus.registry.subjects[fact.subject].name
        yield Finding(
            rule=REGISTRY_UNSTATED.id, category=REGISTRY_UNSTATED.category,
            severity=REGISTRY_UNSTATED.severity,
            message=f"the registry declares {fact.attribute} of {subject} ({fact.text}), but "
            "no document states it",
            path=corpus.registry.source or "facts.yaml", span=Span.point(fact.line),
            channel="registry", doc_type=None, excerpt=fact.text)


def _all_agree(group: list[Fact], reading: Reading) -> bool:
    values = list(dict.fromkeys(fact.value for fact in group))  # pairs of values, not facts
    return all(a.agrees_with(b, reading) for a in values for b in values)


def _reading(corpus: Corpus, fact: Fact) -> Reading:
    """How a customer reads the values of the fact's attribute (`Reading`)."""
    attribute = corpus.registry.attributes.get(fact.attribute)
    return attribute.reading if attribute is not None else Reading.PLAIN


def _value_of(group: list[Fact], canonical: str) -> Value:
    return next(fact.value for fact in group if fact.value.canonical() == canonical)


def _describe(corpus: Corpus, fact: Fact) -> str:
    subject = corpus.registry.subjects.get(fact.subject)
    return f"{fact.attribute} of {subject.name if subject else fact.subject}"


def _validity(version: RegistryFact) -> str:
    if version.effective_until is not None:
        return f"valid until {version.effective_until}"
    return f"valid only from {version.effective_from}"


def _registry_location(corpus: Corpus, fact: RegistryFact) -> RelatedLocation:
    return RelatedLocation(corpus.registry.source or "facts.yaml", fact.line, "registry",
                           fact.text)
