"""YAML metadata of a document (`doc_type`, `owner`, `last_reviewed`, `language`, ...)."""

from __future__ import annotations

from dataclasses import dataclass, field

from consistency_lint.model import ContentProblem, ProblemKind, Span
from consistency_lint.yaml_loading import YamlError, load_yaml


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: tuple[ContentProblem, ...] = ()


def parse_front_matter(text: str, first_line: int) -> FrontMatter:
    """Parse YAML metadata whose first line is `first_line` in the file.

    A malformed block is a problem, not a failure: the document body is still linted.
    """
    try:
        document = load_yaml(text)
    except YamlError as error:
        line = first_line + (error.line or 1) - 1
        return FrontMatter(problems=(_problem(f"front matter: {error.message}", line),))
    if document.data is None:
        return FrontMatter()
    if not isinstance(document.data, dict):
        return FrontMatter(problems=(_problem("front matter must be a YAML mapping", first_line),))
    values = {str(key): value for key, value in document.data.items()}
    lines = {key: first_line + (document.line_of((key,)) or 1) - 1 for key in values}
    return FrontMatter(values, lines)


def _problem(message: str, line: int) -> ContentProblem:
    return ContentProblem(ProblemKind.FRONT_MATTER, message, Span.point(line))
