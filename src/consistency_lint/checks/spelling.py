"""`spelling` and `terminology`: words that are not Polish or English, doubled words, and
brand names spelt wrong ("Velorra" for "Velora"), with inflected forms ("Velory") accepted.

Never flagged: words of the project dictionary, the registry's names and aliases, template
placeholders, acronyms, and words with digits. An unknown capitalised word is reported as
info: it is more likely a name than a typo.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from consistency_lint.checks.context import CheckContext
from consistency_lint.config import project_file
from consistency_lint.errors import ConfigError
from consistency_lint.facts.registry import Registry
from consistency_lint.loaders.source import ContentLoadError, decode
from consistency_lint.model import Category, Document, Finding, Severity, Span
from consistency_lint.nlp.analysis import AnalysedSegment, Token
from consistency_lint.nlp.vocabulary import is_known, suggestions
from consistency_lint.specs import CheckSpec, Example

MIN_WORD_LENGTH = 3
BRAND_SIMILARITY = 80
POLISH_ENDINGS = ("", "a", "y", "i", "ę", "ą", "e", "ze", "u", "em", "om", "ami", "ach", "ów",
                  "o", "ie")
_BRAND_REGISTRY = {"facts.yaml": "subjects:\n  shop: {name: Sklep Meblino, aliases: [Meblino]}\n"}

UNKNOWN_WORD = CheckSpec(
    id="SPELLING-UNKNOWN-WORD",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    summary="A word that is not in the Polish dictionary (Morfeusz 2) or the English word "
    "list; suggestions restore missing diacritics.",
    rationale="Typos and missing diacritics (\"dziekujemy\") make letters and pages look "
    "careless. Add names and brands to the project's `dictionary` file.",
    failing=Example("text", "Dziekujemy za zamówienie.\n"),
    passing=Example("text", "Dziękujemy za zamówienie.\n"),
)
DOUBLED_WORD = CheckSpec(
    id="SPELLING-DOUBLED-WORD",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    summary="The same word twice in a row (\"w w\").",
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
SPECS = (UNKNOWN_WORD, DOUBLED_WORD, BRAND_SPELLING)


class SpellingCheck:
    def __init__(self, context: CheckContext, registry: Registry) -> None:
        self.accepted = _dictionary(context) | {word.lower() for word in _registry_words(registry)}
        self.brands = sorted({word for word in _registry_words(registry)
                              if word[:1].isupper() and not is_known(word, "pl")})
        self._brands_by_prefix: dict[str, list[str]] = {}
        for brand in self.brands:
            self._brands_by_prefix.setdefault(brand[:2].lower(), []).append(brand)
        self._brand_verdicts: dict[str, str | None] = {}

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        findings: list[Finding] = []
        for analysed in segments:
            for sentence in analysed.sentences:
                findings.extend(self._sentence(document, analysed, sentence.tokens))
        return findings

    def _sentence(self, document: Document, analysed: AnalysedSegment,
                  tokens: Sequence[Token]) -> Iterator[Finding]:
        segment = analysed.segment
        previous: Token | None = None
        for position, token in enumerate(tokens):
            if segment.overlaps_placeholder(token.start, token.start + 1):
                previous = None
                continue
            if (previous is not None and token.text.isalpha()
                    and token.text.lower() == previous.text.lower()):
                yield DOUBLED_WORD.finding(document, segment.span_of(token.start, token.end),
                                           f"doubled word: “{previous.text} {token.text}”",
                                           excerpt=token.text)
            previous = token
            brand = self._brand_near_miss(token.text)
            if brand is not None:
                yield BRAND_SPELLING.finding(document, segment.span_of(token.start, token.end),
                                             f"“{token.text}”: the name is spelt “{brand}”",
                                             excerpt=token.text)
            elif self._unknown(token.text, document.language):
                yield self._unknown_word(document, token,
                                         segment.span_of(token.start, token.end), position)

    def _unknown(self, word: str, language: str) -> bool:
        return (len(word) >= MIN_WORD_LENGTH and word.isalpha() and not word.isupper()
                and word.lower() not in self.accepted and not is_known(word, language)
                and not any(_is_form_of(word, brand) for brand in self.brands))

    def _unknown_word(self, document: Document, token: Token, span: Span,
                      position: int) -> Finding:
        corrections = [word for word in suggestions(token.text, document.language)
                       if word.lower() != token.text.lower()]
        if token.text[:1].isupper() and position > 0 and not corrections:
            return replace(UNKNOWN_WORD.finding(
                document, span, f"unknown word “{token.text}” (a name? add it to the "
                "dictionary)", excerpt=token.text), severity=Severity.INFO)
        hint = " / ".join(f"“{correction}”" for correction in corrections)
        message = f"unknown word “{token.text}”" + (f"; did you mean {hint}?" if hint else "")
        return UNKNOWN_WORD.finding(document, span, message, excerpt=token.text)

    def _brand_near_miss(self, word: str) -> str | None:
        if word not in self._brand_verdicts:
            self._brand_verdicts[word] = self._judge_brand(word)
        return self._brand_verdicts[word]

    def _judge_brand(self, word: str) -> str | None:
        if len(word) < MIN_WORD_LENGTH + 1 or not word.isalpha() or word.isupper():
            return None
        for brand in self._brands_by_prefix.get(word[:2].lower(), ()):
            if _is_form_of(word, brand):
                return None
            if fuzz.ratio(word.lower(), brand.lower()) >= BRAND_SIMILARITY or (
                    word.lower() == brand.lower()):
                return brand
        return None


def _is_form_of(word: str, brand: str) -> bool:
    """ "Meblino", "Meblina", "Meblinie"... but not "meblino" or "Meblinno"."""
    stem = brand[:-1] if brand[-1].lower() in "aeiouyąę" else brand
    endings = (*POLISH_ENDINGS, brand[len(stem):].lower())
    return word.startswith(stem) and word[len(stem):].lower() in endings


def _dictionary(context: CheckContext) -> frozenset[str]:
    name = context.config.model.dictionary
    if name is None:
        return frozenset()
    return read_dictionary(project_file(context.config, name, ("dictionary",)), name)


def read_dictionary(path: Path, shown_as: str) -> frozenset[str]:
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
        text = decode(path.read_bytes())
    except OSError as error:
        raise ConfigError(f"cannot read file: {error.strerror}", shown_as) from None
    except ContentLoadError as error:
        raise ConfigError(error.message, shown_as) from None
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _registry_words(registry: Registry) -> frozenset[str]:
    return frozenset(word for subject in registry.subjects.values() for name in subject.names
                     for word in name.split() if word.isalpha())
