"""What every loader returns: the content of one file, before the pipeline names it, and
the most text blocks a file may have."""

from __future__ import annotations

from dataclasses import dataclass, field

from consistency_lint.loaders.source import ContentLoadError
from consistency_lint.model import (
    ContentProblem,
    MenuLink,
    ProblemKind,
    Segment,
    TemplateExpression,
)

MAX_SEGMENTS = 250_000  # a million-block file would take minutes, to no one's benefit


@dataclass(frozen=True)
class ParsedContent:
    segments: tuple[Segment, ...]
    metadata: dict[str, object] = field(default_factory=dict)
    metadata_lines: dict[str, int] = field(default_factory=dict)
    template_expressions: tuple[TemplateExpression, ...] = ()
    problems: tuple[ContentProblem, ...] = ()
    menu_links: tuple[MenuLink, ...] = ()


def refuse_too_many_segments(count: int, what: str, line: int) -> None:
    """Stop reading a file at its (MAX_SEGMENTS + 1)th text block (paragraph, list item, table
    cell...), `what` naming the kind of file, `line` where that block is."""
    if count > MAX_SEGMENTS:
        raise ContentLoadError(
            ProblemKind.TOO_LARGE,
            f"{what} has more than {MAX_SEGMENTS:,} text blocks (no real {what} has); not read",
            line)
