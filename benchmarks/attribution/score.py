"""Score the tool's fact attribution and fact-mismatch findings on real, hand-annotated text.

    python benchmarks/attribution/score.py                 # every annotated business
    python benchmarks/attribution/score.py --source gekosale2 --json figures.json
    python benchmarks/attribution/score.py --all           # low-confidence facts too

Each annotation file (annotations/*.yaml) is one business: its corpus files are copied from
../shared/corpus into a temporary project, one channel per file, both built-in packs, no
registry (as the mutation benchmark builds its corpus sources), and linted in-process.
Reported per source and for dev vs held-out files (README.md gives the held-out rule):

- precision: facts the tool states under a built-in attribute that the annotation agrees
  with / all facts it states under a built-in attribute (what `facts --explain` lists);
- recall: annotated facts of a built-in attribute the tool states under that attribute /
  all annotated facts of a built-in attribute;
- confusion: annotated X read as Y (`(not annotated)`: a value nobody marked as a fact;
  `(not stated)`: an annotated fact the tool does not state at all);
- fact-mismatch findings at warning/error on the unmutated files: right (between places of an
  annotated disagreement) / all. A finding touching a held-out file counts as held-out.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.attribution.annotations import DEV, HELD_OUT, Business, load_all, split_of
from benchmarks.attribution.matching import (
    Stated,
    Tally,
    is_annotated_disagreement,
    tally_facts,
)
from benchmarks.mutations.projects import (
    CORPUS_SOURCES,
    SHARED_CORPUS,
    CorpusPage,
    corpus_project,
)
from benchmarks.mutations.projects import DEFAULT_TODAY as TODAY
from benchmarks.mutations.scoring import blocking, fact_mismatches

from consistency_lint.config import load_config
from consistency_lint.facts.attributes import builtin_attribute_models
from consistency_lint.model import Confidence, Finding
from consistency_lint.pipeline import RunOptions, run

LOADERS = {".html": "html", ".md": "markdown", ".txt": "text"}


def corpus_present(business: Business) -> bool:
    return all((SHARED_CORPUS / path).is_file() for path in business.files)


def pages_of(business: Business) -> tuple[str, list[CorpusPage]]:
    """The business's files as channels: as the mutation benchmark has them when it has the
    source, else one `terms` channel per file."""
    folder, known = CORPUS_SOURCES.get(business.source, ("docs", ()))
    by_path = {page.path: page for page in known}
    return folder, [by_path.get(path) or CorpusPage(path, Path(path).stem.lower(), "terms",
                                                    LOADERS[Path(path).suffix], "legal")
                    for path in business.files]


def measure(business: Business, include_low: bool) -> dict[str, Tally]:
    """Lint the business's files and tally them: one Tally per split."""
    folder, pages = pages_of(business)
    with tempfile.TemporaryDirectory(prefix="cl-attribution-") as work:
        root = Path(work) / business.name
        copies = corpus_project(pages, root, folder)
        result = run(load_config(root), RunOptions(today=TODAY))
    builtin = frozenset(builtin_attribute_models())
    stated = [Stated(copies[fact.path], fact.span.line, fact.text, fact.attribute)
              for fact in result.facts
              if include_low or fact.confidence is not Confidence.LOW]
    tallies = {}
    for split in (DEV, HELD_OUT):
        files = {path for path in business.files if split_of(path) == split}
        tallies[split] = tally_facts([fact for fact in stated if fact.path in files],
                                     [item for item in business.facts if item.path in files],
                                     builtin)
    for finding in fact_mismatches(blocking(result.findings)):
        places = _places(finding, copies)
        split = HELD_OUT if any(split_of(path) == HELD_OUT for path, _ in places) else DEV
        tallies[split].findings += 1
        tallies[split].findings_right += is_annotated_disagreement(places,
                                                                   business.disagreements)
    return tallies


def _places(finding: Finding, copies: dict[str, str]) -> list[tuple[str, int]]:
    return [(copies.get(finding.path, finding.path), finding.span.line)] + [
        (copies.get(place.path, place.path), place.line) for place in finding.related]


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "- (0/0)"


def table(rows: Sequence[tuple[str, Tally]]) -> str:
    lines = [f"{'part':<36} {'precision':>16} {'recall':>16} {'mismatches right':>18}"]
    lines += [f"{name:<36} {ratio(t.stated_right, t.stated):>16} {ratio(t.found, t.annotated):>16}"
              f" {ratio(t.findings_right, t.findings):>18}" for name, t in rows]
    return "\n".join(lines)


def confusion(tally: Tally) -> str:
    return "\n".join(f"  {count:3d}  annotated {truth} read as {read}"
                     for (truth, read), count in tally.confusion.most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", action="append", metavar="NAME",
                        help="an annotation file's name (repeatable; default all)")
    parser.add_argument("--all", action="store_true",
                        help="also count low-confidence facts (never compared)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures")
    arguments = parser.parse_args(argv)
    businesses = [business for business in load_all()
                  if not arguments.source or business.name in arguments.source]
    missing = [business.name for business in businesses if not corpus_present(business)]
    if missing:
        print(f"skipped (../shared/corpus absent): {', '.join(missing)}", file=sys.stderr)
    rows: list[tuple[str, Tally]] = []
    totals = {DEV: Tally(), HELD_OUT: Tally()}
    for business in businesses:
        if business.name in missing:
            continue
        tallies = measure(business, arguments.all)
        for split, tally in tallies.items():
            rows.append((f"{business.name} [{split}]", tally))
            totals[split].add(tally)
    everything = Tally()
    for split, tally in totals.items():
        rows.append((f"ALL [{split}]", tally))
        everything.add(tally)
    rows.append(("ALL", everything))
    print(table(rows))
    print("confusion (all parts):")
    print(confusion(everything))
    if arguments.json:
        arguments.json.write_text(json.dumps(
            {name: {**asdict(tally), "confusion": [[*key, count] for key, count
                                                    in tally.confusion.most_common()]}
             for name, tally in rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
