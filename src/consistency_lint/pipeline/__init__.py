"""The package that knows the order of a run's steps (`run.py`), the per-document stage
(`documents.py`), where it runs (`executors.py`) and what it caches (`cache.py`). Two
containers flow through it: a `DocumentOutcome` per document, and the `Corpus` that corpus
checks read."""

from consistency_lint.pipeline.documents import ProgressCallback
from consistency_lint.pipeline.run import RunOptions, run

__all__ = ["ProgressCallback", "RunOptions", "run"]
