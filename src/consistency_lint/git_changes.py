"""The git side of `--changed-since` and `impact --since`: which files changed since a ref,
relative to the project root, and the project as it was at that ref. Errors are
`GitRefError`s, which the command line prefixes with the option the user gave."""

from __future__ import annotations

import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from consistency_lint.errors import UsageError

SHALLOW_FETCH_DEPTH = 50


class GitRefError(UsageError):
    """A git ref that cannot be used: the message says why, without naming the option."""


def changed_files(root: Path, ref: str) -> frozenset[str]:
    """Files changed since `ref` (committed, staged or not) and untracked files. Git runs in
    `root`, so that `--relative` and `ls-files` give paths relative to it."""
    commit = _commit_of(root, ref)
    changed = _git(root, "diff", "--name-only", "--relative", "-z", commit, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    return frozenset(name for name in (*changed.split("\0"), *untracked.split("\0")) if name)


def renamed_files(root: Path, ref: str) -> dict[str, str]:
    """The files renamed or moved since `ref`, as their path now → their path then (git's
    rename detection: a file moved with small edits is still the same file)."""
    listed = _git(root, "diff", "--name-status", "--find-renames", "--relative", "-z",
                  _commit_of(root, ref), "--").split("\0")
    renamed = {}
    index = 0
    while index < len(listed) and listed[index]:
        status = listed[index]
        if status.startswith(("R", "C")):
            if status.startswith("R"):
                renamed[listed[index + 2]] = listed[index + 1]
            index += 3
        else:
            index += 2
    return renamed


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
LineBlock = tuple[range, range]  # lines of a file rewritten: as they were, as they are


def rewritten_lines(root: Path, ref: str) -> dict[str, list[LineBlock]]:
    """Per file changed since `ref` (its path now), the blocks of lines the change rewrote:
    lines removed and lines added in one place (git's hunks without context). Lines only
    added or only removed are no rewrite. The prefixes are set and text conversion is off
    whatever the user's git settings; a path git quotes (a tab, a quote or a control
    character in its name) is left out."""
    patch = _git(root, "-c", "core.quotePath=false", "diff", "--unified=0", "--find-renames",
                 "--relative", "--no-color", "--no-ext-diff", "--no-textconv",
                 "--src-prefix=a/", "--dst-prefix=b/", _commit_of(root, ref), "--")
    blocks: dict[str, list[LineBlock]] = {}
    current: list[LineBlock] | None = None
    after_old_name = False  # a file's `+++` line follows its `---` line; a line of content
    for line in patch.splitlines():  # starting with "++ " is no header
        if after_old_name and line.startswith("+++ "):
            name = line[4:].removesuffix("\t")  # git ends a name that has a space with a tab
            current = blocks.setdefault(name[2:], []) if name.startswith("b/") else None
        elif current is not None and (hunk := _HUNK.match(line)):
            old_start, old_count, new_start, new_count = (
                int(group) if group is not None else 1 for group in hunk.groups())
            if old_count and new_count:
                current.append((range(old_start, old_start + old_count),
                                range(new_start, new_start + new_count)))
        after_old_name = line.startswith("--- ")
    return {path: found for path, found in blocks.items() if found}


def last_changed(root: Path, path: str) -> str | None:
    """The day (YYYY-MM-DD) of the last commit that changed `path` (taken literally, never
    as a pattern); None when no commit did or git cannot tell. In a shallow clone the
    oldest commit stands for all history before it (`is_shallow`)."""
    try:
        found = _run_git(root, "--literal-pathspecs", "log", "-1", "--format=%cs", "--",
                         path)
    except UsageError:
        return None
    return found.stdout.strip() or None if found.returncode == 0 else None


def is_shallow(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except UsageError:
        return True


@contextmanager
def tree_at(root: Path, ref: str) -> Iterator[Path]:
    """The directory `root` as it was at `ref`, extracted from git into a temporary directory
    that is removed afterwards; the working tree, the index and the refs are not touched."""
    top_level = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    prefix = _git(root, "rev-parse", "--show-prefix").strip()
    with tempfile.TemporaryDirectory(prefix="consistency-lint-ref-") as directory:
        _extract(top_level, f"{_commit_of(root, ref)}:{prefix}", Path(directory))
        yield Path(directory)


def head_commit(root: Path) -> str | None:
    """The commit the content repository is at, for audit reports; None outside git."""
    try:
        return _git(root, "rev-parse", "HEAD").strip() or None
    except UsageError:
        return None


def has_uncommitted_changes(root: Path) -> bool:
    """Whether tracked files differ from the commit, so that an audit does not present
    edited content as the committed version."""
    try:
        return bool(_git(root, "status", "--porcelain", "--untracked-files=no").strip())
    except UsageError:
        return False


def _commit_of(root: Path, ref: str) -> str:
    """The commit `ref` names. Only that commit's tree is needed (the diff is two-point), so
    a shallow clone works as long as it has the commit."""
    if ref.startswith("-"):
        raise GitRefError(f"`{ref}` is not a git ref")
    if head_commit(root) is None:
        raise GitRefError(f"{root} is not in a git repository with commits; "
                         "run without it, or from a clone")
    found = _run_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0:
        raise GitRefError(_fetch_advice(root, ref))
    return found.stdout.strip()


def _fetch_advice(root: Path, ref: str) -> str:
    """What to fetch when `ref` is not in the clone. A `remote/branch` ref is fetched into
    its remote-tracking ref: in a single-branch clone (what `--depth` clones and CI
    checkouts are) `git fetch origin main` would leave `origin/main` missing."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    depth = f"--depth={SHALLOW_FETCH_DEPTH} " if shallow else ""
    remote, _, branch = ref.partition("/")
    if branch and remote in _git(root, "remote").split():
        fetch = f"git fetch {depth}{remote} {branch}:refs/remotes/{ref}"
    else:
        fetch = f"git fetch {depth}origin {ref}"
    where = "this shallow clone" if shallow else "this repository"
    return f"`{ref}` is not a commit in {where}; fetch it first: {fetch}"


def _extract(root: Path, tree: str, destination: Path) -> None:
    """Stream `git archive` of `tree` into `destination`; the `tar` filter keeps every file
    inside it (symbolic links stay as committed: the loaders refuse those that leave). On
    a failure, leaving the `Popen` block closes the pipe, which ends git."""
    with tempfile.TemporaryFile() as errors:
        try:
            with subprocess.Popen(["git", "-C", str(root), "archive", "--format=tar", tree],
                                  stdout=subprocess.PIPE, stderr=errors) as process, \
                    tarfile.open(fileobj=process.stdout, mode="r|") as archive:
                archive.extractall(destination, filter="tar")
        except (tarfile.TarError, OSError) as error:
            errors.seek(0)
            reason = _last_line(errors.read().decode("utf-8", "replace")) or str(error)
            raise UsageError(f"cannot read `{tree}` from git: {reason}") from None


def _git(root: Path, *arguments: str) -> str:
    completed = _run_git(root, *arguments)
    if completed.returncode != 0:
        raise GitRefError(f"git failed: {_last_line(completed.stderr)}")
    return completed.stdout


def _run_git(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Paths come back as the file system names them (surrogate escapes for bytes that are
    not UTF-8), to match the paths discovery finds."""
    try:
        return subprocess.run(["git", "-C", str(root), *arguments], capture_output=True,
                              encoding="utf-8", errors="surrogateescape", check=False,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitRefError(f"needs git: {error}") from None


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""
