from consistency_lint.loaders.faq import parse
from consistency_lint.loaders.source import ContentLoadError, Source
from consistency_lint.model import ProblemKind
from tests.loaders.helpers import parse_fixture, rows


def test_yaml_entries_become_question_and_answer_segments_at_their_lines() -> None:
    parsed = parse_fixture("faq", "faq.yaml")
    assert rows(parsed) == [
        ("question", "Ile trwa dostawa?", 2, 13),
        ("answer", "Dostawa trwa 5–7 dni roboczych.", 3, 11),
        ("question", "Czy mogę zwrócić sofę?", 5, 14),
        ("answer", "Tak, masz 14 dni na odstąpienie od umowy.", 7, 5),
        ("question", "Jak zapłacić?", 9, 13),
        ("answer", "Przyjmujemy BLIK, karty i przelewy.", 11, 5),
    ]
    assert parsed.segments[3].heading_path == ("Czy mogę zwrócić sofę?",)


def test_block_scalar_lines_keep_their_own_positions() -> None:
    answer = parse_fixture("faq", "faq.yaml").segments[3]
    assert answer.position(answer.text.index("na odstąpienie")) == (8, 5)


def test_entry_without_answer_is_a_problem_and_the_rest_is_read() -> None:
    (problem,) = parse_fixture("faq", "faq.yaml").problems
    assert (problem.kind, problem.span.line) == (ProblemKind.MALFORMED, 13)


def test_markdown_faq_uses_level_two_headings_as_questions() -> None:
    parsed = parse_fixture("faq", "faq.md")
    assert [(kind, text, line) for kind, text, line, _ in rows(parsed)] == [
        ("heading", "FAQ", 4),
        ("question", "Ile trwa dostawa?", 6),
        ("answer", "Dostawa trwa 5–7 dni roboczych.", 8),
        ("answer", "Wysyłamy kurierem.", 10),
        ("question", "Czy mogę zwrócić sofę?", 12),
        ("answer", "Tak, w ciągu 14 dni.", 14),
    ]
    assert parsed.segments[3].heading_path == ("Ile trwa dostawa?",)
    assert parsed.metadata == {"owner": "Zespół Obsługi"}


def test_mapping_form_carries_metadata() -> None:
    text = "owner: Anna\nlast_reviewed: 2026-02-01\nentries:\n  - question: A?\n    answer: B.\n"
    parsed = parse(Source(text.encode(), "faq.yaml"))
    assert parsed.metadata_lines == {"owner": 1, "last_reviewed": 2}
    assert rows(parsed) == [("question", "A?", 4, 15), ("answer", "B.", 5, 13)]


def test_front_matter_before_the_list_is_metadata_and_lines_stay() -> None:
    text = ("---\nowner: Anna\nlast_reviewed: 2026-02-01\n---\n"
            "- question: A?\n  answer: B.\n")
    parsed = parse(Source(text.encode(), "faq.yaml"))
    assert parsed.metadata_lines == {"owner": 2, "last_reviewed": 3}
    assert rows(parsed) == [("question", "A?", 5, 13), ("answer", "B.", 6, 11)]


def test_yaml_that_is_not_a_list_of_entries_is_refused_with_its_line() -> None:
    try:
        parse(Source(b"pytanie: odpowiedz\n", "faq.yaml"))
    except ContentLoadError as error:
        assert (error.kind, error.line) == (ProblemKind.MALFORMED, 1)
    else:
        raise AssertionError("expected ContentLoadError")


def test_markdown_faq_text_outside_a_question_is_kept() -> None:
    text = ("Zanim zapytasz: zwroty przyjmujemy przez 7 dni.\n\n## Ile trwa dostawa?\n\n"
            "Dwa dni.\n\n# Dla firm\n\nFaktury wysyłamy e-mailem.\n")
    parsed = parse(Source(text.encode(), "faq.md"))
    assert [(kind, text, line) for kind, text, line, _ in rows(parsed)] == [
        ("paragraph", "Zanim zapytasz: zwroty przyjmujemy przez 7 dni.", 1),
        ("question", "Ile trwa dostawa?", 3),
        ("answer", "Dwa dni.", 5),
        ("heading", "Dla firm", 7),
        ("paragraph", "Faktury wysyłamy e-mailem.", 9),
    ]
