"""`impact`: the change plan of a window. The facts the project states now are read without
running any check; `--since REF` compares them with the project at the ref, `--on` and
`--between` read the registry's dated values."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from consistency_lint.config import Config
from consistency_lint.discovery import discover
from consistency_lint.facts.propagation import scheduled_changes
from consistency_lint.facts.registry import load_registry
from consistency_lint.git_changes import head_commit
from consistency_lint.model import ChangePlan, FactChange
from consistency_lint.owners import owner_matches, owners_of
from consistency_lint.pipeline.documents import ProgressCallback
from consistency_lint.pipeline.propagation import FactsRun, placed, replaced_since, statements_of
from consistency_lint.pipeline.timing import PhaseSeconds
from consistency_lint.workers import Workers


@dataclass(frozen=True)
class Window:
    """Which changes a plan lists: those since a git ref, or the registry's from `start` to
    `end` (one day for `--on`)."""

    since: str | None = None
    start: date | None = None
    end: date | None = None

    def describe(self) -> str:
        if self.since is not None:
            return f"since {self.since}"
        if self.start == self.end:
            return f"on {self.start}"
        return f"between {self.start} and {self.end}"


@dataclass(frozen=True)
class ImpactOptions:
    today: date
    window: Window
    owner: str | None = None  # list only the places this owner answers for (`--owner`)
    workers: Workers = field(default_factory=Workers)
    use_cache: bool = False
    cache_project: Path | None = None


@dataclass(frozen=True)
class Impact:
    plan: ChangePlan
    warnings: tuple[str, ...] = ()


def impact(config: Config, options: ImpactOptions,
           on_progress: ProgressCallback | None = None) -> Impact:
    """The change plan of `options.window` for the project of `config`."""
    seconds: PhaseSeconds = defaultdict(float)
    how = FactsRun(options.workers, options.use_cache, options.cache_project or config.root)
    registry = load_registry(config)
    now, documents = statements_of(config, registry, discover(config), how, seconds,
                                   on_progress)
    window = options.window
    warnings: tuple[str, ...] = ()
    if window.since is not None:
        replaced = replaced_since(config, window.since, now, documents, options.today, how,
                                  seconds)
        changes = replaced.changes
        warnings = tuple(f"--since: {warning}" for warning in replaced.warnings)
    else:
        changes = tuple(scheduled_changes(now, window.start or options.today,
                                          window.end or window.start or options.today))
    changes = placed(changes, owners_of(config, documents,
                                        files=(registry.source,) if registry.source else ()))
    if options.owner is not None:
        changes = _of_owner(changes, options.owner)
    return Impact(ChangePlan(window.describe(), changes, options.today.isoformat(),
                             head_commit(config.root)), warnings)


def _of_owner(changes: tuple[FactChange, ...], owner: str) -> tuple[FactChange, ...]:
    """The changes with a stale place of `owner`, and only those places."""
    kept = (replace(change, stale=tuple(place for place in change.stale
                                        if owner_matches(place.owner, owner)))
            for change in changes)
    return tuple(change for change in kept if change.stale)
