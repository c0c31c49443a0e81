"""What a change replaced, for `check --changed-since` and `impact`: the facts the project
states now and the facts its changed files and registry stated at the ref, compared by
`facts/propagation.py`, with the day git last changed each stale file; and the owner of
every place (`placed`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from consistency_lint.config import Config, load_config
from consistency_lint.discovery import discover
from consistency_lint.errors import ConsistencyLintError
from consistency_lint.facts.propagation import FileChanges, Statements, replaced_values
from consistency_lint.facts.registry import Registry, load_registry
from consistency_lint.git_changes import (
    changed_files,
    is_shallow,
    last_changed,
    renamed_files,
    rewritten_lines,
    tree_at,
)
from consistency_lint.loaders import LoadRequest
from consistency_lint.model import Document, FactChange, Place
from consistency_lint.pipeline.cache import DocumentCache
from consistency_lint.pipeline.documents import DocumentWork, ProgressCallback, process_documents
from consistency_lint.pipeline.timing import PhaseSeconds
from consistency_lint.rules.loading import pack_digests
from consistency_lint.workers import Workers

MAX_HISTORY_LOOKUPS = 200  # files whose last change a run asks git for


@dataclass(frozen=True)
class FactsRun:
    """How the facts of a side of the change are read: where the work runs, and whether
    per-document results come from (and go to) the cache of `cache_project`."""

    workers: Workers
    use_cache: bool
    cache_project: Path


@dataclass(frozen=True)
class Replaced:
    changes: tuple[FactChange, ...]
    warnings: tuple[str, ...] = ()


def statements_of(config: Config, registry: Registry, requests: Sequence[LoadRequest],
                  how: FactsRun, seconds: PhaseSeconds,
                  on_progress: ProgressCallback | None = None,
                  ) -> tuple[Statements, tuple[Document, ...]]:
    """The facts `requests` state, read without running any check, and their documents."""
    work = DocumentWork(config, registry, (), (), frozenset())
    cache = DocumentCache.for_config(config, pack_digests(config), (), how.cache_project) \
        if how.use_cache else None
    outcomes = process_documents(requests, work, how.workers, cache, seconds, on_progress)
    documents = tuple(outcome.document for outcome in outcomes)
    return (Statements(tuple(fact for outcome in outcomes for fact in outcome.facts),
                       registry.facts, registry.source or "", languages_of(documents)),
            documents)


def languages_of(documents: Sequence[Document]) -> dict[str, str]:
    return {document.path: document.language for document in documents}


def replaced_since(config: Config, ref: str, now: Statements, documents: Sequence[Document],
                   today: date, how: FactsRun, seconds: PhaseSeconds) -> Replaced:
    """The values replaced since `ref`, with their places; a project that cannot be read at
    the ref replaces nothing, and says why.

    At the ref, only the changed files are read, unless the change touched the tool's own
    files (the registry, the configuration, ...): then which subject a value belongs to may
    have changed with them (a page stating a product's old price no longer matches the
    registry's new one, which named the product), so the places of the files the change did
    not touch are taken from the ref, read with the registry they were written against;
    those of files no longer checked are left out, those of files checked only now kept."""
    files = FileChanges(changed_files(config.root, ref), renamed_files(config.root, ref),
                        rewritten_lines(config.root, ref))
    own_files_changed = bool(files.changed & config.own_files)
    wanted = set(map(files.before, files.changed))
    try:
        with tree_at(config.root, ref) as tree:
            then = load_config(tree, tree / config.source)
            requests = [request for request in discover(then)
                        if own_files_changed or request.relative_path in wanted]
            before, _ = statements_of(then, load_registry(then), requests, how, seconds)
    except ConsistencyLintError as error:
        reason = " ".join(str(error).split())
        return Replaced((), (f"the project at `{ref}` cannot be read ({reason}); no change "
                             "is followed to other files",))
    if own_files_changed:
        read_then = {request.relative_path for request in requests}
        checked_now = {document.path for document in documents}
        now = replace(now, facts=(
            *(fact for fact in now.facts
              if fact.path in files.changed or fact.path not in read_then),
            *(fact for fact in before.facts
              if fact.path not in wanted and fact.path in checked_now)))
    history = _History(config.root, files.changed)
    return Replaced(tuple(map(history.dated, replaced_values(before, now, files, today))))


def placed(changes: Sequence[FactChange], owners: Mapping[str, str]) -> tuple[FactChange, ...]:
    """`changes` with the owner of every place (`owners.owners_of`)."""
    def owned(place: Place) -> Place:
        return replace(place, owner=owners.get(place.path, ""))

    return tuple(replace(change, source=owned(change.source),
                         updated=tuple(map(owned, change.updated)),
                         stale=tuple(map(owned, change.stale))) for change in changes)


class _History:
    """Since when each stale file has not changed, from git: asked once per file, for at
    most MAX_HISTORY_LOOKUPS files (one `git log` each), never for the files the change
    touched, and not at all in a shallow clone (its oldest commit would stand for all the
    history before it)."""

    def __init__(self, root: Path, touched: frozenset[str]) -> None:
        self.root = root
        self.touched = touched
        self.known: dict[str, str | None] = {}
        self.enabled = not is_shallow(root)

    def dated(self, change: FactChange) -> FactChange:
        days = ((place.path, self._day(place.path)) for place in change.stale)
        return replace(change, untouched_since=tuple({
            path: day for path, day in days if day}.items()))

    def _day(self, path: str) -> str | None:
        if not self.enabled or path in self.touched:
            return None
        if path not in self.known:
            if len(self.known) >= MAX_HISTORY_LOOKUPS:
                return None
            self.known[path] = last_changed(self.root, path)
        return self.known[path]
