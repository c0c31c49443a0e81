"""`template`: blanks left unfilled in published content: "[adres email]", "[●]", "[UMIEŚĆ
ADRES]", "XXX", "Lorem ipsum", "DO UZUPEŁNIENIA", dotted leaders in running text.

Terms generators and templates bought with a shop leave such gaps for the trader to fill;
published as they are, the terms name no trader and no address. Not flagged: placeholders
of the channel's syntax (filled when sending), checkboxes ("[ ]", "[x]"), footnote marks
("[1]"), and the blanks of a model withdrawal form, which the consumer fills in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from consistency_lint.model import Category, Document, Finding, Segment, Severity
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.specs import CheckSpec, Example

UNFILLED_BLANK = CheckSpec(
    id="TEMPLATE-UNFILLED-BLANK",
    category=Category.TEMPLATE,
    severity=Severity.ERROR,
    summary="A blank left for the author to fill: a bracketed instruction (\"[adres email]\", "
    "\"[●]\"), \"XXX\", \"Lorem ipsum\", \"DO UZUPEŁNIENIA\", or a dotted leader in running text.",
    rationale="Terms and letters copied from a generator or a bought template keep gaps for "
    "the trader's data; published unfilled, they name no trader, no address and no deadline, "
    "and tell the customer the text was never read.",
    failing=Example("text", "Sprzedawcą jest Meblino, adres e-mail: [adres email].\n"),
    passing=Example("text", "Sprzedawcą jest Meblino sp. z o.o., adres e-mail: sklep@meblino.pl."
                    "\n"),
)
SPECS = (UNFILLED_BLANK,)

_BLANKS = re.compile(
    r"\[(?P<bracketed>[^\[\]\n]{1,200})\](?!\()"  # [adres email], [●]; not a Markdown link
    r"|(?P<xxx>\b[Xx]{3,}\b)"
    r"|(?P<lorem>\b[Ll]orem ipsum\b)"
    r"|(?P<todo>\b(?:DO UZUPEŁNIENIA|UZUPEŁNIĆ|TODO|TBD)\b)"
    r"|(?P<leader>(?:\.{4,}|…{2,}|_{4,}))")
_NOT_A_BLANK = re.compile(r"^\s*(?:[xX✓✔]?|\d{1,3}|\.\.\.|…)\s*$")  # checkbox, footnote, elision
# The model withdrawal form (Annex 2) is for the consumer to fill in: its blanks are right,
# from the segment that names it to the end of the document (an annex comes last).
_FORM_WORDS = ("formularz odstąpienia", "formularza odstąpienia", "wzór formularza",
               "oświadczenie o odstąpieniu")


class UnfilledBlankCheck:
    """Runs with the language checks, so that its findings are cached per document."""

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        return list(_blanks(document, [analysed.segment for analysed in segments]))


def _blanks(document: Document, segments: Sequence[Segment]) -> Iterator[Finding]:
    in_form = False  # from the model form's title on, the blanks are the consumer's to fill
    for segment in segments:
        in_form = in_form or _names_the_form(segment)
        if in_form:
            continue
        for match in _BLANKS.finditer(segment.text):
            if segment.overlaps_placeholder(match.start(), match.end()):
                continue
            bracketed = match.group("bracketed")
            if bracketed is not None and _NOT_A_BLANK.match(bracketed):
                continue
            yield UNFILLED_BLANK.finding(
                document, segment.span_of(match.start(), match.end()),
                f"unfilled blank “{match.group()}”", excerpt=match.group())


def _names_the_form(segment: Segment) -> bool:
    context = " ".join((*segment.heading_path, segment.text)).lower()
    return any(word in context for word in _FORM_WORDS)
