"""Frames: what the clause a value stands in is about.

"W przypadku, gdy wiadomość nie może zostać dostarczona, zachowamy ją przez trzy dni": the
three days stand in a clause about keeping (its verb "zachować"); "dostarczyć" stands in
another clause, and says nothing of them. A clause whose verbs are only light ones ("masz na
to 14 dni", "termin wynosi 14 dni") or that has none ("Czas dostawy: 3 dni") is about what a
cue nearby says. A participle is an adjective of a noun ("wiadomości wysyłanych przez
użytkownika"), a clause folded into a word: it is no verb of the clause, and a cue that
stands in the clause only as one does not say what the clause is about. A pronoun of the
clause carries a noun of another clause into it ("zwrot pieniędzy …, przekażemy go w ciągu 14
dni"). A clause of
condition or time ("Jeśli będziesz korzystać z usług po 10 dniach, zmiany zostaną przyjęte")
is a circumstance of its main clause: its numbers are about what the main clause says.

Verbs are told by their part of speech (Morfeusz's tags): a word is a verb when every
analysis of its lemma is one ("masz"; not "to", "czas", which may be predicatives too). A
language without tags has no frames, and attribution there stays with the nearest cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.lexicon import language_profile

# Parts of speech of a verb that says what its clause is about: finite forms, the past, the
# imperative, impersonal forms, the infinitive, and the gerund ("od zamieszczenia zmian").
VERB_TAGS = frozenset({"fin", "praet", "impt", "imps", "inf", "pred", "bedzie", "ger", "winien"})
PARTICIPLE_TAGS = frozenset({"pact", "ppas"})
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

    def holds(self, positions: Sequence[int]) -> bool:
        """Whether every position is in the clause, and none of them is a participle."""
        return all(position in self.clause and position not in self.participles
                   for position in positions)

    @property
    def has_pronouns(self) -> bool:
        return bool(self.pronouns)

    def refers_to(self, token: Token) -> bool:
        """Whether a pronoun of the clause may stand for the noun `token` of another clause,
        agreeing with it in number and gender: "Jeżeli należy się Panu zwrot pieniędzy,
        przekażemy go w ciągu 14 dni" is about the refund ("go": "zwrot")."""
        return not self.pronouns.isdisjoint(
            morfeusz.agreement(token.text, token.lemma, NOUN_TAG))


def clause_around(tokens: Sequence[Token], own: range) -> range:
    """The clause of the value whose tokens are `own`: up to the nearest comma, semicolon,
    or bracket on either side outside the value ("dziesięciu (10) dni" is one value)."""
    start = min(own.start, len(tokens))  # a link's value may lie past the last token
    while start > 0 and tokens[start - 1].text not in FRAME_ENDS:
        start -= 1
    stop = min(max(own.stop, own.start + 1), len(tokens))
    while stop < len(tokens) and tokens[stop].text not in FRAME_ENDS:
        stop += 1
    return range(start, stop)


def frame_of(tokens: Sequence[Token], own: range, skipped: range, language: str) -> Frame:
    """The frame of the value whose tokens are `own`; the words in `skipped` (the event its
    period is counted from: "14 dni od otrzymania towaru") are no verbs of the clause."""
    clause = clause_around(tokens, own)
    profile = language_profile(language)
    if (profile.morphology != "morfeusz" or not clause
            or tokens[clause.start].lemma.lower() in profile.condition_conjunctions):
        return Frame(clause, frozenset(), has_content_verb=False)
    light = profile.light_verbs
    participles: set[int] = set()
    pronouns: set[tuple[str, str]] = set()
    content = False
    for position in clause:
        if position in own or position in skipped:
            continue
        token = tokens[position]
        parts = _parts_of_speech(token)
        if parts and parts <= PARTICIPLE_TAGS:
            participles.add(position)
        elif parts and parts <= VERB_TAGS and token.lemma.lower() not in light:
            content = True
        else:  # by its form: the tagger reads "go" as the board game too
            pronouns.update(morfeusz.agreement(token.text.lower(), PRONOUN_LEMMA, PRONOUN_TAG))
    return Frame(clause, frozenset(participles), content, frozenset(pronouns))


def _parts_of_speech(token: Token) -> frozenset[str]:
    """The parts of speech Morfeusz gives the token's word for the lemma it was read as."""
    lemma = token.lemma.lower()
    return frozenset(part for found, part in morfeusz.analyses(token.text)
                     if found.lower() == lemma)
