"""What the per-document stage learns from one file: the container the cache stores and
the corpus is made of."""

from __future__ import annotations

from dataclasses import dataclass

from consistency_lint.facts.passages import Passage
from consistency_lint.model import Document, Fact, Finding


@dataclass(frozen=True)
class DocumentOutcome:
    """One document, the findings of the document checks about it, the facts it states,
    the product it is about and its passages (for stale copies across channels)."""

    document: Document
    findings: tuple[Finding, ...]
    facts: tuple[Fact, ...]
    subject: str | None
    passages: tuple[Passage, ...]
