"""YAML metadata of a document (`doc_type`, `owner`, `last_reviewed`, `language`, ...)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from consistency_lint.model import ContentProblem, ProblemKind, Span
from consistency_lint.yaml_loading import YamlDocument, YamlError, load_yaml


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
    lines = {key: first_line + line - 1 for key, line in value_lines(document, values).items()}
    return FrontMatter(values, lines)


def value_lines(document: YamlDocument, keys: Iterable[str]) -> dict[str, int]:
    """The line of each key's value in a top-level mapping (of the mapping, for a key not
    written as such). One pass over the mapping: `line_of` for each key would cost time
    quadratic in the number of keys, and a hostile file can have a million."""
    root = document.root
    if not isinstance(root, yaml.MappingNode):
        return dict.fromkeys(keys, 1)
    written: dict[str, int] = {}
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode):
            written.setdefault(str(key_node.value), value_node.start_mark.line + 1)
    return {key: written.get(key, root.start_mark.line + 1) for key in keys}


def _problem(message: str, line: int) -> ContentProblem:
    return ContentProblem(ProblemKind.FRONT_MATTER, message, Span.point(line))
