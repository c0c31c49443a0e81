"""The registry of built-in checks: every check's metadata, and the function that runs it.

Adding a check means adding a module and one line to CHECKS or CORPUS_CHECKS; the pipeline
and the reports know nothing about individual checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from consistency_lint.checks import (
    disguised_text,
    doc_types,
    fact_checks,
    freshness,
    input_checks,
    spelling,
    suppressions,
    template_checks,
    tone,
    unfilled_blanks,
)
from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.facts.registry import Registry
from consistency_lint.model import Document, Finding
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.rules.loading import builtin_pack_specs
from consistency_lint.specs import CheckSpec


@dataclass(frozen=True)
class DocumentCheck:
    """A function over one document, and the specs of the findings it may yield."""

    specs: tuple[CheckSpec, ...]
    run: Callable[[Document, CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class CorpusCheck:
    """A function over all documents and their facts (comparisons across channels)."""

    specs: tuple[CheckSpec, ...]
    run: Callable[[Corpus, CheckContext], Iterable[Finding]]


CHECKS: tuple[DocumentCheck, ...] = (
    DocumentCheck(input_checks.SPECS, input_checks.check),
    DocumentCheck(disguised_text.SPECS, disguised_text.check),
    DocumentCheck(template_checks.SPECS, template_checks.check),
    DocumentCheck(freshness.SPECS, freshness.check),
)
CORPUS_CHECKS: tuple[CorpusCheck, ...] = (
    CorpusCheck(fact_checks.SPECS, fact_checks.check),
)

class LanguageCheck(Protocol):
    """A check over one analysed document (sentences, tokens, lemmas)."""

    def check(self, document: Document,
              segments: Sequence[AnalysedSegment]) -> list[Finding]: ...


def language_checks(context: CheckContext, registry: Registry) -> list[LanguageCheck]:
    """The built-in checks that run while the language layer streams documents, besides the
    rule engine: spelling and terminology, tone, unfilled blanks."""
    return [spelling.SpellingCheck(context, registry), tone.ToneCheck(context),
            unfilled_blanks.UnfilledBlankCheck()]


def documented_specs() -> dict[str, CheckSpec]:
    """Every built-in check and every rule of the built-in packs, by id."""
    return {**SPECS, **{spec.id: spec for spec in builtin_pack_specs()}}


SPECS: dict[str, CheckSpec] = {
    spec.id: spec
    for specs in (*(check.specs for check in CHECKS), *(check.specs for check in CORPUS_CHECKS),
                  spelling.SPECS, tone.SPECS, unfilled_blanks.SPECS, suppressions.SPECS,
                  doc_types.SPECS)
    for spec in specs
}
