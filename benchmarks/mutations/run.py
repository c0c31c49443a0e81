"""Mutation testing of the fact comparison: change one fact in one place of a consistent
project and require a finding there.

    python benchmarks/mutations/run.py                        # every site of every source
    python benchmarks/mutations/run.py --source samples-clean --operator number
    python benchmarks/mutations/run.py --per-operator 5       # a seeded sample of 5 per cell
    python benchmarks/mutations/run.py --json mutations.json

Sources: `samples-clean` (samples/ without its seeded defects), each project under
benchmarks/mutations/sources/, and `gekosale2` and `mozilla-legal-docs` (real documents of one
business each, from ../shared/corpus, when present). Operators:
benchmarks/mutations/operators.py. A mutant is caught when a new warning or error finding
lies at the mutated path and line, or names it among `related`; new warning/error findings
elsewhere are noise, given per 100 mutants. `number-in-words` keeps the value, so anything
reported for it is noise. See README.md in this folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.mutations import projects, report
from benchmarks.mutations.operators import OPERATORS
from benchmarks.mutations.scoring import Judged, fact_mismatches, judge, lint, mutants

DEFAULT_SEED = 23
CACHE_VARIABLE = "CONSISTENCY_LINT_CACHE_DIR"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", action="append", metavar="NAME",
                        help=f"a source (repeatable; default all: "
                             f"{', '.join(projects.available())})")
    parser.add_argument("--operator", action="append", metavar="NAME",
                        choices=sorted(OPERATORS),
                        help=f"an operator (repeatable; default all: {', '.join(OPERATORS)})")
    parser.add_argument("--per-operator", type=int, default=0, metavar="N",
                        help="a seeded sample of N mutants per operator and source "
                             "(default 0: every site)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                        help=f"the sampling seed (default {DEFAULT_SEED})")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures "
                        "and every mutant as JSON")
    arguments = parser.parse_args(argv)
    names = arguments.source or projects.available()
    unknown = sorted(set(names) - set(projects.available()))
    if unknown:
        parser.error(f"unknown or unavailable source {', '.join(unknown)}")
    operators = arguments.operator or list(OPERATORS)
    per_operator = arguments.per_operator or None
    started = time.perf_counter()
    judged, baseline = measure(names, operators, per_operator, arguments.seed)
    seconds = time.perf_counter() - started
    print(report.table(judged, seconds))
    if arguments.json:
        settings = {"sources": names, "operators": operators, "per_operator": per_operator,
                    "seed": arguments.seed, "today": projects.DEFAULT_TODAY.isoformat()}
        arguments.json.write_text(json.dumps(report.as_json(judged, settings, seconds,
                                                            baseline),
                                             ensure_ascii=False, indent=1) + "\n",
                                  encoding="utf-8")
    return 0


def measure(names: list[str], operators: list[str], per_operator: int | None,
            seed: int) -> tuple[list[Judged], dict[str, dict[str, int]]]:
    """Judge the mutants of every source; also the unmutated sources' own blocking
    findings (their fact mismatches should be none, except on real content)."""
    judged: list[Judged] = []
    baseline: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="cl-mutations-") as work:
        # the per-document cache makes a mutant cost one file, and lives with the copies
        previous = os.environ.get(CACHE_VARIABLE)
        os.environ[CACHE_VARIABLE] = str(Path(work) / "cache")
        for name in names:
            source = projects.prepare(name, Path(work))
            found = lint(source)
            baseline[name] = {"files": len(source.files), "blocking_findings": len(found),
                              "fact_mismatches": len(fact_mismatches(found))}
            todo = [mutant for operator in operators
                    for mutant in mutants(source, operator, per_operator, seed)]
            began = time.perf_counter()
            for mutant in todo:
                judged.append(judge(source, mutant, found))
            print(f"{name}: {len(source.files)} files, {len(todo)} mutants, "
                  f"{baseline[name]['fact_mismatches']} fact mismatches unmutated, "
                  f"{time.perf_counter() - began:.0f} s", file=sys.stderr)
        if previous is None:
            os.environ.pop(CACHE_VARIABLE)
        else:
            os.environ[CACHE_VARIABLE] = previous
    return judged, baseline


if __name__ == "__main__":
    sys.exit(main())
