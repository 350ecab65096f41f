"""② Record tables given as frames: the engine's columns built by joins, not record by record.

A loader that reads the record tables into frames (the columnar CSV loader,
:mod:`cppcc_model.io._columnar_load`) hands them here: :func:`columns_from_frames` gives exactly
the :class:`~cppcc_model.engine.columns.Columns` that :func:`~cppcc_model.engine.columns.build`
would build from the same ledger's objects — same rows, same order, same types — without a
:class:`~cppcc_model.model.Proposal`, :class:`~cppcc_model.model.InfoReport` or
:class:`~cppcc_model.model.Contribution` per record. A family not given as frames is read from
the ledger's objects, as :func:`~cppcc_model.engine.columns.build` reads it.

The frames each family takes (columns by the dataset tables' names; labels as enum values):

* proposals: ``id``, ``submitted_on``, ``proposer_kind``, ``member_ids`` (list, null: none),
  in ledger order; their events: ``proposal_id``, ``step``, ``on``, ``level``,
  ``converted_to``, ``parent_id``, in history order within each proposal;
* 社情民意 items: ``id``, ``submitted_on``, ``author_ids``; their events: ``report_id``,
  ``step``, ``on``, ``level``;
* contributions: ``id``, ``kind``, ``on``, ``author_ids``, ``level``;
* activities (without their roll calls, which come as their own frame): ``id``, ``kind``,
  ``start``, ``half_days`` (null: one), ``organiser_kind``, in ledger order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.engine.columns import (
    _CONVERSION_SCHEMA,
    _CREDIT_SCHEMA,
    _INFO_EVENT_SCHEMA,
    _MERGE_SCHEMA,
    _PROPOSAL_EVENT_SCHEMA,
    CREDIT_ORDER,
    KIND_CODE,
    LEVEL_CODE,
    ORGANISER_CODE,
    SOURCE_CODE,
    STAGE_CODE,
    SUBMITTED_STAGE,
    Coder,
    Columns,
    _empty,
    add_activity,
    add_all_authored,
    add_info_events,
    add_proposal_events,
    frame,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import ProposalStep, ProposerKind
from cppcc_model.rules.facts import _INFO_STAGES, _PROPOSAL_STAGES, Source, Stage

if TYPE_CHECKING:
    import polars as pl

__all__ = ["RecordFrames", "columns_from_frames"]


@attrs.frozen
class RecordFrames:
    """The record families given as frames (``None``: read from the ledger's objects)."""

    proposals: pl.DataFrame | None = None
    proposal_events: pl.DataFrame | None = None
    info_reports: pl.DataFrame | None = None
    info_events: pl.DataFrame | None = None
    contributions: pl.DataFrame | None = None
    activities: pl.DataFrame | None = None
    members: pl.Series | None = None
    """The ledger's member ids, each once, sorted, when the loader has them as a column
    (else they are read from the ledger's members)."""


def _types() -> dict[str, Any]:
    import polars as pl

    return {name: getattr(pl, kind) for name, kind in _CREDIT_SCHEMA.items()}


def _ids(ledger: Ledger, frame: pl.DataFrame | None, family: str) -> pl.Series:
    """The ids of a record family in ledger order: its frame's, or its objects'."""
    import polars as pl

    if frame is not None:
        return frame["id"]
    return pl.Series([record.id for record in getattr(ledger, family)], dtype=pl.String)


@attrs.frozen
class _Codes:
    """The codes :meth:`Coder.of` gives the ledger the frames complete, kept as id columns.

    A member's code is its id's position in :attr:`members`, a record id's rank its position
    in :attr:`records`, a proposal's or item's index its position in its family.
    """

    members: pl.Series
    records: pl.Series
    activities: pl.Series
    proposals: pl.Series
    reports: pl.Series
    contributions: pl.Series

    @classmethod
    def of(cls, ledger: Ledger, frames: RecordFrames) -> _Codes:
        import polars as pl

        members = frames.members
        if members is None:
            members = pl.Series([m.id for m in ledger.members], dtype=pl.String).unique().sort()
        families = (
            (frames.activities, "activities"),
            (frames.proposals, "proposals"),
            (frames.info_reports, "info_reports"),
            (frames.contributions, "contributions"),
        )
        ids = [_ids(ledger, frame, family) for frame, family in families]
        # polars orders text by its UTF-8 bytes, which is Python's order of code points
        return cls(
            members=members,
            records=pl.concat(ids).sort().unique(maintain_order=True),
            activities=ids[0],
            proposals=ids[1],
            reports=ids[2],
            contributions=ids[3],
        )

    def rank(self, ids: pl.Series) -> pl.Series:
        """The rank of each of ``ids`` (each one of :attr:`records`): its position there.

        :attr:`records` is sorted, so a binary search finds it: a fraction of a join's cost.
        """
        import polars as pl

        return self.records.search_sorted(ids).cast(pl.Int32)

    def frame(self, which: str, key: str, value: str) -> pl.DataFrame:
        """Each id of :attr:`which` (column ``key``) with its code (column ``value``)."""
        import polars as pl

        ids: pl.Series = getattr(self, which)
        return pl.DataFrame(
            {key: ids, value: pl.int_range(len(ids), dtype=pl.Int32, eager=True)},
            schema={key: pl.String, value: pl.Int32},
        )

    def coder(self) -> Coder:
        """The same codes as a :class:`Coder` (what :meth:`Coder.of` gives the whole ledger).

        Each of its dictionaries is built when first read (a what-if reads them; scoring does
        not), from these columns.
        """
        made = object.__new__(_LazyCoder)
        object.__setattr__(made, "_codes", self)
        return made


def _position(ids: pl.Series) -> dict[str, int]:
    """Each id of ``ids`` → its position (the last one, for an id given twice)."""
    return dict(zip(ids.to_list(), range(len(ids)), strict=True))


_CODER_FIELDS = {
    "member_code": "members",
    "rank": "records",
    "proposal_index": "proposals",
    "info_index": "reports",
    "activity_index": "activities",
    "contribution_index": "contributions",
}
"""Each field of :class:`Coder` → the column of :class:`_Codes` it is built from."""


def _lazy_code(name: str) -> property:
    slot = Coder.__dict__[name]  # where the attrs class keeps the field

    def get(self: _LazyCoder) -> dict[str, int]:
        try:
            built: dict[str, int] = slot.__get__(self, Coder)
        except AttributeError:
            built = _position(getattr(self._codes, _CODER_FIELDS[name]))
            slot.__set__(self, built)  # two threads may both build it: the same dictionary
        return built

    return property(get, doc=f"The coder's {name} (built on first access, then kept).")


class _LazyCoder(Coder):
    """A :class:`Coder` whose dictionaries are built from id columns when first read."""

    __slots__ = ("_codes",)

    _codes: _Codes

    member_code = _lazy_code("member_code")
    rank = _lazy_code("rank")
    proposal_index = _lazy_code("proposal_index")
    info_index = _lazy_code("info_index")
    activity_index = _lazy_code("activity_index")
    contribution_index = _lazy_code("contribution_index")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Coder):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _CODER_FIELDS)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = Coder.__hash__

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _CODER_FIELDS)
        return f"Coder({fields})"


def _authored(
    records: pl.DataFrame,
    codes: _Codes,
    source: Source,
    *,
    ids: str,
    on: str,
    kind: pl.Expr,
    collective: pl.Expr,
    level: pl.Expr,
) -> pl.DataFrame:
    """One credit row per member a record of ``records`` credits, as the objects give them."""
    import polars as pl

    types = _types()
    authors = pl.col(ids).fill_null(pl.lit([], dtype=pl.List(pl.String)))
    rows = (
        records.select(
            pl.int_range(pl.len(), dtype=pl.Int32).alias("ri"),
            codes.rank(records.get_column("id")).alias("rid"),
            kind.alias("kind"),
            pl.col(on).alias("on"),
            collective.alias("coll"),
            level.alias("level"),
            authors.alias("member_id"),
            authors.list.len().alias("authors"),
            pl.int_ranges(0, authors.list.len(), dtype=pl.Int32).alias("pos"),
        )
        .explode("member_id", "pos")
        .filter(pl.col("member_id").is_not_null())
        .join(
            codes.frame("members", "member_id", "m"),
            on="member_id",
            how="left",
            maintain_order="left",
        )
    )
    return rows.select(
        pl.col("m").cast(types["m"]),
        pl.lit(SOURCE_CODE[source], types["src"]).alias("src"),
        pl.col("ri").cast(types["ri"]),
        pl.lit(None, types["ai"]).alias("ai"),
        pl.col("rid").cast(types["rid"]),
        pl.col("kind").cast(types["kind"]),
        pl.col("on").cast(types["on"]),
        pl.col("pos").cast(types["pos"]),
        pl.col("authors").cast(types["authors"]),
        pl.col("coll").cast(types["coll"]),
        pl.lit(None, types["status"]).alias("status"),
        pl.lit(0, types["units"]).alias("units"),
        pl.lit(0, types["total_units"]).alias("total_units"),
        pl.lit(None, types["org"]).alias("org"),
        pl.col("level").cast(types["level"]),
    )


_LEVELS = {level.value: code for level, code in LEVEL_CODE.items()}
_PROPOSAL_STAGE = {step.value: STAGE_CODE[stage] for step, stage in _PROPOSAL_STAGES.items()}
_INFO_STAGE = {step.value: STAGE_CODE[stage] for step, stage in _INFO_STAGES.items()}


def _level(column: str = "level") -> pl.Expr:
    import polars as pl

    return pl.col(column).replace_strict(_LEVELS, default=None, return_dtype=pl.Int8)


def _history(events: pl.DataFrame, parent: str, index: pl.DataFrame) -> pl.DataFrame:
    """``events`` with ``ri`` (its record's index) and ``k`` (its place in the history).

    ``index`` gives each record's index: ``parent`` (its id) → ``ri``.
    """
    import polars as pl

    row = pl.int_range(pl.len(), dtype=pl.Int32)
    ri = pl.col("ri")
    # sorted by record, a step's place is its row less the row of its record's first step
    # (the same numbering as a window over ``ri``, without grouping)
    first = pl.when((row == 0) | ri.ne_missing(ri.shift(1))).then(row).forward_fill()
    return (
        events.join(index, on=parent, how="left", maintain_order="left")
        .sort("ri", maintain_order=True)
        .with_columns((row - first).alias("k"))
    )


def _typed(rows: pl.DataFrame, schema: dict[str, str]) -> pl.DataFrame:
    import polars as pl

    return rows.select(pl.col(name).cast(getattr(pl, kind)) for name, kind in schema.items())


def _proposal_frames(
    proposals: pl.DataFrame, events: pl.DataFrame, codes: _Codes
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The proposal events, merges and conversions :func:`add_proposal_events` gives."""
    import polars as pl

    # a step's gate is the latest day of its proposal's steps so far: sorted by proposal, the
    # running maximum of (proposal, day) packed into one number is that day above the
    # proposal's index (every step names a proposal and a day: both were checked); a window
    # per proposal took fifty times as long
    ri = pl.col("ri").cast(pl.Int64) * (1 << 32)
    gate = (ri + pl.col("on").to_physical().cast(pl.Int64)).cum_max() - ri
    steps = _history(
        events, "proposal_id", codes.frame("proposals", "proposal_id", "ri")
    ).with_columns(gate.cast(pl.Int32).cast(pl.Date).alias("gate"))
    submitted = pl.DataFrame({"ri": range(proposals.height)}, schema={"ri": pl.Int32}).with_columns(
        pl.lit(-1, pl.Int32).alias("k"),
        pl.lit(0, pl.Int8).alias("sub"),
        pl.lit(None, pl.Date).alias("gate"),
        pl.lit(SUBMITTED_STAGE, pl.Int8).alias("stage"),
        pl.lit(None, pl.Int8).alias("level"),
    )
    staged = steps.select(
        "ri",
        "k",
        pl.lit(0, pl.Int8).alias("sub"),
        "gate",
        pl.col("step")
        .replace_strict(_PROPOSAL_STAGE, default=None, return_dtype=pl.Int8)
        .alias("stage"),
        _level().alias("level"),
    ).filter(pl.col("stage").is_not_null())
    not_filed = (pl.col("step") == ProposalStep.NOT_FILED.value) & (
        pl.col("converted_to").is_not_null() & (pl.col("converted_to") != "")
    )
    converted = steps.filter(not_filed).select(
        "ri",
        "k",
        pl.lit(1, pl.Int8).alias("sub"),
        "gate",
        pl.lit(STAGE_CODE[Stage.CONVERTED], pl.Int8).alias("stage"),
        pl.lit(None, pl.Int8).alias("level"),
    )
    stage_rows = pl.concat([submitted, staged, converted]).sort("ri", "k", "sub")
    conversions = (
        steps.filter(not_filed)
        .join(
            codes.frame("reports", "converted_to", "target"),
            on="converted_to",
            how="inner",
            maintain_order="left",
        )
        .select("ri", "on", "target")
    )
    merges = (
        steps.filter(pl.col("step") == ProposalStep.MERGED.value)
        .join(
            codes.frame("proposals", "parent_id", "parent"),
            on="parent_id",
            how="inner",
            maintain_order="left",
        )
        .select("ri", "on", "parent")
    )
    return (
        _typed(stage_rows, _PROPOSAL_EVENT_SCHEMA),
        _typed(merges, _MERGE_SCHEMA),
        _typed(conversions, _CONVERSION_SCHEMA),
    )


def _info_frame(reports: pl.DataFrame, events: pl.DataFrame, codes: _Codes) -> pl.DataFrame:
    """The 社情民意 events :func:`add_info_events` gives."""
    import polars as pl

    steps = _history(events, "report_id", codes.frame("reports", "report_id", "ri"))
    submitted = pl.DataFrame({"ri": range(reports.height)}, schema={"ri": pl.Int32}).with_columns(
        pl.lit(-1, pl.Int32).alias("k"),
        pl.lit(None, pl.Date).alias("on"),
        pl.lit(SUBMITTED_STAGE, pl.Int8).alias("stage"),
        pl.lit(None, pl.Int8).alias("level"),
    )
    staged = steps.select(
        "ri",
        "k",
        "on",
        pl.col("step")
        .replace_strict(_INFO_STAGE, default=None, return_dtype=pl.Int8)
        .alias("stage"),
        _level().alias("level"),
    ).filter(pl.col("stage").is_not_null())
    rows = pl.concat([submitted, staged]).sort("ri", "k")
    return _typed(rows, _INFO_EVENT_SCHEMA)


_ORGANISERS = {kind.value: code for kind, code in ORGANISER_CODE.items()}


def _per_activity(activities: pl.DataFrame, codes: _Codes) -> pl.DataFrame:
    """What the roll calls' credits take from each activity, read from its row."""
    import polars as pl

    return activities.select(
        codes.rank(activities.get_column("id")).alias("rid"),
        pl.col("kind").replace_strict(KIND_CODE, return_dtype=_types()["kind"]),
        pl.col("start").alias("on"),
        pl.col("half_days").fill_null(1).alias("total_units"),
        pl.col("organiser_kind")
        .replace_strict(_ORGANISERS, default=None, return_dtype=pl.Int8)
        .alias("org"),
    )


def in_credit_order(credits: pl.DataFrame) -> pl.DataFrame:
    """``credits`` sorted by :data:`CREDIT_ORDER`, stably, as ``sort`` sorts them.

    When every key is filled and their ranges fit, the four keys are packed into one whole
    number (member, day, source, record rank, each in as many bits as its range needs) whose
    order is theirs, and the frame is sorted by that one key: the same order, about half the
    work of sorting by four columns. Otherwise it is sorted by the four columns.
    """
    import polars as pl

    if credits.height == 0:
        return credits.sort(CREDIT_ORDER, maintain_order=True)
    physical = [pl.col(name).to_physical() for name in CREDIT_ORDER]
    keys = [key.cast(pl.Int64) for key in physical]
    bounds = credits.select(  # on the columns as they are: widening each first costs a copy
        *(key.min().cast(pl.Int64).alias(f"min{i}") for i, key in enumerate(physical)),
        *(key.max().cast(pl.Int64).alias(f"max{i}") for i, key in enumerate(physical)),
        *(key.null_count().alias(f"null{i}") for i, key in enumerate(physical)),
    ).row(0, named=True)
    n = len(keys)
    if any(bounds[f"null{i}"] for i in range(n)):
        return credits.sort(CREDIT_ORDER, maintain_order=True)
    widths = [int(bounds[f"max{i}"] - bounds[f"min{i}"]).bit_length() for i in range(n)]
    if sum(widths) > 62:
        return credits.sort(CREDIT_ORDER, maintain_order=True)
    packed: pl.Expr = pl.lit(0, pl.Int64)
    for i, (key, width) in enumerate(zip(keys, widths, strict=True)):
        packed = packed * (1 << width) + (key - bounds[f"min{i}"])
    # the rows' order from a frame of two columns, then each column gathered in that order:
    # sorting the whole frame by an added key first joins each column's chunks (the credits
    # are a concatenation) and so held the nation's 1.2 GiB of credits three times at once
    order = (
        credits.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("row"), packed.alias("key"))
        .sort("key", maintain_order=True)
        .get_column("row")
    )
    return credits[order]  # taking the rows gathers each column, a third cheaper than selecting


def columns_from_frames(
    ledger: Ledger, frames: RecordFrames, roll_calls: pl.DataFrame | None = None
) -> Columns:
    """The columns of ``ledger`` completed by ``frames`` and the roll calls ``roll_calls``.

    ``ledger`` holds the families not given as frames, and no records of those given (nor roll
    calls of its activities when ``roll_calls`` is given, as
    :func:`~cppcc_model.engine.roll_calls.roll_call_credits` takes them).
    """
    import polars as pl

    from cppcc_model.engine.roll_calls import roll_call_credits

    codes = _Codes.of(ledger, frames)
    coder = codes.coder()  # kept with the columns (a what-if finds records by it)
    cols = _empty(_CREDIT_SCHEMA)
    if frames.activities is None:
        for index, activity in enumerate(ledger.activities):
            add_activity(cols, index, activity, coder)
        per_activity = None
    else:
        per_activity = _per_activity(frames.activities, codes)
    parts = []
    if roll_calls is not None:
        parts.append(
            roll_call_credits(ledger, roll_calls, coder, per_activity, codes.members.to_list())
        )
    if frames.proposals is not None:
        collective = pl.col("proposer_kind") == ProposerKind.COLLECTIVE.value
        parts.append(
            _authored(
                frames.proposals,
                codes,
                Source.PROPOSAL,
                ids="member_ids",
                on="submitted_on",
                kind=pl.lit(KIND_CODE["proposal"], _types()["kind"]),
                collective=collective,
                level=pl.lit(None, pl.Int8),
            )
        )
    else:
        add_all_authored(cols, ledger.proposals, coder)
    if frames.info_reports is not None:
        parts.append(
            _authored(
                frames.info_reports,
                codes,
                Source.INFO_REPORT,
                ids="author_ids",
                on="submitted_on",
                kind=pl.lit(KIND_CODE["info_report"], _types()["kind"]),
                collective=pl.lit(False),
                level=pl.lit(None, pl.Int8),
            )
        )
    else:
        add_all_authored(cols, ledger.info_reports, coder)
    if frames.contributions is not None:
        parts.append(
            _authored(
                frames.contributions,
                codes,
                Source.CONTRIBUTION,
                ids="author_ids",
                on="on",
                kind=pl.col("kind").replace_strict(KIND_CODE, return_dtype=_types()["kind"]),
                collective=pl.lit(False),
                level=_level(),
            )
        )
    else:
        add_all_authored(cols, ledger.contributions, coder)
    parts.append(frame(cols, _CREDIT_SCHEMA))
    if frames.proposals is not None and frames.proposal_events is not None:
        proposal_events, merges, conversions = _proposal_frames(
            frames.proposals, frames.proposal_events, codes
        )
    else:
        p_rows, m_rows = _empty(_PROPOSAL_EVENT_SCHEMA), _empty(_MERGE_SCHEMA)
        c_rows = _empty(_CONVERSION_SCHEMA)
        for index, proposal in enumerate(ledger.proposals):
            add_proposal_events(p_rows, m_rows, c_rows, index, proposal, coder)
        proposal_events = frame(p_rows, _PROPOSAL_EVENT_SCHEMA)
        merges, conversions = frame(m_rows, _MERGE_SCHEMA), frame(c_rows, _CONVERSION_SCHEMA)
    if frames.info_reports is not None and frames.info_events is not None:
        info_events = _info_frame(frames.info_reports, frames.info_events, codes)
    else:
        i_rows = _empty(_INFO_EVENT_SCHEMA)
        for index, report in enumerate(ledger.info_reports):
            add_info_events(i_rows, index, report)
        info_events = frame(i_rows, _INFO_EVENT_SCHEMA)
    # one chunk per column: gathering from a concatenation's chunks takes about twice as long,
    # and the parts are let go before the gather so that the credits are held twice at most
    credits = pl.concat(parts, rechunk=True)
    del parts
    return Columns(
        member_ids=tuple(codes.members.to_list()),
        credits=in_credit_order(credits),
        proposal_events=proposal_events,
        info_events=info_events,
        merges=merges,
        conversions=conversions,
        coder=coder,
    )
