"""What the language server asks of a run, without the protocol: the findings of one
content file, from its saved text (a full run: every check, comparisons across channels
included) or from an editor's unsaved text (the checks of one document; the comparisons are
carried over from the last full run and marked as such).

One project per configuration: a file belongs to the project whose configuration the
directories above it hold first, as for `consistency-lint check`."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from consistency_lint.checks.registry import all_specs, corpus_check_ids
from consistency_lint.config import Config
from consistency_lint.discovery import (
    by_project,
    content_files_among,
    governing_config,
    within_project,
)
from consistency_lint.errors import ConsistencyLintError
from consistency_lint.globs import literal_pattern
from consistency_lint.lsp.rule_docs import docs_file
from consistency_lint.model import Document, Finding
from consistency_lint.pipeline.run import RunOptions, run
from consistency_lint.rules.loading import load_packs, pack_digests
from consistency_lint.specs import CheckSpec

CARRIED_OVER = " (from the last check of the saved files)"
_PacksKey = tuple[Path, tuple[tuple[str, str], ...]]  # a project's root and its packs' digests


@dataclass(frozen=True)
class FileFindings:
    """The findings of one content file, and the document as the run read it (its
    segments tell where a suppression comment goes). `carried_over` findings come from the
    last full run, not from the text they are shown on."""

    path: Path
    findings: tuple[Finding, ...] = ()
    carried_over: tuple[Finding, ...] = ()
    document: Document | None = None
    rules: Mapping[str, RuleDocs] = field(default_factory=dict)  # of the findings' rules
    error: str | None = None  # why the file's project could not be checked


@dataclass(frozen=True)
class RuleDocs:
    spec: CheckSpec
    file: Path  # the whole of `rules explain`, in Markdown, for the rule id's link


@dataclass(frozen=True)
class _Checked:
    """The last full check of a file: its findings and the text they were computed on."""

    findings: tuple[Finding, ...]
    text: str


@dataclass
class _Project:
    config: Config
    last_full: dict[str, _Checked] = field(default_factory=dict)  # by relative path


class EditorLinter:
    """Runs for an editor, one at a time (the caller serialises them): the language
    pipeline and the per-document cache stay warm between runs, so a run costs the
    documents that changed. Every run reads the files as the editor shows them: the text of
    an open document that differs from its file (edited, unsaved) stands in for the file."""

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        self._today = today
        self._projects: dict[Path, _Project] = {}
        self._buffers = tempfile.TemporaryDirectory(prefix="consistency-lint-lsp-")
        self._corpus_rules = corpus_check_ids()
        self._docs = Path(self._buffers.name) / "rules"
        self._docs.mkdir()
        # every rule of a project, by its root and the digests of its packs
        self._specs: dict[_PacksKey, dict[str, CheckSpec]] = {}
        self._rule_files: dict[_PacksKey, dict[str, RuleDocs]] = {}

    def close(self) -> None:
        self._buffers.cleanup()

    def check_all(self, texts: Mapping[Path, str],
                  edited: Collection[Path] = ()) -> list[FileFindings]:
        """Every check, for each file of `texts` (the editor's text of each); the `edited`
        ones are read from that text, the others from disk. A file that is no content file
        of a project gets no findings, and the files of a project that cannot be checked (a
        broken configuration, registry or pack) get its error."""
        broken: dict[Path, str] = {}
        projects = by_project(list(texts), broken)  # read again: a save may have changed one
        results = {path: FileFindings(path, error=error) for path, error in broken.items()}
        for config, members in projects:
            state = self._projects.setdefault(config.root, _Project(config))
            state.config = config
            overlay = self._overlay(config, {path: texts[path] for path in members
                                             if path in edited})
            try:
                checked = self._run(config, members, RunOptions(
                    today=self._today(), use_cache=True, overlay=overlay))
            except ConsistencyLintError as error:
                results.update((path, FileFindings(path, error=str(error))) for path in members)
                continue
            for relative, found in checked.items():
                state.last_full[relative] = _Checked(found.findings, texts[found.path])
                results[found.path] = found
        return [results.get(path, FileFindings(path)) for path in texts]

    def check_one(self, path: Path, text: str) -> FileFindings:
        """The checks of one document on the editor's `text`, and the comparisons of the
        last full check of its file, carried over to where their lines are now."""
        try:
            return self._check_one(path, text)
        except ConsistencyLintError as error:
            return FileFindings(path, error=str(error))

    def _check_one(self, path: Path, text: str) -> FileFindings:
        config = governing_config(path)
        inside = within_project(config, [path]) if config is not None else {}
        if config is None or not inside:
            return FileFindings(path)
        if config.root not in self._projects:
            self.check_all({path: text}, edited=[path])
        state = self._projects[config.root]
        [relative] = inside
        options = RunOptions(today=self._today(), use_cache=True,
                             overlay=self._overlay(config, {path: text}), documents_only=True)
        checked = self._run(config, [path], options).get(relative, FileFindings(path))
        last = state.last_full.get(relative, _Checked((), text))
        carried = tuple(replace(moved, message=moved.message + CARRIED_OVER)
                        for finding in last.findings if finding.rule in self._corpus_rules
                        and (moved := relocated(finding, last.text, text)) is not None)
        return replace(checked, carried_over=carried,
                       rules={**checked.rules, **self._rule_docs(config, carried)})

    def _overlay(self, config: Config, texts: Mapping[Path, str]) -> dict[str, Path]:
        """Files holding the editor's `texts`, by the content file each stands for."""
        overlay = {}
        for number, (relative, path) in enumerate(within_project(config, list(texts)).items()):
            buffer = Path(self._buffers.name) / f"buffer-{number}{path.suffix}"
            buffer.write_text(texts[path], encoding="utf-8")
            overlay[relative] = buffer
        return overlay

    def _rule_docs(self, config: Config, findings: Iterable[Finding]) -> dict[str, RuleDocs]:
        """The docs of the rules `findings` name, built-in or of the project's packs: each
        rule's file written once per project and packs."""
        key = (config.root, pack_digests(config))
        if key not in self._specs:
            self._specs[key] = all_specs(load_packs(config))
        specs, docs = self._specs[key], self._rule_files.setdefault(key, {})
        for rule in {finding.rule for finding in findings} - docs.keys():
            if (spec := specs.get(rule)) is not None:
                docs[rule] = RuleDocs(spec, docs_file(spec, self._docs))
        return {finding.rule: docs[finding.rule] for finding in findings
                if finding.rule in docs}

    def _run(self, config: Config, paths: Sequence[Path],
             options: RunOptions) -> dict[str, FileFindings]:
        """The findings of each of `paths` that is a content file of `config`'s project,
        by its relative path."""
        content = content_files_among(config, paths)
        if not content:
            return {}
        result = run(config, replace(options, only=tuple(map(literal_pattern, sorted(content)))))
        documents = {document.path: document for document in result.documents}
        rules = self._rule_docs(config, result.findings)
        checked = {}
        for relative, path in content.items():
            findings = tuple(finding for finding in result.findings if finding.path == relative)
            checked[relative] = FileFindings(
                path, findings, document=documents.get(relative),
                rules={finding.rule: rules[finding.rule] for finding in findings
                       if finding.rule in rules})
        return checked


def relocated(finding: Finding, before: str, now: str) -> Finding | None:
    """`finding`, made on the text `before`, where its lines are in the text `now`: the
    same lines, or the one place the lines moved to as a block; None when they changed."""
    old_lines, new_lines = before.split("\n"), now.split("\n")
    span = finding.span
    block = old_lines[span.line - 1:span.end_line]
    if not block or len(block) != span.end_line - span.line + 1:
        return None
    if new_lines[span.line - 1:span.end_line] == block:
        return finding
    starts = [start for start in range(len(new_lines) - len(block) + 1)
              if new_lines[start:start + len(block)] == block]
    if len(starts) != 1:
        return None
    shift = starts[0] + 1 - span.line
    return replace(finding, span=replace(span, line=span.line + shift,
                                         end_line=span.end_line + shift))
