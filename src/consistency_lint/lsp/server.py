"""`consistency-lint lsp`: the language server (pygls, over stdio).

- Diagnostics for the opened content files: every check when a file is opened or saved
  (the other open files are checked again too: a comparison may have changed), the checks
  of one document on each change, after a pause in typing (`DEBOUNCE_SECONDS`), with the
  comparisons across channels carried over from the last full check and marked as such.
  A document whose text is not the file's (edited, unsaved) is always checked as it
  stands, and findings are shown only on the very text they were computed from: a check
  that finishes after the text changed again is dropped, as are checks of closed
  documents. A project that cannot be checked (a broken configuration) says why on each
  of its files. Documents that are no files (a diff view's `git:` URI) are left alone.
- Hover on a finding: the rule's summary, rationale and legal basis.
- Code actions: a finding's corrections (a misspelt word, a brand's spelling, a prohibited
  statement's compliant wording), and the
  comment that silences the rule at that place, where a comment line changes nothing a
  reader sees (`suppression_edit.py`), with a reason to fill in.

Runs are serialised on one worker thread, so the protocol stays responsive while a check
runs and no two runs share the language pipeline at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from consistency_lint import __version__
from consistency_lint.loaders.source import ContentLoadError, decode
from consistency_lint.lsp.linting import EditorLinter, FileFindings
from consistency_lint.lsp.rule_docs import summary_markdown
from consistency_lint.lsp.suppression_edit import Insertion, suppression_insertion
from consistency_lint.model import Finding, Severity
from consistency_lint.reading import RefusedFileError, read_regular_file
from consistency_lint.specs import CheckSpec

DEBOUNCE_SECONDS = 0.4
MAX_COMPARED_BYTES = 64 * 2**20  # a larger file is taken as edited (checked as unsaved text)
SOURCE = "consistency-lint"
_T = TypeVar("_T")
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
              Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}


@dataclass(frozen=True)
class _Shown:
    """A finding as the editor shows it: where (in the client's units) and what can be done
    about it."""

    finding: Finding
    diagnostic: types.Diagnostic
    suppression: Insertion | None  # the comment line that silences it, where one is safe
    spec: CheckSpec | None  # the rule's docs


class ConsistencyLintServer(LanguageServer):
    def __init__(self, linter: EditorLinter) -> None:
        super().__init__(SOURCE, __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linter = linter
        self.shown: dict[str, list[_Shown]] = {}
        self.typing: dict[str, asyncio.Task[None]] = {}  # the pending check of unsaved text
        self.full: set[asyncio.Task[None]] = set()  # every check: typing never cancels one
        self.runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lint")
        self.reported_errors: set[str] = set()

    def open_files(self) -> list[str]:
        """The open documents that are files (a diff view's `git:` document is none)."""
        return [uri for uri in self.workspace.text_documents if _file_path(uri) is not None]

    def check(self, uris: Sequence[str], replacing: bool = False) -> None:
        """Every check of `uris`, each on its text in the editor (edited, unsaved ones too).
        A check `replacing` the previous ones (a save checks every open file) cancels those
        still waiting: saves in a row cost one check, not one each."""
        if replacing:
            for task in self.full:
                task.cancel()
        uris = [uri for uri in uris if _file_path(uri) is not None]
        for uri in uris:
            self.forget_typing(uri)
        task = asyncio.ensure_future(self._check_all(uris))
        self.full.add(task)
        task.add_done_callback(self.full.discard)

    def typed(self, uri: str) -> None:
        """Check the unsaved text of `uri` after a pause, instead of a check still waiting."""
        self.forget_typing(uri)
        if _file_path(uri) is not None:
            self.typing[uri] = asyncio.ensure_future(self._check_one(uri))

    def forget_typing(self, uri: str) -> None:
        pending = self.typing.pop(uri, None)
        if pending is not None and not pending.done():
            pending.cancel()

    def text(self, uri: str) -> str:
        return _tool_text(self.workspace.get_text_document(uri).source)

    async def _check_all(self, uris: Sequence[str]) -> None:
        """`uris` are files (`check` keeps only those)."""
        texts = {uri: self.text(uri) for uri in uris}
        by_path = {_file_path(uri) or Path(uri): text for uri, text in texts.items()}
        edited = [path for path, text in by_path.items() if _saved_text(path) != text]
        results = await self._in_runner(lambda: self.linter.check_all(by_path, edited))
        for (uri, text), found in zip(texts.items(), results, strict=True):
            self._publish(uri, found, text)

    async def _check_one(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        path, text = _file_path(uri) or Path(uri), self.text(uri)
        found = await self._in_runner(lambda: self.linter.check_one(path, text))
        self._publish(uri, found, text)

    async def _in_runner(self, work: Callable[[], _T]) -> _T:
        return await asyncio.get_running_loop().run_in_executor(self.runner, work)

    def _publish(self, uri: str, found: FileFindings, checked_text: str) -> None:
        """Show the findings of `checked_text`, unless the document was closed or has
        changed since (a newer check is on its way: positions would be wrong)."""
        if uri not in self.workspace.text_documents or self.text(uri) != checked_text:
            return
        document = self.workspace.get_text_document(uri)
        lines = _tool_lines(checked_text)
        shown = [_shown(finding, document, lines, found, carried=False)
                 for finding in found.findings]
        shown += [_shown(finding, document, lines, found, carried=True)
                  for finding in found.carried_over]
        self.shown[uri] = shown
        diagnostics = [item.diagnostic for item in shown]
        if found.error is not None:
            diagnostics.insert(0, _unchecked(found.error))
            self._show_error(found.error)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=diagnostics))

    def _show_error(self, message: str) -> None:
        """A broken configuration, once per message (each file it stops shows it too)."""
        if message in self.reported_errors:
            return
        self.reported_errors.add(message)
        self.window_show_message(types.ShowMessageParams(types.MessageType.Error,
                                                         f"consistency-lint: {message}"))


def _file_path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def _tool_text(text: str) -> str:
    """Text with line ends as the tool reads a file (`loaders.source.decode`)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tool_lines(text: str) -> list[str]:
    """The lines as the tool counts them: at line ends only, not at a form feed or U+2028
    (which `str.splitlines` would also split at)."""
    return text.split("\n")


def _saved_text(path: Path) -> str | None:
    """The file's text as the tool reads it; None when it cannot be read."""
    try:
        return decode(read_regular_file(path, MAX_COMPARED_BYTES))
    except (OSError, RefusedFileError, ContentLoadError):
        return None


def _unchecked(error: str) -> types.Diagnostic:
    start = types.Position(line=0, character=0)
    return types.Diagnostic(range=types.Range(start=start, end=start), source=SOURCE,
                            severity=types.DiagnosticSeverity.Error,
                            message=f"consistency-lint cannot check this file: {error}")


def _shown(finding: Finding, document: TextDocument, lines: Sequence[str],
           found: FileFindings, carried: bool) -> _Shown:
    span = finding.span
    in_code_points = types.Range(
        start=types.Position(line=span.line - 1, character=span.column - 1),
        end=types.Position(line=span.end_line - 1, character=span.end_column - 1))
    docs = found.rules.get(finding.rule)
    diagnostic = types.Diagnostic(
        range=document.position_codec.range_to_client_units(lines, in_code_points),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=docs.file.as_uri()) if docs else None,
        source=f"{SOURCE} (last save)" if carried else SOURCE)
    suppression = None if found.document is None or carried \
        else suppression_insertion(found.document, finding, lines)
    return _Shown(finding, diagnostic, suppression, docs.spec if docs else None)


def hover(shown: Sequence[_Shown], position: types.Position) -> types.Hover | None:
    """The docs of the rules of the findings under `position`."""
    parts = [_rule_docs(item) for item in shown if _contains(item.diagnostic.range, position)]
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value="\n\n---\n\n".join(parts)))


def _rule_docs(item: _Shown) -> str:
    if item.spec is None:
        return f"**{item.finding.rule}**"
    return (f"{summary_markdown(item.spec)}\n\nExamples and how to silence it: "
            f"`consistency-lint rules explain {item.spec.id}` (or follow the rule's link)")


def code_actions(uri: str, shown: Sequence[_Shown], wanted: types.Range,
                 line_end: str = "\n") -> list[types.CodeAction]:
    """Quick fixes for the findings in `wanted`: each correction, then the suppression
    (a line ending as the document's lines do)."""
    actions: list[types.CodeAction] = []
    for item in shown:
        if not _overlap(item.diagnostic.range, wanted):
            continue
        for index, suggestion in enumerate(item.finding.suggestions):
            actions.append(types.CodeAction(
                title=f"Replace with “{suggestion}”", kind=types.CodeActionKind.QuickFix,
                diagnostics=[item.diagnostic], is_preferred=index == 0,
                edit=types.WorkspaceEdit(changes={uri: [
                    types.TextEdit(range=item.diagnostic.range, new_text=suggestion)]})))
        if item.suppression is not None:
            at = types.Position(line=item.suppression.line - 1, character=0)
            actions.append(types.CodeAction(
                title=f"Silence {item.finding.rule} here (give the reason)",
                kind=types.CodeActionKind.QuickFix, diagnostics=[item.diagnostic],
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                    range=types.Range(start=at, end=at),
                    new_text=item.suppression.text.replace("\n", line_end))]})))
    return actions


def _contains(where: types.Range, position: types.Position) -> bool:
    start, end = where.start, where.end
    return (start.line, start.character) <= (position.line, position.character) \
        <= (end.line, end.character)


def _overlap(one: types.Range, other: types.Range) -> bool:
    return (one.start.line, one.start.character) <= (other.end.line, other.end.character) \
        and (other.start.line, other.start.character) <= (one.end.line, one.end.character)


def build_server(today: date | None = None) -> ConsistencyLintServer:
    linter = EditorLinter((lambda: today) if today is not None else date.today)
    server = ConsistencyLintServer(linter)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.check([params.text_document.uri])

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.typed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        saved = params.text_document.uri
        server.check([saved, *(uri for uri in server.open_files() if uri != saved)],
                     replacing=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.forget_typing(uri)
        server.shown.pop(uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(params: types.HoverParams) -> types.Hover | None:
        return hover(server.shown.get(params.text_document.uri, []), params.position)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    def on_code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        source = server.workspace.get_text_document(uri).source
        return code_actions(uri, server.shown.get(uri, []), params.range,
                            "\r\n" if "\r\n" in source else "\n")

    @server.feature(types.SHUTDOWN)
    def on_shutdown(params: None) -> None:
        server.runner.shutdown(wait=True, cancel_futures=True)  # a run ends before its files go
        linter.close()

    return server


def serve(today: date | None = None) -> None:
    """Serve over stdio until the client says exit."""
    build_server(today).start_io()


__all__ = ["build_server", "serve"]
