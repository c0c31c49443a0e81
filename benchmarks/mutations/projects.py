"""The consistent projects that mutants are made from, each copied into a work folder so that
the repository and the shared corpus are never written.

- `samples-clean`: `samples/` with its seeded defects removed (`clean_samples.yaml`).
- every folder under `sources/` that holds a `consistency-lint.yaml` (e.g. `services`).
- `gekosale2`: the shop pages of `../shared/corpus/gekosale2` (read at run time, never
  copied into the repository), one channel per page, without a registry: nobody wrote one
  for this shop, and one derived from its pages would only restate them, so its facts are
  compared across its pages. Left out when the corpus is absent.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from consistency_lint.config import load_config
from consistency_lint.discovery import discover

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
SAMPLES = REPOSITORY / "samples"
CLEAN_EDITS = HERE / "clean_samples.yaml"
OWN_SOURCES = HERE / "sources"
SHARED_CORPUS = REPOSITORY.parent / "shared" / "corpus"
CONFIG = "consistency-lint.yaml"
ENCODINGS = ("utf-8", "windows-1250")

# gekosale2: its pages and the channel and document type each one stands for
GEKOSALE_PAGES = {
    "cms-regulamin.html": ("regulamin", "terms"),
    "cms-zwroty-gwarancja.html": ("zwroty", "returns"),
    "cms-dostawa.html": ("dostawa", "delivery"),
    "cms-dostepnosc-towarow.html": ("dostepnosc", "delivery"),
    "cms-platnosci.html": ("platnosci", "payment"),
}


class SourceError(Exception):
    """A source cannot be prepared (an edit of `clean_samples.yaml` no longer applies)."""


@dataclass(frozen=True)
class Source:
    """A prepared project: its work copy and the content files that mutants change."""

    name: str
    root: Path
    files: tuple[str, ...]


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and its encoding (the samples keep one file in windows-1250)."""
    data = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise SourceError(f"{path}: neither UTF-8 nor windows-1250")


def write_text(path: Path, text: str, encoding: str) -> None:
    path.write_bytes(text.encode(encoding))


def available() -> list[str]:
    """Every source name this machine can build, in a fixed order."""
    names = ["samples-clean"]
    if OWN_SOURCES.is_dir():
        names += sorted(folder.name for folder in OWN_SOURCES.iterdir()
                        if (folder / CONFIG).is_file())
    if (SHARED_CORPUS / "gekosale2").is_dir():
        names.append("gekosale2")
    return names


def prepare(name: str, work: Path) -> Source:
    """Copy source `name` under `work` and return it ready to lint."""
    root = work / name
    if name == "samples-clean":
        shutil.copytree(SAMPLES, root)
        _apply_edits(root, yaml.safe_load(CLEAN_EDITS.read_text(encoding="utf-8"))["edits"])
    elif name == "gekosale2":
        _gekosale_project(SHARED_CORPUS / "gekosale2", root)
    elif (OWN_SOURCES / name / CONFIG).is_file():
        shutil.copytree(OWN_SOURCES / name, root)
    else:
        raise SourceError(f"unknown source {name} (available: {', '.join(available())})")
    return Source(name, root, tuple(_content_files(root)))


def _content_files(root: Path) -> Iterator[str]:
    """The files the tool lints (its own discovery), in path order."""
    yield from sorted(request.relative_path for request in discover(load_config(root)))


def _apply_edits(root: Path, edits: list[dict[str, object]]) -> None:
    for edit in edits:
        path = root / str(edit["file"])
        if edit.get("remove"):
            path.unlink()
            continue
        text, encoding = read_text(path)
        old, new = str(edit["old"]), str(edit["new"])
        if text.count(old) != 1:
            raise SourceError(f"{CLEAN_EDITS.name}: {edit['file']} holds {old!r} "
                              f"{text.count(old)} times, not once")
        write_text(path, text.replace(old, new), encoding)


def _gekosale_project(corpus: Path, root: Path) -> None:
    (root / "web").mkdir(parents=True)
    channels = {}
    for page, (channel, doc_type) in GEKOSALE_PAGES.items():
        shutil.copyfile(corpus / page, root / "web" / page)
        channels[channel] = {"loader": "html", "paths": [f"web/{page}"], "profile": "web",
                             "doc_types": {doc_type: [f"web/{page}"]}}
    config = {"version": 1, "language": "pl",
              "rules": ["builtin:pl-consumer-rights-2014", "builtin:tone-pl"],
              "channels": channels}
    (root / CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                               encoding="utf-8")
