"""The document cache: per-document results keyed by the file's bytes and everything that
shapes them (configuration, registry, rule packs, dictionary, variables, tool version), so
an unchanged file is not processed again.

The cache lives outside the content tree (the user's cache directory, one folder per
project), so a cache committed to a content repository is never read. Its location may still
be writable by others (a CI cache path inside the checkout, a cache restored from a pull
request's run), so an entry is untrusted data: it is read through the capped reader (a
planted link, FIFO or huge file costs nothing), decoded against the exact types it must
hold and must name the key it was written for; a foreign, corrupt or wrongly shaped entry is
ignored and rebuilt, and no entry can make the tool run code. Writes are atomic (a temporary
file renamed into place), so concurrent runs are safe; an unwritable location runs uncached.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec
from platformdirs import user_cache_path

from consistency_lint import __version__
from consistency_lint.config import Config
from consistency_lint.reading import read_regular_file

CACHE_DIR_VARIABLE = "CONSISTENCY_LINT_CACHE_DIR"
FORMAT_VERSION = "8"  # 1 was pickle, which could run code from a planted entry; 3 added
# finding confidence, 4 the role, label and cue of facts, 5 unfilled blanks among them, 7
# keys entries by the digest of the bytes their document was computed from, 8 holds the
# findings of every document check (input, disguised text, templates too)
ENTRY_BYTES_PER_CONTENT_BYTE = 16  # an entry holds a document's text about twice, and more
MIN_ENTRY_CAP = 2**20  # per-document overhead dominates in short documents
T = TypeVar("T")
_UNSAFE_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")


def cache_home() -> Path:
    """Where every project's cache folder lives: $CONSISTENCY_LINT_CACHE_DIR, else the
    user cache directory (~/.cache/consistency-lint on Linux)."""
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    return Path(configured) if configured else user_cache_path("consistency-lint")


def project_cache_directory(root: Path) -> Path:
    """The project's own folder: its name for people, a digest of its path for uniqueness."""
    digest = hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]
    name = _UNSAFE_NAME_CHARACTERS.sub("_", root.name)[:40] or "project"
    return cache_home() / f"{name}-{digest}"


class DocumentCache(Generic[T]):
    """Entries of one value type for one project and one run configuration."""

    def __init__(self, directory: Path, run_key: str, value_type: type[T],
                 max_entry_bytes: int = MIN_ENTRY_CAP) -> None:
        self.directory = directory
        self.run_key = run_key
        self.max_entry_bytes = max_entry_bytes
        self._directory_is_link = directory.is_symlink()  # planted before the run, if at all
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder: msgspec.msgpack.Decoder[_Entry] = msgspec.msgpack.Decoder(
            _entry_type(value_type))

    @classmethod
    def for_config(cls, config: Config, pack_digests: tuple[tuple[str, str], ...],
                   value_type: type[T], project: Path | None = None) -> DocumentCache[T]:
        """The cache of `project` (default: the configuration's root; a copy of the project
        elsewhere, such as its tree at a git ref, may share the project's folder)."""
        return cls(project_cache_directory(project or config.root),
                   _run_key(config, pack_digests), value_type,
                   max(MIN_ENTRY_CAP, ENTRY_BYTES_PER_CONTENT_BYTE * config.max_file_bytes))

    def key(self, identity: str, content_sha256: str) -> str:
        """The key of the entry for a file known by `identity` whose bytes have that digest."""
        digest = hashlib.sha256()
        for part in (self.run_key, identity, content_sha256):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> T | None:
        """The value stored under `key`, or None when it is missing or not to be trusted."""
        entry = self._entry(key)
        if entry is None or entry.is_symlink():
            return None
        try:
            encoded = read_regular_file(entry, self.max_entry_bytes)
            format_version, stored_key, value = self._decoder.decode(encoded)
        except Exception:  # noqa: BLE001 - missing, not a regular file, too large, corrupt or
            return None  # foreign: rebuild
        if (format_version, stored_key) != (FORMAT_VERSION, key):
            return None
        stored: T = value
        return stored

    def put(self, key: str, value: T) -> None:
        entry = self._entry(key)
        if entry is None:
            return
        folder = entry.parent
        try:
            encoded = self._encoder.encode((FORMAT_VERSION, key, value))
        except (TypeError, OverflowError, ValueError):
            return  # metadata that plain data cannot hold: that document stays uncached
        if len(encoded) > self.max_entry_bytes:
            return  # it would not be read back
        try:
            folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(encoded)
            Path(temporary).replace(folder / key)
        except OSError:
            return  # an unwritable cache location runs without a cache

    def _entry(self, key: str) -> Path | None:
        """Where the entry of `key` lives; None when the project's folder or the key's
        subfolder is a symbolic link, which must lead neither reads nor writes elsewhere."""
        folder = self.directory / key[:2]
        if self._directory_is_link or folder.is_symlink():
            return None
        return folder / key


_Entry = tuple[str, str, Any]


def _entry_type(value_type: type[T]) -> Any:
    """(format version, key, value): the only shape an entry may have."""
    return tuple[str, str, value_type]  # type: ignore[valid-type]


def _run_key(config: Config, pack_digests: tuple[tuple[str, str], ...]) -> str:
    """Everything besides a file's own bytes that shapes its per-document results."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}\0{__version__}\0".encode())
    digest.update(config.model.model_dump_json().encode("utf-8"))
    for name in sorted(config.own_files):
        path = config.root / name
        digest.update(name.encode("utf-8") + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    for reference, pack_digest in pack_digests:
        digest.update(f"{reference}\0{pack_digest}\0".encode())
    return digest.hexdigest()
