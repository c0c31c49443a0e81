"""A project pack's own examples are checked when it is loaded: a failing example that does
not fail (or a passing one that fails) means the rule does not do what its author thinks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from consistency_lint.config import Config
from consistency_lint.errors import ConfigError
from consistency_lint.loaders import PARSERS
from consistency_lint.loaders.source import Source
from consistency_lint.model import TRADE_KEYS, Document
from consistency_lint.nlp.analysis import analyse
from consistency_lint.rules.compiled import CompiledRule
from consistency_lint.rules.engine import RuleEngine
from consistency_lint.rules.pack_schema import ExampleModel

if TYPE_CHECKING:
    from consistency_lint.rules.loading import LoadedPack

EXAMPLE_CHANNEL = "examples"


def check_examples(pack: LoadedPack, config: Config) -> None:
    """Raise ConfigError at the first example whose outcome contradicts its label."""
    models = config.pipeline_models
    for index, (rule, model) in enumerate(zip(pack.rules, pack.model.rules, strict=True)):
        if model.examples is None:
            continue
        labelled = [("fail", position, example, True)
                    for position, example in enumerate(model.examples.fail)]
        labelled += [("pass", position, example, False)
                     for position, example in enumerate(model.examples.pass_)]
        for label, position, example, should_fail in labelled:
            if _fails(rule, example, models) != should_fail:
                outcome = "does not fail" if should_fail else "fails"
                raise ConfigError(
                    f"rule {rule.model.id}: its `{label}` example {outcome}: "
                    f"{example.text.strip()!r}", pack.shown_as,
                    pack.document.line_of(("rules", index, "examples", label, position)))


def _fails(rule: CompiledRule, example: ExampleModel, models: Mapping[str, str]) -> bool:
    parsed = PARSERS[example.loader](Source(example.text.encode("utf-8"), "example"))
    channel = example.channel or EXAMPLE_CHANNEL
    document = Document(path="example", channel=channel, loader=example.loader,
                        doc_type=example.doc_type, language=rule.language, sha256="",
                        segments=parsed.segments,
                        metadata=example.model_dump(include=set(TRADE_KEYS), exclude_none=True))
    engine = RuleEngine([rule], {channel: example.profile},
                        registers={channel: frozenset(example.registers)}
                        if example.registers is not None else None)
    return any(engine.check(document, analysed) for _, analysed in analyse([document], models))
