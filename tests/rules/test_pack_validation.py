"""A broken rule pack stops the run with one message naming the pack, line and rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency_lint.errors import ConfigError
from tests.conftest import lint, write_project

RULE = """pack: house
language: pl
rules:
  - id: HOUSE-VOUCHER
    category: legal-prohibited
    message: Bon tylko na życzenie.
    why: Zwrot pieniędzy tym samym sposobem.
    forbid:
      all: [bon]
"""


def _error(tmp_path: Path, pack: str, rules: list[str] | None = None) -> ConfigError:
    config = {"version": 1, "rules": rules or ["house.yaml"],
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"house.yaml": pack, "a.txt": "Treść."})
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path)
    return caught.value


@pytest.mark.parametrize(
    ("pack", "line", "message"),
    [
        (RULE.replace("    why: Zwrot pieniędzy tym samym sposobem.\n", ""), 4,
         "rule HOUSE-VOUCHER: rules.0.why: Field required"),
        (RULE + "    unless_within: document\n", 4, "`unless_within` needs `unless`"),
        (RULE.replace("    forbid:", "    exempt_under: []\n    require:"), 4,
         "`exempt_under` only goes with `forbid`"),
        (RULE.replace("legal-prohibited", "legal-forbidden"), 5,
         "rule HOUSE-VOUCHER: rules.0.category: Input should be"),
        (RULE.replace("HOUSE-VOUCHER", "house voucher"), 4, "rules.0.id: String should match"),
        (RULE + "    require:\n      all: [bon]\n", 4,
         "a rule needs exactly one of `require` and `forbid`"),
        (RULE.replace("all: [bon]", "all: [voucher_words]"), 4,
         "rule HOUSE-VOUCHER: unknown concept `voucher_words` in `forbid.all`"),
        (RULE.replace("all: [bon]", "all: ['@3pl']"), 4,
         "rule HOUSE-VOUCHER: unknown word feature `@3pl` (known: @2sg, @minus, @place) "
         "in `forbid.all`"),
        (RULE.replace("all: [bon]", "all: [bon]\n      within: document\n      value: "
                      "{type: duration, at_least: 14}"), 9,
         "`within: document` cannot hold a `value`"),
        (RULE.replace("all: [bon]", "all: [bon, zwrot]\n      report: fewer"), 9,
         "`report: fewer` needs `within: document` and two or more `all` concepts"),
        (RULE.replace("    forbid:\n      all: [bon]\n", "    forbid: {within: sentence}\n"), 8,
         "a clause needs `all`, `any` or `value`"),
        (RULE + "    colour: red\n", 10, "rules.0.colour: Extra inputs are not permitted"),
        (RULE + "    frame: {all: [bon]}\n", 4,
         "a rule needs exactly one of `require` and `forbid` and `frame`"),
        (RULE.replace("forbid:\n      all: [bon]", "frame: {none: [bon]}"), 8,
         "a frame needs `all` or `any`"),
        (RULE.replace("forbid:\n      all: [bon]", "frame: []"), 4,
         "`frame` needs at least one frame"),
        (RULE + "    said_as: {all: [bon]}\n", 4, "`said_as` only goes with `require`"),
        (RULE.replace("forbid:", "require:") + "    said_as: []\n", 4,
         "`said_as` needs at least one frame"),
        (RULE.replace("forbid:\n      all: [bon]", "frame: {all: [bon], actor: [seller]}"), 4,
         "rule HOUSE-VOUCHER: unknown role `seller` in `frame.actor` (known: unnamed)"),
        (RULE.replace("forbid:\n      all: [bon]", "frame: {all: [voucher_words]}"), 4,
         "rule HOUSE-VOUCHER: unknown concept `voucher_words` in `frame.all`"),
        (RULE.replace("forbid:\n      all: [bon]", "frame: {all: [bon], modality: [might]}"),
         8, "rules.0.frame.0.modality.0: Input should be 'may', 'must', 'cannot' or"),
        (RULE.replace("    forbid:\n      all: [bon]\n", "    require: {all: [bon]}\n"
                      "    unless: [bon]\n"), 4,
         "`unless` only goes with `forbid` or `frame`"),
        (RULE.replace("rules:", "concepts: {trader: [sklep]}\nroles: {trader: {words: [sklep]}}"
                      "\nrules:"), 1, "`trader` is both a role and a concept"),
        (RULE.replace("rules:", "roles: {trader: {words: []}}\nrules:"), 3,
         "roles.trader.words: List should have at least 1 item"),
        (RULE.replace("rules:", "roles: {trader: {words: [sklep], person: we}}\nrules:"), 3,
         "roles.trader.person: Input should be 'first', 'second' or 'third'"),
        (RULE.replace("rules:", "concepts: {voucher: [\"bon {gift}\"]}\nrules:"), 3,
         "concepts: concept `voucher` refers to unknown concept `{gift}`"),
        (RULE.replace("rules:", "concepts: {a_b: [\"x {c_d}\"], c_d: [\"y {a_b}\"]}\nrules:"),
         3, "concept `a_b` refers to itself: a_b → c_d → a_b"),
        (RULE.replace("rules:", "concepts: {d: [a, b, c, e, f, g, h, i, j, k], "
                      "many: [\"{d} {d} {d} {d}\"]}\nrules:"), 3,
         "concept `many` stands for more than 2000 phrasings; split it"),
        ("pack: house\nrules: [\n", 3, "invalid YAML"),
        (RULE.replace("all: [bon]", "all: {bon: 1}"), 9,
         "rule HOUSE-VOUCHER: rules.0.forbid.all: Input should be a valid list"),
        (RULE.replace("pack: house", "pack: [house]"), 1, "pack: Input should be a valid string"),
        (RULE + "    applies_to: {profiles: [webpage]}\n", 10,
         "rule HOUSE-VOUCHER: rules.0.applies_to.profiles.0: Input should be 'web'"),
        (RULE + "    applies_to: {segment_kinds: [buton]}\n", 10,
         "rules.0.applies_to.segment_kinds.0: Input should be 'paragraph'"),
        (RULE + "    applies_to: {offers: [course]}\n", 10,
         "rule HOUSE-VOUCHER: rules.0.applies_to.offers.0: Input should be 'goods', "
         "'services', 'digital-content' or 'subscription'"),
        (RULE + "    applies_to: {audiences: consumers}\n", 10,
         "rules.0.applies_to.audiences: Input should be a valid list"),
        (RULE + "    applies_to: {sectors: [banking]}\n", 10,
         "rules.0.applies_to.sectors.0: Input should be 'general' or 'financial'"),
        (RULE.replace("rules:\n", "applies_to: {sellers: [private]}\nrules:\n"), 3,
         "applies_to.sellers.0: Input should be 'registered' or 'unregistered'"),
        (RULE + "    applies_to: {channels: [website]}\n", 10,
         "rule HOUSE-VOUCHER: unknown channel `website` (configured: docs)"),
        (RULE.replace("all: [bon]", "value: {type: duration, units: [days]}"), 9,
         "unknown unit days for duration values (known: business_day, day, hour, month)"),
        (RULE + "    examples:\n      fail: [{text: Zwrot w gotówce.}]\n"
         "      pass: [{text: Zwrot na konto.}]\n", 11,
         "rule HOUSE-VOUCHER: its `fail` example does not fail: 'Zwrot w gotówce.'"),
        (RULE + "    examples:\n      fail: [{text: Bon.}]\n"
         "      pass: [{text: Bonem.}]\n", 12,
         "rule HOUSE-VOUCHER: its `pass` example fails: 'Bonem.'"),
    ],
)
def test_invalid_pack(tmp_path: Path, pack: str, line: int, message: str) -> None:
    error = _error(tmp_path, pack)
    assert (error.path, error.line) == ("house.yaml", line)
    assert message in error.message


def test_unknown_builtin_pack(tmp_path: Path) -> None:
    error = _error(tmp_path, RULE, ["builtin:pl-consumer-rights-2041"])
    assert (error.path, error.line) == ("consistency-lint.yaml", 3)
    assert error.message.startswith("unknown built-in rule pack `pl-consumer-rights-2041`")


def test_a_later_pack_overrides_a_rule_of_the_same_id(tmp_path: Path) -> None:
    override = RULE.replace("HOUSE-VOUCHER", "PL-CRA-ODR-PLATFORM").replace("[bon]", "[kupon]")
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014", "house.yaml"],
              "severity": {"PL-CRA-ODR-PLATFORM": "info"},
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"house.yaml": override,
                                     "a.txt": "Platforma ODR.\n\nKupon rabatowy.\n"})
    findings = lint(tmp_path).findings
    assert [(f.rule, f.span.line, f.severity.value) for f in findings] == [
        ("PL-CRA-ODR-PLATFORM", 3, "info")]


def test_severity_overrides_by_category_and_by_rule(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "severity": {"legal-prohibited": "info", "PL-CRA-ODR-PLATFORM": "error"},
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    text = "Zwrot towaru możliwy w ciągu 7 dni.\n\nSkorzystaj z platformy ODR.\n"
    write_project(tmp_path, config, {"a.txt": text})
    assert [(f.rule, f.severity.value) for f in lint(tmp_path).findings] == [
        ("PL-CRA-WITHDRAWAL-PERIOD-SHORT", "info"), ("PL-CRA-ODR-PLATFORM", "error")]


def test_a_pack_may_declare_its_own_document_types(tmp_path: Path) -> None:
    pack = RULE.replace("rules:\n", "doc_types: {voucher-terms: regulamin bonów}\nrules:\n") + (
        "    applies_to: {doc_types: [voucher-terms]}\n")
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"],
                                    "doc_types": {"voucher-terms": ["bony.txt"]}}}}
    write_project(tmp_path, config, {"house.yaml": pack, "bony.txt": "Wydajemy bon.\n",
                                     "a.txt": "Wydajemy bon.\n"})
    assert [(f.rule, f.path) for f in lint(tmp_path).findings] == [("HOUSE-VOUCHER", "bony.txt")]
