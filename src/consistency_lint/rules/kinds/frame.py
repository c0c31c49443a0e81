"""`frame`: the document must not say something that only the words of ONE clause, read
together, say. A frame is a few slots that must stand in the same clause of a sentence
(`all`, one of `any`, none of `none`), each a concept of the pack (a set of phrasings matched
by lemma) or a role (its nouns in any case, or a verb in its person: "pokrywasz" is the
consumer); and what the clause says of itself: its actor (the subject: a role's noun in the
nominative, or the person of its verbs; `unnamed` when it names none), whether it is
negated, and its modality (may, must, cannot, none), as `nlp/clause_reading.py` reads them.

"Wszelkie spory rozstrzyga sąd właściwy dla siedziby Sprzedawcy" is a venue clause; "Sąd
Rejonowy w Krakowie, KRS 0000123456" names a court and no dispute; "Klient nie ponosi
kosztów reklamacji" is negated; "spółka z ograniczoną odpowiedzialnością" is named in a
frame's `none`. A rule may list several frames: any of them makes its finding, one per
sentence (at the clause that says it), except under the `exempt_under` headings or with an
`unless` concept in the sentence (or, with `unless_within: document`, in the document). A
list's lead-in ending with a colon is read with each of its items as one clause
("Sprzedawca nie ponosi odpowiedzialności za:" + "opóźnienia spowodowane przez kuriera"),
reported at the item. What a negated verb of saying introduces ("Nie mów, że „o sposobie
decyduje sklep”") is not said (`clause_reading.asserted`), and in a document the staff read
(a call-center knowledge base) the second person is the agent: "Podawaj zawsze koszt
dostawy" makes nobody pay."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from consistency_lint.model import Finding, Span
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.clause_reading import (
    ADDRESSEE,
    Clause,
    Role,
    asserted,
    clauses,
    read_clause,
)
from consistency_lint.nlp.phrases import PhraseMatch, Positions, TokenIndex, find_any
from consistency_lint.rules.clause_matching import quote
from consistency_lint.rules.compiled import CompiledFrame, CompiledRule, Slot
from consistency_lint.rules.kinds.forbid import compliant_by_document, exempt_section
from consistency_lint.rules.units import DocumentUnits, Unit

Words = Sequence[tuple[Unit, Token]]  # a clause's tokens, each with the unit it stands in


def findings(rule: CompiledRule, document: DocumentUnits) -> Iterator[Finding]:
    frames = [frame for frame in rule.frames if _words_there(frame, document.index)]
    if not frames or compliant_by_document(rule, document):
        return  # a concept missing from the whole document is missing from every clause
    items = {id(unit.segment) for group in document.lists for unit in group[1:]}
    for unit in document.in_scope(rule):
        if id(unit.segment) not in items and _applies(rule, frames, document, unit, unit.index):
            yield from _in_sentence(rule, frames, document, unit)
    if rule.model.applies_to.segment_kinds is None:
        for group in document.lists:
            yield from _in_list(rule, frames, document, group[0], group[1:])


def said(rule: CompiledRule, document: DocumentUnits) -> bool:
    """Whether one of the rule's frames holds in a clause of a unit in its scope (what a
    `require` rule's `said_as` asks): the first clause found is enough."""
    frames = [frame for frame in rule.frames if _words_there(frame, document.index)]
    return bool(frames) and any(
        next(_in_sentence(rule, frames, document, unit), None) is not None
        for unit in document.in_scope(rule) if _applies(rule, frames, document, unit, unit.index))


def _applies(rule: CompiledRule, frames: list[CompiledFrame], document: DocumentUnits,
             unit: Unit, index: Positions) -> bool:
    """Whether a frame's words may stand here, outside exempt sections and `unless`."""
    return (any(_words_there(frame, index) for frame in frames)
            and not exempt_section(rule, document, unit)
            and not any(find_any(concept, index) for concept in rule.unless))


def _in_sentence(rule: CompiledRule, frames: list[CompiledFrame], document: DocumentUnits,
                 unit: Unit) -> Iterator[Finding]:
    language = document.document.language
    roles = _roles_for_reader(rule.roles, document)
    read = clauses(unit.tokens, unit.segment.segment.text, language, roles)
    for clause in (_as_read_by(clause, document)
                   for clause in asserted(read, unit.tokens, language)):
        words = [(unit, unit.tokens[position]) for position in clause.tokens]
        first = unit.token_range[0] + clause.tokens.start  # the clause is a run of the index
        window = document.index.window(first, first + len(words))
        finding = _report(rule, frames, document, clause, words, window)
        if finding is not None:
            yield finding
            return  # one finding per sentence


def _in_list(rule: CompiledRule, frames: list[CompiledFrame], document: DocumentUnits,
             lead: Unit, items: Sequence[Unit]) -> Iterator[Finding]:
    """Each item read with the last clause of its lead-in as one clause."""
    language = document.document.language
    roles = _roles_for_reader(rule.roles, document)
    lead_clauses = clauses(lead.tokens, lead.segment.segment.text, language, roles)
    if not lead_clauses or exempt_section(rule, document, lead):
        return
    lead_words = [(lead, lead.tokens[position]) for position in lead_clauses[-1].tokens]
    for item in items:
        words = [*lead_words, *((item, token) for token in item.tokens)]
        index = TokenIndex([token for _, token in words])
        if not _applies(rule, frames, document, item, index):
            continue
        clause = _as_read_by(read_clause([token for _, token in words], language, roles),
                             document)
        finding = _report(rule, frames, document, clause, words, index, at=item.span)
        if finding is not None:
            yield finding


def _roles_for_reader(roles: Sequence[Role], document: DocumentUnits) -> Sequence[Role]:
    """The roles as the document's reader is addressed: in a text the staff read, the
    second person is the agent ("Podawaj zawsze koszt dostawy"), no party a rule names."""
    if not document.read_by_staff:
        return roles
    return [replace(role, person=None) if role.person == ADDRESSEE else role for role in roles]


def _as_read_by(clause: Clause, document: DocumentUnits) -> Clause:
    """The clause without the person of the staff reader it addresses (see above)."""
    if not document.read_by_staff:
        return clause
    return replace(clause, persons=clause.persons - {ADDRESSEE})


def _report(rule: CompiledRule, frames: list[CompiledFrame], document: DocumentUnits,
            clause: Clause, words: Words, positions: Positions,
            at: Span | None = None) -> Finding | None:
    """The finding of the first frame that holds in the clause (at the clause, or `at`)."""
    matches = next((found for frame in frames
                    if (found := _holds(frame, clause, positions)) is not None), None)
    if matches is None:
        return None
    first, last = words[0], words[-1]
    segment = first[0].segment.segment
    span = at or segment.span_of(first[1].start, last[1].end)
    said = quote(_written(words, match) for match in matches)
    return rule.spec.finding(document.document, span,
                             rule.message(document.document.language, said),
                             excerpt=last[0].excerpt)


def _written(words: Words, match: PhraseMatch) -> str:
    (unit, first), (last_unit, last) = words[match.first], words[match.last]
    if unit is not last_unit:
        return first.text
    return unit.segment.segment.written_text(first.start, last.end)


def _words_there(frame: CompiledFrame, index: Positions) -> bool:
    """Whether the frame's `all` slots and one of its `any` slots may stand in these words
    (a role's slot may stand as a verb's person, which only a clause tells)."""
    def may_stand(slot: Slot) -> bool:
        return slot.person is not None or find_any(slot.concept, index) is not None

    return all(map(may_stand, frame.all)) and (not frame.any or any(map(may_stand, frame.any)))


def _holds(frame: CompiledFrame, clause: Clause,
           positions: Positions) -> list[PhraseMatch] | None:
    """The matches of the frame's slots in the clause's words, or None if it does not hold."""
    if not _reads_as(frame, clause):
        return None
    found = [_slot_in(slot, clause, positions) for slot in frame.all]
    if any(match is None for match in found):
        return None
    chosen = [match for slot in frame.any if (match := _slot_in(slot, clause, positions))]
    if frame.any and not chosen:
        return None
    if any(_slot_in(slot, clause, positions) is not None for slot in frame.none):
        return None
    return [match for match in (*found, *chosen) if isinstance(match, PhraseMatch)]


def _reads_as(frame: CompiledFrame, clause: Clause) -> bool:
    """Whether the clause has the frame's actor, negation and modality (those it names)."""
    model = frame.model
    return ((model.actor is None or clause.actor in model.actor)
            and (model.negated is None or clause.negated == model.negated)
            and (model.modality is None or clause.modality in model.modality))


def _slot_in(slot: Slot, clause: Clause, positions: Positions) -> PhraseMatch | bool | None:
    """A phrase of the slot in the clause; True for a role the clause's verbs speak as."""
    match = find_any(slot.concept, positions)
    if match is None and slot.person is not None and slot.person in clause.persons:
        return True
    return match
