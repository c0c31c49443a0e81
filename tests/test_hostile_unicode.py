"""Unicode that hides a prohibited clause: the rules see the text a reader sees, positions and
excerpts point at the characters as written, and the disguise itself is reported."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.model import Finding, RunResult
from tests.conftest import FindingKey, keys, lint, write_project

CLAUSE = "Na bieliznę nie przysługuje prawo odstąpienia od umowy."
PROHIBITED = "PL-CRA-NON-STATUTORY-EXCLUSION"
# the rules a disguise can hide or cause; the returns page lacks required clauses too
WATCHED = {PROHIBITED, "SPELLING-UNKNOWN-WORD", "INPUT-HIDDEN-CHARACTERS", "INPUT-MIXED-SCRIPT",
           "INPUT-BIDI-CONTROL"}
CONFIG = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
          "channels": {"web": {"loader": "text", "paths": ["*.txt"],
                               "doc_types": {"returns": ["*.txt"]}}}}
CYRILLIC_E, CYRILLIC_A, CYRILLIC_O = "\u0435", "\u0430", "\u043e"
FILES = {
    # an invisible character inside "nie", too short for a near match
    **{f"hidden-{code:04x}.txt": CLAUSE.replace("nie", f"n{chr(code)}ie") + "\n"
       for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x034F, 0xE0041)},
    "glued-to-next-word.txt": CLAUSE.replace("nie ", "nie \u200b") + "\n",
    "joined.txt": CLAUSE.replace("nie ", "nie\u200b") + "\n",
    "typo.txt": CLAUSE.replace("nie ", "nie") + "\n",
    "stray-mark.txt": CLAUSE.replace("nie", "ni\u0307e") + "\n",
    "spaces.txt": CLAUSE.replace(" ", "\u00a0").replace("\u00a0prawo", "\u202fprawo")
    .replace("\u00a0od", "\u2009od") + "\n",
    "fullwidth.txt": CLAUSE.replace("nie", "\uff4e\uff49\uff45") + "\n",
    "bold.txt": CLAUSE.replace("nie", "\U0001d427\U0001d422\U0001d41e") + "\n",
    "lookalikes.txt": CLAUSE.replace("nie", f"ni{CYRILLIC_E}").replace(
        "prawo", f"pr{CYRILLIC_A}w{CYRILLIC_O}") + "\n"
    "Спасибо за покупку. Ευχαριστούμε. Filtr 10 μm.\n",
    "reversed.txt": "Na bieliznę \u202eejugułsyzrp ein\u202c prawo odstąpienia od umowy.\n",
    "isolated.txt": CLAUSE.replace("nie przysługuje", "\u2066nie przysługuje\u2069") + "\n",
    "marked.txt": CLAUSE.replace("nie", "n\u200eie") + "\n",
}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    return lint(write_project(tmp_path_factory.mktemp("disguised"), CONFIG, FILES))


def watched(result: RunResult, path: str) -> list[FindingKey]:
    return [key for key in keys(result.findings) if key[2] == path and key[0] in WATCHED]


def finding(result: RunResult, path: str, rule: str) -> Finding:
    (found,) = (f for f in result.findings if f.path == path and f.rule == rule)
    return found


@pytest.mark.parametrize("code", [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x034F, 0xE0041])
def test_invisible_character_inside_a_word_hides_no_clause_and_is_reported(
        result: RunResult, code: int) -> None:
    path = f"hidden-{code:04x}.txt"
    assert watched(result, path) == [(PROHIBITED, "legal-prohibited", path, 1),
                                     ("INPUT-HIDDEN-CHARACTERS", "input", path, 1)]
    prohibited, hidden = finding(result, path, PROHIBITED), finding(
        result, path, "INPUT-HIDDEN-CHARACTERS")
    assert prohibited.excerpt == FILES[path].rstrip("\n")  # as written, hidden character too
    assert (hidden.span.column, hidden.span.end_column) == (13, 17)  # the word, as written
    assert f"U+{code:04X} {unicodedata.name(chr(code))} inside “n\\" in hidden.message
    assert hidden.message.endswith("read as “nie”")


def test_soft_hyphen_is_read_through_but_not_reported(result: RunResult) -> None:
    assert watched(result, "hidden-00ad.txt") == [
        (PROHIBITED, "legal-prohibited", "hidden-00ad.txt", 1)]


def test_zero_width_space_before_a_word_hides_no_clause(result: RunResult) -> None:
    assert watched(result, "glued-to-next-word.txt") == [
        (PROHIBITED, "legal-prohibited", "glued-to-next-word.txt", 1)]


def test_zero_width_space_joining_two_words_reads_as_the_joined_words_a_reader_sees(
        result: RunResult) -> None:
    """A reader sees "nieprzysługuje": the same findings as that typo, and the hidden
    character."""
    joined = [(rule, category, line) for rule, category, _, line in watched(result, "joined.txt")]
    typo = [(rule, category, line) for rule, category, _, line in watched(result, "typo.txt")]
    assert joined == [("INPUT-HIDDEN-CHARACTERS", "input", 1), *typo]
    assert typo == [("SPELLING-UNKNOWN-WORD", "spelling", 1)]


def test_stray_combining_mark_on_a_latin_letter_is_read_through(result: RunResult) -> None:
    assert watched(result, "stray-mark.txt") == [
        (PROHIBITED, "legal-prohibited", "stray-mark.txt", 1)]


def test_unicode_spaces_between_words_are_spaces_and_stay_in_the_excerpt(
        result: RunResult) -> None:
    assert watched(result, "spaces.txt") == [(PROHIBITED, "legal-prohibited", "spaces.txt", 1)]
    prohibited = finding(result, "spaces.txt", PROHIBITED)
    assert prohibited.excerpt == FILES["spaces.txt"].rstrip("\n")
    assert (prohibited.span.column, prohibited.span.end_column) == (1, 56)


@pytest.mark.parametrize("path", ["fullwidth.txt", "bold.txt"])
def test_fullwidth_and_mathematical_letters_are_plain_letters(result: RunResult,
                                                              path: str) -> None:
    assert watched(result, path) == [(PROHIBITED, "legal-prohibited", path, 1)]


def test_lookalike_letters_make_a_prohibited_clause_an_error_again(result: RunResult) -> None:
    """Without the reader's text, it was two spelling warnings and a run that exits 0; real
    Cyrillic and Greek words, and "μm", are neither rewritten nor reported."""
    found = watched(result, "lookalikes.txt")
    assert [key for key in found if key[3] == 1] == [
        (PROHIBITED, "legal-prohibited", "lookalikes.txt", 1),
        ("INPUT-MIXED-SCRIPT", "input", "lookalikes.txt", 1)]
    assert {rule for rule, _, _, line in found if line == 2} == {"SPELLING-UNKNOWN-WORD"}
    mixed = finding(result, "lookalikes.txt", "INPUT-MIXED-SCRIPT")
    assert mixed.message == (
        f"“ni{CYRILLIC_E}” mixes Latin letters with the lookalikes U+0435 CYRILLIC SMALL LETTER "
        f"IE, read as “nie”; “pr{CYRILLIC_A}w{CYRILLIC_O}” mixes Latin letters with the "
        "lookalikes U+0430 CYRILLIC SMALL LETTER A, U+043E CYRILLIC SMALL LETTER O, read as "
        "“prawo”")
    assert (mixed.span.column, mixed.span.end_column) == (13, 34)


def test_bidi_override_is_an_error_at_its_line(result: RunResult) -> None:
    assert ("INPUT-BIDI-CONTROL", "input", "reversed.txt", 1) in watched(result, "reversed.txt")
    control = finding(result, "reversed.txt", "INPUT-BIDI-CONTROL")
    assert control.severity.value == "error"
    assert control.excerpt == "\\u202eejugułsyzrp ein\\u202c"
    assert (control.span.column, control.span.end_column) == (13, 30)


def test_bidi_isolate_hides_no_clause_from_the_rules(result: RunResult) -> None:
    assert watched(result, "isolated.txt") == [
        (PROHIBITED, "legal-prohibited", "isolated.txt", 1),
        ("INPUT-BIDI-CONTROL", "input", "isolated.txt", 1)]


def test_left_to_right_mark_inside_a_word_is_a_hidden_character(result: RunResult) -> None:
    assert watched(result, "marked.txt") == [
        (PROHIBITED, "legal-prohibited", "marked.txt", 1),
        ("INPUT-HIDDEN-CHARACTERS", "input", "marked.txt", 1)]


def test_decomposed_text_gives_the_findings_of_composed_text(tmp_path: Path) -> None:
    text = ("Masz 14 dni na odstąpienie od umowy bez podania przyczyny.\n"
            "Zwrot pieniędzy nastąpi w ciągu 30 dni. Koszty zwrotu ponosi Sklep.\n")
    files = {"nfc.txt": text, "nfd.txt": unicodedata.normalize("NFD", text)}
    findings = keys(lint(write_project(tmp_path, CONFIG, files)).findings)
    composed = [(rule, line) for rule, _, path, line in findings if path == "nfc.txt"]
    assert composed == [(rule, line) for rule, _, path, line in findings if path == "nfd.txt"]
    assert ("PL-CRA-REFUND-LATE", 2) in composed


def test_decomposed_registry_values_are_read(tmp_path: Path) -> None:
    registry = ("subjects:\n  shop: {name: Sklep Łąka}\n"
                "facts:\n  - {subject: shop, attribute: warranty_period, value: 24 miesiące}\n")
    config = {**CONFIG, "facts": "facts.yaml"}
    files = {"facts.yaml": unicodedata.normalize("NFD", registry),
             "gwarancja.txt": "Gwarancja sklepu Łąka: 24 miesiące.\n"}
    result = lint(write_project(tmp_path, config, files))
    assert [fact.value for fact in result.registry] == [result.facts[0].value]
    assert [key for key in keys(result.findings) if key[1] == "fact-mismatch"] == []


def test_terminal_report_escapes_bidi_controls_in_file_names(tmp_path: Path) -> None:
    name = "zwroty-\u202etxt.exe.txt"
    project = write_project(tmp_path, CONFIG, {name: CLAUSE + "\n"})
    completed = CliRunner().invoke(app, ["check", str(project), "--no-cache"])
    assert completed.exit_code == 1
    assert "\u202e" not in completed.stdout
    assert ["zwroty-\\u202etxt.exe.txt:1:1", "error", PROHIBITED] in [
        line.split()[:3] for line in completed.stdout.splitlines()]
