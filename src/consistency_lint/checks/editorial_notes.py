"""`template`: notes for colleagues left in published text: a mock-up's "tutaj będzie baner
z promocją", "Kasia: sprawdzić, czy aktualne", "link podepniemy później", "(zdjęcie podmienić
po sesji)", "cena do potwierdzenia przez dział handlowy", "final visuals pending".

A note is recognised by how it is made, not by its words: it asks someone to do something in
a form no customer text uses for its reader, or speaks of the page's own parts as not there
yet. The concepts (acts of making a page, its parts, roles inside the business) are lemmas in
`rules/documents/editorial.yaml`, every inflected form counted. A clause (a sentence's part
between commas, colons, brackets, dashes or bullets) is a note when:

- it is addressed to a colleague: it opens (the sentence or an aside in brackets) with a
  person's first name (as the dictionary tags it), "@name" or a role inside the business
  ("Grafik:", "Uwaga dla działu prawnego:") and a colon or dash, and then asks for an act of
  making (also through "proszę", "trzeba") or, to a person, asks a question ("Marek, czy to
  nie powinno być 30?");
- its first verb is a bare infinitive, with no finite verb, modal, conjunction of purpose
  or question word before it in the sentence (in an aside: in the aside) and none in its
  clause ("Sprawdzić, czy cena jest aktualna.", "// tu jeszcze dopisać…"; not "Należy
  sprawdzić…", "Aby sprawdzić status, zaloguj się", "Jak zwrócić towar");
- it ends in "do" and the noun of an act ("do uzupełnienia", "do weryfikacji przez dział
  prawny", "do decyzji UX") with no verb of its own, and what is to be done is no form the
  customer fills in;
- it points at its own place on the page ("tu", "tutaj", "w tym miejscu") and names a part of
  a page (a photo, a banner, a map) that will appear or is to be made there;
- it promises, in the first person, to make a part of the page the sentence names ("link
  podepniemy później");
- in a language the text borrows from (English in a Polish text), it says how far the text
  has got or where a part of it goes ("copy pending", "Banner here: …").

A clause that speaks to the customer (a verb in the second person) is never a note, nor is
the model withdrawal form's "Niepotrzebne skreślić" (the consumer's). Markers such as TODO,
FIXME, "???" and "lorem ipsum" are blanks, reported by TEMPLATE-UNFILLED-BLANK.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import Any

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.checks.unfilled_blanks import has_blank, model_form_segments
from consistency_lint.model import Category, Confidence, Document, Finding, Severity
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import AnalysedSegment, Token
from consistency_lint.nlp.frames import GERUND_TAG, VERB_TAGS
from consistency_lint.nlp.lexicon import language_profile
from consistency_lint.nlp.twins import agrees
from consistency_lint.nlp.vocabulary import language_leaning, zipf_frequency
from consistency_lint.specs import CheckSpec, Example

EDITORIAL_NOTE = CheckSpec(
    id="TEMPLATE-EDITORIAL-NOTE",
    category=Category.TEMPLATE,
    severity=Severity.WARNING,
    summary="A note for colleagues left in published text: a mock-up's note on what will "
    "stand in a place (\"tutaj będzie baner\"), a task (\"Sprawdzić, czy cena jest "
    "aktualna\", \"do uzupełnienia przez dział prawny\"), a message to a named colleague.",
    rationale="Designers, editors and lawyers write notes into drafts; published, they tell "
    "the customer the page was never finished, and a note such as \"cena do potwierdzenia\" "
    "undermines the very promise it stands beside.",
    failing=Example("text", "Zwroty przyjmujemy przez 14 dni.\n\nTutaj będzie baner z "
                    "promocją świąteczną.\n"),
    passing=Example("text", "Zwroty przyjmujemy przez 14 dni.\n\nTutaj znajdziesz formularz "
                    "zwrotu.\n"),
)
SPECS = (EDITORIAL_NOTE,)
KIND = Kind.DOCUMENT

CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "—", "-", "[", "]", ".", "!", "?", "…",
                          "•", "·", "|", "//"})
# "(zdjęcie podmienić po sesji)", "// sprawdzić"; not "/", which joins "Pan/Pani"
ASIDE_OPENERS = frozenset({"(", "[", "//"})
ADDRESS_MARKS = frozenset({":", "–", "—", "-"})
ADDRESS_OPENERS = ASIDE_OPENERS | {"–", "—"}
ASIDE_CLOSERS = frozenset({")", "]"})
CLICK_PARTS = ("subst", "ger", "fin", "impt", "inf", "pcon", "praet")
# a working file's name: a digit or an underscore in its stem, an image's or a design's type
ASSET_NAME = re.compile(r"[\w-]*[_\d][\w-]*\.(?:jpe?g|png|gif|svg|webp|tiff?|psd|ai|fig|sketch|xd)",
                        re.IGNORECASE)
INFINITIVE_TAG, NOUN_TAG = "inf", "subst"
# a finite verb or a modal: what says who does something, which a note's task has not
FINITE_TAGS = VERB_TAGS - {INFINITIVE_TAG, GERUND_TAG}
CONJUNCTION_TAG = "comp"  # "aby", "żeby": an infinitive of purpose
COORDINATING_TAG = "conj"  # "i", "ani", "lub": what goes on its sentence
PERSONAL_PRONOUN = "ppron12"  # "nam", "mi", "Ci": the writer or the reader
MIN_FOREIGN_WORDS = 3
WRITTEN_NOUN_ZIPF = 2.0  # a noun's lemma written less than this is a homograph nobody means
MAX_ADDRESS_WORDS = 5  # "Uwaga dla działu prawnego:"
MAX_ASIDE_WORDS = 60  # what of an aside (or a sentence) a message to a colleague is read in
FIRST_NAME = "imię"  # the name type SGJP gives first names
SECOND_PERSON = ":sec"
FIRST_PERSON = ":pri:"
PERFECTIVE = ":perf"
PREPOSITION_TAG = "prep"
FOR = "do"


@dataclass(frozen=True)
class _ForeignNotes:
    labels: frozenset[str]
    markers: frozenset[str]
    states: frozenset[str]
    elements: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True)
class _Concepts:
    editing_acts: frozenset[str]
    page_making_acts: frozenset[str]
    editing_nouns: frozenset[str]
    page_elements: frozenset[str]
    draft_states: frozenset[str]
    agreements: frozenset[str]
    in_progress: tuple[tuple[str, ...], ...]
    clicks: frozenset[str]
    internal_roles: frozenset[str]
    page_deixis: tuple[tuple[str, ...], ...]
    requests: frozenset[str]
    question_words: frozenset[str]
    appearing: frozenset[str]
    customer_forms: frozenset[str]
    foreign: _ForeignNotes


@cache
def _concepts() -> _Concepts:
    data: dict[str, Any] = load_builtin_yaml("documents/editorial.yaml")
    words = {key: frozenset(str(word).lower() for word in value) for key, value in data.items()
             if key not in ("page_deixis", "foreign_notes", "in_progress")}
    foreign = {key: frozenset(str(word).lower() for word in value)
               for key, value in data["foreign_notes"].items()}
    return _Concepts(
        words["editing_acts"], words["page_making_acts"], words["editing_nouns"],
        words["page_elements"], words["draft_states"], words["agreements"],
        tuple(tuple(str(p).lower().split()) for p in data["in_progress"]), words["clicks"],
        words["internal_roles"], tuple(tuple(str(p).lower().split()) for p in data["page_deixis"]),
        words["requests"], words["question_words"], words["appearing"], words["customer_forms"],
        _ForeignNotes(foreign["labels"], foreign["markers"], foreign["states"],
                      foreign["elements"], foreign["places"]))


@dataclass(frozen=True)
class _Word:
    """A token with Morfeusz's readings of it: (lemma, full tag) pairs, of its small letters
    for a word in capitals ("NIE WYSYŁAĆ")."""

    token: Token
    language: str

    @property
    def looked_up(self) -> str:
        text = self.token.text
        return text.lower() if text.isupper() and len(text) > 1 else text

    @property
    def readings(self) -> tuple[tuple[str, str], ...]:
        return morfeusz.readings(self.looked_up) if self.token.text[:1].isalpha() else ()

    def has(self, lemmas: frozenset[str], *parts: str) -> bool:
        """Whether a reading of the word is one of `lemmas` as one of `parts` of speech; a
        word the dictionary does not know ("IT", "UX") by its letters."""
        if not self.readings:
            return self.token.text.lower() in lemmas
        return any(lemma in lemmas and tag.split(":", 1)[0] in parts
                   for lemma, tag in self.readings)

    def names(self, lemmas: frozenset[str]) -> bool:
        """Whether the word as a noun is only ever one of `lemmas`, of the nouns the language
        writes ("baner", "plik" - not "plika", a roll nobody writes of; not "Grafik", also a
        schedule and a graphic designer)."""
        if not self.readings:
            return self.token.text.lower() in lemmas
        nouns = {lemma.lower() for lemma, tag in self.readings if tag.startswith(NOUN_TAG)}
        written = {lemma for lemma in nouns
                   if zipf_frequency(lemma, self.language) >= WRITTEN_NOUN_ZIPF}
        return bool(written) and written <= lemmas

    def is_subject(self) -> bool:
        """Whether the word can only be a noun in the nominative ("klient"; not "zdjęcie",
        also an accusative): the subject of a clause, which a note for colleagues has not."""
        return bool(self.readings) and all(
            tag.startswith(NOUN_TAG) and ":nom" in tag and ":acc" not in tag.replace(".", ":")
            for _lemma, tag in self.readings)

    def asks(self, question_words: frozenset[str]) -> bool:
        """Whether the word is a form of a question word ("czego" of "co")."""
        return self.token.text.lower() in question_words or any(
            lemma.lower() in question_words for lemma, _tag in self.readings)

    @property
    def parts(self) -> frozenset[str]:
        if not self.token.text[:1].isalpha():
            return frozenset()
        return morfeusz.parts_of_speech(self.looked_up)

    def is_part(self, *parts: str) -> bool:
        return not self.parts.isdisjoint(parts)

    @property
    def only_part(self) -> str | None:
        return next(iter(self.parts)) if len(self.parts) == 1 else None

    def may_be_finite(self) -> bool:
        """Whether the word may be a finite verb or a modal, and is not more likely a noun:
        "Sklep" is the shop, not the imperative of "sklepić"; "Dostawa" is a delivery."""
        verbs = {lemma for lemma, tag in self.readings if tag.split(":", 1)[0] in FINITE_TAGS}
        if not verbs:
            return False
        nouns = {lemma for lemma, tag in self.readings if tag.startswith(NOUN_TAG)}
        return not nouns or max(self._written(verbs)) >= max(self._written(nouns))

    def _written(self, lemmas: set[str]) -> list[float]:
        return [zipf_frequency(lemma.lower(), self.language) for lemma in lemmas]

    def borrowed(self) -> bool:
        """Whether the word is more the borrowed language's (English) than this one's."""
        foreign = language_profile(self.language).spelling.untranslated
        return foreign is not None and language_leaning(
            self.text.lower(), self.language, foreign) == foreign

    def second_person(self) -> bool:
        """Whether the word is a verb in the second person ("Sklep" is no "sklep!")."""
        return any(SECOND_PERSON in tag and tag.split(":", 1)[0] in FINITE_TAGS
                   for _, tag in self.readings) and self.may_be_finite()

    @property
    def text(self) -> str:
        return self.token.text


def build(context: CheckContext) -> DocumentCheck:
    return check


def check(document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
    foreign = language_profile(document.language).spelling.untranslated
    in_form = model_form_segments([analysed.segment for analysed in segments])
    findings: list[Finding] = []
    for number, analysed in enumerate(segments):
        if number in in_form:
            continue  # the model withdrawal form's "Niepotrzebne skreślić" is the consumer's
        segment = analysed.segment
        for sentence in analysed.sentences:
            words = [_Word(token, document.language)
                     for token in sentence.tokens
                     if not segment.overlaps_placeholder(token.start, token.end)]
            if has_blank(segment.text[sentence.start:sentence.end]):
                continue
            if not words:
                continue
            if _is_note(_Sentence(words)) or (
                    foreign is not None and _foreign_note(words, document.language, foreign)):
                start, end = words[0].token.start, words[-1].token.end
                finding = EDITORIAL_NOTE.finding(
                    document, segment.span_of(start, end),
                    f"a note for colleagues left in the text: “{segment.text[start:end]}”",
                    excerpt=segment.text[start:end])
                findings.append(replace(finding, confidence=Confidence.MEDIUM))
    return findings


@dataclass(frozen=True)
class _Sentence:
    """A sentence's words and what every clause asks of the whole sentence, worked out once
    (a sentence may be a thousand tokens long: asked per clause, it would cost its square)."""

    words: Sequence[_Word]

    @cached_property
    def clauses(self) -> list[range]:
        return list(_clauses(self.words))

    @cached_property
    def is_question(self) -> bool:
        return self.words[-1].text == "?"

    @cached_property
    def speaks_to_reader(self) -> bool:
        return any(word.second_person() for word in self.words)

    @cached_property
    def blockers(self) -> list[int]:
        """Positions of what makes an infinitive after it no task: a finite verb or modal,
        a conjunction of purpose ("aby"), a question word ("jak"), the writer or the reader
        as whom it concerns ("Miło nam potwierdzić")."""
        questions = _concepts().question_words
        return [index for index, word in enumerate(self.words)
                if word.may_be_finite() or word.is_part(CONJUNCTION_TAG, PERSONAL_PRONOUN)
                or word.asks(questions)]

    @cached_property
    def names_page_element(self) -> bool:
        return any(word.names(_concepts().page_elements) for word in self.words)

    @cached_property
    def lowered(self) -> frozenset[str]:
        return frozenset(word.text.lower() for word in self.words)

    @cached_property
    def verbs(self) -> list[int]:
        """Positions of the words that may be verbs (an infinitive or a finite form)."""
        return [index for index, word in enumerate(self.words)
                if word.is_part(INFINITIVE_TAG, *FINITE_TAGS)]

    def verbs_in(self, clause: range) -> list[int]:
        verbs = self.verbs
        return verbs[bisect_left(verbs, clause.start):bisect_left(verbs, clause.stop)]

    @cached_property
    def promises(self) -> bool:
        """Whether a word may be an act of making in the first person of the future."""
        acts = _concepts().editing_acts
        return any(lemma in acts and tag.startswith("fin") and FIRST_PERSON in tag
                   and PERFECTIVE in tag for word in self.words for lemma, tag in word.readings)

    @cached_property
    def points_at_its_place(self) -> bool:
        """Whether a phrase of the page's own place ("w tym miejscu") is in the sentence."""
        words = [word.text.lower() for word in self.words]
        return next(_phrases_at(words, _concepts().page_deixis), None) is not None

    def blocked(self, start: int, end: int) -> bool:
        """Whether a blocker stands at a position from `start` up to `end`, excluded."""
        at = bisect_left(self.blockers, start)
        return at < len(self.blockers) and self.blockers[at] < end


def _is_note(sentence: _Sentence) -> bool:
    words = sentence.words
    pending = FOR in sentence.lowered
    return (any(_addressed(words[start:start + MAX_ASIDE_WORDS]) for start in _openings(words))
            or _labelled(words) or _shouted_task(sentence) or _names_an_asset(words)
            or any(_bare_task(sentence, clause) or (pending and _pending(words, clause))
                   or _in_progress_inside(words, clause)
                   or (sentence.points_at_its_place and _placed_here(words, clause))
                   or (sentence.promises and _promised(sentence, clause))
                   or _provisional(words, clause)
                   for clause in sentence.clauses))


def _shouted_task(sentence: _Sentence) -> bool:
    """ "Dopłata wynosi 50 zł SPRAWDZIĆ!!!": an act of making, in capitals, in the bare
    infinitive, with no question word before it ("JAK ZMIENIĆ HASŁO" is a heading)."""
    acts = _concepts().editing_acts
    return any(word.text.isupper() and len(word.text) > 1
               and word.has(acts, INFINITIVE_TAG) and not any(
                   sentence.words[before].asks(_concepts().question_words)
                   for before in range(index))
               for index, word in enumerate(sentence.words))


def _names_an_asset(words: Sequence[_Word]) -> bool:
    """ "zdjęcie: hero_kot_v2.jpg": the working file name of an image or a design, which no
    customer text names (not "plik .jpg", nor "pixel.gif" of a privacy policy)."""
    return any(ASSET_NAME.fullmatch(word.text) for word in words)


def _foreign_note(words: Sequence[_Word], language: str, foreign: str) -> bool:
    """ "Banner here: summer sale, final visuals pending": a sentence in the language the
    text borrows from that says how far the text has got or where a part of it goes."""
    texts = [word.text.lower() for word in words if word.text.isalpha()]
    leaning = [language_leaning(text, language, foreign) for text in texts]
    if len(texts) < MIN_FOREIGN_WORDS or leaning.count(foreign) * 2 < len(texts):
        return False
    notes = _concepts().foreign
    return bool(notes.states & set(texts)) or bool(
        notes.elements & set(texts) and notes.places & set(texts))


def _openings(words: Sequence[_Word]) -> Iterator[int]:
    """Where something may be said to a colleague: the sentence's start, each aside's and
    what follows a dash ("Reklamacje rozpatrujemy w 14 dni (Marek, czy to nie powinno być
    30?)", "Jesteśmy najtańsi – Marta, zapytasz prawników?")."""
    yield 0
    for index, word in enumerate(words[:-1]):
        if word.text in ADDRESS_OPENERS and words[index + 1].text not in ADDRESS_OPENERS:
            yield index + 1


def _clauses(words: Sequence[_Word]) -> Iterator[range]:
    start = 0
    for index, word in enumerate(words):
        if word.text in CLAUSE_MARKS:
            if index > start:
                yield range(start, index)
            start = index + 1
    if start < len(words):
        yield range(start, len(words))


def _addressed(words: Sequence[_Word]) -> bool:
    """ "Kasia: sprawdzić, czy aktualne", "@Marek – czy ta cena się zgadza?", "Uwaga dla
    działu prawnego: do uzupełnienia", "(Marek, czy to nie powinno być 30?)": a colleague
    named in the words before a colon or dash that opens the sentence or an aside (before
    a comma, a person asked a question), and then a task or a question."""
    words = words[:next((index for index, word in enumerate(words) if word.text in ")]"),
                        len(words))]
    mark = next((index for index in range(1, min(MAX_ADDRESS_WORDS + 1, len(words)))
                 if words[index].text in ADDRESS_MARKS or words[index].text == ","), None)
    if mark is None:
        return _mentioned(words)
    head = words[:mark]
    person = any(word.text == "@" or _is_mention(word) or _is_first_name(word) for word in head)
    asked = words[-1].text == "?"
    if words[mark].text == ",":
        return person and len(head) == 1 and asked
    if person:  # a question to a person; one after a department's name is a customer's
        return asked or _asks_for_an_act(words, mark)
    return any(word.has(_concepts().internal_roles, NOUN_TAG) for word in head) \
        and _asks_for_an_act(words, mark)


def _mentioned(words: Sequence[_Word]) -> bool:
    """ "@Ola zerknij proszę na ten akapit": a colleague mentioned by name at the start, and
    asked something or to do something (a verb of theirs follows)."""
    return (len(words) > 1 and _is_mention(words[0])
            and (words[-1].text == "?" or words[1].is_part(INFINITIVE_TAG, "impt")))


def _is_mention(word: _Word) -> bool:
    """ "@Ola", "@Marek": a first name written as a mention ("@sklep_xyz" is a handle)."""
    name = word.text[1:]
    return word.text.startswith("@") and name.isalpha() and _is_first_name(
        _Word(replace(word.token, text=name), word.language))


def _labelled(words: Sequence[_Word]) -> bool:
    """ "Translator's note: …", "EDIT: zakładka jeszcze nie istnieje": a label the borrowed
    language gives a note, in the few words before a colon that opens the sentence."""
    labels = _concepts().foreign.labels
    for index, word in enumerate(words[:MAX_ADDRESS_WORDS + 1]):
        if word.text == ":":
            return any(head.text.lower() in labels and (not head.readings or head.borrowed())
                       for head in words[:index])
    return False


def _asks_for_an_act(words: Sequence[_Word], mark: int) -> bool:
    """An act of making asked for after the mark, in a clause with no verb of a speaker
    ("wstawić zdjęcie", "proszę wstrzymać"; not "czy mogę zmienić")."""
    concepts = _concepts()
    return any(clause.start > mark and not _has_finite_verb(words, clause) and any(
        words[index].has(concepts.editing_acts, INFINITIVE_TAG, GERUND_TAG, "impt")
        or words[index].has(concepts.editing_nouns, NOUN_TAG) for index in clause)
        for clause in _clauses(words))


def _has_finite_verb(words: Sequence[_Word], clause: range) -> bool:
    """A verb of someone speaking in the clause: not an act asked for ("wstaw"), nor a verb
    that asks for one ("proszę wstrzymać", "trzeba skonsultować")."""
    concepts = _concepts()
    return any(words[index].is_part(*FINITE_TAGS)
               and not words[index].has(concepts.editing_acts, "impt")
               and not words[index].has(concepts.requests, *FINITE_TAGS) for index in clause)


def _is_first_name(word: _Word) -> bool:
    """A capitalised word the dictionary knows as a first name and not as a verb ("Kasia",
    "Marek"; not "Masz", which is also a rare name)."""
    return (word.text[:1].isupper() and not word.is_part(INFINITIVE_TAG, *FINITE_TAGS)
            and any(FIRST_NAME in names for names in morfeusz.name_types(word.text)))


def _bare_task(sentence: _Sentence, clause: range) -> bool:
    """ "Sprawdzić, czy cena jest aktualna.", "(zdjęcie podmienić po sesji)": the clause's
    first verb an infinitive, no finite verb, modal, conjunction of purpose or question word
    before it in the sentence, none in its clause, no second person anywhere, and not a
    question; in an aside (brackets, "//"), all that is asked of the aside alone."""
    words = sentence.words
    verbs = sentence.verbs_in(clause)
    if not verbs or words[verbs[0]].only_part != INFINITIVE_TAG:
        return False
    first = verbs[0]
    if any(words[index].is_subject() for index in range(clause.start, first)):
        return False  # "klient morze zwrócić": a subject wants a verb, a slip took it
    start = _aside_start(words, clause.start)
    if start is None:
        return False
    if start > 0 and words[start].is_part(COORDINATING_TAG):
        start = 0  # "(ani nie podejmować prób)", "(i skontaktować się)" go on the sentence
    if sentence.blocked(start, first):
        return False
    if start > 0:  # an aside is said apart from its sentence ("Znajdziesz … (podlinkować)")
        aside = words[start:_aside_end(words, start)]
        return aside[-1].text != "?" and not any(word.second_person() for word in aside) \
            and _no_verb_of_its_own(sentence, clause, verbs, first)
    if sentence.is_question or sentence.speaks_to_reader:
        return False
    return _no_verb_of_its_own(sentence, clause, verbs, first)


def _no_verb_of_its_own(sentence: _Sentence, clause: range, verbs: list[int],
                        first: int) -> bool:
    """Whether the task's clause holds no finite verb after its infinitive, but in a clause
    it opens ("podpiąć, jak będzie gotowy")."""
    words = sentence.words
    subordinate = next((index for index in range(first + 1, clause.stop)
                        if index in sentence.blockers and not words[index].may_be_finite()),
                       clause.stop)
    return not any(words[index].is_part(*FINITE_TAGS) for index in verbs[1:]
                   if index < subordinate)


def _aside_end(words: Sequence[_Word], start: int) -> int:
    """Where the aside opening at `start` ends: its closing bracket, or the sentence's end."""
    return next((index for index in range(start, len(words))
                 if words[index].text in ASIDE_CLOSERS), len(words))


def _aside_start(words: Sequence[_Word], position: int) -> int | None:
    """Where the aside holding `position` starts, 0 outside any, None where the sentence
    closes a bracket it never opened (it was cut out of a longer one, whose verbs are
    unknown: "… (zgodnie z punktem 6.2 poniżej) i dokonać"): a bracket or "//" opens a
    sentence of its own ("(zdjęcie podmienić po sesji)", "(link do cennika – podpiąć, jak
    będzie gotowy)", "… tego samego dnia // sprawdzić z magazynem")."""
    depth = 0
    for index in range(position - 1, -1, -1):
        text = words[index].text
        if text in ASIDE_CLOSERS:
            depth += 1
        elif text in ASIDE_OPENERS:
            if depth == 0:
                return index + 1
            depth -= 1 if text != "//" else 0
    return 0 if depth == 0 else None  # a bracket closed that the sentence never opened


def _pending(words: Sequence[_Word], clause: range) -> bool:
    """ "cena do potwierdzenia", "do uzupełnienia przez dział prawny": "do" and the noun of
    an act of making, ending the clause or followed by who is to do it, in a clause with no
    verb, about nothing the customer fills in."""
    concepts = _concepts()
    for index in clause:
        if words[index].text.lower() != FOR or index + 1 not in clause:
            continue
        act = words[index + 1]
        if not (act.has(concepts.editing_acts, GERUND_TAG)
                or act.has(concepts.editing_nouns, NOUN_TAG)):
            continue
        after = index + 2
        if after in clause and not _says_who_or_how(words[after]):
            continue
        if act.has(concepts.agreements, GERUND_TAG, NOUN_TAG) and not _settled_inside(
                words, after, clause):
            continue
        # the first such "do" decides: what the clause says is read once
        verbless = not any(words[i].is_part(*FINITE_TAGS) for i in clause if words[i].only_part)
        return verbless and not any(words[i].has(concepts.customer_forms, NOUN_TAG)
                                    for i in range(clause.start, index))
    return False


def _in_progress_inside(words: Sequence[_Word], clause: range) -> bool:
    """ "treść klauzuli w trakcie uzgadniania z kancelarią": an act of making in progress
    ("w trakcie", "w toku") with a party inside the business; "Zamówienie w trakcie
    weryfikacji" is the customer's order's state."""
    concepts = _concepts()
    lowered = [words[index].text.lower() for index in clause]
    for at, size in _phrases_at(lowered, concepts.in_progress):
        act = clause.start + at + size
        if act in clause and (words[act].has(concepts.editing_acts, GERUND_TAG)
                              or words[act].has(concepts.editing_nouns, NOUN_TAG)) \
                and _settled_inside(words, act + 1, clause):
            return True
    return False


def _says_who_or_how(word: _Word) -> bool:
    """What may follow "do potwierdzenia" in a note: a preposition ("przez dział", "z
    kurierem") or who decides ("do decyzji UX", "do akceptacji zarządu")."""
    return word.is_part(PREPOSITION_TAG) or _inside_the_business(word)


def _inside_the_business(word: _Word) -> bool:
    """A role inside the business, or its acronym ("UX", "IOD")."""
    return (word.text.isupper() and len(word.text) > 1) or word.has(
        _concepts().internal_roles, NOUN_TAG)


def _settled_inside(words: Sequence[_Word], after: int, clause: range) -> bool:
    """Whether what is to be agreed is agreed inside the business ("do uzgodnienia z działem
    prawnym"); "Cena do uzgodnienia z doradcą" the customer settles."""
    if after in clause and words[after].is_part(PREPOSITION_TAG):
        after += 1
    return after in clause and _inside_the_business(words[after])


def _placed_here(words: Sequence[_Word], clause: range) -> bool:
    """ "Tutaj będzie baner z promocją", "W tym miejscu wstawić zdjęcie", "Tu wstaw zdjęcie
    zespołu": the page's own place, opening the clause or beside the verb of a part of a
    page appearing or being made, said to no reader (an imperative only of what no reader
    does to a page: "wstaw", "podlinkuj"); not a link's "tutaj" ("po kliknięciu tutaj pojawi
    się podsumowanie") nor a text's own ("Polityki inne niż opisana tutaj")."""
    concepts = _concepts()
    lowered = [words[index].text.lower() for index in clause]
    place = min(_phrases_at(lowered, concepts.page_deixis), default=None)
    if place is None:
        return False
    if any(words[index].second_person()
           and not words[index].has(concepts.page_making_acts, "impt") for index in clause):
        return False  # "Tutaj wpiszesz kod"; but "Tu wstaw zdjęcie" asks an editor
    at, size = place[0] + clause.start, place[1]
    if at > clause.start and words[at - 1].has(concepts.clicks, *CLICK_PARTS):
        return False
    happening = [index for index in clause
                 if words[index].has(concepts.appearing, "bedzie", "fin")
                 or words[index].has(concepts.editing_acts, INFINITIVE_TAG, "impt", "fin")]
    beside = any(at - 1 <= index <= at + size for index in happening)
    element = any(words[index].names(concepts.page_elements) for index in clause)
    return element and bool(happening) and (at == clause.start or beside)


def _provisional(words: Sequence[_Word], clause: range) -> bool:
    """ "Nagłówek tymczasowy", "(tekst roboczy)", "grafika docelowa w przygotowaniu", "(draft
    v2 – po uwagach IOD)": a part of the page called not final by an adjective of its own
    (not "2 dni roboczych od zaliczenia modułu"), in a clause with no verb; or
    a clause of this language opened by a word the borrowed language marks unfinished text
    with ("Piwo draft w kuflu" is a beer)."""
    concepts = _concepts()
    opening = words[clause.start]
    marked = opening.text.lower() in concepts.foreign.markers and opening.borrowed()
    named = marked or any(
        words[index].has(concepts.draft_states, "adj") and any(
            neighbour in clause and words[neighbour].names(concepts.page_elements)
            and agrees(words[index].looked_up, words[neighbour].looked_up)
            for neighbour in (index - 1, index + 1)) for index in clause)
    return named and not any(words[index].may_be_finite() for index in clause)


def _promised(sentence: _Sentence, clause: range) -> bool:
    """ "Link podepniemy później", "plik PDF czeka na poprawki, podepnę go w piątek": we or I
    will make a part of the page the sentence names."""
    editing_acts = _concepts().editing_acts
    promise = any(lemma in editing_acts and tag.startswith("fin")
                  and FIRST_PERSON in tag and PERFECTIVE in tag
                  for i in clause for lemma, tag in sentence.words[i].readings)
    return promise and sentence.names_page_element


def _phrases_at(words: Sequence[str], phrases: Sequence[tuple[str, ...]]
                ) -> Iterator[tuple[int, int]]:
    """Where each of the phrases stands among the words, and its length."""
    for phrase in phrases:
        size = len(phrase)
        for at in range(len(words) - size + 1):
            if tuple(words[at:at + size]) == phrase:
                yield at, size
