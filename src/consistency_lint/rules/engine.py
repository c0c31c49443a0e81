"""Evaluates compiled rules on one analysed document.

A `require` rule passes when some sentence (or segment) of the document satisfies its
clause, and otherwise yields one finding at the document's first line. A `forbid` rule
yields a finding at every sentence that satisfies its clause and none of its `unless`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from consistency_lint.config import Config
from consistency_lint.model import Document, Finding, Span
from consistency_lint.nlp.analysis import AnalysedSegment, Token
from consistency_lint.nlp.clauses import LABEL_ENDS, clause_numbers
from consistency_lint.nlp.phrases import PhraseMatch, Positions, TokenIndex, find_any
from consistency_lint.rules.compiled import CompiledClause, CompiledRule, Concept
from consistency_lint.rules.pack_schema import ValueConstraintModel
from consistency_lint.values import Value, extract_values


@dataclass(frozen=True)
class _Unit:
    """A sentence (or a whole segment): its tokens, where its words stand (a window of the
    document's index) and the index of its segment's headings."""

    segment: AnalysedSegment
    start: int
    end: int
    tokens: Sequence[Token]
    index: Positions
    token_range: tuple[int, int]  # its tokens' positions in the document index, end excluded
    # its headings ("7. Prawo odstąpienia od umowy" above "Termin biegnie od dnia zawarcia
    # umowy"): context that satisfies a required clause
    heading_index: TokenIndex

    @property
    def text(self) -> str:
        return self.segment.segment.text[self.start:self.end]

    @property
    def excerpt(self) -> str:
        """The unit as the file spells it."""
        return self.segment.segment.written_text(self.start, self.end)

    @property
    def span(self) -> Span:
        return self.segment.segment.span_of(self.start, self.end)


class RuleEngine:
    def __init__(self, rules: Sequence[CompiledRule], profiles: Mapping[str, str | None],
                 today: date | None = None) -> None:
        self.profiles = profiles  # channel name -> tone profile
        # a rule against an obsolete reference applies from the day it became obsolete
        self.rules = [rule for rule in rules if today is None
                      or rule.model.applies_from is None or rule.model.applies_from <= today]
        self._applicable: dict[tuple[str, str | None, str], tuple[CompiledRule, ...]] = {}

    @classmethod
    def for_config(cls, rules: Sequence[CompiledRule], config: Config,
                   today: date | None = None) -> RuleEngine:
        return cls(rules, {name: channel.settings.profile
                           for name, channel in config.channels.items()}, today)

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        if not segments:
            return []  # unreadable or empty: an `input` finding says so, clauses cannot
        whole_document, whole_segments, sentences = _units(segments)
        lists = _lead_in_lists(whole_segments)
        listed = {id(unit.segment) for group in lists for unit in group}
        findings: list[Finding] = []
        for rule in self.applicable(document):
            if _clause_matches(rule.clause, whole_document) is None:
                # a phrase missing from the whole document is missing from every sentence
                if not rule.forbids:
                    findings.append(rule.spec.finding(document, Span.point(document.first_line),
                                                      _message(rule, document.language)))
                continue
            kinds = rule.model.applies_to.segment_kinds
            if rule.clause.model.within == "document":
                in_scope = [unit for unit in whole_segments
                            if kinds is None or unit.segment.segment.kind in kinds]
                findings.extend(_evaluate_document(rule, document, in_scope))
                continue
            units = whole_segments if rule.clause.model.within == "segment" else sentences
            if kinds is not None:
                units = [unit for unit in units if unit.segment.segment.kind in kinds]
            elif rule.forbids and rule.clause.model.value is None and lists:
                # "Sprzedawca nie odpowiada za:" and its items are one statement
                units = [unit for unit in units if id(unit.segment) not in listed]
                for group in lists:
                    if not (rule.exempt_under
                            and find_any(rule.exempt_under, group[0].heading_index)):
                        findings.extend(_evaluate_document(rule, document, group))
            if rule.forbids:
                units = _where_it_may_stand(rule.clause, units, whole_document)
            findings.extend(_evaluate(rule, document, units))
        return findings

    def applicable(self, document: Document) -> tuple[CompiledRule, ...]:
        """The rules whose scope covers the document (also for the legal checklist): the
        same for every document of one language, document type and channel."""
        scope = (document.language, document.doc_type, document.channel)
        rules = self._applicable.get(scope)
        if rules is None:
            rules = self._applicable[scope] = tuple(
                rule for rule in self.rules if self._applies(rule, *scope))
        return rules

    def _applies(self, rule: CompiledRule, language: str, doc_type: str | None,
                 channel: str) -> bool:
        scope = rule.model.applies_to
        profile = self.profiles.get(channel)
        languages: set[str] = {rule.language} if scope.languages is None else set(scope.languages)
        return (language in languages
                and (scope.doc_types is None or doc_type in scope.doc_types)
                and (scope.channels is None or channel in scope.channels)
                and (scope.profiles is None or profile in scope.profiles))


def _units(segments: Sequence[AnalysedSegment]) -> tuple[TokenIndex, list[_Unit], list[_Unit]]:
    """The document's token index, and its segments and sentences as windows of it: each
    phrase word is looked up once per document, not once per sentence and rule."""
    tokens = [token for s in segments for sentence in s.sentences for token in sentence.tokens]
    document = TokenIndex(tokens)
    whole_segments, sentences = [], []
    heading_indexes: dict[tuple[Token, ...], TokenIndex] = {}  # segments share headings
    offset = 0
    for analysed in segments:
        headings = heading_indexes.get(analysed.heading_tokens)
        if headings is None:
            headings = heading_indexes[analysed.heading_tokens] = TokenIndex(
                analysed.heading_tokens)
        segment_first = offset
        for sentence in analysed.sentences:
            end = offset + len(sentence.tokens)
            sentences.append(_Unit(analysed, sentence.start, sentence.end, sentence.tokens,
                                   document.window(offset, end), (offset, end), headings))
            offset = end
        whole_segments.append(_Unit(analysed, 0, len(analysed.segment.text),
                                    tokens[segment_first:offset],
                                    document.window(segment_first, offset),
                                    (segment_first, offset), headings))
    return document, whole_segments, sentences


def _where_it_may_stand(clause: CompiledClause, units: list[_Unit],
                        document: TokenIndex) -> list[_Unit]:
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


# The items read with a lead-in, at most: where every item of a long list ends with a colon,
# each would otherwise be read with all the items after it (quadratic).
MAX_LIST_ITEMS = 200


def _lead_in_lists(segments: list[_Unit]) -> list[list[_Unit]]:
    """Each segment ending with a colon ("Prawo odstąpienia nie przysługuje przy:") with the
    list items that follow it: a prohibition reads them as one statement, so that the lead-in
    and an item make the phrase ("nie odpowiada za:" + "opóźnienia przewoźnika") and an
    item's context makes it compliant ("aukcjach publicznych (art. 38)")."""
    lists = []
    items_end = len(segments)  # where the list items after a position end
    items_ends = [0] * len(segments)  # (one pass from the end, not one per lead-in)
    for position in range(len(segments) - 1, -1, -1):
        items_ends[position] = items_end
        if segments[position].segment.segment.kind != "list-item":
            items_end = position
    for position, unit in enumerate(segments):
        if not unit.segment.segment.text.rstrip().endswith(":"):
            continue
        items = segments[position + 1:min(items_ends[position], position + 1 + MAX_LIST_ITEMS)]
        if items:
            lists.append([unit, *items])
    return lists


def _evaluate(rule: CompiledRule, document: Document, units: list[_Unit]) -> Iterator[Finding]:
    message = _message(rule, document.language)
    clause, unless, exempt = rule.clause, rule.unless, rule.exempt_under
    if not rule.forbids:
        if not any(_matches(clause, unit, document.language, unit.heading_index)
                   is not None for unit in units):
            yield rule.spec.finding(document, Span.point(document.first_line), message)
        return
    for unit in units:
        if exempt and find_any(exempt, unit.heading_index):
            continue  # a section for business customers: consumer law does not apply
        matches = _matches(clause, unit, document.language)
        if matches is not None and not any(find_any(concept, unit.index)
                                           for concept in unless):
            yield rule.spec.finding(
                document, unit.span, _message(rule, document.language, _quoted(unit, matches)),
                excerpt=unit.excerpt)


def _evaluate_document(rule: CompiledRule, document: Document,
                       segments: list[_Unit]) -> Iterator[Finding]:
    """A clause over the whole document: its phrases may stand in different sentences. A
    forbidden combination is reported once, where the last of its phrases first appears."""
    tokens = [(unit, token) for unit in segments for token in unit.tokens]
    index = TokenIndex([token for _, token in tokens])
    matched = _clause_matches(rule.clause, index)
    message = _message(rule, document.language)
    if not rule.forbids:
        if matched is None:
            yield rule.spec.finding(document, Span.point(document.first_line), message)
        return
    if matched is None or any(find_any(concept, index) for concept in rule.unless):
        return
    unit, token = tokens[max(match.first for match in matched)]
    quoted = _quote(tokens[m.first][0].segment.segment.written_text(tokens[m.first][1].start,
                                                                    tokens[m.last][1].end)
                    for m in matched if tokens[m.first][0] is tokens[m.last][0])
    sentence = next((s for s in unit.segment.sentences if s.start <= token.start < s.end),
                    None)
    excerpt = unit.excerpt if sentence is None else unit.segment.segment.written_text(
        sentence.start, sentence.end)
    yield rule.spec.finding(document, unit.segment.segment.span_of(token.start, token.end),
                            _message(rule, document.language, quoted), excerpt=excerpt)


def _quoted(unit: _Unit, matches: Sequence[PhraseMatch]) -> str:
    """The words that made a forbidden phrase match, as the text has them: („Twoje”)."""
    return _quote(unit.segment.segment.written_text(unit.tokens[m.first].start,
                                                    unit.tokens[m.last].end)
                  for m in matches)


def _quote(texts: Iterable[str]) -> str:
    return "(" + ", ".join(f"„{text}”" for text in dict.fromkeys(texts)) + ")"


def _clause_matches(clause: CompiledClause, index: Positions,
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


def _matches(clause: CompiledClause, unit: _Unit, language: str,
             headings: Positions | None = None) -> list[PhraseMatch] | None:
    """The phrase matches that satisfy the clause in this unit, or None if it is not met."""
    matches = _clause_matches(clause, unit.index, headings)
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


def _token_at(tokens: Sequence[Token], offset: int) -> int:
    """The first token that ends after `offset`, else the last (a bisection: a scan for
    every value made a long unit of many values quadratic)."""
    return min(bisect_right(tokens, offset, key=_end), len(tokens) - 1)


def _end(token: Token) -> int:
    return token.end


def _within(value: Value, constraint: ValueConstraintModel) -> bool:
    if constraint.units is not None and value.unit not in constraint.units:
        return False
    upper = value.high
    if upper is None:
        return True
    return ((constraint.at_least is None or upper >= constraint.at_least)
            and (constraint.at_most is None or upper <= constraint.at_most)
            and (constraint.below is None or upper < constraint.below)
            and (constraint.above is None or upper > constraint.above))


_COMPLIANT_LEAD = {"pl": "Zgodnie z prawem, np.:", "en": "Compliant wording, e.g.:"}


def _message(rule: CompiledRule, language: str, matched: str = "") -> str:
    """The rule's message, the words that matched, and for a legal finding compliant wording
    to use instead: the rule's first passing example."""
    message = rule.model.message
    parts = [message if isinstance(message, str) else (
        message.pl if language == "pl" else message.en)]
    if matched:
        parts.append(matched)
    examples = rule.model.examples
    if rule.model.category.value.startswith("legal") and examples is not None:
        parts.append(f"{_COMPLIANT_LEAD.get(language, _COMPLIANT_LEAD['en'])} "
                     f"„{examples.pass_[0].text}”")
    return " ".join(parts)
