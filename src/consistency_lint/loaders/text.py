"""Plain text: optional `---` front matter, then paragraphs separated by blank lines."""

from __future__ import annotations

import re

from consistency_lint.loaders.front_matter import FrontMatter, parse_front_matter
from consistency_lint.loaders.parsed import ParsedContent, refuse_too_many_segments
from consistency_lint.loaders.segments import SegmentBuilder
from consistency_lint.loaders.source import Source
from consistency_lint.model import Segment
from consistency_lint.sourcemap import SourceMap

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\n \t][^\n]*)*")


def parse(source: Source) -> ParsedContent:
    text = source.text
    front_matter, body_start = split_front_matter(text)
    return ParsedContent(
        segments=tuple(paragraphs(text, body_start)),
        metadata=front_matter.values,
        metadata_lines=front_matter.lines,
        problems=front_matter.problems,
    )


def split_front_matter(text: str) -> tuple[FrontMatter, int]:
    """The `---`-delimited metadata block at the top of `text`, and where the body starts."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return FrontMatter(), 0
    return parse_front_matter(match.group(1), first_line=2), match.end()


def paragraphs(text: str, start: int = 0) -> list[Segment]:
    """Blank-line-separated paragraphs of `text[start:]`, positioned in `text`."""
    source_map = SourceMap(text)
    segments = []
    for match in _PARAGRAPH.finditer(text, start):
        builder = SegmentBuilder()
        offset = match.start()
        for line_text in match.group().split("\n"):
            builder.add(line_text, *source_map.position(offset))
            builder.newline()
            offset += len(line_text) + 1
        segment = builder.build("paragraph")
        if segment is not None:
            segments.append(segment)
            refuse_too_many_segments(len(segments), "file", segment.span.line)
    return segments
