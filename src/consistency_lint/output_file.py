"""Where a report (or baseline) may be written: never onto content, the tool's own files,
anything under `.git/`, or through a symbolic link a content repository could have planted;
and always atomically, so an interrupted run leaves the old file or the new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from consistency_lint.config import Config
from consistency_lint.errors import UsageError
from consistency_lint.globs import matches


def checked_output(config: Config, output: Path) -> Path:
    """`output` as an absolute path, or UsageError when writing there could destroy or plant
    something: the report must only ever create or replace a file the user named."""
    absolute = absolute_path(output)
    if absolute.is_symlink():
        raise _refused(output, "it is a symbolic link")
    if absolute.is_relative_to(config.root):
        for parent in [absolute, *absolute.parents]:
            if parent == config.root:
                break
            if parent.is_symlink():
                raise _refused(output, f"{parent.relative_to(config.root)} is a symbolic link")
    if absolute.is_dir():
        raise _refused(output, "it is a directory")
    resolved = Path(os.path.realpath(absolute))
    if resolved.is_relative_to(config.root):
        _check_not_project_file(config, output, resolved.relative_to(config.root).as_posix())
    return absolute


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
    """Render into a temporary file beside `path`, then rename it into place; raises
    OSError."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            render(stream)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
