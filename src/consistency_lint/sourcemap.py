"""Turns character offsets in a text into 1-based line/column positions."""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile("\n")


class SourceMap:
    """Computes line starts once; each lookup is a binary search."""

    def __init__(self, text: str) -> None:
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1
