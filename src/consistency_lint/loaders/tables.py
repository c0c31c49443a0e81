"""The structure of tables as a loader reads them: for each cell, the text of its row's
first cell and of its column's header cell (`TableCell`). Nothing here judges what a cell
says; attribution reads a cell's value with its row and column."""

from __future__ import annotations

from dataclasses import dataclass, field

from consistency_lint.model import TableCell

MAX_HEADER_CHARS = 200  # a header is a few words; a cell of a page's length is no header


@dataclass
class _Table:
    header: list[str] = field(default_factory=list)  # the header row's cells
    row: list[str] = field(default_factory=list)  # the current row's cells so far
    rows: int = 0
    in_head: bool = False
    header_row: bool = False  # the current row is the header row
    open_cell: int | None = None  # the index of the cell being read


class TableTracker:
    """Follows tables (nested ones too) through a loader's events: tables, rows, cells and
    the text read inside each cell."""

    def __init__(self) -> None:
        self._tables: list[_Table] = []

    def start_table(self) -> None:
        self._tables.append(_Table())

    def end_table(self) -> None:
        if self._tables:
            self._tables.pop()

    def head(self, inside: bool) -> None:
        """Entering (or leaving) the table's head rows (`<thead>`)."""
        if self._tables:
            self._tables[-1].in_head = inside

    def start_row(self) -> None:
        table = self._table()
        if table.header_row:
            table.header = table.row
        table.rows += 1
        table.row = []
        table.header_row = table.in_head or table.rows == 1
        table.open_cell = None

    def open_cell(self, header: bool) -> None:
        """A cell opens; a first row whose cells are not all header cells is no header."""
        table = self._table()
        if table.header_row and not header and not table.in_head:
            table.header_row = False
        table.row.append("")
        table.open_cell = len(table.row) - 1

    def close_cell(self) -> None:
        if self._tables:
            self._tables[-1].open_cell = None

    def add_text(self, text: str) -> None:
        """Text read inside the open cell (a cell's text may come in several segments)."""
        table = self._tables[-1] if self._tables else None
        if table is not None and table.open_cell is not None:
            cell = table.row[table.open_cell]
            table.row[table.open_cell] = f"{cell} {text}".strip()[:MAX_HEADER_CHARS]

    def cell(self) -> TableCell | None:
        """The open cell's row and column headers; None outside a cell, or where the cell
        has neither (the first cell of a row of a table without a header row)."""
        table = self._tables[-1] if self._tables else None
        if table is None or table.open_cell is None or table.header_row:
            return None
        index = table.open_cell
        row = table.row[0] if index > 0 else ""
        column = table.header[index] if index < len(table.header) else ""
        return TableCell(row, column) if row or column else None

    def _table(self) -> _Table:
        if not self._tables:  # a row or cell outside any table: read as a table of its own
            self.start_table()
        return self._tables[-1]
