"""The language pipeline of a language, one per process. spaCy is imported on the first call,
not when this module is: `consistency-lint --version` and `rules list` never load it."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


class PipelineUnavailableError(Exception):
    """A configured trained pipeline is not installed."""


@cache
def pipeline(language: str, model: str | None = None) -> Language:
    """The pipeline for `language`; `model` names an installed trained pipeline to use."""
    from consistency_lint.nlp import spacy_components  # here: spaCy takes a second to load
    from consistency_lint.nlp.bounded_tokenizer import BoundedTokenizer

    nlp = spacy_components.build(language, model)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # content may hold runs of any length
    return nlp
