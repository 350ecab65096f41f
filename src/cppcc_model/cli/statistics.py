"""``cppcc proposals stats``, ``cppcc info stats`` and ``cppcc workplan``: the office's figures."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import attrs
import click

from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import (
    BODY_WORDS,
    When,
    data_argument,
    emit,
    load,
    output_options,
    resolve_when,
    when_options,
)
from cppcc_model.cli.records import TOTAL, match_option, when_payload
from cppcc_model.errors import CppccError
from cppcc_model.information import (
    INFO_COUNT_LABELS,
    InfoFilter,
    info_statistics,
    info_statistics_by,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import ClosedMeaning, FilingCount, ReplyBase
from cppcc_model.model.workplan import WorkItemStatus
from cppcc_model.proposals import (
    PROPOSAL_COUNT_LABELS,
    Attribution,
    Grouping,
    SatisfactionBase,
    StatsSettings,
    group_names,
    proposal_statistics,
    proposal_statistics_by,
)
from cppcc_model.proposals.figures import Figure

__all__ = ["info", "proposals", "workplan"]

_BODIES = {word: Grouping.parse(kind.value) for word, kind in BODY_WORDS.items()}
"""The bodies of :data:`~cppcc_model.cli.options.BODY_WORDS` as groupings of statistics."""

PROPOSAL_GROUPINGS = {
    "session": Grouping.SESSION,
    **_BODIES,
    "proposer": Grouping.PROPOSER,
    "handling-unit": Grouping.HANDLING_UNIT,
    "topic": Grouping.TOPIC,
    "kind": Grouping.PROPOSER_KIND,
    "level": Grouping.LEVEL,
}
"""``cppcc proposals stats --by`` values."""

INFO_GROUPINGS = {
    **_BODIES,
    "author": Grouping.PROPOSER,
    "activity": Grouping.SOURCE_ACTIVITY,
    "level": Grouping.LEVEL,
}
"""``cppcc info stats --by`` values."""


class _Stats(Protocol):
    def as_dict(self, places: int = 2) -> dict[str, object]: ...

    def rates(self) -> dict[str, Figure]: ...


def _figure_text(figure: Figure) -> str:
    if figure.value is None:
        return "—"
    return f"{figure.percent()} ({figure.numerator}/{figure.denominator})"


SHARED_COUNTS = ("received", "filed", "replied")
"""The counts whose group shares ``proposals stats --by`` gives (收到、立案、办复占比)."""


def _share(columns: Mapping[str, _Stats], key: str, count: str) -> Figure:
    whole = columns[TOTAL].as_dict()["counts"][count]  # type: ignore[index]
    part = columns[key].as_dict()["counts"][count]  # type: ignore[index]
    return Figure(part, whole, f"{count}占比", f"{count}_share", f"本组{count}/全部{count}")


def _stats_table(
    title: str,
    labels: Mapping[str, str],
    columns: Mapping[str, _Stats],
    names: Mapping[str, str],
    shared: tuple[str, ...] = (),
) -> Table:
    keys = list(columns)
    header = [("metric", "指标"), ("label", "名称")] + [(key, names.get(key, key)) for key in keys]
    counts = {key: stats.as_dict()["counts"] for key, stats in columns.items()}
    rows: list[list[Cell]] = []
    for metric, label in labels.items():
        row: list[Cell] = [metric, label]
        row += [counts[key][metric] for key in keys]  # type: ignore[index]
        rows.append(row)
    any_stats = next(iter(columns.values()))
    for name, figure in any_stats.rates().items():
        label = f"{figure.label}（{figure.definition}）" if figure.definition else figure.label
        row = [name, label]
        row += [_figure_text(columns[key].rates()[name]) for key in keys]
        rows.append(row)
    for count in shared:
        row = [f"{count}_share", f"{labels.get(count, count)}占比（本组/全部）"]
        row += [_figure_text(_share(columns, key, count)) for key in keys]
        rows.append(row)
    return Table(title, header, rows)


def _data(
    columns: Mapping[str, _Stats], names: Mapping[str, str], shared: tuple[str, ...] = ()
) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, stats in columns.items():
        data[key] = {"name": names.get(key, key), **stats.as_dict()}
        if shared:
            data[key]["shares"] = {
                count: {
                    "numerator": figure.numerator,
                    "denominator": figure.denominator,
                    "percent": figure.percent(),
                }
                for count in shared
                for figure in (_share(columns, key, count),)
            }
    return data


def _when_text(when: When) -> str:
    return f"{when.period} · 截至 as of {when.as_of}"


def _stats_report(
    what: str,
    labels: Mapping[str, str],
    ledger: Ledger,
    when: When,
    by: str | None,
    columns: Mapping[str, _Stats],
    names: Mapping[str, str],
    shared: tuple[str, ...] = (),
    extra: Mapping[str, Any] | None = None,
) -> Report:
    """The figures' table, titled ``what``, and their JSON: committee, period, as-of, groups.

    ``shared`` names the counts whose share of the total each group's column shows.
    """
    title = f"{what} — {ledger.committee.name} · {_when_text(when)}"
    table = _stats_table(title, labels, columns, names, shared)
    payload = {
        **when_payload(ledger, when),
        "by": by,
        **(extra or {}),
        "groups": _data(columns, names, shared),
    }
    return Report([table], payload)


def definition_options(function: Any) -> Any:
    """``--filing-count``, ``--reply-base``, ``--closed-means``: the office's definitions."""
    for name, enum, text in reversed(
        (
            ("--filing-count", FilingCount, "What 立案 counts: filed, or filed_and_merged."),
            ("--reply-base", ReplyBase, "The reply rate's denominator: assigned or filed."),
            (
                "--closed-means",
                ClosedMeaning,
                "What 办结 means: closed_step (an explicit 办结), rated (replied and rated) "
                "or replied.",
            ),
        )
    ):
        function = click.option(
            name,
            type=click.Choice([member.value for member in enum]),
            default=None,
            help=f"{text} Default: the committee's setting, else the first.",
        )(function)
    return function


def stats_settings(
    ledger: Ledger,
    satisfaction_base: str | None,
    filing_count: str | None,
    reply_base: str | None,
    closed_means: str | None,
    attribution: str = "all",
) -> StatsSettings:
    """The committee's settings with the options given on the command line over them."""
    settings = StatsSettings.for_committee(ledger.committee)
    changes: dict[str, Any] = {"attribution": Attribution.parse(attribution)}
    if satisfaction_base:
        changes["satisfaction_base"] = SatisfactionBase.parse(satisfaction_base)
    if filing_count:
        changes["filing_count"] = FilingCount.parse(filing_count)
    if reply_base:
        changes["reply_base"] = ReplyBase.parse(reply_base)
    if closed_means:
        changes["closed_means"] = ClosedMeaning.parse(closed_means)
    return attrs.evolve(settings, **changes)


def _definitions_payload(settings: StatsSettings) -> dict[str, Any]:
    return {
        "filing_count": settings.filing_count.value,
        "reply_base": settings.reply_base.value,
        "closed_means": settings.closed_means.value,
        "satisfaction_base": settings.satisfaction_base.value,
        "count_basically_satisfied": settings.count_basically_satisfied,
        "count_understanding": settings.count_understanding,
        "merge_stage": settings.rules.merge_stage.value,
        "reply_categories": str(settings.rules.reply_scheme),
        "satisfaction_levels": str(settings.rules.satisfaction_scale),
    }


@click.group("proposals")
def proposals() -> None:
    """Proposal (提案) figures."""


@proposals.command("stats")
@data_argument
@when_options
@click.option(
    "--by",
    "by",
    type=click.Choice(list(PROPOSAL_GROUPINGS)),
    help="Also give the figures of each session, activity group, special committee, unit, "
    "sector, proposer or handling unit.",
)
@click.option(
    "--attribution",
    type=click.Choice([a.value for a in Attribution]),
    default="all",
    show_default=True,
    help="A joint proposal counts in the groups of all its proposers, or of the lead only.",
)
@click.option(
    "--satisfaction-base",
    type=click.Choice([s.value for s in SatisfactionBase]),
    default=None,
    help="The satisfaction rate's denominator: rated, replied or assigned cases "
    "(default: the committee's satisfaction_base, else rated).",
)
@definition_options
@output_options
def proposal_stats(
    data: Path,
    year: int | None,
    period: str | None,
    as_of: str | None,
    by: str | None,
    attribution: str,
    satisfaction_base: str | None,
    filing_count: str | None,
    reply_base: str | None,
    closed_means: str | None,
    format: str,
    output: Path | None,
) -> None:
    """Counts and rates of the proposals submitted in the period, as they stood on --as-of.

    Every rate says which definition produced it; the committee's stated definitions are the
    defaults, and the options below override them.
    """
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    settings = stats_settings(
        ledger, satisfaction_base, filing_count, reply_base, closed_means, attribution
    )
    columns: dict[str, _Stats] = {
        TOTAL: proposal_statistics(ledger, period=when.period, as_of=when.as_of, settings=settings)
    }
    names: dict[str, str] = {}
    if by is not None:
        grouping = PROPOSAL_GROUPINGS[by]
        names = group_names(ledger, grouping)
        columns.update(
            proposal_statistics_by(
                ledger, grouping, period=when.period, as_of=when.as_of, settings=settings
            )
        )
    shared = SHARED_COUNTS if by is not None else ()
    report = _stats_report(
        "提案统计",
        PROPOSAL_COUNT_LABELS,
        ledger,
        when,
        by,
        columns,
        names,
        shared,
        {"definitions": _definitions_payload(settings)},
    )
    emit(report, format, output)


@click.group("info")
def info() -> None:
    """社情民意 information figures."""


@info.command("stats")
@data_argument
@when_options
@click.option(
    "--by",
    "by",
    type=click.Choice(list(INFO_GROUPINGS)),
    help="Also give the figures of each activity group, special committee, unit, sector, "
    "author, source activity or level.",
)
@click.option("--member", "member_id", metavar="ID", help="Only items this member wrote.")
@click.option("--group", "group_id", metavar="ID", help="Only items of this activity group.")
@click.option("--unit", "unit_id", metavar="ID", help="Only items of this participating unit.")
@click.option("--sector", "sector_id", metavar="ID", help="Only items of this sector.")
@click.option(
    "--activity", "activity_id", metavar="ID", help="Only items that came from this activity."
)
@match_option
@output_options
def info_stats(
    data: Path,
    year: int | None,
    period: str | None,
    as_of: str | None,
    by: str | None,
    member_id: str | None,
    group_id: str | None,
    unit_id: str | None,
    sector_id: str | None,
    activity_id: str | None,
    match: str | None,
    format: str,
    output: Path | None,
) -> None:
    """Counts and rates of the 社情民意 items submitted in the period (and chosen)."""
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    selection = InfoFilter(member_id, group_id, unit_id, sector_id, activity_id, match)
    _check_ids(ledger, selection)
    columns: dict[str, _Stats] = {
        TOTAL: info_statistics(ledger, period=when.period, as_of=when.as_of, selection=selection)
    }
    names: dict[str, str] = {}
    if by is not None:
        grouping = INFO_GROUPINGS[by]
        names = group_names(ledger, grouping)
        columns.update(
            info_statistics_by(
                ledger, grouping, period=when.period, as_of=when.as_of, selection=selection
            )
        )
    chosen = {k: v for k, v in attrs.asdict(selection).items() if v is not None}
    report = _stats_report(
        "社情民意统计",
        INFO_COUNT_LABELS,
        ledger,
        when,
        by,
        columns,
        names,
        extra={"filters": chosen},
    )
    emit(report, format, output)


def _check_ids(ledger: Ledger, selection: InfoFilter) -> None:
    """Refuse a filter naming a member, group, unit, sector or activity the ledger lacks."""
    known = {
        "member_id": ("--member", {m.id for m in ledger.members}),
        "group_id": ("--group", {g.id for g in ledger.activity_groups}),
        "unit_id": ("--unit", {u.id for u in ledger.units}),
        "sector_id": ("--sector", {s.id for s in ledger.sectors}),
        "activity_id": ("--activity", {a.id for a in ledger.activities}),
    }
    for field, (option, ids) in known.items():
        value = getattr(selection, field)
        if value is not None and value not in ids:
            raise CppccError(
                f"{option} {value!r} is not in the dataset",
                hint=f"use one of: {', '.join(sorted(ids)) or '(none recorded)'}",
            )


@click.command("workplan")
@data_argument
@click.option("--year", type=click.IntRange(1949, 2999), help="The plan's year (default: latest).")
@output_options
def workplan(data: Path, year: int | None, format: str, output: Path | None) -> None:
    """The work plan's main items (工作要点): categories, lead bodies (牵头单位), progress."""
    ledger = load(data)
    plans = sorted(ledger.work_plans, key=lambda p: (p.year, p.id))
    if year is not None:
        plans = [p for p in plans if p.year == year]
    if not plans:
        raise CppccError(
            "the dataset has no work plan" + (f" for {year}" if year is not None else ""),
            hint="add the work_plans and work_items tables (工作要点, 工作事项)",
        )
    plan = plans[-1]
    by_category = plan.by_category()
    items: list[list[Cell]] = []
    summary: list[list[Cell]] = []
    categories_out = []
    for category, category_items in by_category.items():
        for position, item in enumerate(category_items, start=1):
            items.append(
                [
                    item.number,
                    category.label,
                    position,
                    item.title,
                    "、".join(item.lead_bodies) or None,
                    item.status.label,
                ]
            )
        leads: dict[str, int] = {}
        for item in category_items:
            for body in item.lead_bodies:
                leads[body] = leads.get(body, 0) + 1
        lead_text = "、".join(f"{b}×{n}" if n > 1 else b for b, n in leads.items())
        summary.append([category.label, len(category_items), lead_text or None])
        categories_out.append(
            {
                "category": category.value,
                "label": category.label,
                "items": len(category_items),
                "lead_bodies": leads,
            }
        )
    summary.append(["合计 total", len(plan.items), None])
    statuses = {s: sum(1 for i in plan.items if i.status is s) for s in WorkItemStatus}
    progress: list[list[Cell]] = [[s.label, n] for s, n in statuses.items()]
    tables = [
        Table(
            f"{plan.title} — 主要工作事项 (共{len(plan.items)}项)",
            [
                ("number", "序号"),
                ("category", "类别"),
                ("position", "类内序号"),
                ("title", "事项"),
                ("lead_bodies", "牵头单位"),
                ("status", "完成情况"),
            ],
            items,
        ),
        Table(
            "分类汇总 by category",
            [("category", "类别"), ("items", "事项数"), ("lead_bodies", "牵头单位")],
            summary,
        ),
        Table("完成情况 progress", [("status", "完成情况"), ("items", "事项数")], progress),
    ]
    payload = {
        "plan": plan.id,
        "year": plan.year,
        "title": plan.title,
        "items": len(plan.items),
        "categories": categories_out,
        "progress": {s.value: n for s, n in statuses.items()},
        "work_items": [
            {
                "number": i.number,
                "category": i.category.value,
                "title": i.title,
                "lead_bodies": list(i.lead_bodies),
                "status": i.status.value,
            }
            for i in sorted(plan.items, key=lambda i: i.number)
        ],
    }
    emit(Report(tables, payload), format, output)
