"""Which files belong to which channel, and what the pipeline should ask loaders to do."""

from __future__ import annotations

import os
from pathlib import Path

from wcmatch import glob

from consistency_lint.config import Channel, Config
from consistency_lint.loaders import LoadRequest

GLOB_FLAGS = glob.GLOBSTAR | glob.BRACE | glob.NODIR


def discover(config: Config) -> list[LoadRequest]:
    """Every content file with its channel, sorted; a file claimed by two channels goes to
    the first one. Directory symlinks are never followed, so link loops cannot hang."""
    requests: list[LoadRequest] = []
    claimed: set[str] = set()
    for channel in config.channels.values():
        for relative in _channel_files(config, channel):
            if relative not in claimed:
                claimed.add(relative)
                requests.append(_request(config, channel, relative))
    return requests


def matches(relative_path: str, patterns: list[str] | tuple[str, ...]) -> bool:
    return bool(glob.globmatch(relative_path, list(patterns), flags=GLOB_FLAGS))


def _channel_files(config: Config, channel: Channel) -> list[str]:
    found: set[str] = set()
    for index, pattern in enumerate(channel.settings.paths):
        files = glob.glob(pattern, root_dir=str(config.root), flags=GLOB_FLAGS,
                          exclude=config.model.ignore or None)
        if not files:
            raise config.error(
                f"channel `{channel.name}`: pattern `{pattern}` matches no file",
                ("channels", channel.name, "paths", index),
            )
        found.update(Path(name).as_posix() for name in files)
    return sorted(found)


def _request(config: Config, channel: Channel, relative: str) -> LoadRequest:
    path = config.root / relative
    real = Path(os.path.realpath(path))
    return LoadRequest(
        path=path,
        relative_path=relative,
        channel=channel.name,
        loader=channel.settings.loader,
        language=channel.language,
        doc_type=_doc_type(channel, relative),
        max_bytes=config.max_file_bytes,
        outside_project=not real.is_relative_to(config.root),
    )


def _doc_type(channel: Channel, relative: str) -> str | None:
    for doc_type, patterns in channel.settings.doc_types.items():
        if matches(relative, patterns):
            return doc_type
    return None
