"""Builds Segments piece by piece while remembering where each piece came from."""

from __future__ import annotations

import re

from consistency_lint.model import Anchor, Link, Markup, Segment
from consistency_lint.reader_text import reader_text

_LEADING_SPACE = re.compile(r"^[ \t\r\f\v\u00a0]+")


class SegmentBuilder:
    """Accumulates text pieces with their source positions into one Segment.

    Newlines inside a piece become single spaces, and indentation after them is dropped,
    so that a paragraph wrapped over several source lines reads as one line of text while
    every character still maps back to its exact line and column.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._anchors: list[Anchor] = []
        self._links: list[Link] = []
        self._open_link: tuple[str, int] | None = None
        self._at_line_start = True
        self._markup: list[Markup] = []

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def add(self, text: str, line: int, column: int,
            markup: frozenset[str] = frozenset()) -> None:
        """Add `text` found at (line, column), inside the elements `markup` names."""
        for index, part in enumerate(text.split("\n")):
            if index > 0:
                self.newline()
                line, column = line + 1, 1
            if self._at_line_start:
                stripped = _LEADING_SPACE.sub("", part)
                column += len(part) - len(stripped)
                part = stripped
            self._add_line_part(part, line, column, markup)

    def newline(self) -> None:
        """Continue on another source line: one space joins the lines, indentation is dropped."""
        if self._parts and not self._parts[-1].endswith(" "):
            self._append(" ")
        self._at_line_start = True

    @property
    def last_character(self) -> str:
        """The text's last character so far, "" before any."""
        return self._parts[-1][-1] if self._parts else ""

    def separate(self) -> None:
        """Set the next piece apart from the text before it, as a reader sees two words."""
        if self._parts and not self._parts[-1][-1].isspace():
            self._append(" ")

    def start_link(self, href: str) -> None:
        self._open_link = (href, self._length)

    def end_link(self) -> None:
        if self._open_link is not None:
            href, start = self._open_link
            self._links.append(Link(href, start, self._length))
            self._open_link = None

    def build(self, kind: str, heading_path: tuple[str, ...] = (),
              footer: bool = False) -> Segment | None:
        """The finished segment (trailing whitespace trimmed), or None if a reader sees no
        text in it. Its text is what a reader sees (`reader_text`); the text as written
        stays beside it for positions and excerpts."""
        self.end_link()
        written = self.text.rstrip()
        seen = reader_text(written)
        if not seen.text.strip():
            return None
        return Segment(
            text=seen.text,
            kind=kind,
            anchors=tuple(self._anchors),
            heading_path=heading_path,
            links=tuple(Link(link.href, seen.offset_of(link.start), seen.offset_of(link.end))
                        for link in self._links),
            written=written if seen.text != written else "",
            shifts=seen.shifts,
            footer=footer,
            markup=tuple(Markup(seen.offset_of(min(run.start, len(written))),
                                seen.offset_of(min(run.end, len(written))), run.selectors)
                         for run in self._markup if run.start < len(written)),
        )

    def _add_line_part(self, part: str, line: int, column: int,
                       markup: frozenset[str]) -> None:
        if not part:
            return
        self._at_line_start = False
        self._anchors.append(Anchor(self._length, line, column))
        if markup:
            self._add_markup(self._length, self._length + len(part), markup)
        self._append(part)

    def _add_markup(self, start: int, end: int, selectors: frozenset[str]) -> None:
        """One run per stretch of text inside the same elements."""
        last = self._markup[-1] if self._markup else None
        if last is not None and last.selectors == selectors and last.end >= start - 1:
            self._markup[-1] = Markup(last.start, end, selectors)
        else:
            self._markup.append(Markup(start, end, selectors))

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
