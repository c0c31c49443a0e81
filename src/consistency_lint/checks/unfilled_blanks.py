"""`template`: blanks left unfilled in published content: "[adres email]", "[●]", "[UMIEŚĆ
ADRES]", "XXX", "Lorem ipsum", "DO UZUPEŁNIENIA", dotted leaders in running text, a mock-up's
numbers of zeros ("00-000 Miasto", "00,00 zł") and filler ("Tekst tekst tekst").

Terms generators and templates bought with a shop leave such gaps for the trader to fill;
published as they are, the terms name no trader and no address. Not flagged: placeholders
of the channel's syntax (filled when sending), checkboxes ("[ ]", "[x]"), footnote marks
("[1]"), the blanks of the model withdrawal form itself, which the consumer fills in, and
the bracketed slots of a call-center script, which the agent fills in while speaking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from consistency_lint.builtin_data import DEFAULT_LANGUAGE, load_builtin_yaml
from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.config import STAFF_PROFILES
from consistency_lint.model import Category, Document, Finding, Segment, Severity
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.nlp.lexicon import lexicon
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
KIND = Kind.DOCUMENT

# a checkbox, a footnote or its mark, an elision
_NOT_A_BLANK = re.compile(r"^\s*(?:[xX✓✔]?|\d{1,3}|\*{1,3}|\.\.\.|…)\s*$")
# The model withdrawal form (Annex 2 of the Consumer Rights Act) is for the consumer to fill
# in: its blanks are right, and only its own. The form is a section under a heading that
# names it (`rules/documents/blanks.yaml`), or, where the title is a plain paragraph, the
# short lines after it up to the form's last line ("niepotrzebne skreślić"). A sentence that
# mentions the form ("we attach the model form.") is no title: the text after it is checked
# as usual.
_TITLE_MAX_WORDS = 12
_FIELD_MAX_WORDS = 30
_FIELD_MARK = "(*)"


@dataclass(frozen=True)
class _BlankWords:
    """The words of `rules/documents/blanks.yaml`: what marks a blank, what names the form."""

    blanks: re.Pattern[str]
    form_titles: tuple[str, ...]
    form_last_line: str


@cache
def _blank_words() -> _BlankWords:
    data: dict[str, Any] = load_builtin_yaml("documents/blanks.yaml")
    markers = "|".join(re.escape(marker) for marker in data["unfinished_markers"])
    phrases = "|".join(re.escape(phrase) for phrase in data["unfinished_phrases"])
    units = "|".join(re.escape(unit) for unit in _units())
    blanks = re.compile(
        # "X dni roboczych", "XX zł", "[X] dni" (before the brackets: "[X]" is no checkbox)
        rf"(?P<amount>(?:\[X{{1,2}}\]|\bX{{1,2}})(?=\s+(?i:{units})\b))"
        r"|\[(?P<bracketed>[^\[\]\n]{1,200})\](?!\()"  # [adres email], [●]; not a Markdown link
        r"|(?P<xxx>(?<![\w-])[Xx]{3,}(?![\w-]))"  # not a format mask: "XXXX-XXXX"
        rf"|(?P<todo>\b(?:{markers})\b)"
        rf"|(?P<phrase>\b(?i:{phrases})\b)"
        r"|(?P<query>\?{3,})"  # "Cena: ???"
        r"|(?P<leader>(?:\.{4,}|…{2,}|_{4,}))"
        r"|(?P<date>_{2}[./-]_{2}(?:[./-](?:_{2,4}|\d{2,4}))?)"  # "do __.__.2024"
        # a mock-up's sample number of zeros: "00-000 Miasto", "00,00 zł", "FV/0000/00",
        # "00.00.0000"; not midnight ("00.00–24.00")
        r"|(?P<zeros>(?<![\d,.])(?<!\d[ \u00a0\u202f])"  # not "100 000,00 zł"
        r"(?:0{2,}(?:[-/,]0{2,})+|00\.00\.0000)(?![\d]))"
        r"|(?P<phone>(?<!\d)000[ -]?000[ -]?000(?!\d))"  # "+48 000 000 000"
        # a sample list: one name numbered three times ("Produkt 1, Produkt 2, Produkt 3")
        r"|(?P<numbered>\b(?P<item>\w{3,}) 1[,;]? (?P=item) 2[,;]? (?P=item) 3\b)"
        # a date's mask standing for a date, not a field's format in brackets
        r"|(?P<mask>(?<![(\w])(?:DD[./-]MM[./-](?:RRRR|YYYY)|(?:RRRR|YYYY)-MM-DD)(?![)\w]))"
        # filler: one word three times and more ("Tekst tekst tekst", "bla bla bla")
        r"|(?P<filler>\b(?P<word>\w{2,})(?:\s+(?i:(?P=word))){2,}\b)")
    form = data["withdrawal_form"]
    return _BlankWords(blanks, tuple(form["titles"]), form["last_line"])


def _units() -> list[str]:
    """Words of a duration or an amount: an "X" before one stands for the number."""
    words = lexicon(DEFAULT_LANGUAGE)
    return sorted({*words.duration_units, *words.currencies}, key=len, reverse=True)


def has_blank(text: str) -> bool:
    """Whether the text holds a blank this check reports (the editorial-note check leaves
    such a sentence to it: "Godziny pracy: DO UZUPEŁNIENIA" is one defect)."""
    return _blank_words().blanks.search(text) is not None


def build(context: CheckContext) -> DocumentCheck:
    scripts = frozenset(name for name, channel in context.config.channels.items()
                        if channel.settings.profile in STAFF_PROFILES)
    return UnfilledBlankCheck(scripts).check


class UnfilledBlankCheck:
    def __init__(self, scripts: frozenset[str] = frozenset()) -> None:
        self.scripts = scripts  # channels the staff read: a bracket there is a slot to fill

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        return list(_blanks(document, [analysed.segment for analysed in segments],
                            slots=document.channel in self.scripts))


def _blanks(document: Document, segments: Sequence[Segment],
            slots: bool = False) -> Iterator[Finding]:
    """The blanks of the document; with `slots` (a call-center script), not its bracketed
    ones: "Dzień dobry, tu [imię i nazwisko] z Domilo" is filled by the agent speaking."""
    in_form = model_form_segments(segments)
    for index, segment in enumerate(segments):
        if index in in_form:
            continue
        for match in _blank_words().blanks.finditer(segment.text):
            if segment.overlaps_placeholder(match.start(), match.end()):
                continue
            bracketed = match.group("bracketed")
            if bracketed is not None and (slots or _NOT_A_BLANK.match(bracketed)):
                continue
            yield UNFILLED_BLANK.finding(
                document, segment.span_of(match.start(), match.end()),
                f"unfilled blank “{match.group()}”", excerpt=match.group())


def model_form_segments(segments: Sequence[Segment]) -> set[int]:
    """The indexes of the segments that belong to a model withdrawal form: its title and
    what stands in the form after it."""
    inside: set[int] = set()
    for index, segment in enumerate(segments):
        if index in inside or not _is_form_title(segment):
            continue
        inside.add(index)
        if segment.kind in _HEADING_KINDS:
            inside.update(_section_after(segments, index))
        else:
            inside.update(_fields_after(segments, index))
    return inside


_HEADING_KINDS = frozenset({"heading", "title"})


def _is_form_title(segment: Segment) -> bool:
    text = segment.text.strip()
    if not any(title in text.lower() for title in _blank_words().form_titles):
        return False
    if segment.kind in _HEADING_KINDS:
        return True
    return len(text.split()) <= _TITLE_MAX_WORDS and not text.endswith((".", ":"))


def _section_after(segments: Sequence[Segment], heading: int) -> Iterator[int]:
    """The segments under a heading, up to the next heading of the same level or above."""
    path = (*segments[heading].heading_path, segments[heading].text)
    for index in range(heading + 1, len(segments)):
        if segments[index].heading_path[:len(path)] != path:
            return
        yield index


def _fields_after(segments: Sequence[Segment], title: int) -> Iterator[int]:
    """The lines of a form whose title is a paragraph, up to the form's last line, a
    heading or a sentence of running text."""
    for index in range(title + 1, len(segments)):
        segment = segments[index]
        if segment.kind in _HEADING_KINDS or not _is_form_line(segment.text):
            return
        yield index
        if _blank_words().form_last_line in segment.text.lower():
            return


def _is_form_line(text: str) -> bool:
    """A field to fill ("Adres konsumenta: ....", "Data zawarcia umowy(*)"), a label or a
    note; a sentence ends the form."""
    if _FIELD_MARK in text or _blank_words().blanks.search(text):
        return True
    return len(text.split()) <= _FIELD_MAX_WORDS and not text.rstrip().endswith((".", "!", "?"))
