"""Where a suppression comment may go so that it silences a finding and changes nothing a
customer reads.

A directive covers the segment that starts after its line (`checks/suppressions.py`), so the
comment goes on a line of its own just above the segment's first line, and only where a
line there is invisible to the reader and breaks no structure:

- HTML: above a line that an element starts, outside any tag, and outside `pre`,
  `textarea`, `title`, `script` and `style` (where a comment line is shown, or is text);
- Jinja templates: `{# … -#}`, whose `-` eats the line break it adds, so a rendered letter
  is unchanged; above a line outside any tag and outside `{% raw %}`;
- Markdown: above a paragraph, a heading or an FAQ entry that starts after a blank line or
  with `#` (a comment line inside a table, a list item, a quotation or a paragraph under
  way would end or split it);
- YAML FAQs: never (a comment line inside a block answer becomes part of the answer).

Where none fits, the editor offers no such quick fix; `rules explain` lists the forms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from consistency_lint.loaders import comment_syntax
from consistency_lint.loaders.suppressions import directive_comment
from consistency_lint.model import Document, Finding, Segment

MARKDOWN_KINDS = frozenset({"paragraph", "heading", "question", "answer"})
MARKDOWN_BLOCK_MARKS = (">", "|", "-", "*", "+")  # quoted, a table row, a list item
VERBATIM_ELEMENTS = ("pre", "textarea", "title", "script", "style")
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}")
_END_RAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")


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
    text, before = lines[line - 1], "\n".join(lines[:line - 1])
    previous = lines[line - 2].strip() if line > 1 else ""
    content = text.lstrip(" \t")
    indent = text[:len(text) - len(content)]
    if _inside_verbatim(before) or not _placeable(document.loader, target, content, previous,
                                                  before, indented=bool(indent)):
        return None
    if syntax == "jinja":
        comment = directive_comment("jinja", finding.rule).removesuffix(" #}") + " -#}"
        return Insertion(line, f"{indent}{comment}\n")
    return Insertion(line, f"{indent}{directive_comment('html', finding.rule)}\n")


def _placeable(loader: str, target: Segment, content: str, previous: str, before: str,
               indented: bool) -> bool:
    """Whether a comment line may go just above the line whose text is `content`."""
    if loader == "html":
        return content.startswith("<") and (not previous or previous.endswith(">"))
    if loader == "template":
        return not content.startswith(("%}", "}}", "#}", "-%}")) and all(
            before.count(opening) == before.count(closing)
            for opening, closing in (("{%", "%}"), ("{{", "}}"), ("{#", "#}"))) \
            and len(_RAW.findall(before)) == len(_END_RAW.findall(before))
    if target.kind not in MARKDOWN_KINDS or indented or content.startswith(MARKDOWN_BLOCK_MARKS):
        return False
    return not previous or previous.startswith("#") or content.startswith("#")


def _inside_verbatim(before: str) -> bool:
    """Whether an element whose content is shown as written is still open."""
    lowered = before.lower()
    return any(len(re.findall(rf"<{name}\b", lowered)) > lowered.count(f"</{name}")
               for name in VERBATIM_ELEMENTS)


def _segment_at(segments: Sequence[Segment], line: int) -> Segment | None:
    return next((segment for segment in segments
                 if segment.span.line <= line <= segment.span.end_line), None)


def _first_starting_from(segments: Sequence[Segment], line: int) -> Segment | None:
    """The segment a directive just above `line` covers."""
    return next((segment for segment in segments if segment.span.line >= line), None)
