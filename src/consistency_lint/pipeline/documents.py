"""The per-document stage of a run: load each file, run the language layer, extract its
facts and run the document checks; then the corpus that corpus checks read.

Outcomes come from the cache where an entry fits the file's bytes, else are computed by
the executors in chunks; they are put back in file order, so the output depends neither
on the number of workers nor on the executor."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from consistency_lint.checks.context import Corpus
from consistency_lint.checks.protocol import DocumentCheck
from consistency_lint.config import Config
from consistency_lint.facts.attribution import FactExtractor
from consistency_lint.facts.passages import passages, stale_copies
from consistency_lint.facts.registry import Registry
from consistency_lint.loaders import LoadRequest, load_document
from consistency_lint.model import Document
from consistency_lint.nlp.analysis import analyse
from consistency_lint.nlp.pipeline import pipeline
from consistency_lint.pipeline.cache import DocumentCache
from consistency_lint.pipeline.executors import run_chunks
from consistency_lint.pipeline.outcome import DocumentOutcome
from consistency_lint.pipeline.timing import PhaseSeconds, timed, timed_items
from consistency_lint.rules.compiled import CompiledRule, compile_now
from consistency_lint.workers import Workers

ProgressCallback = Callable[[int, int], None]  # (documents done, total)


@dataclass(frozen=True)
class DocumentWork:
    """What every worker needs to know about the run."""

    config: Config
    registry: Registry
    rules: tuple[CompiledRule, ...]  # compiled in one batch before the checks run
    checks: tuple[DocumentCheck, ...]  # built once per run
    reported_paths: frozenset[str]  # only these documents get findings of document checks


@dataclass(frozen=True)
class ChunkResult:
    outcomes: list[DocumentOutcome]
    seconds: dict[str, float]  # worker seconds per phase (load, compile, language, facts, rules)


def process_documents(requests: Sequence[LoadRequest], work: DocumentWork, workers: Workers,
                      cache: DocumentCache | None, seconds: PhaseSeconds,
                      on_progress: ProgressCallback | None = None,
                      unsaved: Collection[str] = ()) -> list[DocumentOutcome]:
    """The outcome of every request, in their order: from the cache where an entry fits the
    file's bytes, else computed (by `workers`); the workers' seconds are added to
    `seconds`. The outcomes of `unsaved` paths (an editor's unsaved text) are kept in
    memory, not written to the cache's folder."""
    with _kept_from_cycle_collection():
        outcomes = _cached(cache, requests, work.reported_paths)
        _progress(on_progress, len(outcomes), len(requests))
        misses = {request.relative_path: request for request in requests
                  if request.relative_path not in outcomes}
        for chunk in run_chunks(_process, work, list(misses.values()), workers, _warm_up):
            for phase, spent in chunk.seconds.items():
                seconds[phase] += spent
            for outcome in chunk.outcomes:
                path = outcome.document.path
                outcomes[path] = outcome
                if cache is not None:
                    cache.store(misses[path], path in work.reported_paths, outcome,
                                unsaved=path in unsaved)
            _progress(on_progress, len(outcomes), len(requests))
            gc.freeze()
    return [outcomes[request.relative_path] for request in requests]


def corpus_of(outcomes: Sequence[DocumentOutcome], registry: Registry,
           reported_paths: frozenset[str]) -> Corpus:
    """What corpus checks read: every document and the facts they state, and the stale
    copies among their passages (which needs all of them at once)."""
    facts = sorted((fact for outcome in outcomes for fact in outcome.facts),
                   key=lambda fact: (fact.path, fact.span.line, fact.span.column))
    return Corpus(
        tuple(outcome.document for outcome in outcomes), tuple(facts),
        {outcome.document.path: outcome.subject for outcome in outcomes}, registry,
        tuple(stale_copies([passage for outcome in outcomes for passage in outcome.passages])),
        reported_paths)


@contextmanager
def _kept_from_cycle_collection() -> Iterator[None]:
    """Outcomes are acyclic and live until the report is written: reference counting frees
    them, and the cycle collector re-scanning all of them at every full collection made
    the stage superlinear (decoding 10 000 cached outcomes: 5.9 s, 1.2 s without it).
    Outcomes are frozen out of its reach as they arrive (`gc.freeze`), and thawed after."""
    try:
        yield
    finally:
        gc.unfreeze()


def _cached(cache: DocumentCache | None, requests: Sequence[LoadRequest],
            reported_paths: frozenset[str]) -> dict[str, DocumentOutcome]:
    """Decoding only builds plain data, which holds no cycles: the collector is paused."""
    found: dict[str, DocumentOutcome] = {}
    if cache is None:
        return found
    collecting = gc.isenabled()
    gc.disable()
    try:
        for request in requests:
            outcome = cache.lookup(request, request.relative_path in reported_paths)
            if outcome is not None:
                found[request.relative_path] = outcome
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return found


def _warm_up(work: DocumentWork) -> None:
    """Build the language pipelines and compile the rules' phrases before forking, so that
    workers share them instead of each building its own."""
    config = work.config
    models = config.pipeline_models
    for language in {config.model.language, *(c.language for c in config.channels.values())}:
        pipeline(language, models.get(language))("Rozgrzewka.")
    compile_now(work.rules)
    gc.freeze()  # what the workers inherit is never garbage: their collector skips it


def _progress(on_progress: ProgressCallback | None, done: int, total: int) -> None:
    if on_progress is not None:
        on_progress(done, total)


def _process(work: DocumentWork, requests: list[LoadRequest]) -> ChunkResult:
    seconds: PhaseSeconds = defaultdict(float)
    with timed(seconds, "load"):
        documents = [load_document(request) for request in requests]
    with timed(seconds, "compile"):  # the language pipeline too, on a worker's first chunk
        compile_now(work.rules)  # in one batch, not phrase by phrase; at once if inherited
    return ChunkResult(list(_analyse(work, documents, seconds)), dict(seconds))


def _analyse(work: DocumentWork, documents: list[Document],
             seconds: PhaseSeconds) -> Iterator[DocumentOutcome]:
    extractors: dict[str, FactExtractor] = {}
    models = work.config.pipeline_models
    for document, analysed in timed_items(analyse(documents, models), seconds, "language"):
        with timed(seconds, "facts"):
            if document.language not in extractors:
                extractors[document.language] = FactExtractor(work.registry, document.language)
            found = extractors[document.language].extract(document, analysed)
            document_passages = tuple(passages(document, analysed))
        with timed(seconds, "rules"):
            findings = [finding for check in work.checks
                        for finding in check(document, analysed)
                        ] if document.path in work.reported_paths else []
        yield DocumentOutcome(document, tuple(findings), found.facts, found.subject,
                              document_passages)
