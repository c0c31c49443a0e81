"""`forbid`: the document must not say something. The rule yields a finding at every unit in
its scope that satisfies its clause and none of its `unless` concepts (in the unit, or for
`unless_within: document` anywhere in the document), except in sections for businesses
(under the `exempt_under` headings, the rule's else the pack's, or in paragraphs they open).
A heading is read with the section it heads for `unless`: "Kiedy prawo odstąpienia nie
przysługuje" announces the cases its section names.
A clause `within` the document, and a lead-in read with its list items, is one statement:
reported once, where the last of its phrases first appears; or, with `report: fewer`, at
each sentence of the concept the document uses less ("Ty" in a letter in "Pan/Pani")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace

from consistency_lint.model import Category, Finding, RelatedLocation
from consistency_lint.nlp.phrases import (
    MaskedPositions,
    PhraseMatch,
    Positions,
    TokenIndex,
    find_any,
)
from consistency_lint.rules.clause_matching import clause_matches, quote, quoted, unit_matches
from consistency_lint.rules.compiled import CompiledClause, CompiledRule
from consistency_lint.rules.trade import trade_cues
from consistency_lint.rules.units import DocumentUnits, Unit, joined


def findings(rule: CompiledRule, document: DocumentUnits) -> Iterator[Finding]:
    if clause_matches(rule.clause, document.index) is None:
        return  # a phrase missing from the whole document is missing from every unit
    if compliant_by_document(rule, document):
        return
    units = document.in_scope(rule)
    if rule.clause.model.within == "document":
        if rule.clause.model.report == "fewer":
            yield from _switches(rule, document, units)
        else:
            yield from _statement(rule, document, units)
        return
    if _reads_lists(rule, document):
        # "Sprzedawca nie odpowiada za:" and its items are one statement
        units = [unit for unit in units if id(unit.segment) not in document.listed]
        for group in document.lists:
            if not exempt_section(rule, document, group[0]):
                yield from _statement(rule, document, group)
    yield from _in_units(rule, document, _where_it_may_stand(rule.clause, units,
                                                            document.index))


def _reads_lists(rule: CompiledRule, document: DocumentUnits) -> bool:
    """Whether the rule reads a lead-in with its list items as one statement: not when its
    scope names segment kinds, nor for a value (which belongs to one sentence)."""
    return bool(document.lists) and (rule.model.applies_to.segment_kinds is None
                                     and rule.clause.model.value is None)


def compliant_by_document(rule: CompiledRule, document: DocumentUnits) -> bool:
    """Whether the document says, anywhere, what makes the rule's statements compliant
    (`unless_within: document`)."""
    return rule.model.unless_within == "document" and any(
        find_any(concept, document.index) for concept in rule.unless)


def exempt_section(rule: CompiledRule, document: DocumentUnits, unit: Unit) -> bool:
    """In a section or paragraph for business customers, consumer law does not apply;
    a rule whose scope names `businesses` (a right denied to every business buyer, sole
    traders included) reads them too."""
    if not rule.exempt_under or "businesses" in (rule.model.applies_to.audiences or ()):
        return False
    cues = trade_cues(document.document.language)
    sole_traders, excluded = ((), ()) if cues is None else (cues.sole_traders,
                                                            cues.sole_traders_excluded)
    return document.for_businesses(unit, rule.exempt_under, sole_traders, excluded)


def _in_units(rule: CompiledRule, document: DocumentUnits,
              units: Sequence[Unit]) -> Iterator[Finding]:
    language = document.document.language
    for unit in units:
        if exempt_section(rule, document, unit):
            continue
        matches = unit_matches(rule.clause, _as_addressed(rule, document, unit), language)
        if matches is not None and not _excepted(rule, document, unit):
            yield rule.spec.finding(document.document, unit.span,
                                    rule.message(language, quoted(unit, matches)),
                                    excerpt=unit.excerpt)


def _speaks_of_address(rule: CompiledRule) -> bool:
    """Whether the rule judges how the customer is spoken to (a tone rule): it reads only
    the words that speak to the customer (`DocumentUnits.unaddressed`)."""
    return rule.model.category is Category.TONE


def _as_addressed(rule: CompiledRule, document: DocumentUnits, unit: Unit) -> Unit:
    """The unit as the rule reads it: for a tone rule, its words that address nobody left
    out of its index."""
    if not _speaks_of_address(rule):
        return unit
    return replace(unit, index=MaskedPositions(unit.index,
                                               document.unaddressed(*unit.token_range)))


def _offsets(units: Sequence[Unit]) -> list[int]:
    """Where each unit's first token stands in the units' tokens in a row (`joined`)."""
    offsets, offset = [], 0
    for unit in units:
        offsets.append(offset)
        offset += len(unit.tokens)
    return offsets


def _excepted(rule: CompiledRule, document: DocumentUnits, unit: Unit) -> bool:
    """Whether an `unless` concept stands in the unit or, for a heading, in the section it
    heads (whose cases the heading announces)."""
    section = document.section_words(unit)
    return any(find_any(concept, unit.index) or (section is not None
                                                 and find_any(concept, section))
               for concept in rule.unless)


def _statement(rule: CompiledRule, document: DocumentUnits,
               units: Sequence[Unit]) -> Iterator[Finding]:
    """Units read as one statement whose phrases may stand in different sentences: one
    finding, where the last of its phrases first appears."""
    tokens, joined_index = joined(units)
    index: Positions = joined_index
    if _speaks_of_address(rule):  # the units' own words that address nobody, in a row
        index = MaskedPositions(joined_index, frozenset().union(*(
            {offset + position for position in document.unaddressed(*unit.token_range)}
            for unit, offset in zip(units, _offsets(units), strict=True))))
    matched = clause_matches(rule.clause, index)
    if matched is None or any(find_any(concept, index) for concept in rule.unless):
        return
    unit, token = tokens[max(match.first for match in matched)]
    words = quote(tokens[m.first][0].segment.segment.written_text(tokens[m.first][1].start,
                                                                  tokens[m.last][1].end)
                  for m in matched if tokens[m.first][0] is tokens[m.last][0])
    sentence = next((s for s in unit.segment.sentences if s.start <= token.start < s.end),
                    None)
    excerpt = unit.excerpt if sentence is None else unit.segment.segment.written_text(
        sentence.start, sentence.end)
    yield rule.spec.finding(document.document,
                            unit.segment.segment.span_of(token.start, token.end),
                            rule.message(document.document.language, words), excerpt=excerpt)


def _switches(rule: CompiledRule, document: DocumentUnits,
              units: Sequence[Unit]) -> Iterator[Finding]:
    """Concepts that exclude each other (`report: fewer`): where the document holds more
    than one, each sentence of the one it uses in fewer sentences (on a tie, the one that
    comes later), where it switches from its own usage; each finding points at the first
    sentence of that usage (related), and is a place of its own (tone merges no such)."""
    if any(find_any(concept, document.index) for concept in rule.unless):
        return
    language = document.document.language
    holding: list[list[tuple[int, Unit, PhraseMatch]]] = [[] for _ in rule.clause.all]
    for number, unit in enumerate(units):
        if exempt_section(rule, document, unit):
            continue
        read = _as_addressed(rule, document, unit)
        for found, concept in zip(holding, rule.clause.all, strict=True):
            match = find_any(concept, read.index)
            if match is not None:
                found.append((number, unit, match))
    if not all(holding):
        return
    fewer = min(holding, key=lambda found: (len(found), -found[0][0]))
    usual = max(holding, key=lambda found: (len(found), -found[0][0]))
    _number, own, _match = usual[0]
    usage = RelatedLocation(document.document.path, own.span.line, document.document.channel,
                            own.excerpt[:120] or None)
    for _number, unit, match in fewer:
        yield rule.spec.finding(document.document, unit.span,
                                rule.message(language, quoted(unit, [match])),
                                excerpt=unit.excerpt, related=(usage,))


def _where_it_may_stand(clause: CompiledClause, units: list[Unit],
                        document: TokenIndex) -> list[Unit]:
    """The units holding, exactly or nearly, the first word of a phrase of the clause's
    first concept: a prohibition matches only a unit that holds all of its `all` concepts
    (or one of its `any`), so the other units need not be searched phrase by phrase."""
    concepts = clause.all[:1] or clause.any
    if not concepts:
        return units
    starts = sorted({position for concept in concepts for phrase in concept
                     for found in document.occurrences(phrase.words[0]) for position in found})
    return [unit for unit in units if _holds_one_of(unit.token_range, starts)]


def _holds_one_of(token_range: tuple[int, int], positions: list[int]) -> bool:
    first, end = token_range
    at = bisect_left(positions, first)
    return at < len(positions) and positions[at] < end
