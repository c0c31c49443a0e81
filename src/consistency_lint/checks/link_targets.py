"""`fact-mismatch` within one link: its text shows one e-mail address, phone number or web
address and its target (`mailto:`, `tel:`, `href`) is another.

A copy updated in the text and not in the link (or the reverse) sends the customer who
clicks to another address than the page shows. E-mail addresses and phone numbers differ
whenever their values do; a web address only when it is a near miss of the shown one (x.pl
shown, x.com.pl linked; x.pl/zwroty shown, x.pl/zwroyt linked): a link to another page of
the site, or through a mailing's click-tracking host, is how web links are made.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.model import Category, Document, Finding, Severity, ValueType
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.specs import CheckSpec, Example
from consistency_lint.values.extraction import extract_values, link_target
from consistency_lint.values.near_miss import url_near_miss

_LINKED = '<p>Napisz na <a href="mailto:{target}">pomoc@meblino.pl</a>.</p>\n'
LINK_MISMATCH = CheckSpec(
    id="FACT-LINK-MISMATCH",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A link shows one e-mail address, phone number or web address and leads to "
    "another (`mailto:`, `tel:`, `href`).",
    rationale="A customer who clicks the address writes to, or calls, another one than the "
    "page shows: a copy updated in the text and not in the link, or the reverse.",
    failing=Example("html", _LINKED.format(target="kontakt@meblino.pl"),
                    file_name="kontakt.html"),
    passing=Example("html", _LINKED.format(target="pomoc@meblino.pl"),
                    file_name="kontakt.html"),
)
SPECS = (LINK_MISMATCH,)
KIND = Kind.DOCUMENT


def build(context: CheckContext) -> DocumentCheck:
    return LinkTargetCheck().check


class LinkTargetCheck:
    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        return list(self._mismatches(document, segments))

    def _mismatches(self, document: Document,
                    segments: Sequence[AnalysedSegment]) -> Iterator[Finding]:
        language = document.language
        for analysed in segments:
            segment = analysed.segment
            for link in segment.links:
                target = link_target(link.href, language)
                if target is None:
                    continue
                value_type = target.value.type
                shown = extract_values(segment.text[link.start:link.end], language,
                                       frozenset({value_type}))
                if not shown or any(found.value == target.value for found in shown):
                    continue
                if value_type is ValueType.URL and not any(
                        url_near_miss(found.value, target.value) for found in shown):
                    continue
                first = shown[0]
                start, end = link.start + first.start, link.start + first.end
                yield LINK_MISMATCH.finding(
                    document, segment.span_of(start, end),
                    f"the link shows {segment.written_text(start, end)} but leads to "
                    f"{target.text}", excerpt=segment.written_text(link.start, link.end))
