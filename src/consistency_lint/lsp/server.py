"""`consistency-lint lsp`: the language server (pygls, over stdio).

- Diagnostics for the opened content files: every check when a file is opened or saved
  (the other open files of its project are checked again too: a comparison may have
  changed), the checks of one document on each change, after a pause in typing
  (`DEBOUNCE_SECONDS`), with the comparisons across channels carried over from the last
  full check and marked as such.
- Hover on a finding: the rule's summary, rationale and legal basis.
- Code actions: a finding's corrections (a misspelt word, a brand's spelling), and the
  comment that silences the rule at that place, in the file's own comment syntax, with a
  reason to fill in.

Runs are serialised on one worker thread, so the protocol stays responsive while a check
runs and no two runs share the language pipeline at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
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
from consistency_lint.errors import ConsistencyLintError
from consistency_lint.loaders import comment_syntax
from consistency_lint.loaders.suppressions import directive_comment
from consistency_lint.lsp.linting import EditorLinter, FileFindings
from consistency_lint.lsp.rule_docs import summary_markdown
from consistency_lint.model import Finding, Severity
from consistency_lint.specs import CheckSpec

DEBOUNCE_SECONDS = 0.4
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
    directive_line: int | None  # 0-based line a suppression comment goes above; None: none
    syntax: str | None
    spec: CheckSpec | None  # the rule's docs


class ConsistencyLintServer(LanguageServer):
    def __init__(self, linter: EditorLinter) -> None:
        super().__init__(SOURCE, __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linter = linter
        self.shown: dict[str, list[_Shown]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lint")
        self.reported_errors: set[str] = set()

    async def check_saved(self, uris: Sequence[str]) -> None:
        paths = [Path(to_fs_path(uri) or uri) for uri in uris]
        results = await self._in_runner(lambda: self.linter.check_saved(paths))
        for uri, found in zip(uris, results or (), strict=False):
            self._publish(uri, found)

    async def check_unsaved(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        document = self.workspace.get_text_document(uri)
        path, text = Path(to_fs_path(uri) or uri), document.source
        found = await self._in_runner(lambda: self.linter.check_unsaved(path, text))
        if found is not None:
            self._publish(uri, found)

    def schedule(self, uris: Sequence[str], check: Callable[[], Awaitable[None]]) -> None:
        """Run `check` for `uris`, cancelling the checks of them still waiting (typing
        goes on, or a save checks them all)."""
        for uri in uris:
            previous = self.pending.pop(uri, None)
            if previous is not None and not previous.done():
                previous.cancel()
        task = asyncio.ensure_future(check())
        self.pending.update(dict.fromkeys(uris, task))

    async def _in_runner(self, work: Callable[[], _T]) -> _T | None:
        try:
            return await asyncio.get_running_loop().run_in_executor(self.runner, work)
        except ConsistencyLintError as error:
            self._show_error(str(error))
            return None

    def _show_error(self, message: str) -> None:
        """A broken configuration, once per message (not on every keystroke)."""
        if message in self.reported_errors:
            return
        self.reported_errors.add(message)
        self.window_show_message(types.ShowMessageParams(types.MessageType.Error,
                                                         f"consistency-lint: {message}"))

    def _publish(self, uri: str, found: FileFindings) -> None:
        document = self.workspace.get_text_document(uri)
        shown = [_shown(finding, document, found, carried=False) for finding in found.findings]
        shown += [_shown(finding, document, found, carried=True)
                  for finding in found.carried_over]
        self.shown[uri] = shown
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version,
            diagnostics=[item.diagnostic for item in shown]))


def _shown(finding: Finding, document: TextDocument, found: FileFindings,
           carried: bool) -> _Shown:
    span = finding.span
    in_code_points = types.Range(
        start=types.Position(line=span.line - 1, character=span.column - 1),
        end=types.Position(line=span.end_line - 1, character=span.end_column - 1))
    docs = found.rules.get(finding.rule)
    diagnostic = types.Diagnostic(
        range=document.position_codec.range_to_client_units(document.lines, in_code_points),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=docs.file.as_uri()) if docs else None,
        source=f"{SOURCE} (last save)" if carried else SOURCE)
    loaded = found.document
    syntax = comment_syntax(loaded.loader, loaded.path) if loaded is not None else None
    return _Shown(finding, diagnostic, _segment_start(found, span.line) - 1, syntax,
                  docs.spec if docs else None)


def _segment_start(found: FileFindings, line: int) -> int:
    """The first line of the segment (paragraph, list item, FAQ entry) holding `line`: a
    suppression comment covers the segment after it."""
    document = found.document
    if document is None:
        return line
    starts = [segment.anchors[0].line for segment in document.segments if segment.anchors
              and segment.anchors[0].line <= line <= segment.anchors[-1].line]
    return max(starts, default=line)


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
                 document: TextDocument) -> list[types.CodeAction]:
    """Quick fixes for the findings in `wanted`: each correction, then the suppression."""
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
        if item.syntax is not None and item.directive_line is not None:
            actions.append(_suppression(uri, item, document))
    return actions


def _suppression(uri: str, item: _Shown, document: TextDocument) -> types.CodeAction:
    line = min(max(item.directive_line or 0, 0), len(document.lines))
    text = document.lines[line] if line < len(document.lines) else ""
    indent = text[:len(text) - len(text.lstrip())]
    comment = directive_comment(item.syntax or "html", item.finding.rule)
    at = types.Position(line=line, character=0)
    return types.CodeAction(
        title=f"Silence {item.finding.rule} here (give the reason)",
        kind=types.CodeActionKind.QuickFix, diagnostics=[item.diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
            range=types.Range(start=at, end=at), new_text=f"{indent}{comment}\n")]}))


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
    async def did_open(params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.schedule([uri], lambda: server.check_saved([uri]))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.schedule([uri], lambda: server.check_unsaved(uri))

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        saved = params.text_document.uri
        uris = [saved, *(uri for uri in server.workspace.text_documents if uri != saved)]
        server.schedule(uris, lambda: server.check_saved(uris))

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
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
        return code_actions(uri, server.shown.get(uri, []), params.range,
                            server.workspace.get_text_document(uri))

    @server.feature(types.SHUTDOWN)
    def on_shutdown(params: None) -> None:
        server.runner.shutdown(wait=False, cancel_futures=True)
        linter.close()

    return server


def serve(today: date | None = None) -> None:
    """Serve over stdio until the client says exit."""
    build_server(today).start_io()


__all__ = ["build_server", "serve"]
