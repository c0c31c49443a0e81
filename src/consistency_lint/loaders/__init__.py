"""Turn content files into Documents; one module per loader kind.

Loaders never judge content: what they cannot read becomes a ContentProblem that a
check reports, and the run goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Literal, get_args

from consistency_lint.builtin_data import languages
from consistency_lint.loaders.parsed import ParsedContent
from consistency_lint.loaders.placeholders import placeholder_pattern, with_placeholders
from consistency_lint.loaders.source import ContentLoadError, Source
from consistency_lint.loaders.suppressions import front_matter_suppressions, inline_suppressions
from consistency_lint.model import (
    PLACEHOLDER_SYNTAXES,
    TRADE_KEYS,
    ContentProblem,
    Document,
    PlaceholderSyntax,
    ProblemKind,
    Span,
    declared_names,
)
from consistency_lint.reading import RefusedFileError, read_regular_file

LoaderName = Literal["html", "markdown", "faq", "template", "docx", "text"]
"""The table of loaders, by the name a channel's `loader:` gives (the configuration accepts
these): each is the module of that name in this package, which defines `parse`. Adding a
loader is its module and its name here."""
LOADER_NAMES: tuple[LoaderName, ...] = get_args(LoaderName)
Parser = Callable[[Source], ParsedContent]


class _Parsers(Mapping[str, Parser]):
    """Each loader's `parse`, its module imported on first use: python-docx and markdown-it
    take a tenth of a second to import, which `rules list` and a run of HTML files need
    not pay."""

    def __getitem__(self, loader: str) -> Parser:
        if loader not in LOADER_NAMES:
            raise KeyError(loader)
        parse: Parser = import_module(f"consistency_lint.loaders.{loader}").parse
        return parse

    def __iter__(self) -> Iterator[str]:
        return iter(LOADER_NAMES)

    def __len__(self) -> int:
        return len(LOADER_NAMES)


PARSERS: Mapping[str, Parser] = _Parsers()


@dataclass(frozen=True)
class LoadRequest:
    """What the pipeline knows about a file before reading it."""

    path: Path
    relative_path: str
    channel: str
    loader: str
    language: str
    doc_type: str | None
    max_bytes: int
    outside_project: bool = False
    placeholders: tuple[PlaceholderSyntax, ...] = PLACEHOLDER_SYNTAXES


def load_document(request: LoadRequest) -> Document:
    """Read and parse one file; never raises for bad content."""
    raw = b""
    try:
        if request.outside_project:
            raise ContentLoadError(ProblemKind.UNREADABLE,
                                   "symbolic link leads outside the project; not read")
        raw = read_regular_file(request.path, request.max_bytes)
        if not raw.strip():
            raise ContentLoadError(ProblemKind.EMPTY, "file is empty")
        source = Source(raw, request.relative_path)
        parsed = PARSERS[request.loader](source)
    except RefusedFileError as error:
        return _unparsed(request, raw, ContentProblem(error.kind, error.message))
    except ContentLoadError as error:
        return _unparsed(request, raw, ContentProblem(error.kind, error.message,
                                                      Span.point(error.line)))
    except OSError as error:
        reason = error.strerror or str(error)
        return _unparsed(request, raw, ContentProblem(ProblemKind.UNREADABLE,
                                                      f"cannot read file: {reason}"))
    except RecursionError:
        return _unparsed(request, raw, ContentProblem(ProblemKind.MALFORMED,
                                                      "file is nested too deeply to parse"))
    except Exception as error:  # noqa: BLE001 - a parser bug on hostile input must not stop a run
        return _unparsed(request, raw, ContentProblem(ProblemKind.MALFORMED,
                                                      f"file could not be parsed: {error!r}"))
    metadata = parsed.metadata
    language, language_problems = _language(metadata, parsed.metadata_lines, request.language)
    suppressions = front_matter_suppressions(metadata, parsed.metadata_lines)
    syntax = comment_syntax(request.loader, request.relative_path)
    if syntax is not None:
        suppressions += inline_suppressions(source.text, syntax)
    doc_type = metadata.get("doc_type")
    pattern = placeholder_pattern(request.placeholders)
    return Document(
        path=request.relative_path,
        channel=request.channel,
        loader=request.loader,
        doc_type=str(doc_type) if doc_type else request.doc_type,
        language=language,
        sha256=hashlib.sha256(raw).hexdigest(),
        segments=tuple(with_placeholders(segment, pattern) for segment in parsed.segments),
        metadata=metadata,
        metadata_lines=parsed.metadata_lines,
        template_expressions=parsed.template_expressions,
        problems=(parsed.problems + language_problems
                  + _trade_problems(metadata, parsed.metadata_lines)),
        suppressions=suppressions,
        menu_links=parsed.menu_links,
    )


def _language(metadata: Mapping[str, object], lines: Mapping[str, int],
              default: str) -> tuple[str, tuple[ContentProblem, ...]]:
    """The document's own `language:` when it is one we can analyse, else the channel's."""
    declared = metadata.get("language")
    if declared is None or declared in languages():
        return str(declared or default), ()
    problem = ContentProblem(
        ProblemKind.FRONT_MATTER,
        f"language {str(declared)[:40]!r} is not supported (supported: "
        f"{', '.join(languages())}); the document is read as `{default}`",
        Span.point(lines.get("language", 1)))
    return default, (problem,)


def _trade_problems(metadata: Mapping[str, object],
                    lines: Mapping[str, int]) -> tuple[ContentProblem, ...]:
    """A name in `offer:`, `audience:`, `sector:` or `seller:` that is not one of theirs:
    left out (the channel's or the text's word counts instead), and said so."""
    problems = []
    for key, known in TRADE_KEYS.items():
        unknown = [name for name in declared_names(metadata.get(key)) if name not in known]
        if unknown:
            problems.append(ContentProblem(
                ProblemKind.FRONT_MATTER,
                f"{key} {unknown[0][:40]!r} is not known (known: {', '.join(known)}); "
                "it is left out", Span.point(lines.get(key, 1))))
    return tuple(problems)


def comment_syntax(loader: str, path: str) -> str | None:
    """The comment syntax that carries suppression directives in this kind of file."""
    if loader == "faq":
        return "yaml" if path.lower().endswith((".yaml", ".yml")) else "html"
    return {"html": "html", "markdown": "html", "template": "jinja"}.get(loader)


def _unparsed(request: LoadRequest, raw: bytes, problem: ContentProblem) -> Document:
    return Document(
        path=request.relative_path,
        channel=request.channel,
        loader=request.loader,
        doc_type=request.doc_type,
        language=request.language,
        sha256=hashlib.sha256(raw).hexdigest(),
        problems=(problem,),
    )
