"""Offers stated without their condition: "Dostawa jest bezpłatna." where the registry or
another channel says "bezpłatna przy zamówieniach od 1000 zł".

An attribute that only takes a lower bound ("od 1000 zł": `bounds: [at_least]`) is the
condition of an offer its cues name. A sentence that names the offer (a compact cue: its
words together, "dostawa jest bezpłatna") with no value of the attribute's type and no
negation states the offer with no condition: a threshold of nothing, compared as such. A
heading (a teaser whose terms follow), a document that states the threshold anywhere, and a
language with no home currency state none.

The other way round, an amount in a clause of condition of a sentence that names such an
offer outside that clause is the offer's lower bound, however the condition words it
("Jeśli wartość zamówienia osiągnie 999 zł, dostawa będzie bezpłatna"): the amount a basket
must reach, not what delivery costs.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal

from consistency_lint.facts.attributes import Attribute, Scope
from consistency_lint.model import Bound, Confidence, Document, Fact, Value, ValueMatch, ValueType
from consistency_lint.nlp.analysis import AnalysedSegment, Token
from consistency_lint.nlp.frames import SentenceFrames
from consistency_lint.nlp.lexicon import language_profile
from consistency_lint.values.extraction import extract_values

CUE_SLACK = 1  # a cue's words may stand this many words further apart ("dostawa jest bezpłatna")
NOT_STATED_IN = frozenset({"title", "heading"})


def unconditional_offers(document: Document, analysed: AnalysedSegment,
                         attributes: Sequence[Attribute], company: str,
                         language: str) -> Iterator[Fact]:
    """A fact of threshold zero for each offer a paragraph names without its condition."""
    currency = language_profile(language).dash_amount_currency
    segment = analysed.segment
    if currency is None or segment.kind in NOT_STATED_IN:
        return
    conditions = _offer_conditions(attributes)
    negations = language_profile(language).negations
    for sentence in analysed.sentences if conditions else ():
        lemmas = [token.lemma.lower() for token in sentence.tokens]
        if negations & set(lemmas):
            continue
        for attribute in conditions:
            found = _compact_cue(lemmas, attribute.cue_lemmas(language))
            if found is None or extract_values(segment.text[sentence.start:sentence.end],
                                               language, frozenset({attribute.type})):
                continue
            start, end = sentence.tokens[found[0]].start, sentence.tokens[found[1]].end
            yield Fact(subject=company, attribute=attribute.name,
                       text=segment.written_text(start, end),
                       value=Value(attribute.type, currency, Decimal(0), Decimal(0),
                                   Bound.AT_LEAST, segment.text[start:end]),
                       path=document.path, span=segment.span_of(start, end),
                       channel=document.channel, confidence=Confidence.MEDIUM,
                       sentence=segment.written_text(sentence.start, sentence.end),
                       cue=segment.text[start:end], distance=0)
            break


def offer_cue_starts(tokens: Sequence[Token], attributes: Sequence[Attribute],
                     value_type: ValueType, language: str) -> list[int]:
    """Where, in a sentence, a compact cue of an offer whose condition is of `value_type`
    starts ("dostawa będzie bezpłatna"), ascending: found once per sentence."""
    lemmas = [token.lemma.lower() for token in tokens]
    return sorted({start for attribute in _offer_conditions(attributes)
                   if attribute.type is value_type
                   for cue in attribute.cue_lemmas(language)
                   for start in _compact_starts(lemmas, cue)})


def as_condition_of_offer(match: ValueMatch, position: int, frames: SentenceFrames,
                          offer_starts: Sequence[int]) -> ValueMatch:
    """The value at token `position` of a sentence, bounded below when it stands in a clause
    of condition and the sentence names an offer (`offer_cue_starts`) outside that clause;
    else as it was."""
    if (match.value.bound is not Bound.EXACT or not offer_starts
            or not frames.in_condition(position)):
        return match
    clause = frames.clause_around(range(position, position + 1))
    inside = bisect_left(offer_starts, clause.stop) - bisect_left(offer_starts, clause.start)
    if len(offer_starts) > inside:
        return replace(match, value=replace(match.value, bound=Bound.AT_LEAST))
    return match


def _offer_conditions(attributes: Sequence[Attribute]) -> list[Attribute]:
    """The attributes that are the condition of an offer: a company's lower bound."""
    return [attribute for attribute in attributes
            if attribute.bounds == frozenset({Bound.AT_LEAST})
            and attribute.scope is Scope.COMPANY]


def without_their_condition(offers: Sequence[Fact], facts: Sequence[Fact]) -> list[Fact]:
    """The offers of a document that states none of their conditions anywhere: a page that
    says "od 1000 zł" below its "Darmowa dostawa" banner states the condition."""
    stated = {fact.attribute for fact in facts}
    return [offer for offer in offers if offer.attribute not in stated]


def _compact_cue(lemmas: list[str], cues: Sequence[tuple[str, ...]]) -> tuple[int, int] | None:
    """The first and last position of the first cue whose words all stand within a few words
    of each other, in any order; None for none."""
    for cue in cues:
        found = next(_compact_occurrences(lemmas, cue), None)
        if found is not None:
            return min(found), max(found)
    return None


def _compact_starts(lemmas: list[str], cue: tuple[str, ...]) -> Iterator[int]:
    """Where the cue's first word starts a compact occurrence of it."""
    for found in _compact_occurrences(lemmas, cue):
        yield found[0]


def _compact_occurrences(lemmas: list[str], cue: tuple[str, ...]) -> Iterator[list[int]]:
    """The positions of each occurrence of the cue's words within a few words of each other,
    in any order, its first word first."""
    words = [word.lower() for word in cue]
    for at, lemma in enumerate(lemmas):
        if lemma != words[0]:
            continue
        window = range(max(0, at - len(words) - CUE_SLACK),
                       min(len(lemmas), at + len(words) + CUE_SLACK))
        positions = [at, *(next((i for i in window if lemmas[i] == word), None)
                           for word in words[1:])]
        if all(position is not None for position in positions):
            yield [position for position in positions if position is not None]
