"""What a check module declares beside its code, and the shapes of the checks it builds.

A module in the registry (`checks/registry.py`) has `KIND`, `SPECS` (the findings it may
yield: id, category, default severity, docs and examples) and `build(context)`, which
returns the run's check: for `Kind.DOCUMENT` a function of one analysed document, run in
the per-document stage (its findings are cached with the document); for `Kind.CORPUS` a
function of the whole corpus, run once after that stage. A module may also define
`finalise(findings)`, a last step over the run's findings before the configuration
applies, `finalise_reported(findings)`, one over the findings left to report once
suppressions have applied, and `warnings(findings)`, lines for standard error about the
reported findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from consistency_lint.model import Document, Finding
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.specs import CheckSpec

if TYPE_CHECKING:
    from consistency_lint.checks.context import CheckContext, Corpus


class Kind(StrEnum):
    DOCUMENT = "document"  # one document and its analysed segments at a time
    CORPUS = "corpus"  # every document, fact and registry entry at once


DocumentCheck = Callable[[Document, Sequence[AnalysedSegment]], Iterable[Finding]]
CorpusCheck = Callable[["Corpus"], Iterable[Finding]]
Finalise = Callable[[list[Finding]], list[Finding]]


class CheckModule(Protocol):
    """A module of the registry, as the core sees it."""

    @property
    def KIND(self) -> Kind: ...  # noqa: N802 - a module constant

    @property
    def SPECS(self) -> tuple[CheckSpec, ...]: ...  # noqa: N802 - a module constant

    def build(self, context: CheckContext, /) -> DocumentCheck | CorpusCheck: ...
