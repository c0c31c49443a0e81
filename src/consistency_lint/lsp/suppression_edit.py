"""Where a suppression comment may go so that it silences a finding and changes nothing a
customer reads.

A directive covers the segment that starts after its line (`checks/suppressions.py`), so the
comment goes on a line of its own just above the segment's first line, and only where a
line there is invisible to the reader and breaks no structure:

- HTML: anywhere but a page's title (an element whose text is shown as written);
- Jinja templates: `{# … -#}`, whose `-` eats the line break it adds, so a rendered letter
  is unchanged;
- Markdown: above a paragraph or a heading that starts its line (a comment line inside a
  table, a list item or a quotation would end it);
- YAML FAQs: never (a comment line inside a block answer becomes part of the answer).

Where none fits, the editor offers no such quick fix; `rules explain` lists the forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from consistency_lint.loaders import comment_syntax
from consistency_lint.loaders.suppressions import directive_comment
from consistency_lint.model import Document, Finding, Segment

MARKDOWN_KINDS = frozenset({"paragraph", "heading"})
MARKDOWN_BLOCK_MARKS = (" ", "\t", ">", "|")  # indented, quoted, a table row


@dataclass(frozen=True)
class Insertion:
    line: int  # 1-based: the text goes at the start of this line
    text: str


def suppression_insertion(document: Document, finding: Finding,
                          lines: Sequence[str]) -> Insertion | None:
    """The comment line that silences `finding` in `document` (whose text, split into lines
    as the tool counts them, is `lines`); None where no comment line is safe."""
    syntax = comment_syntax(document.loader, document.path)
    target = _segment_at(document.segments, finding.span.line)
    if syntax is None or syntax == "yaml" or target is None or target.kind == "title":
        return None
    line = target.span.line
    if _first_starting_from(document.segments, line) is not target \
            or not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    indent = text[:len(text) - len(text.lstrip(" \t"))]
    if syntax == "jinja":
        comment = directive_comment("jinja", finding.rule).removesuffix(" #}") + " -#}"
        return Insertion(line, f"{indent}{comment}\n")
    if document.loader != "html" and (target.kind not in MARKDOWN_KINDS
                                       or text.startswith(MARKDOWN_BLOCK_MARKS)):
        return None
    return Insertion(line, f"{indent}{directive_comment('html', finding.rule)}\n")


def _segment_at(segments: Sequence[Segment], line: int) -> Segment | None:
    return next((segment for segment in segments
                 if segment.span.line <= line <= segment.span.end_line), None)


def _first_starting_from(segments: Sequence[Segment], line: int) -> Segment | None:
    """The segment a directive just above `line` covers."""
    return next((segment for segment in segments if segment.span.line >= line), None)
