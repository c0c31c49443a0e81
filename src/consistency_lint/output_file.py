"""Where a report (or baseline) may be written: never onto content, the tool's own files,
anything under `.git/`, or through a symbolic link a content repository could have planted;
and a file always atomically, so an interrupted run leaves the old file or the new one."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from consistency_lint.config import Config
from consistency_lint.errors import UsageError
from consistency_lint.globs import matches


def checked_output(config: Config, output: Path, baseline: Path | None = None) -> Path:
    """`output` as an absolute path, or UsageError when writing there could destroy or plant
    something: the report must only ever create or replace a file the user named, or write
    into a device or pipe (/dev/null, /dev/stdout), and never replace the `baseline` the run
    reads."""
    absolute = absolute_path(output)
    link = _planted_link(config.root, absolute)
    if link is not None:
        raise _refused(output, f"{link} is a symbolic link")
    _check_kind(output, absolute, baseline)
    resolved = Path(os.path.realpath(absolute))
    if resolved.is_relative_to(config.root):
        _check_not_project_file(config, output, resolved.relative_to(config.root).as_posix())
    return absolute


def _planted_link(root: Path, path: Path) -> str | None:
    """The first symbolic link on `path` that lies inside the project `root` once the links
    before it are followed ("it" when it is `path` itself), however `path` reaches the
    project; links outside the project are the user's own (/dev/stdout, a link to another
    disk)."""
    located = Path(path.anchor)
    for depth, part in enumerate(path.parts[1:], start=2):
        located = Path(os.path.realpath(located)) / part
        if located.is_relative_to(root) and located.is_symlink():
            return "it" if depth == len(path.parts) else located.relative_to(root).as_posix()
    return None


def _check_kind(output: Path, absolute: Path, baseline: Path | None) -> None:
    """An existing target must be a regular file (replaced), or a character device or pipe
    (written into); not the baseline this run reads."""
    mode = _mode(absolute)
    if mode is None:
        return
    if stat.S_ISDIR(mode):
        raise _refused(output, "it is a directory")
    if not (stat.S_ISREG(mode) or _is_stream(mode)):
        raise _refused(output, "it is neither a regular file nor a character device or pipe")
    if baseline is not None and _same_file(absolute, baseline):
        raise _refused(output, "it is the baseline this run reads")


def absolute_path(path: Path) -> Path:
    """`path` made absolute and normalised, with its symbolic links left unresolved so that
    they can be inspected."""
    return Path(os.path.abspath(path))  # noqa: PTH100 - Path.resolve() would follow links


def _check_not_project_file(config: Config, output: Path, relative: str) -> None:
    if relative == ".git" or relative.startswith(".git/"):
        raise _refused(output, "it is inside .git/")
    if relative in config.own_files:
        raise _refused(output, "it is a file that configures consistency-lint")
    for channel in config.channels.values():
        if matches(relative, channel.settings.paths) and not matches(relative,
                                                                    config.model.ignore):
            raise _refused(output, f"it is content of the `{channel.name}` channel")


def _refused(output: Path, reason: str) -> UsageError:
    return UsageError(f"refusing to write the report to {output}: {reason}", "--output")


def write_atomically(path: Path, render: Callable[[TextIO], None]) -> None:
    """Render into a temporary file beside the file `path` names (following the links that
    checked_output let pass), then rename it into place; a character device or pipe is
    written into instead, never replaced by a file. Raises OSError."""
    mode = _mode(path)
    if mode is not None and _is_stream(mode):
        with path.open("w", encoding="utf-8") as stream:
            render(stream)
        return
    target = Path(os.path.realpath(path))
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            render(stream)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode(path: Path) -> int | None:
    """The file type and permissions `path` leads to; None when there is nothing (yet)."""
    try:
        return path.stat().st_mode
    except OSError:
        return None


def _is_stream(mode: int) -> bool:
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False
