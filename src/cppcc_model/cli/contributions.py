"""``cppcc contributions stats`` and ``cppcc contributions list``: other contributions, counted.

Research reports, recommendations, cultural-history material, speeches, duty reports, practical
deeds, supervision opinions, publicity articles and commendations (履职成果) — by kind, by the
level they were adopted, published or commended at, by the authors' group, unit or special
committee, by authoring body, month or quarter; with their length in characters, where recorded
("上报文史资料万字以上").
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
from cppcc_model.model import BodyKind, Contribution, ContributionKind

__all__ = [
    "CONTRIBUTION_COUNT_LABELS",
    "CONTRIBUTION_GROUPINGS",
    "contribution_counts",
    "contributions",
]

CONTRIBUTION_COUNT_LABELS = {
    "contributions": "成果 (件)",
    "by_members": "委员所作",
    "by_bodies": "组织所作",
    "authors": "作者 (人)",
    "length_chars": "字数",
}
"""Every contribution count, in the order the command lists them."""

CONTRIBUTION_GROUPINGS = (
    "kind",
    "level",
    "body",
    "group",
    "unit",
    "committee",
    "month",
    "quarter",
)
"""``cppcc contributions stats --by`` values."""

_NONE = (NONE_KEY, "无 none")


def contribution_counts(found: Sequence[Contribution]) -> dict[str, int]:
    """The counts of :data:`CONTRIBUTION_COUNT_LABELS` over ``found``."""
    return {
        "contributions": len(found),
        "by_members": sum(1 for c in found if c.author_ids),
        "by_bodies": sum(1 for c in found if not c.author_ids),
        "authors": len({author for c in found for author in c.author_ids}),
        "length_chars": sum(c.length_chars or 0 for c in found),
    }


def _selected(
    ledger: Ledger, when: When, kinds: Sequence[str], match: str | None
) -> list[Contribution]:
    wanted = parse_kinds(ContributionKind, kinds)
    return select_records(ledger.contributions_in(when.period), lambda c: c.on, when, wanted, match)


def _buckets(ledger: Ledger, by: str) -> Callable[[Contribution], list[tuple[str, str]]]:
    """For each contribution, the buckets it counts in (once each)."""
    names = body_names(ledger)
    members = {m.id: m for m in ledger.members}
    if by == "kind":
        return lambda c: [(c.kind.value, c.kind.label)]
    if by == "level":
        return lambda c: [(c.level.value, c.level.label) if c.level is not None else _NONE]
    if by == "body":
        return lambda c: [body_key(c.body, names)]
    if by == "month":
        return lambda c: [(month_key(c.on), month_key(c.on))]
    if by == "quarter":
        return lambda c: [(quarter_key(c.on), quarter_key(c.on))]
    body_kind = {
        "group": BodyKind.ACTIVITY_GROUP,
        "unit": BodyKind.UNIT,
        "committee": BodyKind.SPECIAL_COMMITTEE,
    }[by]

    def ids_of(author: str) -> tuple[str | None, ...]:
        member = members[author]
        if by == "group":
            return (member.activity_group_id,)
        if by == "unit":
            return (member.unit_id,)
        return member.special_committee_ids

    def buckets(c: Contribution) -> list[tuple[str, str]]:
        ids = [i for author in c.author_ids for i in ids_of(author)]
        if c.body is not None and c.body.kind is body_kind:
            ids.append(c.body.id)
        found = [(i, names[body_kind].get(i, i)) for i in dict.fromkeys(ids) if i is not None]
        return found or [_NONE]

    return buckets


@click.group("contributions")
def contributions() -> None:
    """Other contributions (履职成果): reports, history, speeches, deeds, opinions, honours."""


@contributions.command("stats")
@data_argument
@when_options
@click.option(
    "--by",
    "by",
    type=click.Choice(CONTRIBUTION_GROUPINGS),
    help="Also count by kind, level, authoring body, the authors' activity group, unit or "
    "special committee (a contribution counts once in each), month or quarter.",
)
@kinds_option("contributions")
@match_option
@output_options
def contribution_stats(
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
    """Count the contributions dated in the period."""
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    chosen = _selected(ledger, when, kinds, match)
    columns, names = count_columns(
        chosen, contribution_counts, _buckets(ledger, by) if by is not None else None
    )
    table = count_table(
        f"履职成果统计 — {ledger.committee.name} · {when.period} · 截至 as of {when.as_of}",
        CONTRIBUTION_COUNT_LABELS,
        columns,
        names,
    )
    payload: dict[str, Any] = {
        **when_payload(ledger, when),
        "by": by,
        "kinds": [k.value for k in parse_kinds(ContributionKind, kinds)],
        "match": match,
        "groups": groups_payload(columns, names),
    }
    emit(Report([table], payload), format, output)


@contributions.command("list")
@data_argument
@when_options
@kinds_option("contributions")
@match_option
@output_options
def contribution_list(
    data: Path,
    year: int | None,
    period: str | None,
    as_of: str | None,
    kinds: Sequence[str],
    match: str | None,
    format: str,
    output: Path | None,
) -> None:
    """List the contributions dated in the period, by date, with authors, level and length."""
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    names = body_names(ledger)
    member_names = {m.id: m.name for m in ledger.members}
    rows: list[list[Cell]] = []
    records = []
    for c in _selected(ledger, when, kinds, match):
        authors = [member_names[a] for a in c.author_ids]
        body = body_key(c.body, names)[1] if c.body is not None else None
        rows.append(
            [
                c.id,
                c.kind.label,
                c.title,
                c.on.isoformat(),
                "、".join(authors) or None,
                body,
                c.level.label if c.level is not None else None,
                c.length_chars,
                c.note,
            ]
        )
        records.append(
            {
                "id": c.id,
                "kind": c.kind.value,
                "title": c.title,
                "on": c.on.isoformat(),
                "authors": authors,
                "author_ids": list(c.author_ids),
                "body": body,
                "level": c.level.value if c.level is not None else None,
                "length_chars": c.length_chars,
                "note": c.note,
            }
        )
    table = Table(
        f"履职成果 — {ledger.committee.name} · {when.period} · 共{len(rows)}件",
        [
            ("id", "编号"),
            ("kind", "类别"),
            ("title", "名称"),
            ("on", "日期"),
            ("authors", "作者"),
            ("body", "组织"),
            ("level", "级别"),
            ("length_chars", "字数"),
            ("note", "备注"),
        ],
        rows,
    )
    emit(Report([table], {**when_payload(ledger, when), "contributions": records}), format, output)
