"""A content file as the loaders read it: its segments with their source map, template
expressions, what could not be read, and its inline suppressions."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, get_args

from consistency_lint.model.pickling import pickled_by_constructor


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based, inclusive-start / exclusive-end region of a source file."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column)

    def holds_exactly(self, text: str) -> bool:
        """Whether the file has `text` here just as a reader sees it, on one line: only then
        may a correction replace the span ("dzie**ku**jemy" has markup in it)."""
        return self.line == self.end_line and self.end_column - self.column == len(text)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Anchor:
    """Maps the segment's written text (as the file has it) from `offset` onwards to a
    source position.

    Segment text never continues across a source line without a new anchor, so the
    position of any character is its anchor's position plus the distance to it.
    """

    offset: int
    line: int
    column: int


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Shift:
    """From `offset` onwards, the text a reader sees continues at `written_offset` of the
    text as written: where invisible characters were dropped or letters composed."""

    offset: int
    written_offset: int


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Link:
    href: str
    start: int
    end: int


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class MenuLink:
    """A link of a page's navigation, which the loader drops as the site's furniture (a
    `<nav>` menu, a footer's row of links): no text of the page, but its target is an address
    the business states all the same, and a menu's link to an old domain is a slip."""

    href: str
    span: Span


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Markup:
    """Text inside markup: the elements that enclose `text[start:end]`, written as CSS
    selectors ("<del>", ".old-price", "{text-decoration:line-through}"). Loaders record what
    the markup is; what it means (a struck-through price) is for the rules to decide."""

    start: int
    end: int
    selectors: frozenset[str]


# The placeholder syntaxes a channel's files may use (`placeholders:` of a channel).
PlaceholderSyntax = Literal["jinja", "braces", "printf", "percent", "brackets"]
PLACEHOLDER_SYNTAXES: tuple[PlaceholderSyntax, ...] = get_args(PlaceholderSyntax)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Placeholder:
    """A template expression kept verbatim in the text, never to be linted as prose."""

    name: str
    start: int
    end: int


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class TableCell:
    """Where a table cell stands: the text of its row's first cell and of its column's
    header cell ("" where there is none). Loaders record the structure; what it means is
    for attribution to decide."""

    row: str = ""
    column: str = ""


# What a loader calls its segments; rules can be scoped to them (`segment_kinds`).
SegmentKind = Literal["paragraph", "heading", "title", "list-item", "table-cell", "button",
                      "label", "question", "answer"]


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Segment:
    """One unit of text (a paragraph, heading, list item, FAQ answer...) with its source map.

    `text` is what a reader sees (`reader_text`), which every check matches; `written` is the
    text as the file spells it, kept only where it differs (invisible characters, lookalike
    letters, decomposed accents...): positions and excerpts come from it. `footer` marks a
    page footer's text: facts (a hotline, an address, NIP) are read there as anywhere, but
    it is the site's furniture, not the page's prose.
    """

    text: str
    kind: str
    anchors: tuple[Anchor, ...]
    heading_path: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    written: str = ""  # "" when it is `text`
    shifts: tuple[Shift, ...] = ()  # where `text` stops following `written` one to one
    cell: TableCell | None = None  # a table cell's row and column headers
    footer: bool = False
    markup: tuple[Markup, ...] = ()  # the elements around its text, in order (HTML)

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of the character at `offset` in `text`."""
        return self.written_position(self.written_offset(offset))

    def written_position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of the character at `offset` in the written text."""
        index = bisect.bisect_right(self.anchors, offset, key=lambda anchor: anchor.offset) - 1
        anchor = self.anchors[max(index, 0)]
        return anchor.line, anchor.column + max(offset - anchor.offset, 0)

    def written_offset(self, offset: int) -> int:
        """Where the character at `offset` in `text` comes from in the written text."""
        if not self.shifts:
            return offset
        index = bisect.bisect_right(self.shifts, offset, key=lambda shift: shift.offset) - 1
        if index < 0:
            return offset
        shift = self.shifts[index]
        return shift.written_offset + offset - shift.offset

    def written_text(self, start: int, end: int) -> str:
        """`text[start:end]` as the file spells it: what excerpts show."""
        if not self.written:
            return self.text[start:end]
        written_start, written_end = self._written_range(start, end)
        return self.written[written_start:written_end]

    def overlaps_placeholder(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps a template placeholder (they are sorted and do
        not overlap each other, so a bisection finds the candidates)."""
        if not self.placeholders:
            return False  # most segments: no bisection at all
        index = max(bisect.bisect_right(self.placeholders, start,
                                        key=lambda placeholder: placeholder.start) - 1, 0)
        for position in range(index, len(self.placeholders)):  # no slice: it would copy
            placeholder = self.placeholders[position]
            if placeholder.start >= end:
                return False
            if placeholder.end > start:
                return True
        return False

    def span_of(self, start: int, end: int) -> Span:
        return self.written_span(*self._written_range(start, end))

    def written_span(self, start: int, end: int) -> Span:
        """The source span of `written[start:end]`."""
        line, column = self.written_position(start)
        end_line, end_column = self.written_position(max(end - 1, start))
        return Span(line, column, end_line, end_column + (1 if end > start else 0))

    def _written_range(self, start: int, end: int) -> tuple[int, int]:
        """The written text that `text[start:end]` was read from: with the combining marks
        of its last letter and the invisible characters after it, all of a ligature."""
        if not self.shifts or end <= start:
            return self.written_offset(start), self.written_offset(end)
        return (self.written_offset(start),
                max(self.written_offset(end - 1) + 1, self.written_offset(end)))

    @property
    def span(self) -> Span:
        return self.span_of(0, len(self.text))

    @property
    def words(self) -> int:
        """Whitespace-separated words; a template placeholder counts as one word."""
        extra = sum(len(self.text[p.start:p.end].split()) - 1 for p in self.placeholders)
        return len(self.text.split()) - extra


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class TemplateExpression:
    """A variable path used by a letter template (`customer.name`), or an unsafe access."""

    path: str
    span: Span
    unsafe_attribute: str | None = None


class ProblemKind(StrEnum):
    """What went wrong while reading a file; each kind maps to one built-in check."""

    UNREADABLE = "unreadable"
    NOT_TEXT = "not-text"
    TOO_LARGE = "too-large"
    EMPTY = "empty"
    MALFORMED = "malformed"
    FRONT_MATTER = "front-matter"
    TEMPLATE_SYNTAX = "template-syntax"


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class ContentProblem:
    """Something a loader could not read or parse; the checks turn it into a finding."""

    kind: ProblemKind
    message: str
    span: Span = field(default_factory=lambda: Span.point(1))


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline `disable` directive: the rules it silences, where, and why."""

    rules: frozenset[str]
    whole_file: bool
    line: int
    reason: str = ""


@dataclass(frozen=True)
class Document:
    """One content file as every later step sees it."""

    path: str
    channel: str
    loader: str
    doc_type: str | None
    language: str
    sha256: str
    segments: tuple[Segment, ...] = ()
    metadata: Mapping[str, object] = field(default_factory=dict)
    metadata_lines: Mapping[str, int] = field(default_factory=dict)
    template_expressions: tuple[TemplateExpression, ...] = ()
    problems: tuple[ContentProblem, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    menu_links: tuple[MenuLink, ...] = ()

    @property
    def words(self) -> int:
        return sum(segment.words for segment in self.segments)

    @property
    def first_line(self) -> int:
        return self.segments[0].anchors[0].line if self.segments else 1
