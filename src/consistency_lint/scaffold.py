"""`consistency-lint init`: a configuration, a facts registry and an example house-style
rule pack for a content repository, with channels for the kinds of files it already has.
Existing files are never overwritten, and nothing is written through a symbolic link."""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from wcmatch import glob

from consistency_lint.config import CONFIG_FILE_NAME
from consistency_lint.errors import UsageError

# Kind of content -> (channel name, loader, glob, profile)
CHANNEL_KINDS = (
    ("web", "html", "**/*.html", "web"),
    ("kb", "markdown", "**/*.md", "call-center"),
    ("faq", "faq", "**/faq*.yaml", "faq"),
    ("letters", "template", "**/*.j2", "letter"),
    ("documents", "docx", "**/*.docx", "letter"),
    ("texts", "text", "**/*.txt", "web"),
)
FACTS = """\
# The facts registry: the source of truth that every channel is compared with.
subjects:
  company:
    name: Nasza Firma sp. z o.o.
    aliases: ["Nasza Firma"]
facts:
  - {subject: company, attribute: hotline, value: "22 000 00 00"}
  - {subject: company, attribute: withdrawal_period, value: "14 dni"}
  - {subject: company, attribute: complaint_response_deadline, value: "14 dni"}
"""
HOUSE_STYLE = """\
# An example rule pack: house terminology. See "Writing rule packs" in the README.
pack: house-style
language: pl
rules:
  - id: HOUSE-EMAIL-SPELLING
    category: terminology
    severity: warning
    message: {pl: "Piszemy „e-mail”.", en: "We write \\"e-mail\\"."}
    why: "One spelling of the word in every channel."
    forbid:
      any: ["=email", "=emaila", "=emailem"]
    examples:
      fail: [{text: "Napisz do nas email."}]
      pass: [{text: "Napisz do nas e-mail."}]
"""


@dataclass(frozen=True)
class ScaffoldResult:
    created: list[str]
    kept: list[str]
    channels: list[str]


def scaffold(directory: Path) -> ScaffoldResult:
    channels = [kind for kind in CHANNEL_KINDS
                if glob.glob(kind[2], root_dir=str(directory), flags=glob.GLOBSTAR)]
    files = {
        CONFIG_FILE_NAME: _configuration(channels or [CHANNEL_KINDS[0]]),
        "facts.yaml": FACTS,
        "rules/house-style.yaml": HOUSE_STYLE,
    }
    created: list[str] = []
    kept: list[str] = []
    for name, text in files.items():
        (created if _create(directory, name, text) else kept).append(name)
    return ScaffoldResult(created, kept, [kind[0] for kind in channels])


def _create(directory: Path, name: str, text: str) -> bool:
    """Create the file `name` (a relative POSIX path) under `directory`; False when an entry
    of that name exists, even a dangling link. Neither the file nor a folder on its way is
    ever reached through a symbolic link in the repository: a planted `rules -> /elsewhere`
    raises UsageError instead of writing outside the project."""
    *folders, file_name = name.split("/")
    descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for folder in folders:
            inner = _enter(descriptor, folder, name)
            os.close(descriptor)
            descriptor = inner
        file = os.open(file_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                       0o666, dir_fd=descriptor)
    except FileExistsError:
        return False
    except OSError as error:
        raise UsageError(f"cannot create {name}: {error.strerror}", str(directory)) from None
    finally:
        os.close(descriptor)
    with os.fdopen(file, "w", encoding="utf-8") as stream:
        stream.write(text)
    return True


def _enter(parent: int, folder: str, name: str) -> int:
    """A descriptor of the directory `folder` in `parent`, created when missing."""
    with suppress(FileExistsError):
        os.mkdir(folder, dir_fd=parent)
    try:
        return os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
    except OSError:  # ELOOP for a link, ENOTDIR for a file
        raise UsageError(f"refusing to create {name}: {folder} is a symbolic link or not a "
                         "directory") from None


def _configuration(channels: list[tuple[str, str, str, str]]) -> str:
    lines = [
        "# consistency-lint configuration; see the README for every key.",
        "version: 1",
        "language: pl",
        "facts: facts.yaml",
        "rules:",
        "  - builtin:pl-consumer-rights-2014",
        "  - builtin:tone-pl",
        "  - rules/house-style.yaml",
        "governance:",
        "  require_owner: false",
        "channels:",
    ]
    for name, loader, pattern, profile in channels:
        lines += [f"  {name}:", f"    loader: {loader}", f'    paths: ["{pattern}"]',
                  f"    profile: {profile}"]
    return "\n".join(lines) + "\n"
