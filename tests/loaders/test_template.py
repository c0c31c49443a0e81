from consistency_lint.loaders.source import Source
from consistency_lint.loaders.template import parse
from consistency_lint.model import Anchor, Placeholder, ProblemKind, Segment
from tests.loaders.helpers import parse_fixture, rows


def test_all_branches_are_linted_and_tags_are_blanked_in_place() -> None:
    parsed = parse_fixture("template", "list.txt.j2")
    kinds_lines = [(kind, line, column) for kind, _, line, column in rows(parsed)]
    assert kinds_lines == [("paragraph", 5, 1), ("paragraph", 7, 28), ("paragraph", 11, 1)]
    branches = parsed.segments[1].text
    assert "uznajemy reklamację" in branches and "nie uznajemy" in branches
    assert "{%" not in branches and "endif" not in branches
    assert parsed.segments[1].position(branches.index("nie uznajemy")) == (7, 84)


def test_placeholders_stay_verbatim_and_are_marked() -> None:
    first = parse_fixture("template", "list.txt.j2").segments[0]
    (placeholder,) = first.placeholders
    assert placeholder.name == "customer.name"
    assert first.text[placeholder.start:placeholder.end] == "{{ customer.name }}"


def test_context_variables_are_reported_with_positions_but_loop_locals_are_not() -> None:
    parsed = parse_fixture("template", "list.txt.j2")
    assert [(e.path, e.span.line, e.span.column) for e in parsed.template_expressions] == [
        ("customer.name", 5, 18),
        ("complaint.accepted", 7, 7),
        ("complaint.number", 7, 54),
        ("complaint.number", 8, 18),
        ("order.items", 9, 16),
        ("agent.name", 11, 17),
    ]


def test_metadata_comes_from_a_leading_yaml_comment() -> None:
    parsed = parse_fixture("template", "list.txt.j2")
    assert parsed.metadata == {"doc_type": "complaint-response", "owner": "Dział Reklamacji"}
    assert parsed.metadata_lines == {"doc_type": 2, "owner": 3}


def test_html_templates_are_read_as_html() -> None:
    assert rows(parse_fixture("template", "mail.html.j2")) == [
        ("paragraph", "Dzień dobry {{ customer.name }},", 2, 4),
        ("paragraph", "zamówienie nr {{ order.number }} zostało wysłane.", 3, 4),
    ]


def test_syntax_error_is_a_problem_at_the_line_jinja_names() -> None:
    parsed = parse(Source(b"Dzie\xc5\x84 dobry,\n{% for x in y %}\n{{ x }\n", "a.j2"))
    (problem,) = parsed.problems
    assert (problem.kind, problem.span.line) == (ProblemKind.TEMPLATE_SYNTAX, 3)
    assert parsed.segments == ()


def test_dunder_access_is_recorded_as_unsafe_and_never_evaluated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "escaped"
    payload = (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
        f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}\n"
        "{{ lipsum|attr('__globals__') }}\n"
    )
    parsed = parse(Source(payload.encode(), "evil.txt.j2"))
    unsafe = [(e.unsafe_attribute, e.span.line) for e in parsed.template_expressions
              if e.unsafe_attribute]
    assert unsafe == [("__class__, __mro__, __subclasses__", 1), ("__init__, __globals__", 2),
                      ("'__globals__'", 3)]
    assert not marker.exists()


def test_overlaps_placeholder_finds_every_overlap() -> None:
    segment = Segment("Dzień dobry {{ a }} i {{ b }}.", "paragraph", (Anchor(0, 1, 1),),
                      placeholders=(Placeholder("a", 12, 19), Placeholder("b", 22, 29)))
    inside = {offset for offset in range(len(segment.text))
              if segment.overlaps_placeholder(offset, offset + 1)}
    assert inside == set(range(12, 19)) | set(range(22, 29))
    assert segment.overlaps_placeholder(0, 30) and not segment.overlaps_placeholder(19, 22)
