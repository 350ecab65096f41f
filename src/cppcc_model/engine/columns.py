"""② Columns: a ledger's records as typed polars frames, built once per ledger.

Each record becomes one row per member it credits, with integer codes for its vocabularies
(source, kind, role, status, organiser kind, level) and the indexes that lead back to the record
(``ri``: its position in the ledger's tuple of that kind; ``ai``: the roll-call entry's position
in its activity). Nothing here depends on a period, an as-of date or a rule set: those are read by
the next stage (:mod:`cppcc_model.engine.facts`), so a ledger is flattened only once however many
times it is scored.

The stage histories of proposals and 社情民意 items are kept as event frames (one row per event
that maps to a :class:`~cppcc_model.rules.facts.Stage`), because which stages count depends on
the as-of date.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    ActivityKind,
    AttendanceStatus,
    BodyKind,
    ContributionKind,
    Level,
    ProposalStep,
    ProposerKind,
)
from cppcc_model.rules.facts import _INFO_STAGES, _PROPOSAL_STAGES, AuthorRole, Source, Stage

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "KIND_CODE",
    "LEVEL_CODE",
    "MERGED_STAGE",
    "ORGANISER_CODE",
    "ROLE_CODE",
    "SOURCE_CODE",
    "STAGE_CODE",
    "STATUS_CODE",
    "SUBMITTED_STAGE",
    "Columns",
    "columns_of",
]

SOURCE_CODE = {source: index for index, source in enumerate(Source)}
ROLE_CODE = {role: index for index, role in enumerate(AuthorRole)}
STAGE_CODE = {stage: index for index, stage in enumerate(Stage)}
STATUS_CODE = {status: index for index, status in enumerate(AttendanceStatus)}
ORGANISER_CODE = {kind: index for index, kind in enumerate(BodyKind)}
LEVEL_CODE = {level: level.rank for level in Level}
KIND_CODE = {
    kind: index
    for index, kind in enumerate(
        dict.fromkeys(
            ["proposal", "info_report"]
            + [k.value for k in ActivityKind]
            + [k.value for k in ContributionKind]
        )
    )
}
"""Every kind a fact can have (``Fact.kind``): the two record kinds, then activity and
contribution kinds."""
"""A level's code is its rank, so ``level >= min_level`` compares codes."""

SUBMITTED_STAGE = _SUBMITTED = STAGE_CODE[Stage.SUBMITTED]
MERGED_STAGE = STAGE_CODE[Stage.MERGED]
_CONVERTED = STAGE_CODE[Stage.CONVERTED]


@attrs.frozen(eq=False)
class Columns:
    """A ledger flattened into frames (internal to the engine).

    Attributes:
        member_ids: every member id, sorted; a member's code is its position here.
        credits: one row per (record, credited member): ``m``, ``src``, ``ri``, ``ai``,
            ``rid`` (the record id's rank among all record ids, for ordering), ``kind``,
            ``on``, ``pos``, ``authors``, ``coll``, ``status``, ``units``, ``total_units``,
            ``org``, ``level``.
        proposal_events: ``ri``, ``gate`` (the latest date of the history up to the event:
            it counts when that is not after the as-of date; null for 提交), ``stage``,
            ``level``.
        info_events: ``ri``, ``on``, ``stage``, ``level``.
        merges: ``ri``, ``on``, ``parent`` (the ``ri`` of the proposal it was merged into).
        conversions: ``ri`` (the proposal), ``on``, ``target`` (the 社情民意 item's ``ri``),
            one row per not-filed event converting into an item of the ledger.

    """

    member_ids: tuple[str, ...]
    credits: pl.DataFrame
    proposal_events: pl.DataFrame
    info_events: pl.DataFrame
    merges: pl.DataFrame
    conversions: pl.DataFrame


_CACHE: dict[int, tuple[weakref.ref[Ledger], Columns]] = {}
_LOCK = threading.Lock()


def columns_of(ledger: Ledger) -> Columns:
    """The columns of ``ledger``, built on first use and kept while the ledger lives."""
    key = id(ledger)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached[0]() is ledger:
            return cached[1]
    built = _build(ledger)
    with _LOCK:
        _CACHE[key] = (weakref.ref(ledger, _forget(key)), built)
    return built


def _forget(key: int) -> Callable[[object], None]:
    def forget(_ref: object, cache: dict[int, Any] = _CACHE) -> None:
        cache.pop(key, None)

    return forget


def _build(ledger: Ledger) -> Columns:
    import polars as pl

    member_ids = tuple(sorted({m.id for m in ledger.members}))
    member_code = {member_id: index for index, member_id in enumerate(member_ids)}
    record_ids = sorted(
        {a.id for a in ledger.activities}
        | {p.id for p in ledger.proposals}
        | {r.id for r in ledger.info_reports}
        | {c.id for c in ledger.contributions}
    )
    rank = {record_id: index for index, record_id in enumerate(record_ids)}
    kinds = KIND_CODE

    def kind_code(kind: str) -> int:
        return kinds[kind]

    cols: dict[str, list[Any]] = {
        name: []
        for name in (
            "m",
            "src",
            "ri",
            "ai",
            "rid",
            "kind",
            "on",
            "pos",
            "authors",
            "coll",
            "status",
            "units",
            "total_units",
            "org",
            "level",
        )
    }
    m, src, ri, ai, rid, kind, on = (
        cols["m"],
        cols["src"],
        cols["ri"],
        cols["ai"],
        cols["rid"],
        cols["kind"],
        cols["on"],
    )
    pos, authors, coll, status = cols["pos"], cols["authors"], cols["coll"], cols["status"]
    units, total_units, org, level = (
        cols["units"],
        cols["total_units"],
        cols["org"],
        cols["level"],
    )

    attendance = SOURCE_CODE[Source.ATTENDANCE]
    for index, activity in enumerate(ledger.activities):
        code = kind_code(activity.kind.value)
        record = rank[activity.id]
        organiser = None if activity.organiser is None else ORGANISER_CODE[activity.organiser.kind]
        half_days = activity.half_days
        for entry_index, entry in enumerate(activity.attendance):
            m.append(member_code[entry.member_id])
            src.append(attendance)
            ri.append(index)
            ai.append(entry_index)
            rid.append(record)
            kind.append(code)
            on.append(activity.start)
            pos.append(0)
            authors.append(1)
            coll.append(False)
            status.append(STATUS_CODE[entry.status])
            units.append(activity.half_days_attended(entry))
            total_units.append(half_days)
            org.append(organiser)
            level.append(None)

    def authored(source: Source, records: Any, author_field: str, kind_of: Any) -> None:
        code_source = SOURCE_CODE[source]
        for index, record in enumerate(records):
            ids = getattr(record, author_field)
            count = len(ids)
            record_rank = rank[record.id]
            record_kind, record_on, record_level, collective = kind_of(record)
            first: dict[str, int] = {}
            for place, member_id in enumerate(ids):
                first.setdefault(member_id, place)
            for member_id in ids:
                m.append(member_code[member_id])
                src.append(code_source)
                ri.append(index)
                ai.append(None)
                rid.append(record_rank)
                kind.append(record_kind)
                on.append(record_on)
                pos.append(first[member_id])
                authors.append(count)
                coll.append(collective)
                status.append(None)
                units.append(0)
                total_units.append(0)
                org.append(None)
                level.append(record_level)

    proposal_kind, info_kind = kinds["proposal"], kinds["info_report"]
    authored(
        Source.PROPOSAL,
        ledger.proposals,
        "member_ids",
        lambda p: (
            proposal_kind,
            p.submitted_on,
            None,
            p.proposer_kind is ProposerKind.COLLECTIVE,
        ),
    )
    authored(
        Source.INFO_REPORT,
        ledger.info_reports,
        "author_ids",
        lambda r: (info_kind, r.submitted_on, None, False),
    )
    authored(
        Source.CONTRIBUTION,
        ledger.contributions,
        "author_ids",
        lambda c: (
            kind_code(c.kind.value),
            c.on,
            None if c.level is None else LEVEL_CODE[c.level],
            False,
        ),
    )
    credits = pl.DataFrame(
        cols,
        schema={
            "m": pl.Int32,
            "src": pl.Int8,
            "ri": pl.Int32,
            "ai": pl.Int32,
            "rid": pl.Int32,
            "kind": pl.Int16,
            "on": pl.Date,
            "pos": pl.Int32,
            "authors": pl.Int32,
            "coll": pl.Boolean,
            "status": pl.Int8,
            "units": pl.Int32,
            "total_units": pl.Int32,
            "org": pl.Int8,
            "level": pl.Int8,
        },
    )

    proposal_index = {p.id: index for index, p in enumerate(ledger.proposals)}
    info_index = {r.id: index for index, r in enumerate(ledger.info_reports)}
    p_rows: dict[str, list[Any]] = {k: [] for k in ("ri", "gate", "stage", "level")}
    merges: dict[str, list[Any]] = {"ri": [], "on": [], "parent": []}
    conversions: dict[str, list[Any]] = {"ri": [], "on": [], "target": []}

    def stage_row(index: int, gate: Any, stage: int, level: int | None) -> None:
        p_rows["ri"].append(index)
        p_rows["gate"].append(gate)
        p_rows["stage"].append(stage)
        p_rows["level"].append(level)

    for index, proposal in enumerate(ledger.proposals):
        stage_row(index, None, _SUBMITTED, None)
        gate = None
        for event in proposal.history:
            # a history is read up to its first event after the as-of date: an event counts
            # when no event before it (nor itself) is later than the as-of date
            gate = event.on if gate is None or event.on > gate else gate
            stage = _PROPOSAL_STAGES.get(event.step)
            if stage is not None:
                level_code = None if event.level is None else LEVEL_CODE[event.level]
                stage_row(index, gate, STAGE_CODE[stage], level_code)
            if event.step is ProposalStep.NOT_FILED and event.converted_to:
                stage_row(index, gate, _CONVERTED, None)
                if event.converted_to in info_index:
                    conversions["ri"].append(index)
                    conversions["on"].append(event.on)
                    conversions["target"].append(info_index[event.converted_to])
            if event.step is ProposalStep.MERGED and event.parent_id in proposal_index:
                merges["ri"].append(index)
                merges["on"].append(event.on)
                merges["parent"].append(proposal_index[event.parent_id])
    proposal_events = pl.DataFrame(
        p_rows, schema={"ri": pl.Int32, "gate": pl.Date, "stage": pl.Int8, "level": pl.Int8}
    )
    merge_frame = pl.DataFrame(merges, schema={"ri": pl.Int32, "on": pl.Date, "parent": pl.Int32})
    i_rows: dict[str, list[Any]] = {k: [] for k in ("ri", "on", "stage", "level")}
    for index, report in enumerate(ledger.info_reports):
        i_rows["ri"].append(index)
        i_rows["on"].append(None)
        i_rows["stage"].append(_SUBMITTED)
        i_rows["level"].append(None)
        for info_event in report.history:
            info_stage = _INFO_STAGES.get(info_event.step)
            if info_stage is None:
                continue
            i_rows["ri"].append(index)
            i_rows["on"].append(info_event.on)
            i_rows["stage"].append(STAGE_CODE[info_stage])
            i_rows["level"].append(
                None if info_event.level is None else LEVEL_CODE[info_event.level]
            )
    info_events = pl.DataFrame(
        i_rows, schema={"ri": pl.Int32, "on": pl.Date, "stage": pl.Int8, "level": pl.Int8}
    )
    conversion_frame = pl.DataFrame(
        conversions, schema={"ri": pl.Int32, "on": pl.Date, "target": pl.Int32}
    )
    return Columns(
        member_ids=member_ids,
        credits=credits,
        proposal_events=proposal_events,
        info_events=info_events,
        merges=merge_frame,
        conversions=conversion_frame,
    )
