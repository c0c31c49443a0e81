"""Facts: a value a document states about (subject, attribute), a value of the registry
(the source of truth), and the fact matrix's rows that set them side by side."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from consistency_lint.model.document import Span
from consistency_lint.model.finding import Confidence
from consistency_lint.model.pickling import pickled_by_constructor
from consistency_lint.model.value import Value


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Fact:
    """A value a document states, attributed to a subject and an attribute."""

    subject: str
    attribute: str
    text: str
    value: Value
    path: str
    span: Span
    channel: str
    confidence: Confidence
    sentence: str = ""
    role: str = ""  # e.g. "complaints" for an e-mail address; roles are never compared
    label: str = ""  # the words that name this value among variants ("inpost", "dpd")
    cue: str = ""  # the cue that attributed it ("infolinia"), and how far it stood
    distance: int = 0
    # a member of a set-valued attribute stated as part of a whole list ("Akceptujemy…",
    # "Metody płatności to…"): the list's key, shared by its members; "" for a mention
    listing: str = ""


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class RegistryFact:
    """A fact of the registry (the source of truth), true from/until the given dates."""

    subject: str
    attribute: str
    text: str
    value: Value
    line: int
    effective_from: date | None = None
    effective_until: date | None = None

    def valid_on(self, day: date) -> bool:
        starts_ok = self.effective_from is None or self.effective_from <= day
        return starts_ok and (self.effective_until is None or day <= self.effective_until)


@dataclass(frozen=True)
class MatrixCell:
    """What one channel states for one fact: the distinct texts, and whether they agree
    with the reference (the registry value, else the most common value)."""

    texts: tuple[str, ...]
    agrees: bool


@dataclass(frozen=True)
class MatrixRow:
    """One row of the fact matrix: a (subject, attribute, role), the registry's text for it
    and, by channel, what the channel states."""

    subject: str
    attribute: str
    registry: str | None
    cells: dict[str, MatrixCell]
    role: str = ""
