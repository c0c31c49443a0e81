"""Parse a fixture file with one loader and describe its segments as plain tuples."""

from __future__ import annotations

from consistency_lint.loaders import PARSERS
from consistency_lint.loaders.parsed import ParsedContent
from consistency_lint.loaders.source import Source
from tests.conftest import FIXTURES

SegmentRow = tuple[str, str, int, int]


def parse_fixture(loader: str, name: str) -> ParsedContent:
    path = FIXTURES / "loaders" / name
    return PARSERS[loader](Source(path.read_bytes(), name))


def rows(parsed: ParsedContent) -> list[SegmentRow]:
    """(kind, text, line, column) of every segment."""
    return [(s.kind, s.text, s.span.line, s.span.column) for s in parsed.segments]
