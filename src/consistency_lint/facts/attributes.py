"""Fact attributes (price, delivery_time, ...): their value type, scope, cue words and roles.

Built-in definitions live in `rules/facts/attributes.yaml`; the registry may add custom ones.
Cues are lemmatized once per language, so that a cue matches any inflected form. A role
("complaints" for an e-mail address, "pickup" for opening hours) qualifies a fact: facts of
different roles are never compared. Ignored cues ("NIP", "cena regularna", "rzecznik
konsumentów") mark values that are no fact of the business, however close another cue is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, model_validator

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.model import Bound, Reading, ValueType
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.nlp.pipeline import pipeline
from consistency_lint.values.extraction import check_units


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
    reading: Reading = Reading.PLAIN
    units: list[str] | None = None
    roles: dict[str, list[str]] = {}
    # roles read from a text only where the registry gives a value of that role: "zwroty"
    # heads a whole returns page, and under it the general address is the business's only one
    registered_roles: list[str] = []

    @model_validator(mode="after")
    def _known_units(self) -> AttributeModel:
        check_units(self.type, self.units or ())
        return self


@dataclass(frozen=True)
class Attribute:
    name: str
    type: ValueType
    scope: Scope
    bounds: frozenset[Bound] | None
    cues: tuple[str, ...]
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    reading: Reading = Reading.PLAIN
    units: frozenset[str] | None = None
    registered_roles: frozenset[str] = frozenset()

    def accepts(self, value_type: ValueType, bound: Bound, unit: str = "") -> bool:
        """Whether a value of this type, bound and unit may be this attribute: a period the
        law or trade counts in days is never stated in years ("co najmniej 18 lat" is an age,
        "2 lata od dostawy" a liability period, neither a refund deadline nor a delivery time).
        """
        return (value_type is self.type and (self.bounds is None or bound in self.bounds)
                and (self.units is None or not unit or unit in self.units))

    def cue_lemmas(self, language: str) -> tuple[tuple[str, ...], ...]:
        return _meaningful_cue_lemmas(self.cues, language)

    def role_named(self, name: str, language: str) -> str:
        """The attribute's role that a registry's role `name` means: itself, else the role one
        of whose cues the name is ("privacy" is `data_protection`, "Reklamacje" is
        `complaints`); the name as given when it is none. One who knows only the contract
        names roles in their own words."""
        if not name or name in dict(self.roles):
            return name
        words = _lemmatized_cues((name.replace("_", " "),), language)
        return next((role for role, cues in self.role_lemmas(language)
                     if any(cue in cues for cue in words)), name)

    def role_lemmas(self, language: str) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
        """(role, its lemmatized cues), in the order the attribute lists its roles."""
        return tuple((role, _lemmatized_cues(cues, language)) for role, cues in self.roles)


def builtin_attribute_models() -> dict[str, AttributeModel]:
    data: Any = load_builtin_yaml("facts/attributes.yaml")["attributes"]
    return TypeAdapter(dict[str, AttributeModel]).validate_python(data)


def custom_attribute_names(known: Mapping[str, Attribute]) -> frozenset[str]:
    """The attributes of `known` that a registry declared (not built in, nor a built-in one
    redefined)."""
    return frozenset(known) - frozenset(builtin_attribute_models())


def ignored_cue_lemmas(language: str) -> tuple[tuple[str, ...], ...]:
    """Cues of values that are no fact of the business (identifiers, regular prices, third
    parties), lemmatized."""
    data: Any = load_builtin_yaml("facts/attributes.yaml")
    return _lemmatized_cues(tuple(str(cue) for cue in data["ignored_cues"]), language)


def referring_words() -> frozenset[str]:
    """Words that refer back to what the sentence before named (`referring_words` of
    `attributes.yaml`), lower-case, as written."""
    data: Any = load_builtin_yaml("facts/attributes.yaml")
    return frozenset(str(word).lower() for word in data["referring_words"])


def promotion_cue_lemmas(language: str) -> tuple[tuple[str, ...], ...]:
    """Cues of a promotion (`promotion_cues` of `attributes.yaml`), lemmatized."""
    data: Any = load_builtin_yaml("facts/attributes.yaml")
    return _lemmatized_cues(tuple(str(cue) for cue in data["promotion_cues"]), language)


def identifier_cue_lemmas(language: str) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """(identifier, its lemmatized cues): the business's tax, statistical, court-register and
    account numbers (`identifiers:` of `attributes.yaml`)."""
    data: Any = load_builtin_yaml("facts/attributes.yaml")
    return tuple((str(name), _lemmatized_cues(tuple(str(cue) for cue in cues), language))
                 for name, cues in data["identifiers"].items())


def list_aliases(custom: Mapping[str, AttributeModel]) -> dict[str, str]:
    """The registry's custom `text` attributes that name a built-in list in the other
    grammatical number ("payment_processor", "carrier", "delivery_country"), by that list's
    name: one who knows only the contract names the list as they would write it."""
    lists = [name for name, model in builtin_attribute_models().items()
             if model.type is ValueType.SET]
    return {name: builtin for name, model in custom.items() for builtin in lists
            if model.type is ValueType.TEXT and name != builtin
            and _singular(name) == _singular(builtin)}


def builtin_aliases(custom: Mapping[str, AttributeModel], language: str) -> dict[str, str]:
    """The registry's custom attributes that are built-in ones under the user's own name, by
    that built-in name: the lists it names in the other grammatical number (`list_aliases`),
    and an attribute of a built-in's type every cue of which holds a cue of two words or more
    of that one built-in attribute ("najniższa cena z 30 dni" holds "najniższa cena":
    `lowest_price_30_days` is `lowest_prior_price`). One who knows only the contract names
    the tool's facts in their own words, and their statements are read as the built-in."""
    found = list_aliases(custom)
    builtin = builtin_attribute_models()
    for name, model in custom.items():
        if name in found or name in builtin or not model.cues:
            continue
        cues = _lemmatized_cues(tuple(model.cues), language)
        holders = {other for other, candidate in builtin.items()
                   if candidate.type is model.type and all(
                       any(len(inner) > 1 and _holds(cue, inner)
                           for inner in _lemmatized_cues(tuple(candidate.cues), language))
                       for cue in cues)}
        if len(holders) == 1:
            found[name] = holders.pop()
    return found


def _holds(cue: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    """Whether `inner`'s words stand in a row in `cue`."""
    return any(cue[start:start + len(inner)] == inner for start in range(len(cue)))


def _singular(name: str) -> str:
    """An attribute name's last word in the singular ("delivery_countries" ->
    "delivery_country"), as English forms most plurals."""
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") else name


def attributes(custom: Mapping[str, AttributeModel] | None = None,
               language: str = "") -> dict[str, Attribute]:
    """Built-in attributes, with the registry's custom ones added (or overriding). A list
    attribute (`carriers`, `payment_methods`, ...) that a registry redeclares as `text`, as
    one who knows only the contract's value types would, stays a list, with its cues added:
    compared as one string, "DPD, DHL i Raben" disagrees with every page naming one carrier.
    So does a built-in one it names in its own words (`builtin_aliases`, in `language`),
    under the built-in name."""
    builtin = builtin_attribute_models()
    aliases = (builtin_aliases(custom or {}, language) if language
               else list_aliases(custom or {}))
    declared = {aliases.get(name, name): (model, name in aliases)
                for name, model in (custom or {}).items()}
    models = {**builtin, **{name: _as_declared(builtin.get(name), model, aliased)
                            for name, (model, aliased) in declared.items()}}
    return {
        name: Attribute(name, model.type, model.scope,
                        frozenset(model.bounds) if model.bounds is not None else None,
                        tuple(model.cues),
                        tuple((role, tuple(cues)) for role, cues in model.roles.items()),
                        model.reading,
                        frozenset(model.units) if model.units is not None else None,
                        frozenset(model.registered_roles))
        for name, model in models.items()
    }


def _as_declared(builtin: AttributeModel | None, declared: AttributeModel,
                 aliased: bool) -> AttributeModel:
    """A declared attribute as read: a built-in one the registry names in its own words
    (`aliased`), or a list it declares as text, keeps the built-in's meaning with the
    declared cues added; one that redefines a built-in under its own name replaces it."""
    if builtin is None or not (aliased or (builtin.type is ValueType.SET
                                           and declared.type is ValueType.TEXT)):
        return declared
    cues = [*builtin.cues, *(cue for cue in declared.cues if cue not in builtin.cues)]
    return builtin.model_copy(update={"cues": cues})


@cache
def _meaningful_cue_lemmas(cues: tuple[str, ...], language: str) -> tuple[tuple[str, ...], ...]:
    return _lemmatized_cues(tuple(cue for cue in cues if _names_a_matter(cue, language)),
                            language)


def _names_a_matter(cue: str, language: str) -> bool:
    """Whether a cue says what a value is about, not only how much of it ("najpóźniej w
    ciągu", "nie więcej niż": the bound words every period or amount is said with, which a
    registry may give as a cue and which then took a refund's "najpóźniej w ciągu 14 dni"
    for a dispatch time)."""
    words = lexicon(language)
    rest = f" {cue.lower()} "
    for bound in sorted((*words.at_most, *words.at_least), key=len, reverse=True):
        rest = rest.replace(f" {bound} ", " ")
    return any(character.isalpha() for character in rest)


@cache
def _lemmatized_cues(cues: tuple[str, ...], language: str) -> tuple[tuple[str, ...], ...]:
    nlp = pipeline(language)
    return tuple(tuple(token.lemma_ for token in nlp(cue) if not token.is_punct or
                       token.text.endswith("."))
                 for cue in cues)
