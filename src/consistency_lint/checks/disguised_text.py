"""`input`: text whose code points spell something else than a reader sees.

Every check matches what a reader sees (`reader_text`), so invisible characters, lookalike
letters and bidirectional controls do not hide a clause from the rules. These checks report
the disguise itself: it hides the text from site search, spell checkers, screen readers and
other tools, and in a pull request it is a sign of tampering. One finding per kind and
source line, naming every character concerned, keeps a flood of them readable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.model import Category, Document, Finding, Segment, Severity, Span
from consistency_lint.model.terminal_text import visible
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.reader_text import Disguise, DisguiseKind, disguises, reader_text
from consistency_lint.specs import CheckSpec, Example

HIDDEN_CHARACTERS = CheckSpec(
    id="INPUT-HIDDEN-CHARACTERS",
    category=Category.INPUT,
    severity=Severity.WARNING,
    summary="Invisible characters inside a word: a zero-width space, non-joiner or joiner, a "
    "word joiner, a byte order mark, a tag character.",
    rationale="A reader sees one word where a machine reads two or a different one: rules, "
    "site search and spell checkers miss “przy\\u200bsługuje”. consistency-lint matches the "
    "word a reader sees, so no rule is fooled; the characters are reported because they "
    "hide the text from other tools and are a sign of tampering or of a careless paste. A "
    "soft hyphen (a hyphenation point) and invisible characters between words are not "
    "reported.",
    failing=Example("text", "Zwrot przyj\u200bmujemy w ciągu 14 dni.\n"),
    passing=Example("text", "Zwrot przyjmujemy w ciągu 14 dni.\n"),
)
MIXED_SCRIPT = CheckSpec(
    id="INPUT-MIXED-SCRIPT",
    category=Category.INPUT,
    severity=Severity.WARNING,
    summary="A Latin word written with Cyrillic or Greek letters that look like Latin ones "
    "(a Cyrillic “\u043e”, U+043E, in “prawo”).",
    rationale="Lookalike letters turn a word into one no dictionary or rule knows, while a "
    "reader sees nothing wrong: without them a prohibited clause would pass as a spelling "
    "warning. consistency-lint reads such a word as the Latin word it looks like, after "
    "Unicode's confusables, and reports it; real Cyrillic and Greek words, and letters "
    "such as “μ” in “μm”, are left alone.",
    failing=Example("text", "Zwrot przyjmujemy w ciągu 14 dni na pr\u0430wach konsumenta.\n"),
    passing=Example("text", "Zwrot przyjmujemy w ciągu 14 dni na prawach konsumenta.\n"),
)
BIDI_CONTROL = CheckSpec(
    id="INPUT-BIDI-CONTROL",
    category=Category.INPUT,
    severity=Severity.ERROR,
    summary="A bidirectional control (an embedding, override or isolate, U+202A–U+202E, "
    "U+2066–U+2069) in content.",
    rationale="Such controls make a page show its text in another order than the file has "
    "it (the “Trojan Source” attack): reviewers of the change, and every check, read one "
    "sentence while customers see another. Polish and English content never needs them (an "
    "HTML page sets direction with `dir` or `<bdi>`), so one is an error. The text is "
    "checked in the order of the file, without the controls; the marks LRM and RLM, which "
    "reorder no letters, are only hidden characters.",
    failing=Example("text", "Zwrot przyjmujemy w ciągu \u202e14 dni\u202c.\n"),
    passing=Example("text", "Zwrot przyjmujemy w ciągu 14 dni.\n"),
)
SPECS = (HIDDEN_CHARACTERS, MIXED_SCRIPT, BIDI_CONTROL)
KIND = Kind.DOCUMENT
_SPECS_BY_KIND = {DisguiseKind.HIDDEN: HIDDEN_CHARACTERS, DisguiseKind.LOOKALIKE: MIXED_SCRIPT,
                  DisguiseKind.BIDI: BIDI_CONTROL}
MAX_LISTED = 3  # disguises named in one finding; the count says how many more
MAX_QUOTED = 80  # characters of a disguised stretch quoted in a message


@dataclass(frozen=True)
class _Found:
    disguise: Disguise
    segment: Segment

    @property
    def span(self) -> Span:
        return self.segment.written_span(self.disguise.start, self.disguise.end)

    @property
    def written(self) -> str:
        return self.segment.written[self.disguise.start:self.disguise.end]


def build(context: CheckContext) -> DocumentCheck:
    return check


def check(document: Document, segments: Sequence[AnalysedSegment]) -> Iterator[Finding]:
    lines: dict[tuple[DisguiseKind, int], list[_Found]] = {}
    for segment in document.segments:
        if segment.written:  # the reader's text differs from the written one only then
            for disguise in disguises(segment.written):
                found = _Found(disguise, segment)
                lines.setdefault((disguise.kind, found.span.line), []).append(found)
    for (kind, _), on_line in sorted(lines.items()):
        yield _finding(document, kind, on_line)


def _finding(document: Document, kind: DisguiseKind, found: list[_Found]) -> Finding:
    """One finding for the disguises of one kind on one line."""
    first, last = found[0].span, found[-1].span
    listed = [_described(kind, item) for item in found[:MAX_LISTED]]
    more = f"; and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    return _SPECS_BY_KIND[kind].finding(
        document, Span(first.line, first.column, last.end_line, last.end_column),
        "; ".join(listed) + more,
        excerpt=" … ".join(_quoted(item.written) for item in found[:MAX_LISTED]))


def _described(kind: DisguiseKind, item: _Found) -> str:
    quoted, seen = _quoted(item.written), _quoted(reader_text(item.written).text)
    characters = _names(item.disguise.characters)
    if kind is DisguiseKind.HIDDEN:
        return f"invisible {characters} inside “{quoted}”, read as “{seen}”"
    if kind is DisguiseKind.LOOKALIKE:
        return f"“{quoted}” mixes Latin letters with the lookalikes {characters}, read as “{seen}”"
    return (f"{characters} in “{quoted}”: shown in another order than written, checked as "
            f"written (“{seen}”)")


def _quoted(text: str) -> str:
    """`text` with its invisible characters escaped, cut to MAX_QUOTED characters."""
    cut = text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + "…"
    return visible(cut)


def _names(characters: str) -> str:
    return ", ".join(f"U+{ord(character):04X} {unicodedata.name(character, '')}".rstrip()
                     for character in dict.fromkeys(characters))
