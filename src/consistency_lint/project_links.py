"""Symbolic links a content repository could have planted: a path the user gives that lies in
the project must not lead out of it (to /etc/passwd, /dev/zero, another team's files)."""

from __future__ import annotations

import os
from pathlib import Path


def project_directory(project_dir: Path) -> Path:
    """The directory of PROJECT_DIR, which may name one file of the project."""
    return project_dir if project_dir.is_dir() else project_dir.parent


def leads_out_of(path: Path, project: Path) -> bool:
    """Whether `path` lies in the directory `project` as written but outside it once its
    symbolic links are followed. A path written outside the project is the user's own
    choice, links and all."""
    real_project = Path(os.path.realpath(project))
    # normalised as written: Path.resolve() would follow the links
    written, project = (Path(os.path.normpath(Path(item).absolute())) for item in (path, project))
    inside = written.is_relative_to(project) or written.is_relative_to(real_project)
    return inside and not Path(os.path.realpath(written)).is_relative_to(real_project)
