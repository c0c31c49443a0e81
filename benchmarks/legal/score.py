"""Score the legal pack `builtin:pl-consumer-rights-2014` on the legal benchmark.

    python benchmarks/legal/score.py             # dev figures and held-out aggregates
    python benchmarks/legal/score.py --details   # and the dev part's misses and false alarms
    python benchmarks/legal/score.py --json      # machine-readable
    python benchmarks/legal/score.py --source paraphrases   # one source only

Sources, split and counting rules: README.md beside this file. Each source is linted once, as
one temporary project; CLAUDETTE and the hand-annotated texts are read from ../shared/corpus
and skipped when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.legal import sources as legal_sources
from benchmarks.legal.families import FAMILIES
from benchmarks.legal.running import lint
from benchmarks.legal.scoring import Counts, SourceScore, score_source, total
from benchmarks.legal.split import DEV, HELD_OUT, SPLITS
from benchmarks.legal.units import Unit

SOURCE_NAMES = ("claudette", "hand", "paraphrases", "paraphrases-2", "paraphrases-3")
WITHOUT_CORPUS = ("paraphrases", "paraphrases-2", "paraphrases-3")  # in this repository


def evaluate(names: tuple[str, ...] = SOURCE_NAMES, corpus: Path = legal_sources.CORPUS,
             paraphrases: Path = legal_sources.PARAPHRASES, jobs: int = 1) -> list[SourceScore]:
    """Lint each chosen source once and score it."""
    loaded = {
        "claudette": lambda: legal_sources.claudette(corpus),
        "hand": lambda: legal_sources.hand(corpus),
        "paraphrases": lambda: legal_sources.paraphrases(paraphrases),
        "paraphrases-2": lambda: legal_sources.paraphrases(legal_sources.PARAPHRASES_2,
                                                           "paraphrases-2", "p2"),
        "paraphrases-3": lambda: legal_sources.paraphrases(legal_sources.PARAPHRASES_3,
                                                           "paraphrases-3", "p3"),
    }
    chosen = [loaded[name]() for name in names
              if name in WITHOUT_CORPUS or corpus.is_dir()]
    hand_units: list[Unit] = [u for s in chosen if s.name == "hand" for u in s.units]
    linted = {source.name: source.documents for source in chosen}
    if "claudette" not in names:  # the hand annotations of CLAUDETTE texts need them linted
        linted["hand"] = [document for source in chosen if source.name == "hand"
                          for document in (*source.documents, *source.overlay_documents)]
    findings = [f for source in chosen for f in lint(linted[source.name], jobs)]
    return [score_source(source, findings, hand_units) for source in chosen]


def _fraction(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "-"


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "-"


def _row(label: str, counts: Counts) -> str:
    return (f"  {label:<27}{_fraction(counts.found, counts.must):>10}"
            f"{_fraction(counts.right, counts.right + counts.wrong):>10}"
            f"{_percent(counts.must_not_flagged, counts.must_not):>18}")


def format_source(score: SourceScore) -> list[str]:
    rows = [f"{score.name}:", f"  {'family / split':<27}{'found':>10}{'right':>10}"
            f"{'compliant flagged':>18}"]
    families = [family for family in (*FAMILIES, "untagged")
                if any(key[0] == family for key in score.counts)]
    for family in families:
        for split in SPLITS:
            counts = total(score, split, family)
            if counts.must or counts.must_not or counts.right or counts.wrong:
                rows.append(_row(f"{family} {split}", counts))
    for split in SPLITS:
        rows.append(_row(f"ALL {split}", total(score, split)))
    for split in SPLITS:
        counts = total(score, split)
        extra = []
        if counts.safe:
            extra.append(f"untagged sentences flagged {counts.safe_flagged}/{counts.safe} = "
                         f"{1000 * counts.safe_flagged / counts.safe:.2f} per 1000")
        if counts.level2:
            extra.append(f"level-2 tags flagged {counts.level2_flagged}/{counts.level2}")
        if counts.uncovered:
            extra.append(f"uncovered-family unfair tags flagged "
                         f"{counts.uncovered_flagged}/{counts.uncovered}")
        if counts.not_counted or counts.unjudged:
            extra.append(f"findings not counted {counts.not_counted}, "
                         f"unjudged {counts.unjudged}")
        if extra:
            rows.append(f"  {split}: " + "; ".join(extra))
    if score.name == "claudette":
        for family in FAMILIES:
            level2 = [total(score, split, family) for split in SPLITS]
            if any(counts.level2 for counts in level2):
                rows.append(f"  level-2 {family}: " + ", ".join(
                    f"{split} {_fraction(c.level2_flagged, c.level2)}"
                    for split, c in zip(SPLITS, level2, strict=True)))
    return rows


def format_all(scores: list[SourceScore]) -> list[str]:
    rows = ["all sources:", f"  {'family / split':<27}{'found':>10}{'right':>10}"
            f"{'compliant flagged':>18}"]
    for family in (*FAMILIES, None):
        for split in SPLITS:
            counts = Counts()
            for score in scores:
                counts.add(total(score, split, family))
            if family is None or counts.must or counts.must_not or counts.right or counts.wrong:
                rows.append(_row(f"{family or 'ALL'} {split}", counts))
    return rows


def format_details(scores: list[SourceScore]) -> list[str]:
    rows = ["", "dev part only (held-out items are never listed):"]
    for score in scores:
        for title, items in (("missed", score.details.missed),
                             ("compliant but flagged", score.details.wrongly_flagged),
                             ("wrong findings", score.details.wrong_findings),
                             ("unjudged findings (unannotated text)",
                              score.details.unjudged_findings)):
            if items:
                rows.append(f"{score.name} - {title} ({len(items)}):")
                rows.extend(f"  {item}" for item in items)
    return rows


def as_json(scores: list[SourceScore], seconds: float) -> dict[str, object]:
    return {
        "seconds": round(seconds, 1),
        "sources": {
            score.name: {
                "counts": {f"{family}|{split}": asdict(counts)
                           for (family, split), counts in sorted(score.counts.items())},
                "totals": {split: asdict(total(score, split)) for split in SPLITS},
                "dev_details": asdict(score.details),
            } for score in scores},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true",
                        help="list the dev part's misses and false alarms")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--source", action="append", choices=SOURCE_NAMES,
                        help="score only this source (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes per run")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scores = evaluate(tuple(args.source or SOURCE_NAMES), jobs=args.jobs)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps(as_json(scores, seconds), indent=2, ensure_ascii=False))
        return 0
    rows = [f"legal benchmark, pack pl-consumer-rights-2014 ({DEV} figures, {HELD_OUT} "
            f"aggregates); found = prohibited found/covered, right = legal-prohibited "
            f"findings right/all"]
    for score in scores:
        rows += format_source(score)
    rows += format_all(scores)
    if args.details:
        rows += format_details(scores)
    rows.append(f"({seconds:.0f} s)")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
