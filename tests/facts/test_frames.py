"""A number belongs to the attribute its clause is about, not to the nearest cue.

The project is `tests/fixtures/frames` (a tea shop): numbers and countries in clauses about
something else (an undelivered e-mail kept for five days, sanctions of the USA, a change
binding after ten days counted from a notice "if one was delivered"), beside a
withdrawal period whose clause has only a light verb ("masz na to 14 dni") and a refund its
clause names by a pronoun ("zwrot pieniędzy …, przekażemy go w ciągu 14 dni").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.frames import SentenceFrames
from consistency_lint.nlp.pipeline import pipeline
from tests.conftest import edited_copy, keys, lint

FIXTURE = Path(__file__).parent.parent / "fixtures" / "frames"
MISMATCH = "fact-mismatch"


def _project(tmp_path: Path, path: str = "", old: str = "", new: str = "") -> Path:
    return edited_copy(FIXTURE, tmp_path, path, old, new)


def test_each_value_has_the_attribute_its_clause_is_about(tmp_path: Path) -> None:
    facts = [(fact.attribute, fact.value.canonical(), fact.path, fact.span.line,
              fact.confidence.value) for fact in lint(_project(tmp_path)).facts]
    assert facts == [
        ("delivery_time", "<=2 business_day", "docs/dostawa.md", 3, "high"),
        ("delivery_countries", "Polska", "docs/dostawa.md", 5, "high"),
        ("delivery_countries", "Czechy", "docs/dostawa.md", 5, "high"),
        # "przekażemy go": the pronoun carries the refund of the "jeżeli" clause into its own
        ("refund_deadline", "<=14 day", "docs/informacje.md", 3, "high"),
        # kept five days: "dostarczyć" stands in the "gdy" clause, never compared
        ("delivery_time", "<=5 day", "docs/prywatnosc.md", 3, "low"),
        # a clause without a verb of its own is about a cue nearby, but not one that stands
        # only in a clause of condition ("jeśli zostało dostarczone"): never compared
        ("delivery_time", "<=10 business_day from delivery", "docs/zmiany.md", 3, "low"),
        ("withdrawal_period", "14 day", "docs/zwroty.md", 3, "high"),
    ]


def test_no_false_alarm_from_a_retention_period_or_a_sanctioning_country(
        tmp_path: Path) -> None:
    assert [key for key in keys(lint(_project(tmp_path)).findings)
            if key[1] == MISMATCH] == []


@pytest.mark.parametrize(("path", "old", "new", "rule", "line"), [
    ("docs/zwroty.md", "masz na to 14 dni", "masz na to 10 dni", "FACT-REGISTRY-MISMATCH", 3),
    ("docs/dostawa.md", "w ciągu 2 dni", "w ciągu 5 dni", "FACT-REGISTRY-MISMATCH", 3),
    ("docs/dostawa.md", "do Polski i do Czech", "do Polski, do Czech i do Niemiec",
     "FACT-SET-MISMATCH",
     5),
])
def test_a_changed_value_in_a_clause_of_its_attribute_is_still_found(
        tmp_path: Path, path: str, old: str, new: str, rule: str, line: int) -> None:
    findings = keys(lint(_project(tmp_path, path, old, new)).findings)
    assert [key for key in findings if key[1] == MISMATCH] == [(rule, MISMATCH, path, line)]


def _frame(text: str, value: str) -> tuple[bool, list[str]]:
    """Whether the clause of `value` (a word of `text`) has a verb of its own, and its
    participles."""
    tokens = [Token(t.idx, t.idx + len(t.text), t.text, t.lemma_) for t in pipeline("pl")(text)]
    at = next(i for i, token in enumerate(tokens) if token.text == value)
    frame = SentenceFrames(tokens, "pl").frame(range(at, at + 1), range(0))
    return frame.has_content_verb, [tokens[i].text for i in sorted(frame.participles)]


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("Jeśli chcesz odstąpić od umowy, masz na to 14 dni.", "14", (False, [])),
    ("Usuwamy wiadomości wysyłane przez klienta po 7 dniach.", "7", (True, ["wysyłane"])),
    ("Czas dostawy: 3 dni.", "3", (False, [])),
    ("Jeśli będziesz korzystać z usług po 10 dniach, zmiany zostaną przyjęte.", "10",
     (False, [])),
    ("Time of delivery is 3 days.", "3", (False, [])),
])
def test_a_clause_is_about_its_verb_unless_it_is_light_or_a_condition(
        text: str, value: str, expected: tuple[bool, list[str]]) -> None:
    assert _frame(text, value) == expected


@pytest.mark.parametrize("own", [range(0), range(3, 3), range(5, 9)])
def test_a_value_past_the_tokens_has_a_frame_of_nothing(own: range) -> None:
    tokens = [Token(0, 4, "Masz", "mieć"), Token(5, 7, "14", "14"), Token(8, 11, "dni", "dzień")]
    frame = SentenceFrames(tokens, "pl").frame(own, range(0))
    assert frame.has_content_verb is False
    assert SentenceFrames([], "pl").frame(own, range(0)).clause == range(0)
