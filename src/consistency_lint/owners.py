"""Who answers for a file: its front matter's `owner:`, else its channel's `owner:` in the
configuration, else the last CODEOWNERS pattern that matches it (GitHub's and GitLab's
rule), its owners joined by ", "; and whether `--owner NAME` names them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from consistency_lint.config import Config
from consistency_lint.model import Document
from consistency_lint.reading import RefusedFileError, read_regular_file

# Where GitHub and GitLab look for the file, relative to the repository's root; the first
# one found counts.
CODEOWNERS_PLACES = ("CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS",
                     "docs/CODEOWNERS")
MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024  # GitHub ignores a CODEOWNERS file larger than 3 MB
# A file in a content repository is untrusted: every document is matched against the rules
# from the last, so their number and length are bounded (GitHub's own files hold hundreds).
MAX_RULES = 5_000
MAX_PATTERN_CHARACTERS = 500
# A pattern is matched by a backtracking regular expression: "*a*a*a*a*a*b" against a long
# name takes minutes. Three runs of `*` ("**/docs/**/*.md") keep a match quadratic at worst.
MAX_WILDCARD_RUNS = 3
_WILDCARD_RUN = re.compile(r"\*+")


@dataclass(frozen=True)
class CodeOwners:
    """The rules of a CODEOWNERS file: (pattern, owners), in the file's order."""

    rules: tuple[tuple[pathspec.GitIgnoreSpec, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> CodeOwners:
        """Comments and GitLab's `[Section]` headers are skipped; a pattern with no owner
        takes ownership away (it still matches, with the empty owner). Rules past
        MAX_RULES, patterns longer than MAX_PATTERN_CHARACTERS and patterns of more than
        MAX_WILDCARD_RUNS runs of `*` are left out."""
        rules: list[tuple[pathspec.GitIgnoreSpec, str]] = []
        for line in text.splitlines():
            words = line.split("#", 1)[0].split()
            if (not words or words[0].startswith(("[", "^["))
                    or len(words[0]) > MAX_PATTERN_CHARACTERS
                    or len(_WILDCARD_RUN.findall(words[0])) > MAX_WILDCARD_RUNS):
                continue
            if len(rules) == MAX_RULES:
                break
            try:
                spec = pathspec.GitIgnoreSpec.from_lines([words[0]])
            except ValueError:  # a pattern git would not accept either
                continue
            rules.append((spec, ", ".join(words[1:])))
        return cls(tuple(rules))

    def owner_of(self, path: str) -> str:
        for spec, owners in reversed(self.rules):
            if spec.match_file(path):
                return owners
        return ""


def read_codeowners(root: Path) -> CodeOwners:
    """The project's CODEOWNERS file, or no rules when it has none or it cannot be read."""
    for place in CODEOWNERS_PLACES:
        candidate = root / place
        if not candidate.is_file():
            continue
        try:
            text = read_regular_file(candidate, MAX_CODEOWNERS_BYTES).decode("utf-8", "replace")
        except (OSError, RefusedFileError):
            return CodeOwners()
        return CodeOwners.parse(text)
    return CodeOwners()


def owners_of(config: Config, documents: Sequence[Document],
              files: Sequence[str] = ()) -> dict[str, str]:
    """The owner of each document that has one (its front matter's, its channel's, or
    CODEOWNERS'), and of each of the project's other `files` CODEOWNERS names."""
    codeowners = read_codeowners(config.root)
    owners = {path: owner for path in files if (owner := codeowners.owner_of(path))}
    for document in documents:
        channel = config.channels.get(document.channel)
        declared = document.metadata.get("owner")
        owner = _owner_of(document.path, declared if isinstance(declared, str) else None,
                          channel.settings.owner if channel else None, codeowners)
        if owner:
            owners[document.path] = owner
    return owners


def owner_matches(owner: str, wanted: str) -> bool:
    """Whether `wanted` (`--owner`) is `owner` or one of the owners it lists."""
    return wanted.strip().casefold() in {part.strip().casefold()
                                         for part in (owner, *owner.split(","))}


def _owner_of(path: str, declared: str | None, channel_owner: str | None,
              codeowners: CodeOwners) -> str:
    """The owner of `path`: declared in the file, else the channel's, else CODEOWNERS'."""
    for owner in (declared, channel_owner):
        if isinstance(owner, str) and owner.strip():
            return owner.strip()
    return codeowners.owner_of(path)
