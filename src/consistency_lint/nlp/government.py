"""What a preposition governs, and the form of a word it wants.

A Polish preposition takes its noun phrase in one or more cases ("bez" the genitive, "z" the
genitive or instrumental); Morfeusz's tags give both the cases a preposition governs and the
cases each reading of a word may be in. "bez dodatkową opłatę" has every word in the
dictionary, and no reading of "dodatkową" in the genitive.
"""

from __future__ import annotations

from functools import lru_cache

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.vocabulary import WORD_CACHE_SIZE

PREPOSITION = "prep"
CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})
POST_PREPOSITIONAL = "adjp"  # "po polsku", "po prostu": an adjective's form for a preposition
# what a preposition may also be that makes it none for sure: "jak", "niż", "a", "mimo"
NOT_ONLY_PREPOSITION = frozenset({"adv", "comp", "conj"})
# what a preposition's noun phrase may open with, each reading in a case
DECLINED = frozenset({"subst", "adj", "num", "ppron3", "ger", "pact", "ppas"})


@lru_cache(maxsize=WORD_CACHE_SIZE)
def governed_cases(preposition: str) -> frozenset[str]:
    """The cases the word governs as a preposition ("z": gen, inst); none if it is none."""
    return frozenset(field for _lemma, tag in morfeusz.readings(preposition)
                     if tag.startswith(PREPOSITION + ":")
                     for fields in tag.split(":")[1:] for field in fields.split(".")
                     if field in CASES)


def governable(surface: str, cases: frozenset[str], function_parts: frozenset[str]) -> bool:
    """Whether a preposition governing `cases` may stand before the word: a reading of it,
    other than a function word, in one of them ("za nim", "na razie"), or an adjective's
    form for a preposition ("po polsku")."""
    for _lemma, tag in morfeusz.readings(surface):
        fields = tag.split(":")
        if fields[0] == POST_PREPOSITIONAL:
            return True
        if fields[0] not in function_parts and cases & {
                case for field in fields[1:] for case in field.split(".")}:
            return True
    return False


def only_preposition(word: str) -> bool:
    """Whether the word is a preposition and no conjunction or adverb ("a", "jak" are)."""
    own = morfeusz.parts_of_speech(word.lower())
    return PREPOSITION in own and not own & NOT_ONLY_PREPOSITION


@lru_cache(maxsize=WORD_CACHE_SIZE)
def governed_form(preposition: str, word: str) -> str | None:
    """The form of `word` the preposition governs, where no reading of the word is in a case
    it governs and every reading is of a word that declines ("bez dodatkową" ->
    "dodatkowej", "od jeden" -> "jednego"); None where the word fits, or is no such word
    (an adverb: "na pewno", "za darmo"; a pronoun of a person: "na ty")."""
    cases = governed_cases(preposition)
    readings = morfeusz.readings(word)
    if not cases or not readings or any(tag.split(":", 1)[0] not in DECLINED
                                        for _lemma, tag in readings):
        return None
    if governable(word, cases, frozenset()):
        return None
    for lemma, tag in readings:
        fields = tag.split(":")
        number, gender = fields[1], fields[3] if len(fields) > 3 else ""
        for form, other in morfeusz.generated(lemma):
            parts = other.split(":")
            if (parts[0] == fields[0] and len(parts) > 3 and parts[1] == number
                    and set(parts[3].split(".")) & set(gender.split("."))
                    and cases & set(parts[2].split("."))
                    and parts[4:] == fields[4:]):
                return form
    return None
