"""`spelling` and `terminology`: words that are not Polish or English, doubled words, and
brand names spelt wrong ("Velorra" for "Velora"), with inflected forms ("Velory") accepted.

Never flagged: identifiers and names written with a capital inside ("localStorage",
"WooCommerce"), words of the project dictionary, the registry's names and aliases, template
placeholders, acronyms ("VAT", "APIs"), words with digits, abbreviations the sentence goes
on after ("z uwzgl. upustu"), English words and Latin phrases in Polish text, also with a
Polish ending ("cookies", "voucheru", "de facto"), and hyphenated compounds known whole
("e-mail") or part by part ("biało-czerwony").

Confidence: missing diacritics, words run together ("napewno") and words mixing alphabets
(a Cyrillic "o" in a Polish word) are sure; any other unknown word is medium; a capitalised
one mid-sentence (a name?), one Polish writers use though the dictionary lacks it, and one
that three or more documents use (a house term) are low, reported as info, and so is one the
language makes at will from words it knows (`derivation` of the language profile:
"pobraniowa", "deidentyfikować", "olejowosk"): taken apart, not listed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from enum import Enum
from functools import cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from consistency_lint.builtin_data import DEFAULT_LANGUAGE, languages
from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.config import project_file, read_tool_file
from consistency_lint.errors import ConfigError
from consistency_lint.loaders.source import ContentLoadError, decode
from consistency_lint.model import Category, Confidence, Document, Finding, Segment, Severity, Span
from consistency_lint.nlp.analysis import AnalysedSegment, Sentence, Token
from consistency_lint.nlp.lexicon import language_profile
from consistency_lint.nlp.morfeusz import MAX_WORD_CHARS, only_archaic
from consistency_lint.nlp.names import is_form_of
from consistency_lint.nlp.vocabulary import (
    WORD_CACHE_SIZE,
    derived,
    diacritic_suggestions,
    in_usage,
    is_foreign_word,
    is_known,
    is_loanword,
    language_leaning,
    run_together,
    scripts,
    suggestions,
    zipf_frequency,
)
from consistency_lint.specs import CheckSpec, Example

MIN_WORD_LENGTH = 3
BRAND_LETTERS_PER_EDIT = 6
# "APIs", "PDFs": an acronym with an English plural is not a misspelt word.
_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")
# A capital after a small letter inside a word: an identifier or a product's name
# ("localStorage", "HaveIbeenpwned", "WooCommerce"), never a Polish or English word to spell.
_IDENTIFIER = re.compile(r"[^\W\d_](?<=[a-ząćęłńóśźż])[A-ZĄĆĘŁŃÓŚŹŻ]")
RECURRING_IN_DOCUMENTS = 3
_BRAND_REGISTRY = {"facts.yaml": "subjects:\n  shop: {name: Sklep Meblino, aliases: [Meblino]}\n"}

UNKNOWN_WORD = CheckSpec(
    id="SPELLING-UNKNOWN-WORD",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    summary="A word that is not in the Polish dictionary (Morfeusz 2), not an English word "
    "or loanword (wordfreq), not an abbreviation; suggestions restore missing diacritics and "
    "split words run together (\"napewno\"). Unsure verdicts are info.",
    rationale="Typos and missing diacritics (\"dziekujemy\") make letters and pages look "
    "careless. Add names and brands to the project's `dictionary` file.",
    failing=Example("text", "Dziekujemy za zamówienie.\n"),
    passing=Example("text", "Dziękujemy za zamówienie.\n"),
)
DOUBLED_WORD = CheckSpec(
    id="SPELLING-DOUBLED-WORD",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    summary="The same word twice in a row (\"w w\"); not a line ending in a word that the "
    "next line starts with a capital: a title or a signature above its text (\"Zespół "
    "Edukarta\" / \"Edukarta sp. z o.o.\").",
    rationale="A doubled word is almost always an editing slip left behind when a sentence "
    "was rewritten, and a spell checker that knows every word does not catch it.",
    failing=Example("text", "Zwrot towaru jest możliwy w w ciągu 14 dni.\n"),
    passing=Example("text", "Zwrot towaru jest możliwy w ciągu 14 dni.\n"),
)
BRAND_SPELLING = CheckSpec(
    id="TERMINOLOGY-BRAND-SPELLING",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="A near miss of a brand or product name from the registry (\"Meblinno\" for "
    "\"Meblino\", \"meblino\" for \"Meblino\"); inflected forms are accepted.",
    rationale="Brand names are spelt one way in every channel; a misspelt brand looks like a "
    "different company, or a scam.",
    failing=Example("text", "Zapraszamy do salonów Meblinno.\n", config={"facts": "facts.yaml"},
                    files=_BRAND_REGISTRY),
    passing=Example("text", "Zapraszamy do salonów Meblino i do sklepu Meblina.\n",
                    config={"facts": "facts.yaml"}, files=_BRAND_REGISTRY),
)
UNTRANSLATED = CheckSpec(
    id="SPELLING-UNTRANSLATED",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    summary="A sentence of a Polish document written in English: four words or more, two "
    "thirds of them far more frequent in English than in Polish and hardly any leaning "
    "Polish (a string left untranslated); words in brackets are a gloss, not counted "
    "(\"COOKIES NIEZBĘDNE (Strictly Necessary Cookies)\").",
    rationale="English words are welcome in Polish text (\"cookies\", \"newsletter\"), so "
    "the spell check accepts them one by one; a whole English sentence on a Polish page is "
    "a translation that was never done.",
    failing=Example("text", "Podaj adres dostawy. Street and house number.\n"),
    passing=Example("text", "Podaj adres dostawy: ulicę i numer domu.\n"),
)
SPECS = (UNKNOWN_WORD, DOUBLED_WORD, BRAND_SPELLING, UNTRANSLATED)
KIND = Kind.DOCUMENT


class Verdict(NamedTuple):
    """What is wrong with a word, how sure that is, and the words to write instead."""

    message: str
    confidence: Confidence
    corrections: tuple[str, ...] = ()


class _Context(Enum):
    DECIDES = "where the word stands decides"

MIN_UNTRANSLATED_WORDS = 4  # "Black Friday Sale", "Made in Poland" are slogans
MIN_FOREIGN_SHARE = 2 / 3
MAX_OWN_SHARE = 1 / 4  # "Shipping and billing address do not match": "do" leans Polish


def build(context: CheckContext) -> DocumentCheck:
    return SpellingCheck(context).check


class SpellingCheck:
    def __init__(self, context: CheckContext) -> None:
        registry_words = context.registry.name_words
        self.accepted = _dictionary(context) | {word.lower() for word in registry_words}
        # A brand is a registry name no dictionary of the house language knows ("Meblino",
        # not "Sklep"), whatever language the project's documents are in.
        self.brands = sorted({word for word in registry_words
                              if word[:1].isupper() and not is_known(word, DEFAULT_LANGUAGE)})
        self._brands_by_prefix: dict[str, list[str]] = {}
        for brand in self.brands:
            self._brands_by_prefix.setdefault(brand[:2].lower(), []).append(brand)
        self._brand_verdicts: dict[str, str | None] = {}
        self._word_verdicts: dict[tuple[str, str], Verdict | _Context | None] = {}

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        findings: list[Finding] = []
        foreign = language_profile(document.language).spelling.untranslated
        for analysed in segments:
            for sentence in analysed.sentences:
                if foreign is not None and _in_language(analysed, sentence.tokens, foreign,
                                                        document.language):
                    findings.append(_untranslated(document, analysed, sentence, foreign))
                findings.extend(self._sentence(document, analysed, sentence.tokens))
        return findings

    def _sentence(self, document: Document, analysed: AnalysedSegment,
                  tokens: Sequence[Token]) -> Iterator[Finding]:
        segment = analysed.segment
        accepted_compounds = self._accepted_compound_tokens(segment.text, tokens,
                                                            document.language)
        previous: Token | None = None
        for position, token in enumerate(tokens):
            if segment.overlaps_placeholder(token.start, token.start + 1):
                previous = None
                continue
            if (previous is not None and token.text.isalpha()
                    and token.text.lower() == previous.text.lower()
                    and not _line_above(segment, previous, token)):
                yield DOUBLED_WORD.finding(document, segment.span_of(token.start, token.end),
                                           f"doubled word: “{previous.text} {token.text}”",
                                           excerpt=token.text)
            previous = token
            if position in accepted_compounds:
                continue
            brand = self._brand_near_miss(token.text)
            if brand is not None:
                span = segment.span_of(token.start, token.end)
                yield BRAND_SPELLING.finding(document, span,
                                             f"“{token.text}”: the name is spelt “{brand}”",
                                             excerpt=token.text, suggestions=_brand_correction(
                                                 token.text, brand, span))
                continue
            for word in self._words_to_check(token.text, document.language):
                verdict = self._verdict(word, segment.text, token, position, document.language)
                if verdict is not None:
                    span = segment.span_of(token.start, token.end)
                    # a correction of one part of a compound is no text for the whole
                    # token, nor of a word with markup inside ("dzie**ku**jemy")
                    corrections = verdict.corrections \
                        if word == token.text and span.holds_exactly(word) else ()
                    yield replace(UNKNOWN_WORD.finding(document, span, verdict.message,
                                                       excerpt=word, suggestions=corrections),
                                  confidence=verdict.confidence,
                                  severity=severity_for(verdict.confidence))

    def _words_to_check(self, text: str, language: str) -> tuple[str, ...]:
        """The token itself, or the parts of a hyphenated compound that is not known whole."""
        if "-" not in text.strip("-"):
            return (text,)
        if self._known_compound(text, language):
            return ()
        return tuple(part for part in text.split("-") if part)

    def _known_compound(self, compound: str, language: str) -> bool:
        """Known as a whole word (word frequencies are no help: they split at hyphens)."""
        loanwords = language_profile(language).spelling.loanwords
        return (compound.lower() in self.accepted or is_known(compound, language)
                or (loanwords is not None and is_known(compound, loanwords.language)))

    def _verdict(self, word: str, text: str, token: Token, position: int,
                 language: str) -> Verdict | None:
        """What is wrong with a word, and how sure that is; None for a good word. What the
        word alone decides is remembered per word form (most words are known ones). A token
        longer than any word (MAX_WORD_CHARS) is not judged as one."""
        if not word.isalpha() or len(word) > MAX_WORD_CHARS:
            return None
        key = (word, language)
        verdicts = self._word_verdicts
        if key not in verdicts:
            if len(verdicts) >= WORD_CACHE_SIZE:
                verdicts.clear()
            verdicts[key] = self._judge_word(word, language)
        verdict = verdicts[key]
        if verdict is _Context.DECIDES:
            return _unknown_word_verdict(word, text, token, position, language)
        return verdict

    def _judge_word(self, word: str, language: str) -> Verdict | _Context | None:
        """The verdict on a word wherever it stands, or DECIDES for an unknown word whose
        verdict depends on where it stands (an abbreviation? a name?)."""
        if word.lower() in self.accepted:
            return None
        verdict = _mixed_alphabets(word) or _archaic_form(word, language)
        if verdict is not None:
            return verdict
        if (self._passes(word, language) or is_foreign_word(word, language)
                or _IDENTIFIER.search(word)):
            return None
        verdict = _misspelling(word, language)
        if verdict is not None:
            return verdict
        if is_loanword(word, language):
            return None
        parts = derived(word, language)
        if parts is not None:
            return Verdict(f"“{word}” is not in the dictionary; it reads as {parts} (add it "
                           "to the dictionary if it is right)", Confidence.LOW)
        return _Context.DECIDES

    def _passes(self, word: str, language: str) -> bool:
        """Too short to judge, an acronym, a known word or a form of a brand."""
        return (len(word) < MIN_WORD_LENGTH or word.isupper() or bool(_ACRONYM_PLURAL.match(word))
                or is_known(word, language)
                or any(is_form_of(word, brand) for brand in self.brands))

    def _accepted_compound_tokens(self, text: str, tokens: Sequence[Token],
                                  language: str) -> set[int]:
        """Positions of the tokens of hyphenated compounds known as a whole ("e-commerce",
        or one the project dictionary lists): their parts are not checked one by one."""
        accepted: set[int] = set()
        for first, last in _hyphenated_runs(tokens):
            if self._known_compound(text[tokens[first].start:tokens[last].end], language):
                accepted.update(range(first, last + 1))
        return accepted

    def _brand_near_miss(self, word: str) -> str | None:
        if len(word) > MAX_WORD_CHARS:
            return None
        if word not in self._brand_verdicts:
            self._brand_verdicts[word] = self._judge_brand(word)
        return self._brand_verdicts[word]

    def _judge_brand(self, word: str) -> str | None:
        """The brand a word misspells: the brand in the wrong case ("meblino"), or a word no
        dictionary knows within a few edits of it ("Meblinno"; never "mebli")."""
        if len(word) < MIN_WORD_LENGTH + 1 or not word.isalpha() or word.isupper():
            return None
        candidates = self._brands_by_prefix.get(word[:2].lower(), ())
        if not candidates or any(is_form_of(word, brand) for brand in candidates):
            return None
        lowered = word.lower()
        for brand in candidates:
            if lowered == brand.lower():
                return brand
        if any(is_known(word, known_in) for known_in in languages()):
            return None
        for brand in candidates:
            if Levenshtein.distance(lowered, brand.lower()) <= _brand_edits(brand):
                return brand
        return None


def _line_above(segment: Segment, previous: Token, token: Token) -> bool:
    """Whether `token` opens a line of the file with a capital after `previous` ended the
    line above (loaders join a paragraph's lines)."""
    return (token.text[:1].isupper()
            and segment.position(previous.start)[0] != segment.position(token.start)[0])


def _mixed_alphabets(word: str) -> Verdict | None:
    alphabets = scripts(word)
    if len(alphabets) <= 1:
        return None
    return Verdict(f"“{word}” mixes letters of different alphabets "
                   f"({' and '.join(sorted(a.title() for a in alphabets))})", Confidence.HIGH)


def _archaic_form(word: str, language: str) -> Verdict | None:
    """A form the dictionary knows only as archaic, with a modern spelling to offer that
    today's texts use more: the dictionary marks "wraz" (of "wraz z") archaic, and "wraź",
    an imperative nobody writes, is no correction of it."""
    if not language_profile(language).spelling.archaic_forms or not only_archaic(word):
        return None
    used = zipf_frequency(word, language)
    modern = [c for c in diacritic_suggestions(word, language)
              if not only_archaic(c) and zipf_frequency(c, language) > used]
    if not modern:
        return None
    return Verdict(f"“{word}” is an archaic form; did you mean {_either(modern)}?",
                   Confidence.HIGH, tuple(modern))


def _misspelling(word: str, language: str) -> Verdict | None:
    """An unknown word with a correction: a known word near it, or two words run together."""
    corrections = [c for c in suggestions(word, language) if c.lower() != word.lower()]
    if corrections:
        return Verdict(f"unknown word “{word}”; did you mean {_either(corrections)}?",
                       Confidence.HIGH, tuple(corrections))
    separated = run_together(word, language)
    if separated is not None:
        return Verdict(f"“{word}” is written as two words: “{separated}”", Confidence.HIGH,
                       (separated,))
    return None


def _unknown_word_verdict(word: str, text: str, token: Token, position: int,
                          language: str) -> Verdict | None:
    """An unknown word with no correction to offer: none for an abbreviation the sentence
    goes on after, low confidence for a word the language's text uses or a capitalised one
    mid-sentence (a name?), medium otherwise."""
    goes_on = language_profile(language).spelling.abbreviation_goes_on
    if goes_on is not None and goes_on.match(text, token.end):
        return None
    if in_usage(word, language):
        return Verdict(f"“{word}” is not in the dictionary, though "
                       f"{language_profile(language).name} text uses it "
                       "(add it to the dictionary if it is right)", Confidence.LOW)
    if word[:1].isupper() and position > 0:
        return Verdict(f"unknown word “{word}” (a name? add it to the dictionary)",
                       Confidence.LOW)
    return Verdict(f"unknown word “{word}”", Confidence.MEDIUM)


def _either(corrections: Sequence[str]) -> str:
    return " / ".join(f"“{correction}”" for correction in corrections)


def _brand_correction(word: str, brand: str, span: Span) -> tuple[str, ...]:
    """The brand as the correction of `word`, unless `word` is an inflected form of it
    ("w Meblinie": the brand's ending would drop the case ending) or has markup inside; a
    word that ends as the brand does is the brand misspelt ("Meblinno")."""
    ends_alike = word[-1:].lower() == brand[-1:].lower()
    return (brand,) if ends_alike and span.holds_exactly(word) else ()


def _brand_edits(brand: str) -> int:
    """Edits a near miss may be away from a brand: one for a short name, where two would
    reach other words ("Lido" - "Lada"), and one more per further six letters."""
    return 1 + max(len(brand) - 1, 0) // BRAND_LETTERS_PER_EDIT


def severity_for(confidence: Confidence) -> Severity:
    """A word the check is unsure of is information, not a reason to fail a build."""
    return Severity.INFO if confidence is Confidence.LOW else Severity.WARNING


def _untranslated(document: Document, analysed: AnalysedSegment, sentence: Sentence,
                  foreign: str) -> Finding:
    text = analysed.segment.text[sentence.start:sentence.end]
    return UNTRANSLATED.finding(
        document, analysed.segment.span_of(sentence.start, sentence.end),
        f"untranslated {language_profile(foreign).name} in a "
        f"{language_profile(document.language).name} document: “{text}”", excerpt=text)


def _in_language(analysed: AnalysedSegment, tokens: Sequence[Token], foreign: str,
                 language: str) -> bool:
    """Whether a sentence of a `language` document is written in `foreign`. Words in
    brackets are a gloss of the words before them ("COOKIES NIEZBĘDNE (Strictly Necessary
    Cookies)"), not the sentence's own."""
    words = [token.text for token in _outside_brackets(tokens)
             if token.text.isalpha() and len(token.text) > 1
             and not analysed.segment.overlaps_placeholder(token.start, token.end)]
    if len(words) < MIN_UNTRANSLATED_WORDS:
        return False
    # wordfreq knows no word longer than MAX_WORD_CHARS: it leans to neither language
    leanings = [language_leaning(word, language, foreign) if len(word) <= MAX_WORD_CHARS
                else None for word in words]
    return (leanings.count(foreign) >= MIN_FOREIGN_SHARE * len(words)
            and leanings.count(language) <= MAX_OWN_SHARE * len(words))


def _outside_brackets(tokens: Sequence[Token]) -> Iterator[Token]:
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            yield token


def _hyphenated_runs(tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """(first, last) token positions of words joined by hyphens with no space between."""
    first = 0
    while first < len(tokens):
        last = first
        while (last + 2 < len(tokens) and tokens[last + 1].text == "-"
               and tokens[last].end == tokens[last + 1].start
               and tokens[last + 1].end == tokens[last + 2].start):
            last += 2
        if last > first:
            yield first, last
        first = last + 1


def finalise(findings: list[Finding]) -> list[Finding]:
    """An unknown word that several documents use the same way is more likely a term of the
    house than a typo: it becomes information, with the count."""
    kept = list(findings)
    documents: defaultdict[str, set[str]] = defaultdict(set)
    for finding in kept:
        if _demotable(finding):
            documents[finding.excerpt.casefold()].add(finding.path)
    result = []
    for finding in kept:
        count = len(documents.get(finding.excerpt.casefold(), ())) if _demotable(finding) else 0
        if count >= RECURRING_IN_DOCUMENTS:
            finding = replace(finding, severity=Severity.INFO, confidence=Confidence.LOW,
                              message=f"{finding.message}, used in {count} documents (a term? "
                              "add it to the dictionary)")
        result.append(finding)
    return result


def _demotable(finding: Finding) -> bool:
    return finding.rule == UNKNOWN_WORD.id and finding.confidence is Confidence.MEDIUM


def _dictionary(context: CheckContext) -> frozenset[str]:
    name = context.config.model.dictionary
    if name is None:
        return frozenset()
    return _read_dictionary(project_file(context.config, name, ("dictionary",)), name)


def _read_dictionary(path: Path, shown_as: str) -> frozenset[str]:
    """The project's extra words, one per line, in UTF-8 or a legacy Polish encoding; read
    once per version of the file (workers inherit what the main process read)."""
    try:
        status = path.stat()
    except OSError as error:
        raise ConfigError(f"cannot read file: {error.strerror}", shown_as) from None
    return _dictionary_words(path, status.st_mtime_ns, status.st_size, shown_as)


@cache
def _dictionary_words(path: Path, _mtime_ns: int, _size: int, shown_as: str) -> frozenset[str]:
    try:
        text = decode(read_tool_file(path, shown_as))
    except ContentLoadError as error:
        raise ConfigError(error.message, shown_as) from None
    # NFC like the documents' reader text, so a word saved decomposed still matches.
    return frozenset(unicodedata.normalize("NFC", line.strip()).lower()
                     for line in text.splitlines() if line.strip() and not line.startswith("#"))
