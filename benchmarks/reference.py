"""Hand-written reference scorers of the Tongcheng 2019 rules (桐城), without the library's engine.

These are what a developer would write to score a ledger directly: :func:`dict_loop_totals`,
one pass over the records into plain dicts, and :func:`numpy_totals`, the same sums as
``numpy.bincount`` over columns. They implement exactly the rule set built by
``cppcc_rules_tongcheng.build_rule_set()`` (defaults ``collective="full"``, no meetings floor):

* 会议 (cap 50): plenary 出席/迟到/早退/部分出席 50, 请假 30, 无故缺席 0; standing-committee
  meetings −2 per 请假 and −5 per 无故缺席, for members who held the 常委 role in the period;
* 提案 (cap 25): 10 per proposal, 15 more once filed by the as-of date (a merged proposal
  counts as filed when the case it was merged into was filed by then); a sole proposer gets
  all of it, a joint proposal's first proposer half and the co-signers share the other half,
  a collective proposal credits each of its first three main members in full;
* 活动 (cap 10): 2 per attended research, inspection, democratic supervision, seminar, study,
  training, group or special-committee activity or other activity; 2 per meeting speech and
  5 per written speech, to each author;
* 社情民意 (cap 15): 10 per item, 5 more once adopted (at any level) by the as-of date, to each
  author.

Records count when dated inside the period and on or before the as-of day; members are those who
served on at least one day of it. Totals are exact; the test suite checks they equal the engine's
on generated ledgers.
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction
from pathlib import Path
from typing import Any

from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    ActivityKind,
    AttendanceStatus,
    ContributionKind,
    InfoStep,
    Period,
    ProposalStep,
    ProposerKind,
    RoleKind,
)

__all__ = [
    "ColumnarLedger",
    "PolarsLedger",
    "dict_loop_totals",
    "numpy_totals",
    "polars_load_score_rank",
    "polars_rank",
    "polars_totals",
    "read_polars",
    "to_columns",
    "to_polars",
]

_PLENARY = {
    AttendanceStatus.PRESENT: 50,
    AttendanceStatus.LATE: 50,
    AttendanceStatus.LEFT_EARLY: 50,
    AttendanceStatus.PARTIAL: 50,
    AttendanceStatus.EXCUSED: 30,
    AttendanceStatus.UNEXCUSED: 0,
}
_STANDING = {AttendanceStatus.EXCUSED: -2, AttendanceStatus.UNEXCUSED: -5}
_COUNTED_KINDS = frozenset(
    {
        ActivityKind.RESEARCH,
        ActivityKind.INSPECTION,
        ActivityKind.DEMOCRATIC_SUPERVISION,
        ActivityKind.SEMINAR,
        ActivityKind.STUDY,
        ActivityKind.TRAINING,
        ActivityKind.GROUP_ACTIVITY,
        ActivityKind.SPECIAL_COMMITTEE_ACTIVITY,
        ActivityKind.OTHER,
    }
)
_ATTENDED = frozenset(
    {
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
        AttendanceStatus.LEFT_EARLY,
        AttendanceStatus.PARTIAL,
    }
)
_SPEECHES = {ContributionKind.MEETING_SPEECH: 2, ContributionKind.WRITTEN_SPEECH: 5}
_CAPS = (50, 25, 10, 15)
"""Caps of 会议, 提案, 活动, 社情民意, in that order (the category codes 0-3 below)."""


def _assessed(ledger: Ledger, period: Period) -> tuple[list[str], set[str]]:
    """Ids of the members who served in ``period``, and of those who were 常委 in it."""
    start, end = period.start, period.end
    ids: list[str] = []
    standing: set[str] = set()
    for member in ledger.members:
        if (member.joined is None or member.joined <= end) and (
            member.left is None or start <= member.left
        ):
            ids.append(member.id)
            for spell in member.roles:
                if (
                    spell.role is RoleKind.STANDING_MEMBER
                    and spell.start <= end
                    and (spell.end is None or start <= spell.end)
                ):
                    standing.add(member.id)
    return ids, standing


def _filed(ledger: Ledger, as_of: dt.date) -> set[str]:
    """Ids of the proposals with their own 立案 step on or before ``as_of``."""
    return {
        p.id
        for p in ledger.proposals
        if any(e.step is ProposalStep.FILED and e.on <= as_of for e in p.history)
    }


def _counts_as_filed(proposal: Any, filed: set[str], as_of: dt.date) -> bool:
    if proposal.id in filed:
        return True
    return any(
        e.step is ProposalStep.MERGED and e.on <= as_of and e.parent_id in filed
        for e in proposal.history
    )


def dict_loop_totals(
    ledger: Ledger, period: Period, as_of: dt.date | None = None
) -> dict[str, Fraction]:
    """Each assessed member's exact Tongcheng total, by one plain loop over the records."""
    as_of = period.end if as_of is None else as_of
    start, end = period.start, min(period.end, as_of)  # nothing dated after as_of counts
    ids, standing = _assessed(ledger, period)
    meetings = dict.fromkeys(ids, 0)
    proposals: dict[str, Any] = dict.fromkeys(ids, 0)
    activities = dict.fromkeys(ids, 0)
    information = dict.fromkeys(ids, 0)

    for activity in ledger.activities:
        if not start <= activity.start <= end:
            continue
        kind = activity.kind
        if kind is ActivityKind.PLENARY:
            for entry in activity.attendance:
                if entry.member_id in meetings:
                    meetings[entry.member_id] += _PLENARY[entry.status]
        elif kind is ActivityKind.STANDING_COMMITTEE_MEETING:
            for entry in activity.attendance:
                if entry.member_id in standing:
                    meetings[entry.member_id] += _STANDING.get(entry.status, 0)
        elif kind in _COUNTED_KINDS:
            for entry in activity.attendance:
                if entry.status in _ATTENDED and entry.member_id in activities:
                    activities[entry.member_id] += 2

    filed = _filed(ledger, as_of)
    for proposal in ledger.proposals:
        if not start <= proposal.submitted_on <= end:
            continue
        value = 25 if _counts_as_filed(proposal, filed, as_of) else 10
        signers = proposal.member_ids
        if proposal.proposer_kind is ProposerKind.COLLECTIVE:
            for member_id in signers[:3]:
                if member_id in proposals:
                    proposals[member_id] += value
        elif len(signers) == 1:
            if signers[0] in proposals:
                proposals[signers[0]] += value
        else:
            if signers[0] in proposals:
                proposals[signers[0]] += Fraction(value, 2)
            rest = Fraction(value, 2 * (len(signers) - 1))
            for member_id in signers[1:]:
                if member_id in proposals:
                    proposals[member_id] += rest

    for report in ledger.info_reports:
        if not start <= report.submitted_on <= end:
            continue
        value = 10
        for event in report.history:
            if event.step is InfoStep.ADOPTED and event.on <= as_of:
                value = 15
                break
        for member_id in report.author_ids:
            if member_id in information:
                information[member_id] += value

    for contribution in ledger.contributions:
        points = _SPEECHES.get(contribution.kind)
        if points is None or not start <= contribution.on <= end:
            continue
        for member_id in contribution.author_ids:
            if member_id in activities:
                activities[member_id] += points

    return {
        member_id: Fraction(
            min(meetings[member_id], 50)
            + min(proposals[member_id], 25)
            + min(activities[member_id], 10)
            + min(information[member_id], 15)
        )
        for member_id in ids
    }


class ColumnarLedger:
    """A ledger's credits as columns: member index, category (0-3) and scaled points.

    Points are whole multiples of ``1/scale`` (``scale`` is the least common multiple of the
    denominators the joint-proposal split creates), so integer sums stay exact.
    """

    def __init__(
        self, ids: list[str], member: list[int], category: list[int], points: list[int], scale: int
    ) -> None:
        """Hold the columns (plain lists; :func:`numpy_totals` turns them into arrays)."""
        self.ids = ids
        self.member = member
        self.category = category
        self.points = points
        self.scale = scale


def to_columns(ledger: Ledger, period: Period, as_of: dt.date | None = None) -> ColumnarLedger:
    """Flatten the rule-relevant records into columns (the part numpy cannot do)."""
    as_of = period.end if as_of is None else as_of
    start, end = period.start, min(period.end, as_of)  # nothing dated after as_of counts
    ids, standing = _assessed(ledger, period)
    index = {member_id: i for i, member_id in enumerate(ids)}
    scale = 2
    for proposal in ledger.proposals:
        if proposal.proposer_kind is not ProposerKind.COLLECTIVE and len(proposal.member_ids) > 1:
            scale = math.lcm(scale, 2 * (len(proposal.member_ids) - 1))
    member: list[int] = []
    category: list[int] = []
    points: list[int] = []
    add_m, add_c, add_p = member.append, category.append, points.append

    for activity in ledger.activities:
        if not start <= activity.start <= end:
            continue
        kind = activity.kind
        for entry in activity.attendance:
            i = index.get(entry.member_id)
            if i is None:
                continue
            if kind is ActivityKind.PLENARY:
                add_m(i), add_c(0), add_p(_PLENARY[entry.status] * scale)
            elif kind is ActivityKind.STANDING_COMMITTEE_MEETING:
                if entry.member_id in standing:
                    add_m(i), add_c(0), add_p(_STANDING.get(entry.status, 0) * scale)
            elif kind in _COUNTED_KINDS and entry.status in _ATTENDED:
                add_m(i), add_c(2), add_p(2 * scale)

    filed = _filed(ledger, as_of)
    for proposal in ledger.proposals:
        if not start <= proposal.submitted_on <= end:
            continue
        value = (25 if _counts_as_filed(proposal, filed, as_of) else 10) * scale
        signers = proposal.member_ids
        if proposal.proposer_kind is ProposerKind.COLLECTIVE or len(signers) == 1:
            shares = [(m, value) for m in signers[:3]]
        else:
            rest = value // (2 * (len(signers) - 1))
            shares = [(signers[0], value // 2)] + [(m, rest) for m in signers[1:]]
        for member_id, share in shares:
            i = index.get(member_id)
            if i is not None:
                add_m(i), add_c(1), add_p(share)

    for report in ledger.info_reports:
        if not start <= report.submitted_on <= end:
            continue
        adopted = any(e.step is InfoStep.ADOPTED and e.on <= as_of for e in report.history)
        value = (15 if adopted else 10) * scale
        for member_id in report.author_ids:
            i = index.get(member_id)
            if i is not None:
                add_m(i), add_c(3), add_p(value)

    for contribution in ledger.contributions:
        speech = _SPEECHES.get(contribution.kind)
        if speech is None or not start <= contribution.on <= end:
            continue
        for member_id in contribution.author_ids:
            i = index.get(member_id)
            if i is not None:
                add_m(i), add_c(2), add_p(speech * scale)
    return ColumnarLedger(ids, member, category, points, scale)


def numpy_totals(columns: ColumnarLedger) -> dict[str, Fraction]:
    """The same totals from :func:`to_columns`'s output, by ``numpy.bincount`` and caps.

    Raises:
        ModuleNotFoundError: when numpy is not installed.

    """
    import numpy as np

    n = len(columns.ids)
    member = np.asarray(columns.member, dtype=np.int64)
    category = np.asarray(columns.category, dtype=np.int64)
    points = np.asarray(columns.points, dtype=np.int64)
    # float64 sums of integers stay exact below 2**53; the largest per-member sum is far below.
    sums = np.bincount(member * 4 + category, weights=points, minlength=n * 4).reshape(n, 4)
    caps = np.asarray(_CAPS, dtype=np.float64) * columns.scale
    totals = np.minimum(sums, caps).sum(axis=1).astype(np.int64)
    return {
        member_id: Fraction(int(total), columns.scale)
        for member_id, total in zip(columns.ids, totals.tolist(), strict=True)
    }


class PolarsLedger:
    """A ledger's raw records as polars frames, before any rule is applied.

    ``attendance`` (member, kind, status, on), ``signers`` (proposal, member, position,
    signers, collective, on), ``proposal_events`` (proposal, step, on, parent),
    ``authors`` (report, member, on), ``info_events`` (report, step, on), ``contributions``
    (member, kind, on), and ``members`` (id, joined, left, standing spells as start/end).
    """

    def __init__(self, frames: dict[str, Any]) -> None:
        """Hold the frames."""
        self.frames = frames


def to_polars(ledger: Ledger) -> PolarsLedger:
    """Flatten the records into frames of plain values (what a loader producing columns does)."""
    import polars as pl

    att: dict[str, list[Any]] = {"member": [], "kind": [], "status": [], "on": []}
    for activity in ledger.activities:
        kind = activity.kind.value
        for entry in activity.attendance:
            att["member"].append(entry.member_id)
            att["kind"].append(kind)
            att["status"].append(entry.status.value)
            att["on"].append(activity.start)
    sig: dict[str, list[Any]] = {
        "proposal": [],
        "member": [],
        "position": [],
        "signers": [],
        "collective": [],
        "on": [],
    }
    events: dict[str, list[Any]] = {"proposal": [], "step": [], "on": [], "parent": []}
    for proposal in ledger.proposals:
        collective = proposal.proposer_kind is ProposerKind.COLLECTIVE
        count = len(proposal.member_ids)
        for position, member_id in enumerate(proposal.member_ids):
            sig["proposal"].append(proposal.id)
            sig["member"].append(member_id)
            sig["position"].append(position)
            sig["signers"].append(count)
            sig["collective"].append(collective)
            sig["on"].append(proposal.submitted_on)
        for event in proposal.history:
            if event.step in (ProposalStep.FILED, ProposalStep.MERGED):
                events["proposal"].append(proposal.id)
                events["step"].append(event.step.value)
                events["on"].append(event.on)
                events["parent"].append(event.parent_id)
    authors: dict[str, list[Any]] = {"report": [], "member": [], "on": []}
    info_events: dict[str, list[Any]] = {"report": [], "on": []}
    for report in ledger.info_reports:
        for member_id in report.author_ids:
            authors["report"].append(report.id)
            authors["member"].append(member_id)
            authors["on"].append(report.submitted_on)
        for info_event in report.history:
            if info_event.step is InfoStep.ADOPTED:
                info_events["report"].append(report.id)
                info_events["on"].append(info_event.on)
    contributions: dict[str, list[Any]] = {"member": [], "kind": [], "on": []}
    for contribution in ledger.contributions:
        for member_id in contribution.author_ids:
            contributions["member"].append(member_id)
            contributions["kind"].append(contribution.kind.value)
            contributions["on"].append(contribution.on)
    members: dict[str, list[Any]] = {"id": [], "joined": [], "left": []}
    spells: dict[str, list[Any]] = {"id": [], "start": [], "end": []}
    for member in ledger.members:
        members["id"].append(member.id)
        members["joined"].append(member.joined)
        members["left"].append(member.left)
        for spell in member.roles:
            if spell.role is RoleKind.STANDING_MEMBER:
                spells["id"].append(member.id)
                spells["start"].append(spell.start)
                spells["end"].append(spell.end)
    date = pl.Date
    return PolarsLedger(
        {
            "attendance": pl.DataFrame(
                att,
                schema={"member": pl.String, "kind": pl.String, "status": pl.String, "on": date},
            ),
            "signers": pl.DataFrame(
                sig,
                schema={
                    "proposal": pl.String,
                    "member": pl.String,
                    "position": pl.Int32,
                    "signers": pl.Int32,
                    "collective": pl.Boolean,
                    "on": date,
                },
            ),
            "proposal_events": pl.DataFrame(
                events,
                schema={"proposal": pl.String, "step": pl.String, "on": date, "parent": pl.String},
            ),
            "authors": pl.DataFrame(
                authors, schema={"report": pl.String, "member": pl.String, "on": date}
            ),
            "info_events": pl.DataFrame(info_events, schema={"report": pl.String, "on": date}),
            "contributions": pl.DataFrame(
                contributions, schema={"member": pl.String, "kind": pl.String, "on": date}
            ),
            "members": pl.DataFrame(
                members, schema={"id": pl.String, "joined": date, "left": date}
            ),
            "spells": pl.DataFrame(spells, schema={"id": pl.String, "start": date, "end": date}),
        }
    )


def polars_totals(
    frames: PolarsLedger, period: Period, as_of: dt.date | None = None
) -> dict[str, Fraction]:
    """The same totals, every rule written as polars expressions over :func:`to_polars`."""
    units, scale = _polars_units(frames, period, as_of)
    return {
        member_id: Fraction(points, scale)
        for member_id, points in zip(units["member"].to_list(), units["p"].to_list(), strict=True)
    }


def _polars_units(
    frames: PolarsLedger, period: Period, as_of: dt.date | None = None
) -> tuple[Any, int]:
    """Each assessed member's total in units of ``1/scale`` (``member``, ``p``), and scale."""
    import polars as pl

    as_of = period.end if as_of is None else as_of
    start, end = period.start, period.end
    f = frames.frames
    in_period = pl.col("on").is_between(start, min(end, as_of))  # nothing dated after as_of
    members = f["members"].filter(
        (pl.col("joined").is_null() | (pl.col("joined") <= end))
        & (pl.col("left").is_null() | (pl.col("left") >= start))
    )
    ids = members["id"]
    standing = (
        f["spells"]
        .filter((pl.col("start") <= end) & (pl.col("end").is_null() | (pl.col("end") >= start)))
        .select("id")
        .unique()
    )["id"]
    signers = f["signers"].filter(in_period)
    joint = signers.filter(~pl.col("collective") & (pl.col("signers") > 1))
    scale = 2
    for k in joint["signers"].unique().to_list():
        scale = math.lcm(scale, 2 * (k - 1))

    plenary = {s.value: v for s, v in _PLENARY.items()}
    standing_values = {s.value: v for s, v in _STANDING.items()}
    attendance = f["attendance"].filter(in_period)
    meetings = pl.concat(
        [
            attendance.filter(pl.col("kind") == ActivityKind.PLENARY.value).select(
                "member", pl.col("status").replace_strict(plenary, return_dtype=pl.Int64).alias("p")
            ),
            attendance.filter(
                (pl.col("kind") == ActivityKind.STANDING_COMMITTEE_MEETING.value)
                & pl.col("member").is_in(standing.implode())
            ).select(
                "member",
                pl.col("status")
                .replace_strict(standing_values, default=0, return_dtype=pl.Int64)
                .alias("p"),
            ),
        ]
    ).with_columns(pl.lit(0, pl.Int8).alias("c"))
    counted = [k.value for k in _COUNTED_KINDS]
    attended = [s.value for s in _ATTENDED]
    activities = attendance.filter(
        pl.col("kind").is_in(counted) & pl.col("status").is_in(attended)
    ).select("member", pl.lit(2, pl.Int64).alias("p"), pl.lit(2, pl.Int8).alias("c"))
    speeches = {k.value: v for k, v in _SPEECHES.items()}
    spoken = (
        f["contributions"]
        .filter(in_period & pl.col("kind").is_in(list(speeches)))
        .select(
            "member",
            pl.col("kind").replace_strict(speeches, return_dtype=pl.Int64).alias("p"),
            pl.lit(2, pl.Int8).alias("c"),
        )
    )
    events = f["proposal_events"].filter(pl.col("on") <= as_of)
    filed = events.filter(pl.col("step") == ProposalStep.FILED.value).select("proposal").unique()
    merged = (
        events.filter(pl.col("step") == ProposalStep.MERGED.value)
        .join(filed, left_on="parent", right_on="proposal")
        .select("proposal")
    )
    counts = pl.concat([filed, merged]).unique().with_columns(pl.lit(True).alias("filed"))
    k = pl.col("signers").cast(pl.Int64)
    value = pl.when(pl.col("filed")).then(25).otherwise(10).cast(pl.Int64) * scale
    share = (
        pl.when(pl.col("collective"))
        .then(pl.when(pl.col("position") < 3).then(value).otherwise(0))
        .when(k == 1)
        .then(value)
        .when(pl.col("position") == 0)
        .then(value // 2)
        .otherwise(value // (2 * (k - 1)))
    )
    proposals = (
        signers.join(counts, on="proposal", how="left")
        .with_columns(pl.col("filed").fill_null(False))
        .select("member", share.alias("p"), pl.lit(1, pl.Int8).alias("c"))
    )
    adopted = (
        f["info_events"]
        .filter(pl.col("on") <= as_of)
        .select("report")
        .unique()
        .with_columns(pl.lit(True).alias("adopted"))
    )
    information = (
        f["authors"]
        .filter(in_period)
        .join(adopted, on="report", how="left")
        .select(
            "member",
            pl.when(pl.col("adopted")).then(15).otherwise(10).cast(pl.Int64).alias("p"),
            pl.lit(3, pl.Int8).alias("c"),
        )
    )
    scaled = [
        frame.with_columns(pl.col("p") * scale)
        for frame in (meetings, activities, spoken, information)
    ]
    credits = pl.concat([*scaled, proposals]).filter(pl.col("member").is_in(ids.implode()))
    caps = pl.DataFrame(
        {"c": [0, 1, 2, 3], "cap": [cap * scale for cap in _CAPS]},
        schema={"c": pl.Int8, "cap": pl.Int64},
    )
    sums = (
        credits.group_by("member", "c")
        .agg(pl.col("p").sum())
        .join(caps, on="c")
        .select("member", pl.min_horizontal("p", "cap").alias("p"))
        .group_by("member")
        .agg(pl.col("p").sum())
    )
    units = (
        members.select(pl.col("id").alias("member"))
        .join(sums, on="member", how="left", maintain_order="left")
        .with_columns(pl.col("p").fill_null(0))
    )
    return units, scale


def read_polars(directory: Path) -> PolarsLedger:
    """Read the CSV dataset ``directory`` straight into :func:`to_polars`'s frames.

    What a hand-written script loading the dataset with polars does: ``pl.read_csv`` of the
    nine tables the Tongcheng rules read (every cell as text), dates parsed as ``YYYY-MM-DD``,
    the ``；``/``;``-separated id lists split, attendance joined to its activities. It trusts the
    files (English headers and ids, as ``write_dataset(..., "csv")`` writes them) and checks
    nothing: it is the floor a loader that validates cannot go below.
    """
    import polars as pl

    def table(name: str, columns: list[str]) -> pl.DataFrame:
        return pl.read_csv(directory / f"{name}.csv", columns=columns, infer_schema=False)

    def day(name: str) -> pl.Expr:
        return pl.col(name).str.to_date("%Y-%m-%d")

    def ids(name: str) -> pl.Expr:
        return (
            pl.col(name)
            .str.replace_all("；", ";")
            .str.split(";")
            .list.eval(pl.element().str.strip_chars())
        )

    activities = table("activities", ["id", "kind", "start"]).select(
        pl.col("id").alias("activity_id"), "kind", day("start").alias("on")
    )
    attendance = (
        table("attendance", ["activity_id", "member_id", "status"])
        .join(activities, on="activity_id", how="left", maintain_order="left")
        .select(
            pl.col("member_id").alias("member"),
            "kind",
            pl.col("status").fill_null(AttendanceStatus.PRESENT.value),
            "on",
        )
    )
    signers = (
        table("proposals", ["id", "submitted_on", "proposer_kind", "member_ids"])
        .select(
            pl.col("id").alias("proposal"),
            ids("member_ids").alias("member"),
            (pl.col("proposer_kind") == ProposerKind.COLLECTIVE.value).alias("collective"),
            day("submitted_on").alias("on"),
        )
        .with_columns(
            pl.int_ranges(pl.col("member").list.len(), dtype=pl.Int32).alias("position"),
            pl.col("member").list.len().cast(pl.Int32).alias("signers"),
        )
        .explode("member", "position")
        .filter(pl.col("member").is_not_null())
    )
    steps = [ProposalStep.FILED.value, ProposalStep.MERGED.value]
    events = (
        table("proposal_events", ["proposal_id", "step", "on", "parent_id"])
        .filter(pl.col("step").is_in(steps))
        .select(
            pl.col("proposal_id").alias("proposal"),
            "step",
            day("on"),
            pl.col("parent_id").alias("parent"),
        )
    )
    authors = (
        table("info_reports", ["id", "submitted_on", "author_ids"])
        .select(
            pl.col("id").alias("report"),
            ids("author_ids").alias("member"),
            day("submitted_on").alias("on"),
        )
        .explode("member")
        .filter(pl.col("member").is_not_null())
    )
    info_events = (
        table("info_events", ["report_id", "step", "on"])
        .filter(pl.col("step") == InfoStep.ADOPTED.value)
        .select(pl.col("report_id").alias("report"), day("on"))
    )
    contributions = (
        table("contributions", ["kind", "on", "author_ids"])
        .select(ids("author_ids").alias("member"), "kind", day("on"))
        .explode("member")
        .filter(pl.col("member").is_not_null())
    )
    members = table("members", ["id", "joined", "left"]).select("id", day("joined"), day("left"))
    spells = (
        table("roles", ["member_id", "role", "start", "end"])
        .filter(pl.col("role") == RoleKind.STANDING_MEMBER.value)
        .select(pl.col("member_id").alias("id"), day("start"), day("end"))
    )
    return PolarsLedger(
        {
            "attendance": attendance,
            "signers": signers.select(
                "proposal", "member", "position", "signers", "collective", "on"
            ),
            "proposal_events": events,
            "authors": authors,
            "info_events": info_events,
            "contributions": contributions.select("member", "kind", "on"),
            "members": members,
            "spells": spells,
        }
    )


def polars_rank(frames: PolarsLedger, period: Period, as_of: dt.date | None = None) -> Any:
    """Score :func:`polars_totals`'s rules and rank: a frame ``member``, ``p``, ``rank``, ``scale``.

    ``p`` is the total in units of ``1/scale``; ``rank`` is the competition rank (``1, 2, 2,
    4``), highest total first, ties listed by member id — what :func:`cppcc_model.assess.rank`
    gives the library's totals.
    """
    import polars as pl

    units, scale = _polars_units(frames, period, as_of)
    return units.sort(["p", "member"], descending=[True, False]).with_columns(
        pl.col("p").rank("min", descending=True).cast(pl.Int64).alias("rank"),
        pl.lit(scale, pl.Int64).alias("scale"),
    )


def polars_load_score_rank(directory: Path, period: Period, as_of: dt.date | None = None) -> Any:
    """Load the CSV dataset with polars (:func:`read_polars`), score, rank (:func:`polars_rank`)."""
    return polars_rank(read_polars(directory), period, as_of)
