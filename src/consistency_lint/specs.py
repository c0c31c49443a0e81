"""What every check and rule declares about itself; `rules explain` and the docs test read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consistency_lint.model import Category, Document, Finding, RelatedLocation, Severity, Span


@dataclass(frozen=True)
class Example:
    """A tiny project file that shows the check; the test suite runs every example.

    `config` is merged into the example project's configuration, `files` are extra files
    (a variables list, say) and `symlink_to` makes the file a symbolic link instead.
    `committed` are files as a commit had them before the example's change (the other
    `files` were committed as they are): the example is then checked with
    `--changed-since` that commit.
    """

    loader: str
    content: str
    file_name: str = "example.txt"
    channel_name: str = "examples"
    config: dict[str, Any] = field(default_factory=dict)
    channel: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    symlink_to: str | None = None
    committed: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckSpec:
    id: str
    category: Category
    severity: Severity
    summary: str
    rationale: str
    failing: Example | None = None
    passing: Example | None = None
    reference: str | None = None
    matcher: str = ""  # for pack rules: the clause and its phrases, as YAML

    def finding(
        self, document: Document, span: Span, message: str, excerpt: str = "",
        related: tuple[RelatedLocation, ...] = (), suggestions: tuple[str, ...] = (),
    ) -> Finding:
        return self.finding_at(document.path, document.channel, document.doc_type, span,
                               message, excerpt, related, suggestions)

    def finding_at(
        self, path: str, channel: str, doc_type: str | None, span: Span, message: str,
        excerpt: str = "", related: tuple[RelatedLocation, ...] = (),
        suggestions: tuple[str, ...] = (),
    ) -> Finding:
        """A finding at a place that need not be a document's (a line of the registry).
        `suggestions` replace the text of `span` (an editor offers them as quick fixes)."""
        return Finding(
            rule=self.id,
            category=self.category,
            severity=self.severity,
            message=message,
            path=path,
            span=span,
            channel=channel,
            doc_type=doc_type,
            excerpt=excerpt,
            reference=self.reference,
            related=related,
            suggestions=suggestions,
        )
