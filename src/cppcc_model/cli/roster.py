"""``cppcc members stats``: how many members sit in each group, committee, unit and sector.

"全区209名政协委员编入4个专委会" (all members assigned to 4 special committees), "22个委员活动组
分别组建功能型党支部" (22 groups, each with a functional party branch): the roster's figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import BODY_WORDS, data_argument, emit, load, output_options
from cppcc_model.cli.records import NONE_KEY
from cppcc_model.ledger import Ledger
from cppcc_model.model import BodyKind, Member, parse_date

__all__ = ["ROSTER_GROUPINGS", "members"]

ROSTER_GROUPINGS = tuple(BODY_WORDS)
"""``cppcc members stats --by`` values: the bodies of :data:`BODY_WORDS`."""


def _bodies(ledger: Ledger, by: str) -> list[dict[str, Any]]:
    """Each body of the kind ``by`` names, with its own facts."""
    kind = BODY_WORDS[by]
    if kind is BodyKind.ACTIVITY_GROUP:
        return [
            {
                "id": g.id,
                "name": g.name,
                "kind": g.kind.value,
                "kind_label": g.kind.label,
                "party_branch": g.party_branch,
                "paired_committee": g.paired_committee_id,
            }
            for g in ledger.activity_groups
        ]
    if kind is BodyKind.SPECIAL_COMMITTEE:
        return [{"id": c.id, "name": c.name, "kind": None} for c in ledger.special_committees]
    if kind is BodyKind.UNIT:
        return [
            {"id": u.id, "name": u.short_name, "kind": u.kind.value, "kind_label": u.kind.label}
            for u in ledger.units
        ]
    return [{"id": s.id, "name": s.name, "kind": None} for s in ledger.sectors]


def _ids(member: Member, by: str) -> tuple[str, ...]:
    return member.body_ids(BODY_WORDS[by])


@click.group("members")
def members() -> None:
    """The roster (委员名单): members by group, special committee, unit and sector."""


@members.command("stats")
@data_argument
@click.option(
    "--by",
    "by",
    type=click.Choice(ROSTER_GROUPINGS),
    default="group",
    show_default=True,
    help="Count the members of each activity group, special committee, unit or sector.",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Only the members serving on this day (default: everyone on the roster).",
)
@output_options
def member_stats(data: Path, by: str, as_of: str | None, format: str, output: Path | None) -> None:
    """Count the members of each body (by id); members in none are counted as unassigned."""
    ledger = load(data)
    roster = list(ledger.members)
    if as_of is not None:
        day = parse_date(as_of)
        roster = [m for m in roster if m.is_serving(day)]
    counts: dict[str, int] = {}
    unassigned = 0
    for member in roster:
        ids = _ids(member, by)
        unassigned += not ids
        for body_id in ids:
            counts[body_id] = counts.get(body_id, 0) + 1
    bodies = sorted(_bodies(ledger, by), key=lambda body: str(body["id"]))
    for body in bodies:
        body["members"] = counts.get(body["id"], 0)
    rows: list[list[Cell]] = [
        [b["id"], b["name"], b.get("kind_label"), b["members"], b.get("party_branch")]
        for b in bodies
    ]
    rows.append([NONE_KEY, "未编入 unassigned", None, unassigned, None])
    table = Table(
        f"委员分布 — {ledger.committee.name} · 共{len(roster)}名委员",
        [
            ("id", "编号"),
            ("name", "名称"),
            ("kind", "类别"),
            ("members", "委员 (人)"),
            ("party_branch", "功能型党支部"),
        ],
        rows,
        [f"{len(bodies)} 个 bodies; 一名委员可在多个专委会 a member may sit on several committees"],
    )
    payload = {
        "committee": ledger.committee.name,
        "as_of": as_of,
        "by": by,
        "members": len(roster),
        "bodies": bodies,
        "unassigned": unassigned,
    }
    emit(Report([table], payload), format, output)
