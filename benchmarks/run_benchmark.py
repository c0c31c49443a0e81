"""Speed, memory and fact-mismatch precision/recall on a generated corpus.

    python benchmarks/run_benchmark.py --documents 10000 --scaling 1000

Each phase runs in a fresh process so that its peak memory is its own: `language` (load
the documents and run the language layer) and `check` (the whole check, as the command
line runs it, with the cache). The check runs three times: cold (empty cache), warm
(nothing changed) and after one changed file. Precision and recall compare the
fact-mismatch findings with the corpus's ground truth of seeded mismatches (a finding
counts when its file and line match). `--scaling N` also checks an N-document corpus and
prints how the cross-channel comparison grows between the two sizes. Then one long real-
shaped terms document (over 50 000 words, the case that made the old phrase matcher hang)
is checked with the legal pack. `--samples-copies N` (default 100) runs the cold, warm and
one-changed checks again on an N-fold copy of `samples/` (real-shaped content). Last, the
accuracy benchmark on real content
(`benchmarks/accuracy/`): precision and recall per category against gold annotations.
The floor phase reads the files and runs spaCy's tokenizer alone; the cold check is shown as a
share of that floor.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "accuracy"))

import score as accuracy
from corpus import generate
from samples_copies import copy_samples

from consistency_lint.config import load_config
from consistency_lint.discovery import discover
from consistency_lint.loaders import load_document
from consistency_lint.model import Category
from consistency_lint.nlp.analysis import analyse
from consistency_lint.nlp.pipeline import pipeline
from consistency_lint.pipeline import RunOptions, run
from consistency_lint.pipeline.cache import project_cache_directory
from consistency_lint.report import json_report
from consistency_lint.workers import Workers

TODAY = date(2026, 11, 30)
TERMS_FRAGMENT = (Path(__file__).parent.parent / "tests" / "fixtures" / "hostile"
                  / "regulamin-fragment.txt")
TERMS_COPIES = 207  # 242 words each: 50 094 words


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


def phase_floor(root: Path) -> dict[str, float]:
    """The read-and-tokenise floor: reading every file and running spaCy's tokenizer alone
    over its text, the least any check of the corpus has to do."""
    config = load_config(root)
    tokenizer = pipeline(config.model.language).tokenizer
    start = time.perf_counter()
    words = 0
    for request in discover(config):
        text = request.path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        tokenizer(text)
    return {"words": words, "seconds": time.perf_counter() - start}


def phase_check(root: Path, jobs: int = 1) -> dict[str, float]:
    start = time.perf_counter()
    result = run(load_config(root), RunOptions(today=TODAY, workers=Workers(jobs), use_cache=True))
    checked = time.perf_counter()
    json_report.write(result, io.StringIO())
    done = time.perf_counter()
    seconds = done - start
    truth_file = root / "ground-truth.json"  # the generated corpus has one, samples not
    truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.exists() else {}
    expected = {(item["path"], item["line"]) for item in truth.get("seeded_mismatches", ())}
    reported = {(f.path, f.span.line) for f in result.findings
                if f.category is Category.FACT_MISMATCH}
    true_positives = len(expected & reported)
    return {"documents": result.summary.documents,
            "words": sum(document.words for document in result.documents),
            "seconds": seconds, "peak_mb": _peak_mb(), "seeded": len(expected),
            **{f"phase {name}": spent for name, spent in result.metadata.phase_seconds.items()},
            "phase report": done - checked,
            "reported": len(reported),
            "precision": true_positives / len(reported) if reported else 1.0,
            "recall": true_positives / len(expected) if expected else 1.0}


def _in_fresh_process(phase: str, root: Path, jobs: int = 1) -> dict[str, float]:
    output = subprocess.run([sys.executable, __file__, "--phase", phase, "--root", str(root),
                             "--jobs", str(jobs)],
                            check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(output)
    return result


def _corpus(root: Path, documents: int, seed: int) -> None:
    if not (root / "ground-truth.json").exists():
        generate(root, documents, seed, 0.05)


def _cached_checks(root: Path, jobs: int) -> dict[str, dict[str, float]]:
    """Cold (empty cache), warm (nothing changed) and one-changed-file runs of the check."""
    shutil.rmtree(project_cache_directory(root.resolve()), ignore_errors=True)
    runs = {"cold": _in_fresh_process("check", root, jobs),
            "warm": _in_fresh_process("check", root, jobs)}
    changed = next(iter(sorted(root.glob("**/kb/*.md"))))
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + b"\nDodatkowa uwaga dla konsultanta.\n")
        runs["one changed"] = _in_fresh_process("check", root, jobs)
    finally:
        changed.write_bytes(original)
    return runs


def _print_checks(root: Path, jobs: int) -> dict[str, float]:
    """Cold, warm and one-changed checks with words/s, memory and the time split, and the
    cold check beside the read-and-tokenise floor of the same corpus; returns the cold run."""
    runs = _cached_checks(root, jobs)
    cold = runs["cold"]
    for name, check in runs.items():
        print(f"check {name} (--jobs {jobs}): {check['seconds']:.1f} s "
              f"({check['seconds'] / cold['seconds']:.0%} of cold), "
              f"{check['words'] / check['seconds']:,.0f} words/s, "
              f"peak {check['peak_mb']:.0f} MB")
        print(f"  time split (worker phases summed over workers): {_phases(check)}")
    floor = _in_fresh_process("floor", root)
    floor_rate = floor["words"] / floor["seconds"]
    cold_rate = cold["words"] / cold["seconds"]
    print(f"read-and-tokenise floor (one process): {floor_rate:,.0f} words/s; the cold check "
          f"runs at {cold_rate / floor_rate:.0%} of it ({floor_rate / cold_rate:.1f}x slower)")
    return cold


def long_terms_document(root: Path) -> dict[str, float]:
    """The whole check, uncached, of one terms document of over 50 000 words."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    (root / "regulamin.txt").write_text(
        TERMS_FRAGMENT.read_text(encoding="utf-8") * TERMS_COPIES, encoding="utf-8")
    (root / "consistency-lint.yaml").write_text(
        "version: 1\nrules: ['builtin:pl-consumer-rights-2014', 'builtin:tone-pl']\n"
        "channels: {web: {loader: text, paths: ['*.txt'], doc_types: {terms: ['*.txt']}}}\n",
        encoding="utf-8")
    start = time.perf_counter()
    result = run(load_config(root), RunOptions(today=TODAY))
    seconds = time.perf_counter() - start
    return {"words": result.documents[0].words, "seconds": seconds,
            "findings": len(result.findings)}


def _phases(check: dict[str, float]) -> str:
    return ", ".join(f"{name.removeprefix('phase ')} {spent:.1f} s"
                     for name, spent in check.items() if name.startswith("phase "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--root", type=Path, default=Path("/tmp/consistency-lint-benchmark"))
    parser.add_argument("--phase", choices=["floor", "language", "check"])
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the check")
    parser.add_argument("--samples-copies", type=int, default=100, metavar="N",
                        help="also check an N-fold copy of samples/ (0: skip)")
    parser.add_argument("--scaling", type=int, metavar="N",
                        help="also check an N-document corpus to show how comparison scales")
    arguments = parser.parse_args()
    if arguments.phase == "floor":
        print(json.dumps(phase_floor(arguments.root)))
        return
    if arguments.phase == "language":
        print(json.dumps(phase_language(arguments.root)))
        return
    if arguments.phase == "check":
        print(json.dumps(phase_check(arguments.root, arguments.jobs)))
        return
    _corpus(arguments.root, arguments.documents, arguments.seed)
    language = _in_fresh_process("language", arguments.root)
    words = language["words"]
    language_seconds = language["load_seconds"] + language["language_seconds"]
    print(f"corpus: {int(language['documents'])} documents, {int(words):,} words")
    print(f"language layer: {language['documents'] / language_seconds:,.0f} documents/s, "
          f"{words / language_seconds:,.0f} words/s (load {language['load_seconds']:.1f} s, "
          f"language {language['language_seconds']:.1f} s), peak {language['peak_mb']:.0f} MB")
    cold = _print_checks(arguments.root, arguments.jobs)
    print(f"fact-mismatch:  precision {cold['precision']:.3f}, recall {cold['recall']:.3f} "
          f"({int(cold['reported'])} reported, {int(cold['seeded'])} seeded)")
    if arguments.scaling:
        small_root = arguments.root.with_name(f"{arguments.root.name}-{arguments.scaling}")
        _corpus(small_root, arguments.scaling, arguments.seed)
        small = _in_fresh_process("check", small_root, arguments.jobs)
        ratio = cold["documents"] / small["documents"]
        growth = cold["phase comparison"] / max(small["phase comparison"], 1e-9)
        print(f"comparison scaling: {int(small['documents'])} documents "
              f"{small['phase comparison']:.2f} s -> {int(cold['documents'])} documents "
              f"{cold['phase comparison']:.2f} s ({ratio:.0f}x documents, {growth:.1f}x time)")
    if arguments.samples_copies:
        copies_root = arguments.root.with_name(f"{arguments.root.name}-samples-"
                                               f"{arguments.samples_copies}")
        copy_samples(copies_root, arguments.samples_copies)
        print(f"samples/ copied {arguments.samples_copies} times:")
        _print_checks(copies_root, arguments.jobs)
    terms = long_terms_document(arguments.root.with_name(f"{arguments.root.name}-terms"))
    print(f"one long terms document: {int(terms['words']):,} words in {terms['seconds']:.1f} s "
          f"({terms['words'] / terms['seconds']:,.0f} words/s, {int(terms['findings'])} "
          "findings)")
    print("accuracy on real content (benchmarks/accuracy):")
    checked, gold = accuracy.check_corpus(), accuracy.load_gold()
    print(accuracy.format_score(accuracy.score(checked.findings, gold, checked.words)))
    print(accuracy.format_attribution(accuracy.score_attribution(checked.facts, gold)))


if __name__ == "__main__":
    main()
