"""Placing seeds (`seeds.yaml`) into the benchmark's real pages, by program.

Each seed is a sentence written by a reader who saw only the issue's words: a real-word error
or an editorial leftover that must be reported, or a near miss that must not. A seed becomes
a paragraph of its own, inserted after a paragraph that ends a line ("</p>" in HTML, outside
menus, headers, scripts and comments, of a paragraph the HTML loader reads: not in a cookie
banner or a hidden element; a paragraph followed by a blank line in Markdown and plain-text
templates), in a host file picked from a
hash of the seed's text, so the placement is fixed, spread over every source, and never
chosen by hand. A file holds several seeds, at least `MIN_GAP` lines apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml
from benchmarks.mutations.projects import Source as Project
from benchmarks.mutations.projects import read_text, write_text

from consistency_lint.loaders.html import parse as parse_html
from consistency_lint.loaders.source import Source

# a paragraph of the page's text ends the line; not one in the page's furniture a reader's
# eye and the loader skip (menus, the header, scripts, comments)
ENDS_HTML_PARAGRAPH = re.compile(r"</p>\s*$")
FURNITURE = re.compile(r"<(nav|header|script|style|template)\b|<!--", re.IGNORECASE)
FURNITURE_ENDS = re.compile(r"</(nav|header|script|style|template)>|-->", re.IGNORECASE)
MIN_GAP = 3
HOST_SUFFIXES = (".html", ".htm", ".md", ".j2", ".txt")


@dataclass(frozen=True)
class Seed:
    kind: str  # real-word | editorial
    text: str
    expect: str  # error | clean
    span: str = ""
    correction: str = ""

    @property
    def held_out(self) -> bool:
        """Fixed before the first run: the seeds whose text's SHA-256 ends in an even digit."""
        return int(hashlib.sha256(self.text.encode("utf-8")).hexdigest()[-1], 16) % 2 == 0

    @property
    def key(self) -> int:
        return int(hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:12], 16)


@dataclass(frozen=True)
class Placed:
    """A seed where it landed: the file and the line its paragraph starts on."""

    seed: Seed
    source: str
    path: str
    line: int


def insertion_lines(path: str, text: str) -> list[int]:
    """0-based indexes of the lines after which a paragraph may be inserted."""
    lines = text.split("\n")
    if PurePosixPath(path).suffix in (".html", ".htm"):
        read = _lines_read(text)
        return [index for index in _html_paragraph_ends(lines) if index + 1 in read]
    return [index for index in range(len(lines) - 1)
            if lines[index].strip() and not lines[index + 1].strip()
            and not lines[index].lstrip().startswith(("#", "|", "{%", "---", "-", "*", "<"))]


def _lines_read(text: str) -> set[int]:
    """The 1-based lines of a page whose text the HTML loader reads: a paragraph inside a
    cookie banner or a hidden element is no place a seed can be seen."""
    return {line for segment in parse_html(Source(text.encode("utf-8"))).segments
            for line in range(segment.span.line, segment.span.end_line + 1)}


def _html_paragraph_ends(lines: list[str]) -> list[int]:
    """Lines that end a paragraph of the page's text, outside its furniture."""
    found: list[int] = []
    depth = 0
    for index, line in enumerate(lines):
        depth += len(FURNITURE.findall(line))
        if depth == 0 and ENDS_HTML_PARAGRAPH.search(line):
            found.append(index)
        depth = max(depth - len(FURNITURE_ENDS.findall(line)), 0)
    return found


def paragraph(path: str, text: str) -> list[str]:
    """The seed as lines of the host file's format: one line of text, set apart as a
    paragraph (in HTML its own <p>, elsewhere blank lines around it)."""
    if PurePosixPath(path).suffix in (".html", ".htm"):
        return [f"<p>{text}</p>"]
    return ["", text]


def place(seeds: Sequence[Seed], sources: Sequence[Project]) -> list[Placed]:
    """Insert every seed into one of the sources' files and return where each landed: the
    host its hash picks, or the next one with room left."""
    hosts = [(index, path) for index, source in enumerate(sources) for path in source.files
             if PurePosixPath(path).suffix in HOST_SUFFIXES]
    room = {host: len(_apart(insertion_lines(host[1], read_text(
        sources[host[0]].root / host[1])[0]))) for host in hosts}
    chosen: defaultdict[tuple[int, str], list[Seed]] = defaultdict(list)
    for seed in seeds:
        start = seed.key % len(hosts)
        for step in range(len(hosts)):
            host = hosts[(start + step) % len(hosts)]
            if len(chosen[host]) < room[host]:
                chosen[host].append(seed)
                break
    placed: list[Placed] = []
    for (index, path), in_file in chosen.items():
        placed += _insert(sources[index], path, in_file)
    return placed


def _insert(source: Project, path: str, seeds: Sequence[Seed]) -> list[Placed]:
    file = source.root / path
    text, encoding = read_text(file)
    points = _spread(insertion_lines(path, text), len(seeds))
    lines = text.split("\n")
    placed: list[Placed] = []
    shift = 0
    for seed, point in zip(seeds, points, strict=True):
        block = paragraph(path, seed.text)
        at = point + 1 + shift
        lines[at:at] = block
        placed.append(Placed(seed, source.name, path, at + len(block)))  # 1-based: last line
        shift += len(block)
    write_text(file, "\n".join(lines), encoding)
    return placed


def _apart(points: list[int]) -> list[int]:
    """The points at least MIN_GAP lines after the one kept before them."""
    kept: list[int] = []
    for point in points:
        if not kept or point - kept[-1] >= MIN_GAP:
            kept.append(point)
    return kept


def _spread(points: list[int], count: int) -> list[int]:
    """`count` of the points MIN_GAP apart (no more than there are), evenly spread."""
    apart = _apart(points)
    count = min(count, len(apart))
    return [apart[index * len(apart) // count] for index in range(count)]


def read_seeds(path: Path) -> list[Seed]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Seed(item["kind"], item["text"], item["expect"], item.get("span", ""),
                 item.get("correction", "")) for item in data["seeds"]]
