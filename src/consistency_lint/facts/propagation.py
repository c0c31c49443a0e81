"""Which values a change replaced, and where the old value is still stated.

A change replaced a value where a place that stated it before states another one after: a
changed file whose fact (subject, attribute, role, label) lost a value and gained another,
or the registry's value valid on the day. Every place that states the fact, in any
channel and in the registry, then either states the new value (updated) or still the old
one (stale). Values are compared by meaning (`states`), so "2499 PLN" is stale when
"2 499 zł" became "2 599 zł", and a rewording that keeps the value ("14 dni" → "w ciągu
14 dni") replaces nothing; but a range is not the number at its end ("3–5 dni" is not stale
when "5 dni" became "7 dni", nor "do 10 dni" when "3–5 dni" became "2–4 dni"). Set members
(carriers, countries) are left to `checks/fact_sets.py`: a list gains and loses members, it
does not replace one value with another.

A dated registry value (`effective_from`/`effective_until`) replaces the one valid the day
before it on the day it takes effect; `scheduled_changes` lists those of a window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from consistency_lint.facts.likeness import ComparisonKey, comparison_key, variant_documents
from consistency_lint.model import (
    REGISTRY_CHANNEL,
    Bound,
    Confidence,
    Fact,
    FactChange,
    Place,
    RegistryFact,
    Value,
    ValueType,
)
from consistency_lint.values.date import days_from
from consistency_lint.values.near_miss import CONTACT_TYPES


@dataclass(frozen=True)
class Statements:
    """What one side of a change states: the documents' facts and the registry's values."""

    facts: tuple[Fact, ...]
    registry: tuple[RegistryFact, ...]
    registry_path: str = ""
    languages: Mapping[str, str] = field(default_factory=dict)  # of each document, by path

    def compared(self) -> list[tuple[ComparisonKey, Fact]]:
        """The confident facts with their keys (the facts any comparison uses)."""
        kept = [fact for fact in self.facts if fact.subject and fact.value.type is not
                ValueType.SET and fact.confidence is not Confidence.LOW]
        variants = variant_documents(kept)
        return [(comparison_key(fact, variants), fact) for fact in kept]

    def registry_place(self, fact: RegistryFact) -> Place:
        return Place(self.registry_path, fact.line, 1, REGISTRY_CHANNEL, fact.text)


@dataclass(frozen=True)
class _Replacement:
    key: ComparisonKey
    old: Value
    old_text: str
    new: Value | None  # None: the value ends and nothing replaces it
    new_text: str
    source: Place


@dataclass(frozen=True)
class FileChanges:
    """Which files a change touched (paths after it), which it renamed (path after → path
    before), and per file the blocks of lines it rewrote (lines before, lines after)."""

    changed: frozenset[str]
    renamed: Mapping[str, str] = field(default_factory=dict)
    rewritten: Mapping[str, Sequence[tuple[range, range]]] = field(default_factory=dict)

    def before(self, path: str) -> str:
        return self.renamed.get(path, path)


def replaced_values(before: Statements, after: Statements, files: FileChanges,
                    today: date) -> list[FactChange]:
    """The facts whose value the change from `before` to `after` replaced, in the changed
    files or in the registry valid on `today`, with every place of `after` that states the
    new value and every one that still states the old."""
    replacements = [*_in_registry(before, after, today),
                    *_in_documents(before, after, files, today)]
    return _with_places(_distinct(replacements), after, today, None,
                        _document_places(after))


def scheduled_changes(statements: Statements, start: date, end: date) -> list[FactChange]:
    """The registry's values that take over, or end, on a day from `start` to `end`, with
    the places that state the value until then."""
    versions: defaultdict[tuple[str, str, str, str], list[RegistryFact]] = defaultdict(list)
    for fact in statements.registry:
        versions[(fact.subject, fact.attribute, fact.role, fact.label)].append(fact)
    replacements = []
    for key, facts in versions.items():
        for day in sorted(_turning_days(facts, start, end)):
            ending = _valid_on(facts, day - timedelta(days=1))
            taking_over = _valid_on(facts, day)
            if ending is None or (taking_over is not None
                                  and states(ending.value, taking_over.value)):
                continue
            source = taking_over or ending
            replacements.append((day, _Replacement(
                key, ending.value, ending.text, taking_over.value if taking_over else None,
                taking_over.text if taking_over else "", statements.registry_place(source))))
    if not replacements:  # most runs: reading every statement would cost for nothing
        return []
    documents = _document_places(statements)
    return [change for day, replacement in replacements
            for change in _with_places([replacement], statements, day, day, documents)]


def states(value: Value, stated: Value) -> bool:
    """Whether a statement of `value` states `stated`: the same amount, or the same one
    number whether or not it is a limit ("do 14 dni", "14 dni"; "od 199 zł", "199 zł"); an
    address, a number or opening hours as `Value.agrees_with` compares them. A range states
    neither its ends nor a limit within it. When a period runs from does not matter: "14 dni
    od otrzymania" is stale when the 14 days "od zamówienia" became 21."""
    value, stated = replace(value, anchor=""), replace(stated, anchor="")
    if not value.agrees_with(stated):
        return False
    if (value.low is None and value.high is None) or value.amount() == stated.amount():
        return True
    return Bound.RANGE not in (value.bound, stated.bound) and _one_number(value) == \
        _one_number(stated)


def _one_number(value: Value) -> Decimal | None:
    return value.high if value.bound is Bound.AT_MOST else value.low


def _turning_days(facts: Sequence[RegistryFact], start: date, end: date) -> set[date]:
    days = {fact.effective_from for fact in facts if fact.effective_from}
    days |= {fact.effective_until + timedelta(days=1) for fact in facts
             if fact.effective_until and fact.effective_until < date.max}
    return {day for day in days if start <= day <= end}


def _valid_on(facts: Sequence[RegistryFact], day: date) -> RegistryFact | None:
    return next((fact for fact in facts if fact.valid_on(day)), None)


def _in_registry(before: Statements, after: Statements, today: date) -> list[_Replacement]:
    def valid(statements: Statements) -> dict[ComparisonKey, RegistryFact]:
        return {(fact.subject, fact.attribute, fact.role, fact.label): fact
                for fact in statements.registry if fact.valid_on(today)}

    was, now = valid(before), valid(after)
    return [_Replacement(key, was[key].value, was[key].text, fact.value, fact.text,
                         after.registry_place(fact))
            for key, fact in now.items()
            if key in was and not states(was[key].value, fact.value)]


def _in_documents(before: Statements, after: Statements, files: FileChanges,
                  today: date) -> list[_Replacement]:
    """Per changed file and fact, the values it no longer states paired with those it
    states instead, in the file as a whole and in each block of lines the change rewrote
    (where "14 dni" became "21 dni" in one of two sentences stating it). A value announced
    for a day to come ("Od 01.03.2027 dostawa kosztuje 12,99 zł") replaces nothing today."""
    was = _by_path_and_key(before, frozenset(map(files.before, files.changed)))
    now = {place: [fact for fact in facts if not _announced(fact, after, today)]
           for place, facts in _by_path_and_key(after, files.changed).items()}
    replacements = []
    for (path, key), facts in sorted(now.items()):
        earlier = was.get((files.before(path), key), [])
        replacements += _paired(key, earlier, facts)
        for lines_before, lines_after in files.rewritten.get(path, ()):
            replacements += _paired(key, [f for f in earlier if f.span.line in lines_before],
                                    [f for f in facts if f.span.line in lines_after])
    return replacements


def _paired(key: ComparisonKey, earlier: list[Fact], facts: list[Fact]) -> list[_Replacement]:
    """The values of `earlier` that `facts` no longer state, paired with those `facts`
    state instead (`_pairs`)."""
    gone = _distinct_values(fact for fact in earlier
                            if not any(states(fact.value, f.value) for f in facts))
    came = _distinct_values(fact for fact in facts
                            if not any(states(fact.value, f.value) for f in earlier))
    return [_Replacement(key, old.value, old.text, new.value, new.text, Place.of_fact(new))
            for old, new in _pairs(gone, came)]


def _announced(fact: Fact, statements: Statements, today: date) -> bool:
    language = statements.languages.get(fact.path)
    return language is not None and any(day > today
                                        for day in days_from(fact.sentence, language))


def _by_path_and_key(statements: Statements,
                     paths: frozenset[str]) -> dict[tuple[str, ComparisonKey], list[Fact]]:
    """The facts of `paths` by file and by the fact they state, as it stays whether or not
    the change made the file list variants: an address or a number by subject, attribute
    and role alone, another value with the words naming its own variant (a document stating
    a second phone number makes the first one a variant, of the same fact)."""
    grouped: defaultdict[tuple[str, ComparisonKey], list[Fact]] = defaultdict(list)
    for key, fact in statements.compared():
        if fact.path in paths:
            stays = (*key[:3], "") if fact.value.type in CONTACT_TYPES else \
                _own_key(key, fact)
            grouped[(fact.path, stays)].append(fact)
    return grouped


def _distinct_values(facts: Iterable[Fact]) -> list[Fact]:
    distinct: dict[str, Fact] = {}
    for fact in facts:
        distinct.setdefault(fact.value.canonical(), fact)
    return list(distinct.values())


def _pairs(gone: list[Fact], came: list[Fact]) -> list[tuple[Fact, Fact]]:
    """One for one in order when as many values went as came; every value that went with
    the one that came; the one that went with the first that came (a value split in two);
    a list rewritten otherwise pairs nothing."""
    if not gone or not came:
        return []
    if len(gone) == len(came):
        return list(zip(gone, came, strict=True))
    if len(came) == 1:
        return [(old, came[0]) for old in gone]
    if len(gone) == 1:
        return [(gone[0], came[0])]
    return []


def _distinct(replacements: list[_Replacement]) -> list[_Replacement]:
    """One replacement per fact and pair of values; the registry's first, then the first
    changed file's, names the change."""
    distinct: dict[tuple[ComparisonKey, str, str], _Replacement] = {}
    for replacement in replacements:
        new = replacement.new.canonical() if replacement.new else ""
        distinct.setdefault((replacement.key, replacement.old.canonical(), new), replacement)
    return list(distinct.values())


_Stated = tuple[Place, ComparisonKey, Value]


def _with_places(replacements: list[_Replacement], statements: Statements, day: date,
                 effective: date | None, documents: dict[tuple[str, str], list[_Stated]],
                 ) -> list[FactChange]:
    """Each replacement with the places stating its new value and its old one: the
    documents' (`documents`: `_document_places`, by subject and attribute) and the
    registry's values valid on `day`."""
    registry = [fact for fact in statements.registry if fact.valid_on(day)]
    changes = []
    for replacement in replacements:
        updated: list[Place] = []
        stale: list[Place] = []
        subject, attribute, role, label = replacement.key
        places = [*documents.get((subject, attribute), ()),
                  *((statements.registry_place(fact),
                     (fact.subject, fact.attribute, fact.role, fact.label), fact.value)
                    for fact in registry if (fact.subject, fact.attribute) == (subject, attribute))]
        for place, key, value in places:
            if not _same_fact(key, replacement.key, value) or place == replacement.source:
                continue
            if replacement.new is not None and states(value, replacement.new):
                updated.append(place)
            elif states(value, replacement.old):
                stale.append(place)
        changes.append(FactChange(subject, attribute, role, label, replacement.old_text,
                                  replacement.new_text, replacement.source,
                                  _in_order(updated), _in_order(stale), effective))
    return changes


def _document_places(statements: Statements) -> dict[tuple[str, str], list[_Stated]]:
    places: defaultdict[tuple[str, str], list[_Stated]] = defaultdict(list)
    for key, fact in statements.compared():
        places[key[:2]].append((Place.of_fact(fact), _own_key(key, fact), fact.value))
    return places


def _in_order(places: list[Place]) -> tuple[Place, ...]:
    return tuple(sorted(set(places), key=lambda place: (place.path, place.line, place.column)))


def _own_key(key: ComparisonKey, fact: Fact) -> ComparisonKey:
    """The key with the words that name the statement's variant ("raben", "dpd polska"),
    also where its document states no other: a single delivery time under a carrier's
    name is that carrier's."""
    return (*key[:3], fact.label or key[3])


def _same_fact(key: ComparisonKey, changed: ComparisonKey, value: Value) -> bool:
    """Whether a statement of `key` with `value` states the fact the change is about: the
    same subject and attribute; the change's role, or any when the change is of the plain
    value (the complaints address changed: the general one stays); and, but for an address
    or a number, which has no variants, a variant the change's words name all of, or whose
    words name all of the change's ("raben" and "gabarytowy raben", not "dpd polska" and
    "poczta polska"), or any when either names none."""
    if key[:2] != changed[:2]:
        return False
    role, label = key[2:]
    changed_role, changed_label = changed[2:]
    if changed_role and role != changed_role:
        return False
    return value.type in CONTACT_TYPES or variants_agree(label, changed_label)


def variants_agree(label: str, other: str) -> bool:
    """Whether statements of these two variants state one fact: either names none, or the
    words of one are all among the other's."""
    mine, theirs = set(label.split()), set(other.split())
    return not mine or not theirs or mine <= theirs or theirs <= mine
