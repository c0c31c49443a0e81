"""Whether a clause of a rule holds in a unit of text: its concepts' phrases, and a value
within its bounds in the same clause of the sentence; and the matched words, quoted."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from consistency_lint.model import Value
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.clauses import LABEL_ENDS, clause_numbers
from consistency_lint.nlp.phrases import PhraseMatch, Positions, find_any
from consistency_lint.rules.compiled import CompiledClause, Concept
from consistency_lint.rules.pack_schema import ValueConstraintModel
from consistency_lint.rules.units import Unit
from consistency_lint.values.extraction import extract_values
from consistency_lint.values.periods import LegalBounds, within


def clause_matches(clause: CompiledClause, index: Positions,
                   headings: Positions | None = None) -> list[PhraseMatch] | None:
    """One match per `all` concept and those of the `any` concepts, or None if the phrases
    of the clause are not all there. A concept found only in `headings` counts as there,
    without a match (it has no place in the unit)."""
    def in_headings(concept: Concept) -> bool:
        return headings is not None and find_any(concept, headings) is not None

    matches = []
    for concept in clause.all:
        match = find_any(concept, index)
        if match is not None:
            matches.append(match)
        elif not in_headings(concept):
            return None
    any_matches = [match for concept in clause.any if (match := find_any(concept, index))]
    if clause.any and not any_matches and not any(map(in_headings, clause.any)):
        return None
    return matches + any_matches


def unit_matches(clause: CompiledClause, unit: Unit, language: str,
                 headings: Positions | None = None) -> list[PhraseMatch] | None:
    """The phrase matches that satisfy the clause in this unit, or None if it is not met."""
    matches = clause_matches(clause, unit.index, headings)
    if matches is None:
        return None
    constraint = clause.model.value
    if constraint is None:
        return matches
    clause_of = clause_numbers(unit.tokens, LABEL_ENDS)  # "Termin: 14 dni" is one clause
    phrase_clauses = {clause_of[match.first] for match in matches}
    for found in extract_values(unit.text, language, frozenset({constraint.type})):
        token = _token_at(unit.tokens, unit.start + found.start)
        # "naprawa potrwa 30 dni, a odpowiedź na reklamację w ciągu 14 dni": the value
        # must stand in the same clause as the rule's phrase
        if _within(found.value, constraint) and (
                not phrase_clauses or clause_of[token] in phrase_clauses):
            return matches
    return None


def quoted(unit: Unit, matches: Sequence[PhraseMatch]) -> str:
    """The words that made a forbidden phrase match, as the text has them: („Twoje”)."""
    return quote(unit.segment.segment.written_text(unit.tokens[m.first].start,
                                                   unit.tokens[m.last].end)
                 for m in matches)


def quote(texts: Iterable[str]) -> str:
    return "(" + ", ".join(f"„{text}”" for text in dict.fromkeys(texts)) + ")"


def _token_at(tokens: Sequence[Token], offset: int) -> int:
    """The first token that ends after `offset`, else the last (a bisection: a scan for
    every value made a long unit of many values quadratic)."""
    return min(bisect_right(tokens, offset, key=_end), len(tokens) - 1)


def _end(token: Token) -> int:
    return token.end


def _within(value: Value, constraint: ValueConstraintModel) -> bool:
    """Whether the value is one the constraint reads (one of its `units`) and meets its
    bounds, which are in the first of those units: a period in another unit is compared by
    the calendar lengths it may have (values.periods)."""
    if constraint.units is not None and value.unit not in constraint.units:
        return False
    bounds = LegalBounds(constraint.units[0] if constraint.units else None,
                         constraint.at_least, constraint.at_most, constraint.below,
                         constraint.above, constraint.other_than)
    return within(value, bounds)
