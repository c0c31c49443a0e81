"""Builds Segments piece by piece while remembering where each piece came from."""

from __future__ import annotations

import re

from consistency_lint.model import Anchor, Link, Segment
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

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def add(self, text: str, line: int, column: int) -> None:
        for index, part in enumerate(text.split("\n")):
            if index > 0:
                self.newline()
                line, column = line + 1, 1
            if self._at_line_start:
                stripped = _LEADING_SPACE.sub("", part)
                column += len(part) - len(stripped)
                part = stripped
            self._add_line_part(part, line, column)

    def newline(self) -> None:
        """Continue on another source line: one space joins the lines, indentation is dropped."""
        if self._parts and not self._parts[-1].endswith(" "):
            self._append(" ")
        self._at_line_start = True

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
        )

    def _add_line_part(self, part: str, line: int, column: int) -> None:
        if not part:
            return
        self._at_line_start = False
        self._anchors.append(Anchor(self._length, line, column))
        self._append(part)

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
