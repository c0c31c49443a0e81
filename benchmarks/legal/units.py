"""What is judged: regions of the linted files that must, must not, or may be flagged.

Every annotation of every source becomes a `Unit`: a character range of one file of a linted
project, so that a finding (a line/column span) is matched with the same overlap test
everywhere.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from consistency_lint.model import Finding

MUST = "must"  # a prohibited statement: must get a legal-prohibited finding of its item
MUST_NOT = "must-not"  # a compliant clause: must get no legal-prohibited finding
LEVEL2 = "level-2"  # a CLAUDETTE "potentially unfair" tag: reported, not counted
UNCOVERED = "uncovered"  # a CLAUDETTE unfair tag of a family the spec does not cover
SAFE = "safe"  # an untagged CLAUDETTE sentence
SKIPPED = "skipped"  # a line left unannotated on purpose (borderline): findings unjudged


@dataclass(frozen=True)
class Unit:
    source: str  # claudette | hand | paraphrases
    kind: str
    path: str  # the file's path in its linted project (= its path under ../shared/corpus)
    start: int  # character offsets into the file's text, end exclusive
    end: int
    family: str
    split: str
    items: frozenset[str] | None  # MUST: the spec items a right finding names (None: any)
    label: str  # how --details names it

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end

    def accepts(self, spec: frozenset[str]) -> bool:
        return self.items is None or bool(self.items & spec)


class LineIndex:
    """Line/column (1-based) <-> character offsets of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.starts.append(index + 1)

    def line_range(self, line: int) -> tuple[int, int]:
        start = self.starts[min(line, len(self.starts)) - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return start, end

    def offset(self, line: int, column: int) -> int:
        start, end = self.line_range(max(line, 1))
        return min(start + max(column, 1) - 1, end)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def finding_range(self, finding: Finding) -> tuple[int, int]:
        """The finding's characters; a point (or a whole-document finding) covers its line."""
        span = finding.span
        start = self.offset(span.line, span.column)
        end = self.offset(span.end_line, span.end_column)
        if end <= start:
            start, end = self.line_range(span.line)
        while start < end - 1 and self.text[start].isspace():
            start += 1  # a span may begin with the markup's line break before its sentence
        while end - 1 > start and self.text[end - 1].isspace():
            end -= 1
        return start, max(end, start + 1)
