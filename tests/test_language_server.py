"""`consistency-lint lsp`, driven as an editor drives it: JSON-RPC over the stdio of a
subprocess (initialize, didOpen, publishDiagnostics with exact ranges, hover, codeAction,
didChange, didSave, shutdown, exit). No editor needed."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write_project

TIMEOUT = 120.0  # the first check loads the language pipeline
REGISTRY = """\
subjects:
  shop: {name: Sklep Meblino, aliases: [Meblino]}
facts:
  - {subject: shop, attribute: hotline, value: "22 350 40 50"}
"""
# line 3: "Żółta " is 6 code points, 6 UTF-16 units: the typo starts at character 6
PAGE = "# Kontakt\n\nZadzwoń na infolinię: 22 350 40 51.\n\nŻółta dziekujemy kartka.\n"
Message = dict[str, Any]


class Session:
    """An editor's side of the protocol: requests with ids, notifications, and every
    message the server sends, read on a thread."""

    def __init__(self, project: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "consistency_lint", "lsp", "--today", "2026-11-30"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=project)
        self.received: queue.Queue[Message] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.received.put(json.loads(stream.read(length)))

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        message: Message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return message.get("id")

    def request(self, method: str, params: Any) -> Any:
        number = self.send(method, params, request=True)
        return self.wait(lambda message: message.get("id") == number
                         and "method" not in message)["result"]

    def wait(self, wanted: Callable[[Message], bool]) -> Message:
        while True:
            message = self.received.get(timeout=TIMEOUT)
            if wanted(message):
                return message

    def diagnostics(self, uri: str) -> list[Message]:
        return self.wait(lambda message: message.get("method")
                         == "textDocument/publishDiagnostics"
                         and message["params"]["uri"] == uri)["params"]["diagnostics"]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[tuple[Session, Path]]:
    config = {"version": 1, "facts": "facts.yaml",
              "channels": {"web": {"loader": "markdown", "paths": ["web/*.md"]}}}
    project = write_project(tmp_path / "shop", config,
                            {"facts.yaml": REGISTRY, "web/kontakt.md": PAGE})
    editor = Session(project)
    editor.request("initialize", {"processId": None, "rootUri": project.as_uri(),
                                  "capabilities": {}})
    editor.send("initialized", {})
    yield editor, project
    if editor.process.poll() is None:
        editor.process.kill()


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


def test_a_broken_configuration_is_one_message_not_a_crash(
        session: tuple[Session, Path]) -> None:
    editor, project = session
    (project / "consistency-lint.yaml").write_text("version: 1\nchannels: {web: [\n")
    uri = (project / "web/kontakt.md").as_uri()
    editor.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": PAGE}})
    shown = editor.wait(lambda m: m.get("method") == "window/showMessage")["params"]
    assert shown["type"] == 1
    assert shown["message"].startswith("consistency-lint: consistency-lint.yaml:")


def test_shutdown_and_exit_end_the_server(session: tuple[Session, Path]) -> None:
    editor, _ = session
    assert editor.request("shutdown", None) is None
    editor.send("exit", None)
    assert editor.process.wait(timeout=30) == 0
