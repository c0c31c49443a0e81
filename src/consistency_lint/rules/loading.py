"""Reads rule packs named by the configuration (`builtin:NAME` or a project file),
validates them and compiles their phrases. Errors name the pack, the line and the rule."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from consistency_lint.builtin_data import builtin_rules_dir
from consistency_lint.config import Config, project_file, read_tool_file, read_yaml_model
from consistency_lint.errors import ConfigError
from consistency_lint.model import TRADE_KEYS, Category
from consistency_lint.nlp.clause_reading import Role
from consistency_lint.nlp.phrases import check_phrase
from consistency_lint.rules.compiled import CompiledRule, ConceptTexts, FrameTexts, SlotTexts
from consistency_lint.rules.doc_types import DocTypes
from consistency_lint.rules.examples import check_examples
from consistency_lint.rules.pack_schema import (
    UNNAMED_ACTOR,
    ExampleModel,
    FrameModel,
    PackModel,
    RuleModel,
)
from consistency_lint.specs import CheckSpec, Example
from consistency_lint.yaml_loading import YamlDocument

BUILTIN_PREFIX = "builtin:"
# libyaml's dumper writes the same text as PyYAML's several times faster (`rules list`
# shows every rule's clause)
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def builtin_pack_names() -> list[str]:
    return sorted(path.stem for path in builtin_rules_dir().glob("*.yaml"))


@cache
def builtin_pack_models() -> tuple[tuple[str, PackModel], ...]:
    """Every built-in pack with its reference, read without compiling its phrases (which
    needs the language pipeline): `rules list` and `rules explain` start fast."""
    return tuple(
        (reference, read_yaml_model(builtin_rules_dir() / f"{name}.yaml", reference,
                                    PackModel, _rule_named)[0])
        for name in builtin_pack_names() for reference in [f"{BUILTIN_PREFIX}{name}"])


@cache
def builtin_pack_specs() -> tuple[CheckSpec, ...]:
    """What every rule of every built-in pack reports."""
    return tuple(_spec(rule, reference, pack.language, _matcher(pack, rule))
                 for reference, pack in builtin_pack_models() for rule in pack.rules)


@cache
def builtin_pack_rules() -> tuple[CompiledRule, ...]:
    """Every rule of every built-in pack (for `rules list`, `rules explain` and the docs)."""
    return tuple(rule for name in builtin_pack_names()
                 for rule in read_pack(builtin_rules_dir() / f"{name}.yaml",
                                       f"{BUILTIN_PREFIX}{name}",
                                       f"{BUILTIN_PREFIX}{name}").rules)


def pack_digests(config: Config) -> tuple[tuple[str, str], ...]:
    """Each configured pack with the sha256 of its file, for audit reports."""
    digests = []
    for index, reference in enumerate(config.model.rules):
        path, _ = _locate(config, reference, index)
        digests.append((reference, hashlib.sha256(read_tool_file(path, reference)).hexdigest()))
    return tuple(digests)


@dataclass(frozen=True)
class LoadedPack:
    """A validated pack with its compiled rules and where its text came from."""

    model: PackModel
    rules: tuple[CompiledRule, ...]
    document: YamlDocument
    shown_as: str  # as the configuration names it: `builtin:NAME` or a project path

    @property
    def builtin(self) -> bool:
        return self.shown_as.startswith(BUILTIN_PREFIX)


@dataclass(frozen=True)
class DocTypeUse:
    """A document type that the configuration or a project pack names, and where."""

    name: str
    path: str  # the project-relative file that names it
    line: int | None
    named_by: str  # "channel `web`", "rule HOUSE-VOUCHER"
    channel: str | None = None  # the channel whose `doc_types:` names it


@dataclass(frozen=True)
class Packs:
    """The configured packs: their rules (a later rule replaces one of the same id), the
    document types they know, and every type the configuration and the packs name."""

    loaded: tuple[LoadedPack, ...]
    rules: tuple[CompiledRule, ...]
    doc_types: DocTypes
    doc_type_uses: tuple[DocTypeUse, ...]

    def doc_type_rows(self) -> list[DocTypeRow]:
        return doc_type_rows([(pack.shown_as, pack.model) for pack in self.loaded],
                             self.doc_types, self.doc_type_uses)


@dataclass(frozen=True)
class DocTypeRow:
    """A document type for `rules list`: what it is, which packs scope rules to it, where
    the project names it, and the known type it most likely misspells."""

    name: str
    description: str  # empty for a type that no pack declares
    scoped_by: tuple[str, ...]
    named_by: tuple[str, ...]
    meant: str | None


def doc_type_rows(packs: Sequence[tuple[str, PackModel]], doc_types: DocTypes,
                  uses: Sequence[DocTypeUse]) -> list[DocTypeRow]:
    """Every known type, then every other type in use, in the order they are named."""
    named_by: dict[str, list[str]] = {}
    for use in uses:
        where = f"{use.path}:{use.line}" if use.line else use.path
        named_by.setdefault(use.name, []).append(f"{where} ({use.named_by})")
    rows = []
    for name in dict.fromkeys([*doc_types.descriptions, *named_by]):
        scoped_by = tuple(reference for reference, pack in packs
                          if any(name in (rule.applies_to.doc_types or ())
                                 for rule in pack.rules))
        rows.append(DocTypeRow(name, doc_types.descriptions.get(name, ""), scoped_by,
                               tuple(named_by.get(name, ())), doc_types.meant(name)))
    return rows


def load_packs(config: Config) -> Packs:
    """The rules of every pack in `rules:`, in order. Every scope must name configured
    channels; document types may be any name (`Packs.doc_types` tells typos apart)."""
    loaded = tuple(read_pack(*_locate(config, reference, index), reference)
                   for index, reference in enumerate(config.model.rules))
    for pack in loaded:
        _check_scoped_channels(config, pack)
    rules: dict[str, CompiledRule] = {}
    for pack in loaded:
        if not pack.builtin:
            check_examples(pack, config)
        for rule in pack.rules:
            rules[rule.model.id] = rule
    declared = {name: text for pack in loaded for name, text in pack.model.doc_types.items()}
    return Packs(loaded, tuple(rules.values()), DocTypes.with_declared(declared),
                 (*_configured_doc_types(config), *_scoped_doc_types(loaded)))


def read_pack(path: Path, shown_as: str, reference: str) -> LoadedPack:
    pack, document = read_yaml_model(path, shown_as, PackModel, _rule_named)
    rules = tuple(_compile(pack, index, rule, document, shown_as, reference)
                  for index, rule in enumerate(pack.rules))
    return LoadedPack(pack, rules, document, shown_as)


def _check_scoped_channels(config: Config, pack: LoadedPack) -> None:
    for index, rule in enumerate(pack.model.rules):
        for position, name in enumerate(rule.applies_to.channels or ()):
            if name not in config.channels:
                raise ConfigError(
                    f"rule {rule.id}: unknown channel `{name}` (configured: "
                    f"{', '.join(config.channels)})", pack.shown_as,
                    pack.document.line_of(("rules", index, "applies_to", "channels", position)))


def _configured_doc_types(config: Config) -> Iterator[DocTypeUse]:
    for channel in config.channels.values():
        for name in channel.settings.doc_types:
            yield DocTypeUse(name, config.source,
                             config.key_line_of(("channels", channel.name, "doc_types", name)),
                             f"channel `{channel.name}`", channel.name)


def _scoped_doc_types(packs: Sequence[LoadedPack]) -> Iterator[DocTypeUse]:
    """The types the project's own packs scope rules to (the built-in ones are tested)."""
    for pack in packs:
        if pack.builtin:
            continue
        for index, rule in enumerate(pack.model.rules):
            for position, name in enumerate(rule.applies_to.doc_types or ()):
                yield DocTypeUse(name, pack.shown_as, pack.document.line_of(
                    ("rules", index, "applies_to", "doc_types", position)), f"rule {rule.id}")


def _locate(config: Config, reference: str, index: int) -> tuple[Path, str]:
    if reference.startswith(BUILTIN_PREFIX):
        name = reference.removeprefix(BUILTIN_PREFIX)
        if name not in builtin_pack_names():
            known = ", ".join(builtin_pack_names())
            raise config.error(f"unknown built-in rule pack `{name}` (built in: {known})",
                               ("rules", index))
        return builtin_rules_dir() / f"{name}.yaml", reference
    return project_file(config, reference, ("rules", index)), reference


def _rule_named(location: tuple[str | int, ...], document: YamlDocument) -> str:
    """ "rule PL-CRA-...: " when a validation error lies inside a rule."""
    if len(location) < 2 or location[0] != "rules" or not isinstance(location[1], int):
        return ""
    rules = document.data.get("rules") if isinstance(document.data, dict) else None
    if isinstance(rules, list) and isinstance(rules[location[1]], dict):
        return f"rule {rules[location[1]].get('id', location[1])}: "
    return ""


def _compile(pack: PackModel, index: int, rule: RuleModel, document: YamlDocument,
             shown_as: str, reference: str) -> CompiledRule:
    def error(message: str) -> ConfigError:
        return ConfigError(f"rule {rule.id}: {message}", shown_as,
                           document.line_of(("rules", index)))

    def concepts(names: Sequence[str], key: str) -> tuple[ConceptTexts, ...]:
        """The phrasings of each named concept (or the literal phrase), checked now and
        compiled when a document first needs them."""
        texts = []
        for name in names:
            if " " not in name and "_" in name and name not in pack.concepts:
                raise error(f"unknown concept `{name}` in `{key}`")
            phrasings = tuple(pack.concepts.get(name, [name]))
            try:
                for phrasing in phrasings:
                    check_phrase(phrasing)
            except ValueError as problem:
                raise error(f"{problem} in `{key}`") from None
            texts.append(phrasings)
        return tuple(texts)

    def slots(names: Sequence[str], key: str) -> tuple[SlotTexts, ...]:
        """A frame's slots: a role by its nouns and person, else a concept or phrase."""
        return tuple(SlotTexts(tuple(pack.roles[name].words), pack.roles[name].person)
                     if name in pack.roles else SlotTexts(concepts([name], key)[0])
                     for name in names)

    def frame_texts(frame: FrameModel) -> FrameTexts:
        for name in frame.actor or ():
            if name != UNNAMED_ACTOR and name not in pack.roles:
                known = ", ".join([*pack.roles, UNNAMED_ACTOR])
                raise error(f"unknown role `{name}` in `frame.actor` (known: {known})")
        return FrameTexts(slots(frame.all, "frame.all"), slots(frame.any, "frame.any"),
                          slots(frame.none, "frame.none"), frame)

    rule = rule.model_copy(update={"applies_to": rule.applies_to.under(pack.applies_to)})
    spec = _spec(rule, reference, pack.language, _matcher(pack, rule))
    unless = concepts(rule.unless, "unless")
    exempt = tuple(pack.exempt_under if rule.exempt_under is None else rule.exempt_under)
    frames = tuple(frame_texts(frame) for frame in rule.frames)
    roles = tuple(Role(name, frozenset(word.lower() for word in role.words), role.person)
                  for name, role in pack.roles.items()) if frames else ()
    if rule.frame is not None:
        return CompiledRule(rule, spec, pack.language, (), (), unless, exempt, frames, roles)
    clause, kind = rule.clause, rule.kind
    return CompiledRule(rule, spec, pack.language, concepts(clause.all, f"{kind}.all"),
                        concepts(clause.any, f"{kind}.any"), unless, exempt, frames, roles)


def _matcher(pack: PackModel, rule: RuleModel) -> str:
    """The rule's clause (or frames) and the phrases of the concepts and the roles it names,
    for `rules explain`."""
    shown: dict[str, object] = {}
    scope = rule.applies_to.model_dump(exclude_none=True, mode="json")
    if scope:
        shown["applies_to"] = scope
    names: list[str] = []
    if rule.frame is None:
        clause = rule.clause
        shown[rule.kind] = clause.model_dump(exclude_defaults=True, mode="json")
        names = [*clause.all, *clause.any]
    if rule.frames:
        frames = [frame.model_dump(exclude_defaults=True, mode="json") for frame in rule.frames]
        shown["frame" if rule.frame is not None else "said_as"] = (
            frames if len(frames) > 1 else frames[0])
        names += [name for frame in rule.frames for name in (*frame.all, *frame.any,
                                                              *frame.none, *(frame.actor or ()))]
    if rule.unless:
        shown["unless"] = rule.unless
    if rule.unless_within != "unit":
        shown["unless_within"] = rule.unless_within
    if rule.exempt_under is not None:
        shown["exempt_under"] = rule.exempt_under
    names += rule.unless
    concepts = {name: pack.concepts[name] for name in names if name in pack.concepts}
    if concepts:
        shown["concepts"] = concepts
    roles = {name: pack.roles[name].model_dump(exclude_defaults=True, mode="json")
             for name in dict.fromkeys(names) if name in pack.roles}
    if roles:
        shown["roles"] = roles
    return yaml.dump(shown, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=90,
                     default_flow_style=None)


def _spec(rule: RuleModel, reference: str, language: str, matcher: str) -> CheckSpec:
    summary = rule.message if isinstance(rule.message, str) else rule.message.en
    examples = rule.examples
    return CheckSpec(
        id=rule.id,
        category=Category(rule.category),
        severity=rule.severity,
        summary=summary,
        rationale=rule.why,
        failing=_example(examples.fail[0], reference, language) if examples else None,
        passing=_example(examples.pass_[0], reference, language) if examples else None,
        reference=rule.reference,
        matcher=matcher,
    )


def _example(example: ExampleModel, reference: str, language: str) -> Example:
    """The example as a one-file project: its document type goes into front matter (text,
    Markdown) or a meta tag (HTML)."""
    text = example.text.strip() + "\n"
    declared = {key: ", ".join(value) if isinstance(value, list) else str(value)
                for key, value in example.model_dump(include={"doc_type", *TRADE_KEYS},
                                                     exclude_none=True).items()}
    if declared and example.loader == "html":
        text = "".join(f'<meta name="{key}" content="{value}">\n'
                       for key, value in declared.items()) + text
    elif declared:
        text = "---\n" + "".join(f"{key}: [{value}]\n" if key in ("offer", "audience")
                                 else f"{key}: {value}\n" for key, value in declared.items()
                                 ) + f"---\n{text}"
    suffix = {"text": "txt", "markdown": "md", "html": "html"}[example.loader]
    channel: dict[str, object] = {"language": language}
    if example.profile:
        channel["profile"] = example.profile
    if example.registers is not None:
        channel["registers"] = list(example.registers)
    return Example(example.loader, text, file_name=f"example.{suffix}",
                   config={"rules": [reference]}, channel=channel,
                   channel_name=example.channel or "examples")
