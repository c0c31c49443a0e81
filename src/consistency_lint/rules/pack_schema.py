"""The rule-pack format, as pydantic models; `rules explain` and the README document it.

    pack: NAME
    language: pl
    specification: "…"                     # optional: the legal text the pack encodes
    out_of_scope: {SPEC-ID: reason}        # its items the pack does not encode, and why
    exempt_under: [phrase, ...]            # sections under such headings ("dla
                                           # Przedsiębiorców"), and paragraphs opening with
                                           # them, are exempt from its forbids
    applies_to: {audiences: [...], ...}    # the default scope of its rules, key by key
    doc_types: {NAME: description}         # custom document types this pack introduces
    concepts: {NAME: [phrase, ...]}        # named sets of equivalent phrasings; a word
                                           # `{OTHER}` stands for each phrasing of OTHER
    roles:                                 # parties a frame's clause may name
      trader: {words: [sprzedawca, ...], person: first}   # its nouns' lemmas; "zastrzegamy"
    rules:
      - id: PL-CRA-WITHDRAWAL-14D
        category: legal-missing-clause     # a finding category of the contract
        severity: error
        applies_to: {doc_types: [...], channels: [...], profiles: [...], languages: [...],
                     segment_kinds: [...],
                     offers: [goods, services, digital-content, subscription],
                     audiences: [consumers, sole-traders, businesses],
                     sectors: [general, financial], sellers: [registered, unregistered]}
        reference: "art. 27 ustawy o prawach konsumenta"
        message: {pl: "...", en: "..."}     # or one string
        why: "..."                         # the rationale `rules explain` prints
        require | forbid:                  # the rule's kind: exactly one (rules/kinds/)
          all: [concept or phrase, ...]    # each must occur in the same sentence
          any: [concept or phrase, ...]    # at least one must occur there
          value: {type: duration, units: [day], at_least: 14}   # a value in that sentence
                                           # (bounds: at_least, at_most, below, above, other_than)
          within: sentence | segment | document   # document: no value
          report: statement | fewer        # document: once, or at each sentence of the
                                           # `all` concept used in fewer sentences
        frame:                             # or: concepts that hold in ONE clause
          all: [concept or role, ...]      # each must stand in the clause
          any: [concept or role, ...]      # at least one must stand there
          none: [concept or role, ...]     # none may stand there
          actor: [role or unnamed, ...]    # the clause's subject (nominative or verb person)
          negated: true | false            # whether the clause holds a negation
          modality: [may, must, cannot, none]   # what the clause says of its verb
                                           # (a list of frames: any of them)
        unless: [concept or phrase, ...]   # forbid, frame: context that makes it compliant
        unless_within: document            # ... anywhere in the document (default: in the
                                           # sentence or segment the rule reads)
        exempt_under: [phrase, ...]        # forbid, frame: the rule's own exempt headings,
                                           # instead of the pack's ([]: none)
        spec: [SPEC-ID, ...]               # the specification items the rule encodes
        applies_from: 2025-07-20           # from this --today on (obsolete references)
        examples:
          fail: [{text: "...", doc_type: terms}]
          pass: [{text: "...", doc_type: terms}]
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from consistency_lint.builtin_data import DEFAULT_LANGUAGE, Language
from consistency_lint.config import Profile, Register, TradeModel
from consistency_lint.model import (
    Audience,
    Category,
    Offer,
    Sector,
    SegmentKind,
    Seller,
    Severity,
    ValueType,
)
from consistency_lint.rules.concept_references import expand_references
from consistency_lint.values.extraction import check_units

RULE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$"
# the keys that name a rule's kind, each holding its clause; `rules.kinds.KINDS` runs them
KIND_KEYS = ("require", "forbid", "frame")
UNNAMED_ACTOR = "unnamed"  # a frame's actor when its clause names no role (a passive)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScopeModel(_Strict):
    doc_types: list[str] | None = None
    channels: list[str] | None = None
    profiles: list[Profile] | None = None
    # the rule applies to channels that do not accept this register (config `registers`)
    register_refused: Register | None = None
    # ... and to channels that accept all of these
    registers_accepted: list[Register] | None = None
    languages: list[Language] | None = None
    segment_kinds: list[SegmentKind] | None = None
    # what the document sells and to whom (`rules/trade.py`): the rule applies where one of
    # these is the document's, or where that is not known
    offers: list[Offer] | None = None
    audiences: list[Audience] | None = None
    sectors: list[Sector] | None = None
    sellers: list[Seller] | None = None

    def under(self, default: ScopeModel) -> ScopeModel:
        """This scope, each key it leaves open taken from `default` (the pack's)."""
        return ScopeModel(**{**default.model_dump(exclude_none=True),
                             **self.model_dump(exclude_none=True)})


class ValueConstraintModel(_Strict):
    """A value of this type in the sentence; bounds apply to the value's upper end, in the
    first of `units` (a period in another of them is compared by the calendar lengths it
    may have: values.periods)."""

    type: ValueType
    units: list[str] | None = None
    at_least: Decimal | None = None
    at_most: Decimal | None = None
    below: Decimal | None = None
    above: Decimal | None = None
    other_than: Decimal | None = None  # any amount but this one (a window the law fixes)

    @model_validator(mode="after")
    def _known_units(self) -> ValueConstraintModel:
        check_units(self.type, self.units or ())
        return self


class ClauseModel(_Strict):
    all: list[str] = []
    any: list[str] = []
    value: ValueConstraintModel | None = None
    within: Literal["sentence", "segment", "document"] = "sentence"
    # where a statement `within` the document is reported: once, where its last phrase first
    # appears; or, for concepts that exclude each other (two registers of address), at each
    # sentence of the concept the document uses in fewer sentences
    report: Literal["statement", "fewer"] = "statement"

    @model_validator(mode="after")
    def _says_something(self) -> ClauseModel:
        if not (self.all or self.any or self.value):
            raise ValueError("a clause needs `all`, `any` or `value`")
        if self.report == "fewer" and (self.within != "document" or len(self.all) < 2):
            raise ValueError("`report: fewer` needs `within: document` and two or more "
                             "`all` concepts, of which it reports the one used less")
        if self.within == "document" and self.value is not None:
            raise ValueError("`within: document` cannot hold a `value`: a value belongs to "
                             "the sentence of its phrase")
        return self


class FrameModel(_Strict):
    """Concepts (or roles) that must hold together in ONE clause of a sentence, and what that
    clause must say of itself: its actor, negation and modality (nlp/clause_reading.py)."""

    all: list[str] = []  # each must stand in the clause
    any: list[str] = []  # at least one must stand there
    none: list[str] = []  # none may stand there
    actor: list[str] | None = None  # roles of the pack, or `unnamed`: who the subject is
    negated: bool | None = None  # whether the clause holds a negation
    modality: list[Literal["may", "must", "cannot", "none"]] | None = None

    @model_validator(mode="after")
    def _says_something(self) -> FrameModel:
        if not (self.all or self.any):
            raise ValueError("a frame needs `all` or `any`")
        return self


class RoleModel(_Strict):
    """A party a clause may speak of: its nouns (lemmas) and the person its verbs use."""

    words: list[str] = Field(min_length=1)
    person: Literal["first", "second", "third"] | None = None


class MessageModel(_Strict):
    pl: str
    en: str

    def in_language(self, language: str) -> str:
        """The message in the document's language; English for any other."""
        return {"pl": self.pl, "en": self.en}.get(language, self.en)


class ExampleModel(TradeModel):
    """A rule's example: its text, read as a document of this loader, type, channel and
    profile, selling what `offer` (and the other `TradeModel` keys) say."""

    text: str
    loader: Literal["text", "markdown", "html"] = "text"
    doc_type: str | None = None
    channel: str | None = None
    profile: Profile | None = None
    registers: list[Register] | None = None  # the channel's, when it narrows the profile's


class ExamplesModel(_Strict):
    fail: list[ExampleModel] = Field(min_length=1)
    pass_: list[ExampleModel] = Field(min_length=1, alias="pass")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RuleModel(_Strict):
    id: str = Field(pattern=RULE_ID_PATTERN)
    category: Category
    severity: Severity = Severity.WARNING
    applies_to: ScopeModel = ScopeModel()
    reference: str | None = None
    message: MessageModel | str
    why: str
    require: ClauseModel | None = None
    forbid: ClauseModel | None = None
    frame: list[FrameModel] | None = None  # any of these frames (one may be written alone)
    # a `require` rule's other wordings: frames, any of which holding in one clause of the
    # document says what the rule requires ("nie musisz podawać przyczyny")
    said_as: list[FrameModel] | None = None
    unless: list[str] = []
    # where `unless` context may stand: the unit the rule reads, or anywhere in the document
    # ("Prawo odstąpienia nie przysługuje przedsiębiorcom" beside a section on sole traders)
    unless_within: Literal["unit", "document"] = "unit"
    exempt_under: list[str] | None = None  # the rule's own exempt headings; None: the pack's
    examples: ExamplesModel | None = None
    spec: list[str] = []  # the items of the legal specification the rule encodes
    applies_from: date | None = None  # for obsolete references: the date they became wrong

    @property
    def kind(self) -> str:
        """The key of the rule's kind."""
        return next(key for key in KIND_KEYS if getattr(self, key) is not None)

    @property
    def clause(self) -> ClauseModel:
        """What a `require` or `forbid` rule looks for (a frame rule has frames instead)."""
        clause = getattr(self, self.kind)
        if not isinstance(clause, ClauseModel):
            raise TypeError(f"a `{self.kind}` rule has no clause")
        return clause

    @property
    def within(self) -> str:
        """The units the rule reads: a frame reads sentences (and their clauses), and so
        does a statement reported at each sentence (`report: fewer`)."""
        if self.frame is not None or self.clause.report == "fewer":
            return "sentence"
        return self.clause.within

    @property
    def frames(self) -> list[FrameModel]:
        """A frame rule's frames (any of them makes a finding), a `require` rule's `said_as`
        (any of them satisfies it); none for a `forbid` rule."""
        return self.frame or self.said_as or []

    @field_validator("frame", "said_as", mode="before")
    @classmethod
    def _frames_as_list(cls, value: object) -> object:
        """`frame: {...}` is a list of one frame."""
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _one_kind(self) -> RuleModel:
        if sum(getattr(self, key) is not None for key in KIND_KEYS) != 1:
            keys = " and ".join(f"`{key}`" for key in KIND_KEYS)
            raise ValueError(f"a rule needs exactly one of {keys}")
        if self.unless and self.forbid is None and self.frame is None:
            raise ValueError("`unless` only goes with `forbid` or `frame`")
        for key in ("frame", "said_as"):
            if getattr(self, key) == []:
                raise ValueError(f"`{key}` needs at least one frame")
        if self.said_as is not None and self.require is None:
            raise ValueError("`said_as` only goes with `require`")
        if self.unless_within != "unit" and not self.unless:
            raise ValueError("`unless_within` needs `unless`")
        if self.exempt_under is not None and self.forbid is None and self.frame is None:
            raise ValueError("`exempt_under` only goes with `forbid` or `frame`")
        return self


class PackModel(_Strict):
    pack: str
    language: Language = DEFAULT_LANGUAGE
    doc_types: dict[str, str] = {}
    concepts: dict[str, list[str]] = {}
    roles: dict[str, RoleModel] = {}  # parties a frame's clause may name (its actor)
    rules: list[RuleModel] = Field(min_length=1)
    specification: str | None = None  # the legal specification the pack encodes
    out_of_scope: dict[str, str] = {}  # its items the pack does not encode, and why
    exempt_under: list[str] = []  # headings of sections the pack's prohibitions skip
    applies_to: ScopeModel = ScopeModel()  # the default scope of its rules, key by key

    @field_validator("concepts")
    @classmethod
    def _references_expanded(cls, concepts: dict[str, list[str]]) -> dict[str, list[str]]:
        return expand_references(concepts)

    @model_validator(mode="after")
    def _roles_apart(self) -> PackModel:
        for name in self.roles:
            if name in self.concepts:
                raise ValueError(f"`{name}` is both a role and a concept: a frame could not "
                                 "tell which it names")
            if name == UNNAMED_ACTOR:
                raise ValueError(f"`{UNNAMED_ACTOR}` is reserved for a clause that names no "
                                 "role; give the role another name")
        return self
