"""`fact-mismatch` and `coverage-gap`: facts that contradict the registry or each other.

Only facts attributed with high or medium confidence are compared, and only values of the
same unit: a wrong mismatch costs more trust than a missed one. Facts are compared like with
like (`facts/likeness.py`): of the same role, and variants only with the variant of the same
label elsewhere, never with the registry's single value.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.facts.attributes import Scope
from consistency_lint.facts.likeness import (
    ComparisonKey,
    DocumentKey,
    comparison_key,
    is_variant,
    variant_documents,
)
from consistency_lint.facts.variants import counterparts, shared_labels
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
    ValueType,
)
from consistency_lint.specs import CheckSpec, Example
from consistency_lint.values.date import days_named
from consistency_lint.values.near_miss import is_contact, near_miss, swapped

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
    "different number or negation (or one document repeats a sentence word for word with one "
    "value changed): likely a copy that was updated in only one place.",
    rationale="Texts are copied from the website to the FAQ and the call-center scripts, and "
    "within one document from section to section; when the original changes, the copies are "
    "forgotten. The finding is reported on the passage that disagrees with more of its copies "
    "(the one that changed), or else on the passage of the channel listed later in the "
    "configuration (the later sentence of one document); it shows both passages and the line "
    "where the number differs, so an editor can decide which one is current.",
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
    found = list(_compared(corpus, context))
    yield from found
    reported = {(f.path, f.span.line) for f in found if f.category is Category.FACT_MISMATCH}
    near = list(_near_misses(corpus, context, reported))
    yield from near
    reported |= {(f.path, f.span.line) for f in near}
    roles = list(_role_mismatches(corpus, context, reported))
    yield from roles
    yield from _unknown_addresses(corpus, context,
                                  reported | {(f.path, f.span.line) for f in roles})


def _compared(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    compared = [fact for fact in corpus.facts if fact.confidence in COMPARED and fact.subject
                and fact.value.type is not ValueType.SET]  # sets: `fact_sets.py`
    variants = variant_documents(compared)
    role_addresses = _role_addresses(corpus)
    unsettled: list[Fact] = []
    for fact in compared:
        versions = corpus.registry.versions(fact.subject, fact.attribute)
        # a page's address without a role that the business gives for a role elsewhere
        matching = ([] if not fact.role and fact.value in role_addresses
                    else counterparts(versions, fact, is_variant(fact, variants)))
        if fact.role and _a_set(fact) and matching:
            # the general address reaches every department: "reklamacje: sklep@…" is right
            # where the registry gives sklep@ with no role; another role's address is not
            matching += [version for version in versions if version.plain]
        if _of_unreadable_role(corpus, fact, versions):
            continue
        if any(fact.value.comparable_with(version.value) for version in matching):
            yield from _against_registry(corpus, context, fact, matching)
        elif not _a_set(fact) and (not versions or (
                matching and fact.value.type is ValueType.MONEY)):
            # no registry value in its unit ("44,99 zł miesięcznie" beside a registry's
            # "44,99 zł"): the statements are compared with each other
            unsettled.append(fact)
    yield from _across_documents(corpus, unsettled, variants)
    yield from _coverage_gaps(corpus, context)
    yield from _unstated_registry_facts(corpus, context)
    yield from _stale_copies(corpus)


def _coming_days(fact: Fact, language: str, today: date) -> list[date]:
    """The days after `today` the statement's sentence names: "od 21.12.2026 cena 49,90 zł"
    announces the price of that day, it does not state it as today's."""
    return [day for day in days_named(fact.sentence, language) if day > today]


def _of_unreadable_role(corpus: Corpus, fact: Fact, versions: Sequence[RegistryFact]) -> bool:
    """Whether `fact` states the value the registry gives for a role in the user's own words
    that no text can be read as ("wholesale": the tool knows no words of it): the number or
    the hours a page gives for school orders are that role's, whatever its words suggest."""
    roles = {version.role for version in versions
             if version.role and version.value == fact.value}
    attribute = corpus.registry.attributes.get(fact.attribute)
    return bool(roles) and attribute is not None and not roles <= dict(attribute.roles).keys()


def _stale_copies(corpus: Corpus) -> Iterator[Finding]:
    for stale in corpus.stale_copies:
        original, copy = stale.original, stale.copy
        here = f" at line {stale.copy_line}" if stale.copy_line != copy.span.line else ""
        yield STALE_COPY.finding(
            corpus.document(copy.path), copy.span,
            f"near copy of {original.path}:{stale.original_line} ({original.channel}), "
            f"{stale.similarity:.0f}% alike apart from numbers, but with a different number or "
            f"negation{here}: “{copy.text}” vs “{original.text}”",
            excerpt=copy.text,
            related=(RelatedLocation(original.path, stale.original_line, original.channel,
                                     original.text),))


def _against_registry(corpus: Corpus, context: CheckContext, fact: Fact,
                      versions: list[RegistryFact]) -> Iterator[Finding]:
    """`fact` against the registry values it is compared with (`versions`, of all dates:
    one, or the variants of a fact when the statement names none): agreeing with one valid
    on `--today` is enough."""
    valid = [v for v in versions if v.valid_on(context.today)
             and fact.value.comparable_with(v.value)]
    if not valid:
        return
    reading = _reading(corpus, fact)
    if any(fact.value.agrees_with(v.value, reading) for v in valid):
        return
    current = valid[0]
    document = corpus.document(fact.path)
    related = (_registry_location(corpus, current),)
    what = _describe(corpus, fact)
    others = [v for v in versions
              if v is not current and fact.value.agrees_with(v.value, reading)]
    if others and any(other.valid_on(day) for other in others
                      for day in _coming_days(fact, document.language, context.today)):
        return
    other = others[0] if others else None
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
    facts = list(facts)
    shared = shared_labels(facts)
    for fact in facts:
        subject, attribute, role, label = comparison_key(fact, variants)
        groups[(subject, attribute, role, shared.get((subject, attribute, role, label), label))
               ].append(fact)
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
                others = [other for other in group if _conflict(other.value, fact.value, reading)]
                disagreeing[fact.value] = (
                    tuple(RelatedLocation(o.path, o.span.line, o.channel, o.text)
                          for o in others[:MAX_RELATED]),
                    [min(others, key=lambda o: _SURENESS.index(o.confidence))] if others else [])
            related, least_sure = disagreeing[fact.value]
            if not related:
                continue  # only texts that are no statement of what it says
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
    return not any(_conflict(a, b, reading) for a in values for b in values)


def _conflict(first: Value, second: Value, reading: Reading) -> bool:
    """Whether two statements of a fact disagree: two texts only when they are comparable
    at all (words after a cue that are no name or address like the other say nothing)."""
    return not first.agrees_with(second, reading) and (
        first.type is not ValueType.TEXT or first.comparable_with(second))


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


def _near_misses(corpus: Corpus, context: CheckContext,
                 reported: set[tuple[str, int]]) -> Iterator[Finding]:
    """Addresses and numbers one slip away from a known one of their kind (the registry's,
    else one stated in more places), whatever their attribute, role or label: a complaints
    hotline with two digits swapped, a data-protection address on the wrong domain. Places
    another comparison already reported are left to it."""
    contacts = [fact for fact in corpus.facts if is_contact(fact.value)]
    if not contacts:
        return
    known = [fact for fact in corpus.registry.facts
             if fact.valid_on(context.today) and is_contact(fact.value)]
    in_registry = {fact.value for fact in known}
    places: defaultdict[Value, list[Fact]] = defaultdict(list)
    for fact in contacts:
        places[fact.value].append(fact)
    nearest: dict[Value, Value | None] = {}
    for fact in contacts:
        if (fact.path, fact.span.line) in reported or fact.value in in_registry:
            continue
        truth = next((entry for entry in known if near_miss(fact.value, entry.value)), None)
        if truth is not None:
            yield _registry_mismatch(
                corpus, fact, f"{_describe(corpus, fact)}: stated {fact.text}, a near miss of "
                f"the registry's {truth.attribute} {truth.text}", truth)
            continue
        if fact.value not in nearest:  # worked out once per distinct value, not per place
            nearest[fact.value] = _stated_near_miss(fact, places)
        other = nearest[fact.value]
        if other is not None:
            statements = places[other]
            yield _against_statements(
                corpus, fact, f"{_describe(corpus, fact)}: stated {fact.text} here, a near miss "
                f"of {statements[0].text} stated in {_places(statements)}", statements)


def _unknown_addresses(corpus: Corpus, context: CheckContext,
                       reported: set[tuple[str, int]]) -> Iterator[Finding]:
    """A plain address (no role) that the registry does not hold and no other place gives,
    in a document that gives other addresses too: one address is compared with the
    registry as any fact is, and listing it beside the right one does not make it a
    variant (an address has no variants: `_a_set`)."""
    given: Counter[Value] = Counter(fact.value for fact in corpus.facts)
    known = {fact.value for fact in corpus.registry.facts if fact.valid_on(context.today)}
    for fact in corpus.facts:
        if (not _a_set(fact) or fact.role or fact.confidence not in COMPARED
                or (fact.path, fact.span.line) in reported or fact.value in known
                or given[fact.value] > 1):
            continue
        current = corpus.registry.current(fact.subject, fact.attribute, context.today)
        if current is None or current.value.type is not fact.value.type:
            continue
        yield _registry_mismatch(
            corpus, fact, f"{_describe(corpus, fact)}: stated {fact.text}, an address no other "
            f"place gives; the registry says {current.text}", current)


def _role_addresses(corpus: Corpus) -> frozenset[Value]:
    """Addresses the business gives for a role somewhere, in its pages or its registry
    (reklamacje@ for complaints, iod@ for data protection): where a page gives one with no
    role ("w razie pytań: reklamacje@…"), it is that real address of the business, not a
    copy of the registry's general one gone wrong."""
    stated = (fact.value for fact in corpus.facts
              if fact.role and _a_set(fact) and fact.confidence in COMPARED)
    registered = (fact.value for fact in corpus.registry.facts
                  if fact.role and is_contact(fact.value))
    return frozenset((*stated, *registered))


def _a_set(fact: Fact) -> bool:
    """E-mail addresses form a set: a business has several (pomoc@, reklamacje@, sklep@),
    so two documents giving two addresses do not disagree. They are compared for near
    misses and, within a role, by `_role_mismatches`, never plainly for equality."""
    return fact.value.type is ValueType.EMAIL


def _role_mismatches(corpus: Corpus, context: CheckContext,
                     reported: set[tuple[str, int]]) -> Iterator[Finding]:
    """Addresses and numbers of a role (the complaints address) that the registry does not
    hold for that role (e-mail addresses, with or without a registry: see `_a_set`),
    compared with the statements of the same role elsewhere: one that
    differs from the better attested value of its role, and that the business uses nowhere
    else (not in the registry, not under another role or none), is a slip. An address known
    elsewhere is a real address of the business given for this role too: no mismatch."""
    groups: defaultdict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in corpus.facts:
        if (fact.role and fact.confidence in COMPARED and is_contact(fact.value)
                and (corpus.registry.versions(fact.subject, fact.attribute) or _a_set(fact))):
            groups[(fact.subject, fact.attribute, fact.role)].append(fact)
    if not groups:
        return
    roles_of: defaultdict[Value, set[str]] = defaultdict(set)
    for fact in corpus.facts:
        roles_of[fact.value].add(fact.role)
    known = {fact.value for fact in corpus.registry.facts if fact.valid_on(context.today)}
    for group in groups.values():
        places: defaultdict[Value, list[Fact]] = defaultdict(list)
        for fact in group:
            places[fact.value].append(fact)
        slips = (fact for fact in group if len(places) > 1
                 and (fact.path, fact.span.line) not in reported and fact.value not in known
                 and roles_of[fact.value] == {fact.role})
        for fact in slips:
            statements = _better_attested(fact, places)
            if statements is not None:
                yield _against_statements(
                    corpus, fact, f"{_describe(corpus, fact)} ({fact.role}): stated "
                    f"{fact.text} here, given for nothing else and not in the registry; "
                    f"{statements[0].text} in {_places(statements)}", statements)


def _better_attested(fact: Fact, places: dict[Value, list[Fact]]) -> list[Fact] | None:
    """The statements of another value of the fact's role that are stated in more places
    than the fact's value, or, where each is stated once, as often and first; the most
    stated of them. Two values each stated in several places are two real ones (a data
    protection officer's address and a compliance office's), not a slip and its original."""
    mine = places[fact.value]
    better = [statements for value, statements in places.items()
              if value != fact.value and (len(statements) > len(mine) or (
                  len(statements) == len(mine) == 1
                  and _first_place(statements) < _first_place(mine)))]
    return max(better, key=len) if better else None


def _against_statements(corpus: Corpus, fact: Fact, message: str,
                        statements: Sequence[Fact]) -> Finding:
    """A channel mismatch at `fact`, naming the places of the value it disagrees with."""
    finding = CHANNEL_MISMATCH.finding(
        corpus.document(fact.path), fact.span, message, excerpt=fact.sentence,
        related=tuple(RelatedLocation(o.path, o.span.line, o.channel, o.text)
                      for o in statements[:MAX_RELATED]))
    return replace(finding, confidence=fact.confidence)


def _registry_mismatch(corpus: Corpus, fact: Fact, message: str,
                       truth: RegistryFact) -> Finding:
    """A registry mismatch at `fact`, naming the registry entry it disagrees with."""
    finding = REGISTRY_MISMATCH.finding(corpus.document(fact.path), fact.span, message,
                                        excerpt=fact.sentence,
                                        related=(_registry_location(corpus, truth),))
    return replace(finding, confidence=fact.confidence)


def _places(statements: Sequence[Fact]) -> str:
    return f"{len(statements)} place{'s' if len(statements) > 1 else ''}"


def _stated_near_miss(fact: Fact, places: dict[Value, list[Fact]]) -> Value | None:
    """The value stated elsewhere that `fact` is a near miss of, and which is the better
    attested: stated in more places, or, as often, first (one finding for the pair, naming
    the other). Two numbers a digit apart that one document states together are two lines
    of the business, not a slip; a swap of two digits is a slip wherever it stands."""
    mine = places[fact.value]
    my_paths = {statement.path for statement in mine}
    best: Value | None = None
    for value, statements in places.items():
        if not near_miss(fact.value, value):
            continue
        if (_a_number(value) and not swapped(fact.value, value)
                and my_paths & {statement.path for statement in statements}):
            continue
        if len(statements) < len(mine) or (
                len(statements) == len(mine)
                and _first_place(statements) > _first_place(mine)):
            continue
        if best is None or len(statements) > len(places[best]):
            best = value
    return best


def _a_number(value: Value) -> bool:
    return value.type not in (ValueType.EMAIL, ValueType.URL)


def _first_place(statements: list[Fact]) -> tuple[str, int]:
    return min((statement.path, statement.span.line) for statement in statements)
