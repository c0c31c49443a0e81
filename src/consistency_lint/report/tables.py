"""Tables for a reader or for a pipe. On a terminal a table is Rich's, boxed and wrapped to
the window; anywhere else (a CI log, `| grep`, a file) Rich would cut it at 80 columns
and draw boxes around cells that no tool can split, so it is plain text instead: one line
per row, columns aligned with spaces by the width a terminal gives each character (wide
East Asian letters two, combining accents none), nothing cut."""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

COLUMN_GAP = "  "
LINE_JOINER = "; "  # a cell of several lines, on one line


def print_table(table: Table, stream: TextIO) -> None:
    if stream.isatty():
        Console(file=stream, highlight=False, soft_wrap=True).print(table)
    else:
        stream.write(plain_table(table))


def plain_table(table: Table) -> str:
    """The table as aligned plain text, with its title and a header line."""
    columns = [[_plain(column.header), *(_plain(cell) for cell in column.cells)]
               for column in table.columns]
    widths = [max(map(cell_len, cells)) for cells in columns]
    lines = [_plain(table.title)] if table.title else []
    for index, row in enumerate(zip(*columns, strict=True)):
        lines.append(COLUMN_GAP.join(
            cell + " " * (width - cell_len(cell))
            for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            lines.append(COLUMN_GAP.join("-" * width for width in widths))
    return "\n".join(lines) + "\n"


def _plain(cell: RenderableType | None) -> str:
    if cell is None:
        return ""
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return LINE_JOINER.join(line.strip() for line in text.splitlines() if line.strip())
