"""Language profiles: every file of rules/language/ is a complete language, and the places
that still name the languages in code agree with those files."""

from __future__ import annotations

from typing import get_args

import pytest

from consistency_lint.builtin_data import languages
from consistency_lint.config import Language
from consistency_lint.loaders import SUPPORTED_LANGUAGES
from consistency_lint.nlp.lexicon import language_profile, lexicon


@pytest.mark.parametrize("language", languages())
def test_a_language_file_gives_a_profile_and_a_lexicon(language: str) -> None:
    assert language_profile(language).language == language
    assert lexicon(language).language == language


def test_every_list_of_languages_is_the_list_of_language_files() -> None:
    assert sorted(get_args(Language)) == sorted(SUPPORTED_LANGUAGES) == list(languages())


def test_a_language_without_a_file_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        language_profile("xx")
