"""Where the built-in YAML data (`rules/` in the repository) lives at run time."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

DEFAULT_LANGUAGE = "pl"  # content is Polish unless the configuration says otherwise


@cache
def builtin_rules_dir() -> Path:
    """The packaged copy of `rules/`; in a source checkout (editable install), `rules/` itself."""
    packaged = Path(__file__).parent / "builtin_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@cache
def builtin_data_digest() -> str:
    """A digest of every built-in data file: per-document results depend on the attributes,
    vocabularies and language profiles as much as on the tool's code, and an editable install
    changes them without changing the version."""
    digest = hashlib.sha256()
    root = builtin_rules_dir()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def load_builtin_yaml(relative: str) -> dict[str, object]:
    """A built-in data file; these ship with the tool, so a malformed one is a bug."""
    with (builtin_rules_dir() / relative).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise TypeError(f"built-in data file {relative} must be a mapping")
    return data


@cache
def languages() -> tuple[str, ...]:
    """The languages the tool reads: one profile each in `rules/language/`, the default first
    (messages list them in this order)."""
    found = sorted(path.stem for path in (builtin_rules_dir() / "language").glob("*.yaml"))
    return tuple(sorted(found, key=lambda language: language != DEFAULT_LANGUAGE))


def _known_language(value: object) -> object:
    """`value` if it names a language of `rules/language/`; else pydantic's own wording for a
    value outside a fixed set, so that adding a language file is all it takes."""
    if isinstance(value, str) and value in languages():
        return value
    *others, last = (repr(language) for language in languages())
    expected = f"{', '.join(others)} or {last}" if others else last
    raise PydanticCustomError("literal_error", "Input should be {expected}",
                              {"expected": expected})


# A language name in configuration or packs: one of the files of `rules/language/`.
Language = Annotated[str, BeforeValidator(_known_language)]


@cache
def builtin_doc_types() -> dict[str, str]:
    """The document types the built-in packs know, each with what it is."""
    types = load_builtin_yaml("documents/doc_types.yaml")["doc_types"]
    assert isinstance(types, dict)
    return {str(name): str(description) for name, description in types.items()}
