"""Speed, memory and fact-mismatch precision/recall on a generated corpus.

    python benchmarks/run_benchmark.py --documents 2000

Each phase runs in a fresh process so that its peak memory is its own: `language` (load
the documents and run the language layer) and `check` (the whole check, as the command
line runs it). Precision and recall compare the fact-mismatch findings with the corpus's
ground truth of seeded mismatches (a finding counts when its file and line match).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate

from consistency_lint.config import load_config
from consistency_lint.discovery import discover
from consistency_lint.loaders import load_document
from consistency_lint.model import Category
from consistency_lint.nlp.analysis import analyse
from consistency_lint.pipeline import RunOptions, run

TODAY = date(2026, 11, 30)


def _peak_mb() -> float:
    """Peak resident memory of this process or of its largest worker process."""
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def phase_language(root: Path) -> dict[str, float]:
    config = load_config(root)
    start = time.perf_counter()
    documents = [load_document(request) for request in discover(config)]
    loaded = time.perf_counter()
    for _document, _segments in analyse(documents):
        pass
    done = time.perf_counter()
    words = sum(document.words for document in documents)
    return {"documents": len(documents), "words": words, "load_seconds": loaded - start,
            "language_seconds": done - loaded, "peak_mb": _peak_mb()}


def phase_check(root: Path, jobs: int = 1) -> dict[str, float]:
    start = time.perf_counter()
    result = run(load_config(root), RunOptions(today=TODAY, jobs=jobs))
    seconds = time.perf_counter() - start
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    expected = {(item["path"], item["line"]) for item in truth["seeded_mismatches"]}
    reported = {(f.path, f.span.line) for f in result.findings
                if f.category is Category.FACT_MISMATCH}
    true_positives = len(expected & reported)
    return {"documents": result.summary.documents,
            "words": sum(document.words for document in result.documents),
            "seconds": seconds, "peak_mb": _peak_mb(), "seeded": len(expected),
            "reported": len(reported),
            "precision": true_positives / len(reported) if reported else 1.0,
            "recall": true_positives / len(expected) if expected else 1.0}


def _in_fresh_process(phase: str, root: Path, jobs: int = 1) -> dict[str, float]:
    output = subprocess.run([sys.executable, __file__, "--phase", phase, "--root", str(root),
                             "--jobs", str(jobs)],
                            check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(output)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--root", type=Path, default=Path("/tmp/consistency-lint-benchmark"))
    parser.add_argument("--phase", choices=["language", "check"])
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the check")
    arguments = parser.parse_args()
    if arguments.phase == "language":
        print(json.dumps(phase_language(arguments.root)))
        return
    if arguments.phase == "check":
        print(json.dumps(phase_check(arguments.root, arguments.jobs)))
        return
    if not (arguments.root / "ground-truth.json").exists():
        generate(arguments.root, arguments.documents, arguments.seed, 0.05)
    language = _in_fresh_process("language", arguments.root)
    check = _in_fresh_process("check", arguments.root, arguments.jobs)
    words = language["words"]
    language_seconds = language["load_seconds"] + language["language_seconds"]
    print(f"corpus: {int(language['documents'])} documents, {int(words):,} words")
    print(f"language layer: {language['documents'] / language_seconds:,.0f} documents/s, "
          f"{words / language_seconds:,.0f} words/s (load {language['load_seconds']:.1f} s, "
          f"language {language['language_seconds']:.1f} s), peak {language['peak_mb']:.0f} MB")
    print(f"whole check (--jobs {arguments.jobs}): "
          f"{check['documents'] / check['seconds']:,.0f} documents/s, "
          f"{check['words'] / check['seconds']:,.0f} words/s ({check['seconds']:.1f} s), "
          f"peak {check['peak_mb']:.0f} MB")
    print(f"fact-mismatch:  precision {check['precision']:.3f}, recall {check['recall']:.3f} "
          f"({int(check['reported'])} reported, {int(check['seeded'])} seeded)")


if __name__ == "__main__":
    main()
