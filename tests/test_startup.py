"""The command line starts without the language layer: `--version`, `rules list` and `rules
explain` never import spaCy, Morfeusz, wordfreq or dask.distributed (each takes a while to load)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "morfeusz2", "wordfreq", "thinc", "distributed")


def _modules_loaded_by(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               check=True)
    return [name for name in completed.stdout.strip().split(",") if name]


def test_importing_the_command_line_loads_no_language_layer() -> None:
    assert _modules_loaded_by("import consistency_lint.cli") == []


def test_listing_and_explaining_rules_loads_no_language_layer() -> None:
    code = ("from consistency_lint.checks.registry import documented_specs\n"
            "assert len(documented_specs()) > 60")
    assert _modules_loaded_by(code) == []
