"""Language profiles: every file of rules/language/ is a complete language, and a new file
is all that configuration, packs and documents need to accept a new language."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from consistency_lint import builtin_data
from consistency_lint.builtin_data import builtin_rules_dir, languages
from consistency_lint.config import ConfigModel
from consistency_lint.loaders import LoadRequest, load_document
from consistency_lint.nlp.lexicon import language_profile, lexicon
from consistency_lint.rules.pack_schema import ScopeModel


@pytest.mark.parametrize("language", languages())
def test_a_language_file_gives_a_profile_and_a_lexicon(language: str) -> None:
    assert language_profile(language).language == language
    assert lexicon(language).language == language


@pytest.fixture
def czech_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The built-in data with one more language file, `cs.yaml` (English data, for the test)."""
    rules = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), rules)
    english = (rules / "language" / "en.yaml").read_text(encoding="utf-8")
    (rules / "language" / "cs.yaml").write_text(english.replace("language: en", "language: cs"),
                                                encoding="utf-8")
    monkeypatch.setattr(builtin_data, "builtin_rules_dir", lambda: rules)
    languages.cache_clear()
    yield
    languages.cache_clear()


def test_a_new_language_file_is_all_configuration_and_packs_need(czech_file: None) -> None:
    assert languages() == ("pl", "cs", "en")
    channels = {"web": {"loader": "text", "paths": ["*.txt"], "language": "cs"}}
    assert ConfigModel.model_validate({"version": 1, "language": "cs",
                                       "channels": channels}).language == "cs"
    assert ScopeModel.model_validate({"languages": ["cs"]}).languages == ["cs"]


def test_a_new_language_file_is_all_a_document_needs(czech_file: None, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("---\nlanguage: cs\n---\nDobrý den.\n", encoding="utf-8")
    document = load_document(LoadRequest(page, "a.txt", "web", "text", "pl", None, 2**20))
    assert (document.language, document.problems) == ("cs", ())


def test_a_language_without_a_file_is_refused_in_the_words_of_a_fixed_choice() -> None:
    with pytest.raises(ValidationError, match="Input should be 'pl' or 'en'"):
        ConfigModel.model_validate({"version": 1, "language": "cs", "channels": {}})


def test_a_language_without_a_file_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        language_profile("xx")
