"""How long `impact --since` takes on `samples/` with a git history of 100 commits: cold (no
cache) and warm (the cache of a first run), each as the command a user types.

    python benchmarks/changes/history.py [--commits 100] [--runs 3]

The commits edit a product page, the knowledge base and the registry in turn, and the last
three raise the product's price in each, so the change since the first commit replaces it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SAMPLES = REPOSITORY / "samples"
EDITED = ("web/produkty/city-e5.html", "kb/sprzedaz-telefoniczna.md", "facts.yaml")
PRICE, RAISED = "6 499 zł", "6 599 zł"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="impact-history-") as directory:
        root = Path(directory) / "samples"
        shutil.copytree(SAMPLES, root)
        _history(root, arguments.commits)
        environment = {**os.environ, "CONSISTENCY_LINT_CACHE_DIR": str(Path(directory) / "c")}
        command = [sys.executable, "-m", "consistency_lint", "impact", str(root), "--since",
                   f"HEAD~{arguments.commits}", "--format", "json", "--today", "2026-11-30"]
        cold = [_timed([*command, "--no-cache"], environment) for _ in range(arguments.runs)]
        _timed(command, environment)  # fills the cache
        warm = [_timed(command, environment) for _ in range(arguments.runs)]
    print(f"impact --since HEAD~{arguments.commits} on samples/: "
          f"cold median {statistics.median(cold):.2f} s, warm median "
          f"{statistics.median(warm):.2f} s ({arguments.runs} runs each)")
    return 0


def _history(root: Path, commits: int) -> None:
    """`commits` commits after the first: each adds a line to one of the EDITED files, and
    the last ones raise the price in each of them."""
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "samples")
    for number in range(commits):
        path = root / EDITED[number % len(EDITED)]
        text = path.read_text(encoding="utf-8") + "\n"
        if number >= commits - len(EDITED):
            text = text.replace(PRICE, RAISED)
        path.write_text(text, encoding="utf-8")
        _git(root, "commit", "-qam", f"edit {number}")


def _timed(command: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return time.perf_counter() - started


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.email=b@example.com",
                    "-c", "user.name=bench", *args], check=True, capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
