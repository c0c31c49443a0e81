"""An N-fold copy of `samples/`: the sample repository's files under `copy-000/` to
`copy-NNN/`, with a configuration whose channel globs take every copy and whose registry,
dictionary and template variables are those of the first copy.

Real-shaped content (27 files of web pages, FAQ, knowledge base and letters) at a size
where throughput shows, beside the generated corpus of `corpus.py`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

SAMPLES = Path(__file__).parent.parent / "samples"
CONFIG = "consistency-lint.yaml"


def copy_samples(root: Path, copies: int) -> None:
    """Write the N-fold copy under `root` (once: an existing copy is kept)."""
    if (root / CONFIG).exists():
        return
    root.mkdir(parents=True, exist_ok=True)
    for index in range(copies):
        shutil.copytree(SAMPLES, root / _copy_name(index), ignore=shutil.ignore_patterns(CONFIG))
    config = yaml.safe_load((SAMPLES / CONFIG).read_text(encoding="utf-8"))
    (root / CONFIG).write_text(yaml.safe_dump(_every_copy(config), allow_unicode=True,
                                              sort_keys=False), encoding="utf-8")


def _copy_name(index: int) -> str:
    return f"copy-{index:03d}"


def _every_copy(config: dict[str, Any]) -> dict[str, Any]:
    first = _copy_name(0)
    for key in ("facts", "dictionary"):
        if key in config:
            config[key] = f"{first}/{config[key]}"
    for channel in config["channels"].values():
        channel["paths"] = [f"copy-*/{pattern}" for pattern in channel["paths"]]
        channel["doc_types"] = {doc_type: [f"copy-*/{pattern}" for pattern in patterns]
                                for doc_type, patterns in channel.get("doc_types", {}).items()}
        if "variables" in channel:
            channel["variables"] = f"{first}/{channel['variables']}"
    return config
