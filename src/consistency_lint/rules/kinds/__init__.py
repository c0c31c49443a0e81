"""The kinds of YAML rule, one module each, and the table that maps a rule's kind (the key
that holds its clause, see `pack_schema.KIND_KEYS`) to the module that runs it, as Vale's
`buildRule` does. Adding a kind: its module here, its entry in `KINDS`, and its key (with
the model of its parameters) in the pack schema."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from consistency_lint.model import Finding
from consistency_lint.rules.compiled import CompiledRule
from consistency_lint.rules.kinds import forbid, frame, require
from consistency_lint.rules.units import DocumentUnits


class RuleKind(Protocol):
    def findings(self, rule: CompiledRule, document: DocumentUnits) -> Iterator[Finding]:
        """The findings of a rule of this kind in one document."""
        ...


KINDS: Mapping[str, RuleKind] = {
    "require": require,
    "forbid": forbid,
    "frame": frame,
}
