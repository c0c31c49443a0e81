"""`consistency-lint init`: a configuration, a facts registry and an example house-style
rule pack for a content repository, with channels for the kinds of files it already has.
Existing files are never overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wcmatch import glob

from consistency_lint.config import CONFIG_FILE_NAME

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
    created, kept = [], []
    for name, text in files.items():
        path = directory / name
        if path.exists():
            kept.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(name)
    return ScaffoldResult(created, kept, [kind[0] for kind in channels])


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
