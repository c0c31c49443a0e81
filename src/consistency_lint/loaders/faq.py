"""FAQ files: a YAML list of question/answer entries, or Markdown with `##` questions.

YAML may also be a mapping of metadata (`owner`, `last_reviewed`, ...) with the list
under `entries:`, or open with front matter between `---` lines, as Markdown does. Every
question and answer is its own segment at its own line.
"""

from __future__ import annotations

import re

import yaml

from consistency_lint.loaders import markdown
from consistency_lint.loaders.front_matter import FrontMatter, parse_front_matter, value_lines
from consistency_lint.loaders.parsed import ParsedContent, refuse_too_many_segments
from consistency_lint.loaders.segments import SegmentBuilder
from consistency_lint.loaders.source import ContentLoadError, Source
from consistency_lint.model import ContentProblem, ProblemKind, Segment, Span
from consistency_lint.yaml_loading import YamlDocument, YamlError, load_yaml

ENTRY_KEYS = frozenset({"question", "answer", "id", "tags"})


def parse(source: Source) -> ParsedContent:
    if source.name.lower().endswith((".md", ".markdown")):
        front_matter, blocks = markdown.parse_blocks(source.text)
        return ParsedContent(
            segments=tuple(markdown.faq_entries(blocks)),
            metadata=front_matter.values,
            metadata_lines=front_matter.lines,
            problems=front_matter.problems,
        )
    return _parse_yaml(source.text)


# Front matter as Markdown writes it, before the list: a YAML stream of two documents.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<block>.*?\n)---[ \t]*\n", re.DOTALL)


def _parse_yaml(text: str) -> ParsedContent:
    front_matter, text = _without_front_matter(text)
    try:
        document = load_yaml(text)
    except YamlError as error:
        raise ContentLoadError(ProblemKind.MALFORMED, error.message, error.line or 1) from None
    if document.root is None:
        return ParsedContent(segments=(), metadata=front_matter.values,
                             metadata_lines=front_matter.lines, problems=front_matter.problems)
    metadata, metadata_lines, entries_node = _split_metadata(document)
    metadata, metadata_lines = ({**front_matter.values, **metadata},
                                {**front_matter.lines, **metadata_lines})
    lines = text.split("\n")
    segments: list[Segment] = []
    problems: list[ContentProblem] = []
    for entry in entries_node.value:
        line = entry.start_mark.line + 1
        fields = _entry_fields(entry)
        question, answer = fields.get("question"), fields.get("answer")
        unknown = sorted(set(fields) - ENTRY_KEYS)
        if question is None or answer is None or unknown:
            problems.append(_malformed_entry(line, unknown))
            continue
        question_segment = _scalar_segment(question, lines, "question", ())
        answer_segment = _scalar_segment(answer, lines, "answer", (question.value,))
        segments.extend(s for s in (question_segment, answer_segment) if s is not None)
        refuse_too_many_segments(len(segments), "file", line)
    return ParsedContent(tuple(segments), metadata, metadata_lines, (),
                         (*front_matter.problems, *problems))


def _without_front_matter(text: str) -> tuple[FrontMatter, str]:
    """The front matter a file opens with, if any, and the text with its lines blanked (so
    that the entries keep their line numbers)."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return FrontMatter(), text
    front_matter = parse_front_matter(found.group("block"), first_line=2)
    return front_matter, "\n" * found.group().count("\n") + text[found.end():]


def _split_metadata(
    document: YamlDocument,
) -> tuple[dict[str, object], dict[str, int], yaml.SequenceNode]:
    root = document.root
    if isinstance(root, yaml.SequenceNode):
        return {}, {}, root
    if isinstance(root, yaml.MappingNode) and isinstance(document.data, dict):
        entries = next((v for k, v in root.value if k.value == "entries"), None)
        if isinstance(entries, yaml.SequenceNode):
            metadata = {str(k): v for k, v in document.data.items() if k != "entries"}
            lines = value_lines(document, metadata)
            return metadata, lines, entries
    line = root.start_mark.line + 1 if root is not None else 1
    raise ContentLoadError(
        ProblemKind.MALFORMED,
        "an FAQ file must be a list of {question, answer} entries, or a mapping with `entries:`",
        line,
    )


def _entry_fields(entry: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(entry, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in entry.value}


def _malformed_entry(line: int, unknown: list[str]) -> ContentProblem:
    detail = f"unknown keys {', '.join(unknown)}" if unknown else "it needs `question` and `answer`"
    return ContentProblem(ProblemKind.MALFORMED, f"FAQ entry skipped: {detail}", Span.point(line))


def _scalar_segment(
    node: yaml.Node, lines: list[str], kind: str, heading_path: tuple[str, ...]
) -> Segment | None:
    """The scalar's text, taken from its source lines so that positions stay exact."""
    if not isinstance(node, yaml.ScalarNode) or not isinstance(node.value, str):
        return None
    start, end = node.start_mark, node.end_mark
    block = node.style in ("|", ">")
    quoted = node.style in ('"', "'")
    first_index = start.line + 1 if block else start.line
    builder = SegmentBuilder()
    for index in range(first_index, min(end.line + 1, len(lines))):
        line_text = lines[index]
        begin = start.column + (1 if quoted else 0) if index == start.line else 0
        finish = end.column - (1 if quoted else 0) if index == end.line else len(line_text)
        builder.add(line_text[begin:finish], index + 1, begin + 1)
        builder.newline()
    return builder.build(kind, heading_path)
