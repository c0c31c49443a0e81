"""Every rule is documented for users: in the README's rule table and by `rules explain`."""

from pathlib import Path

import pytest

from consistency_lint.checks.registry import documented_specs

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule_id", sorted(documented_specs()))
def test_rule_is_in_the_readme_rule_table(rule_id: str) -> None:
    assert f"| `{rule_id}` |" in README
