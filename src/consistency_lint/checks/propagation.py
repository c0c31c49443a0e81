"""Changes that must reach every channel.

`FACT-CHANGE-NOT-PROPAGATED`: a place still states a value that the change under
`--changed-since` replaced (in the registry or in a document), in any file of any channel,
also one the change did not touch. What was replaced, and where the old value is still
stated, is worked out by `facts/propagation.py` and reaches the check on the `Corpus`.

`FACT-CHANGE-AHEAD` and `FACT-CHANGE-NOT-ANNOUNCED`: a dated registry value takes effect
within the channel's `governance.announce_days`; the places stating the value it replaces
must change that day, and a channel that states coming values first (a call-center knowledge
base, `governance.state_coming_values`) must already state the new one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import partial

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.facts.propagation import Statements, scheduled_changes
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
from consistency_lint.values.date import days_named

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
_SCHEDULED = """subjects:
  shop: {name: Sklep Meblino}
facts:
  - {subject: shop, attribute: delivery_cost, value: "9,99 zł", effective_until: 2026-12-06}
  - {subject: shop, attribute: delivery_cost, value: "12,99 zł", effective_from: 2026-12-07}
"""
_REGISTRY = {"facts": "facts.yaml"}
_KNOWS_FIRST = {**_REGISTRY, "governance": {"state_coming_values": True}}
CHANGE_AHEAD = CheckSpec(
    id="FACT-CHANGE-AHEAD",
    category=Category.FACT_MISMATCH,
    severity=Severity.WARNING,
    summary="A place states a value that a dated registry value replaces within the "
    "channel's `governance.announce_days` (default 14) of `--today`.",
    rationale="A price rise or the end of a promotion is known in advance; every page, "
    "script and letter that states the outgoing value must change on the day, and a warning "
    "ahead of it lists them while there is still time.",
    failing=Example("markdown", "Dostawa kosztuje 9,99 zł.\n", file_name="dostawa.md",
                    config=_REGISTRY, files={"facts.yaml": _SCHEDULED}),
    passing=Example("markdown", "Od 07.12.2026 dostawa kosztuje 12,99 zł.\n",
                    file_name="dostawa.md", config=_REGISTRY, files={"facts.yaml": _SCHEDULED}),
)
CHANGE_NOT_ANNOUNCED = CheckSpec(
    id="FACT-CHANGE-NOT-ANNOUNCED",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A channel that must state coming values first (`governance.state_coming_values`) "
    "states a value a dated registry value replaces within `announce_days`, and the new "
    "value nowhere.",
    rationale="The call center must know of a change before the website says it: a "
    "consultant who learns the new price from an angry customer answers wrongly. A knowledge "
    "base that states only the outgoing value has not been told.",
    failing=Example("markdown", "Koszt dostawy: 9,99 zł.\n", file_name="kb.md",
                    config=_KNOWS_FIRST, files={"facts.yaml": _SCHEDULED}),
    passing=Example("markdown", "Koszt dostawy: 9,99 zł, od 07.12.2026 koszt dostawy: "
                    "12,99 zł.\n", file_name="kb.md", config=_KNOWS_FIRST,
                    files={"facts.yaml": _SCHEDULED}),
)
SPECS = (CHANGE_NOT_PROPAGATED, CHANGE_AHEAD, CHANGE_NOT_ANNOUNCED)
# Needs the facts of every document, the project at the ref and the run's date: once per run.
KIND = Kind.CORPUS


def build(context: CheckContext) -> CorpusCheck:
    return partial(check, context=context)


def check(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    doc_types = {document.path: document.doc_type for document in corpus.documents}
    for change in corpus.changes:
        for place in change.stale:
            yield _finding(CHANGE_NOT_PROPAGATED, place, doc_types.get(place.path),
                           _not_propagated(change, place), change.source, change.new)
    for change in _coming(corpus, context):
        yield from _ahead(change, corpus, context, doc_types)


def _not_propagated(change: FactChange, place: Place) -> str:
    source = change.source
    since = dict(change.untouched_since).get(place.path)
    unchanged = f"; this file has not changed since {since}" if since else ""
    return (f"still states {change.fact} “{place.text}”, which {source.path}:"
            f"{source.line} changed from “{change.old}” to “{change.new}”{unchanged}")


def _coming(corpus: Corpus, context: CheckContext) -> list[FactChange]:
    """The registry's values that take over or end within the longest announce window."""
    longest = max((channel.governance.announce_days
                   for channel in context.config.channels.values()), default=0)
    if not longest:
        return []
    registry = corpus.registry
    statements = Statements(corpus.facts, registry.facts, registry.source or "")
    return scheduled_changes(statements, context.today + timedelta(days=1),
                             context.today + timedelta(days=longest))


def _ahead(change: FactChange, corpus: Corpus, context: CheckContext,
           doc_types: dict[str, str | None]) -> Iterator[Finding]:
    """A warning on each place of a channel whose window the change falls in, unless its
    document announces the change (states the coming value, or names the day it comes or
    the last day before it beside the fact: "promocja do 20.12.2026"); in a channel that
    states coming values first and does not state this one, an error instead."""
    if change.effective is None:  # not a dated change
        return
    days = (change.effective - context.today).days
    announced = {place.channel for place in change.updated}
    announcing = {place.path for place in change.updated} | _naming_the_day(
        change, change.effective, corpus)
    what = f"replaces it with “{change.new}”" if change.new else "ends it"
    for place in change.stale:
        channel = context.config.channels.get(place.channel)
        if (channel is None or place.path not in corpus.reported_paths
                or place.path in announcing or days > channel.governance.announce_days):
            continue
        when = f"on {change.effective} (in {days} day(s))"
        if not channel.governance.state_coming_values:
            yield _finding(CHANGE_AHEAD, place, doc_types.get(place.path),
                           f"states {change.fact} “{place.text}”; the registry {what} "
                           f"{when}: change it that day", change.source, change.new)
        elif place.channel not in announced:
            yield _finding(CHANGE_NOT_ANNOUNCED, place, doc_types.get(place.path),
                           f"states only {change.fact} “{place.text}”; the registry {what} "
                           f"{when}, and channel `{place.channel}` must state the coming "
                           "value before then", change.source, change.new)


def _naming_the_day(change: FactChange, day: date, corpus: Corpus) -> set[str]:
    """The documents whose statements of the fact name `day`, when the change comes, or
    the day before it (the outgoing value's last)."""
    days = {day, day - timedelta(days=1)}
    return {fact.path for fact in corpus.facts
            if (fact.subject, fact.attribute) == (change.subject, change.attribute)
            and days & set(days_named(fact.sentence, corpus.document(fact.path).language))}


def _finding(spec: CheckSpec, place: Place, doc_type: str | None, message: str,
             source: Place, value: str) -> Finding:
    return spec.finding_at(
        place.path, place.channel, doc_type,
        Span(place.line, place.column, place.line, place.column + len(place.text)), message,
        place.excerpt, (RelatedLocation(source.path, source.line, source.channel, value),))
