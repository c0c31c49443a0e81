"""The benchmark's three sources read into documents to lint and units to judge.

- `claudette`: the CLAUDETTE Polish terms (../shared/corpus/claudette-pl): the plain-text
  files are linted; the tags of the XML twins (same text, tags inline) become units through
  claudette_mapping.yaml; untagged sentences are the safe population.
- `hand`: annotations/hand.yaml on other legal texts of the corpus.
- `paraphrases`: paraphrases.yaml, each sentence linted as its own small document;
  `paraphrases-2`, `paraphrases-3`: a second and a third reader's sets, the same way.
The corpus is read where it lies and never copied into the repository; a missing corpus
leaves its sources empty.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from benchmarks.legal.families import item_family
from benchmarks.legal.split import split_of
from benchmarks.legal.units import (
    LEVEL2,
    MUST,
    MUST_NOT,
    SAFE,
    SKIPPED,
    UNCOVERED,
    LineIndex,
    Unit,
)

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared" / "corpus"
MAPPING = HERE / "claudette_mapping.yaml"
HAND = HERE / "annotations" / "hand.yaml"
PARAPHRASES = HERE / "paraphrases.yaml"
# a second set by another independent reader, added after the first had been tuned on
PARAPHRASES_2 = HERE / "paraphrases-2.yaml"
PARAPHRASES_3 = HERE / "paraphrases-3.yaml"
CLAUDETTE = "claudette-pl"

_TAG = re.compile(r"<(/?)(j|law|ltd|ch|ter|cr|use|a|pinc)([0-9])>|<(/?)countryM>")
_SENTENCE = re.compile(r"[^.!?;]+(?:[.!?;]+|$)")
_WORD = re.compile(r"\w{2,}")


@dataclass(frozen=True)
class Document:
    """A file to lint: its path in the project, its bytes, loader and document type."""

    path: str
    content: bytes
    loader: str
    doc_type: str | None


@dataclass
class Source:
    name: str
    documents: list[Document] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    texts: dict[str, LineIndex] = field(default_factory=dict)  # every path that has units
    splits: dict[str, str] = field(default_factory=dict)  # path -> dev | held-out
    judged_paths: set[str] = field(default_factory=set)  # findings elsewhere: not this source's
    overlay_paths: set[str] = field(default_factory=set)  # judged here only on this source's units
    overlay_documents: list[Document] = field(default_factory=list)  # linted by their owner


def _read(path: Path) -> tuple[bytes, str]:
    content = path.read_bytes()
    return content, content.decode("utf-8-sig")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).casefold()


# --- CLAUDETTE ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Tag:
    family: str  # the CLAUDETTE tag name: j, law, ltd, ...
    level: int
    start: int
    end: int


def parse_tags(xml: str) -> tuple[str, list[Tag]]:
    """The XML text without its unfair-clause tags, and the tags as offsets into it."""
    out: list[str] = []
    length = 0
    open_tags: dict[tuple[str, int], list[int]] = {}
    tags: list[Tag] = []
    last = 0
    for match in _TAG.finditer(xml):
        out.append(xml[last:match.start()])
        length += match.start() - last
        last = match.end()
        if match.group(2) is None:
            continue  # countryM: a section marker, not a judgement
        key = (match.group(2), int(match.group(3)))
        if match.group(1):
            starts = open_tags.get(key)
            if starts:
                tags.append(Tag(key[0], key[1], starts.pop(), length))
        else:
            open_tags.setdefault(key, []).append(length)
    out.append(xml[last:])
    return "".join(out), sorted(tags, key=lambda tag: (tag.start, tag.end))


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges of the sentences of each line (a crude split on . ! ? ;)."""
    offset = 0
    for line in text.split("\n"):
        for match in _SENTENCE.finditer(line):
            if _WORD.search(match.group()):
                yield offset + match.start(), offset + match.end()
        offset += len(line) + 1


def claudette(corpus: Path = CORPUS, mapping_path: Path = MAPPING) -> Source:
    source = Source("claudette")
    mapping = yaml.safe_load(mapping_path.read_text(encoding="utf-8"))["families"]
    for xml_path in sorted((corpus / CLAUDETTE / "original_xml").glob("*.xml")):
        key = xml_path.relative_to(corpus).as_posix()
        text_path = corpus / CLAUDETTE / "original_text" / f"{xml_path.stem}.txt"
        content, text = _read(text_path)
        stripped, tags = parse_tags(_read(xml_path)[1])
        if stripped != text:
            raise SystemExit(f"{key}: the XML without tags differs from {text_path.name}")
        path = text_path.relative_to(corpus).as_posix()
        split = split_of(key)
        source.documents.append(Document(path, content, "text", "terms"))
        source.texts[path] = LineIndex(text)
        source.splits[path] = split
        source.judged_paths.add(path)
        source.units.extend(_tag_units(path, split, tags, mapping, source.texts[path]))
        source.units.extend(
            Unit("claudette", SAFE, path, start, end, "untagged", split, None,
                 f"{path}:{source.texts[path].line_of(start)}")
            for start, end in sentences(text)
            if not any(tag.start < end and start < tag.end for tag in tags))
    return source


def _tag_units(path: str, split: str, tags: list[Tag], mapping: dict[str, Any],
               index: LineIndex) -> Iterator[Unit]:
    for tag in tags:
        entry = mapping.get(tag.family, {})
        items = frozenset(entry.get("items") or ())
        family = str(entry.get("family", "other"))
        label = f"{tag.family}{tag.level} {path}:{index.line_of(tag.start)}"
        if tag.level == 1:
            kind = MUST_NOT
        elif tag.level == 2:
            kind = LEVEL2
        else:
            kind = MUST if items else UNCOVERED
        yield Unit("claudette", kind, path, tag.start, tag.end, family, split,
                   items or None, label)


# --- hand annotations --------------------------------------------------------------------

def hand(corpus: Path = CORPUS, annotations: Path = HAND) -> Source:
    source = Source("hand")
    for entry in yaml.safe_load(annotations.read_text(encoding="utf-8"))["files"]:
        path = str(entry["path"])
        if not (corpus / path).is_file():
            continue
        content, text = _read(corpus / path)
        index = LineIndex(text)
        split = split_of(str(entry.get("split_key", path)))
        document = Document(path, content, str(entry["loader"]), entry.get("doc_type"))
        if path.startswith(f"{CLAUDETTE}/"):  # linted and judged by `claudette` too
            source.overlay_paths.add(path)
            source.overlay_documents.append(document)
        else:
            source.documents.append(document)
        source.texts[path] = index
        source.splits[path] = split
        source.judged_paths.add(path)
        for kind, key in ((MUST, "prohibited"), (MUST_NOT, "compliant")):
            for annotation in entry.get(key) or ():
                source.units.append(_hand_unit(kind, path, split, index, annotation))
        for skipped in entry.get("skipped") or ():
            start, end = index.line_range(int(skipped["line"]))
            source.units.append(Unit("hand", SKIPPED, path, start, end, "other", split, None,
                                     f"skipped {path}:{skipped['line']}"))
    return source


def _hand_unit(kind: str, path: str, split: str, index: LineIndex,
               annotation: dict[str, Any]) -> Unit:
    line = _anchored_line(index, int(annotation["line"]), str(annotation["line_sha256"]), path)
    start, end = index.line_range(line)
    items = [str(annotation["item"])] if kind == MUST else [str(i) for i in annotation["items"]]
    label = f"{'/'.join(items)} {path}:{line}"
    return Unit("hand", kind, path, start, end, item_family(items[0]), split,
                frozenset(items) if kind == MUST else None, label)


def line_digest(line: str) -> str:
    """What an annotation keeps of the line it judges: a digest, never the corpus's words
    (the corpus stays out of this repository), enough to find the line again if it moved."""
    return hashlib.sha256(_norm(line).encode()).hexdigest()[:12]


def _anchored_line(index: LineIndex, line: int, digest: str, path: str) -> int:
    """The annotated line, or the nearest line with the same digest if the file moved."""
    lines = index.text.split("\n")
    if line <= len(lines) and line_digest(lines[line - 1]) == digest:
        return line
    found = [number for number, text in enumerate(lines, 1) if line_digest(text) == digest]
    if not found:
        raise SystemExit(f"annotations/hand.yaml: {path}:{line} is not the line annotated "
                         f"(line_sha256 {digest} matches no line of the file)")
    return min(found, key=lambda number: abs(number - line))


# --- paraphrases -------------------------------------------------------------------------

def paraphrases(path: Path = PARAPHRASES, name: str = "paraphrases",
                prefix: str = "p") -> Source:
    """Each sentence of a paraphrase set as its own document, `prefix/doc_type/NNNN.txt`
    (a prefix per set, so that the sets' documents never share a path)."""
    source = Source(name)
    if not path.is_file():
        return source
    for number, (item, doc_type, kind, sentence) in enumerate(_paraphrase_rows(path), 1):
        folder = doc_type or "untyped"
        document = f"{prefix}/{folder}/{number:04d}.txt"
        content = f"{sentence}\n".encode()
        split = split_of(sentence)
        source.documents.append(Document(document, content, "text", doc_type))
        index = LineIndex(content.decode())
        source.texts[document] = index
        source.splits[document] = split
        source.judged_paths.add(document)
        items = frozenset({item}) if item.startswith("P-") else None
        source.units.append(Unit(source.name, kind, document, 0, len(sentence),
                                 item_family(item), split, items if kind == MUST else None,
                                 f"{item} {document}"))
    return source


def _paraphrase_rows(path: Path) -> Iterator[tuple[str, str | None, str, str]]:
    """(item, doc_type, MUST | MUST_NOT, sentence) for every sentence of the file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("items", data) if isinstance(data, dict) else data
    entries = items.items() if isinstance(items, dict) else (
        (entry.get("item") or entry.get("id"), entry) for entry in items)
    for item, entry in entries:
        default_type = entry.get("doc_type")
        for kind, key in ((MUST, "prohibited"), (MUST_NOT, "compliant")):
            for sentence in entry.get(key) or ():
                if isinstance(sentence, dict):
                    yield (str(item), sentence.get("doc_type", default_type), kind,
                           str(sentence["text"]).strip())
                else:
                    yield str(item), default_type, kind, str(sentence).strip()
