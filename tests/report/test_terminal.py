import io

from consistency_lint.report.terminal import write
from consistency_lint.report.verbosity import Verbosity
from tests.conftest import FIXTURES, lint

SHOP = FIXTURES / "projects" / "shop"


def _render(verbosity: Verbosity) -> list[str]:
    stream = io.StringIO()
    write(lint(SHOP), stream, verbosity)
    return [line.rstrip() for line in stream.getvalue().splitlines()]


def test_findings_are_grouped_by_file_with_location_severity_rule_and_excerpt() -> None:
    lines = _render(Verbosity.NORMAL)
    start = lines.index("letters/wysylka.txt.j2  (letters)")
    assert lines[start + 1].split() == [
        "letters/wysylka.txt.j2:3:18", "error", "TEMPLATE-UNKNOWN-VARIABLE", "[template]",
        "unknown", "template", "variable", "`order.numer`", "(not", "in",
        "letters/variables.yaml)"]
    assert lines[start + 2].split() == ["│", "order.numer"]
    assert "web/kontakt.html  (web, contact)" in lines


def test_summary_table_counts_channel_by_severity() -> None:
    rows = [line.replace("│", " ").split() for line in _render(Verbosity.NORMAL)]
    assert ["letters", "1", "0", "0", "1"] in rows
    assert ["web", "0", "1", "0", "1"] in rows
    assert ["2", "finding(s)", "in", "3", "document(s)."] in rows


def test_quiet_prints_findings_only_and_verbose_lists_documents() -> None:
    quiet = _render(Verbosity.QUIET)
    assert not any("finding(s) in" in line for line in quiet)
    verbose = [line.replace("│", " ").split() for line in _render(Verbosity.VERBOSE)]
    assert ["web/o-nas.html", "web", "—", "pl", "7"] in verbose
