"""The consistent projects that mutants are made from, each copied into a work folder so that
the repository and the shared corpus are never written.

- `samples-clean`: `samples/` with its seeded defects removed (`clean_samples.yaml`).
- every folder under `sources/` that holds a `consistency-lint.yaml` (e.g. `services`).
- `gekosale2`: the shop pages of `../shared/corpus/gekosale2` (read at run time, never
  copied into the repository), one channel per page, without a registry: nobody wrote one
  for this shop, and one derived from its pages would only restate them, so its facts are
  compared across its pages. Left out when the corpus is absent.
- `mozilla-legal-docs`: six documents of one business (Mozilla's paid services: terms and
  privacy notices of the subscription services, Mozilla accounts, MDN Plus, Pocket), built
  the same way: one channel per document, both built-in packs, no registry. Its files are
  annotated by hand in benchmarks/attribution/annotations/ (held-out ones included: the
  mutation benchmark never tunes on what the unmutated run reports).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
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
# a source's own reference date (its promotions and dated facts are written for it), in an
# optional `benchmark.yaml` beside its configuration: `today: 2026-12-07`
SETTINGS = "benchmark.yaml"
DEFAULT_TODAY = date(2026, 11, 30)  # fixed, so that freshness and dated facts never move
ENCODINGS = ("utf-8", "windows-1250")



@dataclass(frozen=True)
class CorpusPage:
    """One document of the shared corpus as a channel of its own."""

    path: str  # under ../shared/corpus
    channel: str
    doc_type: str
    loader: str = "html"
    profile: str = "web"


def _markdown(name: str, channel: str, doc_type: str) -> CorpusPage:
    return CorpusPage(f"mozilla-legal-docs/{name}", channel, doc_type, "markdown", "legal")


# the corpus sources: their documents and the channel and document type each one stands for,
# copied into the project's `folder`
CORPUS_SOURCES: dict[str, tuple[str, tuple[CorpusPage, ...]]] = {
    "gekosale2": ("web", (
        CorpusPage("gekosale2/cms-regulamin.html", "regulamin", "terms"),
        CorpusPage("gekosale2/cms-zwroty-gwarancja.html", "zwroty", "returns"),
        CorpusPage("gekosale2/cms-dostawa.html", "dostawa", "delivery"),
        CorpusPage("gekosale2/cms-dostepnosc-towarow.html", "dostepnosc", "delivery"),
        CorpusPage("gekosale2/cms-platnosci.html", "platnosci", "payment"),
    )),
    "mozilla-legal-docs": ("legal", (
        _markdown("subscription_services_tos.md", "subscription-terms", "terms"),
        _markdown("subscription_services_privacy_notice.md", "subscription-privacy", "privacy"),
        _markdown("mozilla_accounts_privacy_notice.md", "accounts-privacy", "privacy"),
        _markdown("mdn_plus_terms.md", "mdn-plus-terms", "terms"),
        _markdown("mdn_plus_privacy.md", "mdn-plus-privacy", "privacy"),
        _markdown("pocket_tos.md", "pocket-terms", "terms"),
    )),
}
PACKS = ["builtin:pl-consumer-rights-2014", "builtin:tone-pl"]


class SourceError(Exception):
    """A source cannot be prepared (an edit of `clean_samples.yaml` no longer applies)."""


@dataclass(frozen=True)
class Source:
    """A prepared project: its work copy and the content files that mutants change."""

    name: str
    root: Path
    files: tuple[str, ...]
    today: date = DEFAULT_TODAY


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
    names += [name for name, (_, pages) in CORPUS_SOURCES.items()
              if all((SHARED_CORPUS / page.path).is_file() for page in pages)]
    return names


def prepare(name: str, work: Path) -> Source:
    """Copy source `name` under `work` and return it ready to lint."""
    root = work / name
    if name == "samples-clean":
        shutil.copytree(SAMPLES, root)
        _apply_edits(root, yaml.safe_load(CLEAN_EDITS.read_text(encoding="utf-8"))["edits"])
    elif name in CORPUS_SOURCES:
        folder, pages = CORPUS_SOURCES[name]
        corpus_project(pages, root, folder)
    elif (OWN_SOURCES / name / CONFIG).is_file():
        shutil.copytree(OWN_SOURCES / name, root)
    else:
        raise SourceError(f"unknown source {name} (available: {', '.join(available())})")
    return Source(name, root, tuple(_content_files(root)), _today(root))


def _today(root: Path) -> date:
    settings = root / SETTINGS
    if not settings.is_file():
        return DEFAULT_TODAY
    today = yaml.safe_load(settings.read_text(encoding="utf-8")).get("today", DEFAULT_TODAY)
    if not isinstance(today, date):
        raise SourceError(f"{settings}: `today` must be a date (YYYY-MM-DD)")
    return today


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


def corpus_project(pages: Sequence[CorpusPage], root: Path, folder: str) -> dict[str, str]:
    """Copy `pages` from the shared corpus into `root/folder`, one channel each, with both
    built-in packs and no registry; return each copy's project path -> its corpus path."""
    (root / folder).mkdir(parents=True)
    channels: dict[str, object] = {}
    copies: dict[str, str] = {}
    for page in pages:
        copy = f"{folder}/{Path(page.path).name}"
        shutil.copyfile(SHARED_CORPUS / page.path, root / copy)
        copies[copy] = page.path
        channels[page.channel] = {"loader": page.loader, "paths": [copy],
                                  "profile": page.profile, "doc_types": {page.doc_type: [copy]}}
    config = {"version": 1, "language": "pl", "rules": PACKS, "channels": channels}
    (root / CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                               encoding="utf-8")
    return copies
