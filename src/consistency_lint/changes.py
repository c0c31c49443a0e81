"""What `--changed-since REF` reports.

A change to content files reports every finding in those files. A change to the tool's own
files (configuration, facts registry, rule packs, dictionary, template variables) affects
every document: every document is checked, and in the files the change did not touch the
findings it made are reported, those whose fingerprint the project at REF did not have.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from consistency_lint.config import Config, load_config
from consistency_lint.errors import ConsistencyLintError
from consistency_lint.git_changes import changed_files, tree_at
from consistency_lint.model import NOT_PROPAGATED, Finding

FingerprintsOf = Callable[[Config], frozenset[str]]  # runs the check on a configuration


@dataclass(frozen=True)
class ChangeScope:
    """Which documents a run checks and which of their findings it reports."""

    touched: frozenset[str] | None = None  # files changed since the ref; None: no ref
    own_files_changed: bool = False
    known_before: frozenset[str] = frozenset()  # fingerprints of the findings at the ref
    warnings: tuple[str, ...] = ()

    def checks(self, path: str) -> bool:
        return self.touched is None or self.own_files_changed or path in self.touched

    def reports(self, finding: Finding) -> bool:
        return (self.touched is None or finding.path in self.touched
                or finding.rule == NOT_PROPAGATED
                or finding.fingerprint not in self.known_before)


def change_scope(config: Config, ref: str | None,
                 fingerprints_of: FingerprintsOf) -> ChangeScope:
    """The scope of a run on `config` with `--changed-since ref`; `fingerprints_of` checks
    the project at the ref when the change touched the tool's own files."""
    if ref is None:
        return ChangeScope()
    touched = changed_files(config.root, ref)
    if not touched & config.own_files:
        return ChangeScope(touched)
    try:
        with tree_at(config.root, ref) as tree:
            known_before = fingerprints_of(load_config(tree, tree / config.source))
    except ConsistencyLintError as error:
        reason = " ".join(str(error).split())
        return ChangeScope(touched, own_files_changed=True, warnings=(
            f"--changed-since: the project at `{ref}` cannot be checked ({reason}); "
            "reporting every finding in every file",))
    return ChangeScope(touched, own_files_changed=True, known_before=known_before)
