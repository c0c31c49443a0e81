"""A value in a table cell is read with its row and its column: the column's header says
what the value is (its cues: "Abonament miesięczny", "Koszt dostawy"), the row's first cell
which thing or variant it is about ("Plan Start", "Paczkomat InPost"). These are the nearest
context a cell has, nearer than the headings above the table. A schedule's cell gives its
hours and its row the days ("Sobota | 9:00–15:00"): the value is read from both; a column
whose header ends with a bound ("Darmowa od") gives its cells' amounts that bound."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from consistency_lint.model import Bound, Segment, ValueMatch, ValueType
from consistency_lint.model.value import of_these_days_only
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values.extraction import extract_values

COLUMN_DISTANCE = 1  # a cue in the column's header: as near as a cue beside the value
ROW_DISTANCE = 2  # ... in the row's first cell


@dataclass(frozen=True)
class CueContext:
    """Lemma sets read after the value's own sentence, each with the distance a cue found
    there is given: the cell's column and row headers, then each heading."""

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
    # each heading apart: a cue of several words stands in one of them, never half in
    # "Zwroty" and half in "Gwarancja na zegarki" ("na zwrot")
    places.extend((level, heading_distance) for level in analysed.heading_levels)
    return CueContext(tuple(places))


def hours_with_row_days(segment: Segment, found: Sequence[ValueMatch],
                        language: str) -> list[ValueMatch]:
    """The opening hours of a table cell whose row header names the days ("Poniedziałek –
    piątek | 8:00–20:00"), placed on the cell's text, of those days only (a row is a part of
    the week); none when the cell's own text already gives hours, or names no time the days
    complete."""
    row = segment.cell.row if segment.cell is not None else ""
    if not row or any(match.value.type is ValueType.HOURS for match in found):
        return []
    prefix = f"{row}: "
    read = extract_values(prefix + segment.text, language, frozenset({ValueType.HOURS}))
    return [replace(match, start=0, end=match.end - len(prefix),
                    text=segment.text[:match.end - len(prefix)],
                    value=replace(match.value, text=of_these_days_only(match.value.text)))
            for match in read if match.start < len(prefix) < match.end]


def bounded_by_column(segment: Segment, found: Sequence[ValueMatch],
                      language: str) -> list[ValueMatch]:
    """The values found in a table cell, the one it starts with read with the bound its
    column's header ends with ("Darmowa od | 149 zł" is at least 149 zł, as "darmowa od 149
    zł" would be); as found where the header ends with none."""
    column = " ".join(segment.cell.column.lower().split()) if segment.cell is not None else ""
    if not column:
        return list(found)
    words = lexicon(language)
    bound = next((word for word in (*words.at_least, *words.at_most)
                  if column == word or column.endswith(f" {word}")), None)
    if bound is None:
        return list(found)
    prefix = f"{bound} "
    read = {match.end - len(prefix): match.value for match in extract_values(
        prefix + segment.text, language, frozenset(match.value.type for match in found))
        if match.start == 0 and match.value.bound is not Bound.EXACT}
    return [replace(match, value=read[match.end]) if match.start == 0 and match.end in read
            else match for match in found]
