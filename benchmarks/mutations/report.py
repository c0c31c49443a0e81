"""The benchmark's figures: recall per operator and source, noise per 100 mutants, the
survivors; as a text table and as JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.mutations.operators import VALUE_PRESERVING
from benchmarks.mutations.scoring import Judged


@dataclass(frozen=True)
class Cell:
    """The figures of one operator on one source."""

    source: str
    operator: str
    mutants: int
    caught: int
    flagged: int  # mutants with any new finding (the measure of a value-preserving operator)
    noise: int  # new warning/error findings away from the mutated place
    noise_in_file: int  # ... of which in the mutated file (e.g. a document-level clause)
    referenced: int  # mutants whose value has a counterpart (counterparts.py)
    caught_referenced: int

    @property
    def recall(self) -> float | None:
        return self.caught / self.mutants if self.mutants else None

    @property
    def referenced_recall(self) -> float | None:
        return self.caught_referenced / self.referenced if self.referenced else None

    @property
    def noise_per_100(self) -> float | None:
        return 100 * self.noise / self.mutants if self.mutants else None


def cells(judged: Sequence[Judged]) -> list[Cell]:
    groups: dict[tuple[str, str], list[Judged]] = {}
    for item in judged:
        groups.setdefault((item.mutant.source, item.mutant.operator), []).append(item)
    return [Cell(source, operator, len(items), sum(item.caught for item in items),
                 sum(bool(item.caught or item.noise) for item in items),
                 sum(len(item.noise) for item in items),
                 sum(item.noise_in_file for item in items),
                 sum(item.mutant.counterpart for item in items),
                 sum(item.caught for item in items if item.mutant.counterpart))
            for (source, operator), items in sorted(groups.items())]


def _ratio(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(judged: Sequence[Judged], seconds: float) -> str:
    """The text report."""
    lines = [f"{'source':<15} {'operator':<16} {'mutants':>7} {'caught':>6} {'recall':>6} "
             f"{'no ref':>6} {'ref recall':>10} {'noise/100':>9} {'in file':>7}"]
    for cell in cells(judged):
        if cell.operator in VALUE_PRESERVING:  # value kept: nothing to catch
            caught = f"{cell.flagged}!"
            recall = referenced_recall = "n/a"
        else:
            caught, recall = str(cell.caught), _ratio(cell.recall)
            referenced_recall = _ratio(cell.referenced_recall)
        lines.append(f"{cell.source:<15} {cell.operator:<16} {cell.mutants:>7} {caught:>6} "
                     f"{recall:>6} {cell.mutants - cell.referenced:>6} {referenced_recall:>10} "
                     f"{_ratio(cell.noise_per_100, 1):>9} {cell.noise_in_file:>7}")
    lines.append("(number-in-words keeps the value: `N!` = mutants the tool reported, all "
                 "counted as noise; `no ref`: addresses and numbers stated nowhere else, "
                 "which no comparison can catch, left out of `ref recall`; `in file`: noise "
                 "findings in the mutated file, away from the mutated line)")
    total = totals(judged)
    lines.append(f"all: {total['mutants']} mutants, recall {_ratio(total['recall'])} "
                 f"(value-changing), ref recall {_ratio(total['referenced_recall'])} "
                 f"({total['referenced']} with a counterpart), "
                 f"noise {_ratio(total['noise_per_100'], 1)} per 100 mutants, "
                 f"{seconds / max(1, len(judged)):.2f} s per mutant")
    survivors = [item for item in judged
                 if not item.caught and not item.mutant.value_preserving]
    if survivors:
        lines.append(f"\nsurvivors ({len(survivors)}):")
        lines += [f"  {_place(item)}  {item.mutant.operator:<15} {item.mutant.context}"
                  + ("" if item.mutant.counterpart else "  (no counterpart)")
                  for item in survivors]
    noisy = [item for item in judged if item.noise]
    if noisy:
        lines.append(f"\nnoise ({sum(len(item.noise) for item in noisy)} findings):")
        lines += [f"  {_place(item)}  {item.mutant.operator:<15} {item.mutant.context}: "
                  f"{', '.join(item.noise)}" for item in noisy]
    return "\n".join(lines)


def _place(item: Judged) -> str:
    return f"{item.mutant.source}/{item.mutant.path}:{item.mutant.line}"


def totals(judged: Sequence[Judged]) -> dict[str, Any]:
    changing = [item for item in judged if not item.mutant.value_preserving]
    referenced = [item for item in changing if item.mutant.counterpart]
    noise = sum(len(item.noise) for item in judged)
    return {"mutants": len(judged), "value_changing": len(changing),
            "caught": sum(item.caught for item in changing),
            "recall": sum(item.caught for item in changing) / len(changing)
            if changing else None,
            "referenced": len(referenced),
            "referenced_recall": sum(item.caught for item in referenced) / len(referenced)
            if referenced else None,
            "noise_findings": noise,
            "noise_per_100": 100 * noise / len(judged) if judged else None}


def as_json(judged: Sequence[Judged], settings: dict[str, Any], seconds: float,
            baseline: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Everything the table shows, and every mutant."""
    return {
        "settings": settings,
        "sources": baseline,
        "seconds": round(seconds, 1),
        "seconds_per_mutant": round(seconds / max(1, len(judged)), 3),
        "totals": totals(judged),
        "cells": [{"source": cell.source, "operator": cell.operator, "mutants": cell.mutants,
                   "caught": cell.caught, "flagged": cell.flagged,
                   "recall": None if cell.operator in VALUE_PRESERVING else cell.recall,
                   "referenced": cell.referenced,
                   "referenced_recall": None if cell.operator in VALUE_PRESERVING
                   else cell.referenced_recall,
                   "noise_findings": cell.noise, "noise_in_mutated_file": cell.noise_in_file,
                   "noise_per_100": cell.noise_per_100}
                  for cell in cells(judged)],
        "caught_by": dict(Counter(rule for item in judged for rule in item.caught_by)),
        "mutants": [{"source": item.mutant.source, "operator": item.mutant.operator,
                     "path": item.mutant.path, "line": item.mutant.line,
                     "old": item.mutant.site.old, "new": item.mutant.site.new,
                     "context": item.mutant.context, "counterpart": item.mutant.counterpart,
                     "caught": item.caught, "caught_by": list(item.caught_by),
                     "noise": list(item.noise)} for item in judged],
    }
