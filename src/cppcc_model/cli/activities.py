"""``cppcc activities stats`` and ``cppcc activities list``: meetings and activities, counted.

How many activities of each kind a committee held, who organised them, in which month or
quarter, and how many roll-call entries and attendances (人次) they had — the figures an annual
review states ("召开传达落实会议18次", "举办读书活动3场，参加活动50人次").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import (
    When,
    data_argument,
    emit,
    load,
    output_options,
    resolve_when,
    when_options,
)
from cppcc_model.cli.records import (
    NONE_KEY,
    body_key,
    body_names,
    count_columns,
    count_table,
    groups_payload,
    kinds_option,
    match_option,
    month_key,
    parse_kinds,
    quarter_key,
    select_records,
    when_payload,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import Activity, ActivityKind, AttendanceStatus

__all__ = ["ACTIVITY_COUNT_LABELS", "ACTIVITY_GROUPINGS", "activities", "activity_counts"]

ACTIVITY_COUNT_LABELS = {
    "activities": "活动 (次)",
    "half_days": "半天数",
    "invited": "应到 (人次)",
    "attended": "参加 (人次)",
    "excused": "请假 (人次)",
    "unexcused": "缺席 (人次)",
    "members": "参加委员 (人)",
}
"""Every activity count, in the order the command lists them."""

ACTIVITY_GROUPINGS = ("kind", "organiser", "organiser-kind", "month", "quarter")
"""``cppcc activities stats --by`` values."""


def activity_counts(activities: Sequence[Activity]) -> dict[str, int]:
    """The counts of :data:`ACTIVITY_COUNT_LABELS` over ``activities``."""
    entries = [entry for activity in activities for entry in activity.attendance]
    return {
        "activities": len(activities),
        "half_days": sum(activity.half_days for activity in activities),
        "invited": len(entries),
        "attended": sum(1 for entry in entries if entry.status.attended),
        "excused": sum(1 for entry in entries if entry.status is AttendanceStatus.EXCUSED),
        "unexcused": sum(
            1 for entry in entries if entry.status.counted_as is AttendanceStatus.UNEXCUSED
        ),
        "members": len({entry.member_id for entry in entries if entry.status.attended}),
    }


def _selected(
    ledger: Ledger, when: When, kinds: Sequence[str], match: str | None
) -> list[Activity]:
    wanted = parse_kinds(ActivityKind, kinds)
    return select_records(ledger.activities_in(when.period), lambda a: a.start, when, wanted, match)


def _bucket(ledger: Ledger, by: str) -> Callable[[Activity], tuple[str, str]]:
    names = body_names(ledger)
    if by == "kind":
        return lambda a: (a.kind.value, a.kind.label)
    if by == "organiser":
        return lambda a: body_key(a.organiser, names)
    if by == "organiser-kind":
        return lambda a: (
            (a.organiser.kind.value, a.organiser.kind.label)
            if a.organiser is not None
            else (NONE_KEY, "无 none")
        )
    if by == "month":
        return lambda a: (month_key(a.start), month_key(a.start))
    return lambda a: (quarter_key(a.start), quarter_key(a.start))


@click.group("activities")
def activities() -> None:
    """Meetings and activities (会议、活动) and their attendance."""


@activities.command("stats")
@data_argument
@when_options
@click.option(
    "--by",
    "by",
    type=click.Choice(ACTIVITY_GROUPINGS),
    help="Also count by kind, organiser, kind of organiser, month or quarter.",
)
@kinds_option("activities")
@match_option
@output_options
def activity_stats(
    data: Path,
    year: int | None,
    period: str | None,
    as_of: str | None,
    by: str | None,
    kinds: Sequence[str],
    match: str | None,
    format: str,
    output: Path | None,
) -> None:
    """Count the activities that started in the period, and their roll calls (人次)."""
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    chosen = _selected(ledger, when, kinds, match)
    key_of = _bucket(ledger, by) if by is not None else None
    columns, names = count_columns(
        chosen, activity_counts, None if key_of is None else lambda a: [key_of(a)]
    )
    filters = {"kinds": [k.value for k in parse_kinds(ActivityKind, kinds)], "match": match}
    table = count_table(
        f"活动统计 — {ledger.committee.name} · {when.period} · 截至 as of {when.as_of}",
        ACTIVITY_COUNT_LABELS,
        columns,
        names,
    )
    payload: dict[str, Any] = {
        **when_payload(ledger, when),
        "by": by,
        **filters,
        "groups": groups_payload(columns, names),
    }
    emit(Report([table], payload), format, output)


@activities.command("list")
@data_argument
@when_options
@kinds_option("activities")
@match_option
@output_options
def activity_list(
    data: Path,
    year: int | None,
    period: str | None,
    as_of: str | None,
    kinds: Sequence[str],
    match: str | None,
    format: str,
    output: Path | None,
) -> None:
    """List the activities that started in the period, by date, with their roll-call counts."""
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    names = body_names(ledger)
    rows: list[list[Cell]] = []
    records = []
    for activity in _selected(ledger, when, kinds, match):
        counts = activity_counts([activity])
        _, organiser = body_key(activity.organiser, names)
        rows.append(
            [
                activity.id,
                activity.kind.label,
                activity.title,
                activity.start.isoformat(),
                activity.end.isoformat() if activity.end else None,
                activity.half_days,
                organiser if activity.organiser is not None else None,
                counts["invited"],
                counts["attended"],
            ]
        )
        records.append(
            {
                "id": activity.id,
                "kind": activity.kind.value,
                "title": activity.title,
                "start": activity.start.isoformat(),
                "end": activity.last_day.isoformat(),
                "half_days": activity.half_days,
                "organiser": organiser if activity.organiser is not None else None,
                "session": activity.session_id,
                "invited": counts["invited"],
                "attended": counts["attended"],
            }
        )
    table = Table(
        f"活动 — {ledger.committee.name} · {when.period} · 共{len(rows)}次",
        [
            ("id", "编号"),
            ("kind", "类别"),
            ("title", "名称"),
            ("start", "开始"),
            ("end", "结束"),
            ("half_days", "半天数"),
            ("organiser", "组织者"),
            ("invited", "应到"),
            ("attended", "参加"),
        ],
        rows,
    )
    emit(Report([table], {**when_payload(ledger, when), "activities": records}), format, output)
