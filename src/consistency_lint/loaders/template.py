"""Jinja2 letter and e-mail templates: parsed in a sandbox, never rendered or executed.

The literal text is linted with every `{% if %}` branch included: block tags and comments
are blanked out (newlines kept, so positions stay exact) and `{{ ... }}` expressions stay
in place as placeholders. A leading `{# --- YAML --- #}` comment holds the metadata.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NoReturn

from jinja2 import TemplateSyntaxError, meta, nodes, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from consistency_lint.loaders import html, text
from consistency_lint.loaders.front_matter import FrontMatter, parse_front_matter
from consistency_lint.loaders.parsed import ParsedContent
from consistency_lint.loaders.placeholders import placeholder_pattern, with_placeholders
from consistency_lint.loaders.source import Source
from consistency_lint.loaders.template_internals import internal_names
from consistency_lint.model import (
    ContentProblem,
    ProblemKind,
    Span,
    TemplateExpression,
)
from consistency_lint.sourcemap import SourceMap


@pass_context
def _unfoldable(context: Context, *args: object, **kwargs: object) -> NoReturn:
    """Stands in for every filter: one that needs a render context is never folded."""
    raise TypeError("templates are parsed, never rendered")


# Templates are only parsed, but `meta.find_undeclared_variables` compiles them, and compiling
# folds constant expressions: `{{ 'a' * 10**10 }}` or `{{ 'x'|center(10**10) }}` would be
# evaluated here, with gigabytes of memory. Intercepted operators are not folded, nor filters.
_ENVIRONMENT = SandboxedEnvironment(autoescape=False)
_ENVIRONMENT.intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
_ENVIRONMENT.filters = dict.fromkeys(_ENVIRONMENT.filters, _unfoldable)
_BLANKED_TOKENS = frozenset(
    {"block_begin", "block_end", "comment_begin", "comment", "comment_end", "raw_begin",
     "raw_end", "linestatement_begin", "linestatement_end", "linecomment_begin",
     "linecomment", "linecomment_end"}
)
_EXPRESSION_CLOSERS = {"variable_begin": "variable_end", "block_begin": "block_end"}
_JINJA_PLACEHOLDER = placeholder_pattern(("jinja",))
_HTML_SUFFIXES = (".html.j2", ".htm.j2", ".html.jinja", ".html.jinja2", ".html")


@dataclass(frozen=True)
class _Token:
    line: int
    kind: str
    value: str
    offset: int


def parse(source: Source) -> ParsedContent:
    template_text = source.text
    try:
        ast = _ENVIRONMENT.parse(template_text)
        tokens = list(_positioned_tokens(template_text))
    except TemplateSyntaxError as error:
        problem = ContentProblem(
            ProblemKind.TEMPLATE_SYNTAX, f"template does not parse: {error.message}",
            Span.point(error.lineno or 1),
        )
        return ParsedContent(segments=(), problems=(problem,))
    front_matter = _front_matter(tokens)
    masked = _blank_tags(template_text, tokens)
    if source.name.lower().endswith(_HTML_SUFFIXES):
        segments = html.parse(Source(masked.encode("utf-8"), source.name)).segments
    else:
        segments = tuple(text.paragraphs(masked))
    source_map = SourceMap(template_text)
    internal = tuple(_internal_accesses(ast, tokens, source_map))  # before compiling folds `ast`
    context_names = meta.find_undeclared_variables(ast)
    return ParsedContent(
        segments=tuple(with_placeholders(segment, _JINJA_PLACEHOLDER) for segment in segments),
        metadata=front_matter.values,
        metadata_lines=front_matter.lines,
        template_expressions=(*_expressions(tokens, context_names, source_map), *internal),
        problems=front_matter.problems,
    )


def _positioned_tokens(template_text: str) -> Iterator[_Token]:
    offset = 0
    for line, kind, value in _ENVIRONMENT.lexer.tokeniter(template_text, None):
        if not template_text.startswith(value, offset):
            offset = max(template_text.find(value, offset), offset)
        yield _Token(line, kind, value, offset)
        offset += len(value)


def _front_matter(tokens: list[_Token]) -> FrontMatter:
    if len(tokens) < 2 or tokens[0].kind != "comment_begin" or tokens[1].kind != "comment":
        return FrontMatter()
    body = tokens[1].value
    stripped = body.strip()
    if len(stripped) < 6 or not (stripped.startswith("---") and stripped.endswith("---")):
        return FrontMatter()
    start, end = body.index("---") + 3, body.rindex("---")
    # The YAML text starts on the line of the opening `---`.
    return parse_front_matter(body[start:end], first_line=tokens[1].line + body[:start].count("\n"))


def _blank_tags(template_text: str, tokens: list[_Token]) -> str:
    """The template with tags and comments replaced by spaces; newlines kept."""
    characters = list(template_text)
    in_block = False
    for token in tokens:
        if token.kind in ("block_begin", "comment_begin", "linestatement_begin"):
            in_block = True
        if in_block or token.kind in _BLANKED_TOKENS:
            for index in range(token.offset, token.offset + len(token.value)):
                if characters[index] != "\n":
                    characters[index] = " "
        if token.kind in ("block_end", "comment_end", "linestatement_end"):
            in_block = False
    return "".join(characters)


def _expressions(
    tokens: list[_Token], context_names: set[str], source_map: SourceMap
) -> Iterator[TemplateExpression]:
    """Variable paths read from the context (`customer.name`)."""
    closer: str | None = None
    previous_operator = ""
    for index, token in enumerate(tokens):
        if closer is None:
            closer = _EXPRESSION_CLOSERS.get(token.kind)
            continue
        if token.kind == closer:
            closer = None
        elif token.kind == "name" and previous_operator != "." and token.value in context_names:
            path = _dotted_path(tokens, index)
            yield TemplateExpression(path, _span(token, source_map, len(path)))
        if token.kind == "operator":
            previous_operator = token.value
        elif token.kind != "whitespace":
            previous_operator = ""


def _internal_accesses(ast: nodes.Template, tokens: list[_Token],
                       source_map: SourceMap) -> Iterator[TemplateExpression]:
    """One entry per line that reaches for names starting with `_` (`''.__class__.__mro__`),
    spanning the template code on that line (the parsed template has lines, no columns)."""
    names_by_line: dict[int, list[str]] = defaultdict(list)
    for name in internal_names(ast):
        names_by_line[name.line].append(name.shown)
    code_by_line: dict[int, list[_Token]] = defaultdict(list)
    for token in tokens:
        if token.kind not in ("data", "whitespace"):
            code_by_line[token.line].append(token)
    for line, names in sorted(names_by_line.items()):
        shown = ", ".join(names)
        yield TemplateExpression(shown, _code_span(code_by_line[line], source_map), shown)


def _code_span(code: list[_Token], source_map: SourceMap) -> Span:
    """From the first token of `code` to the end of the last (a node's line always starts
    one of them)."""
    start_line, start_column = source_map.position(code[0].offset)
    end_line, end_column = source_map.position(code[-1].offset + len(code[-1].value))
    return Span(start_line, start_column, end_line, end_column)


def _dotted_path(tokens: list[_Token], start: int) -> str:
    parts = [tokens[start].value]
    index = start + 1
    while (index + 1 < len(tokens) and tokens[index].value == "."
           and tokens[index + 1].kind == "name"):
        parts.append(tokens[index + 1].value)
        index += 2
    return ".".join(parts)


def _span(token: _Token, source_map: SourceMap, length: int | None = None) -> Span:
    line, column = source_map.position(token.offset)
    return Span(line, column, line, column + (length or len(token.value)))
