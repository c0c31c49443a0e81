"""The table of rule kinds and the pack schema name the same kinds."""

from consistency_lint.rules.kinds import KINDS
from consistency_lint.rules.pack_schema import KIND_KEYS


def test_every_kind_key_of_the_pack_schema_has_a_module() -> None:
    assert tuple(KINDS) == KIND_KEYS
