"""`consistency-lint lsp`, driven as an editor drives it: JSON-RPC over the stdio of a
subprocess (initialize, didOpen, publishDiagnostics with exact ranges, hover, codeAction,
didChange, didSave, shutdown, exit). No editor needed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest
from benchmarks.editor.client import Message, Session

from consistency_lint.lsp.linting import EditorLinter, relocated
from consistency_lint.model import Category, Finding, Severity, Span
from consistency_lint.pipeline.cache import CACHE_DIR_VARIABLE
from tests.conftest import write_project

REGISTRY = """\
subjects:
  shop: {name: Sklep Meblino, aliases: [Meblino]}
facts:
  - {subject: shop, attribute: hotline, value: "22 350 40 50"}
"""
# line 3: "Żółta " is 6 code points, 6 UTF-16 units: the typo starts at character 6
PAGE = "# Kontakt\n\nZadzwoń na infolinię: 22 350 40 51.\n\nŻółta dziekujemy kartka.\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """One server for the module, as an editor keeps one for many projects (it loads the
    language pipeline once); its own cache, never the user's."""
    home = tmp_path_factory.mktemp("editor")
    cache = tmp_path_factory.mktemp("editor-cache")
    editor = Session(home, environment={**os.environ, CACHE_DIR_VARIABLE: str(cache)})
    editor.initialize(home)
    yield editor
    editor.close()


@pytest.fixture
def session(server: Session, tmp_path: Path) -> Iterator[tuple[Session, Path]]:
    """A project of its own for each test; its documents are closed after it."""
    config = {"version": 1, "facts": "facts.yaml",
              "channels": {"web": {"loader": "markdown", "paths": ["web/*.md"]}}}
    project = write_project(tmp_path / "shop", config,
                            {"facts.yaml": REGISTRY, "web/kontakt.md": PAGE})
    yield server, project
    server.close_documents()


def _summary(diagnostics: list[Message]) -> list[tuple[Any, ...]]:
    return [(d["code"], d["severity"], d["source"], d["range"]["start"]["line"],
             d["range"]["start"]["character"], d["range"]["end"]["character"])
            for d in diagnostics]


def _open(editor: Session, project: Path) -> tuple[str, list[Message]]:
    uri = (project / "web/kontakt.md").as_uri()
    editor.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": PAGE}})
    return uri, editor.diagnostics(uri)


def test_opened_file_gets_every_check_with_exact_ranges(session: tuple[Session, Path]) -> None:
    editor, project = session
    _, diagnostics = _open(editor, project)
    assert _summary(diagnostics) == [
        ("FACT-REGISTRY-MISMATCH", 1, "consistency-lint", 2, 22, 34),
        ("SPELLING-UNKNOWN-WORD", 2, "consistency-lint", 4, 6, 16),
    ]


def test_each_rule_id_links_to_its_whole_explanation(session: tuple[Session, Path]) -> None:
    editor, project = session
    _, diagnostics = _open(editor, project)
    link = diagnostics[1]["codeDescription"]["href"]
    text = Path(url2pathname(urlparse(link).path)).read_text(encoding="utf-8")
    assert text.startswith("# SPELLING-UNKNOWN-WORD\n\n**SPELLING-UNKNOWN-WORD** · spelling")
    assert "## Fails: " in text and "## Passes: " in text
    assert "<!-- consistency-lint: disable=SPELLING-UNKNOWN-WORD -- reason -->" in text


def test_hover_shows_the_rule_and_its_reason(session: tuple[Session, Path]) -> None:
    editor, project = session
    uri, _ = _open(editor, project)
    result = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                   "position": {"line": 4, "character": 8}})
    text = result["contents"]["value"]
    assert text.startswith("**SPELLING-UNKNOWN-WORD** · spelling · default severity warning")
    assert "**Why:**" in text
    assert editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 2}}) \
        is None


def test_code_actions_offer_the_correction_and_the_suppression(
        session: tuple[Session, Path]) -> None:
    editor, project = session
    uri, _ = _open(editor, project)
    actions = editor.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 4, "character": 7}, "end": {"line": 4, "character": 7}},
        "context": {"diagnostics": []}})
    edits = [(a["title"], a.get("isPreferred", False), a["edit"]["changes"][uri])
             for a in actions]
    at_line_4 = {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}
    assert edits == [
        ("Replace with “dziękujemy”", True, [{
            "range": {"start": {"line": 4, "character": 6},
                      "end": {"line": 4, "character": 16}}, "newText": "dziękujemy"}]),
        ("Silence SPELLING-UNKNOWN-WORD here (give the reason)", False, [{
            "range": at_line_4,
            "newText": "<!-- consistency-lint: disable=SPELLING-UNKNOWN-WORD -- reason -->\n"}]),
    ]


def test_typing_rechecks_the_document_and_carries_comparisons_over(
        session: tuple[Session, Path]) -> None:
    editor, project = session
    uri, _ = _open(editor, project)
    fixed = {"start": {"line": 4, "character": 6}, "end": {"line": 4, "character": 16}}
    editor.send("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": fixed, "text": "dziękujemy"}]})
    diagnostics = editor.diagnostics(uri)
    assert _summary(diagnostics) == [
        ("FACT-REGISTRY-MISMATCH", 1, "consistency-lint (last save)", 2, 22, 34)]
    assert diagnostics[0]["message"].endswith("(from the last check of the saved files)")


def test_save_runs_every_check_on_the_saved_file(session: tuple[Session, Path]) -> None:
    editor, project = session
    uri, _ = _open(editor, project)
    (project / "web/kontakt.md").write_text(PAGE.replace("40 51", "40 50"), encoding="utf-8")
    editor.send("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": PAGE.replace("40 51", "40 50")}]})
    editor.send("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert _summary(editor.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["version"] == 2
                                and all(d["source"] == "consistency-lint"
                                        for d in m["params"]["diagnostics"]))
                    ["params"]["diagnostics"]) == [
        ("SPELLING-UNKNOWN-WORD", 2, "consistency-lint", 4, 6, 16)]


def test_a_broken_configuration_is_one_message_and_a_diagnostic_not_a_crash(
        session: tuple[Session, Path]) -> None:
    editor, project = session
    (project / "consistency-lint.yaml").write_text("version: 1\nchannels: {web: [\n")
    uri = (project / "web/kontakt.md").as_uri()
    editor.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": PAGE}})
    shown = editor.wait(lambda m: m.get("method") == "window/showMessage")["params"]
    assert shown["type"] == 1
    assert shown["message"].startswith("consistency-lint: consistency-lint.yaml:")
    [unchecked] = editor.diagnostics(uri)
    assert unchecked["message"].startswith(
        "consistency-lint cannot check this file: consistency-lint.yaml:")


def test_a_document_that_is_no_file_is_left_alone(session: tuple[Session, Path]) -> None:
    editor, project = session
    editor.send("textDocument/didOpen", {"textDocument": {
        "uri": "git:/web/kontakt.md?ref=HEAD", "languageId": "markdown", "version": 1,
        "text": PAGE}})
    _, diagnostics = _open(editor, project)  # the server goes on with the real file
    assert len(diagnostics) == 2


def _page(editor: Session, project: Path, name: str, text: str) -> str:
    (project / name).write_text(text, encoding="utf-8")
    uri = (project / name).as_uri()
    editor.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    editor.diagnostics(uri)
    return uri


def _type(editor: Session, uri: str, version: int, text: str) -> None:
    """The editor's buffer becomes `text` (unsaved)."""
    editor.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                           "contentChanges": [{"text": text}]})


def test_typing_elsewhere_does_not_cancel_a_saved_files_check(
        session: tuple[Session, Path]) -> None:
    editor, project = session
    first = _page(editor, project, "web/a.md", "# A\n\nŻółta dziekujemy kartka.\n")
    second = _page(editor, project, "web/b.md", "# B\n\nNiebieska kartka.\n")
    fixed = "# A\n\nŻółta dziękujemy kartka.\n"
    (project / "web/a.md").write_text(fixed, encoding="utf-8")
    _type(editor, first, 2, fixed)
    editor.send("textDocument/didSave", {"textDocument": {"uri": first}})
    _type(editor, second, 2, "# B\n\nInna.\n")
    assert editor.diagnostics(first) == []


def test_an_edited_buffer_is_checked_as_it_stands_when_another_file_is_saved(
        session: tuple[Session, Path]) -> None:
    editor, project = session
    first = _page(editor, project, "web/a.md", "# A\n\nKartka.\n")
    second = _page(editor, project, "web/b.md", "# B\n\nŻółta dziekujemy kartka.\n")
    edited = "# B\n\nDwa nowe wiersze.\n\nŻółta dziekujemy kartka.\n"
    _type(editor, second, 2, edited)
    editor.send("textDocument/didSave", {"textDocument": {"uri": first}})
    ranges = [d["range"] for d in editor.diagnostics(second)]
    assert ranges == [{"start": {"line": 4, "character": 6},
                       "end": {"line": 4, "character": 16}}]


def test_a_closed_document_keeps_no_findings(session: tuple[Session, Path]) -> None:
    editor, project = session
    uri = (project / "web/kontakt.md").as_uri()
    editor.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": PAGE}})
    _type(editor, uri, 2, PAGE + "\n")
    editor.send("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert editor.diagnostics(uri) == []
    other = _page(editor, project, "web/b.md", "# B\n\nKartka.\n")  # later work is done
    published = []
    while not editor.received.empty():
        message = editor.received.get()
        if message.get("method") == "textDocument/publishDiagnostics":
            published.append(message["params"]["uri"])
    assert uri not in published and other


def test_shutdown_and_exit_end_the_server(tmp_path: Path) -> None:
    editor = Session(tmp_path)
    editor.initialize(tmp_path)
    assert editor.request("shutdown", None) is None
    editor.send("exit", None)
    assert editor.process.wait(timeout=30) == 0


def test_unsaved_text_leaves_no_cache_entry(tmp_path: Path, isolated_cache_home: Path) -> None:
    config = {"version": 1, "channels": {"web": {"loader": "markdown", "paths": ["web/*.md"]}}}
    project = write_project(tmp_path / "shop", config, {"web/a.md": "# A\n\nKartka.\n"})
    linter = EditorLinter(lambda: date(2026, 11, 30))
    linter.check_all({project / "web/a.md": "# A\n\nKartka.\n"})
    entries = sorted(isolated_cache_home.rglob("*"))
    for pause in range(3):
        found = linter.check_one(project / "web/a.md", f"# A\n\nKartka {pause} dziekujemy.\n")
        assert [finding.rule for finding in found.findings] == ["SPELLING-UNKNOWN-WORD"]
    assert sorted(isolated_cache_home.rglob("*")) == entries
    linter.close()


def test_carried_over_comparisons_follow_their_lines(session: tuple[Session, Path]) -> None:
    editor, project = session
    uri, _ = _open(editor, project)
    _type(editor, uri, 2, "Dwa nowe\nwiersze.\n" + PAGE.replace("dziekujemy", "dziękujemy"))
    assert _summary(editor.diagnostics(uri)) == [
        ("FACT-REGISTRY-MISMATCH", 1, "consistency-lint (last save)", 4, 22, 34)]


def test_a_finding_is_relocated_with_its_lines_or_dropped_with_them() -> None:
    finding = Finding("FACT-REGISTRY-MISMATCH", Category.FACT_MISMATCH, Severity.ERROR, "…",
                      "web/a.md", Span(2, 1, 2, 2), "web", None)
    moved = relocated(finding, "a\nb\nc", "x\ny\na\nb\nc")
    assert moved is not None and (moved.span.line, moved.span.end_line) == (4, 4)
    assert relocated(finding, "a\nb\nc", "a\nb\nc") is finding
    assert relocated(finding, "a\nb\nc", "a\nB\nc") is None  # its line changed
    assert relocated(finding, "a\nb\nc", "b\na\nb") is None  # two places: unknown
