"""Which files changed since a git ref (`--changed-since`), relative to the project root."""

from __future__ import annotations

import subprocess
from pathlib import Path

from consistency_lint.errors import UsageError


def changed_files(root: Path, ref: str) -> frozenset[str]:
    """Files changed since `ref` (committed, staged or not) and untracked files."""
    if ref.startswith("-"):
        raise UsageError(f"--changed-since: `{ref}` is not a git ref")
    if head_commit(root) is None:
        raise UsageError(f"--changed-since: {root} is not in a git repository with commits; "
                         "run without --changed-since, or from a clone")
    changed = _git(root, "diff", "--name-only", "--relative", ref, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    return frozenset(line for line in (*changed, *untracked) if line)


def head_commit(root: Path) -> str | None:
    """The commit the content repository is at, for audit reports; None outside git."""
    try:
        return _git(root, "rev-parse", "HEAD")[0]
    except (UsageError, IndexError):
        return None


def has_uncommitted_changes(root: Path) -> bool:
    """Whether tracked files differ from the commit, so that an audit does not present
    edited content as the committed version."""
    try:
        return bool(_git(root, "status", "--porcelain", "--untracked-files=no"))
    except UsageError:
        return False


def _git(root: Path, *arguments: str) -> list[str]:
    try:
        completed = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True,
                                   text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"--changed-since needs git: {error}") from None
    if completed.returncode != 0:
        message = completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else ""
        raise UsageError(f"--changed-since: git failed: {message}") from None
    return completed.stdout.splitlines()
