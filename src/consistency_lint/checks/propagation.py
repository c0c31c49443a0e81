"""`FACT-CHANGE-NOT-PROPAGATED`: a place still states a value that the change under
`--changed-since` replaced (in the registry or in a document), in any file of any channel,
also one the change did not touch. What was replaced, and where the old value is still
stated, is worked out by `facts/propagation.py` and reaches the check on the `Corpus`."""

from __future__ import annotations

from collections.abc import Iterator

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.model import (
    NOT_PROPAGATED,
    Category,
    FactChange,
    Finding,
    Place,
    RelatedLocation,
    Severity,
    Span,
)
from consistency_lint.specs import CheckSpec, Example

_CHANNEL = {"paths": ["*.md"]}

CHANGE_NOT_PROPAGATED = CheckSpec(
    id=NOT_PROPAGATED,
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A place still states a value that the change under `--changed-since` replaced "
    "elsewhere (in the registry or in another document).",
    rationale="A price or a period changed on the website reaches the customer at once; the "
    "call-center script, the FAQ and the letters that still state the old value contradict "
    "it from that day on. Every place that states the fact must change with it, also the "
    "files the change did not touch.",
    failing=Example("markdown", "Dostawa kosztuje 12,99 zł.\n", file_name="dostawa.md",
                    channel=_CHANNEL,
                    files={"kb.md": "Koszt dostawy: 9,99 zł.\n"},
                    committed={"dostawa.md": "Dostawa kosztuje 9,99 zł.\n"}),
    passing=Example("markdown", "Dostawa kosztuje 12,99 zł.\n", file_name="dostawa.md",
                    channel=_CHANNEL,
                    files={"kb.md": "Koszt dostawy: 12,99 zł.\n"},
                    committed={"dostawa.md": "Dostawa kosztuje 9,99 zł.\n",
                               "kb.md": "Koszt dostawy: 9,99 zł.\n"}),
)
SPECS = (CHANGE_NOT_PROPAGATED,)
# Needs the facts of every document and the project at the ref: once per run.
KIND = Kind.CORPUS


def build(context: CheckContext) -> CorpusCheck:
    return check


def check(corpus: Corpus) -> Iterator[Finding]:
    doc_types = {document.path: document.doc_type for document in corpus.documents}
    for change in corpus.changes:
        for place in change.stale:
            yield _finding(change, place, doc_types.get(place.path))


def _finding(change: FactChange, place: Place, doc_type: str | None) -> Finding:
    source = change.source
    since = dict(change.untouched_since).get(place.path)
    unchanged = f"; this file has not changed since {since}" if since else ""
    message = (f"still states {change.fact} “{place.text}”, which {source.path}:"
               f"{source.line} changed from “{change.old}” to “{change.new}”{unchanged}")
    return Finding(
        rule=CHANGE_NOT_PROPAGATED.id,
        category=CHANGE_NOT_PROPAGATED.category,
        severity=CHANGE_NOT_PROPAGATED.severity,
        message=message,
        path=place.path,
        span=Span(place.line, place.column, place.line, place.column + len(place.text)),
        channel=place.channel,
        doc_type=doc_type,
        excerpt=place.excerpt,
        related=(RelatedLocation(source.path, source.line, source.channel, change.new),),
    )
