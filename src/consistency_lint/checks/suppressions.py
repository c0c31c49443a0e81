"""Applies inline suppressions to findings, keeping what was silenced and why, and reports
suppressions that silence nothing (like ruff's unused `noqa`) and legal waivers without a
reason."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from consistency_lint.model import (
    LEGAL_CATEGORIES,
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
_ODR = "Konsument może skorzystać z platformy ODR.\n"
_LEGAL_PACK = {"rules": ["builtin:pl-consumer-rights-2014"]}

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
WITHOUT_REASON = CheckSpec(
    id="SUPPRESSION-WITHOUT-REASON",
    category=Category.INPUT,
    severity=Severity.WARNING,
    summary="A suppression of a legal rule (legal-missing-clause, legal-prohibited) gives no "
    "reason.",
    rationale="A silenced legal finding is a waiver of a legal requirement: the audit report "
    "lists it, and whoever signs the audit off must be able to read why it was granted.",
    failing=Example("markdown", "<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -->\n"
                    + _ODR, file_name="spory.md", config=_LEGAL_PACK),
    passing=Example("markdown", "<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -- archived "
                    "page, kept as published in 2023 -->\n" + _ODR, file_name="spory.md",
                    config=_LEGAL_PACK),
)
SPECS = (UNUSED, WITHOUT_REASON)
DIRECTIVE_RULES = frozenset(spec.id for spec in SPECS)  # findings about directives


@dataclass(frozen=True)
class SuppressionResult:
    kept: list[Finding]
    suppressed: list[SuppressedFinding]
    about_directives: list[Finding]  # unused or reasonless suppressions: never suppressible


def apply_suppressions(findings: Iterable[Finding], documents: Sequence[Document],
                       rule_categories: Mapping[str, Category]) -> SuppressionResult:
    """`rule_categories` holds every known rule id (built-in checks, pack rules)."""
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
    about_directives: list[Finding] = []
    for document in documents:
        about_directives.extend(_unused(document, used, rule_categories))
        about_directives.extend(_without_reason(document, rule_categories))
    return SuppressionResult(kept, suppressed, about_directives)


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
            rule_categories: Mapping[str, Category]) -> Iterable[Finding]:
    categories = {category.value for category in Category}
    for directive in document.suppressions:
        unknown = sorted(directive.rules - rule_categories.keys() - categories)
        if unknown:
            message = f"suppression names no known rule: {', '.join(unknown)}"
        elif (document.path, directive.line) not in used:
            message = f"suppression of {', '.join(sorted(directive.rules))} silences nothing"
        else:
            continue
        yield UNUSED.finding(document, Span.point(directive.line), message)


def _without_reason(document: Document,
                    rule_categories: Mapping[str, Category]) -> Iterable[Finding]:
    """Whether or not the directive silenced anything: the waiver stands in the file."""
    for directive in document.suppressions:
        legal = _legal_rules(directive, rule_categories)
        if legal and not directive.reason.strip():
            yield WITHOUT_REASON.finding(
                document, Span.point(directive.line),
                f"suppression of legal rule(s) {', '.join(legal)} gives no reason: write it "
                "after the ids (`disable=ID -- reason`), or in front matter as "
                "`lint_disable_reason:`")


def _legal_rules(directive: Suppression, rule_categories: Mapping[str, Category]) -> list[str]:
    """The names in the directive that are legal rules, or legal categories named directly
    (a category is its own value, so `in LEGAL_CATEGORIES` finds it)."""
    return sorted(name for name in directive.rules
                  if name in LEGAL_CATEGORIES or rule_categories.get(name) in LEGAL_CATEGORIES)


def waiver_reasons(suppressed: Iterable[SuppressedFinding]) -> dict[tuple[str, str], str]:
    """(rule, path) of each suppressed finding -> the reasons given for it there, each once
    ("" when no directive gave one)."""
    reasons: dict[tuple[str, str], dict[str, None]] = {}
    for entry in suppressed:
        reasons.setdefault((entry.finding.rule, entry.finding.path), {})[entry.reason] = None
    return {key: "; ".join(reason for reason in texts if reason)
            for key, texts in reasons.items()}
