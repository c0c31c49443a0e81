"""The per-document stage of a run: load each file, run the language layer, extract its
facts and run the per-document language checks (rule packs, spelling, tone).

With `--jobs N` the files are split into contiguous chunks handled by forked worker
processes; results come back in file order, so the output does not depend on N."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_context

from consistency_lint.checks import language_checks
from consistency_lint.checks.context import CheckContext
from consistency_lint.config import Config
from consistency_lint.facts.extraction import CollectedFacts, CorpusFacts, FactCollector, merge
from consistency_lint.facts.registry import Registry
from consistency_lint.loaders import LoadRequest, load_document
from consistency_lint.model import Document, Finding
from consistency_lint.nlp.analysis import analyse
from consistency_lint.nlp.pipeline import pipeline
from consistency_lint.rules.engine import RuleEngine
from consistency_lint.rules.loading import CompiledRule

CHUNKS_PER_JOB = 4  # smaller chunks balance the load between workers
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class DocumentWork:
    """What every worker needs to know about the run."""

    config: Config
    registry: Registry
    rules: tuple[CompiledRule, ...]
    today: date
    reported_paths: frozenset[str]  # only these documents get per-document findings


@dataclass(frozen=True)
class ChunkResult:
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    facts: CollectedFacts


@dataclass(frozen=True)
class StageResult:
    documents: list[Document]
    findings: list[Finding]
    facts: CorpusFacts


def process_documents(requests: Sequence[LoadRequest], work: DocumentWork, jobs: int,
                      on_progress: ProgressCallback | None = None) -> StageResult:
    chunks = _chunks(requests, jobs)
    results: list[ChunkResult] = []
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results.append(_process(work, chunk))
            _report(on_progress, results, len(requests))
    else:
        _warm_up(work.config)
        context = get_context("fork")  # workers inherit the loaded pipelines and packs
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                 initializer=_remember, initargs=(work,)) as pool:
            for result in pool.map(_process_in_worker, chunks):
                results.append(result)
                _report(on_progress, results, len(requests))
    return StageResult([d for r in results for d in r.documents],
                       [f for r in results for f in r.findings],
                       merge([r.facts for r in results]))


def _warm_up(config: Config) -> None:
    """Build the language pipelines before forking, so that workers share them instead of
    each building its own."""
    models = {str(language): model for language, model in config.model.pipelines.items()}
    for language in {config.model.language, *(c.language for c in config.channels.values())}:
        pipeline(language, models.get(language))("Rozgrzewka.")


def _chunks(requests: Sequence[LoadRequest], jobs: int) -> list[list[LoadRequest]]:
    if not requests:
        return []
    size = max(1, math.ceil(len(requests) / (max(jobs, 1) * CHUNKS_PER_JOB)))
    return [list(requests[start:start + size]) for start in range(0, len(requests), size)]


def _report(on_progress: ProgressCallback | None, results: list[ChunkResult],
            total: int) -> None:
    if on_progress is not None:
        on_progress(sum(len(result.documents) for result in results), total)


_worker_work: list[DocumentWork] = []  # set once in each worker process by _remember


def _remember(work: DocumentWork) -> None:
    _worker_work.append(work)


def _process_in_worker(requests: list[LoadRequest]) -> ChunkResult:
    return _process(_worker_work[0], requests)


def _process(work: DocumentWork, requests: list[LoadRequest]) -> ChunkResult:
    documents = [load_document(request) for request in requests]
    context = CheckContext(config=work.config, today=work.today)
    checks = [RuleEngine(work.rules, work.config), *language_checks(context, work.registry)]
    collector = FactCollector(work.registry)
    findings: list[Finding] = []
    models = {str(language): model for language, model in work.config.model.pipelines.items()}
    for document, analysed in analyse(documents, models):
        collector.add(document, analysed)
        if document.path in work.reported_paths:
            for check in checks:
                findings.extend(check.check(document, analysed))
    return ChunkResult(tuple(documents), tuple(findings), collector.collected())
