"""Making mutants of a source and judging each one against the unmutated project.

A mutant is CAUGHT when the run on it has a new warning or error finding at the mutated
place (the finding's lines overlap the site's lines in the mutated file) or naming that place
among its `related`. Every other new warning/error finding is NOISE. "New" means beyond the
run on the unmutated project, counting findings by rule and place (path and line), not by
message: a false alarm that the unmutated line already carries, now quoting the mutated
value, is neither a catch nor noise. For a value-preserving operator there is nothing to
catch: every new finding is noise.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from benchmarks.mutations.counterparts import Counterparts
from benchmarks.mutations.operators import OPERATORS, VALUE_PRESERVING, Site
from benchmarks.mutations.projects import Source, read_text, write_text

from consistency_lint.config import load_config
from consistency_lint.model import Category, Finding, Severity
from consistency_lint.pipeline import RunOptions, run

BLOCKING = frozenset({Severity.WARNING, Severity.ERROR})


@dataclass(frozen=True)
class Mutant:
    """One changed fact in one file of one source."""

    source: str
    operator: str
    path: str
    line: int
    end_line: int
    site: Site
    context: str  # the mutated text around the site, on one line, for people
    counterpart: bool = True  # the value is stated at another place too (counterparts.py)

    @property
    def value_preserving(self) -> bool:
        return self.operator in VALUE_PRESERVING


@dataclass(frozen=True)
class Judged:
    """A mutant and what the run on it found."""

    mutant: Mutant
    caught_by: tuple[str, ...]  # rules of the new findings at the mutated place
    noise: tuple[str, ...]  # "RULE path:line" of the new findings elsewhere

    @property
    def caught(self) -> bool:
        return bool(self.caught_by)

    @property
    def noise_in_file(self) -> int:
        return sum(entry.split(" ", 1)[1].rsplit(":", 1)[0] == self.mutant.path
                   for entry in self.noise)


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity in BLOCKING]


def lint(source: Source) -> list[Finding]:
    """The source's warning and error findings as they are on disk now."""
    return blocking(run(load_config(source.root), RunOptions(today=source.today, use_cache=True))
                    .findings)


def fact_mismatches(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.category is Category.FACT_MISMATCH]


def mutants(source: Source, operator: str, per_operator: int | None,
            seed: int) -> list[Mutant]:
    """Every site of `operator` in the source's files, or a seeded sample of
    `per_operator` of them (the same sample for the same files and seed)."""
    counterparts = Counterparts(read_text(source.root / path)[0]
                                for path in (*source.files, *_registry(source)))
    every = [mutant for path in source.files
             for mutant in _mutants_of_file(source, operator, path, counterparts)]
    if per_operator is None or len(every) <= per_operator:
        return every
    return random.Random(f"{seed}:{source.name}:{operator}").sample(every, per_operator)


def _registry(source: Source) -> tuple[str, ...]:
    """The registry's path in the source, if it has one."""
    facts = load_config(source.root).model.facts
    return (facts,) if facts and (source.root / facts).is_file() else ()


def _mutants_of_file(source: Source, operator: str, path: str,
                     counterparts: Counterparts) -> Iterable[Mutant]:
    text, _encoding = read_text(source.root / path)
    seen: set[tuple[int, int, str]] = set()
    for site in OPERATORS[operator](text):
        # a mutant keeps the line count: every other finding stays where it was
        if (site.new == site.old or site.old.count("\n") != site.new.count("\n")
                or (site.start, site.end, site.new) in seen):
            continue
        seen.add((site.start, site.end, site.new))
        line = text.count("\n", 0, site.start) + 1
        yield Mutant(source.name, operator, path, line, line + site.old.count("\n"), site,
                     _context(text, site),
                     counterparts.has_counterpart(operator, text, site.start, site.end))


def _context(text: str, site: Site, around: int = 30) -> str:
    before = text[max(0, site.start - around):site.start]
    after = text[site.end:site.end + around]
    return " ".join(f"{before}[{site.old} → {site.new}]{after}".split())


def judge(source: Source, mutant: Mutant, baseline: Sequence[Finding]) -> Judged:
    """Lint the source with the mutant applied (the file is restored afterwards)."""
    path = source.root / mutant.path
    original = path.read_bytes()
    text, encoding = read_text(path)
    try:
        write_text(path, mutant.site.apply(text), encoding)
        found = lint(source)
    finally:
        path.write_bytes(original)
    new = _new(found, baseline)
    at_site = [finding for finding in new if _names_site(finding, mutant)]
    elsewhere = [finding for finding in new if not _names_site(finding, mutant)]
    if mutant.value_preserving:  # nothing to catch: whatever it reports is a false alarm
        elsewhere, at_site = new, []
    return Judged(mutant, tuple(sorted({finding.rule for finding in at_site})),
                  tuple(f"{finding.rule} {finding.path}:{finding.span.line}"
                        for finding in elsewhere))


def _key(finding: Finding) -> tuple[str, str, int]:
    return finding.rule, finding.path, finding.span.line


def _new(found: Sequence[Finding], baseline: Sequence[Finding]) -> list[Finding]:
    """The findings of `found` beyond those of `baseline` (as a multiset)."""
    left = Counter(_key(finding) for finding in baseline)
    new = []
    for finding in found:
        if left[_key(finding)]:
            left[_key(finding)] -= 1
        else:
            new.append(finding)
    return new


def _names_site(finding: Finding, mutant: Mutant) -> bool:
    lines = range(mutant.line, mutant.end_line + 1)
    if finding.path == mutant.path and (
            finding.span.line <= mutant.end_line
            and max(finding.span.end_line, finding.span.line) >= mutant.line):
        return True
    return any(related.path == mutant.path and related.line in lines
               for related in finding.related)
