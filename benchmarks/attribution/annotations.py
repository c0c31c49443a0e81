"""The hand annotations of benchmarks/attribution/annotations/*.yaml, read into plain data.

Each file is one business: its corpus files (with the held-out split), every value a customer
could read as a fact of that business (file, 1-based raw line, the value as written, the
attribute it states), and the facts that disagree across its files. See README.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations"
HELD_OUT, DEV = "held-out", "dev"


def split_of(path: str) -> str:
    """The held-out rule, fixed before annotating: sha256 of the corpus path, even = held-out."""
    return HELD_OUT if int(hashlib.sha256(path.encode()).hexdigest(), 16) % 2 == 0 else DEV


@dataclass(frozen=True)
class Annotated:
    """One value of one line, and the attribute a careful reader says it states."""

    path: str
    line: int
    value: str
    attribute: str
    also: tuple[str, ...] = ()  # other attributes a careful reader would accept
    role: str = ""

    def accepts(self, attribute: str) -> bool:
        return attribute == self.attribute or attribute in self.also


@dataclass(frozen=True)
class Disagreement:
    """Places stating one fact differently: a fact-mismatch finding between two of its groups
    (or, without groups, among its places) is right."""

    attribute: str
    groups: tuple[frozenset[tuple[str, int]], ...]


@dataclass(frozen=True)
class Business:
    """One annotation file."""

    name: str
    source: str  # the corpus folder
    files: tuple[str, ...]
    splits: dict[str, str]  # corpus path -> dev | held-out, as written in the file
    facts: tuple[Annotated, ...]
    disagreements: tuple[Disagreement, ...]


def load_all(folder: Path = ANNOTATIONS) -> list[Business]:
    return [load(path) for path in sorted(folder.glob("*.yaml"))]


def load(path: Path) -> Business:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts = tuple(Annotated(entry["path"], int(fact["line"]), str(fact["value"]),
                            str(fact["attribute"]), tuple(fact.get("also", ())),
                            str(fact.get("role", "")))
                  for entry in data["files"] for fact in entry["facts"])
    return Business(path.stem, str(data["source"]),
                    tuple(entry["path"] for entry in data["files"]),
                    {entry["path"]: entry["split"] for entry in data["files"]}, facts,
                    tuple(_disagreement(item) for item in data.get("disagreements") or ()))


def _disagreement(item: dict[str, Any]) -> Disagreement:
    groups: list[list[str]] = item.get("groups") or [item["at"]]
    return Disagreement(str(item["attribute"]), tuple(
        frozenset(_place(place) for place in group) for group in groups))


def _place(text: str) -> tuple[str, int]:
    path, line = text.rsplit(":", 1)
    return path, int(line)
