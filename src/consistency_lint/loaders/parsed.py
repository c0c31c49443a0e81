"""What every loader returns: the content of one file, before the pipeline names it."""

from __future__ import annotations

from dataclasses import dataclass, field

from consistency_lint.model import ContentProblem, Segment, TemplateExpression


@dataclass(frozen=True)
class ParsedContent:
    segments: tuple[Segment, ...]
    metadata: dict[str, object] = field(default_factory=dict)
    metadata_lines: dict[str, int] = field(default_factory=dict)
    template_expressions: tuple[TemplateExpression, ...] = ()
    problems: tuple[ContentProblem, ...] = ()
