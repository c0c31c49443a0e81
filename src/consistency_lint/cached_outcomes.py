"""Whether a per-document outcome read from the cache can be the one that processing the
file's bytes gives. The cache folder may be writable by others (a CI cache path inside the
checkout, a cache restored from a pull request's run), so an entry that decodes is still
only a claim: one that names other bytes or another file, or holds a position no document
of that size has, is a miss and the document is processed again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from consistency_lint.loaders import SUPPORTED_LANGUAGES, LoadRequest
from consistency_lint.model import Link, Placeholder, Segment, Span

if TYPE_CHECKING:
    from consistency_lint.processing import DocumentOutcome

MAX_DECIMAL_EXPONENT = 64  # far beyond any price, period or rate a text states


@dataclass(frozen=True)
class Snapshot:
    """What the cache needs to know about a file's bytes as they are now."""

    sha256: str
    size: int


def fits(outcome: DocumentOutcome, request: LoadRequest, snapshot: Snapshot) -> bool:
    """Whether `outcome` is about this file and these bytes, and every position in it lies
    inside them.

    No line or column exceeds the file's size in bytes plus one (the end of a span is
    exclusive). A Word document's text is compressed in its bytes, so one that unpacks to a
    paragraph longer than the whole file (hardly a letter) fails this and is simply never
    reused; a bound per loader is not worth its complexity.
    """
    document = outcome.document
    limit = snapshot.size + 1
    return ((document.path, document.channel, document.loader, document.sha256)
            == (request.relative_path, request.channel, request.loader, snapshot.sha256)
            and document.language in SUPPORTED_LANGUAGES
            and all(path == document.path for path in _paths(outcome))
            and all(_span_fits(span, limit) for span in _spans(outcome))
            and all(1 <= line <= limit for line in _lines(outcome))
            and all(_segment_fits(segment, limit) for segment in document.segments)
            and all(_amount_fits(amount) for fact in outcome.facts
                    for amount in (fact.value.low, fact.value.high)))


def _paths(outcome: DocumentOutcome) -> Iterator[str]:
    """The files that the findings, facts and passages of one document name: only it."""
    for finding in outcome.findings:
        yield finding.path
        yield from (related.path for related in finding.related)
    yield from (fact.path for fact in outcome.facts)
    yield from (passage.path for passage in outcome.passages)


def _spans(outcome: DocumentOutcome) -> Iterator[Span]:
    document = outcome.document
    yield from (problem.span for problem in document.problems)
    yield from (expression.span for expression in document.template_expressions)
    yield from (finding.span for finding in outcome.findings)
    yield from (fact.span for fact in outcome.facts)
    yield from (passage.span for passage in outcome.passages)


def _lines(outcome: DocumentOutcome) -> Iterator[int]:
    document = outcome.document
    yield from document.metadata_lines.values()
    yield from (suppression.line for suppression in document.suppressions)
    yield from (related.line for finding in outcome.findings for related in finding.related)


def _span_fits(span: Span, limit: int) -> bool:
    return (1 <= span.line <= span.end_line <= limit
            and 1 <= span.column <= limit and 1 <= span.end_column <= limit)


def _segment_fits(segment: Segment, limit: int) -> bool:
    """Anchors map offsets of the written text to positions of the file, shifts offsets of
    the text to the written text; links and placeholders are ranges of the text. Every
    offset lies within the longer of the two."""
    length = max(len(segment.text), len(segment.written))
    ranges: tuple[Link | Placeholder, ...] = (*segment.links, *segment.placeholders)
    return (all(0 <= anchor.offset <= length and 1 <= anchor.line <= limit
                and 1 <= anchor.column <= limit for anchor in segment.anchors)
            and all(0 <= shift.offset <= length and 0 <= shift.written_offset <= length
                    for shift in segment.shifts)
            and all(0 <= item.start <= item.end <= length for item in ranges))


def _amount_fits(amount: Decimal | None) -> bool:
    """Formatting a decimal with an exponent in the billions would take the machine's
    memory, and comparing a NaN raises: neither comes out of a text."""
    return amount is None or (amount.is_finite()
                              and abs(amount.adjusted()) <= MAX_DECIMAL_EXPONENT)
