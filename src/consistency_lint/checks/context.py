"""What checks may know besides the document: the configuration and the run's date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from consistency_lint.config import Config
from consistency_lint.facts.passages import StaleCopy
from consistency_lint.facts.registry import Registry
from consistency_lint.model import Document, Fact


@dataclass(frozen=True)
class CheckContext:
    config: Config
    today: date


@dataclass(frozen=True)
class Corpus:
    """Everything cross-document checks compare: all documents of all channels, the facts
    they state, the product each document is about, and the registry."""

    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    document_subjects: Mapping[str, str | None]
    registry: Registry
    stale_copies: tuple[StaleCopy, ...] = ()

    def document(self, path: str) -> Document:
        return self._documents_by_path[path]

    @cached_property
    def _documents_by_path(self) -> dict[str, Document]:
        return {document.path: document for document in self.documents}
