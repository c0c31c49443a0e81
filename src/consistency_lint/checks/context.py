"""What checks may know besides the document: the configuration, the run's date, the
registry and the rule set; and, for corpus checks, the corpus."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from consistency_lint.config import Config
from consistency_lint.facts.passages import StaleCopy
from consistency_lint.facts.registry import Registry
from consistency_lint.model import Document, Fact, FactChange

if TYPE_CHECKING:
    from consistency_lint.checks.ruleset import RuleSet


@dataclass(frozen=True)
class CheckContext:
    config: Config
    today: date
    registry: Registry
    rules: RuleSet


@dataclass(frozen=True)
class Corpus:
    """Everything cross-document checks compare: all documents of all channels, the facts
    they state, the product each document is about, and the registry; and which documents
    get findings of their own (those the run reports on)."""

    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    document_subjects: Mapping[str, str | None]
    registry: Registry
    stale_copies: tuple[StaleCopy, ...]
    reported_paths: frozenset[str]
    # the values `--changed-since` replaced, with the places still stating the old ones
    changes: tuple[FactChange, ...] = ()

    def document(self, path: str) -> Document:
        return self._documents_by_path[path]

    @cached_property
    def reported(self) -> tuple[Document, ...]:
        """The documents the run reports on, in order."""
        return tuple(document for document in self.documents
                     if document.path in self.reported_paths)

    @cached_property
    def _documents_by_path(self) -> dict[str, Document]:
        return {document.path: document for document in self.documents}
