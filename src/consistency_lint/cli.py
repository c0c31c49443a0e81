"""The command line: parse options, call the pipeline, choose the reporter, set the exit code."""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
import yaml
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from consistency_lint import __version__
from consistency_lint.errors import ConfigNotFoundError, ConsistencyLintError, UsageError
from consistency_lint.git_changes import GitRefError
from consistency_lint.model import Severity
from consistency_lint.model.terminal_text import visible
from consistency_lint.report import ReportFormat, Verbosity
from consistency_lint.report.change_plan import PlanFormat
from consistency_lint.report.facts_report import MatrixFormat
from consistency_lint.report.tables import print_table
from consistency_lint.workers import Executor, Workers, checked_scheduler

if TYPE_CHECKING:
    from consistency_lint.config import Config
    from consistency_lint.model import RunResult
    from consistency_lint.pipeline import ProgressCallback, RunOptions
    from consistency_lint.pipeline.impact import Window
    from consistency_lint.rules.loading import Packs
    from consistency_lint.specs import CheckSpec, Example

# The commands import the pipeline, the checks and the packs when they run (importing them
# takes most of a second), so that `--version` and `--help` answer at once.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
JOBS_PER_CORE = 4
DEBUG_VARIABLE = "CONSISTENCY_LINT_DEBUG"
T = TypeVar("T")

app = typer.Typer(
    name="consistency-lint",
    help="Keep customer communication consistent and lawful across channels: website, FAQ, "
    "call-center knowledge base, letters and e-mails.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
rules_app = typer.Typer(help="List and explain the rules (checks) consistency-lint applies.",
                        no_args_is_help=True)
app.add_typer(rules_app, name="rules")
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"consistency-lint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback,
                                          is_eager=True, help="Show the version and exit.")]
    = False,
) -> None:
    """Keep customer communication consistent and lawful across channels."""


@app.command()
def check(
    project_dir: Annotated[Path, typer.Argument(
        help="The content repository, or one file of it (default: current directory); the "
        "configuration is looked for there and in its parent directories.")] = Path(),
    config: Annotated[Path | None, typer.Option(
        "--config", help="Configuration file (instead of consistency-lint.yaml or "
        "[tool.consistency-lint] in pyproject.toml).")] = None,
    report_format: Annotated[ReportFormat, typer.Option(
        "--format", help="Report format.")] = ReportFormat.RICH,
    output: Annotated[Path | None, typer.Option(
        "--output", help="Write the report to this file instead of standard output.")] = None,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Lowest severity that makes the exit code 1.")] = FailOn.ERROR,
    today: Annotated[datetime | None, typer.Option(
        "--today", formats=["%Y-%m-%d"], help="Date used by freshness checks (YYYY-MM-DD; "
        "default: today).")] = None,
    channel: Annotated[list[str] | None, typer.Option(
        "--channel", help="Lint only this channel (repeatable).")] = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Report findings only for files matching this glob (repeatable).")]
    = None,
    changed_since: Annotated[str | None, typer.Option(
        "--changed-since", help="Report findings only for files changed since this git ref "
        "(comparisons still use every file); when the configuration, registry, a rule pack "
        "or the dictionary changed, also the findings the change made in other files; and, "
        "in any file, every place still stating a value the change replaced "
        "(FACT-CHANGE-NOT-PROPAGATED).")]
    = None,
    owner: Annotated[str | None, typer.Option(
        "--owner", help="Report only the findings in files this owner answers for (front "
        "matter `owner:`, the channel's `owner:`, or CODEOWNERS).")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Hide the findings recorded in this baseline file.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", min=1, help="Worker processes (default: the number of cores).")] = None,
    executor: Annotated[Executor, typer.Option(
        "--executor", help="Where the per-document work runs: worker processes on this "
        "machine, or dask.distributed workers (a local cluster of --jobs workers, or the "
        "cluster of --scheduler; needs the `dask` extra).")] = Executor.PROCESSES,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="Address of a running Dask scheduler, e.g. "
        "tcp://10.0.0.5:8786 (implies --executor dask); its workers must see the project "
        "at the same path.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write the cache of per-document results "
        "(kept in the user cache directory, or $CONSISTENCY_LINT_CACHE_DIR).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Findings only: no summary, "
                                        "no progress bar.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list every "
                                          "document checked.")] = False,
) -> None:
    """Lint a content repository. Exit code 0: nothing at or above --fail-on; 1: findings
    at or above it; 2: usage, configuration or rule-pack error."""
    from consistency_lint.baseline import read_baseline
    from consistency_lint.pipeline import RunOptions
    verbosity = Verbosity.QUIET if quiet else Verbosity.VERBOSE if verbose else Verbosity.NORMAL
    options = RunOptions(
        today=today.date() if today else date.today(),
        channels=tuple(channel or ()),
        only=tuple(only or ()),
        argv=tuple(sys.argv[1:]),
        changed_since=changed_since or None,
        owner=owner or None,
        baseline=_guarded(lambda: read_baseline(baseline, project_dir)) if baseline else None,
        workers=Workers(_worker_count(jobs), Executor.DASK if scheduler else executor,
                        _guarded(lambda: checked_scheduler(scheduler)) if scheduler else None),
        use_cache=not no_cache,
        with_fact_matrix=report_format is ReportFormat.HTML,
        with_rule_descriptions=report_format is ReportFormat.SARIF,
        with_source_lines=report_format is ReportFormat.RDJSON,
    )
    result = _guarded(_naming_the_ref("--changed-since", lambda: _run_with_progress(
        project_dir, config, options, verbosity, output, baseline)))
    _guarded(lambda: _write_report(result, report_format, output, verbosity))
    raise typer.Exit(_exit_code(result, fail_on))


@app.command("check-files")
def check_files(
    files: Annotated[list[Path] | None, typer.Argument(
        help="Files to report on; those of no project, or of no channel, are skipped.")]
    = None,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Lowest severity that makes the exit code 1.")] = FailOn.ERROR,
    today: Annotated[datetime | None, typer.Option(
        "--today", formats=["%Y-%m-%d"], help="Date used by freshness checks (YYYY-MM-DD; "
        "default: today).")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write the cache of per-document results.")]
    = False,
) -> None:
    """Check the projects that FILES belong to and report findings in FILES only: the
    pre-commit hook's command (comparisons still see every file, so a page that contradicts
    an untouched one is reported; an old finding in an untouched file blocks nothing).
    Exit codes as for `check`."""
    from consistency_lint.discovery import by_project
    from consistency_lint.pipeline import RunOptions
    options = RunOptions(today=today.date() if today else date.today(),
                         argv=tuple(sys.argv[1:]), workers=Workers(_worker_count(None)),
                         use_cache=not no_cache)
    codes = [_guarded(partial(_report_on_files, config, members, options, fail_on))
             for config, members in _guarded(lambda: by_project(files or ()))]
    raise typer.Exit(max(codes, default=EXIT_CLEAN))


def _report_on_files(config: Config, files: list[Path], options: RunOptions,
                     fail_on: FailOn) -> int:
    """Check `config`'s project and print the findings in those of `files` that are its
    content files; the exit code. When `files` hold the tool's own files (configuration,
    registry, a pack, the dictionary, template variables), which every document depends
    on, the findings are those of `check --changed-since HEAD`: in the changed files, and
    those the change made anywhere."""
    from consistency_lint.discovery import content_files_among, within_project
    from consistency_lint.globs import literal_pattern
    from consistency_lint.pipeline import run
    if within_project(config, files).keys() & config.own_files:
        try:
            result = run(config, replace(options, changed_since="HEAD"))
        except GitRefError:  # no commit yet (the first one), or no git: everything is new
            result = run(config, options)
            _print_warnings(("no commit to compare the tool's own files with: every finding "
                             "is reported",))
    else:
        content = content_files_among(config, files)
        if not content:
            return EXIT_CLEAN
        result = run(config, replace(options, only=tuple(map(literal_pattern, sorted(content)))))
    _print_warnings(result.warnings)
    _write_report(result, ReportFormat.RICH, None, Verbosity.QUIET)
    return _exit_code(result, fail_on)


@app.command("baseline")
def baseline_command(
    project_dir: Annotated[Path, typer.Argument(
        help="Root of the content repository (default: current directory).")] = Path(),
    output: Annotated[Path, typer.Option("--output", help="Baseline file to write.")] = Path(
        "consistency-lint-baseline.json"),
    config: Annotated[Path | None, typer.Option("--config", help="Configuration file.")] = None,
) -> None:
    """Record today's findings so that `check --baseline FILE` reports only new ones."""
    from consistency_lint.baseline import write_baseline
    from consistency_lint.output_file import absolute_path, write_atomically
    from consistency_lint.pipeline import RunOptions
    options = RunOptions(today=date.today(), argv=tuple(sys.argv[1:]))
    result = _guarded(lambda: _run_with_progress(project_dir, config, options,
                                                  Verbosity.NORMAL, output))
    try:
        write_atomically(absolute_path(output),
                         lambda stream: write_baseline(result.findings, stream))
    except OSError as error:
        _fail(UsageError(f"cannot write the baseline: {error.strerror}", str(output)))
    stderr.print(Text(visible(f"Baseline of {len(result.findings)} finding(s) written to "
                              f"{output}.")))


@app.command()
def facts(
    project_dir: Annotated[Path, typer.Argument(
        help="Root of the content repository (default: current directory).")] = Path(),
    config: Annotated[Path | None, typer.Option("--config", help="Configuration file.")] = None,
    output_format: Annotated[MatrixFormat, typer.Option(
        "--format", help="Output format.")] = MatrixFormat.RICH,
    today: Annotated[datetime | None, typer.Option(
        "--today", formats=["%Y-%m-%d"], help="Date that selects registry values "
        "(YYYY-MM-DD; default: today).")] = None,
    include_all: Annotated[bool, typer.Option(
        "--all", help="Include low-confidence attributions (left out by default: they are "
        "never compared either).")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="List every stated fact with the cue that attributed it, the "
        "cue's distance in words, the confidence, role and label, instead of the matrix.")]
        = False,
) -> None:
    """Print the fact matrix: every subject x attribute (x role), the registry value first,
    then what each channel states; disagreements are highlighted. Only confident
    attributions are shown unless `--all` is given."""
    from consistency_lint.facts.matrix import fact_matrix
    from consistency_lint.pipeline import RunOptions
    from consistency_lint.report.facts_report import write as write_fact_matrix
    from consistency_lint.report.facts_report import (
        write_explanations as write_fact_explanations,
    )
    day = today.date() if today else date.today()
    options = RunOptions(today=day, argv=tuple(sys.argv[1:]))
    result = _guarded(lambda: _run_with_progress(project_dir, config, options,
                                                  Verbosity.NORMAL))
    if explain:
        write_fact_explanations(result.facts, sys.stdout, output_format, include_all)
        return
    channels = list(dict.fromkeys(document.channel for document in result.documents))
    rows = fact_matrix(result.facts, result.registry, channels, day, include_all)
    write_fact_matrix(rows, channels, sys.stdout, output_format)


@app.command()
def impact(
    project_dir: Annotated[Path, typer.Argument(
        help="Root of the content repository (default: current directory).")] = Path(),
    since: Annotated[str | None, typer.Option(
        "--since", metavar="GIT_REF", help="The values changed since this git ref (in the "
        "registry or in any document), and every place still stating the old ones.")] = None,
    on: Annotated[datetime | None, typer.Option(
        "--on", formats=["%Y-%m-%d"], help="The registry's dated values that take effect or "
        "end on this day (YYYY-MM-DD), and every place that must change that day.")] = None,
    between: Annotated[tuple[datetime, datetime] | None, typer.Option(
        "--between", metavar="START END", formats=["%Y-%m-%d"], help="As --on, for every "
        "day from START to END (YYYY-MM-DD YYYY-MM-DD): a campaign calendar.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Configuration file.")] = None,
    plan_format: Annotated[PlanFormat, typer.Option(
        "--format", help="Output format.")] = PlanFormat.RICH,
    output: Annotated[Path | None, typer.Option(
        "--output", help="Write the plan to this file instead of standard output.")] = None,
    owner: Annotated[str | None, typer.Option(
        "--owner", help="List only the places this owner answers for.")] = None,
    today: Annotated[datetime | None, typer.Option(
        "--today", formats=["%Y-%m-%d"], help="Date that selects the registry's values for "
        "--since (YYYY-MM-DD; default: today).")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write the cache of per-document results.")]
    = False,
) -> None:
    """Print a change plan: for every fact whose value changes, old -> new, the places
    already stating the new value, and, grouped by owner, every place that still states the
    old one. Give exactly one of --since, --on and --between."""
    from consistency_lint.config import load_config
    from consistency_lint.output_file import absolute_path, checked_output, write_atomically
    from consistency_lint.pipeline.impact import ImpactOptions, impact
    from consistency_lint.report.change_plan import write as write_plan
    window = _guarded(lambda: _window(since, on, between))
    options = ImpactOptions(today=today.date() if today else date.today(), window=window,
                            owner=owner or None, workers=Workers(_worker_count(None)),
                            use_cache=not no_cache)
    configuration = _guarded(lambda: load_config(project_dir, config))
    if output is not None:
        _guarded(lambda: checked_output(configuration, output, None))
    with _progress_bar(Verbosity.NORMAL) as callback:
        result = _guarded(_naming_the_ref("--since", lambda: impact(configuration, options,
                                                                     callback)))
    _print_warnings(result.warnings)
    if output is None:
        write_plan(result.plan, sys.stdout, plan_format)
        return
    try:
        write_atomically(absolute_path(output),
                         lambda stream: write_plan(result.plan, stream, plan_format))
    except OSError as error:
        _fail(UsageError(f"cannot write the change plan: {error.strerror}", str(output)))


def _window(since: str | None, on: datetime | None,
            between: tuple[datetime, datetime] | None) -> Window:
    from consistency_lint.pipeline.impact import Window
    days = between if between is not None else (on, on) if on is not None else None
    if (since is None) == (days is None) or (on is not None and between is not None):
        raise UsageError("impact: give exactly one of --since GIT_REF, --on DATE and "
                         "--between START END")
    if days is None:
        return Window(since=since)
    start, end = days
    if start > end:
        raise UsageError("impact: --between START END needs START on or before END")
    return Window(start=start.date(), end=end.date())


@app.command()
def lsp(
    today: Annotated[datetime | None, typer.Option(
        "--today", formats=["%Y-%m-%d"], help="Date used by freshness checks (default: the "
        "real date, read at each check).")] = None,
) -> None:
    """Run the language server over stdio, for editors: findings as you type (each
    document's own checks) and on save (every check, comparisons across channels included),
    the rule's docs on hover, corrections and suppressions as quick fixes. Start it from
    your editor's LSP client (README: "In your editor"); it finds each file's project by
    the configuration above it."""
    from consistency_lint.lsp.server import serve
    serve(today.date() if today is not None else None)


@app.command()
def init(directory: Annotated[Path, typer.Argument(
        help="Content repository to set up (default: current directory).")] = Path()) -> None:
    """Create a configuration, a facts registry and an example rule pack, with channels for
    the kinds of files the directory has. Existing files are kept."""
    from consistency_lint.scaffold import scaffold
    if not directory.is_dir():
        _fail(UsageError("not a directory", str(directory)))
    result = _guarded(lambda: scaffold(directory))
    for name in result.created:
        typer.echo(f"created {name}")
    for name in result.kept:
        typer.echo(f"kept existing {name}")
    found = ", ".join(result.channels) or "none found; edit the `web` channel's paths"
    typer.echo(f"channels: {found}. Next: edit facts.yaml, then run "
               f"`consistency-lint check {directory}`.")


@rules_app.command("list")
def rules_list(
    project_dir: Annotated[Path, typer.Option(
        "--project", help="Also list the rules of this project's own packs (default: the "
        "project of the current directory, if it has a configuration).")] = Path(),
    config: Annotated[Path | None, typer.Option("--config", help="Configuration file.")] = None,
) -> None:
    """Show every rule (built-in and the project's packs) with its category, default
    severity and summary, then the document types: those the packs know and those the
    project uses, with the packs that scope rules to each."""
    packs = _guarded(lambda: _project_packs(project_dir, config))
    from consistency_lint.checks.registry import all_specs
    specs = all_specs(packs)
    table = Table(show_lines=False)
    table.add_column("rule", no_wrap=True, style="magenta")
    table.add_column("category", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("summary", overflow="fold")
    for spec in sorted(specs.values(), key=lambda spec: (spec.category, spec.id)):
        table.add_row(*(Text(visible(cell)) for cell in (
            spec.id, spec.category.value, spec.severity.value, spec.summary)))
    print_table(table, sys.stdout)
    sys.stdout.write("\n")
    print_table(_doc_types_table(packs), sys.stdout)


def _doc_types_table(packs: Packs | None) -> Table:
    from consistency_lint.rules.doc_types import DocTypes
    from consistency_lint.rules.loading import builtin_pack_models, doc_type_rows
    rows = packs.doc_type_rows() if packs else doc_type_rows(
        builtin_pack_models(), DocTypes.with_declared({}), ())
    table = Table(title="Document types (channel `doc_types:`, front matter `doc_type:`); "
                  "any name runs, only the rules scoped to it differ", title_justify="left")
    table.add_column("doc type", no_wrap=True)
    for column in ("what it is", "rules scoped to it by", "named in the project"):
        table.add_column(column, overflow="fold")
    for row in rows:
        what = Text(visible(row.description)) if row.description else Text(
            "custom: no pack declares it", style="dim")
        if row.meant:
            what = Text(f"did you mean {row.meant}? ", style="yellow") + what
        table.add_row(Text(visible(row.name), style="magenta"), what,
                      Text(visible("\n".join(row.scoped_by) or "no pack")),
                      Text(visible("\n".join(row.named_by))))
    return table


class CoverageFormat(StrEnum):
    RICH = "rich"
    MARKDOWN = "markdown"


@rules_app.command("coverage")
def rules_coverage(
    pack: Annotated[str, typer.Argument(
        help="Built-in pack whose legal specification to show.")] = "pl-consumer-rights-2014",
    output_format: Annotated[CoverageFormat, typer.Option(
        "--format", help="Output format (markdown is the table of rules/COVERAGE.md).")]
        = CoverageFormat.RICH,
) -> None:
    """Show how a built-in pack covers its legal specification: every item (required clause
    or prohibited statement) with the rules that encode it, or why it is out of scope."""
    from consistency_lint.rules.coverage import coverage, markdown, packs_with_specifications
    from consistency_lint.rules.loading import BUILTIN_PREFIX
    name = pack.removeprefix(BUILTIN_PREFIX)
    if name not in packs_with_specifications():
        _fail(UsageError(f"no specification for pack `{pack}` (known: "
                         f"{', '.join(packs_with_specifications())})", "rules coverage"))
    report = _guarded(lambda: coverage(name))
    if output_format is CoverageFormat.MARKDOWN:
        sys.stdout.write(markdown(report))
        return
    table = Table(title=f"builtin:{name}: items of {report.specification}", title_justify="left")
    for column in ("item", "kind", "rules", "out of scope: why"):
        table.add_column(column, overflow="fold")
    for row in report.rows:
        table.add_row(row.item, row.kind, "\n".join(row.rules),
                      Text(row.out_of_scope or "", style="dim"))
    print_table(table, sys.stdout)


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="Rule id, e.g. TEMPLATE-UNKNOWN-VARIABLE.")],
    project_dir: Annotated[Path, typer.Option(
        "--project", help="Also explain the rules of this project's own packs (default: the "
        "project of the current directory, if it has a configuration).")] = Path(),
    config: Annotated[Path | None, typer.Option("--config", help="Configuration file.")] = None,
) -> None:
    """Explain one rule: what it checks, why, an example that fails and one that passes."""
    from consistency_lint.checks.registry import all_specs
    specs = all_specs(_guarded(lambda: _project_packs(project_dir, config)))
    spec = specs.get(rule_id.upper())
    if spec is None:
        close = difflib.get_close_matches(rule_id.upper(), specs, n=1)
        hint = f"; did you mean {close[0]}?" if close else "; see `consistency-lint rules list`"
        _fail(UsageError(f"unknown rule `{rule_id}`{hint}"))
    _explain(Console(highlight=False), spec)


def _project_packs(project_dir: Path, config_path: Path | None) -> Packs | None:
    """The packs of the project's configuration; None where there is no configuration."""
    from consistency_lint.config import load_config
    from consistency_lint.rules.loading import load_packs
    try:
        config = load_config(project_dir, config_path)
    except ConfigNotFoundError:
        return None
    return load_packs(config)


def main() -> None:
    """Entry point; any unexpected exception is reported in one line, not a traceback."""
    from consistency_lint.import_path import forbid_working_directory_imports
    forbid_working_directory_imports()  # before any worker interpreter is started
    try:
        app()
    except KeyboardInterrupt:  # before a command runs; within one, `_guarded` catches it
        _interrupted()
    except Exception as error:  # the last line of defence: users never see a traceback
        if os.environ.get(DEBUG_VARIABLE):
            raise
        stderr.print(Text.assemble(
            ("internal error: ", "bold red"), f"{type(error).__name__}: {error} ",
            (f"(a bug in consistency-lint; set {DEBUG_VARIABLE}=1 for details)", "dim")))
        sys.exit(EXIT_ERROR)


def _run_with_progress(project_dir: Path, config_path: Path | None, options: RunOptions,
                       verbosity: Verbosity, output: Path | None = None,
                       baseline: Path | None = None) -> RunResult:
    """Run on PROJECT_DIR (or, when it names a file, on that file within its project),
    after checking that `output` may be written (and is not the `baseline` read)."""
    from consistency_lint.config import load_config
    from consistency_lint.output_file import checked_output
    from consistency_lint.pipeline import run
    config = load_config(project_dir, config_path)
    if output is not None:
        checked_output(config, output, baseline)
    if project_dir.is_file():
        options = replace(options, only=(*options.only, _pattern_for(config, project_dir)))
    with _progress_bar(verbosity) as callback:
        result = run(config, options, callback)
    _print_warnings(result.warnings)
    return result


@contextmanager
def _progress_bar(verbosity: Verbosity) -> Iterator[ProgressCallback | None]:
    """A progress bar on standard error while content is read, when it is a terminal."""
    if verbosity is Verbosity.QUIET or not stderr.is_terminal:
        yield None
        return
    progress = Progress(TextColumn("Reading content"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=stderr, transient=True)
    with progress:
        task = progress.add_task("load", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield advance


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        stderr.print(Text.assemble(("warning: ", "bold yellow"), visible(warning)))


def _write_report(result: RunResult, report_format: ReportFormat, output: Path | None,
                  verbosity: Verbosity) -> None:
    from consistency_lint.output_file import absolute_path, write_atomically
    from consistency_lint.report import reporter
    render = reporter(report_format)
    if output is None and report_format is ReportFormat.HTML:
        raise UsageError("--format html needs --output FILE (the report is one HTML file)")
    if output is None:
        render(result, sys.stdout, verbosity)
        return
    try:
        write_atomically(absolute_path(output),
                         lambda stream: render(result, stream, verbosity))
    except OSError as error:
        raise UsageError(f"cannot write the report: {error.strerror}", str(output)) from None
    if verbosity is not Verbosity.QUIET:
        stderr.print(Text(visible(f"Report written to {output} "
                                  f"({result.summary.findings} finding(s)).")))


def _pattern_for(config: Config, file: Path) -> str:
    """A `--only` pattern that matches exactly `file` (glob characters in its name escaped)."""
    from consistency_lint.globs import literal_pattern
    return literal_pattern(Path(os.path.realpath(file)).relative_to(config.root).as_posix())


def _worker_count(requested: int | None) -> int:
    """`--jobs`, capped at JOBS_PER_CORE per core: more workers only cost memory and start-up
    time (10 000 forked workers would exhaust the machine)."""
    cores = os.cpu_count() or 1
    if requested is None:
        return cores
    cap = JOBS_PER_CORE * cores
    if requested > cap:
        stderr.print(Text(f"warning: --jobs {requested} capped at {cap} "
                          f"({JOBS_PER_CORE} per core on this machine's {cores})",
                          style="yellow"))
        return cap
    return requested


def _exit_code(result: RunResult, fail_on: FailOn) -> int:
    if fail_on is FailOn.NEVER:
        return EXIT_CLEAN
    threshold = Severity(fail_on.value).rank
    failing = any(finding.severity.rank >= threshold for finding in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _naming_the_ref(option: str, action: Callable[[], T]) -> Callable[[], T]:
    """`action`, whose error about a git ref names the option that gave the ref."""
    def named() -> T:
        try:
            return action()
        except GitRefError as error:
            raise UsageError(f"{option}: {error}") from None
    return named


def _guarded(action: Callable[[], T]) -> T:
    """Run `action`; a ConsistencyLintError becomes one message and exit code 2, Ctrl-C one
    line and exit code 130 (the `with` blocks it left have stopped any Dask cluster)."""
    try:
        return action()
    except ConsistencyLintError as error:
        _fail(error)
    except KeyboardInterrupt:
        _interrupted()


def _interrupted() -> NoReturn:
    stderr.print(Text("interrupted", style="bold red"))
    sys.exit(EXIT_INTERRUPTED)


def _fail(error: ConsistencyLintError) -> NoReturn:
    stderr.print(Text.assemble(("error: ", "bold red"), visible(str(error))))
    raise typer.Exit(EXIT_ERROR)


def _explain(console: Console, spec: CheckSpec) -> None:
    """Every text from a pack is printed as plain Text: a project pack's message may hold
    `[/red]` or escape sequences, which must be shown, not interpreted."""
    from consistency_lint.checks.suppressions import DIRECTIVE_RULES
    console.print(Text.assemble((visible(spec.id), "bold"), "  ", (
        f"{spec.category.value} · default severity {spec.severity.value}", "dim")))
    console.print(Text.assemble("\n", visible(spec.summary), "\n\n", ("Why: ", "bold"),
                                visible(spec.rationale)))
    if spec.reference:
        console.print(Text.assemble(("Legal basis: ", "bold"), visible(spec.reference)))
    if spec.matcher:
        console.print(Text.assemble("\n", ("Matches", "bold"), " (on lemmas; any inflection, "
                                    "missing diacritics, small typos):"))
        console.print(Syntax(visible(spec.matcher.rstrip()), "yaml", word_wrap=True))
    for title, example in (("Fails", spec.failing), ("Passes", spec.passing)):
        if example is None:
            continue
        console.print(Text.assemble("\n", (f"{title}: ", "bold"),
                                    visible(_describe_example(example))))
        if example.symlink_to is None:
            console.print(_listing(example.content))
        for name, content in example.files.items():
            console.print(Text(visible(f"{name}:"), style="dim"))
            console.print(_listing(content))
    everywhere = (f"everywhere with `severity: {{{spec.id}: off}}` (or `info`) in "
                  "consistency-lint.yaml")
    if spec.id in DIRECTIVE_RULES:
        console.print(Text.assemble(
            "\n", ("Silence it: ", "bold"), f"{everywhere}. A directive cannot silence a "
            "finding about a directive: fix the directive itself (give its reason after `--`, "
            "or remove it)."))
        return
    console.print(Text.assemble(
        "\n", ("Silence it: ", "bold"), f"{everywhere}; in one place with a comment before "
        "the text, in the file's own comment syntax:"))
    for kind, directive in _suppression_forms(spec.id):
        console.print(Text.assemble(f"  {kind}: ", (directive, "bold")), soft_wrap=True)


def _suppression_forms(rule_id: str) -> list[tuple[str, str]]:
    """The inline directive for each kind of file. In letter and e-mail templates only the
    Jinja comment is safe: it is dropped when the template is rendered, while an HTML
    comment would be sent to the customer."""
    from consistency_lint.loaders.suppressions import directive_comment
    return [
        ("letter and e-mail templates (.j2)", directive_comment("jinja", rule_id)),
        ("YAML FAQ (.yaml)", directive_comment("yaml", rule_id)),
        ("HTML pages, Markdown", directive_comment("html", rule_id)),
        ("any front matter", f"lint_disable: [{rule_id}]"),
    ]


def _listing(content: str) -> Syntax:
    return Syntax(visible(content.rstrip("\n")), "text", line_numbers=True, word_wrap=True)


def _describe_example(example: Example) -> str:
    parts = [f"{example.file_name} (loader {example.loader})"]
    if example.symlink_to is not None:
        parts.append(f"a symbolic link to {example.symlink_to}")
    settings = {**example.config, **({"channel": example.channel} if example.channel else {})}
    if settings:
        parts.append("with " + yaml.safe_dump(settings, default_flow_style=True,
                                               allow_unicode=True).strip())
    return ", ".join(parts)

