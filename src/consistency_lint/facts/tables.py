"""A value in a table cell is read with its row and its column: the column's header says
what the value is (its cues: "Abonament miesięczny", "Koszt dostawy"), the row's first cell
which thing or variant it is about ("Plan Start", "Paczkomat InPost"). These are the nearest
context a cell has, nearer than the headings above the table."""

from __future__ import annotations

from dataclasses import dataclass

from consistency_lint.nlp.analysis import AnalysedSegment

COLUMN_DISTANCE = 1  # a cue in the column's header: as near as a cue beside the value
ROW_DISTANCE = 2  # ... in the row's first cell


@dataclass(frozen=True)
class CueContext:
    """Lemma sets read after the value's own sentence, each with the distance a cue found
    there is given: the cell's column and row headers, then the headings."""

    places: tuple[tuple[frozenset[str], int], ...]


def cue_context(analysed: AnalysedSegment, heading_distance: int,
                previous: tuple[frozenset[str], int] | None = None) -> CueContext:
    """Where cues of a value of `analysed` are looked for beyond its sentence; `previous`:
    the lemmas of the sentence before it in the paragraph and their distance."""
    places = []
    if analysed.column_tokens:
        places.append((analysed.column_lemmas, COLUMN_DISTANCE))
    if analysed.row_tokens:
        places.append((frozenset(token.lemma for token in analysed.row_tokens), ROW_DISTANCE))
    if previous is not None:
        places.append(previous)
    places.append((analysed.heading_lemmas, heading_distance))
    return CueContext(tuple(places))
