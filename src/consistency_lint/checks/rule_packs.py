"""The YAML rule packs as one more document check: the run's rule engine over each analysed
document. Their specs are the configured packs' rules, which the run's rule set holds."""

from __future__ import annotations

from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.specs import CheckSpec

KIND = Kind.DOCUMENT
SPECS: tuple[CheckSpec, ...] = ()


def build(context: CheckContext) -> DocumentCheck:
    return context.rules.engine.check
