"""Whether a verb agrees with its subject, and the form that would.

A finite verb of the third person agrees with its subject in number ("Nasi doradcy pomogą"),
a past-tense verb in gender too ("Twoja paczka została", "kursantki zdały"). Every word of
"Twoja paczka został nadana" is in the dictionary; their tags, read together, do not fit.

Only a verb of the third person (the first and second have their own subject: "Dostawę
liczymy od…"), other than the copula ("Najważniejsze są opinie"), with no infinitive after
it ("roszczenia należy składać"), with no "się" near it (an impersonal verb with its object
first: "Zamówienia realizuje się"), and a plain subject: the noun just before the verb,
past an adverb or two, the adjectives after it and the nouns in the genitive it heads
("Koszt przesyłki wynosi"); not a name mid-sentence ("platformy Quora podlega"), nor one of
a list ("Sprzedawca i Klient mogą", "Pani/Pan opłaciła/opłacił"), nor after a preposition,
a numeral, a verb or a participle ("Klienci posiadający konto zostaną"); and no noun in the
words after the verb that agrees with it, nor a name (the subject after its object: "Towary
wysyła Sprzedawca", "Meble przywozi Raben"). A quantity opening its clause ("Wiele osób", "Pięć
paczek") takes the verb in the third person neuter singular ("skorzystało", "dotarło").
"""

from __future__ import annotations

from collections.abc import Sequence

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.twins import triples

VERB_FORMS = frozenset({"fin", "praet", "bedzie"})
NOUN, PERSONAL_PRONOUN = "subst", "ppron3"
GERUND = "ger"
SUBJECT_PARTS = frozenset({NOUN, PERSONAL_PRONOUN, GERUND})
# what governs a noun as its object: "posiadający konto", "zmienić Regulamin"
GOVERNING = frozenset({"pact", "ppas", "fin", "praet", "inf", "impt", "ger", "bedzie"})
ADJECTIVE, GENITIVE, NOMINATIVE, THIRD_PERSON = "adj", "gen", "nom", "ter"
# what stands between a preposition and its noun: "według jej oceny", "w naszej ocenie"
DETERMINERS = frozenset({ADJECTIVE, PERSONAL_PRONOUN, "interj"})  # "jej" is both
INSERTED = frozenset({"adv", "part", "qub"})  # "chętnie", "już", "nie", "też"
LIST_WORDS = frozenset({"i", "oraz", "lub", "albo", "ani", "czy", "bądź", "a"})
REFLEXIVE = "się"
REFLEXIVE_REACH = 3  # "się" before its verb: "Zamówienia się realizuje"
# the words after a verb read for its "się" or a subject after it: a sentence's length would
# make a sentence of a thousand verbs cost its square
READ_AFTER = 30
NUMERAL, GOVERNS, PLURAL = "num", "rec", "pl"
QUANTITY: Features = ("sg", frozenset({"n"}), THIRD_PERSON)  # "Wiele osób skorzystało"
CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "–", "—", "."})
CONJUNCTIONS = frozenset({"conj", "comp"})  # "a", "i", "ale", "że" open a clause
COPULAS = frozenset({"być"})  # "Najważniejsze są opinie": its noun may be the predicate
MAX_INSERTED = 2  # adverbs between the subject and the verb
MAX_GENITIVES = 3  # "Zwrot kosztów dostawy następuje"
LIST_REACH = 3  # words before the subject where a list's conjunction makes it one of a list
INFINITIVE = "inf"
NOT_A_SUBJECT_BEFORE = frozenset({"prep", "num"})

Features = tuple[str, frozenset[str], str | None]  # number, genders, person


def _parts(word: str) -> frozenset[str]:
    return morfeusz.parts_of_speech(word.lower()) if word[:1].isalpha() else frozenset()


def _verb(tag: str) -> Features | None:
    fields = tag.split(":")
    if fields[0] not in VERB_FORMS or len(fields) < 3:
        return None
    if fields[0] == "praet":
        return fields[1], frozenset(fields[2].split(".")), None
    return fields[1], frozenset(), fields[2]


def _nominatives(word: str) -> list[Features]:
    """The number and gender of each reading of the word as a subject in the nominative."""
    return [(number, frozenset({gender}), THIRD_PERSON) for part in SUBJECT_PARTS
            for number, case, gender in triples(word.lower(), part) if case == NOMINATIVE]


def _fits(subject: Features, verb: Features) -> bool:
    number, genders, _person = subject
    verb_number, verb_genders, verb_person = verb
    if number != verb_number or (verb_person is not None and verb_person != THIRD_PERSON):
        return False
    return not verb_genders or bool(genders & verb_genders)


def _agrees(subject: str, verb: str) -> bool:
    return _fits_any(_nominatives(subject), verb)


def _fits_any(wanted: Sequence[Features], verb: str) -> bool:
    verbs = [features for _l, tag in morfeusz.readings(verb.lower())
             if (features := _verb(tag)) is not None]
    return any(_fits(own, features) for own in wanted for features in verbs)


def subject_index(words: Sequence[str], verb: int) -> int | None:
    """The position of the verb's plain subject before it, or None (see the module)."""
    at = _skip_adjectives(words, _skip_inserted(words, verb - 1))
    if at < 0 or not _parts(words[at]) or not _parts(words[at]) <= SUBJECT_PARTS:
        return None
    at = _head_of_genitives(words, at)
    return at if _plain(words, at) else None


def _skip_inserted(words: Sequence[str], at: int) -> int:
    """Back past an adverb or two between the subject and its verb ("chętnie", "już")."""
    for _ in range(MAX_INSERTED):
        if at >= 0 and _parts(words[at]) and _parts(words[at]) <= INSERTED:
            at -= 1
    return at


def _head_of_genitives(words: Sequence[str], at: int) -> int:
    """ "Koszt przesyłki wynosi": the noun a genitive before the verb belongs to."""
    for _ in range(MAX_GENITIVES):
        head = _skip_adjectives(words, at - 1)
        if head < 0 or NOUN not in _parts(words[head]) or not _may_be_genitive(words[at]):
            break
        at = head
    return at


def _genitive_plural(word: str) -> bool:
    return (PLURAL, GENITIVE) in {(number, case) for number, case, _g in triples(word.lower(),
                                                                               NOUN)}


def _may_be_genitive(word: str) -> bool:
    return any(case == GENITIVE for _n, case, _g in triples(word.lower(), NOUN))


def _plain(words: Sequence[str], at: int) -> bool:
    """Whether the noun at `at` is a plain subject: not one of a list, a preposition's, a
    numeral's, a verb's object, nor a name mid-sentence."""
    before = _skip_adjectives(words, at - 1, DETERMINERS)
    if before >= 0 and (words[before] in (",", "/")
                        or _parts(words[before]) & (NOT_A_SUBJECT_BEFORE | GOVERNING)):
        return False
    if any(word.lower() in LIST_WORDS for word in words[max(at - LIST_REACH, 0):at]):
        return False  # "użytkownik lub jego organizacja zostały"
    return not (at > 0 and words[at][:1].isupper())  # "platformy Quora podlega": a name


def _skip_adjectives(words: Sequence[str], at: int,
                     kinds: frozenset[str] = frozenset({ADJECTIVE})) -> int:
    while at >= 0 and _parts(words[at]) and _parts(words[at]) <= kinds:
        at -= 1
    return at


def disagreeing(words: Sequence[str], verb: int) -> str | None:
    """The form of the verb at `verb` that agrees with its plain subject, where the verb as
    written does not ("Twoja paczka został" -> "została"); None where it agrees or no plain
    subject is read."""
    word = words[verb]
    if not word.isalpha() or not word.islower() or not _parts(word) <= VERB_FORMS \
            or not _parts(word):
        return None
    after = words[verb + 1:verb + 1 + READ_AFTER]
    if REFLEXIVE in (text.lower() for text in (*words[max(verb - REFLEXIVE_REACH, 0):verb],
                                               *after)):
        return None
    readings = morfeusz.readings(word)
    if any(lemma in COPULAS for lemma, _tag in readings) or not all(
            (features := _verb(tag)) is not None and features[2] in (None, THIRD_PERSON)
            for _lemma, tag in readings):
        return None  # "liczymy", "znajdziesz" have their own subject; "Najważniejsze są …"
    if "/" in words[max(verb - 1, 0):verb + 2]:
        return None  # "Pani/Pan opłaciła/opłacił"
    if any(_parts(later) == {INFINITIVE} for later in words[verb + 1:verb + 3]):
        return None  # "roszczenia należy składać": the noun is the infinitive's object
    wanted = _wanted(words, verb)
    if not wanted or _fits_any(wanted, word):
        return None
    if any(_later_subject(later, word) or _name(later) for later in after):
        return None  # "Towary wysyła Sprzedawca", "Meble przywozi Raben": the subject after
    return _agreeing_form(wanted, word)


def _wanted(words: Sequence[str], verb: int) -> list[Features]:
    """What the verb must agree with: its plain subject's number and gender, or the third
    person neuter singular a quantity takes ("Wiele osób skorzystało", "Pięć paczek
    dotarło"); nothing where no subject is read."""
    subject = subject_index(words, verb)
    if subject is not None:
        return _nominatives(words[subject])
    return [QUANTITY] if _quantified(words, verb) else []


def _quantified(words: Sequence[str], verb: int) -> bool:
    """Whether the verb's subject is a quantity: a numeral that governs ("wiele", "pięć",
    "kilka") and its noun in the genitive plural, at the start of the clause."""
    noun = _skip_adjectives(words, _skip_inserted(words, verb - 1))
    numeral = _skip_adjectives(words, noun - 1)
    if numeral < 0 or not _genitive_plural(words[noun]) or not any(
            tag.startswith(NUMERAL) and GOVERNS in tag.split(":")
            and NOMINATIVE in tag.split(":")[2].split(".")
            for _lemma, tag in morfeusz.readings(words[numeral].lower())):
        return False
    before = numeral - 1
    return (before < 0 or words[before] in CLAUSE_OPENERS or not _parts(words[before])
            or bool(_parts(words[before]) & CONJUNCTIONS))


def _later_subject(word: str, verb: str) -> bool:
    """A noun after the verb that may be its subject ("wczoraj", an adverb first, is not)."""
    return bool(_parts(word)) and _parts(word) <= SUBJECT_PARTS and _agrees(word, verb)


def _name(word: str) -> bool:
    """A capitalised word the dictionary does not know: a name, which may be a subject."""
    return word[:1].isupper() and not morfeusz.readings(word)


def _agreeing_form(wanted: Sequence[Features], verb: str) -> str | None:
    for lemma, tag in morfeusz.readings(verb.lower()):
        own = tag.split(":")
        for form, other in morfeusz.generated(lemma):
            fields = other.split(":")
            features = _verb(other)
            if (features is not None and fields[0] == own[0] and fields[-1] == own[-1]
                    and any(_fits(subject_features, features) for subject_features in wanted)):
                return form
    return None
