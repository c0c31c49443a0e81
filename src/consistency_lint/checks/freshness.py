"""`freshness` checks: content without an owner, or past its review date (governance)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import partial

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.model import Category, Document, Finding, Severity, Span
from consistency_lint.specs import CheckSpec, Example

_OWNED = {"governance": {"require_owner": True}}
_REVIEWED = {"governance": {"review_every_days": 365}}

NO_OWNER = CheckSpec(
    id="FRESHNESS-NO-OWNER",
    category=Category.FRESHNESS,
    severity=Severity.WARNING,
    summary="A document has no `owner` in its metadata while `governance.require_owner` is on.",
    rationale="Every customer-facing text needs someone who answers for it; when prices or "
    "the law change, an unowned page is the one nobody updates.",
    failing=Example("markdown", "---\ndoc_type: faq\n---\n# Dostawa\n", file_name="kb.md",
                    config=_OWNED),
    passing=Example("markdown", "---\nowner: Zespół Obsługi Klienta\n---\n# Dostawa\n",
                    file_name="kb.md", config=_OWNED),
)
NO_REVIEW_DATE = CheckSpec(
    id="FRESHNESS-NO-REVIEW-DATE",
    category=Category.FRESHNESS,
    severity=Severity.WARNING,
    summary="`last_reviewed` is missing, not a date (YYYY-MM-DD) or in the future, while "
    "`governance.review_every_days` is set.",
    rationale="Without a trustworthy review date nobody can tell whether the text was "
    "checked since the last change of prices or of the law.",
    failing=Example("markdown", "---\nlast_reviewed: wczoraj\n---\n# Dostawa\n",
                    file_name="kb.md", config=_REVIEWED),
    passing=Example("markdown", "---\nlast_reviewed: 2026-06-01\n---\n# Dostawa\n",
                    file_name="kb.md", config=_REVIEWED),
)
REVIEW_OVERDUE = CheckSpec(
    id="FRESHNESS-REVIEW-OVERDUE",
    category=Category.FRESHNESS,
    severity=Severity.WARNING,
    summary="`last_reviewed` is older than `governance.review_every_days` before `--today`.",
    rationale="Customer texts drift out of date silently: a periodic review is what an "
    "auditor asks for. Use `--today` to make the result reproducible.",
    failing=Example("markdown", "---\nlast_reviewed: 2020-01-01\n---\n# Dostawa\n",
                    file_name="kb.md", config=_REVIEWED),
    passing=Example("markdown", "---\nlast_reviewed: 2026-06-01\n---\n# Dostawa\n",
                    file_name="kb.md", config=_REVIEWED),
)
SPECS = (NO_OWNER, NO_REVIEW_DATE, REVIEW_OVERDUE)
# A corpus check, run once per run over the documents it reports on: its findings depend on
# the run's date, which the per-document cache does not key on.
KIND = Kind.CORPUS


def build(context: CheckContext) -> CorpusCheck:
    return partial(check, context=context)


def check(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    for document in corpus.reported:
        yield from _document_findings(document, context)


def _document_findings(document: Document, context: CheckContext) -> Iterator[Finding]:
    channel = context.config.channels.get(document.channel)
    if channel is None or (document.problems and not document.segments):
        return
    governance = channel.governance
    owner = str(document.metadata.get("owner") or channel.settings.owner or "").strip()
    if governance.require_owner and not owner:
        yield NO_OWNER.finding(document, Span.point(document.first_line),
                               "document has no `owner` in its metadata")
    if governance.review_every_days is not None:
        yield from _review_date_findings(document, context.today, governance.review_every_days)


def _review_date_findings(document: Document, today: date, every_days: int) -> Iterator[Finding]:
    raw = document.metadata.get("last_reviewed")
    line = document.metadata_lines.get("last_reviewed", document.first_line)
    span = Span.point(line)
    if raw is None:
        yield NO_REVIEW_DATE.finding(document, span, "document has no `last_reviewed` date")
        return
    reviewed = _as_date(raw)
    if reviewed is None:
        yield NO_REVIEW_DATE.finding(
            document, span, f"`last_reviewed: {raw}` is not a date (use YYYY-MM-DD)")
    elif reviewed > today:
        yield NO_REVIEW_DATE.finding(
            document, span, f"`last_reviewed: {reviewed}` is in the future (today is {today})")
    elif today - reviewed > timedelta(days=every_days):
        due = reviewed + timedelta(days=every_days)
        yield REVIEW_OVERDUE.finding(
            document, span,
            f"last reviewed {reviewed}, {(today - reviewed).days} days ago; reviews are due "
            f"every {every_days} days (this one since {due})",
        )


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None
