"""The `facts` command's output: the fact matrix as a Rich table, JSON or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from consistency_lint.facts.matrix import MatrixRow

MISSING = "—"


class MatrixFormat(StrEnum):
    RICH = "rich"
    JSON = "json"
    CSV = "csv"


def write(rows: Sequence[MatrixRow], channels: Sequence[str], stream: TextIO,
          output_format: MatrixFormat) -> None:
    if output_format is MatrixFormat.JSON:
        json.dump([_as_dict(row) for row in rows], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif output_format is MatrixFormat.CSV:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["subject", "attribute", "registry", *channels])
        for row in rows:
            writer.writerow([row.subject, row.attribute, row.registry or "",
                             *(" | ".join(row.cells[c].texts) if c in row.cells else ""
                               for c in channels)])
    else:
        _write_table(rows, channels, stream)


def _as_dict(row: MatrixRow) -> dict[str, object]:
    return {
        "subject": row.subject,
        "attribute": row.attribute,
        "registry": row.registry,
        "channels": {channel: {"values": list(cell.texts), "agrees": cell.agrees}
                     for channel, cell in row.cells.items()},
    }


def _write_table(rows: Sequence[MatrixRow], channels: Sequence[str], stream: TextIO) -> None:
    table = Table(title="Fact matrix (red: disagrees with the registry or the majority)",
                  title_justify="left")
    table.add_column("subject", no_wrap=True)
    table.add_column("attribute", no_wrap=True)
    for column in ("registry", *channels):
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = []
        for channel in channels:
            cell = row.cells.get(channel)
            if cell is None:
                cells.append(Text(MISSING, style="dim"))
            else:
                cells.append(Text(" | ".join(cell.texts),
                                  style="" if cell.agrees else "bold red"))
        table.add_row(row.subject, row.attribute, Text(row.registry or MISSING, style="bold"),
                      *cells)
    Console(file=stream, highlight=False, soft_wrap=True).print(table)
