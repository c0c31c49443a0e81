"""A content repository written by an attacker (CI lints pull requests): nothing in it may
crash, hang or alter a run, read outside the project or write where it must not."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.model import ProblemKind
from tests.conftest import FIXTURES, keys, lint, single_channel_config, write_project

TERMS_FRAGMENT = (FIXTURES / "hostile" / "regulamin-fragment.txt").read_text(encoding="utf-8")
LEGAL = ["builtin:pl-consumer-rights-2014"]


def _terms_project(root: Path, copies: int) -> Path:
    config = {**single_channel_config("text", "*.txt", doc_types={"terms": ["*.txt"]}),
              "rules": LEGAL}
    return write_project(root, config, {"regulamin.txt": TERMS_FRAGMENT * copies})


def test_a_50_000_word_terms_document_is_checked_like_its_parts(tmp_path: Path) -> None:
    copies = 207
    assert len((TERMS_FRAGMENT * copies).split()) > 50_000
    one = Counter(f.rule for f in lint(_terms_project(tmp_path / "one", 1)).findings)
    many = Counter(f.rule for f in lint(_terms_project(tmp_path / "many", copies)).findings)
    per_sentence = {"PL-CRA-WITHDRAWAL-PERIOD-SHORT": 1, "PL-CRA-REFUND-VOUCHER-ONLY": 1}
    per_document = dict.fromkeys((  # missing clauses: once per document
        "PL-CRA-MODEL-FORM", "PL-CRA-TWO-YEAR-LIABILITY", "PL-CRA-CONSUMER-RETURN-PERIOD",
        "PL-CRA-RETURN-COST-INFO", "PL-CRA-REMEDY-REFUND-PERIOD"), 1)
    assert one == {**per_sentence, **per_document}
    assert many == {**{rule: count * copies for rule, count in per_sentence.items()},
                    **per_document}


def test_a_pipe_matched_by_a_channel_is_refused_not_waited_for(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("text", "*.txt"), {"a.txt": "Treść."})
    os.mkfifo(tmp_path / "pipe.txt")
    result = lint(tmp_path, use_cache=True)
    assert keys(result.findings) == [("INPUT-UNREADABLE", "input", "pipe.txt", 1)]
    assert "not a regular file" in result.findings[0].message


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("text", "*.txt"), {"a.txt": "Treść."})
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    result = lint(tmp_path, use_cache=True)
    assert keys(result.findings) == [("INPUT-UNREADABLE", "input", "passwd.txt", 1),
                                     ("INPUT-UNREADABLE", "input", "zero.txt", 1)]
    assert {document.path: document.words for document in result.documents} == {
        "a.txt": 1, "passwd.txt": 0, "zero.txt": 0}


def test_a_link_to_a_file_beside_the_project_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Tajne hasło: kot123.", encoding="utf-8")
    project = write_project(tmp_path / "shop", single_channel_config("text", "*.txt"),
                            {"a.txt": "Treść."})
    (project / "b.txt").symlink_to(secret)
    result = lint(project)
    assert keys(result.findings) == [("INPUT-UNREADABLE", "input", "b.txt", 1)]
    assert all("kot123" not in str(item) for item in (*result.findings, *result.documents))
    assert [d.problems[0].kind for d in result.documents if d.path == "b.txt"] == [
        ProblemKind.UNREADABLE]


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--no-cache"] if args[0] == "check" else list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _text_project(root: Path, files: dict[str, str | bytes] | None = None,
                  **channel: object) -> Path:
    return write_project(root, single_channel_config("text", "*.txt", **channel),
                         files or {"a.txt": "Treść.\n"})


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("target", ["a.txt", "consistency-lint.yaml", ".git/config",
                                    "new.txt"])
def test_output_onto_content_configuration_or_git_is_refused(tmp_path: Path,
                                                             target: str) -> None:
    project = _text_project(tmp_path / "shop", {"a.txt": "Treść.\n", ".git/config": "[core]\n"})
    before = _files(project)
    code, _, err = _cli("check", str(project), "--format", "json",
                        "--output", str(project / target))
    assert code == 2 and f"refusing to write the report to {project / target}" in err
    assert _files(project) == before


def test_output_through_a_planted_link_is_refused(tmp_path: Path) -> None:
    beside = tmp_path / "beside.txt"
    beside.write_text("a file outside the project\n", encoding="utf-8")
    project = _text_project(tmp_path / "shop")
    (project / "report.json").symlink_to(beside)
    (project / "out").symlink_to(tmp_path)
    for output, reason in ((project / "report.json", "it is a symbolic link"),
                           (project / "out" / "beside.txt", "out is a symbolic link")):
        code, _, err = _cli("check", str(project), "--format", "json", "--output", str(output))
        assert code == 2 and reason in err
    assert beside.read_text(encoding="utf-8") == "a file outside the project\n"


def test_output_is_written_atomically_where_it_may_be(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    report = project / "report.json"
    code, _, _ = _cli("check", str(project), "--format", "json", "--output", str(report))
    assert code == 0 and json.loads(report.read_text(encoding="utf-8"))["schema"] == 1
    assert sorted(_files(project)) == ["a.txt", "consistency-lint.yaml", "report.json"]


def test_too_many_jobs_are_capped_and_said_so(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    code, _, err = _cli("check", str(project), "--jobs", "10000")
    cap = 4 * (os.cpu_count() or 1)
    assert code == 0 and f"--jobs 10000 capped at {cap}" in err


@pytest.mark.parametrize(("only", "message"), [
    ("b/*.txt", "--only `b/*.txt` matches no content file of any channel"),
    ("{a,b,c,d}" * 12, "--only: pattern `{a,b,c,d}"),
])
def test_only_that_cannot_match_is_an_error(tmp_path: Path, only: str, message: str) -> None:
    code, _, err = _cli("check", str(_text_project(tmp_path / "shop")), "--only", only)
    assert code == 2 and message in err


def test_a_file_as_project_dir_lints_that_file_of_its_project(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop", {
        "[red]a.txt": "Zwrot towaru możliwy w ciągu 7 dni.\n",
        "b.txt": "Zwrot towaru możliwy w ciągu 5 dni.\n"},
        doc_types={"terms": ["*.txt"]})
    (project / "consistency-lint.yaml").write_text(
        (project / "consistency-lint.yaml").read_text(encoding="utf-8")
        + "rules: ['builtin:pl-consumer-rights-2014']\n", encoding="utf-8")
    code, out, _ = _cli("check", str(project / "[red]a.txt"), "--format", "json")
    assert code == 1
    assert {finding["path"] for finding in json.loads(out)["findings"]} == {"[red]a.txt"}


def test_the_configuration_is_found_in_a_parent_directory(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop", {"docs/a.txt": "Treść.\n"})
    (project / "consistency-lint.yaml").write_text(
        "version: 1\nchannels: {docs: {loader: text, paths: ['docs/*.txt']}}\n",
        encoding="utf-8")
    code, out, _ = _cli("check", str(project / "docs"), "--format", "json")
    assert code == 0 and json.loads(out)["run"]["config"] == "consistency-lint.yaml"


def test_changed_since_outside_git_is_one_clear_line(tmp_path: Path) -> None:
    code, _, err = _cli("check", str(_text_project(tmp_path / "shop")),
                        "--changed-since", "main")
    assert code == 2 and err.count("\n") == 1
    assert "--changed-since: " in err and "is not in a git repository" in err


def test_rich_markup_and_escape_sequences_in_content_are_shown_not_run(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop", {"[bold]x[red]\x1b[31m.txt": "Tekst tekst.\n"})
    code, out, _ = _cli("check", str(project))
    assert code == 0  # the doubled word is a warning
    assert "[bold]x[red]\\x1b[31m.txt:1:7" in out and "\x1b" not in out


@pytest.mark.parametrize(("language", "shown"), [("de", "'de'"), ("zz", "'zz'"),
                                                 ("[pl, en]", "\"['pl', 'en']\"")])
def test_an_unsupported_front_matter_language_is_an_input_finding(
        tmp_path: Path, language: str, shown: str) -> None:
    files = {"a.md": f"---\nlanguage: {language}\n---\nDzień dobry.\n"}
    write_project(tmp_path, single_channel_config("markdown", "*.md"), files)
    result = lint(tmp_path)
    assert keys(result.findings) == [("INPUT-FRONT-MATTER", "input", "a.md", 2)]
    assert result.findings[0].message == (
        f"language {shown} is not supported (supported: pl, en); the document is read as `pl`")


def test_a_baseline_nested_100_000_levels_deep_is_a_clear_error(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = _cli("check", str(_text_project(tmp_path / "shop")),
                        "--baseline", str(baseline))
    assert code == 2 and "not a consistency-lint baseline" in err


@pytest.mark.parametrize("text", ["słowo " * 200_000, "linia tekstu\n" * 200_000])
def test_texts_over_spacy_length_limit_are_read_in_pieces(tmp_path: Path, text: str) -> None:
    write_project(tmp_path, {**single_channel_config("text", "*.txt"), "max_file_size_mb": 20},
                  {"a.txt": text})
    (document,) = lint(tmp_path).documents
    assert document.problems == () and document.words == len(text.split())


def test_a_template_with_20_000_variables_is_checked(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("template", "*.j2"),
                  {"a.txt.j2": "Dzień dobry " + "{{ klient.imie }} " * 20_000})
    (document,) = lint(tmp_path).documents
    assert len(document.segments[0].placeholders) == 20_000


def test_a_page_of_a_million_elements_is_refused_at_its_limit(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("html", "*.html"),
                  {"a.html": "<p>a</p>\n" * 1_000_000})
    result = lint(tmp_path)
    assert keys(result.findings) == [("INPUT-TOO-LARGE", "input", "a.html", 250_001)]
    assert result.findings[0].message == (
        "page has more than 250,000 text blocks (no real page has); not read")


@pytest.mark.parametrize(("loader", "name", "first", "last"), [
    ("text", "a.txt", "Początek.", "Koniec."), ("markdown", "a.md", "Początek.", "Koniec."),
    ("html", "a.html", "<p>Początek.</p>", "<p>Koniec.</p>")])
def test_a_million_blank_lines(tmp_path: Path, loader: str, name: str, first: str,
                               last: str) -> None:
    write_project(tmp_path, single_channel_config(loader, f"*{Path(name).suffix}"),
                  {name: first + "\n" + "\n" * 1_000_000 + last + "\n"})
    (document,) = lint(tmp_path).documents
    assert [segment.anchors[0].line for segment in document.segments] == [1, 1_000_002]


def test_a_20_mb_one_line_page_is_refused_by_the_default_size_limit(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("html", "*.html"),
                  {"a.html": "<p>" + "Zwrot towaru w ciągu 14 dni. " * 700_000 + "</p>"})
    assert keys(lint(tmp_path).findings) == [("INPUT-TOO-LARGE", "input", "a.html", 1)]


def test_a_configuration_linked_to_a_file_outside_the_project_is_not_read(
        tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("hasło: kot123\n", encoding="utf-8")
    project = tmp_path / "shop"
    project.mkdir()
    (project / "consistency-lint.yaml").symlink_to(secret)
    code, _, err = _cli("check", str(project))
    assert code == 2 and "kot123" not in err
    assert "consistency-lint.yaml: symbolic link leads outside the project; not read" in err
