"""Reads rule packs named by the configuration (`builtin:NAME` or a project file),
validates them and compiles their phrases. Errors name the pack, the line and the rule."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from consistency_lint.builtin_data import builtin_doc_types, builtin_rules_dir
from consistency_lint.config import Config, project_file, read_yaml_model
from consistency_lint.errors import ConfigError
from consistency_lint.model import Category
from consistency_lint.nlp.phrases import check_phrase
from consistency_lint.rules.compiled import CompiledRule, ConceptTexts
from consistency_lint.rules.examples import check_examples
from consistency_lint.rules.model import ExampleModel, PackModel, RuleModel
from consistency_lint.specs import CheckSpec, Example
from consistency_lint.yaml_loading import YamlDocument

BUILTIN_PREFIX = "builtin:"
# libyaml's dumper writes the same text as PyYAML's several times faster (`rules list`
# shows every rule's clause)
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def builtin_pack_names() -> list[str]:
    return sorted(path.stem for path in builtin_rules_dir().glob("*.yaml"))


@cache
def builtin_pack_specs() -> tuple[CheckSpec, ...]:
    """What every rule of every built-in pack reports, read without compiling its phrases
    (which needs the language pipeline): `rules list` and `rules explain` start fast."""
    specs: list[CheckSpec] = []
    for name in builtin_pack_names():
        reference = f"{BUILTIN_PREFIX}{name}"
        pack, _ = read_yaml_model(builtin_rules_dir() / f"{name}.yaml", reference, PackModel,
                                  _rule_named)
        specs.extend(_spec(rule, reference, pack.language, _matcher(pack, rule))
                     for rule in pack.rules)
    return tuple(specs)


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
        digests.append((reference, hashlib.sha256(path.read_bytes()).hexdigest()))
    return tuple(digests)


@dataclass(frozen=True)
class LoadedPack:
    """A validated pack with its compiled rules and where its text came from."""

    model: PackModel
    rules: tuple[CompiledRule, ...]
    document: YamlDocument
    shown_as: str

    @property
    def builtin(self) -> bool:
        return self.shown_as.startswith(BUILTIN_PREFIX)


def load_packs(config: Config) -> list[CompiledRule]:
    """The rules of every pack in `rules:`, in order; a later rule replaces one of the
    same id. Every scope must name configured channels and known document types, and the
    configuration's document types must be known: a typo must not switch a check off."""
    packs = [read_pack(*_locate(config, reference, index), reference)
             for index, reference in enumerate(config.model.rules)]
    known = known_doc_types(packs)
    for pack in packs:
        _check_scopes(config, pack, known)
    _check_configured_doc_types(config, known)
    rules: dict[str, CompiledRule] = {}
    for pack in packs:
        if not pack.builtin:
            check_examples(pack, config)
        for rule in pack.rules:
            rules[rule.model.id] = rule
    return list(rules.values())


def known_doc_types(packs: Sequence[LoadedPack]) -> dict[str, str]:
    """The built-in document types and those the packs declare, with their descriptions."""
    return {**builtin_doc_types(),
            **{name: text for pack in packs for name, text in pack.model.doc_types.items()}}


def read_pack(path: Path, shown_as: str, reference: str) -> LoadedPack:
    pack, document = read_yaml_model(path, shown_as, PackModel, _rule_named)
    rules = tuple(_compile(pack, index, rule, document, shown_as, reference)
                  for index, rule in enumerate(pack.rules))
    return LoadedPack(pack, rules, document, shown_as)


def _check_scopes(config: Config, pack: LoadedPack, known: dict[str, str]) -> None:
    for index, rule in enumerate(pack.model.rules):
        scope = rule.applies_to
        location: tuple[str | int, ...] = ("rules", index, "applies_to")
        for position, name in enumerate(scope.doc_types or ()):
            if name not in known:
                raise ConfigError(
                    f"rule {rule.id}: unknown doc type `{name}` ({_known_list(known)})",
                    pack.shown_as, pack.document.line_of((*location, "doc_types", position)))
        for position, name in enumerate(scope.channels or ()):
            if name not in config.channels:
                raise ConfigError(
                    f"rule {rule.id}: unknown channel `{name}` (configured: "
                    f"{', '.join(config.channels)})",
                    pack.shown_as, pack.document.line_of((*location, "channels", position)))


def _check_configured_doc_types(config: Config, known: dict[str, str]) -> None:
    for channel in config.channels.values():
        for name in channel.settings.doc_types:
            if name not in known:
                raise config.error(f"channel `{channel.name}`: unknown doc type `{name}` "
                                   f"({_known_list(known)})",
                                   ("channels", channel.name, "doc_types", name))


def _known_list(known: dict[str, str]) -> str:
    return (f"known: {', '.join(known)}; a custom type must be declared under a rule "
            "pack's `doc_types:`")


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
    clause = rule.require or rule.forbid
    assert clause is not None  # the model guarantees exactly one

    def concepts(names: Sequence[str], key: str) -> tuple[ConceptTexts, ...]:
        """The phrasings of each named concept (or the literal phrase), checked now and
        compiled when a document first needs them."""
        texts = []
        for name in names:
            if " " not in name and "_" in name and name not in pack.concepts:
                raise ConfigError(f"rule {rule.id}: unknown concept `{name}` in `{key}`",
                                  shown_as, document.line_of(("rules", index)))
            phrasings = tuple(pack.concepts.get(name, [name]))
            try:
                for phrasing in phrasings:
                    check_phrase(phrasing)
            except ValueError as error:
                raise ConfigError(f"rule {rule.id}: {error} in `{key}`", shown_as,
                                  document.line_of(("rules", index))) from None
            texts.append(phrasings)
        return tuple(texts)

    kind = "require" if rule.require is not None else "forbid"
    return CompiledRule(rule, _spec(rule, reference, pack.language, _matcher(pack, rule)),
                        pack.language, concepts(clause.all, f"{kind}.all"),
                        concepts(clause.any, f"{kind}.any"), concepts(rule.unless, "unless"),
                        tuple(pack.exempt_under))


def _matcher(pack: PackModel, rule: RuleModel) -> str:
    """The rule's clause and the phrases of the concepts it names, for `rules explain`."""
    kind = "require" if rule.require is not None else "forbid"
    clause = (rule.require or rule.forbid)
    assert clause is not None
    shown: dict[str, object] = {kind: clause.model_dump(exclude_defaults=True, mode="json")}
    if rule.unless:
        shown["unless"] = rule.unless
    names = [*clause.all, *clause.any, *rule.unless]
    concepts = {name: pack.concepts[name] for name in names if name in pack.concepts}
    if concepts:
        shown["concepts"] = concepts
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
    if example.doc_type and example.loader == "html":
        text = f'<meta name="doc_type" content="{example.doc_type}">\n{text}'
    elif example.doc_type:
        text = f"---\ndoc_type: {example.doc_type}\n---\n{text}"
    suffix = {"text": "txt", "markdown": "md", "html": "html"}[example.loader]
    channel: dict[str, str] = {"language": language}
    if example.profile:
        channel["profile"] = example.profile
    return Example(example.loader, text, file_name=f"example.{suffix}",
                   config={"rules": [reference]}, channel=channel,
                   channel_name=example.channel or "examples")
