"""Which files belong to which channel, and what the pipeline should ask loaders to do."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from consistency_lint.config import Channel, Config, load_config
from consistency_lint.errors import ConfigError, ConfigNotFoundError
from consistency_lint.globs import matches
from consistency_lint.loaders import LoadRequest


def discover(config: Config) -> list[LoadRequest]:
    """Every content file with its channel, sorted; a file claimed by two channels goes to
    the first one. Broken and looping file links are kept (they become `input` findings)."""
    candidates = [name for name in _project_files(config.root)
                  if name not in config.own_files and not matches(name, config.model.ignore)]
    requests: list[LoadRequest] = []
    claimed: set[str] = set()
    for channel in config.channels.values():
        for relative in _channel_files(config, channel, candidates):
            if relative not in claimed:
                claimed.add(relative)
                requests.append(_request(config, channel, relative))
    return requests


def governing_config(path: Path) -> Config | None:
    """The configuration that governs `path` (the nearest in the directories above it);
    None outside any project. A broken one raises ConfigError."""
    try:
        return load_config(path.parent)
    except ConfigNotFoundError:
        return None


def by_project(paths: Sequence[Path], broken: dict[Path, str] | None = None,
               ) -> list[tuple[Config, list[Path]]]:
    """`paths` grouped by the project whose configuration governs each, in the order first
    met; a path outside any project is left out. A broken configuration raises
    ConfigError, or, given `broken`, is recorded there for each of its paths."""
    groups: dict[Path, tuple[Config, list[Path]]] = {}
    for path in paths:
        try:
            config = governing_config(path)
        except ConfigError as error:
            if broken is None:
                raise
            broken[path] = str(error)
            continue
        if config is not None:
            groups.setdefault(config.root, (config, []))[1].append(path)
    return list(groups.values())


def within_project(config: Config, paths: Sequence[Path]) -> dict[str, Path]:
    """Those of `paths` inside `config`'s project, by their path relative to it (the form
    findings name them by)."""
    inside = {}
    for path in paths:
        resolved = Path(os.path.realpath(path))
        if resolved.is_relative_to(config.root):
            inside[resolved.relative_to(config.root).as_posix()] = path
    return inside


def content_files_among(config: Config, paths: Sequence[Path]) -> dict[str, Path]:
    """Those of `paths` that are content files of a channel of `config`, by their path
    relative to the project."""
    content = {request.relative_path for request in discover(config)}
    return {relative: path for relative, path in within_project(config, paths).items()
            if relative in content}


def _project_files(root: Path) -> list[str]:
    """All files below `root` (hidden directories skipped), as sorted relative paths.

    os.walk does not follow directory links, so a link loop cannot make the walk endless.
    """
    found: list[str] = []
    for directory, subdirectories, file_names in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        relative_directory = Path(directory).relative_to(root)
        found.extend((relative_directory / name).as_posix() for name in file_names)
    return sorted(found)


def _channel_files(config: Config, channel: Channel, candidates: list[str]) -> list[str]:
    found: set[str] = set()
    for index, pattern in enumerate(channel.settings.paths):
        files = [name for name in candidates if matches(name, [pattern])]
        if not files:
            raise config.error(
                f"channel `{channel.name}`: pattern `{pattern}` matches no file",
                ("channels", channel.name, "paths", index),
            )
        found.update(files)
    for doc_type, patterns in channel.settings.doc_types.items():
        for index, pattern in enumerate(patterns):
            if not any(matches(name, [pattern]) for name in found):
                raise config.error(
                    f"channel `{channel.name}`: doc type `{doc_type}` pattern `{pattern}` "
                    "matches none of the channel's files, so its checks would never run",
                    ("channels", channel.name, "doc_types", doc_type, index),
                )
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
        placeholders=tuple(channel.settings.placeholders),
    )


def _doc_type(channel: Channel, relative: str) -> str | None:
    for doc_type, patterns in channel.settings.doc_types.items():
        if matches(relative, patterns):
            return doc_type
    return None
