"""What a check reports: a finding with its rule, category, severity, confidence and
location, a finding that an inline directive suppressed, and how a rule describes itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from consistency_lint.model.document import Span
from consistency_lint.model.pickling import pickled_by_constructor


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for `--fail-on` and sorting."""
        return {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}[self]


class Category(StrEnum):
    FACT_MISMATCH = "fact-mismatch"
    COVERAGE_GAP = "coverage-gap"
    LEGAL_MISSING_CLAUSE = "legal-missing-clause"
    LEGAL_PROHIBITED = "legal-prohibited"
    TONE = "tone"
    TERMINOLOGY = "terminology"
    SPELLING = "spelling"
    TEMPLATE = "template"
    FRESHNESS = "freshness"
    INPUT = "input"


LEGAL_CATEGORIES = frozenset({Category.LEGAL_MISSING_CLAUSE, Category.LEGAL_PROHIBITED})


class Confidence(StrEnum):
    """How sure a finding, or the attribution of a value to (subject, attribute), is. Low-
    confidence findings are info by default; only high and medium attributions are compared,
    low ones are kept for the fact matrix."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class RuleDescription:
    """A built-in rule in its own words, as a report describes it beside its findings."""

    summary: str
    rationale: str
    severity: Severity  # its default, before a project's overrides
    category: Category
    reference: str | None = None


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class RelatedLocation:
    path: str
    line: int
    channel: str
    value: str | None = None


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: Category
    severity: Severity
    message: str
    path: str
    span: Span
    channel: str
    doc_type: str | None
    excerpt: str = ""
    reference: str | None = None
    related: tuple[RelatedLocation, ...] = ()
    fingerprint: str = ""
    confidence: Confidence = Confidence.HIGH
    suggestions: tuple[str, ...] = ()  # text to put in place of the span's, best first

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.rule, self.message)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class SuppressedFinding:
    finding: Finding
    reason: str
