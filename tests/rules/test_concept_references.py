"""Concepts built of concepts: `{name}` in a phrasing stands for each phrasing of `name`."""

from __future__ import annotations

from pathlib import Path

from consistency_lint.rules.concept_references import expand_references
from tests.conftest import lint, write_project


def test_a_reference_stands_for_each_phrasing_of_the_concept_in_order() -> None:
    concepts = {"give_back": ["zwrot", "oddać"], "goods_item": ["towar", "rzecz"],
                "withdrawal": ["prawo odstąpienia", "{give_back} {goods_item}"],
                "styled": ["{text-decoration:line-through}"]}
    assert expand_references(concepts) == {
        "give_back": ["zwrot", "oddać"], "goods_item": ["towar", "rzecz"],
        "withdrawal": ["prawo odstąpienia", "zwrot towar", "zwrot rzecz", "oddać towar",
                       "oddać rzecz"],
        "styled": ["{text-decoration:line-through}"]}  # markup, not a reference


def test_a_rule_finds_every_phrase_its_concept_is_built_of(tmp_path: Path) -> None:
    pack = """pack: house
language: pl
concepts:
  goods_item: [towar, rzecz, produkt]
  give_back: ["zwrot {goods_item}", "oddać {goods_item}"]
rules:
  - id: HOUSE-NO-RETURNS
    category: legal-prohibited
    message: Zwrot musi być możliwy.
    why: Konsument może odstąpić od umowy.
    forbid:
      all: [give_back, niemożliwy]
"""
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    text = ("Zwrot rzeczy jest niemożliwy.\nOddanie produktów jest niemożliwe.\n"
            "Zwrot pieniędzy jest niemożliwy.\n")
    write_project(tmp_path, config, {"house.yaml": pack, "a.txt": text})
    assert [(f.rule, f.span.line) for f in lint(tmp_path).findings
            if f.rule == "HOUSE-NO-RETURNS"] == [("HOUSE-NO-RETURNS", 1), ("HOUSE-NO-RETURNS", 2)]
