"""The registry of built-in checks, and the one place that dispatches on their kind.

Adding a check means adding a module that declares `KIND`, `SPECS` and `build` (see
`checks/protocol.py`) and naming it in CHECKS; the pipeline and the reports know nothing
about individual checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, cast

from consistency_lint.checks import (
    disguised_text,
    doc_types,
    editorial_notes,
    fact_checks,
    fact_sets,
    freshness,
    identifier_checksums,
    input_checks,
    link_near_miss,
    link_targets,
    period_starts,
    propagation,
    real_word_errors,
    rule_packs,
    spelling,
    suppressions,
    template_checks,
    tone,
    unfilled_blanks,
)
from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import (
    CheckModule,
    CorpusCheck,
    DocumentCheck,
    Finalise,
    Kind,
)
from consistency_lint.model import Finding
from consistency_lint.rules.loading import Packs, builtin_pack_specs
from consistency_lint.specs import CheckSpec

CHECKS: tuple[CheckModule, ...] = (
    input_checks,
    disguised_text,
    template_checks,
    rule_packs,
    spelling,
    real_word_errors,
    tone,
    unfilled_blanks,
    editorial_notes,
    freshness,
    fact_checks,
    fact_sets,
    identifier_checksums,
    period_starts,
    link_targets,
    link_near_miss,
    propagation,
    doc_types,
)
SPECS: dict[str, CheckSpec] = {
    spec.id: spec
    # the findings about suppression directives are the rule set's own (checks/ruleset.py)
    for specs in (*(module.SPECS for module in CHECKS), suppressions.SPECS)
    for spec in specs
}


@dataclass(frozen=True)
class Checks:
    """The run's checks, built once and split by kind."""

    document: tuple[DocumentCheck, ...]
    corpus: tuple[CorpusCheck, ...]
    document_ids: tuple[str, ...]  # the findings the document checks may yield


def build_checks(context: CheckContext) -> Checks:
    document: list[DocumentCheck] = []
    corpus: list[CorpusCheck] = []
    document_ids: list[str] = []
    for module in CHECKS:
        check = module.build(context)
        if module.KIND is Kind.DOCUMENT:
            document.append(cast(DocumentCheck, check))
            document_ids.extend(spec.id for spec in module.SPECS)
        else:
            corpus.append(cast(CorpusCheck, check))
    return Checks(tuple(document), tuple(corpus), tuple(document_ids))


def finalised(findings: Iterable[Finding],
              step: Literal["finalise", "finalise_reported"]) -> list[Finding]:
    """`findings` through every check's optional last step named `step` (`finalise`, or
    `finalise_reported`), in the registry's order."""
    result = list(findings)
    for module in CHECKS:
        last_step: Finalise | None = getattr(module, step, None)
        if last_step is not None:
            result = last_step(result)
    return result


def warnings_for_stderr(findings: Sequence[Finding]) -> tuple[str, ...]:
    """The lines that checks' optional `warnings(findings)` want on standard error, whatever
    the report format (doc-type typos: whoever runs the tool sees them even when the report
    goes to a file)."""
    lines: list[str] = []
    for module in CHECKS:
        warnings: Callable[[Sequence[Finding]], Iterable[str]] | None = getattr(
            module, "warnings", None)
        if warnings is not None:
            lines.extend(warnings(findings))
    return tuple(lines)


def documented_specs() -> dict[str, CheckSpec]:
    """Every built-in check and every rule of the built-in packs, by id."""
    return {**SPECS, **{spec.id: spec for spec in builtin_pack_specs()}}


def all_specs(packs: Packs | None) -> dict[str, CheckSpec]:
    """Built-in checks and rules, then the rules of the project's configured packs (a
    project rule of the same id replaces the built-in one, as in a run)."""
    specs = documented_specs()
    specs.update({rule.model.id: rule.spec for rule in packs.rules} if packs else {})
    return specs


def corpus_check_ids() -> frozenset[str]:
    """The rules that only a run over every document reports (comparisons across
    documents): an editor's run of one unsaved document cannot."""
    return frozenset(spec.id for module in CHECKS if module.KIND is Kind.CORPUS
                     for spec in module.SPECS)
