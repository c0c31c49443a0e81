"""Frames: what the clause a value stands in is about.

"W przypadku, gdy wiadomość nie może zostać dostarczona, zachowamy ją przez trzy dni": the
three days stand in a clause about keeping (its verb "zachować"); "dostarczyć" stands in
another clause, and says nothing of them. A clause whose verbs are only light ones ("masz na
to 14 dni", "termin wynosi 14 dni") or that has none ("Czas dostawy: 3 dni") is about what a
cue nearby says. A participle is an adjective of a noun ("wiadomości wysyłanych przez
użytkownika"), a clause folded into a word: it is no verb of the clause, and a cue that
stands in the clause only as one does not say what the clause is about. A pronoun of the
clause carries a noun of another clause into it ("zwrot pieniędzy …, przekażemy go w ciągu 14
dni"). A gerund governed
by a preposition ("z wniesieniem", "po zaksięgowaniu") names a circumstance, as a noun does,
not what its clause is about: "Dostawa: Raben, 149 zł z wniesieniem" is about the delivery. A
clause of
condition or time ("Jeśli będziesz korzystać z usług po 10 dniach, zmiany zostaną przyjęte")
is a circumstance of its main clause: its numbers are about what the main clause says.

Verbs are told by their part of speech (Morfeusz's tags): a word is a verb when every
analysis of its lemma is one ("masz"; not "to", "czas", which may be predicatives too). A
language without tags has no frames, and attribution there stays with the nearest cue.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.lexicon import language_profile

# Parts of speech of a verb that says what its clause is about: finite forms, the past, the
# imperative, impersonal forms, the infinitive, and the gerund ("od zamieszczenia zmian").
VERB_TAGS = frozenset({"fin", "praet", "impt", "imps", "inf", "pred", "bedzie", "ger", "winien"})
PARTICIPLE_TAGS = frozenset({"pact", "ppas"})
GERUND_TAG, PREPOSITION_TAG = "ger", "prep"
NOUN_TAG, PRONOUN_TAG, PRONOUN_LEMMA = "subst", "ppron3", "on"  # a third-person pronoun
FRAME_ENDS = frozenset({",", ";", "(", ")"})  # not ":": "Termin: 14 dni"


@dataclass(frozen=True)
class Frame:
    """A value's clause: its positions, the positions of its words that are participles,
    and whether a verb other than a light one stands in it (then it is about that verb)."""

    clause: range
    participles: frozenset[int]
    has_content_verb: bool
    pronouns: frozenset[tuple[str, str]] = frozenset()  # their (number, gender) pairs
    asides: frozenset[int] = frozenset()  # brackets the clause runs across, with their words

    def contains(self, position: int) -> bool:
        """Whether the word at `position` is the clause's own, not an aside's."""
        return position in self.clause and position not in self.asides

    def holds(self, positions: Sequence[int]) -> bool:
        """Whether every position is in the clause, and none of them is a participle."""
        return all(self.contains(position) and position not in self.participles
                   for position in positions)


class SentenceFrames:
    """The frames of the values of one sentence: its clause ends found once, and each clause's
    words told apart once, so that a value costs a few bisections, not a pass over its clause
    (a clause of thousands of values stays linear)."""

    def __init__(self, tokens: Sequence[Token], language: str) -> None:
        self.tokens = tokens
        self.ends = [i for i, token in enumerate(tokens) if token.text in FRAME_ENDS]
        self._closing = _bracket_pairs(tokens)  # "(" position: its ")" position
        self._opening = {closing: opening for opening, closing in self._closing.items()}
        profile = language_profile(language)
        self.tagged = profile.morphology == "morfeusz"
        self.light = profile.light_verbs
        self.conditions = profile.condition_conjunctions
        self._clauses: dict[tuple[int, int], _ClauseWords] = {}

    def clause_around(self, own: range) -> range:
        """The clause of the value whose tokens are `own`: up to the nearest comma,
        semicolon or bracket on either side outside the value ("dziesięciu (10) dni" is one
        value)."""
        first = min(own.start, len(self.tokens))  # a link's value may lie past the last token
        last = min(max(own.stop, own.start + 1), len(self.tokens))
        before = bisect_left(self.ends, first)
        after = bisect_left(self.ends, last)
        return range(self.ends[before - 1] + 1 if before else 0,
                     self.ends[after] if after < len(self.ends) else len(self.tokens))

    def in_condition(self, position: int) -> bool:
        """Whether the word at `position` stands in a clause of condition ("…, jeśli takie
        zostało dostarczone"): a circumstance, which says nothing of another clause's values."""
        clause = self.clause_around(range(position, position + 1))
        return (self.tagged and bool(clause)
                and self.tokens[clause.start].lemma.lower() in self.conditions)

    def frame(self, own: range, skipped: range = range(0)) -> Frame:
        """The frame of the value whose tokens are `own`; the words in `skipped` (the event
        its period is counted from: "14 dni od otrzymania towaru") are no verbs of it."""
        clause, asides = self._clause_across_asides(own)
        if (not self.tagged or not clause
                or self.tokens[clause.start].lemma.lower() in self.conditions):
            return Frame(clause, frozenset(), has_content_verb=False, asides=asides)
        words = self._words(clause, asides)
        verbs = words.verbs
        outside = len(verbs) - sum(bisect_left(verbs, part.stop) - bisect_left(verbs, part.start)
                                   for part in (own, skipped) if part)
        return Frame(clause, words.participles, outside > 0, words.pronouns, asides)

    def _clause_across_asides(self, own: range) -> tuple[range, frozenset[int]]:
        """The value's clause, running on across an aside in brackets beside it, and the
        aside's positions: "Za pobranie (tylko kurier DPD) doliczamy 5 zł" is one clause
        about the cash-on-delivery fee, with an aside about the carrier. A value inside
        brackets has the bracket's clause."""
        clause = self.clause_around(own)
        asides: set[int] = set()
        while clause.start > 0 and (clause.start - 1) in self._opening:
            opening = self._opening[clause.start - 1]
            asides.update(range(opening, clause.start))
            clause = range(self.clause_around(range(opening, opening + 1)).start, clause.stop)
        while clause.stop in self._closing:
            closing = self._closing[clause.stop]
            asides.update(range(clause.stop, closing + 1))
            clause = range(clause.start, self.clause_around(range(closing, closing + 1)).stop)
        return clause, frozenset(asides)

    def _words(self, clause: range, asides: frozenset[int]) -> _ClauseWords:
        if (clause.start, clause.stop) not in self._clauses:
            verbs: list[int] = []
            participles: set[int] = set()
            pronouns: set[tuple[str, str]] = set()
            for position in (position for position in clause if position not in asides):
                token = self.tokens[position]
                parts = parts_of_speech(token)
                if parts and parts <= PARTICIPLE_TAGS:
                    participles.add(position)
                elif (parts and parts <= VERB_TAGS and token.lemma.lower() not in self.light
                      and not self._after_preposition(position, parts)):
                    verbs.append(position)
                else:  # by its form: the tagger reads "go" as the board game too
                    pronouns.update(morfeusz.agreement(token.text.lower(), PRONOUN_LEMMA,
                                                       PRONOUN_TAG))
            self._clauses[clause.start, clause.stop] = _ClauseWords(verbs, frozenset(participles),
                                                       frozenset(pronouns))
        return self._clauses[clause.start, clause.stop]

    def _after_preposition(self, position: int, parts: frozenset[str]) -> bool:
        """Whether the word at `position` is a gerund right after a preposition."""
        return (parts == {GERUND_TAG} and position > 0
                and PREPOSITION_TAG in parts_of_speech(self.tokens[position - 1]))


@dataclass(frozen=True)
class _ClauseWords:
    """A clause's verbs other than light ones (their positions, ascending), participles,
    and the (number, gender) pairs of its third-person pronouns."""

    verbs: list[int]
    participles: frozenset[int]
    pronouns: frozenset[tuple[str, str]]


def noun_agreement(form: str, lemma: str) -> frozenset[tuple[str, str]]:
    """The (number, gender) pairs of `form` as a noun of `lemma`: a pronoun of a clause that
    shares one may stand for it ("Jeżeli należy się Panu zwrot pieniędzy, przekażemy go w
    ciągu 14 dni" is about the refund: "go", "zwrot")."""
    return morfeusz.agreement(form, lemma, NOUN_TAG)


def parts_of_speech(token: Token) -> frozenset[str]:
    """The parts of speech Morfeusz gives the token's word for the lemma it was read as."""
    lemma = token.lemma.lower()
    return frozenset(part for found, part in morfeusz.analyses(token.text)
                     if found.lower() == lemma)


def _bracket_pairs(tokens: Sequence[Token]) -> dict[int, int]:
    """The position of each opening bracket that is closed in the sentence, and of the
    bracket that closes it."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    for position, token in enumerate(tokens):
        if token.text == "(":
            open_at.append(position)
        elif token.text == ")" and open_at:
            pairs[open_at.pop()] = position
    return pairs
