"""A change plan: the facts whose value a change replaced (or a dated registry value will
replace), and for each the places that already state the new value and those that still
state the old one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from consistency_lint.model.fact import Fact
from consistency_lint.model.pickling import pickled_by_constructor

# The rule that reports, in `check --changed-since`, a place still stating a replaced value.
NOT_PROPAGATED = "FACT-CHANGE-NOT-PROPAGATED"
REGISTRY_CHANNEL = "registry"  # the channel a place in the facts registry is shown under


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Place:
    """Where a value is stated: a document's line, or the registry's."""

    path: str
    line: int
    column: int
    channel: str
    text: str  # the value as written there
    excerpt: str = ""  # the sentence around it
    owner: str = ""

    @classmethod
    def of_fact(cls, fact: Fact) -> Place:
        return cls(fact.path, fact.span.line, fact.span.column, fact.channel, fact.text,
                   fact.sentence)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class FactChange:
    """One fact (subject, attribute, role, label) whose value `old` became `new` at
    `source`; `updated` already state the new value, `stale` still state the old one.
    `effective` is the day a dated registry value takes over (`impact --on`), else None."""

    subject: str
    attribute: str
    role: str
    label: str
    old: str
    new: str
    source: Place
    updated: tuple[Place, ...] = ()
    stale: tuple[Place, ...] = ()
    effective: date | None = None
    # since when each stale file has not changed (ISO date from git), by path
    untouched_since: tuple[tuple[str, str], ...] = ()

    @property
    def fact(self) -> str:
        """The fact's name as reports show it: `shop.delivery_cost (complaints) [dpd]`."""
        role = f" ({self.role})" if self.role else ""
        label = f" [{self.label}]" if self.label else ""
        return f"{self.subject}.{self.attribute}{role}{label}"


@dataclass(frozen=True)
class ChangePlan:
    """What `impact` prints: the changes of a window (`since REF`, `on DATE`, ...)."""

    window: str  # "since origin/main", "on 2026-12-01", "between 2026-12-01 and 2026-12-31"
    changes: tuple[FactChange, ...]
    today: str = ""
    git_commit: str | None = None
