"""The document cache: per-document results keyed by the file's bytes and everything that
shapes them (configuration, registry, rule packs, dictionary, variables, tool version), so
an unchanged file is not processed again.

The cache lives outside the content tree (the user's cache directory, one folder per
project), so a cache committed to a content repository is never read. Its location may still
be writable by others (a CI cache path inside the checkout, a cache restored from a pull
request's run), so an entry is untrusted data: it is read through the capped reader (a
planted link, FIFO or huge file costs nothing), decoded against the exact types it must
hold and must name the key it was written for; a foreign, corrupt or wrongly shaped entry is
ignored and rebuilt, and no entry can make the tool run code. Writes are atomic (a temporary
file renamed into place), so concurrent runs are safe; an unwritable location runs uncached.

An entry that decodes is still only a claim: one that names other bytes or another file, or
holds a position no document of that size has, is a miss and the document is processed
again. The format version is a digest of the outcome's schema, so a change of what an
outcome holds retires every older entry by itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
from platformdirs import user_cache_path

from consistency_lint import __version__
from consistency_lint.builtin_data import builtin_data_digest, languages
from consistency_lint.config import Config, read_tool_file
from consistency_lint.loaders import LoadRequest
from consistency_lint.model import Link, Placeholder, ProblemKind, Segment, Span
from consistency_lint.pipeline.outcome import DocumentOutcome
from consistency_lint.reading import RefusedFileError, read_regular_file

CACHE_DIR_VARIABLE = "CONSISTENCY_LINT_CACHE_DIR"
ENTRY_BYTES_PER_CONTENT_BYTE = 16  # an entry holds a document's text about twice, and more
MIN_ENTRY_CAP = 2**20  # per-document overhead dominates in short documents
MAX_DECIMAL_EXPONENT = 64  # far beyond any price, period or rate a text states
READ_FAILURES = frozenset({ProblemKind.UNREADABLE, ProblemKind.TOO_LARGE})
_UNSAFE_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")
UNSAVED_KEPT = 8  # outcomes of an editor's unsaved texts kept in memory, the latest first
_UNSAVED: OrderedDict[str, DocumentOutcome] = OrderedDict()  # by entry key, in this process


def schema_version(value_type: type) -> str:
    """A digest of how `value_type` is encoded: the names, types and defaults of its fields
    and of every dataclass and enum under it (not their docstrings)."""
    schema = msgspec.json.schema(value_type, schema_hook=lambda kind: {"type": kind.__name__})
    return hashlib.sha256(msgspec.json.encode(_without_descriptions(schema))).hexdigest()[:16]


def _without_descriptions(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {key: _without_descriptions(value) for key, value in schema.items()
                if key != "description"}
    if isinstance(schema, list):
        return [_without_descriptions(item) for item in schema]
    return schema


FORMAT_VERSION = schema_version(DocumentOutcome)


def cache_home() -> Path:
    """Where every project's cache folder lives: $CONSISTENCY_LINT_CACHE_DIR, else the
    user cache directory (~/.cache/consistency-lint on Linux)."""
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    return Path(configured) if configured else user_cache_path("consistency-lint")


def project_cache_directory(root: Path) -> Path:
    """The project's own folder: its name for people, a digest of its path for uniqueness."""
    digest = hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]
    name = _UNSAFE_NAME_CHARACTERS.sub("_", root.name)[:40] or "project"
    return cache_home() / f"{name}-{digest}"


@dataclass(frozen=True)
class Snapshot:
    """What the cache needs to know about a file's bytes as they are now."""

    sha256: str
    size: int


class DocumentCache:
    """The outcomes of one project for one run configuration."""

    def __init__(self, directory: Path, run_key: str,
                 max_entry_bytes: int = MIN_ENTRY_CAP) -> None:
        self.directory = directory
        self.run_key = run_key
        self.max_entry_bytes = max_entry_bytes
        self._directory_is_link = directory.is_symlink()  # planted before the run, if at all
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(_Entry)

    @classmethod
    def for_config(cls, config: Config, pack_digests: tuple[tuple[str, str], ...],
                   stage_checks: Sequence[str], project: Path | None = None) -> DocumentCache:
        """The cache of `project` (default: the configuration's root; a copy of the project
        elsewhere, such as its tree at a git ref, may share the project's folder).
        `stage_checks` names what the per-document stage checks: the ids of the document
        checks and of the pack rules in force on the run's date."""
        return cls(project_cache_directory(project or config.root),
                   _run_key(config, pack_digests, stage_checks),
                   max(MIN_ENTRY_CAP, ENTRY_BYTES_PER_CONTENT_BYTE * config.max_file_bytes))

    def lookup(self, request: LoadRequest, reported: bool) -> DocumentOutcome | None:
        """The entry for the file's bytes as they are now, when it fits them: one kept in
        this process for an editor's unsaved text, else one on disk."""
        snapshot = _snapshot(request)
        if snapshot is None:
            return None
        key = self.key(_identity(request, reported), snapshot.sha256)
        outcome = _UNSAVED.get(key)
        if outcome is not None:
            _UNSAVED.move_to_end(key)
        else:
            outcome = self.get(key)
        return outcome if outcome is not None and fits(outcome, request, snapshot) else None

    def store(self, request: LoadRequest, reported: bool, outcome: DocumentOutcome,
              unsaved: bool = False) -> None:
        """Cache `outcome` under the digest of the very bytes it was computed from, and only
        when they were read and are still the file's bytes now that the document is done: a
        file that could not be read, or changed while it was processed, is processed again
        by the next run instead of lending its outcome to other bytes. The outcome of an
        editor's `unsaved` text is kept in this process only (a language server's next run,
        when the text is saved as it is, finds it): on disk it would leave an entry per
        pause in typing."""
        document = outcome.document
        if any(problem.kind in READ_FAILURES for problem in document.problems):
            return
        snapshot = _snapshot(request)
        if snapshot is None or snapshot.sha256 != document.sha256:
            return
        key = self.key(_identity(request, reported), snapshot.sha256)
        if unsaved:
            _UNSAVED[key] = outcome
            _UNSAVED.move_to_end(key)
            while len(_UNSAVED) > UNSAVED_KEPT:
                _UNSAVED.popitem(last=False)
        else:
            self.put(key, outcome)

    def key(self, identity: str, content_sha256: str) -> str:
        """The key of the entry for a file known by `identity` whose bytes have that digest."""
        digest = hashlib.sha256()
        for part in (self.run_key, identity, content_sha256):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> DocumentOutcome | None:
        """The outcome stored under `key`, or None when it is missing or not to be trusted."""
        entry = self._entry(key)
        if entry is None or entry.is_symlink():
            return None
        try:
            encoded = read_regular_file(entry, self.max_entry_bytes)
            format_version, stored_key, outcome = self._decoder.decode(encoded)
        except Exception:  # noqa: BLE001 - missing, not a regular file, too large, corrupt or
            return None  # foreign: rebuild
        if (format_version, stored_key) != (FORMAT_VERSION, key):
            return None
        return outcome

    def put(self, key: str, outcome: DocumentOutcome) -> None:
        entry = self._entry(key)
        if entry is None:
            return
        folder = entry.parent
        try:
            encoded = self._encoder.encode((FORMAT_VERSION, key, outcome))
        except (TypeError, OverflowError, ValueError):
            return  # metadata that plain data cannot hold: that document stays uncached
        if len(encoded) > self.max_entry_bytes:
            return  # it would not be read back
        try:
            folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(encoded)
            Path(temporary).replace(folder / key)
        except OSError:
            return  # an unwritable cache location runs without a cache

    def _entry(self, key: str) -> Path | None:
        """Where the entry of `key` lives; None when the project's folder or the key's
        subfolder is a symbolic link, which must lead neither reads nor writes elsewhere."""
        folder = self.directory / key[:2]
        if self._directory_is_link or folder.is_symlink():
            return None
        return folder / key


_Entry = tuple[str, str, DocumentOutcome]  # (format version, key, outcome): the only shape


def _run_key(config: Config, pack_digests: tuple[tuple[str, str], ...],
             stage_checks: Sequence[str]) -> str:
    """Everything besides a file's own bytes that shapes its per-document results. The
    checks the stage runs are part of it: the format version follows the outcome's schema,
    not which checks fill it, and a pack rule with `applies_from` comes into force on a date
    while the packs stay the same."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}\0{__version__}\0{builtin_data_digest()}\0"
                            .encode())
    digest.update("\0".join(sorted(stage_checks)).encode("utf-8") + b"\0")
    digest.update(config.model.model_dump_json().encode("utf-8"))
    for name in sorted(config.own_files):
        path = config.root / name
        digest.update(name.encode("utf-8") + b"\0")
        if path.is_file():
            digest.update(read_tool_file(path, name))  # the one capped reader, as when loaded
    for reference, pack_digest in pack_digests:
        digest.update(f"{reference}\0{pack_digest}\0".encode())
    return digest.hexdigest()


def _snapshot(request: LoadRequest) -> Snapshot | None:
    """The digest and size of the file's bytes as they are now; None when it cannot be
    read, or must not be (a link leading outside the project)."""
    if request.outside_project:
        return None
    try:
        raw = read_regular_file(request.path, request.max_bytes)
    except (OSError, RefusedFileError):
        return None
    return Snapshot(hashlib.sha256(raw).hexdigest(), len(raw))


def _identity(request: LoadRequest, reported: bool) -> str:
    """Everything about a file besides its bytes that shapes its outcome."""
    return "\0".join((request.relative_path, request.channel, request.loader,
                      request.language, request.doc_type or "", str(reported)))


def fits(outcome: DocumentOutcome, request: LoadRequest, snapshot: Snapshot) -> bool:
    """Whether `outcome` is about this file and these bytes, and every position in it lies
    inside them.

    No line or column exceeds the file's size in bytes plus one (the end of a span is
    exclusive). A Word document's text is compressed in its bytes, so one that unpacks to a
    paragraph longer than the whole file (hardly a letter) fails this and is simply never
    reused; a bound per loader is not worth its complexity.
    """
    document = outcome.document
    limit = snapshot.size + 1
    return ((document.path, document.channel, document.loader, document.sha256)
            == (request.relative_path, request.channel, request.loader, snapshot.sha256)
            and document.language in languages()
            and all(path == document.path for path in _paths(outcome))
            and all(_span_fits(span, limit) for span in _spans(outcome))
            and all(1 <= line <= limit for line in _lines(outcome))
            and all(_segment_fits(segment, limit) for segment in document.segments)
            and all(_amount_fits(amount) for fact in outcome.facts
                    for amount in (fact.value.low, fact.value.high)))


def _paths(outcome: DocumentOutcome) -> Iterator[str]:
    """The files that the findings, facts and passages of one document name: only it."""
    for finding in outcome.findings:
        yield finding.path
        yield from (related.path for related in finding.related)
    yield from (fact.path for fact in outcome.facts)
    yield from (passage.path for passage in outcome.passages)


def _spans(outcome: DocumentOutcome) -> Iterator[Span]:
    document = outcome.document
    yield from (problem.span for problem in document.problems)
    yield from (expression.span for expression in document.template_expressions)
    yield from (finding.span for finding in outcome.findings)
    yield from (fact.span for fact in outcome.facts)
    yield from (passage.span for passage in outcome.passages)


def _lines(outcome: DocumentOutcome) -> Iterator[int]:
    document = outcome.document
    yield from document.metadata_lines.values()
    yield from (suppression.line for suppression in document.suppressions)
    yield from (related.line for finding in outcome.findings for related in finding.related)
    yield from (line for passage in outcome.passages for _, line in passage.line_starts)


def _span_fits(span: Span, limit: int) -> bool:
    return (1 <= span.line <= span.end_line <= limit
            and 1 <= span.column <= limit and 1 <= span.end_column <= limit)


def _segment_fits(segment: Segment, limit: int) -> bool:
    """Anchors map offsets of the written text to positions of the file, shifts offsets of
    the text to the written text; links and placeholders are ranges of the text. Every
    offset lies within the longer of the two."""
    length = max(len(segment.text), len(segment.written))
    ranges: tuple[Link | Placeholder, ...] = (*segment.links, *segment.placeholders)
    return (all(0 <= anchor.offset <= length and 1 <= anchor.line <= limit
                and 1 <= anchor.column <= limit for anchor in segment.anchors)
            and all(0 <= shift.offset <= length and 0 <= shift.written_offset <= length
                    for shift in segment.shifts)
            and all(0 <= item.start <= item.end <= length for item in ranges))


def _amount_fits(amount: Decimal | None) -> bool:
    """Formatting a decimal with an exponent in the billions would take the machine's
    memory, and comparing a NaN raises: neither comes out of a text."""
    return amount is None or (amount.is_finite()
                              and abs(amount.adjusted()) <= MAX_DECIMAL_EXPONENT)
