"""Keep Python from importing code out of the directory the tool runs in.

CI runs the tool inside an untrusted content repository: with `python -m consistency_lint`
the current directory comes first on `sys.path`, so a planted `typer.py` or `yaml.py` would
run with the job's rights; child interpreters (dask's spawned workers, started with `-c`)
put it there too. This module imports nothing outside the standard library.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SAFE_PATH_VARIABLE = "PYTHONSAFEPATH"  # Python 3.11+: no script or working directory entry


def forbid_working_directory_imports() -> None:
    """Drop the working directory from `sys.path` (as `''` or as its path), unless this
    package was itself found there (a source checkout run from its `src/`), and make every
    child interpreter start as if with `python -P`."""
    os.environ[SAFE_PATH_VARIABLE] = "1"
    try:
        working = os.path.realpath(Path.cwd())
    except OSError:  # a deleted working directory: nothing can be imported from it
        return
    installed = os.path.realpath(Path(__file__).parent.parent)
    if working == installed:
        return
    sys.path[:] = [entry for entry in sys.path
                   if os.path.realpath(entry or working) != working]
