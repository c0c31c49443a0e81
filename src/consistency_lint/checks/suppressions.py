"""Applies inline suppressions to findings, keeping what was silenced and why, and reports
suppressions that silence nothing (like ruff's unused `noqa`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from consistency_lint.model import (
    Category,
    Document,
    Finding,
    Severity,
    Span,
    SuppressedFinding,
    Suppression,
)
from consistency_lint.specs import CheckSpec, Example

_SILENCED = "<!-- consistency-lint: disable=FRESHNESS-NO-OWNER -- reviewed by legal -->\n"
_GOVERNED = {"governance": {"require_owner": True}}

UNUSED = CheckSpec(
    id="SUPPRESSION-UNUSED",
    category=Category.FRESHNESS,
    severity=Severity.INFO,
    summary="An inline `consistency-lint: disable=...` silences nothing (or names no rule).",
    rationale="Suppressions outlive the problems they hid; an unused one hides the next real "
    "problem at that place, so it should be removed.",
    failing=Example("markdown", _SILENCED + "# Dostawa\n", file_name="kb.md"),
    passing=Example("markdown", _SILENCED + "# Dostawa\n", file_name="kb.md", config=_GOVERNED),
)
SPECS = (UNUSED,)


@dataclass(frozen=True)
class SuppressionResult:
    kept: list[Finding]
    suppressed: list[SuppressedFinding]


def apply_suppressions(findings: Iterable[Finding], documents: Sequence[Document],
                       known_rules: frozenset[str]) -> SuppressionResult:
    by_path = {document.path: document for document in documents}
    used: set[tuple[str, int]] = set()
    kept: list[Finding] = []
    suppressed: list[SuppressedFinding] = []
    for finding in findings:
        document = by_path.get(finding.path)
        directive = _directive_for(finding, document) if document else None
        if directive is None:
            kept.append(finding)
        else:
            used.add((finding.path, directive.line))
            suppressed.append(SuppressedFinding(finding, directive.reason))
    for document in documents:
        kept.extend(_unused(document, used, known_rules))
    return SuppressionResult(kept, suppressed)


def _directive_for(finding: Finding, document: Document) -> Suppression | None:
    for directive in document.suppressions:
        if finding.rule not in directive.rules and finding.category.value not in directive.rules:
            continue
        if directive.whole_file or _covers_next_segment(directive, document, finding.span.line):
            return directive
    return None


def _covers_next_segment(directive: Suppression, document: Document, line: int) -> bool:
    """The directive covers the segment after it; a heading or FAQ question, with what
    stands under it (its section, its answer)."""
    segments = [segment for segment in document.segments if segment.span.line > directive.line]
    if not segments:
        return False
    first = segments[0]
    last = first
    for segment in segments[1:]:
        if first.text not in segment.heading_path:
            break
        last = segment
    return first.span.line <= line <= last.span.end_line


def _unused(document: Document, used: set[tuple[str, int]],
            known_rules: frozenset[str]) -> Iterable[Finding]:
    categories = {category.value for category in Category}
    for directive in document.suppressions:
        unknown = sorted(directive.rules - known_rules - categories)
        if unknown:
            message = f"suppression names no known rule: {', '.join(unknown)}"
        elif (document.path, directive.line) not in used:
            message = f"suppression of {', '.join(sorted(directive.rules))} silences nothing"
        else:
            continue
        yield UNUSED.finding(document, Span.point(directive.line), message)
