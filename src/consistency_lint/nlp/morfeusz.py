"""Morfeusz 2 (its wheel ships the SGJP dictionary, so it works offline), shared per process."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import morfeusz2

UNKNOWN_TAG = "ign"
# Longer than any word ("dziewięćsetdziewięćdziesięciodziewięcionarodowościowy" has 53
# letters): a longer token is no word, and is not analysed (nor kept in the caches below).
MAX_WORD_CHARS = 64
Analysis = tuple[int, int, tuple[str, ...]]
ARCHAIC = "daw."  # the qualifier SGJP gives archaic forms
NEGATION = "nie"


@cache
def _morfeusz() -> morfeusz2.Morfeusz:
    import morfeusz2  # here: its dictionary loads only when a word is analysed

    return morfeusz2.Morfeusz(expand_tags=False)


def _graph(surface: str) -> list[Analysis]:
    """Morfeusz's analyses of `surface`; none for a token too long to be a word."""
    if len(surface) > MAX_WORD_CHARS:
        return []
    graph: list[Analysis] = _morfeusz().analyse(surface)
    return graph


def _bare_lemma(lemma: str) -> str:
    """Morfeusz lemmas carry homonym markers (`rok:Sm3~lata`); keep the word."""
    return lemma.split(":", 1)[0]


@lru_cache(maxsize=200_000)
def analyses(surface: str) -> tuple[tuple[str, str], ...]:
    """(lemma, part-of-speech) pairs Morfeusz knows for `surface`; empty if it knows none."""
    found = []
    for _start, _end, (_form, lemma, tag, *_rest) in _graph(surface):
        part_of_speech = tag.split(":", 1)[0]
        if part_of_speech != UNKNOWN_TAG:
            found.append((_bare_lemma(lemma), part_of_speech))
    return tuple(dict.fromkeys(found))


def knows(surface: str) -> bool:
    """Whether Morfeusz knows the word, asked without filling the caches (for candidates
    made up to be tried: "morze" -> "może", "mórze", "morzę"...)."""
    return any(tag.split(":", 1)[0] != UNKNOWN_TAG for _s, _e, (_f, _l, tag, *_r)
               in _graph(surface))


@lru_cache(maxsize=200_000)
def readings(surface: str) -> tuple[tuple[str, str], ...]:
    """(lemma, full tag) pairs Morfeusz knows for `surface` ("podepniemy": ("podpiąć",
    "fin:pl:pri:perf")); empty if it knows none."""
    return tuple(dict.fromkeys(
        (_bare_lemma(lemma), tag) for _start, _end, (_form, lemma, tag, *_rest) in _graph(surface)
        if tag.split(":", 1)[0] != UNKNOWN_TAG))


@lru_cache(maxsize=200_000)
def parts_of_speech(surface: str) -> frozenset[str]:
    """The parts of speech of every reading of `surface` ("może": part, interj, fin)."""
    return frozenset(tag.split(":", 1)[0] for _lemma, tag in readings(surface))


@lru_cache(maxsize=50_000)
def imperative(surface: str) -> bool:
    """Whether the word may be an imperative ("Wróć", "Pobierz", "Dowiedz")."""
    return any(tag.startswith("impt") for _lemma, tag in readings(surface))


@lru_cache(maxsize=50_000)
def name_types(surface: str) -> tuple[tuple[str, ...], ...]:
    """The dictionary's name types of each reading of `surface` ("Kasia": (("imię",),))."""
    return tuple(tuple(names) for _start, _end, (_form, _lemma, _tag, names, *_rest)
                 in _graph(surface))


def is_preposition(surface: str) -> bool:
    """Whether the word may be a preposition in its own form ("do", "od", "na")."""
    form = surface.lower()
    return any(part_of_speech == "prep" and lemma_text == form
               for lemma_text, part_of_speech in analyses(form))


@lru_cache(maxsize=50_000)
def agreement(surface: str, lemma: str, part_of_speech: str) -> frozenset[tuple[str, str]]:
    """The (number, gender) pairs of `surface` read as `lemma` of `part_of_speech` ("go" as
    the pronoun "on": singular masculine or neuter; "zwrot": singular masculine): what a
    pronoun must share with the noun it stands for."""
    pairs: set[tuple[str, str]] = set()
    for _start, _end, (_form, found, tag, *_rest) in _graph(surface):
        fields = tag.split(":")
        if (fields[0] == part_of_speech and len(fields) > 3
                and _bare_lemma(found).lower() == lemma.lower()):
            pairs.update((number, gender) for number in fields[1].split(".")
                         for gender in fields[3].split("."))
    return frozenset(pairs)


@lru_cache(maxsize=20_000)
def knows_whole(surface: str) -> bool:
    """Whether one analysis covers all of `surface`: "e-mail" yes; "dostawe-ekspres" no,
    though Morfeusz analyses "ekspres" in it."""
    graph = _graph(surface)
    last = max((end for _start, end, _ in graph), default=0)
    return any(start == 0 and end == last and tag.split(":", 1)[0] != UNKNOWN_TAG
               for start, end, (_form, _lemma, tag, *_rest) in graph)


@lru_cache(maxsize=50_000)
def only_archaic(surface: str) -> bool:
    """Whether every analysis is marked archaic ("daw."): "sie" is an old adjective form, and
    in a text of today a "się" without its diacritic."""
    graph = [analysis for _, _, analysis in _graph(surface)
             if analysis[2].split(":", 1)[0] != UNKNOWN_TAG]
    return bool(graph) and all(ARCHAIC in analysis[4] for analysis in graph)


@lru_cache(maxsize=50_000)
def second_person_singular(surface: str) -> bool:
    """Whether the word addresses one person as "ty": a verb in the 2nd person singular
    ("możesz", "sprawdź", "Witaj") or with the "-(e)ś" ending ("dodałeś"). A form that is
    also something else ("bądź" is a conjunction too, "kup" a noun) does not count."""
    graph = _graph(surface)
    if any(tag.startswith("aglt:sg:sec") for _, _, (_f, _l, tag, *_r) in graph):
        return True
    last = max((end for _start, end, _ in graph), default=0)
    whole = [tag for start, end, (_f, _l, tag, *_r) in graph if start == 0 and end == last]
    return bool(whole) and all(":sg:sec" in tag for tag in whole)


GEOGRAPHIC_NAMES = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})
PERSONS = {"pri": "first", "sec": "second", "ter": "third"}
_PERSON_TAGS = frozenset({"fin", "bedzie", "impt", "aglt"})


@lru_cache(maxsize=50_000)
def geographic_name(surface: str) -> bool:
    """Whether the word, written with a capital, names a place ("Krakowie", "Irlandii",
    "Kalifornii"), as the dictionary's name types tell."""
    return surface[:1].isupper() and any(
        GEOGRAPHIC_NAMES & set(names) for _, _, (_f, _l, _t, names, *_r) in _graph(surface))


@lru_cache(maxsize=50_000)
def nominative_lemmas(surface: str) -> frozenset[str]:
    """The lemmas (lower case) the word may be the nominative of, as a noun or a noun-like
    adjective ("Sprzedający"): what may stand as the subject of its clause."""
    return frozenset(_bare_lemma(found).lower()
                     for _, _, (_form, found, tag, *_rest) in _graph(surface)
                     if tag.split(":", 1)[0] in ("subst", "adj")
                     and "nom" in (tag.split(":") + [""] * 3)[2].split("."))


@lru_cache(maxsize=50_000)
def verb_persons(surface: str) -> frozenset[str]:
    """The grammatical persons ("first", "second", "third") of the word as a finite verb:
    "zastrzegamy" first, "ponosisz" second, "dodaliśmy" first (its "-śmy" ending). None for
    a word that may be a noun ("sklep" is also an imperative of "sklepać")."""
    persons: set[str] = set()
    graph = _graph(surface)
    if any(tag.startswith("subst") for _, _, (_form, _lemma, tag, *_rest) in graph):
        return frozenset()
    for _, _, (_form, _lemma, tag, *_rest) in graph:
        fields = tag.split(":")
        if fields[0] in _PERSON_TAGS and len(fields) > 2 and fields[2] in PERSONS:
            persons.add(PERSONS[fields[2]])
    return frozenset(persons)


@lru_cache(maxsize=200_000)
def lemma(surface: str) -> str:
    """The most plausible lemma, lower-cased. A function word is itself ("od", not "oda");
    otherwise nouns are preferred over gerunds, verbs and
    adjectives ("umowy" is "umowa", not the adjective "umowy"); among analyses of that part
    of speech, the surface itself when it is a lemma ("Lido" is "lido", not "Lida").
    Unknown words are their own lemma. A negated participle keeps its negation: "nieużywany"
    is "nieużywać", so that it never matches "używać" ("towar używany")."""
    lowered = surface.lower()
    found = analyses(surface)
    if not found:
        return lowered
    if any(candidate.lower() == lowered and part_of_speech in _FUNCTION_WORD_TAGS
           for candidate, part_of_speech in found):
        return lowered  # "od" is the preposition, not "oda"
    best_rank = min(_rank(part_of_speech) for _, part_of_speech in found)
    candidates = [candidate.lower() for candidate, part_of_speech in found
                  if _rank(part_of_speech) == best_rank]
    chosen = lowered if lowered in candidates else candidates[0]
    if lowered.startswith(NEGATION) and not chosen.startswith(NEGATION) and _negated(surface):
        return NEGATION + chosen
    return chosen


@lru_cache(maxsize=200_000)
def lemmas(surface: str) -> frozenset[str]:
    """Every lemma Morfeusz reads `surface` as, lower-cased, where `lemma` picks one: "wady"
    is "wada" (a defect's genitive) as well as "wad" (the mineral). Left out: readings as
    a function word or a pronoun of a word that is not itself one ("nie" is not the pronoun
    "on", "od" not "oda"), and the positive lemma of a negated form ("nieużywany" is not
    "używać")."""
    chosen = lemma(surface)
    if chosen == surface.lower() and any(
            part_of_speech in _FUNCTION_WORD_TAGS for _, part_of_speech in analyses(surface)):
        return frozenset({chosen})
    return _content_lemmas(surface, verbal=True) | {chosen}


@lru_cache(maxsize=200_000)
def _content_lemmas(surface: str, verbal: bool) -> frozenset[str]:
    """The lemmas of the word's readings other than a function word, a pronoun or a negated
    form; without `verbal`, other than a verb form too (a verbal noun's verb)."""
    excluded = _NOT_CONTENT_TAGS if verbal else _NOT_CONTENT_TAGS | _VERBAL_TAGS
    return frozenset(_bare_lemma(found_lemma).lower()
                     for _start, _end, (_form, found_lemma, tag, *_rest) in _graph(surface)
                     if tag.split(":", 1)[0] not in excluded and ":neg" not in tag)


def every_lemma(surface: str, chosen: str, verbal: bool = True) -> frozenset[str]:
    """`chosen` (the tagger's lemma of `surface`) and, when it is the lemma Morfeusz picks
    too (so the word is Polish to it), every other lemma Morfeusz reads the word as: "wady"
    stands for "wada" though its chosen lemma is "wad", "pierwsze" for "pierwszy". Without
    `verbal`, not the verb a verbal noun or participle comes from: "od ujawnienia
    informacji" names no defect that "ujawniła się"."""
    if not (surface.isalpha() and chosen == lemma(surface)):
        return frozenset({chosen})
    if verbal:
        return lemmas(surface) | {chosen}
    return _content_lemmas(surface, verbal=False) | {chosen}


def _negated(surface: str) -> bool:
    """Whether Morfeusz analyses the word as a negated form only (":neg" in every tag)."""
    tags = [analysis[2] for _, _, analysis in _graph(surface)
            if analysis[2].split(":", 1)[0] != UNKNOWN_TAG]
    return bool(tags) and all(":neg" in tag for tag in tags)


_FUNCTION_WORD_TAGS = frozenset({"prep", "conj", "comp", "qub", "interj"})
_NOT_CONTENT_TAGS = _FUNCTION_WORD_TAGS | {UNKNOWN_TAG, "ppron12", "ppron3", "siebie", "aglt"}
_VERB_TAGS = frozenset({"fin", "inf", "praet", "impt", "imps", "pcon", "pant", "bedzie", "pred"})
_VERBAL_TAGS = _VERB_TAGS | {"ger", "pact", "ppas"}  # read with the verb as their lemma


def _rank(part_of_speech: str) -> int:
    if part_of_speech == "subst":
        return 0
    if part_of_speech == "ger":
        return 1
    if part_of_speech in _VERB_TAGS:
        return 2
    return 3 if part_of_speech == "adj" else 4


@lru_cache(maxsize=4096)
def inflected_forms(lemma_text: str) -> frozenset[str]:
    """Every form Morfeusz generates for a lemma, lower-cased."""
    return frozenset(form.lower() for form, *_ in _morfeusz().generate(lemma_text))


@lru_cache(maxsize=4096)
def generated(lemma_text: str) -> tuple[tuple[str, str], ...]:
    """Every (form, tag) Morfeusz generates for a lemma, forms lower-cased, in its order."""
    return tuple(dict.fromkeys((form.lower(), tag)
                               for form, _lemma, tag, *_rest in _morfeusz().generate(lemma_text)))


@lru_cache(maxsize=256)
def singular_forms(lemma_text: str, cases: frozenset[str]) -> frozenset[str]:
    """The singular forms Morfeusz generates for a noun in any of `cases` ("nom", "gen",
    ...), lower-cased: "tydzień" in the nominative, accusative and genitive is "tydzień",
    "tygodnia"."""
    found = set()
    for form, _lemma, tag, *_rest in _morfeusz().generate(lemma_text):
        fields = tag.split(":")
        if len(fields) > 2 and fields[1] == "sg" and cases & set(fields[2].split(".")):
            found.add(form.lower())
    return frozenset(found)
