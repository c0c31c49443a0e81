"""Markdown with YAML front matter; headings become structure (markdown-it-py).

markdown-it gives line ranges for blocks but no columns for inline text, so each inline
piece is aligned with its block's source lines in order: the search only moves forward,
so a phrase repeated in a paragraph still maps to its own occurrence. Entities and
backslash escapes stay pieces of their own (`text_join` is off), found as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from consistency_lint.loaders.front_matter import FrontMatter, parse_front_matter
from consistency_lint.loaders.parsed import ParsedContent, refuse_too_many_segments
from consistency_lint.loaders.segments import SegmentBuilder
from consistency_lint.loaders.source import Source
from consistency_lint.loaders.tables import TableTracker
from consistency_lint.model import Segment

_PARSER = MarkdownIt("commonmark").enable("table").disable("text_join").use(front_matter_plugin)
_SKIPPED_INLINE = frozenset({"code_inline", "html_inline", "image"})
# An attribute list ending a block: kramdown's "{: #id .class}", Python-Markdown's and
# Pandoc's "{#id}": markup the page never shows ("## Prawo właściwe {: #governinglaw }").
_ATTRIBUTE_LIST = re.compile(
    r"\s*\{:?(?:\s*(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+)))+\s*\}\s*$")
_MISS_BUDGET_FACTOR = 4  # times a block's length: what searches for pieces not found may cost
_NEARBY = 200  # characters past the cursor where a piece is looked for once that is spent


@dataclass(frozen=True)
class Block:
    """A segment with the heading level it opens (0 for anything but a heading)."""

    segment: Segment
    heading_level: int


def parse(source: Source) -> ParsedContent:
    front_matter, blocks = parse_blocks(source.text)
    return ParsedContent(
        segments=tuple(block.segment for block in blocks),
        metadata=front_matter.values,
        metadata_lines=front_matter.lines,
        problems=front_matter.problems,
    )


def parse_blocks(text: str) -> tuple[FrontMatter, list[Block]]:
    """Front matter and the document's text blocks, in order."""
    tokens = _PARSER.parse(text)
    lines = text.split("\n")
    front_matter = FrontMatter()
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    tables = TableTracker()
    for token, container in _inline_tokens(tokens, tables):
        if token.type == "front_matter":
            front_matter = parse_front_matter(token.content, first_line=2)
            continue
        level = int(container.tag[1]) if container.type == "heading_open" else 0
        if level:
            headings = [(lvl, title) for lvl, title in headings if lvl < level]
        segment = _build_segment(token, lines, _segment_kind(container),
                                 tuple(title for _, title in headings))
        if segment is None:
            continue
        if level:
            headings.append((level, segment.text))
        cell = tables.cell()
        tables.add_text(segment.text)
        blocks.append(Block(replace(segment, cell=cell) if cell is not None else segment, level))
        refuse_too_many_segments(len(blocks), "file", segment.span.line)
    return front_matter, blocks


_TABLE_EVENTS = {
    "table_open": TableTracker.start_table, "table_close": TableTracker.end_table,
    "thead_open": lambda tables: tables.head(inside=True),
    "thead_close": lambda tables: tables.head(inside=False),
    "tr_open": TableTracker.start_row,
    "th_open": lambda tables: tables.open_cell(header=True),
    "td_open": lambda tables: tables.open_cell(header=False),
    "th_close": TableTracker.close_cell, "td_close": TableTracker.close_cell,
}


def _inline_tokens(tokens: list[Token], tables: TableTracker) -> Iterator[tuple[Token, Token]]:
    """Each inline token (and the front matter) with the block that contains it; `tables`
    follows the tables they stand in."""
    containers: list[Token] = []
    for token in tokens:
        event = _TABLE_EVENTS.get(token.type)
        if event is not None:
            event(tables)
        if token.type == "front_matter":
            yield token, token
        elif token.nesting == 1:
            containers.append(token)
        elif token.nesting == -1 and containers:
            containers.pop()
        elif token.type == "inline" and containers:
            yield token, _meaningful_container(containers)


def _meaningful_container(containers: list[Token]) -> Token:
    for token in reversed(containers):
        if token.type in {"heading_open", "list_item_open", "th_open", "td_open"}:
            return token
    return containers[-1]


def _segment_kind(container: Token) -> str:
    return {
        "heading_open": "heading",
        "list_item_open": "list-item",
        "th_open": "table-cell",
        "td_open": "table-cell",
    }.get(container.type, "paragraph")


def _build_segment(
    token: Token, lines: list[str], kind: str, heading_path: tuple[str, ...]
) -> Segment | None:
    locate = _ContentLocator(token, lines)
    builder = SegmentBuilder()
    children = token.children or []
    for index, child in enumerate(children):
        if child.type == "text":
            line, column = locate.find(child.content)
            shown = child.content if index < len(children) - 1 \
                else _ATTRIBUTE_LIST.sub("", child.content)
            builder.add(shown, line, column)
        elif child.type == "text_special":  # an entity or escape: `&amp;`, `\*`
            line, column = locate.find(child.markup)
            builder.add(child.content, line, column)
        elif child.type in {"softbreak", "hardbreak"}:
            builder.add("\n", *locate.here())
        elif child.type == "link_open":
            builder.start_link(str(child.attrs.get("href", "")))
        elif child.type == "link_close":
            builder.end_link()
        elif child.type in _SKIPPED_INLINE:
            locate.find(child.content)
    return builder.build(kind, heading_path)


class _ContentLocator:
    """Maps offsets in an inline token's content to source (line, column), moving forward.

    A piece that is not in the content as written (a code span over two lines) costs a
    search to the content's end; such searches may add up to a few times the content's
    length, and after that a piece is looked for near the cursor only, so that a block of
    a thousand such pieces costs no more than a thousand found ones.
    """

    def __init__(self, token: Token, lines: list[str]) -> None:
        self._content = token.content
        self._cursor = 0
        self._miss_budget = _MISS_BUDGET_FACTOR * len(self._content)
        first_line = token.map[0] if token.map else 0
        self._line_offsets: list[int] = []  # where each content line starts in the content
        self._line_origins: list[tuple[int, int]] = []  # ... and its source line and column
        offset, source_index = 0, first_line
        for content_line in token.content.split("\n"):
            source_index, column = _find_line(lines, source_index, content_line)
            self._line_offsets.append(offset)
            self._line_origins.append((source_index + 1, column + 1))
            offset += len(content_line) + 1
            source_index += 1

    def find(self, text: str) -> tuple[int, int]:
        if not text:
            return self.here()
        end = len(self._content)
        if self._miss_budget <= 0:
            end = min(end, self._cursor + len(text) + _NEARBY)
        index = self._content.find(text, self._cursor, end)
        if index < 0:
            self._miss_budget -= end - self._cursor
            return self.here()
        self._cursor = index + len(text)
        return self._position(index)

    def here(self) -> tuple[int, int]:
        return self._position(self._cursor)

    def _position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_offsets, offset) - 1
        if index < 0:
            return 1, 1 + offset
        line, column = self._line_origins[index]
        return line, column + offset - self._line_offsets[index]


def _find_line(lines: list[str], start: int, content_line: str) -> tuple[int, int]:
    """Index and column of the first source line at or after `start` containing the text."""
    for index in range(start, min(start + 50, len(lines))):
        column = lines[index].find(content_line)
        if column >= 0:
            return index, column
    return start, 0


def faq_entries(blocks: list[Block]) -> list[Segment]:
    """Markdown FAQ: each `##` heading is a question, what follows it is its answer; text
    outside a question (an introduction, a `#` section) is kept as it is, and linted."""
    segments: list[Segment] = []
    question: str | None = None
    for block in blocks:
        if block.heading_level == 2:
            question = block.segment.text
            segments.append(replace(block.segment, kind="question"))
        elif question is not None and block.heading_level in (0, 3, 4, 5, 6):
            segments.append(replace(block.segment, kind="answer", heading_path=(question,)))
        else:
            if block.heading_level == 1:
                question = None
            segments.append(block.segment)
    return segments
