"""Judge findings against units and count, per source, family and split.

A unit is flagged when a legal-prohibited finding overlaps it; a MUST unit is *found* only by
a finding whose rule's `spec:` names one of the unit's items (any finding where the unit
names none). A finding is, in this order:
- right: it overlaps a MUST unit it is the right item for;
- wrong: it overlaps a MUST_NOT unit, or a MUST unit of another item, or a SAFE sentence;
- not counted: it overlaps only LEVEL2 / UNCOVERED tags;
- unjudged: it lies on no unit of a file its source judges (unannotated hand-source text), or
  only on a line the hand annotations skipped on purpose as borderline.
A finding that is right for one unit does not also flag the compliant or safe text its span
spills over into (a sentence the tool reads across two lines of markup).
Where hand annotations and CLAUDETTE tags cover the same file, a finding on a hand-annotated
line is judged by the hand annotation only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from benchmarks.legal.families import rule_family, rule_spec
from benchmarks.legal.sources import Source
from benchmarks.legal.units import LEVEL2, MUST, MUST_NOT, SAFE, UNCOVERED, Unit

from consistency_lint.model import Finding

RIGHT, WRONG, NOT_COUNTED, UNJUDGED = "right", "wrong", "not counted", "unjudged"


@dataclass
class Counts:
    must: int = 0
    found: int = 0
    must_not: int = 0
    must_not_flagged: int = 0
    level2: int = 0
    level2_flagged: int = 0
    uncovered: int = 0
    uncovered_flagged: int = 0
    safe: int = 0
    safe_flagged: int = 0
    right: int = 0
    wrong: int = 0
    not_counted: int = 0
    unjudged: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Detail:
    """Dev-part items for --details (held-out items are never listed)."""

    missed: list[str] = field(default_factory=list)
    wrongly_flagged: list[str] = field(default_factory=list)
    wrong_findings: list[str] = field(default_factory=list)
    unjudged_findings: list[str] = field(default_factory=list)


@dataclass
class SourceScore:
    name: str
    counts: dict[tuple[str, str], Counts] = field(
        default_factory=lambda: defaultdict(Counts))  # (family, split)
    details: Detail = field(default_factory=Detail)


def _describe(finding: Finding) -> str:
    return f"{finding.path}:{finding.span.line} {finding.rule} {finding.excerpt[:80]!r}"


def score_source(source: Source, findings: Iterable[Finding],
                 hand_units: list[Unit] | None = None) -> SourceScore:
    """Count one source; `hand_units` (of every source) decide findings on their lines."""
    result = SourceScore(source.name)
    mine = [f for f in findings if f.path in source.judged_paths]
    units_by_path: dict[str, list[Unit]] = defaultdict(list)
    for unit in source.units:
        units_by_path[unit.path].append(unit)
    overriding: dict[str, list[Unit]] = defaultdict(list)
    for unit in hand_units or ():
        if unit.source != source.name:
            overriding[unit.path].append(unit)
    ranges = {id(f): source.texts[f.path].finding_range(f) for f in mine}
    verdicts: dict[int, str] = {}
    for finding in mine:
        start, end = ranges[id(finding)]
        if any(unit.overlaps(start, end) for unit in overriding[finding.path]):
            continue  # judged by the hand annotations
        units = [u for u in units_by_path[finding.path] if u.overlaps(start, end)]
        if finding.path in source.overlay_paths and not units:
            continue  # judged by the source that owns the file
        verdicts[id(finding)] = verdict = judge(finding, units)
        _count_finding(result, finding, verdict, source.splits[finding.path])
    for unit in source.units:
        if unit.kind == SAFE and any(unit.overlaps(o.start, o.end)
                                     for o in overriding[unit.path]):
            continue  # a hand-annotated line: not part of the untagged population
        flagging = [f for f in mine if f.path == unit.path and unit.overlaps(*ranges[id(f)])]
        if unit.kind != MUST:  # a finding right elsewhere does not flag its neighbours
            flagging = [f for f in flagging if verdicts.get(id(f)) != RIGHT]
        _count_unit(result, unit, flagging)
    return result


def _count_finding(result: SourceScore, finding: Finding, verdict: str, split: str) -> None:
    counts = result.counts[(rule_family(finding.rule), split)]
    attribute = verdict.replace(" ", "_")
    setattr(counts, attribute, getattr(counts, attribute) + 1)
    if split == "dev" and verdict == WRONG:
        result.details.wrong_findings.append(_describe(finding))
    elif split == "dev" and verdict == UNJUDGED:
        result.details.unjudged_findings.append(_describe(finding))


def judge(finding: Finding, units: list[Unit]) -> str:
    spec = rule_spec(finding.rule)
    kinds = {unit.kind for unit in units}
    if any(unit.kind == MUST and unit.accepts(spec) for unit in units):
        return RIGHT
    if kinds & {MUST_NOT, MUST, SAFE}:
        return WRONG
    if kinds & {LEVEL2, UNCOVERED}:
        return NOT_COUNTED
    return UNJUDGED


def _count_unit(result: SourceScore, unit: Unit, flagging: list[Finding]) -> None:
    counts = result.counts[(unit.family, unit.split)]
    dev = unit.split == "dev"
    if unit.kind == MUST:
        counts.must += 1
        found = any(unit.accepts(rule_spec(f.rule)) for f in flagging)
        counts.found += found
        if dev and not found:
            reason = f" (flagged by {sorted({f.rule for f in flagging})})" if flagging else ""
            result.details.missed.append(f"{unit.label}{reason}")
    elif unit.kind == MUST_NOT:
        counts.must_not += 1
        counts.must_not_flagged += bool(flagging)
        if dev and flagging:
            result.details.wrongly_flagged.append(
                f"{unit.label} <- {sorted({f.rule for f in flagging})}")
    elif unit.kind == LEVEL2:
        counts.level2 += 1
        counts.level2_flagged += bool(flagging)
    elif unit.kind == UNCOVERED:
        counts.uncovered += 1
        counts.uncovered_flagged += bool(flagging)
    elif unit.kind == SAFE:
        counts.safe += 1
        counts.safe_flagged += bool(flagging)


def total(score: SourceScore, split: str, family: str | None = None) -> Counts:
    result = Counts()
    for (unit_family, unit_split), counts in score.counts.items():
        if unit_split == split and family in (None, unit_family):
            result.add(counts)
    return result

