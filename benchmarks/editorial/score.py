"""The editor's noise budget (issue 25): how often spelling, terminology, tone and leftover
findings are wrong on real pages, and whether seeded real-word errors and editorial leftovers
are found.

1. **Noise on the pages as they are.** Every source of the mutation benchmark (its own shops
   and the shared corpus's real pages) is linted unchanged. Each spelling, terminology, tone
   or template finding at warning/error is RIGHT when `annotations/<source>.yaml` (written by
   a reader who saw only the text, before any run) lists an error of its kind at its line,
   WRONG otherwise. Reported per rule, with wrong findings per 5 000 words (the issue's bar:
   at most one) and the annotated errors nothing reported.
2. **Seeds.** Each `seeds*.yaml` (written by other readers from the issue's words alone) is
   placed into fresh copies of the same pages by program (`seeding.py`). A seed expected as
   an error is FOUND when a finding of its kind (spelling for real-word errors, template for
   leftovers) is on its line; a clean seed is FLAGGED when any spelling/terminology/template
   finding at warning/error is. Held-out seeds (text SHA-256 ending in an even digit) are
   printed first: they were fixed before any change made for them.

    python benchmarks/editorial/score.py [--source NAME ...] [--seeds FILE ...] [--details]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.editorial.seeding import Placed, place, read_seeds
from benchmarks.mutations import projects
from benchmarks.mutations.projects import DEFAULT_TODAY as TODAY
from benchmarks.mutations.scoring import blocking, lint

from consistency_lint.config import load_config
from consistency_lint.model import Category, Finding
from consistency_lint.pipeline import RunOptions, run

HERE = Path(__file__).resolve().parent
EDITORIAL = frozenset({Category.SPELLING, Category.TERMINOLOGY, Category.TONE,
                       Category.TEMPLATE})
KIND_OF_CATEGORY = {Category.SPELLING: "spelling", Category.TERMINOLOGY: "spelling",
                    Category.TONE: "tone", Category.TEMPLATE: "leftover"}
SEED_CATEGORIES = {"real-word": frozenset({Category.SPELLING}),
                   "editorial": frozenset({Category.TEMPLATE})}
WORDS_PER_BUDGET = 5000


@dataclass(frozen=True)
class Annotated:
    path: str
    line: int
    kind: str


def annotations(source: str) -> list[Annotated]:
    file = HERE / "annotations" / f"{source}.yaml"
    if not file.is_file():
        return []
    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    return [Annotated(str(item["path"]), int(item["line"]), str(item["kind"]))
            for item in data.get("errors") or ()]


def _same_file(project_path: str, annotated_path: str) -> bool:
    """Corpus pages are annotated by file name; own sources by path under their root."""
    return project_path == annotated_path or PurePosixPath(project_path).name == annotated_path


def _lines(finding: Finding) -> set[tuple[str, int]]:
    places = {(finding.path, line) for line in range(finding.span.line, finding.span.end_line + 1)}
    return places | {(related.path, related.line) for related in finding.related}


def _is_right(finding: Finding, errors: Sequence[Annotated]) -> bool:
    kind = KIND_OF_CATEGORY[finding.category]
    places = _lines(finding)
    return any(error.kind == kind and any(_same_file(path, error.path) and line == error.line
                                          for path, line in places) for error in errors)


def noise(names: Sequence[str], work: Path, details: bool) -> None:
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    words = 0
    missed = 0
    annotated_total = 0
    for name in names:
        source = projects.prepare(name, work / "noise")
        errors = annotations(name)
        annotated_total += len(errors)
        result = lint_with_words(source)
        words += result[1]
        found = [f for f in result[0] if f.category in EDITORIAL]
        for finding in found:
            (right if _is_right(finding, errors) else wrong)[finding.rule] += 1
            if details and not _is_right(finding, errors):
                print(f"  WRONG {name}/{finding.path}:{finding.span.line} {finding.rule}: "
                      f"{finding.message[:110]}")
        reported = {place for finding in found for place in _lines(finding)}
        for error in errors:
            if not any(_same_file(path, error.path) and line == error.line
                       for path, line in reported):
                missed += 1
                if details:
                    print(f"  MISSED {name}/{error.path}:{error.line} {error.kind}")
    print(f"\nNoise on unchanged pages ({', '.join(names)}; {words} words)")
    print(f"  {'rule':34} {'right':>6} {'wrong':>6}")
    for rule in sorted(set(right) | set(wrong)):
        print(f"  {rule:34} {right[rule]:6} {wrong[rule]:6}")
    total_wrong = sum(wrong.values())
    total = total_wrong + sum(right.values())
    print(f"  right {sum(right.values())}/{total}; wrong per {WORDS_PER_BUDGET} words: "
          f"{total_wrong * WORDS_PER_BUDGET / max(words, 1):.2f}; annotated errors with no "
          f"finding: {missed}/{annotated_total}")


def lint_with_words(source: projects.Source) -> tuple[list[Finding], int]:
    """The source's warning and error findings, and how many words its documents hold."""
    result = run(load_config(source.root), RunOptions(today=TODAY))
    return blocking(result.findings), sum(document.words for document in result.documents)


def seeded(seeds_file: Path, names: Sequence[str], work: Path, details: bool) -> None:
    seeds = read_seeds(seeds_file)
    sources = [projects.prepare(name, work / seeds_file.stem) for name in names]
    placed = place(seeds, sources)
    findings: dict[str, list[Finding]] = {source.name: lint(source) for source in sources}
    tally: defaultdict[tuple[bool, str, str], Counter[str]] = defaultdict(Counter)
    for where in placed:
        outcome = _outcome(where, findings[where.source])
        tally[(where.seed.held_out, where.seed.kind, where.seed.expect)][outcome] += 1
        if details and outcome in ("missed", "flagged") and not where.seed.held_out:
            print(f"  {outcome.upper()} {'held-out' if where.seed.held_out else 'dev'} "
                  f"{where.seed.kind}: {where.seed.text[:100]}")
    print(f"\n{seeds_file.name}: seeds placed: {len(placed)} of {len(seeds)}")
    for held_out in (True, False):
        print(f"  {'held-out' if held_out else 'dev'}:")
        for kind in ("real-word", "editorial"):
            errors = tally[(held_out, kind, "error")]
            clean = tally[(held_out, kind, "clean")]
            print(f"    {kind:10} found {errors['found']}/{sum(errors.values())}   "
                  f"clean flagged {clean['flagged']}/{sum(clean.values())}")


def _outcome(where: Placed, findings: Iterable[Finding]) -> str:
    on_line = [f for f in findings if f.path == where.path
               and f.span.line <= where.line <= f.span.end_line]
    if where.seed.expect == "error":
        wanted = SEED_CATEGORIES[where.seed.kind]
        return "found" if any(f.category in wanted for f in on_line) else "missed"
    flagged = any(f.category in EDITORIAL - {Category.TONE} for f in on_line)
    return "flagged" if flagged else "quiet"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", action="append", help="only these sources")
    parser.add_argument("--details", action="store_true",
                        help="list every wrong or missed case (of the seeds, the dev ones: the "
                        "held-out seeds are for measuring, not for reading)")
    parser.add_argument("--no-seeds", action="store_true", help="only the noise on real pages")
    parser.add_argument("--seeds", action="append", type=Path,
                        help="only these seed files (default: every seeds*.yaml here)")
    arguments = parser.parse_args(argv)
    names = arguments.source or projects.available()
    annotated = [name for name in names if (HERE / "annotations" / f"{name}.yaml").is_file()]
    with tempfile.TemporaryDirectory(prefix="editorial-bench-") as folder:
        noise(annotated, Path(folder), arguments.details)
        for seeds_file in ([] if arguments.no_seeds
                           else arguments.seeds or sorted(HERE.glob("seeds*.yaml"))):
            seeded(seeds_file, names, Path(folder), arguments.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
