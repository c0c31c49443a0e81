"""Find, read and validate the configuration; resolve every path it names.

Sources, first found wins: `--config FILE`, `PROJECT_DIR/consistency-lint.yaml`,
`[tool.consistency-lint]` in `PROJECT_DIR/pyproject.toml`.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, cast

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from consistency_lint.builtin_data import DEFAULT_LANGUAGE, Language, load_builtin_yaml
from consistency_lint.errors import ConfigError, ConfigNotFoundError
from consistency_lint.globs import check_pattern
from consistency_lint.loaders import LoaderName
from consistency_lint.model import (
    PLACEHOLDER_SYNTAXES,
    Audience,
    Category,
    Offer,
    PlaceholderSyntax,
    Sector,
    Seller,
)
from consistency_lint.project_links import leads_out_of, project_directory
from consistency_lint.reading import RefusedFileError, read_regular_file
from consistency_lint.yaml_loading import YamlDocument, YamlError, load_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)
CONFIG_FILE_NAME = "consistency-lint.yaml"
PYPROJECT_TABLE = "consistency-lint"

Profile = Literal["web", "faq", "call-center", "letter", "marketing", "legal"]
# How a text addresses its reader: "Ty" ("możesz", "Twoje") or "Pan/Pani/Państwo".
Register = Literal["informal", "formal"]
ALL_REGISTERS: frozenset[str] = frozenset({"informal", "formal"})
# Profiles of channels the business's staff read, not its customers: a knowledge base's
# "Podawaj zawsze koszt dostawy" tells the agent what to do, and a script's "[imię i
# nazwisko]" is a slot the agent fills while speaking
STAFF_PROFILES: frozenset[str] = frozenset({"call-center"})
DEFAULT_ANNOUNCE_DAYS = 14
MAX_REVIEW_DAYS = 36_500  # a hundred years
MAX_FILE_SIZE_MB = 1024
# Files people write by hand; a registry of every product of a large shop is a few MB.
MAX_TOOL_FILE_BYTES = 16 * 2**20


def _off_as_written(value: object) -> object:
    """YAML 1.1 reads an unquoted `off` as false; the README tells users to write it so."""
    return "off" if value is False else value


SeverityOverride = Annotated[Literal["error", "warning", "info", "off"],
                             BeforeValidator(_off_as_written)]
Pattern = Annotated[str, AfterValidator(check_pattern)]
NonEmptyPatterns = Annotated[list[Pattern], Field(min_length=1)]


def _one_or_many(value: object) -> object:
    """`offer: goods` is `offer: [goods]`."""
    return [value] if isinstance(value, str) else value


Offers = Annotated[list[Offer], BeforeValidator(_one_or_many), Field(min_length=1)]
Audiences = Annotated[list[Audience], BeforeValidator(_one_or_many), Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TradeModel(_Strict):
    """What the content sells and to whom (`model/trade.py`), where the text alone does not
    say it well: project-wide, per channel, or in a document's front matter (which wins)."""

    offer: Offers | None = None
    audience: Audiences | None = None
    sector: Sector | None = None
    seller: Seller | None = None


class GovernanceModel(_Strict):
    require_owner: bool = False
    review_every_days: Annotated[int, Field(gt=0, le=MAX_REVIEW_DAYS)] | None = None
    # a dated registry value is announced this many days before it takes effect: the places
    # still stating the value it replaces are warned of (0: not announced)
    announce_days: Annotated[int, Field(ge=0, le=MAX_REVIEW_DAYS)] = DEFAULT_ANNOUNCE_DAYS
    # the channel (a call-center knowledge base) states a coming value before it takes effect
    state_coming_values: bool = False


class ChannelModel(TradeModel):
    loader: LoaderName
    paths: NonEmptyPatterns
    profile: Profile | None = None
    # the registers the channel accepts, narrowing its profile's (rules/tone/profiles.yaml)
    registers: list[Register] | None = None
    language: Language | None = None
    doc_types: dict[str, list[Pattern]] = {}
    variables: str | None = None
    governance: GovernanceModel | None = None
    placeholders: list[PlaceholderSyntax] = list(PLACEHOLDER_SYNTAXES)
    owner: str | None = None  # who answers for the channel's documents (CONTRACT §7)


class ConfigModel(TradeModel):
    version: Literal[1]
    language: Language = DEFAULT_LANGUAGE
    facts: str | None = None
    rules: list[str] = []
    dictionary: str | None = None
    severity: dict[str, SeverityOverride] = {}
    ignore: list[Pattern] = []
    governance: GovernanceModel = GovernanceModel()
    max_file_size_mb: Annotated[float, Field(gt=0, le=MAX_FILE_SIZE_MB,
                                             allow_inf_nan=False)] = 10.0
    pipelines: dict[Language, str] = {}
    channels: Annotated[dict[str, ChannelModel], Field(min_length=1)]


@dataclass(frozen=True)
class Channel:
    """A channel with its settings resolved against the project."""

    name: str
    settings: ChannelModel
    language: Language
    governance: GovernanceModel
    allowed_variables: frozenset[str] | None

    @property
    def registers(self) -> frozenset[str]:
        """The registers the channel accepts: its own, else its profile's, else both."""
        if self.settings.registers is not None:
            return frozenset(self.settings.registers)
        profile = self.settings.profile
        if profile is None:
            return ALL_REGISTERS
        return _profile_registers().get(profile, ALL_REGISTERS)


@cache
def _profile_registers() -> dict[str, frozenset[str]]:
    """Each built-in tone profile's accepted registers (rules/tone/profiles.yaml)."""
    profiles = cast(dict[str, dict[str, Any]], load_builtin_yaml("tone/profiles.yaml")["profiles"])
    return {name: frozenset(settings.get("registers", ALL_REGISTERS))
            for name, settings in profiles.items()}


@dataclass(frozen=True)
class Config:
    root: Path
    source: str
    model: ConfigModel
    channels: Mapping[str, Channel]
    yaml: YamlDocument | None = field(default=None, repr=False)
    # `pipelines:` checked: per language, an installed spaCy pipeline's name or the absolute
    # path of a pipeline directory inside the project
    pipeline_models: Mapping[str, str] = field(default_factory=dict)

    def line_of(self, location: Sequence[str | int]) -> int | None:
        """Line in the configuration file of a key; None for pyproject.toml sources."""
        return self.yaml.line_of(location) if self.yaml else None

    def key_line_of(self, location: Sequence[str | int]) -> int | None:
        """Line of the key at `location`; None for pyproject.toml sources."""
        return self.yaml.key_line_of(location) if self.yaml else None

    def error(self, message: str, location: Sequence[str | int] = ()) -> ConfigError:
        return ConfigError(message, self.source, self.line_of(location))

    @property
    def max_file_bytes(self) -> int:
        return int(self.model.max_file_size_mb * 1024 * 1024)

    @property
    def own_files(self) -> frozenset[str]:
        """Project-relative paths of the files that configure the tool; never content."""
        model = self.model
        names = [self.source, model.facts, model.dictionary,
                 *(pack for pack in model.rules if not pack.startswith("builtin:")),
                 *(channel.settings.variables for channel in self.channels.values())]
        return frozenset(Path(name).as_posix() for name in names if name)

    def severity_override(self, rule: str, category: Category) -> SeverityOverride | None:
        overrides = self.model.severity
        return overrides.get(rule) or overrides.get(category.value)


def load_config(project_dir: Path, explicit: Path | None = None) -> Config:
    """Locate and validate the configuration for `project_dir` (a directory or a file in
    it), looking in its parent directories too, as ruff and Vale do; raise ConfigError."""
    if not project_dir.exists():
        raise ConfigError("project directory does not exist", str(project_dir))
    if explicit is not None:
        _refuse_link_leaving(explicit, project_directory(project_dir))
        return _load_config_file(explicit)
    start = Path(os.path.realpath(project_dir))
    for directory in [start, *start.parents] if start.is_dir() else start.parents:
        yaml_path = directory / CONFIG_FILE_NAME
        if yaml_path.is_file():
            _refuse_link_leaving(yaml_path, directory)
            return _load_config_file(yaml_path)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            _refuse_link_leaving(pyproject, directory)
            table = _read_pyproject_table(pyproject)
            if table is not None:
                return _build_config(table, pyproject.parent, "pyproject.toml", None)
    raise ConfigNotFoundError(
        f"no configuration found here or in a parent directory: create {CONFIG_FILE_NAME} "
        f"or a [tool.{PYPROJECT_TABLE}] table in pyproject.toml, or pass --config FILE",
        str(project_dir),
    )


def _refuse_link_leaving(path: Path, project: Path) -> None:
    """A configuration in a content repository must not be a link to a file outside it (say
    /etc/passwd): reading it could put that file's text into error messages."""
    if leads_out_of(path, project):
        raise ConfigError("symbolic link leads outside the project; not read", path.name)


def _load_config_file(path: Path) -> Config:
    if path.name == "pyproject.toml":
        table = _read_pyproject_table(path)
        if table is None:
            raise ConfigError(f"no [tool.{PYPROJECT_TABLE}] table", path.name)
        return _build_config(table, path.parent, path.name, None)
    text = _read_text(path, path.name)
    try:
        document = load_yaml(text)
    except YamlError as error:
        raise ConfigError(error.message, path.name, error.line) from None
    if not isinstance(document.data, dict):
        raise ConfigError("the configuration must be a YAML mapping", path.name, 1)
    return _build_config(document.data, path.parent, path.name, document)


def _read_pyproject_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(_read_text(path, path.name))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"invalid TOML: {error}", path.name) from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise ConfigError("invalid TOML: values nested too deeply", path.name) from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError("[tool] must be a table", path.name)
    table = tool.get(PYPROJECT_TABLE)
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"[tool.{PYPROJECT_TABLE}] must be a table", path.name)
    return table


def _read_text(path: Path, shown_as: str) -> str:
    try:
        return read_tool_file(path, shown_as).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(f"cannot read file: {error}", shown_as) from None


def read_tool_file(path: Path, shown_as: str) -> bytes:
    """The bytes of a file that configures the tool (configuration, registry, rule pack,
    dictionary, variables), through the one reader every file goes through; ConfigError
    naming `shown_as` when it cannot or must not be read."""
    try:
        return read_regular_file(path, MAX_TOOL_FILE_BYTES)
    except RefusedFileError as error:
        raise ConfigError(error.message, shown_as) from None
    except OSError as error:
        raise ConfigError(f"cannot read file: {_reason(error)}", shown_as) from None


def _reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


ErrorPrefix = Callable[[tuple[str | int, ...], YamlDocument], str]


def read_yaml_model(path: Path, shown_as: str, model: type[ModelT],
                    error_prefix: ErrorPrefix | None = None) -> tuple[ModelT, YamlDocument]:
    """Read a YAML file of the project (registry, rule pack) into a pydantic model; every
    problem is one ConfigError with the file and line."""
    try:
        document = load_yaml(_read_text(path, shown_as))
    except YamlError as error:
        raise ConfigError(error.message, shown_as, error.line) from None
    try:
        return model.model_validate(document.data or {}), document
    except ValidationError as error:
        raise validation_error(error, shown_as, document, error_prefix) from None


def validation_error(error: ValidationError, shown_as: str, document: YamlDocument | None,
                     error_prefix: ErrorPrefix | None = None) -> ConfigError:
    """The first validation problem as `file:line: key.path: message`."""
    first = error.errors()[0]
    location = tuple(first["loc"])
    where = ".".join(str(part) for part in location) or "configuration"
    prefix = error_prefix(location, document) if error_prefix and document else ""
    line = document.line_of(location) if document else None
    message = str(first["msg"]).removeprefix("Value error, ")
    return ConfigError(f"{prefix}{where}: {message}", shown_as, line)


def _build_config(
    data: dict[str, Any], root: Path, source: str, document: YamlDocument | None
) -> Config:
    try:
        model = ConfigModel.model_validate(data)
    except ValidationError as error:
        raise validation_error(error, source, document) from None
    config = Config(root.resolve(), source, model, {}, document)
    _check_project_paths(config)
    channels = {name: _resolve_channel(config, name, settings)
                for name, settings in model.channels.items()}
    return Config(config.root, source, model, channels, document, {
        str(language): _pipeline_model(config, str(language), name)
        for language, name in model.pipelines.items()})


def _check_project_paths(config: Config) -> None:
    model = config.model
    for key in ("facts", "dictionary"):
        value = getattr(model, key)
        if value is not None:
            project_file(config, value, (key,))
    for index, pack in enumerate(model.rules):
        if not pack.startswith("builtin:"):
            project_file(config, pack, ("rules", index))


def project_file(config: Config, relative: str, location: Sequence[str | int]) -> Path:
    """The existing file `relative` inside the project root, or a ConfigError at `location`."""
    path = project_path(config, relative, location)
    if not path.is_file():
        raise config.error(f"file not found: {relative}", location)
    return path


def project_path(config: Config, relative: str, location: Sequence[str | int]) -> Path:
    """`relative` resolved against the project root; refuses paths that leave the project."""
    candidate = Path(relative)
    # realpath, unlike Path.resolve(), does not raise on symbolic-link loops
    resolved = Path(os.path.realpath(config.root / candidate))
    if candidate.is_absolute() or not resolved.is_relative_to(config.root):
        raise config.error(f"path leaves the project directory: {relative}", location)
    return resolved


def _pipeline_model(config: Config, language: str, name: str) -> str:
    """`name` if it is an installed spaCy pipeline, else the absolute path of the pipeline
    directory inside the project it names. Loading a pipeline imports its package or parses
    its files, so any other installed module (`pip`) or a directory outside the project is
    refused."""
    if name in _installed_spacy_pipelines():
        return name
    location = ("pipelines", language)
    expected = (f"pipelines.{language} must name an installed spaCy pipeline package or a "
                "pipeline directory inside the project")
    directory = Path(os.path.realpath(config.root / name))
    if Path(name).is_absolute() or not directory.is_relative_to(config.root):
        raise config.error(f"spaCy pipeline `{name}` is outside the project: {expected}",
                           location)
    if not directory.is_dir():
        raise config.error(f"spaCy pipeline `{name}` is not installed: {expected}", location)
    _check_pipeline_files(config, directory, name, location)
    return str(directory)


def _installed_spacy_pipelines() -> frozenset[str]:
    """Packages registered as spaCy pipelines (the `spacy_models` entry points every `spacy
    package` declares), found without importing any of them."""
    from importlib.metadata import entry_points  # here: it takes a while to import

    return frozenset(entry.name for entry in entry_points(group="spacy_models"))


def _check_pipeline_files(config: Config, directory: Path, name: str,
                          location: Sequence[str | int]) -> None:
    """spaCy reads every file of a pipeline directory: a link in it (meta.json to /dev/zero,
    or out of the project) or a special file is refused."""
    for folder, folders, files in os.walk(directory):
        for entry_name in (*folders, *files):
            entry = Path(folder, entry_name)
            mode = entry.lstat().st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                relative = entry.relative_to(config.root).as_posix()
                raise config.error(f"spaCy pipeline `{name}`: {relative} is a symbolic link or "
                                   "not a regular file; not read", location)


def _resolve_channel(config: Config, name: str, settings: ChannelModel) -> Channel:
    for index, pattern in enumerate(settings.paths):
        project_path(config, pattern.split("*", 1)[0] or ".", ("channels", name, "paths", index))
    allowed = None
    if settings.variables is not None:
        location = ("channels", name, "variables")
        allowed = _read_variables(config, project_file(config, settings.variables, location),
                                  settings.variables)
    return Channel(
        name=name,
        settings=settings,
        language=settings.language or config.model.language,
        governance=settings.governance or config.model.governance,
        allowed_variables=allowed,
    )


def _read_variables(config: Config, path: Path, shown_as: str) -> frozenset[str]:
    """Allowed template variables: a list of dotted names, a nested mapping of names (a leaf
    is empty, a description or a sample value; a list of sample items is one name), or
    either of them under a top-level `variables:` key."""
    try:
        data = load_yaml(_read_text(path, shown_as)).data
    except YamlError as error:
        raise ConfigError(error.message, shown_as, error.line) from None
    if isinstance(data, dict) and list(data) == ["variables"]:
        data = data["variables"]
    names = _variable_names(data, "")
    if names is None:
        raise ConfigError("variables must be a list of names (`- customer.name`) or a "
                          "mapping of names (`customer: {name: }`), optionally under "
                          "`variables:`", shown_as, 1)
    return frozenset(names)


def _variable_names(data: object, prefix: str) -> list[str] | None:
    """The dotted names `data` declares, or None when it is not of a recognised shape."""
    if isinstance(data, list):
        if not all(isinstance(item, str) and item.strip() for item in data):
            return None
        return [f"{prefix}{item.strip()}" for item in data]
    if not isinstance(data, Mapping):
        return None
    names: list[str] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            names.append(name)  # sample items a template loops over (`order.items: [{…}]`)
        elif isinstance(value, Mapping | list) and value:
            nested = _variable_names(value, f"{name}.")
            if nested is None:
                return None
            names.extend(nested)
        else:
            names.append(name)  # a leaf: empty, or a description of the variable
    return names
