"""The registry: every check module declares its kind and specs, ids are unique, and the
core builds each module's check for the kind it declares."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import Kind
from consistency_lint.checks.registry import CHECKS, SPECS, build_checks
from consistency_lint.checks.ruleset import RuleSet
from consistency_lint.config import load_config
from consistency_lint.facts.registry import load_registry
from consistency_lint.rules.loading import load_packs
from tests.conftest import TODAY

SAMPLES = Path(__file__).parent.parent.parent / "samples"


def test_every_check_declares_a_kind_and_no_id_twice() -> None:
    assert all(isinstance(module.KIND, Kind) for module in CHECKS)
    ids = Counter(spec.id for module in CHECKS for spec in module.SPECS)
    assert [rule for rule, count in ids.items() if count > 1] == []
    assert set(ids) <= set(SPECS)


def test_each_kind_is_built_once_per_module() -> None:
    config = load_config(SAMPLES)
    context = CheckContext(config, TODAY, load_registry(config),
                           RuleSet.for_run(config, load_packs(config), TODAY))
    checks = build_checks(context)
    kinds = Counter(module.KIND for module in CHECKS)
    assert (len(checks.document), len(checks.corpus)) == (kinds[Kind.DOCUMENT],
                                                         kinds[Kind.CORPUS])
