"""The facts registry (`facts.yaml`): the source of truth, validated like configuration."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from consistency_lint.config import Config, project_file, read_yaml_model
from consistency_lint.errors import ConfigError
from consistency_lint.facts.anchors import anchor_in_text
from consistency_lint.facts.attributes import (
    Attribute,
    AttributeModel,
    Scope,
    attributes,
    builtin_aliases,
)
from consistency_lint.facts.members import set_value
from consistency_lint.facts.variants import label_lemmas
from consistency_lint.model import RegistryFact, ValueType
from consistency_lint.values.extraction import parse_value
from consistency_lint.yaml_loading import YamlDocument


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubjectModel(_Strict):
    name: str
    aliases: list[str] = []


class FactModel(_Strict):
    subject: str
    attribute: str
    value: str | int | float
    effective_from: date | None = None
    effective_until: date | None = None
    role: str | None = None
    label: str | None = None


class RegistryModel(_Strict):
    subjects: dict[str, SubjectModel] = {}
    facts: list[FactModel] = []
    attributes: dict[str, AttributeModel] = {}

    @model_validator(mode="before")
    @classmethod
    def _composed(cls, data: object) -> object:
        """Every name and value composed (NFC), as content is read: a registry saved where
        files are decomposed ("ą" as "a" and a combining ogonek) means the same values."""
        return _nfc(data)


def _nfc(data: object) -> object:
    """`data` read from YAML with every string in it, keys too, in NFC."""
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, list):
        return [_nfc(item) for item in data]
    if isinstance(data, dict):
        return {_nfc(key): _nfc(value) for key, value in data.items()}
    return data


@dataclass(frozen=True)
class Subject:
    id: str
    name: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Registry:
    subjects: dict[str, Subject]
    facts: tuple[RegistryFact, ...]
    attributes: dict[str, Attribute]
    source: str | None = None

    def versions(self, subject: str, attribute: str) -> list[RegistryFact]:
        return self._versions.get((subject, attribute), [])

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The words of the subjects' names and aliases ("Sklep", "Meblino")."""
        return frozenset(word for subject in self.subjects.values() for name in subject.names
                         for word in name.split() if word.isalpha())

    @cached_property
    def _versions(self) -> dict[tuple[str, str], list[RegistryFact]]:
        found: dict[tuple[str, str], list[RegistryFact]] = {}
        for fact in self.facts:
            found.setdefault((fact.subject, fact.attribute), []).append(fact)
        return found

    def current(self, subject: str, attribute: str, today: date) -> RegistryFact | None:
        """The value valid on `today`: the plain one if the registry gives one, else the
        first variant."""
        valid = [fact for fact in self.versions(subject, attribute) if fact.valid_on(today)]
        return next((fact for fact in valid if fact.plain), valid[0] if valid else None)

    @property
    def company_subject(self) -> str:
        """The subject that holds company-wide facts: the one with most of them."""
        counts: dict[str, int] = {}
        for fact in self.facts:
            if self.attributes[fact.attribute].scope is Scope.COMPANY:
                counts[fact.subject] = counts.get(fact.subject, 0) + 1
        return max(counts, key=lambda subject: counts[subject]) if counts else COMPANY


COMPANY = "company"


def load_registry(config: Config) -> Registry:
    """The registry the configuration names, or an empty one; raises ConfigError."""
    if config.model.facts is None:
        return Registry({}, (), attributes())
    path = project_file(config, config.model.facts, ("facts",))
    return _read_registry(path, config.model.facts, config.model.language)


def _read_registry(path: Path, shown_as: str, language: str) -> Registry:
    model, document = read_yaml_model(path, shown_as, RegistryModel)
    known = attributes(model.attributes, language)
    aliases = builtin_aliases(model.attributes, language)
    facts = tuple(_registry_fact(model, index, fact, known, document, shown_as, language,
                                 aliases.get(fact.attribute, fact.attribute))
                  for index, fact in enumerate(model.facts))
    _check_no_conflicts(facts, shown_as)
    subjects = {key: Subject(key, subject.name, tuple(subject.aliases))
                for key, subject in model.subjects.items()}
    return Registry(subjects, facts, known, shown_as)


def _check_no_conflicts(facts: tuple[RegistryFact, ...], shown_as: str) -> None:
    """Two different values for one subject and attribute on the same day: which one is
    the truth? The registry must say; a run cannot guess."""
    seen: dict[tuple[str, str, str, str], list[RegistryFact]] = {}
    for fact in facts:
        key = (fact.subject, fact.attribute, fact.role, fact.label)
        for earlier in seen.setdefault(key, []):
            if _overlap(earlier, fact) and not earlier.value.agrees_with(fact.value):
                raise ConfigError(
                    f"`{fact.subject}` `{fact.attribute}` is `{fact.text}` here and "
                    f"`{earlier.text}` at line {earlier.line} for the same dates; give one of "
                    "them effective_from/effective_until", shown_as, fact.line)
        seen[key].append(fact)


def _overlap(first: RegistryFact, second: RegistryFact) -> bool:
    starts = max(first.effective_from or date.min, second.effective_from or date.min)
    ends = min(first.effective_until or date.max, second.effective_until or date.max)
    return starts <= ends


def _registry_fact(model: RegistryModel, index: int, fact: FactModel,
                   known: dict[str, Attribute], document: YamlDocument, shown_as: str,
                   language: str, name: str) -> RegistryFact:
    """The fact at `index`, under the attribute `name` (its own, or the built-in list it
    names in the singular)."""
    line = document.line_of(("facts", index)) or 1

    def fail(message: str) -> ConfigError:
        return ConfigError(message, shown_as, line)

    if fact.subject not in model.subjects:
        raise fail(f"unknown subject `{fact.subject}` (define it under `subjects:`)")
    attribute = known.get(name)
    if attribute is None:
        raise fail(f"unknown attribute `{fact.attribute}` (define it under `attributes:`)")
    value = (set_value(name, str(fact.value), language)
             if attribute.type is ValueType.SET
             else parse_value(attribute.type, str(fact.value), language))
    if value is None:
        raise fail(f"`{fact.value}` is not a {attribute.type.value} value "
                   f"(attribute `{fact.attribute}`)")
    if value.type is ValueType.DURATION:
        value = replace(value, anchor=anchor_in_text(str(fact.value), language))
    if fact.effective_from and fact.effective_until and fact.effective_from > fact.effective_until:
        raise fail("effective_from is after effective_until")
    return RegistryFact(fact.subject, name, str(fact.value),
                        value.as_read(attribute.reading), line,
                        fact.effective_from, fact.effective_until,
                        attribute.role_named((fact.role or "").strip(), language),
                        label_lemmas(fact.label or "", language))
