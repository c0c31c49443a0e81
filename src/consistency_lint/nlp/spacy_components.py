"""Our spaCy components and the blank pipeline built from them, without downloading
anything; imported only when text is analysed (`nlp.pipeline` loads this module), so that
the command line starts without spaCy.

A blank tokenizer that keeps the language's abbreviations ("ul.", "tel.", "pn.") whole, our
sentence boundaries, and the lemmatizer of the language's morphology (`LanguageProfile`):
Morfeusz 2, or spaCy's lookup tables (spacy-lookups-data). A configured trained pipeline
replaces the default.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import cast

import numpy
import spacy
from spacy.attrs import LEMMA, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.lookups import Table, load_lookups
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.types import Ints2d

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.lexicon import language_profile, lexicon
from consistency_lint.nlp.pipeline import PipelineUnavailableError

SENTENCE_END = frozenset({".", "!", "?", "…", "?!", "!!", "!!!", "??"})
SENTENCES_COMPONENT = "consistency_lint_sentences"
MORFEUSZ_COMPONENT = "morfeusz_lemmatizer"
LOOKUP_COMPONENT = "lookup_lemmatizer"
LEMMATIZERS = {"morfeusz": MORFEUSZ_COMPONENT, "lookup": LOOKUP_COMPONENT}  # by morphology


def build(language: str, model: str | None = None) -> Language:
    """The pipeline for `language`; `model` names an installed trained pipeline to use, or
    is the absolute path of a pipeline directory (never taken for a package name)."""
    if model is not None:
        try:
            return spacy.load(Path(model) if Path(model).is_absolute() else model)
        except OSError:
            raise PipelineUnavailableError(
                f"spaCy pipeline `{model}` is not installed (pip install it, or remove it "
                "from `pipelines` in the configuration)") from None
    nlp = spacy.blank(language)
    _keep_abbreviations_whole(nlp, language)
    nlp.add_pipe(SENTENCES_COMPONENT, config={"language": language})
    lemmatizer = LEMMATIZERS[language_profile(language).morphology]
    nlp.add_pipe(lemmatizer, config={"language": language} if lemmatizer == LOOKUP_COMPONENT
                 else {})
    return nlp


def _keep_abbreviations_whole(nlp: Language, language: str) -> None:
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for abbreviation in lexicon(language).abbreviations:
        for variant in {abbreviation, abbreviation.capitalize()}:
            tokenizer.add_special_case(f"{variant}.", [{ORTH: f"{variant}."}])


@Language.factory(SENTENCES_COMPONENT)
def _sentences_factory(nlp: Language, name: str, language: str) -> SentenceBoundaries:
    return SentenceBoundaries(lexicon(language).sentence_final_abbreviations)


class SentenceBoundaries:
    """A sentence ends after . ! ? …, and after an abbreviation that can end a sentence
    ("zł.", "itd.") when the next word is capitalised; never inside "ul. Składowa"."""

    def __init__(self, final_abbreviations: frozenset[str]) -> None:
        self.final_abbreviations = final_abbreviations

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
        spaced = doc.to_array(SPACY).tolist()
        starts = [1] + [1 if self._ends_sentence(previous, text)
                        and not _inside_number(previous, text, spaced[index]) else -1
                        for index, (previous, text) in enumerate(pairwise(texts))]
        # One array write instead of a per-token property (which re-checks annotations).
        column = numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], cast(Ints2d, column))
        return doc

    def _ends_sentence(self, text: str, next_text: str) -> bool:
        if next_text in SENTENCE_END:
            return False  # "!!!" and "?!" close one sentence
        if text in SENTENCE_END:
            return True
        abbreviation = text.lower().removesuffix(".")
        return (text.endswith(".") and abbreviation in self.final_abbreviations
                and next_text[:1].isupper())


def _inside_number(previous: str, text: str, space_after_previous: int) -> bool:
    """A full stop between digits with no space after it is part of a date or a number
    ("od 21.12.2026", "1–20.12.2026"), which the tokenizer splits, not a sentence's end."""
    return previous == "." and not space_after_previous and text[:1].isdigit()


@Language.factory(LOOKUP_COMPONENT)
def _lookup_factory(nlp: Language, name: str, language: str) -> LookupLemmatizer:
    return LookupLemmatizer(load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup"))


class LookupLemmatizer:
    """Lower-cased lemmas from spaCy's lookup tables (spacy-lookups-data), which know only
    lower-case forms: "Refunds" -> "refund"."""

    def __init__(self, table: Table) -> None:
        self._lemmas = _LemmaColumn(LOWER, lambda lower: str(table.get(lower, lower)))

    def __call__(self, doc: Doc) -> Doc:
        return self._lemmas.set(doc)


@Language.factory(MORFEUSZ_COMPONENT)
def _morfeusz_factory(nlp: Language, name: str) -> MorfeuszLemmatizer:
    return MorfeuszLemmatizer()


class MorfeuszLemmatizer:
    """Sets the lemmas from Morfeusz 2, analysing each distinct surface form once."""

    def __init__(self) -> None:
        self._lemmas = _LemmaColumn(ORTH, _morfeusz_lemma)

    def __call__(self, doc: Doc) -> Doc:
        return self._lemmas.set(doc)


def _morfeusz_lemma(text: str) -> str:
    return morfeusz.lemma(text) if text.isalpha() else text.lower()


class _LemmaColumn:
    """Writes a doc's lemmas as one array, looked up by the hash of each token's `key`
    attribute: no spaCy Token object per token, and each distinct form lemmatised once."""

    def __init__(self, key: int, lemma_of: Callable[[str], str]) -> None:
        self._key = key
        self._lemma_of = lemma_of
        self._lemma_hashes: dict[int, int] = {}  # key hash -> lemma hash

    def set(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings, known = doc.vocab.strings, self._lemma_hashes
        lemmas = []
        for key in doc.to_array(self._key).tolist():
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(self._lemma_of(strings[key]))
            lemmas.append(lemma)
        column = numpy.array(lemmas, dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], cast(Ints2d, column))
        return doc
