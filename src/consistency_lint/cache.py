"""The content-hash cache (`.consistency-lint-cache/` in the project): per-document results
keyed by the file's bytes and everything that shapes them (configuration, registry, rule
packs, dictionary, variables, tool version), so an unchanged file is not processed again.

Writes are atomic (a temporary file renamed into place), so concurrent runs are safe; an
unreadable or corrupt entry is ignored and rebuilt; a read-only project runs uncached."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from consistency_lint import __version__
from consistency_lint.config import Config

CACHE_DIR = ".consistency-lint-cache"
FORMAT_VERSION = "1"
T = TypeVar("T")


@dataclass(frozen=True)
class DocumentCache(Generic[T]):
    directory: Path
    run_key: str

    @classmethod
    def for_config(cls, config: Config,
                   pack_digests: tuple[tuple[str, str], ...]) -> DocumentCache[T]:
        return cls(config.root / CACHE_DIR, _run_key(config, pack_digests))

    def key(self, identity: str, raw: bytes) -> str:
        digest = hashlib.sha256()
        for part in (self.run_key, identity):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str) -> T | None:
        try:
            with (self.directory / key[:2] / key).open("rb") as handle:
                value: T = pickle.load(handle)  # only files this cache wrote itself
        except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: rebuild
            return None
        return value

    def put(self, key: str, value: T) -> None:
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(folder / key)
        except OSError:
            return  # a read-only project runs without a cache


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
