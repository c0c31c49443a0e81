"""`FACT-SET-MISMATCH`: carriers, payment methods and processors, delivery countries and
pickup options compared as sets.

A set is compared by membership, not equality: a page that names one payment method ("zapłać
BLIK-iem") states a subset, and says nothing against the others. So a member is wrong where
the reference set does not hold it (the registry's value, else what the terms, doc type
`terms`, list as the whole set), and a member is missing only from a statement that presents
itself as the whole set ("Akceptujemy…", "Metody płatności to…", `facts/set_statements.py`).
Without a reference, two documents that enumerate one list, one with a member swapped for
another, disagree (`_swapped_members`): the copy of a list changed in one place.
A separate rule from FACT-REGISTRY-MISMATCH because the comparison differs (subset, not
equality) and so does what a user may want of it (its severity, while a vocabulary is new).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.facts.members import members_of, vocabularies
from consistency_lint.facts.set_statements import EXCLUSIVE
from consistency_lint.model import Category, Fact, Finding, RelatedLocation, Severity, ValueType
from consistency_lint.specs import CheckSpec, Example

_REGISTRY = ("subjects:\n  shop: {name: Sklep Meblino, aliases: [Meblino]}\n"
             "facts:\n  - {subject: shop, attribute: payment_methods, "
             "value: \"karta płatnicza, BLIK i przelew\"}\n")
_WITH_REGISTRY = {"facts": "facts.yaml"}
_FILES = {"facts.yaml": _REGISTRY}
TERMS = "terms"  # the document type whose lists are the reference without a registry

SET_MISMATCH = CheckSpec(
    id="FACT-SET-MISMATCH",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A channel offers a carrier, payment method or processor, delivery country or "
    "pickup option that the registry (else the terms) does not list, or its complete list "
    "leaves out one that the registry lists.",
    rationale="A customer who chooses a shop for cash on delivery or for shipping to Czechia "
    "relies on what the page offers; what a trader tells a consumer before the contract "
    "about the means of payment and delivery binds it. A page that mentions one method in "
    "passing is not wrong for leaving out the others; a list presented as complete is.",
    failing=Example("text", "Możesz też zapłacić za pobraniem.\n", config=_WITH_REGISTRY,
                    files=_FILES),
    passing=Example("text", "Akceptujemy płatności kartą płatniczą, BLIK-iem oraz "
                    "przelewem. Nie przyjmujemy płatności za pobraniem.\n",
                    config=_WITH_REGISTRY, files=_FILES),
    reference="art. 12 ust. 1 pkt 7 and 8 ustawy o prawach konsumenta",
)
SPECS = (SET_MISMATCH,)
KIND = Kind.CORPUS
MAX_RELATED = 20
MIN_SHARED = 2  # members two versions of one list share besides the one swapped


@dataclass(frozen=True)
class _Reference:
    members: frozenset[str]
    says: str  # "the registry lists", "the terms list"
    places: tuple[RelatedLocation, ...]
    terms_paths: frozenset[str] = frozenset()  # the documents the reference is read from


_SameOffer = Callable[[str], frozenset[str]]  # the members that offer what one offers


def _itself(name: str) -> frozenset[str]:
    return frozenset({name})


def build(context: CheckContext) -> CorpusCheck:
    return partial(check, context=context)


def check(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    groups: defaultdict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in corpus.facts:
        if fact.value.type is ValueType.SET:
            groups[(fact.subject, fact.attribute)].append(fact)
    known = vocabularies(context.config.model.language)
    unsettled: list[Fact] = []
    for (subject, attribute), facts in sorted(groups.items()):
        reference = _reference(corpus, context, subject, attribute, facts)
        if reference is None:
            unsettled.extend(facts)
            continue
        vocabulary = known.get(attribute)
        recognisable = frozenset(member.name for member in vocabulary.members) if vocabulary \
            else frozenset()
        same_offer = vocabulary.same_offer if vocabulary else _itself
        yield from _not_listed(corpus, facts, reference, same_offer)
        yield from _left_out(corpus, facts, reference, recognisable, same_offer)
    yield from _swapped_members(corpus, unsettled)


def _reference(corpus: Corpus, context: CheckContext, subject: str, attribute: str,
               facts: Sequence[Fact]) -> _Reference | None:
    """The registry's set; else, where the terms enumerate the set in a complete list,
    every member the terms offer; else None."""
    current = corpus.registry.current(subject, attribute, context.today)
    if current is not None:
        return _Reference(members_of(current.value), "the registry lists",
                          (RelatedLocation(corpus.registry.source or "facts.yaml", current.line,
                                           "registry", current.text),))
    in_terms = [fact for fact in facts if corpus.document(fact.path).doc_type == TERMS]
    if not _complete_lists(in_terms):
        return None  # terms that mention a member in passing do not enumerate the set
    return _Reference(frozenset(fact.value.text for fact in in_terms), "the terms list",
                      tuple(_location(fact) for fact in in_terms[:MAX_RELATED]),
                      frozenset(fact.path for fact in in_terms))


def _not_listed(corpus: Corpus, facts: Sequence[Fact], reference: _Reference,
                same_offer: _SameOffer) -> Iterator[Finding]:
    for fact in facts:
        if same_offer(fact.value.text) & reference.members:
            continue
        yield SET_MISMATCH.finding(
            corpus.document(fact.path), fact.span,
            f"{fact.attribute}: {fact.value.text} (“{fact.text}”) is offered here, but "
            f"{reference.says} {_listed(reference.members)}",
            excerpt=fact.sentence, related=reference.places)


def _left_out(corpus: Corpus, facts: Sequence[Fact], reference: _Reference,
              recognisable: frozenset[str], same_offer: _SameOffer) -> Iterator[Finding]:
    """A complete list (`_whole`) that leaves out a member of the reference the vocabulary
    can recognise, and that its document offers nowhere else (terms that list "formy
    płatności" and then say who handles card payments leave out no card)."""
    lists: defaultdict[tuple[str, str], list[Fact]] = defaultdict(list)
    offered: defaultdict[str, set[str]] = defaultdict(set)  # by path
    for fact in facts:
        offered[fact.path].update(same_offer(fact.value.text))
        if fact.listing and fact.path not in reference.terms_paths:
            lists[(fact.path, fact.listing)].append(fact)
    for members in lists.values():
        stated = {fact.value.text for fact in members}
        missing = (reference.members & recognisable) - offered[members[0].path]
        if not _whole(members) or not missing:
            continue
        first = members[0]
        yield SET_MISMATCH.finding(
            corpus.document(first.path), first.span,
            f"{first.attribute}: the list here ({_listed(frozenset(stated))}) leaves out "
            f"{_listed(missing)}, which {reference.says}",
            excerpt=first.sentence, related=reference.places)


def _swapped_members(corpus: Corpus, facts: Sequence[Fact]) -> Iterator[Finding]:
    """Without a reference: two documents enumerate one list (members of set attributes
    named in one sentence) and one names a member where the other names another: a list
    copied and then changed in one place. The version fewer documents state (as many: each)
    is reported at the member the other lacks. A list that names fewer members is a subset,
    not a change, and two lists of one document are two lists."""
    lists: defaultdict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        lists[(fact.path, fact.sentence)].append(fact)
    versions: defaultdict[frozenset[tuple[str, str]], list[Fact]] = defaultdict(list)
    for members in lists.values():
        versions[frozenset((fact.attribute, fact.value.text) for fact in members)] += members
    for version, stated in versions.items():
        other = _changed_from(version, stated, versions)
        if other is None:
            continue
        theirs = versions[other]
        their_paths = {fact.path for fact in theirs}
        for fact in stated:
            if (fact.attribute, fact.value.text) in other or fact.path in their_paths:
                continue
            place = next(t for t in theirs if (t.attribute, t.value.text) not in version)
            yield SET_MISMATCH.finding(
                corpus.document(fact.path), fact.span,
                f"{fact.attribute}: {fact.value.text} (“{fact.text}”) is listed here where "
                f"the same list in {place.path} names {place.value.text}",
                excerpt=fact.sentence,
                related=tuple(_location(t) for t in theirs[:MAX_RELATED]))


def _changed_from(version: frozenset[tuple[str, str]], stated: Sequence[Fact],
                  versions: dict[frozenset[tuple[str, str]], list[Fact]],
                  ) -> frozenset[tuple[str, str]] | None:
    """The version of the list `version` is one member swapped from, stated in as many
    documents or more; None if there is none."""
    mine = len({fact.path for fact in stated})
    for other, theirs in versions.items():
        if (len(version & other) >= MIN_SHARED and len(version - other) == 1
                and len(other - version) == 1
                and len({fact.path for fact in theirs}) >= mine):
            return other
    return None


def _complete_lists(facts: Sequence[Fact]) -> list[Fact]:
    """The members of complete lists (`_whole`)."""
    lists: defaultdict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.listing:
            lists[(fact.path, fact.listing)].append(fact)
    return [fact for members in lists.values() if _whole(members) for fact in members]


def _whole(members: Sequence[Fact]) -> bool:
    """Whether a list is the whole set: two members or more under a cue that presents the
    whole set, or members offered as the only ones ("wyłącznie kartą")."""
    return (len({member.value.text for member in members}) >= 2
            or any(member.listing.startswith(EXCLUSIVE) for member in members))


def _listed(members: frozenset[str]) -> str:
    return ", ".join(sorted(members, key=str.casefold))


def _location(fact: Fact) -> RelatedLocation:
    return RelatedLocation(fact.path, fact.span.line, fact.channel, fact.text)
