"""Fact attributes (price, delivery_time, ...): their value type, scope and cue words.

Built-in definitions live in `rules/facts/attributes.yaml`; the registry may add custom ones.
Cues are lemmatized once per language, so that a cue matches any inflected form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.nlp.pipeline import pipeline
from consistency_lint.values import Bound, ValueType


class Scope(StrEnum):
    PRODUCT = "product"
    COMPANY = "company"


class AttributeModel(BaseModel):
    """An attribute as written in YAML (built-in pack or the registry's `attributes:`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: ValueType
    scope: Scope = Scope.PRODUCT
    cues: list[str] = []
    bounds: list[Bound] | None = None


@dataclass(frozen=True)
class Attribute:
    name: str
    type: ValueType
    scope: Scope
    bounds: frozenset[Bound] | None
    cues: tuple[str, ...]

    def accepts(self, value_type: ValueType, bound: Bound) -> bool:
        return value_type is self.type and (self.bounds is None or bound in self.bounds)

    def cue_lemmas(self, language: str) -> tuple[tuple[str, ...], ...]:
        return _lemmatized_cues(self.cues, language)


def builtin_attribute_models() -> dict[str, AttributeModel]:
    data: Any = load_builtin_yaml("facts/attributes.yaml")["attributes"]
    return TypeAdapter(dict[str, AttributeModel]).validate_python(data)


def attributes(custom: Mapping[str, AttributeModel] | None = None) -> dict[str, Attribute]:
    """Built-in attributes, with the registry's custom ones added (or overriding)."""
    models = {**builtin_attribute_models(), **(custom or {})}
    return {
        name: Attribute(name, model.type, model.scope,
                        frozenset(model.bounds) if model.bounds is not None else None,
                        tuple(model.cues))
        for name, model in models.items()
    }


@cache
def _lemmatized_cues(cues: tuple[str, ...], language: str) -> tuple[tuple[str, ...], ...]:
    nlp = pipeline(language)
    return tuple(tuple(token.lemma_ for token in nlp(cue) if not token.is_punct or
                       token.text.endswith("."))
                 for cue in cues)
