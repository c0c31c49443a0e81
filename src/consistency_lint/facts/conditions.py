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

from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal

from consistency_lint.facts.attributes import Attribute, Scope
from consistency_lint.model import Bound, Confidence, Document, Fact, Value, ValueMatch
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


def as_condition_of_offer(match: ValueMatch, tokens: Sequence[Token], position: int,
                          frames: SentenceFrames, attributes: Sequence[Attribute],
                          language: str) -> ValueMatch:
    """The value at token `position` of a sentence, bounded below when it stands in a clause
    of condition and the sentence names an offer it can be the condition of outside that
    clause; else as it was."""
    if match.value.bound is not Bound.EXACT or not frames.in_condition(position):
        return match
    clause = frames.clause_around(range(position, position + 1))
    lemmas = [token.lemma.lower() for token in tokens]
    for attribute in _offer_conditions(attributes):
        if (attribute.type is match.value.type
                and _compact_cue(lemmas, attribute.cue_lemmas(language), outside=clause)):
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


def _compact_cue(lemmas: list[str], cues: Sequence[tuple[str, ...]],
                 outside: range = range(0)) -> tuple[int, int] | None:
    """The first and last position of the first cue whose words all stand within a few words
    of each other, in any order, its first word not in `outside`; None for none."""
    for cue in cues:
        words = [word.lower() for word in cue]
        for at, lemma in enumerate(lemmas):
            if lemma != words[0] or at in outside:
                continue
            window = range(max(0, at - len(words) - CUE_SLACK),
                           min(len(lemmas), at + len(words) + CUE_SLACK))
            positions = [next((i for i in window if lemmas[i] == word), None) for word in words]
            if all(position is not None for position in positions):
                found = [p for p in positions if p is not None]
                return min(found), max(found)
    return None
