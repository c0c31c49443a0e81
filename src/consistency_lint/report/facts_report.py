"""The `facts` command's output: the fact matrix, or with `--explain` every stated fact and
why it was attributed so, as a Rich table, JSON or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import TextIO

from rich.table import Table
from rich.text import Text

from consistency_lint.model import Confidence, Fact, MatrixRow
from consistency_lint.model.terminal_text import visible
from consistency_lint.report.tables import print_table

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
        writer.writerow(["subject", "attribute", "role", "registry", *channels])
        for row in rows:
            writer.writerow([row.subject, row.attribute, row.role, row.registry or "",
                             *(" | ".join(row.cells[c].texts) if c in row.cells else ""
                               for c in channels)])
    else:
        _write_table(rows, channels, stream)


def _as_dict(row: MatrixRow) -> dict[str, object]:
    return {
        "subject": row.subject,
        "attribute": row.attribute,
        "role": row.role,
        "registry": row.registry,
        "channels": {channel: {"values": list(cell.texts), "agrees": cell.agrees}
                     for channel, cell in row.cells.items()},
    }


def _write_table(rows: Sequence[MatrixRow], channels: Sequence[str], stream: TextIO) -> None:
    table = Table(title="Fact matrix (red: disagrees with the registry or the majority)",
                  title_justify="left")
    table.add_column("subject", no_wrap=True)
    table.add_column("attribute", no_wrap=True)
    table.add_column("registry", overflow="fold")
    for channel in channels:
        table.add_column(_plain(channel), overflow="fold")
    for row in rows:
        cells = []
        for channel in channels:
            cell = row.cells.get(channel)
            if cell is None:
                cells.append(Text(MISSING, style="dim"))
            else:
                cells.append(_plain(" | ".join(cell.texts),
                                    style="" if cell.agrees else "bold red"))
        attribute = f"{row.attribute} ({row.role})" if row.role else row.attribute
        table.add_row(_plain(row.subject), _plain(attribute),
                      _plain(row.registry or MISSING, style="bold"), *cells)
    print_table(table, stream)


def _plain(text: str, style: str = "") -> Text:
    """Channel names, subjects and stated values come from the content repository: shown as
    plain text (`[/]` is not Rich markup here) with control characters made visible."""
    return Text(visible(text), style=style)


EXPLANATION_COLUMNS = ("path", "line", "subject", "attribute", "role", "text", "value", "cue",
                       "distance", "confidence", "label")


def write_explanations(facts: Sequence[Fact], stream: TextIO, output_format: MatrixFormat,
                       include_low_confidence: bool) -> None:
    """One row per stated fact: where, what, and the cue, distance (in words; 1000 for a cue
    in the headings) and confidence that attributed it."""
    rows = [_explanation(fact) for fact in facts
            if include_low_confidence or fact.confidence is not Confidence.LOW]
    if output_format is MatrixFormat.JSON:
        json.dump(rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif output_format is MatrixFormat.CSV:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(EXPLANATION_COLUMNS)
        writer.writerows([row[column] for column in EXPLANATION_COLUMNS] for row in rows)
    else:
        table = Table(title="Stated facts and their attribution", title_justify="left")
        for column in EXPLANATION_COLUMNS:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_plain(str(row[column])) for column in EXPLANATION_COLUMNS))
        print_table(table, stream)


def _explanation(fact: Fact) -> dict[str, str | int]:
    return {"path": fact.path, "line": fact.span.line, "subject": fact.subject,
            "attribute": fact.attribute, "role": fact.role, "text": fact.text,
            "value": fact.value.canonical(), "cue": fact.cue or "(none: the value says what it is)",
            "distance": fact.distance,
            "confidence": fact.confidence.value, "label": fact.label}
