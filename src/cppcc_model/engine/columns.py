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
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    Activity,
    ActivityKind,
    AttendanceStatus,
    BodyKind,
    Contribution,
    ContributionKind,
    InfoReport,
    Level,
    Proposal,
    ProposalStep,
    ProposerKind,
)
from cppcc_model.rules.facts import _INFO_STAGES, _PROPOSAL_STAGES, AuthorRole, Source, Stage

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "CREDIT_ORDER",
    "CREDIT_SCHEMA",
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
    "build",
    "columns_of",
    "record_key",
    "remember",
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
            ``org``, ``level``; sorted by ``m``, ``on``, ``src``, ``rid`` (stably: a record's
            rows keep their order), the order facts are read in, so the fact table of any
            period is a filter of it and never sorted again.
        proposal_events: ``ri``, ``gate`` (the latest date of the history up to the event:
            it counts when that is not after the as-of date; null for 提交), ``stage``,
            ``level``.
        info_events: ``ri``, ``on``, ``stage``, ``level``.
        merges: ``ri``, ``on``, ``parent`` (the ``ri`` of the proposal it was merged into).
        conversions: ``ri`` (the proposal), ``on``, ``target`` (the 社情民意 item's ``ri``),
            one row per not-filed event converting into an item of the ledger.
        coder: the codes of members and records these frames use.

    """

    member_ids: tuple[str, ...]
    credits: pl.DataFrame
    proposal_events: pl.DataFrame
    info_events: pl.DataFrame
    merges: pl.DataFrame
    conversions: pl.DataFrame
    coder: Coder


_CACHE: dict[int, tuple[weakref.ref[Ledger], Columns]] = {}
_LOCK = threading.Lock()


def columns_of(ledger: Ledger) -> Columns:
    """The columns of ``ledger``, built on first use and kept while the ledger lives.

    A ledger the columnar loader read comes with its columns already built
    (:func:`remember`): they are returned as they are, and its roll calls stay unbuilt.
    """
    key = id(ledger)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached[0]() is ledger:
            return cached[1]
    built = build(ledger)
    remember(ledger, built)
    return built


def remember(ledger: Ledger, columns: Columns) -> None:
    """Keep ``columns`` as the columns of ``ledger`` (built by whoever read it as columns).

    They must be what :func:`columns_of` would build from ``ledger``; the columnar loader's
    tests prove that for the ledgers it gives.
    """
    key = id(ledger)
    with _LOCK:
        _CACHE[key] = (weakref.ref(ledger, _forget(key)), columns)


def _forget(key: int) -> Callable[[object], None]:
    def forget(_ref: object, cache: dict[int, Any] = _CACHE) -> None:
        cache.pop(key, None)

    return forget


_CREDIT_SCHEMA = {
    "m": "Int32",
    "src": "Int8",
    "ri": "Int32",
    "ai": "Int32",
    "rid": "Int32",
    "kind": "Int8",  # 33 kinds (KIND_CODE)
    "on": "Date",
    "pos": "Int32",
    "authors": "Int32",
    "coll": "Boolean",
    "status": "Int8",
    "units": "Int32",
    "total_units": "Int32",
    "org": "Int8",
    "level": "Int8",
}
CREDIT_ORDER = ["m", "on", "src", "rid"]
"""The order of :attr:`Columns.credits` and of every fact table: member, date, source, record."""


def record_key() -> pl.Expr:
    """One Int64 per record: its ``src`` code above its ``ri`` index (``src << 32 | ri``)."""
    import polars as pl

    return pl.col("src").cast(pl.Int64) * (1 << 32) + pl.col("ri").cast(pl.Int64)


_PROPOSAL_EVENT_SCHEMA = {"ri": "Int32", "gate": "Date", "stage": "Int8", "level": "Int8"}
_INFO_EVENT_SCHEMA = {"ri": "Int32", "on": "Date", "stage": "Int8", "level": "Int8"}
_MERGE_SCHEMA = {"ri": "Int32", "on": "Date", "parent": "Int32"}
_CONVERSION_SCHEMA = {"ri": "Int32", "on": "Date", "target": "Int32"}


def _empty(schema: dict[str, str]) -> dict[str, list[Any]]:
    return {name: [] for name in schema}


def frame(rows: dict[str, list[Any]], schema: dict[str, str]) -> pl.DataFrame:
    """``rows`` as a frame of ``schema`` (names of polars types)."""
    import polars as pl

    return pl.DataFrame(rows, schema={name: getattr(pl, kind) for name, kind in schema.items()})


@attrs.frozen
class Coder:
    """The codes of one ledger: members by id, record ids by rank, records by index."""

    member_code: dict[str, int]
    rank: dict[str, int]
    proposal_index: dict[str, int]
    info_index: dict[str, int]
    activity_index: dict[str, int]
    contribution_index: dict[str, int]

    @classmethod
    def of(cls, ledger: Ledger) -> Coder:
        """The codes of ``ledger``."""
        activities = [a.id for a in ledger.activities]
        proposals = [p.id for p in ledger.proposals]
        info_reports = [r.id for r in ledger.info_reports]
        contributions = [c.id for c in ledger.contributions]
        member_ids = sorted({m.id for m in ledger.members})
        record_ids = sorted({*activities, *proposals, *info_reports, *contributions})
        return cls(
            member_code={member_id: index for index, member_id in enumerate(member_ids)},
            rank={record_id: index for index, record_id in enumerate(record_ids)},
            proposal_index={record_id: index for index, record_id in enumerate(proposals)},
            info_index={record_id: index for index, record_id in enumerate(info_reports)},
            activity_index={record_id: index for index, record_id in enumerate(activities)},
            contribution_index={record_id: index for index, record_id in enumerate(contributions)},
        )


_ATTENDED = {status: status.attended for status in AttendanceStatus}
"""Whether each status was there at all, looked up once instead of per roll-call entry."""


def add_activity(cols: dict[str, list[Any]], index: int, activity: Activity, coder: Coder) -> None:
    """Append one row per roll-call entry of ``activity`` (a column at a time)."""
    entries = activity.attendance
    count = len(entries)
    if not count:
        return
    organiser = None if activity.organiser is None else ORGANISER_CODE[activity.organiser.kind]
    half_days = activity.half_days
    member_code = coder.member_code
    cols["m"].extend([member_code[e.member_id] for e in entries])
    cols["src"].extend(repeat(SOURCE_CODE[Source.ATTENDANCE], count))
    cols["ri"].extend(repeat(index, count))
    cols["ai"].extend(range(count))
    cols["rid"].extend(repeat(coder.rank[activity.id], count))
    cols["kind"].extend(repeat(KIND_CODE[activity.kind.value], count))
    cols["on"].extend(repeat(activity.start, count))
    cols["pos"].extend(repeat(0, count))
    cols["authors"].extend(repeat(1, count))
    cols["coll"].extend(repeat(False, count))
    cols["status"].extend([STATUS_CODE[e.status] for e in entries])
    # Activity.half_days_attended, inlined: the entry's own half days, else all or none
    cols["units"].extend(
        [
            e.half_days if e.half_days is not None else (half_days if _ATTENDED[e.status] else 0)
            for e in entries
        ]
    )
    cols["total_units"].extend(repeat(half_days, count))
    cols["org"].extend(repeat(organiser, count))
    cols["level"].extend(repeat(None, count))


def _authored_rows(
    index: int, record: Proposal | InfoReport | Contribution, coder: Coder
) -> list[tuple[Any, ...]]:
    """The credit rows of one authored record, as tuples in the order of the credit schema."""
    if isinstance(record, Proposal):
        ids, source = record.member_ids, Source.PROPOSAL
        kind, on, level = KIND_CODE["proposal"], record.submitted_on, None
        collective = record.proposer_kind is ProposerKind.COLLECTIVE
    elif isinstance(record, InfoReport):
        ids, source = record.author_ids, Source.INFO_REPORT
        kind, on, level, collective = KIND_CODE["info_report"], record.submitted_on, None, False
    else:
        ids, source = record.author_ids, Source.CONTRIBUTION
        kind, on, collective = KIND_CODE[record.kind.value], record.on, False
        level = None if record.level is None else LEVEL_CODE[record.level]
    count = len(ids)
    first: dict[str, int] = {}
    for place, member_id in enumerate(ids):
        first.setdefault(member_id, place)
    member_code, rank, code = coder.member_code, coder.rank[record.id], SOURCE_CODE[source]
    return [
        (
            member_code[member_id],
            code,
            index,
            None,
            rank,
            kind,
            on,
            first[member_id],
            count,
            collective,
            None,
            0,
            0,
            None,
            level,
        )
        for member_id in ids
    ]


def _extend(cols: dict[str, list[Any]], rows: list[tuple[Any, ...]]) -> None:
    """Append ``rows`` (tuples in the order of the credit schema) column by column."""
    if rows:
        for name, values in zip(_CREDIT_SCHEMA, zip(*rows, strict=True), strict=True):
            cols[name].extend(values)


def add_authored(
    cols: dict[str, list[Any]],
    index: int,
    record: Proposal | InfoReport | Contribution,
    coder: Coder,
) -> None:
    """Append one row per member a proposal, 社情民意 item or contribution credits."""
    _extend(cols, _authored_rows(index, record, coder))


def add_all_authored(
    cols: dict[str, list[Any]],
    records: Sequence[Proposal | InfoReport | Contribution],
    coder: Coder,
) -> None:
    """:func:`add_authored` for every record of ``records`` (their index is their position)."""
    rows: list[tuple[Any, ...]] = []
    for index, record in enumerate(records):
        rows += _authored_rows(index, record, coder)
    _extend(cols, rows)


def add_proposal_events(
    rows: dict[str, list[Any]],
    merges: dict[str, list[Any]],
    conversions: dict[str, list[Any]],
    index: int,
    proposal: Proposal,
    coder: Coder,
) -> None:
    """Append a proposal's stage events, merge links and conversions into 社情民意 items."""

    def stage_row(gate: Any, stage: int, level: int | None) -> None:
        rows["ri"].append(index)
        rows["gate"].append(gate)
        rows["stage"].append(stage)
        rows["level"].append(level)

    stage_row(None, _SUBMITTED, None)
    gate = None
    for event in proposal.history:
        # a history is read up to its first event after the as-of date: an event counts when
        # no event before it (nor itself) is later than the as-of date
        gate = event.on if gate is None or event.on > gate else gate
        stage = _PROPOSAL_STAGES.get(event.step)
        if stage is not None:
            level = None if event.level is None else LEVEL_CODE[event.level]
            stage_row(gate, STAGE_CODE[stage], level)
        if event.step is ProposalStep.NOT_FILED and event.converted_to:
            stage_row(gate, _CONVERTED, None)
            if event.converted_to in coder.info_index:
                conversions["ri"].append(index)
                conversions["on"].append(event.on)
                conversions["target"].append(coder.info_index[event.converted_to])
        if event.step is ProposalStep.MERGED and event.parent_id in coder.proposal_index:
            merges["ri"].append(index)
            merges["on"].append(event.on)
            merges["parent"].append(coder.proposal_index[event.parent_id])


def add_info_events(rows: dict[str, list[Any]], index: int, report: InfoReport) -> None:
    """Append a 社情民意 item's stage events (submission first)."""
    rows["ri"].append(index)
    rows["on"].append(None)
    rows["stage"].append(_SUBMITTED)
    rows["level"].append(None)
    for event in report.history:
        stage = _INFO_STAGES.get(event.step)
        if stage is None:
            continue
        rows["ri"].append(index)
        rows["on"].append(event.on)
        rows["stage"].append(STAGE_CODE[stage])
        rows["level"].append(None if event.level is None else LEVEL_CODE[event.level])


CREDIT_SCHEMA = _CREDIT_SCHEMA
"""The credit frame's columns and their polars types (by name)."""


def build(ledger: Ledger, roll_call_credits: pl.DataFrame | None = None) -> Columns:
    """The columns of ``ledger``.

    ``roll_call_credits``: the credit rows of every roll-call entry, already built as a frame
    of :data:`CREDIT_SCHEMA` (by :mod:`cppcc_model.engine.roll_calls`); ``ledger``'s own
    activities then carry no roll calls.
    """
    coder = Coder.of(ledger)
    cols = _empty(_CREDIT_SCHEMA)
    for index, activity in enumerate(ledger.activities):
        add_activity(cols, index, activity, coder)
    authored: tuple[tuple[Proposal | InfoReport | Contribution, ...], ...] = (
        ledger.proposals,
        ledger.info_reports,
        ledger.contributions,
    )
    for records in authored:
        add_all_authored(cols, records, coder)
    p_rows, merges = _empty(_PROPOSAL_EVENT_SCHEMA), _empty(_MERGE_SCHEMA)
    conversions, i_rows = _empty(_CONVERSION_SCHEMA), _empty(_INFO_EVENT_SCHEMA)
    for index, proposal in enumerate(ledger.proposals):
        add_proposal_events(p_rows, merges, conversions, index, proposal, coder)
    for index, report in enumerate(ledger.info_reports):
        add_info_events(i_rows, index, report)
    credits = frame(cols, _CREDIT_SCHEMA)
    if roll_call_credits is not None:
        import polars as pl

        credits = pl.concat([roll_call_credits, credits])
    return Columns(
        member_ids=tuple(sorted(coder.member_code, key=coder.member_code.__getitem__)),
        credits=credits.sort(CREDIT_ORDER, maintain_order=True),
        proposal_events=frame(p_rows, _PROPOSAL_EVENT_SCHEMA),
        info_events=frame(i_rows, _INFO_EVENT_SCHEMA),
        merges=frame(merges, _MERGE_SCHEMA),
        conversions=frame(conversions, _CONVERSION_SCHEMA),
        coder=coder,
    )
