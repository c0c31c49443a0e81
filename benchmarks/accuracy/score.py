"""Score consistency-lint against the gold annotations of the real-content accuracy corpus.

    python benchmarks/accuracy/score.py            # the table
    python benchmarks/accuracy/score.py --details  # and every false alarm and miss

A finding is right when it matches a gold defect of its document: the same category (and rule,
where the gold names one), on one of the defect's lines or anywhere for a document-level
defect, and naming the defect's word where the gold gives one. Each defect is matched once; a
second finding for it is a false alarm (a document reported sentence by sentence is noise).
Findings on disputed lines are left out. Precision is over findings at warning or error, the
ones that fail a build; recall is given at warning or error and at any severity.

Attribution: every fact stated with high or medium confidence (those that are compared and
shown in the matrix) must be one the gold lists, under the gold's attribute; the score counts
facts under the right attribute, under a wrong one, and gold facts not found.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from consistency_lint.config import load_config
from consistency_lint.model import Confidence, Fact, Finding, Severity
from consistency_lint.pipeline import RunOptions, run

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
GOLD = HERE / "gold.yaml"
TODAY = date(2026, 12, 2)
BLOCKING = (Severity.WARNING, Severity.ERROR)


@dataclass(frozen=True)
class Annotation:
    """One gold entry: a defect, a negative or a disputed place."""

    path: str
    lines: tuple[int, ...]  # empty: the whole document
    category: str | None
    rule: str | None
    word: str | None

    def covers(self, finding: Finding) -> bool:
        return (finding.path == self.path
                and (not self.lines or finding.span.line in self.lines)
                and self.category in (None, finding.category.value)
                and self.rule in (None, finding.rule)
                and (self.word is None or self.word.casefold() in _named(finding)))


def _named(finding: Finding) -> str:
    return f"{finding.message} {finding.excerpt}".casefold()


def _annotation(path: str, entry: dict[str, object]) -> Annotation:
    lines = entry.get("lines", [entry["line"]] if "line" in entry else [])
    assert isinstance(lines, list)
    return Annotation(path=path, lines=tuple(int(line) for line in lines),
                      category=_optional(entry, "category"), rule=_optional(entry, "rule"),
                      word=_optional(entry, "word"))


def _optional(entry: dict[str, object], key: str) -> str | None:
    value = entry.get(key)
    return None if value is None else str(value)


@dataclass(frozen=True)
class GoldFact:
    path: str
    line: int
    attribute: str


@dataclass(frozen=True)
class Gold:
    defects: tuple[Annotation, ...]
    negatives: tuple[Annotation, ...]
    disputed: tuple[Annotation, ...]
    annotated_paths: frozenset[str]
    facts: tuple[GoldFact, ...] = ()


def load_gold(path: Path = GOLD) -> Gold:
    documents = yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
    kinds: dict[str, list[Annotation]] = {"defects": [], "negatives": [], "disputed": []}
    for document, entries in documents.items():
        for kind, found in kinds.items():
            found.extend(_annotation(document, entry) for entry in entries.get(kind, []))
    defective = {annotation.path for annotation in kinds["defects"]}
    facts = tuple(GoldFact(path, int(entry["line"]), str(entry["attribute"]))
                  for path, entries in documents.items() for entry in entries.get("facts", []))
    return Gold(defects=tuple(kinds["defects"]), negatives=tuple(kinds["negatives"]),
                disputed=tuple(kinds["disputed"]), annotated_paths=frozenset(defective),
                facts=facts)


@dataclass
class AttributionScore:
    right: int = 0
    wrong: list[Fact] = field(default_factory=list)  # no fact, or another attribute
    missed: list[GoldFact] = field(default_factory=list)


def score_attribution(facts: Sequence[Fact], gold: Gold) -> AttributionScore:
    """Confident facts against the gold's facts (see the module docstring)."""
    expected = {(fact.path, fact.line): fact.attribute for fact in gold.facts}
    result = AttributionScore()
    found: set[tuple[str, int]] = set()
    for fact in facts:
        if fact.confidence is Confidence.LOW:
            continue
        place = (fact.path, fact.span.line)
        if expected.get(place) == fact.attribute:
            result.right += 1
            found.add(place)
        else:
            result.wrong.append(fact)
    result.missed = [fact for fact in gold.facts if (fact.path, fact.line) not in found]
    return result


@dataclass
class CategoryScore:
    right: int = 0  # findings at warning/error that match a defect
    false_alarms: int = 0  # findings at warning/error that match none
    found: int = 0  # defects matched at warning/error
    found_any_severity: int = 0
    defects: int = 0

    @property
    def precision(self) -> float | None:
        judged = self.right + self.false_alarms
        return self.right / judged if judged else None

    @property
    def recall(self) -> float | None:
        return self.found / self.defects if self.defects else None

    @property
    def recall_any_severity(self) -> float | None:
        return self.found_any_severity / self.defects if self.defects else None


@dataclass
class Score:
    by_category: dict[str, CategoryScore] = field(
        default_factory=lambda: defaultdict(CategoryScore))
    false_alarms: list[Finding] = field(default_factory=list)
    missed: list[Annotation] = field(default_factory=list)
    negatives_violated: list[tuple[Annotation, Finding]] = field(default_factory=list)
    negatives: int = 0
    clean_words: int = 0
    clean_findings: int = 0
    words: int = 0
    documents: int = 0

    @property
    def total(self) -> CategoryScore:
        total = CategoryScore()
        for score in self.by_category.values():
            total.right += score.right
            total.false_alarms += score.false_alarms
            total.found += score.found
            total.found_any_severity += score.found_any_severity
            total.defects += score.defects
        return total

    @property
    def clean_findings_per_1000_words(self) -> float:
        return 1000 * self.clean_findings / self.clean_words if self.clean_words else 0.0


def _first_match(finding: Finding, annotations: Iterable[Annotation],
                 taken: set[Annotation]) -> Annotation | None:
    return next((a for a in annotations if a not in taken and a.covers(finding)), None)


def score(findings: Sequence[Finding], gold: Gold, words_by_path: dict[str, int]) -> Score:
    """Match findings with the gold annotations (see the module docstring)."""
    result = Score(documents=len(words_by_path), words=sum(words_by_path.values()),
                   negatives=len(gold.negatives))
    for defect in gold.defects:
        result.by_category[str(defect.category)].defects += 1
    ordered = sorted(findings, key=lambda f: (f.severity not in BLOCKING, f.sort_key))
    matched: set[Annotation] = set()
    matched_blocking: set[Annotation] = set()
    for finding in ordered:
        if any(place.covers(finding) for place in gold.disputed):
            continue
        blocking = finding.severity in BLOCKING
        defect = _first_match(finding, gold.defects, matched)
        if defect is not None:
            matched.add(defect)
            if blocking:
                matched_blocking.add(defect)
                result.by_category[finding.category.value].right += 1
        elif blocking:
            result.by_category[finding.category.value].false_alarms += 1
            result.false_alarms.append(finding)
        if blocking:
            result.negatives_violated.extend(
                (negative, finding) for negative in gold.negatives if negative.covers(finding))
            if finding.path not in gold.annotated_paths:
                result.clean_findings += 1
    for defect in gold.defects:
        category = result.by_category[str(defect.category)]
        category.found += defect in matched_blocking
        category.found_any_severity += defect in matched
        if defect not in matched:
            result.missed.append(defect)
    result.clean_words = sum(words for path, words in words_by_path.items()
                             if path not in gold.annotated_paths)
    return result


@dataclass(frozen=True)
class CorpusRun:
    findings: list[Finding]
    facts: list[Fact]
    words: dict[str, int]


def check_corpus(corpus: Path = CORPUS) -> CorpusRun:
    """Run the whole check on the corpus, as `consistency-lint check` does, without a cache."""
    result = run(load_config(corpus), RunOptions(today=TODAY, use_cache=False))
    return CorpusRun(list(result.findings), list(result.facts),
                     {doc.path: doc.words for doc in result.documents})


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_attribution(result: AttributionScore, details: bool = False) -> str:
    rows = [f"fact attribution: {result.right} under the right attribute, {len(result.wrong)} "
            f"under a wrong one, {len(result.missed)} not found"]
    if details:
        rows += [f"  wrong: {f.path}:{f.span.line} {f.attribute} {f.text!r} ({f.cue})"
                 for f in result.wrong]
        rows += [f"  not found: {f.path}:{f.line} {f.attribute}" for f in result.missed]
    return "\n".join(rows)


def format_score(result: Score, details: bool = False) -> str:
    rows = [f"{'category':<22}{'precision':>10}{'recall':>8}{'recall*':>9}"
            f"{'right':>7}{'false':>7}{'defects':>9}"]
    for name, category in [*sorted(result.by_category.items()), ("all", result.total)]:
        rows.append(f"{name:<22}{_ratio(category.precision):>10}{_ratio(category.recall):>8}"
                    f"{_ratio(category.recall_any_severity):>9}{category.right:>7}"
                    f"{category.false_alarms:>7}{category.defects:>9}")
    rows += [
        "precision and recall at warning/error; recall* counts findings of any severity",
        f"documents {result.documents}, words {result.words}",
        f"negatives violated: {len({id(n) for n, _ in result.negatives_violated})} "
        f"of {result.negatives}",
        f"findings at warning/error per 1 000 clean words: "
        f"{result.clean_findings_per_1000_words:.2f} ({result.clean_findings} in "
        f"{result.clean_words} words of documents annotated as clean)",
    ]
    if details:
        rows.append("\nfalse alarms:")
        rows += [f"  {f.path}:{f.span.line} {f.rule} {f.message}" for f in result.false_alarms]
        rows.append("missed defects:")
        rows += [f"  {d.path}:{','.join(map(str, d.lines)) or 'document'} {d.category} "
                 f"{d.rule or ''} {d.word or ''}" for d in result.missed]
        rows.append("negatives violated:")
        rows += [f"  {f.path}:{f.span.line} {f.rule} {f.message}"
                 for _, f in result.negatives_violated]
    return "\n".join(rows)



def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list false alarms and misses")
    parser.add_argument("--source", action="append", default=[], metavar="NAME",
                        help="score only the documents of these sources (corpus folders such "
                        "as pretix, shopware; repeatable)")
    arguments = parser.parse_args(argv)
    checked = check_corpus()
    gold = load_gold()
    if arguments.source:
        checked, gold = only_sources(checked, gold, set(arguments.source))
    print(format_score(score(checked.findings, gold, checked.words), details=arguments.details))
    print(format_attribution(score_attribution(checked.facts, gold), arguments.details))


def source_of(path: str) -> str:
    """The source a corpus document comes from: its folder under emails/ or web/."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else parts[0]


def only_sources(checked: CorpusRun, gold: Gold, sources: set[str]) -> tuple[CorpusRun, Gold]:
    def wanted(path: str) -> bool:
        return source_of(path) in sources

    return (CorpusRun([f for f in checked.findings if wanted(f.path)],
                      [f for f in checked.facts if wanted(f.path)],
                      {path: count for path, count in checked.words.items() if wanted(path)}),
            Gold(defects=tuple(a for a in gold.defects if wanted(a.path)),
                 negatives=tuple(a for a in gold.negatives if wanted(a.path)),
                 disputed=tuple(a for a in gold.disputed if wanted(a.path)),
                 annotated_paths=frozenset(p for p in gold.annotated_paths if wanted(p)),
                 facts=tuple(f for f in gold.facts if wanted(f.path))))


if __name__ == "__main__":
    sys.exit(main())
