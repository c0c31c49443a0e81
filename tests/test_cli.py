"""The command line as users and CI see it: exit codes, options, messages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from consistency_lint import __version__
from consistency_lint.checks.registry import documented_specs
from consistency_lint.cli import app
from tests.conftest import FIXTURES, commit_project, single_channel_config, write_project

SHOP = FIXTURES / "projects" / "shop"
REPOSITORY = FIXTURES.parents[1]
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    """Run the command line; `check` runs uncached, so fixtures stay untouched."""
    arguments = [*args, "--no-cache"] if args[:1] == ("check",) else list(args)
    result = runner.invoke(app, arguments)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def json_findings(*args: str) -> list[tuple[str, str, int]]:
    code, out, _ = invoke("check", str(SHOP), "--format", "json", "--today", "2026-11-30", *args)
    assert code in (0, 1)
    return [(f["rule"], f["path"], f["line"]) for f in json.loads(out)["findings"]]


def test_findings_make_exit_code_one_and_are_listed_with_file_line_column() -> None:
    code, out, _ = invoke("check", str(SHOP), "--today", "2026-11-30")
    assert code == 1
    assert "letters/wysylka.txt.j2:3:18" in out and "TEMPLATE-UNKNOWN-VARIABLE" in out
    assert "web/kontakt.html:2:1" in out and "FRESHNESS-NO-OWNER" in out
    assert "2 finding(s) in 3 document(s)." in out


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_sets_the_threshold(fail_on: str, expected: int) -> None:
    assert invoke("check", str(SHOP), "--fail-on", fail_on, "--quiet")[0] == expected


def test_warnings_alone_do_not_fail_by_default() -> None:
    code, _, _ = invoke("check", str(SHOP), "--channel", "web")
    assert code == 0


def test_channel_and_only_limit_what_is_reported() -> None:
    assert json_findings("--channel", "letters") == [
        ("TEMPLATE-UNKNOWN-VARIABLE", "letters/wysylka.txt.j2", 3)]
    assert json_findings("--only", "web/**") == [("FRESHNESS-NO-OWNER", "web/kontakt.html", 2)]
    assert json_findings("--only", "web/o-nas.html") == []


def test_unknown_channel_is_a_usage_error() -> None:
    code, _, err = invoke("check", str(SHOP), "--channel", "sms")
    assert code == 2
    assert "unknown channel sms (configured: web, letters)" in err


def test_bad_today_is_a_usage_error() -> None:
    assert invoke("check", str(SHOP), "--today", "30.11.2026")[0] == 2


def test_json_report_is_deterministic_apart_from_run(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for output in (first, second):
        code, _, err = invoke("check", str(SHOP), "--format", "json", "--output", str(output))
        assert code == 1 and "Report written to" in err
    reports = [json.loads(path.read_text(encoding="utf-8")) for path in (first, second)]
    for report in reports:
        report.pop("run")
    assert reports[0] == reports[1]
    assert first.read_bytes().replace(b"a.json", b"b.json") == second.read_bytes()


def test_unwritable_output_is_one_clear_error(tmp_path: Path) -> None:
    code, _, err = invoke("check", str(SHOP), "--format", "json",
                          "--output", str(tmp_path / "missing" / "r.json"))
    assert code == 2
    assert "cannot write the report: No such file or directory" in err


def test_configuration_error_exits_two_with_file_and_line(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(SHOP, project)
    config = project / "consistency-lint.yaml"
    config.write_text(config.read_text().replace("loader: html", "loader: htlm"))
    code, out, err = invoke("check", str(project))
    assert code == 2 and out == ""
    assert err.startswith("error: consistency-lint.yaml:6: channels.web.loader: Input should be")


def test_version() -> None:
    assert invoke("--version")[1] == f"consistency-lint {__version__}\n"


def test_rules_list_shows_every_rule() -> None:
    code, out, _ = invoke("rules", "list")
    assert code == 0
    assert all(rule_id in out for rule_id in documented_specs())


BOX_DRAWING = set("─│┃━┏┓┗┛┡┩╇╈┼┬┴├┤╭╮╰╯")


@pytest.mark.parametrize("args", [("rules", "list"), ("rules", "coverage"),
                                  ("facts", str(SHOP), "--today", "2026-11-30"),
                                  ("facts", str(SHOP), "--explain", "--today", "2026-11-30")])
def test_tables_in_a_pipe_are_plain_aligned_text_never_cut(args: tuple[str, ...]) -> None:
    code, out, _ = invoke(*args)
    assert code == 0
    assert not BOX_DRAWING & set(out)
    lines = out.splitlines()
    assert any(set(line) == {"-", " "} for line in lines[1:3])  # under the header


def test_rules_list_in_a_pipe_keeps_each_summary_whole_on_its_rule_line() -> None:
    out = invoke("rules", "list")[1]
    spec = documented_specs()["FACT-CHANGE-NOT-PROPAGATED"]
    [line] = [line for line in out.splitlines() if line.startswith(spec.id + " ")]
    assert line.split()[1:3] == [spec.category.value, spec.severity.value]
    assert line.endswith(" ".join(spec.summary.split()))


@pytest.mark.parametrize("rule_id", sorted(documented_specs()))
def test_rules_explain_shows_why_and_both_examples(rule_id: str) -> None:
    code, out, _ = invoke("rules", "explain", rule_id.lower())
    assert code == 0
    for heading in (rule_id, "Why:", "Fails:", "Passes:", "Silence it:"):
        assert heading in out


def test_rules_list_and_explain_show_the_projects_own_packs(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "web/a.html").write_text("<p>Hej</p>", encoding="utf-8")
    assert invoke("init", str(tmp_path))[0] == 0
    code, out, _ = invoke("rules", "list", "--project", str(tmp_path))
    assert code == 0 and "HOUSE-EMAIL-SPELLING" in out and "phone-sales-script" in out
    code, out, _ = invoke("rules", "explain", "HOUSE-EMAIL-SPELLING", "--project", str(tmp_path))
    assert code == 0 and 'We write "e-mail".' in out
    assert "{# consistency-lint: disable=HOUSE-EMAIL-SPELLING -- reason #}" in out
    assert "HOUSE-EMAIL-SPELLING" not in invoke("rules", "list", "--project", "/")[1]


def test_rules_explain_suggests_a_close_rule() -> None:
    code, _, err = invoke("rules", "explain", "TEMPLATE-SYNTAKS")
    assert code == 2
    assert "did you mean TEMPLATE-SYNTAX?" in err


def test_installed_command_prints_no_traceback_on_bad_input(tmp_path: Path) -> None:
    (tmp_path / "consistency-lint.yaml").write_text("version: 1\nchannels: {a: [\n")
    completed = subprocess.run(
        [sys.executable, "-m", "consistency_lint", "check", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr.startswith("error: consistency-lint.yaml:")


def test_facts_matrix_as_csv() -> None:
    code, out, _ = invoke("facts", str(SHOP), "--format", "csv", "--today", "2026-11-30")
    assert code == 0
    assert out.splitlines() == [
        "subject,attribute,role,registry,web,letters",
        "company,hotline,,,22 350 40 50,",
        "company,opening_hours,,,pn.–pt. 8:00–20:00,",
    ]


def test_facts_explain_shows_cue_distance_and_confidence(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {"web": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"a.txt": (
        "Reklamacje: reklamacje@sklep.pl.\n\nInfolinia, z której mogą korzystać wszyscy "
        "klienci naszego sklepu internetowego i partnerzy, to 22 350 40 50.\n\n"
        "Ta sofa kosztuje 25 zł.\n")})
    code, out, _ = invoke("facts", str(tmp_path), "--explain", "--format", "csv")
    assert code == 0
    assert out.splitlines() == [
        "path,line,subject,attribute,role,text,value,cue,distance,confidence,label",
        "a.txt,1,company,contact_email,complaints,reklamacje@sklep.pl,reklamacje@sklep.pl,"
        "(none: the value says what it is),9,medium,",
        "a.txt,3,company,hotline,,22 350 40 50,+48223504050,infolinia,15,medium,",
    ]
    _, with_low, _ = invoke("facts", str(tmp_path), "--explain", "--all", "--format", "csv")
    assert with_low.splitlines()[3:] == ["a.txt,5,,price,,25 zł,25.00 PLN,kosztować,1,low,"]


def test_facts_matrix_as_json_marks_disagreements() -> None:
    code, out, _ = invoke("facts", str(FIXTURES.parent.parent / "samples"), "--format", "json",
                          "--today", "2026-11-30")
    assert code == 0
    rows = {(row["subject"], row["attribute"]): row for row in json.loads(out)}
    price = rows[("city-e5", "price")]
    assert price["registry"] == "6 499 zł"
    assert price["channels"] == {"web": {"values": ["6\u00a0499 zł"], "agrees": True},
                                 "kb": {"values": ["6 199 zł"], "agrees": False}}


def test_configured_trained_pipeline_that_is_not_installed_exits_two(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(SHOP, project)
    config = project / "consistency-lint.yaml"
    config.write_text(config.read_text() + "pipelines:\n  pl: pl_core_news_md\n")
    code, _, err = invoke("check", str(project))
    assert code == 2
    assert "consistency-lint.yaml:17: spaCy pipeline `pl_core_news_md` is not installed" in err


def test_rules_explain_shows_what_a_pack_rule_matches() -> None:
    code, out, _ = invoke("rules", "explain", "PL-CRA-COMPLAINT-ANSWER-14D")
    assert code == 0
    assert "Legal basis: art. 7a ust. 1 ustawy o prawach konsumenta" in out
    assert "forbid:" in out and "above: '14'" in out and "odpowiedź na reklamację" in out


def test_init_scaffolds_a_working_setup_and_keeps_existing_files(tmp_path: Path) -> None:
    (tmp_path / "strony").mkdir()
    (tmp_path / "strony" / "kontakt.html").write_text(
        "<p>Napisz do nas email albo zadzwoń: 22 000 00 00.</p>", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text("subjects: {}\n", encoding="utf-8")
    code, out, _ = invoke("init", str(tmp_path))
    assert code == 0
    assert out.splitlines()[:3] == ["created consistency-lint.yaml",
                                    "created rules/house-style.yaml", "kept existing facts.yaml"]
    assert (tmp_path / "facts.yaml").read_text(encoding="utf-8") == "subjects: {}\n"
    code, out, _ = invoke("check", str(tmp_path), "--format", "json")
    findings = [(f["rule"], f["path"]) for f in json.loads(out)["findings"]]
    assert ("HOUSE-EMAIL-SPELLING", "strony/kontakt.html") in findings


def test_integration_files_call_the_documented_commands() -> None:
    import yaml

    root = Path(__file__).parent.parent
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "consistency-lint" and hook["entry"].startswith("consistency-lint check")
    action = yaml.safe_load((root / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    script = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    for fmt in ("sarif", "markdown", "github"):
        assert f"--format {fmt}" in script


def test_rules_coverage_lists_each_item_with_its_rules_or_reason() -> None:
    code, out, _ = invoke("rules", "coverage", "--format", "markdown")
    assert code == 0
    assert "| P-25 | prohibited | `PL-CRA-JURISDICTION-CLAUSE` |  |" in out.splitlines()
    assert any(line.startswith("| P-29 | prohibited |  | needs the order of what a script says")
               for line in out.splitlines())
    code, _, err = invoke("rules", "coverage", "tone-pl")
    assert code == 2 and "no specification for pack `tone-pl`" in err


def test_rules_explain_of_a_directive_finding_says_to_fix_the_directive() -> None:
    out = " ".join(invoke("rules", "explain", "SUPPRESSION-WITHOUT-REASON")[1].split())
    assert "give its reason after `--`, or remove it" in out
    assert "consistency-lint: disable=SUPPRESSION-WITHOUT-REASON" not in out


def test_check_files_reports_only_the_files_given(tmp_path: Path) -> None:
    """The pre-commit hook's command: a typo in an untouched page blocks nothing, a
    file of no project and a file of no channel are skipped."""
    config = single_channel_config("markdown", "web/*.md")
    project = write_project(tmp_path / "p", config, {
        "web/old.md": "# Stara\n\nDziekujemy za zakupy.\n",
        "web/new.md": "# Nowa\n\nDziękujemy za zakupy.\n",
        "notes.txt": "Dziekujemy.\n"})
    (tmp_path / "outside.md").write_text("Dziekujemy.\n", encoding="utf-8")
    given = [str(project / "web/new.md"), str(project / "notes.txt"),
             str(tmp_path / "outside.md")]
    assert invoke("check-files", *given, "--fail-on", "warning") == (0, "", "")
    code, out, _ = invoke("check-files", str(project / "web/old.md"), "--fail-on", "warning")
    assert code == 1
    assert out.splitlines()[1].split()[:3] == ["web/old.md:3:1", "warning",
                                               "SPELLING-UNKNOWN-WORD"]


def test_check_files_exits_2_on_a_broken_configuration(tmp_path: Path) -> None:
    (tmp_path / "consistency-lint.yaml").write_text("version: 1\nchannels: {a: [\n")
    (tmp_path / "a.md").write_text("Tekst.\n", encoding="utf-8")
    code, _, err = invoke("check-files", str(tmp_path / "a.md"))
    assert code == 2
    assert err.startswith("error: consistency-lint.yaml:")


def test_pre_commit_hook_passes_every_file_to_one_check_files_run() -> None:
    [hook] = yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text())
    assert hook["entry"] == "consistency-lint check-files"
    assert hook["types"] == ["file"] and hook["require_serial"] is True
    assert hook.get("pass_filenames", True) is True


HOTLINE_REGISTRY = """\
subjects:
  shop: {name: Sklep Meblino, aliases: [Meblino]}
facts:
  - {subject: shop, attribute: hotline, value: "22 350 40 50"}
"""


def test_check_files_given_the_registry_reports_what_its_change_made(tmp_path: Path) -> None:
    config = {**single_channel_config("markdown", "web/*.md"), "facts": "facts.yaml"}
    project = commit_project(tmp_path / "p", config, {
        "facts.yaml": HOTLINE_REGISTRY, "web/a.md": "# A\n\nInfolinia: 22 350 40 50.\n"})
    (project / "facts.yaml").write_text(HOTLINE_REGISTRY.replace("40 50", "40 59"))
    code, out, _ = invoke("check-files", str(project / "facts.yaml"))
    assert code == 1
    reported = {tuple(line.split()[:3]) for line in out.splitlines() if "web/a.md:" in line}
    assert reported == {("web/a.md:3:12", "error", "FACT-CHANGE-NOT-PROPAGATED"),
                        ("web/a.md:3:12", "error", "FACT-REGISTRY-MISMATCH")}
    (project / "facts.yaml").write_text("subjects: [\n")
    code, _, err = invoke("check-files", str(project / "facts.yaml"))
    assert code == 2 and err.startswith("error: facts.yaml:")


def test_check_files_given_the_registry_before_the_first_commit_reports_everything(
        tmp_path: Path) -> None:
    config = {**single_channel_config("markdown", "web/*.md"), "facts": "facts.yaml"}
    project = write_project(tmp_path / "p", config, {
        "facts.yaml": HOTLINE_REGISTRY, "web/a.md": "# A\n\nInfolinia: 22 350 40 59.\n"})
    code, out, err = invoke("check-files", str(project / "facts.yaml"),
                            str(project / "consistency-lint.yaml"))
    assert code == 1 and "FACT-REGISTRY-MISMATCH" in out
    assert "no commit to compare the tool's own files with" in err
