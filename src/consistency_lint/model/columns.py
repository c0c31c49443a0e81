"""Columns as other tools count them. The tool counts code points from 1 (SARIF's
`unicodeCodePoints`); reviewdog counts UTF-8 bytes and the language server protocol, by
default, UTF-16 code units."""

from __future__ import annotations


def encoded_column(line: str, column: int, encoding: str) -> int:
    """The 1-based `column` (in code points) of `line` counted in units of `encoding`
    ("utf-8" bytes, "utf-16-le" code units halved: two bytes each)."""
    before = line[:max(column - 1, 0)]
    units = len(before.encode(encoding, "surrogatepass"))
    if encoding.startswith("utf-16"):
        units //= 2
    return units + max(column - 1 - len(line), 0) + 1  # past the line's end: as counted
