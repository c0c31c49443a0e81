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
sentence, except under the pack's `exempt_under` headings or with an `unless` concept in the
sentence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from consistency_lint.model import Finding
from consistency_lint.nlp.clause_reading import Clause, clauses
from consistency_lint.nlp.phrases import PhraseMatch, Positions, find_any
from consistency_lint.rules.clause_matching import quoted
from consistency_lint.rules.compiled import CompiledFrame, CompiledRule, Slot
from consistency_lint.rules.kinds.forbid import exempt_section
from consistency_lint.rules.units import DocumentUnits, Unit


def findings(rule: CompiledRule, document: DocumentUnits) -> Iterator[Finding]:
    frames = [frame for frame in rule.frames if _words_there(frame, document.index)]
    if not frames:
        return  # a concept missing from the whole document is missing from every clause
    language = document.document.language
    for unit in document.in_scope(rule):
        candidates = [frame for frame in frames if _words_there(frame, unit.index)]
        if not candidates or exempt_section(rule, unit) or any(
                find_any(concept, unit.index) for concept in rule.unless):
            continue
        read = clauses(unit.tokens, language, rule.roles)
        matches = next((found for frame in candidates for clause in read
                        if (found := _holds(frame, clause, unit, document)) is not None), None)
        if matches is not None:
            yield rule.spec.finding(document.document, unit.span,
                                    rule.message(language, quoted(unit, matches)),
                                    excerpt=unit.excerpt)


def _words_there(frame: CompiledFrame, index: Positions) -> bool:
    """Whether the frame's `all` slots and one of its `any` slots may stand in these words
    (a role's slot may stand as a verb's person, which only a clause tells)."""
    def may_stand(slot: Slot) -> bool:
        return slot.person is not None or find_any(slot.concept, index) is not None

    return all(map(may_stand, frame.all)) and (not frame.any or any(map(may_stand, frame.any)))


def _holds(frame: CompiledFrame, clause: Clause, unit: Unit,
           document: DocumentUnits) -> list[PhraseMatch] | None:
    """The matches of the frame's slots in the clause (positions in the unit), or None."""
    model = frame.model
    if ((model.actor is not None and clause.actor not in model.actor)
            or (model.negated is not None and clause.negated != model.negated)
            or (model.modality is not None and clause.modality not in model.modality)):
        return None
    first = unit.token_range[0] + clause.tokens.start
    window = document.index.window(first, unit.token_range[0] + clause.tokens.stop)
    found = [_slot_in(slot, clause, window) for slot in frame.all]
    if any(match is None for match in found):
        return None
    chosen = [match for slot in frame.any if (match := _slot_in(slot, clause, window))]
    if frame.any and not chosen:
        return None
    if any(_slot_in(slot, clause, window) is not None for slot in frame.none):
        return None
    return _in_unit([match for match in (*found, *chosen) if match], clause.tokens.start)


def _slot_in(slot: Slot, clause: Clause, window: Positions) -> PhraseMatch | bool | None:
    """A phrase of the slot in the clause; True for a role the clause's verbs speak as."""
    match = find_any(slot.concept, window)
    if match is None and slot.person is not None and slot.person in clause.persons:
        return True
    return match


def _in_unit(matches: Sequence[PhraseMatch | bool], offset: int) -> list[PhraseMatch]:
    return [PhraseMatch(match.phrase, match.first + offset, match.last + offset)
            for match in matches if isinstance(match, PhraseMatch)]
