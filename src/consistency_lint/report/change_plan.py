"""The change plan (`impact`) in the terminal, as JSON, Markdown or one HTML page: per fact
whose value changes, old → new and where; the places already stating the new value; and,
grouped by owner, every place still stating the old one. Text from the content repository
is shown as the literal text it is, as in the findings' reports."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from enum import StrEnum
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from consistency_lint.model import ChangePlan, FactChange, Place
from consistency_lint.model.terminal_text import visible
from consistency_lint.report.markdown import code_span, literal_text

SCHEMA_VERSION = 1
NO_OWNER = "(no owner)"


class PlanFormat(StrEnum):
    RICH = "rich"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def write(plan: ChangePlan, stream: TextIO, plan_format: PlanFormat) -> None:
    {PlanFormat.RICH: _rich, PlanFormat.JSON: _json, PlanFormat.MARKDOWN: _markdown,
     PlanFormat.HTML: _html}[plan_format](plan, stream)


def by_owner(places: Sequence[Place]) -> dict[str, list[Place]]:
    """`places` grouped by owner, owners in order of name, the unowned last."""
    grouped: defaultdict[str, list[Place]] = defaultdict(list)
    for place in places:
        grouped[place.owner or NO_OWNER].append(place)
    return dict(sorted(grouped.items(), key=lambda item: (item[0] == NO_OWNER, item[0])))


def _heading(change: FactChange) -> str:
    when = f" on {change.effective}" if change.effective else ""
    new = f"“{change.new}”" if change.new else "nothing (the value ends)"
    return f"{change.fact}: “{change.old}” → {new}{when}"


def _totals(plan: ChangePlan) -> str:
    stale = sum(len(change.stale) for change in plan.changes)
    return (f"{len(plan.changes)} changed fact(s) {plan.window}; {stale} place(s) still "
            "state the old value.")


def _rich(plan: ChangePlan, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    for change in plan.changes:
        source = change.source
        console.print(Text(visible(_heading(change)), style="bold"))
        console.print(Text(visible(f"  changed at {source.path}:{source.line}"), style="dim"))
        if change.updated:
            console.print(Text(f"  already updated: {len(change.updated)} place(s)",
                               style="green"))
            for place in change.updated:
                console.print(Text(visible(f"    {_where(place)}")))
        for owner, places in by_owner(change.stale).items():
            console.print(Text(visible(f"  to update — {owner}:"), style="bold red"))
            for place in places:
                console.print(Text(visible(f"    {_where(place)}  “{place.text}”")))
                if place.excerpt:
                    console.print(Text(visible(f"      │ {_one_line(place.excerpt)}"),
                                       style="dim"))
        console.print()
    console.print(Text(_totals(plan)))


def _where(place: Place) -> str:
    return f"{place.path}:{place.line} ({place.channel})"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _json(plan: ChangePlan, stream: TextIO) -> None:
    json.dump(as_dict(plan), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def as_dict(plan: ChangePlan) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "window": plan.window,
        "today": plan.today,
        "git_commit": plan.git_commit,
        "changes": [_change(change) for change in plan.changes],
        "summary": {
            "changes": len(plan.changes),
            "stale": sum(len(change.stale) for change in plan.changes),
            "by_owner": _stale_by_owner(plan),
        },
    }


def _change(change: FactChange) -> dict[str, Any]:
    since = dict(change.untouched_since)
    return {
        "subject": change.subject,
        "attribute": change.attribute,
        "role": change.role,
        "label": change.label,
        "old": change.old,
        "new": change.new,
        "effective": change.effective.isoformat() if change.effective else None,
        "source": _place(change.source),
        "updated": [_place(place) for place in change.updated],
        "stale": [{**_place(place), "untouched_since": since.get(place.path)}
                  for place in change.stale],
    }


def _place(place: Place) -> dict[str, Any]:
    return {"path": place.path, "line": place.line, "column": place.column,
            "channel": place.channel, "text": place.text, "excerpt": place.excerpt,
            "owner": place.owner or None}


def _stale_by_owner(plan: ChangePlan) -> dict[str, int]:
    counts: defaultdict[str, int] = defaultdict(int)
    for change in plan.changes:
        for owner, places in by_owner(change.stale).items():
            counts[owner] += len(places)
    return dict(sorted(counts.items()))


def _markdown(plan: ChangePlan, stream: TextIO) -> None:
    blocks = [f"## Change plan {literal_text(plan.window)}\n", f"{_totals(plan)}\n"]
    for change in plan.changes:
        source = change.source
        blocks.append(f"### {literal_text(_heading(change))}\n")
        blocks.append(f"Changed at {code_span(f'{source.path}:{source.line}')}; already "
                      f"updated in {len(change.updated)} place(s).\n")
        if change.stale:
            blocks.append("| owner | place | channel | still states |\n|---|---|---|---|\n" +
                          "".join(f"| {literal_text(owner)} | "
                                  f"{code_span(f'{place.path}:{place.line}')} | "
                                  f"{literal_text(place.channel)} | "
                                  f"{literal_text(place.excerpt or place.text)} |\n"
                                  for owner, places in by_owner(change.stale).items()
                                  for place in places))
    stream.write("\n".join(blocks))


def _html(plan: ChangePlan, stream: TextIO) -> None:
    from consistency_lint.report.html import render_template  # Jinja2, when asked for
    stream.write(render_template("change_plan.html.j2", plan=plan, by_owner=by_owner,
                                 heading=_heading, totals=_totals(plan)))
