"""Tone measures: syllables, FOG-PL, sentence splitting of "!!!", profile thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency_lint.checks.tone import syllables
from tests.conftest import lint, write_project


@pytest.mark.parametrize(
    ("word", "count"),
    [("nie", 1), ("dzień", 1), ("zwrot", 1), ("umowa", 3), ("odstąpienie", 4),
     ("reklamacja", 4), ("Dziękujemy", 4), ("konsumenckich", 4)],
)
def test_polish_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def _tone(tmp_path: Path, profile: str, text: str) -> list[tuple[str, int]]:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["a.txt"],
                                                  "profile": profile}}}
    write_project(tmp_path, config, {"a.txt": text})
    return [(f.rule, f.span.line) for f in lint(tmp_path).findings if f.category.value == "tone"]


def test_exclamations_are_counted_per_sentence_and_per_profile(tmp_path: Path) -> None:
    text = "Super oferta!!\n\nZapraszamy!\n"
    assert _tone(tmp_path / "m", "marketing", text) == []
    assert _tone(tmp_path / "w", "web", text) == [("TONE-SHOUTING", 1)]
    assert _tone(tmp_path / "l", "letter", text) == [("TONE-SHOUTING", 1), ("TONE-SHOUTING", 3)]


def test_emoji_only_where_the_profile_allows_them(tmp_path: Path) -> None:
    assert _tone(tmp_path / "m", "marketing", "Nowa kolekcja 😍\n") == []
    assert _tone(tmp_path / "f", "faq", "Nowa kolekcja 😍\n") == [("TONE-EMOJI", 1)]


def test_no_profile_means_no_tone_checks(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["a.txt"]}}}
    write_project(tmp_path, config, {"a.txt": "UWAGA!!! PILNE!!!\n"})
    assert lint(tmp_path).findings == ()
