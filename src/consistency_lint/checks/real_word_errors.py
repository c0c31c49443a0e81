"""`spelling`: real-word errors, which a spell checker that knows every word cannot see.

Three mechanisms:
- the language's confusion set (`rules/confusions/<language>.yaml`): words written apart
  that are one word ("po za" for "poza", "z pośród"), a phrase mixed of two ("w każdym bądź
  razie"), a word used against its meaning ("bynajmniej" without a negation) or its case
  ("tą umowę"), each with the sentence-level conditions under which it is right after all;
- a preposition before a word in none of the cases it governs ("bez dodatkową opłatę",
  `nlp.government`);
- a verb that does not agree with its plain subject ("Twoja paczka został nadana",
  `nlp.agreement`);
- a numeral and the noun it counts that do not agree ("cztery tygodni", "oba strony"),
  read from their tags (`nlp.numerals`);
- a word whose diacritic twin the words around it call for (`nlp.twins`): an adjective that
  does not agree with its noun where the twin does ("cała kwotę"), a numeral's twin before
  a genitive plural ("piec dni"), the finite verb a subject lacks ("Klienci maja prawo"), the
  first person of a verb with no subject ("Dziękuje za zamówienie");
- a word the dictionary knows but the language hardly writes, whose twin with other
  diacritics is common ("rożnymi" for "różnymi"): its frequency says it is a slip, unless a
  preposition governs it as a noun ("z rożna").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from pydantic import BaseModel, ConfigDict

from consistency_lint.builtin_data import builtin_rules_dir, load_builtin_yaml
from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.checks.spelling import UNKNOWN_WORD
from consistency_lint.model import Category, Document, Finding, Segment, Severity, Span
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.agreement import disagreeing
from consistency_lint.nlp.analysis import AnalysedSegment, Token
from consistency_lint.nlp.clause_reading import quotations
from consistency_lint.nlp.government import governed_form, only_preposition
from consistency_lint.nlp.lexicon import language_profile
from consistency_lint.nlp.numerals import agreeing_phrase
from consistency_lint.nlp.split_words import (
    NegationJoins,
    Respelling,
    SplitParticles,
    SplitPrepositions,
    negation_joined,
    particle_joined,
    preposition_joined,
)
from consistency_lint.nlp.twins import (
    FINITE,
    INFINITIVE,
    NOMINAL,
    NOUN,
    NUMERAL,
    PREPOSITION,
    agreeing_noun_twin,
    agreeing_twin,
    agrees,
    counting_twin,
    is_nominative,
    parts,
    predicate_twin,
    same_word,
    twins,
    verb_twin,
)
from consistency_lint.nlp.vocabulary import is_known, zipf_frequency
from consistency_lint.specs import CheckSpec, Example

REAL_WORD = CheckSpec(
    id="SPELLING-REAL-WORD",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    summary="Words every dictionary knows, written where the norm wants another form: "
    "\"po za\" for \"poza\", \"w każdym bądź razie\", \"bynajmniej\" for \"przynajmniej\", "
    "\"tą umowę\" for \"tę umowę\", or a rare word whose twin with other diacritics is "
    "common (\"rożnymi\" for \"różnymi\").",
    rationale="A spell checker passes these, since each word exists; readers do not. The "
    "confusion set is `rules/confusions/<language>.yaml`, each entry with the conditions under "
    "which the words are right after all (\"czekać na prawdę\", \"z resztą zamówienia\").",
    failing=Example("text", "Po za tym zwrot jest bezpłatny.\n"),
    passing=Example("text", "Poza tym zwrot jest bezpłatny.\n"),
)
SPECS = (REAL_WORD,)
KIND = Kind.DOCUMENT

# A word written less than this (Zipf: log10 per billion words; web text misspells, so a slip
# has a frequency of its own) is rare; a twin of another lemma at least COMMON_TWIN_ZIPF and
# TWIN_MARGIN more frequent (ten times) is the word meant.
RARE_ZIPF = 3.0
COMMON_TWIN_ZIPF = 3.0
TWIN_MARGIN = 1.0
MIN_TWIN_WORD = 4
UNINFLECTED = frozenset({"part", "comp", "conj", "adv", "interj"})
NOUN_TAG = "subst"
VOWELS = frozenset("aąeęioóuy")
CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "–", "—", "."})
THIRD_PERSON_SINGULAR, FIRST_PERSON_SINGULAR = "fin:sg:ter", "fin:sg:pri"
FINITE_PRESENT = "fin"
MAX_SUBJECT_DISTANCE = 8  # "Czy produkty z wyprzedaży również maja": the subject, words back
MORPHOLOGY_WITH_TAGS = "morfeusz"  # twins are read from its tags


class Confusion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    wrong: str
    right: str
    unless_next: tuple[str, ...] = ()
    unless_previous_lemmas: tuple[str, ...] = ()
    unless_noun_next: bool = False
    unless_in_sentence: tuple[str, ...] = ()
    only_after: tuple[str, ...] = ()
    when_next: tuple[str, ...] = ()
    unless_next_tags: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.wrong.lower().split())


class DoubleDegree(BaseModel):
    """A word of degree before a word already in that degree ("bardziej korzystniejsza")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: frozenset[str]
    parts: frozenset[str]
    degrees: frozenset[str]


class _ConfusionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    confusions: tuple[Confusion, ...]
    # a preposition that takes its vowel before a word opening with `before` and a
    # consonant ("w" -> "we Wrocławiu", "z" -> "ze szkoły")
    vocalised: tuple[Respelling, ...] = ()
    negation_joins: NegationJoins | None = None
    split_prepositions: SplitPrepositions | None = None
    split_particles: SplitParticles | None = None
    double_degree: DoubleDegree | None = None


@dataclass(frozen=True)
class ConfusionSet:
    by_first: dict[str, tuple[Confusion, ...]]  # by the first word of each wrong form
    vocalised: dict[str, tuple[str, str]]  # plain preposition -> (letters before, full form)
    negation_joins: NegationJoins | None = None
    split_prepositions: SplitPrepositions | None = None
    split_particles: SplitParticles | None = None
    double_degree: DoubleDegree | None = None


@cache
def confusions(language: str) -> ConfusionSet:
    """The language's confusion set (none for a language without a file)."""
    if not (builtin_rules_dir() / "confusions" / f"{language}.yaml").is_file():
        return ConfusionSet({}, {})
    data = _ConfusionFile.model_validate(load_builtin_yaml(f"confusions/{language}.yaml"))
    by_first: dict[str, list[Confusion]] = {}
    for confusion in data.confusions:
        by_first.setdefault(confusion.words[0], []).append(confusion)
    return ConfusionSet({first: tuple(found) for first, found in by_first.items()},
                        {item.plain: (item.before, item.written) for item in data.vocalised},
                        data.negation_joins, data.split_prepositions, data.split_particles,
                        data.double_degree)


def build(context: CheckContext) -> DocumentCheck:
    return check


def check(document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
    known = confusions(document.language)
    # the checks that read Morfeusz's tags, for a language whose words it tags
    tagged = language_profile(document.language).morphology == MORPHOLOGY_WITH_TAGS
    findings: list[Finding] = []
    for analysed in segments:
        for sentence in analysed.sentences:
            findings.extend(_sentence(document, analysed.segment, sentence.tokens, known,
                                      tagged))
    return findings


@dataclass(frozen=True)
class _Sentence:
    """A sentence's tokens and what the checks ask of it, each worked out once: a sentence
    may be a thousand tokens long, and a question asked per token of every other token
    would cost its square."""

    tokens: Sequence[Token]
    lowered: tuple[str, ...]

    @cached_property
    def texts(self) -> tuple[str, ...]:
        return tuple(token.text for token in self.tokens)

    @cached_property
    def clause_starts(self) -> list[int]:
        """Where each clause starts (the position after a clause's end mark)."""
        return [0, *(index + 1 for index, word in enumerate(self.lowered)
                     if word in CLAUSE_ENDS)]

    def clause(self, position: int) -> range:
        starts = self.clause_starts
        at = bisect_right(starts, position) - 1
        end = starts[at + 1] - 1 if at + 1 < len(starts) else len(self.lowered)
        return range(starts[at], end)

    @cached_property
    def finite(self) -> list[int]:
        """The positions of the words that may be finite verbs, in order."""
        return [index for index, token in enumerate(self.tokens) if parts(token.text) & FINITE]

    def other_finite_in(self, clause: range, position: int) -> bool:
        """Whether a word of the clause other than `position` may be a finite verb."""
        finite = self.finite
        found = bisect_left(finite, clause.stop) - bisect_left(finite, clause.start)
        at = bisect_left(finite, position)
        own = 1 if at < len(finite) and finite[at] == position else 0
        return found - own > 0

    @cached_property
    def quoted(self) -> frozenset[int]:
        """The positions of the words inside quotation marks."""
        return frozenset(position for inside in quotations(self.lowered) for position in inside)

    @cached_property
    def first_person(self) -> frozenset[int]:
        """The writer's own verbs in the first person singular, not a quoted button's
        („Odstępuję od umowy”)."""
        return frozenset(index for index, token in enumerate(self.tokens)
                         if index not in self.quoted and parts(token.text) == {FINITE_PRESENT}
                         and _has_tag(token.text, FIRST_PERSON_SINGULAR)
                         and not _has_tag(token.text, THIRD_PERSON_SINGULAR))

    @cached_property
    def subjects(self) -> frozenset[int]:
        """The nouns and pronouns in the nominative that no preposition governs."""
        tokens = self.tokens
        return frozenset(index for index, token in enumerate(tokens)
                         if token.text.isalpha() and is_nominative(token.text)
                         and not (index > 0 and PREPOSITION in parts(tokens[index - 1].text)))


def finalise(findings: list[Finding]) -> list[Finding]:
    """One explanation per word: a word this check reports ("z tąd": "stąd") is not also an
    unknown word ("tąd") to add to the dictionary."""
    explained: dict[str, list[Span]] = {}
    for finding in findings:
        if finding.rule == REAL_WORD.id:
            explained.setdefault(finding.path, []).append(finding.span)
    return [finding for finding in findings
            if finding.rule != UNKNOWN_WORD.id or not any(
                _inside(finding.span, outer) for outer in explained.get(finding.path, ()))]


def _inside(span: Span, outer: Span) -> bool:
    return (outer.line, outer.column) <= (span.line, span.column) \
        and (span.end_line, span.end_column) <= (outer.end_line, outer.end_column)


def _sentence(document: Document, segment: Segment, tokens: Sequence[Token],
              known: ConfusionSet, tagged: bool) -> Iterator[Finding]:
    sentence = _Sentence(tokens, tuple(token.text.lower() for token in tokens))
    skip_to = 0
    for position in range(len(tokens)):
        if position < skip_to or segment.overlaps_placeholder(tokens[position].start,
                                                              tokens[position].end):
            continue
        found = _confusion(sentence, position, known, document.language)
        if found is None and tagged:
            found = (_counted(sentence, position)
                     or _misgoverned(sentence, position, document.language)
                     or _twin(sentence, position, document.language)
                     or _unagreed(sentence, position))
        if found is None:
            continue
        end, right = found
        first, last = tokens[position], tokens[end - 1]
        written = segment.text[first.start:last.end]
        correction = _cased(right, written)
        span = segment.span_of(first.start, last.end)
        yield REAL_WORD.finding(document, span, f"“{written}”: did you mean “{correction}”?",
                                excerpt=written,
                                suggestions=(correction,) if span.holds_exactly(written) else ())
        skip_to = end


def _confusion(sentence: _Sentence, position: int, known: ConfusionSet,
               language: str) -> tuple[int, str] | None:
    """The end of a wrong form of the confusion set starting at `position`, and its right
    form; or a preposition that takes its vowel before the next word ("w Wrocławiu")."""
    for confusion in known.by_first.get(sentence.lowered[position], ()):
        end = position + len(confusion.words)
        if sentence.lowered[position:end] == confusion.words \
                and not _right_after_all(confusion, sentence, position, end):
            return end, confusion.right
    joined = _joined(sentence, position, known, language) or _degree_once(
        sentence, position, known.double_degree)
    if joined is not None:
        return position + 2, joined
    full = known.vocalised.get(sentence.lowered[position])
    if full is not None and position + 1 < len(sentence.tokens):
        following = sentence.lowered[position + 1]
        letters, word = full
        if len(following) > 1 and following[0] in letters and following[1] not in VOWELS:
            return position + 1, word
    return None


def _joined(sentence: _Sentence, position: int, known: ConfusionSet,
            language: str) -> str | None:
    """The word that the one at `position` and the next make, written apart (`nlp.split_words`)."""
    if position + 1 >= len(sentence.tokens):
        return None
    first, second = sentence.tokens[position].text, sentence.tokens[position + 1].text
    joins, prepositions, particles = (known.negation_joins, known.split_prepositions,
                                      known.split_particles)
    before = sentence.tokens[position - 1].text if position > 0 else ""
    return ((joins and negation_joined(first, second, frozenset(sentence.lowered), joins,
                                       language, before))
            or (prepositions and preposition_joined(first, second, prepositions, language))
            or (particles and particle_joined(first, second, particles, language)) or None)


def _degree_once(sentence: _Sentence, position: int,
                 double: DoubleDegree | None) -> str | None:
    """ "bardziej korzystniejsza" -> "korzystniejsza": a word of degree before an adjective
    or adverb every reading of which is already in a higher degree; "mniej więcej" is no
    adjective."""
    if (double is None or position + 1 >= len(sentence.tokens)
            or sentence.lowered[position] not in double.words):
        return None
    word = sentence.tokens[position + 1].text
    readings = morfeusz.readings(word.lower())
    if readings and all(tag.split(":", 1)[0] in double.parts
                        and tag.rsplit(":", 1)[-1] in double.degrees for _lemma, tag in readings):
        return word
    return None


def _counted(sentence: _Sentence, position: int) -> tuple[int, str] | None:
    """ "cztery tygodni", "oba strony": a numeral and the noun after it that do not agree
    (`nlp.numerals`), with the two words as they would."""
    if position + 1 >= len(sentence.tokens):
        return None
    numeral, noun = sentence.tokens[position].text, sentence.tokens[position + 1].text
    if not (numeral.isalpha() and noun.isalpha()) or noun[:1].isupper():
        return None  # "Trzy Korony", a name
    phrase = agreeing_phrase(numeral, noun)
    return None if phrase is None else (position + 2, phrase)


def _misgoverned(sentence: _Sentence, position: int,
                 language: str) -> tuple[int, str] | None:
    """ "bez dodatkową opłatę", "dla klient": a preposition before a word in none of the
    cases it governs (`nlp.government`), with the form it wants."""
    if position + 1 >= len(sentence.tokens):
        return None
    preposition, word = sentence.tokens[position].text, sentence.tokens[position + 1].text
    if not (preposition.isalpha() and word.isalpha() and word.islower()) \
            or not only_preposition(preposition):
        return None  # a name ("w Inpost"), or "jak" that may ask how
    form = governed_form(preposition.lower(), word)
    if form is None or any(governed_form(preposition.lower(), twin) is None
                           for twin in twins(word, language)):
        return None  # "na pól roku": a twin the preposition governs ("pół") was meant
    return (position + 2, f"{preposition} {form}")


def _unagreed(sentence: _Sentence, position: int) -> tuple[int, str] | None:
    """ "Twoja paczka został nadana", "Nasi doradcy chętnie pomoże": a verb that does not
    agree with its plain subject (`nlp.agreement`), with the form that would."""
    form = disagreeing(sentence.texts, position)
    return None if form is None else (position + 1, form)


def _twin(sentence: _Sentence, position: int, language: str) -> tuple[int, str] | None:
    """A word whose diacritic twin the words around it call for (`nlp.twins`)."""
    token = sentence.tokens[position]
    word = token.text
    if (not word.isalpha()
            or word.isupper() or (position > 0 and word[:1].isupper())
            or not twins(word, language)):
        return None
    after = sentence.tokens[position + 1].text if position + 1 < len(sentence.tokens) else ""
    before = sentence.tokens[position - 1].text if position > 0 else ""
    twin = None
    if after.isalpha():
        following = (sentence.tokens[position + 2].text
                     if position + 2 < len(sentence.tokens) else "")
        twin = agreeing_twin(word, after, language) or agreeing_noun_twin(
            word, after, following, language) or (
            None if _is_number(before) else counting_twin(word, after, language))
    if twin is None:
        twin = _predicate_twin(sentence, position, before, language)
    if twin is None:
        twin = _person_twin(sentence, position, language)
    if twin is None:
        twin = _common_twin(token, before, language) or _function_twin(word, before, after,
                                                                       language)
    return None if twin is None else (position + 1, twin)


def _predicate_twin(sentence: _Sentence, position: int, before: str,
                    language: str) -> str | None:
    """ "Klienci (również) maja prawo", "Realizacja zamówienia morze potrwać": a subject, or
    an infinitive after, and a word whose twin is the finite verb its clause lacks."""
    word = sentence.tokens[position].text
    after = sentence.tokens[position + 1].text if position + 1 < len(sentence.tokens) else ""
    if (after.isalpha() and agrees(word, after)) or (before and PREPOSITION in parts(before)):
        return None  # "jak zwykłą reklamację", "nad morze": an adjective or a governed noun
    clause = sentence.clause(position)
    if sentence.other_finite_in(clause, position):
        return None
    if after.isalpha() and parts(after) == {INFINITIVE}:
        return verb_twin(word, language)
    subject = _subject_before(sentence, position, clause)
    return None if subject is None else predicate_twin(word, subject, language)


def _subject_before(sentence: _Sentence, position: int, clause: range) -> str | None:
    """The nearest word before in the clause, a few words back at most, that may be its
    subject: a noun or pronoun in the nominative that no preposition governs ("Czy produkty
    z wyprzedaży również")."""
    tokens = sentence.tokens
    for index in range(position - 1, max(clause.start, position - MAX_SUBJECT_DISTANCE) - 1, -1):
        if index in sentence.subjects and parts(tokens[index].text) <= NOMINAL:
            return tokens[index].text
    return None


def _person_twin(sentence: _Sentence, position: int, language: str) -> str | None:
    """ "Dziękuje za zamówienie", "Sprawdzę status i wyśle potwierdzenie": a verb in the
    third person whose twin is the first person, in a sentence whose writer speaks in it
    elsewhere, or with no subject where the language writes the verb so at least as often
    (not one a rule or a page says of itself: "obowiązuje od 1 listopada")."""
    word = sentence.tokens[position].text
    if parts(word) != {FINITE_PRESENT} or not _has_tag(word, THIRD_PERSON_SINGULAR):
        return None  # "sklepie" is a noun first, and "sklepić" a verb hardly anyone writes
    twin = next((twin for twin in twins(word, language)
                 if _has_tag(twin, FIRST_PERSON_SINGULAR)), None)
    if twin is None:
        return None
    if sentence.first_person - {position}:
        return twin  # the writer speaks in the first person elsewhere in the sentence
    if zipf_frequency(twin.lower(), language) < zipf_frequency(word.lower(), language):
        return None
    return None if sentence.subjects - {position} else twin


def _is_number(word: str) -> bool:
    """ "5 pól formularza": a count before the word makes it a plural noun."""
    return word[:1].isdigit() or NUMERAL in parts(word)


def _has_tag(word: str, tag_start: str) -> bool:
    return any(tag.startswith(tag_start) for _lemma, tag in morfeusz.readings(word))


@dataclass(frozen=True)
class _Around:
    """The words around a wrong form of the confusion set, as its conditions read them."""

    sentence: _Sentence
    start: int
    end: int

    @property
    def after(self) -> str | None:
        lowered = self.sentence.lowered
        return lowered[self.end] if self.end < len(lowered) else None

    @property
    def before(self) -> str | None:
        return self.sentence.lowered[self.start - 1] if self.start > 0 else None

    @cached_property
    def next_tags(self) -> list[set[str]]:
        """Each reading of the next word as the set of its tag's parts ("acc", "f")."""
        if self.after is None:
            return []
        return [set(tag.replace(".", ":").split(":"))
                for _, tag in morfeusz.readings(self.sentence.tokens[self.end].text)]

    @property
    def previous_lemmas(self) -> set[str]:
        if self.start == 0:
            return set()
        return {lemma for lemma, _ in morfeusz.readings(self.sentence.tokens[self.start - 1].text)}


def _right_after_all(confusion: Confusion, sentence: _Sentence, start: int, end: int) -> bool:
    """Whether a condition of the confusion says the words are right where they stand."""
    around = _Around(sentence, start, end)
    return any(condition(confusion, around) for condition in _CONDITIONS)


def _next_is_one_of(confusion: Confusion, around: _Around) -> bool:
    return around.after in confusion.unless_next


def _not_after_its_word(confusion: Confusion, around: _Around) -> bool:
    return bool(confusion.only_after) and around.before not in confusion.only_after


def _noun_next(confusion: Confusion, around: _Around) -> bool:
    return confusion.unless_noun_next and any(NOUN_TAG in tags for tags in around.next_tags)


def _sentence_has(confusion: Confusion, around: _Around) -> bool:
    return not set(confusion.unless_in_sentence).isdisjoint(around.sentence.lowered)


def _governed(confusion: Confusion, around: _Around) -> bool:
    return not set(confusion.unless_previous_lemmas).isdisjoint(around.previous_lemmas)


def _next_read_as(confusion: Confusion, around: _Around) -> bool:
    return any(not set(confusion.unless_next_tags).isdisjoint(tags) for tags in around.next_tags)


def _next_not_read_as(confusion: Confusion, around: _Around) -> bool:
    return bool(confusion.when_next) and not any(
        set(pattern.split(":")) <= tags for pattern in confusion.when_next
        for tags in around.next_tags)


_CONDITIONS = (_next_is_one_of, _not_after_its_word, _noun_next, _sentence_has, _governed,
               _next_read_as, _next_not_read_as)


def _cased(right: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return right.upper()
    return right[:1].upper() + right[1:] if written[:1].isupper() else right


def _function_twin(word: str, before: str, after: str, language: str) -> str | None:
    """ "Możesz tez zapisać", "nie musisz wiec podawać": a noun ("tez" of "teza", "wiec")
    standing where no noun phrase has it (no preposition, numeral or adjective of its own
    before or after, no noun before whose genitive it may be), whose twin is a word that
    does not inflect ("też", "więc") written ten times as often."""
    if not word.islower() or parts(word) != {NOUN}:
        return None
    for other in (before, after):
        if other.isalpha() and (parts(other) & {PREPOSITION, NUMERAL} or agrees(other, word)
                                or agrees(word, other)):
            return None
    if before.isalpha() and NOUN in parts(before) and _has_tag(word, f"{NOUN}:pl:gen"):
        return None  # "autor tez": a noun's genitive
    used = zipf_frequency(word, language)
    return next((twin for twin in twins(word, language)
                 if parts(twin) & UNINFLECTED and NOUN not in parts(twin)
                 and zipf_frequency(twin, language) >= used + TWIN_MARGIN), None)


def _common_twin(token: Token, before: str, language: str) -> str | None:
    """The common word a rare one was meant to be, differing only by diacritics
    ("rożnymi"), of another word, not another form of it ("zimą", "zima"); not a noun a
    preposition governs ("z rożna", "na rożnie")."""
    word = token.text
    if len(word) < MIN_TWIN_WORD:
        return None
    used = zipf_frequency(word.lower(), language)
    if used >= RARE_ZIPF or not is_known(word, language):
        return None
    if NOUN in parts(word) and before and PREPOSITION in parts(before):
        return None
    found = [twin for twin in twins(word, language)
             if zipf_frequency(twin.lower(), language) >= max(COMMON_TWIN_ZIPF,
                                                               used + TWIN_MARGIN)
             and not same_word(word, twin)]  # "zimą" is no slip for "zima"
    return found[0] if found else None
