"""③ Facts: the fact table of one assessment, a row per (record, credited member).

From the ledger's columns (stage ②) and an assessment's period, as-of date and conversion
setting, :func:`fact_table` builds the :class:`FactTable` the compiled plan reads. Its rows are
those the reference interpreter's :func:`~cppcc_model.rules.facts.facts_for_member` would
build, with the same values, ordered as the interpreter orders them (member, date, source,
record id).

Every selection of a rule reads one source, so the table is kept as one frame per source
(:meth:`FactTable.of_source`), each built the first time it is read: a rule set that reads no
contributions never builds their facts, and the roll calls (nine in ten rows at a province)
are never joined to the stages, which only proposals and 社情民意 items reach. Every source's
frame has the same columns:

=================  =========================================================================
column             meaning
=================  =========================================================================
``m``              the member's code (position in ``Columns.member_ids``)
``src``            :class:`~cppcc_model.rules.facts.Source` code
``ri`` / ``ai``    the record's index in the ledger (and the roll-call entry's index)
``rid``            the record id's rank among all record ids (orders ties by id)
``kind``           kind code (``Columns.kinds``)
``on``             the record's date
``role``           :class:`~cppcc_model.rules.facts.AuthorRole` code
``pos``            signing position (0 for the first); ``authors``: how many are credited
``coll``           a collective work
``status``         attendance status code; ``units`` / ``total_units``: half-days
``org``            the organiser's kind code; ``level``: a contribution's level rank
``stages``         a bit per stage reached by the as-of date (bit = stage code)
``lv<code>``       the highest level rank a stage was reached at (the stages the plan reads)
``conv_to``        a proposal converted into a 社情民意 item of the ledger by the as-of date
``conv_from``      a 社情民意 item some proposal was converted into
=================  =========================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from cppcc_model.engine.columns import (
    CREDIT_ORDER,
    MERGED_STAGE,
    ROLE_CODE,
    SOURCE_CODE,
    STAGE_CODE,
    SUBMITTED_STAGE,
    Columns,
)
from cppcc_model.model import Period
from cppcc_model.rules.facts import AuthorRole, Source

if TYPE_CHECKING:
    import polars as pl

__all__ = ["FactTable", "fact_table", "level_column"]


_BITS = {code: 1 << code for code in STAGE_CODE.values()}
_PROPOSAL, _INFO = SOURCE_CODE[Source.PROPOSAL], SOURCE_CODE[Source.INFO_REPORT]


def level_column(stage_code: int) -> str:
    """The name of the column holding the level a stage was reached at."""
    return f"lv{stage_code}"


def _stage_frame(events: pl.DataFrame, levels: Collection[int]) -> pl.DataFrame:
    """``ri``, ``stages`` (bit mask) and a level column per stage of ``levels`` with levels.

    Only the stages whose levels the plan reads (``levels``) get a column: the others' would
    be joined onto every proposal and 社情民意 item and never read.
    """
    import polars as pl

    best = events.group_by("ri", "stage").agg(pl.col("level").max())
    frame = best.group_by("ri").agg(
        pl.col("stage").replace_strict(_BITS, return_dtype=pl.Int32).sum().alias("stages")
    )
    if not levels:
        return frame
    with_levels = best.filter(pl.col("level").is_not_null())
    for stage in sorted(set(with_levels["stage"].unique().to_list()) & set(levels)):
        frame = frame.join(
            with_levels.filter(pl.col("stage") == stage).select(
                "ri", pl.col("level").alias(level_column(stage))
            ),
            on="ri",
            how="left",
            maintain_order="left",
        )
    return frame


def _flag(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    """The distinct ``ri`` of ``frame`` with a true column ``name``."""
    import polars as pl

    return frame.select("ri", pl.lit(True).alias(name)).unique("ri")


class FactTable:
    """The facts of one assessment, one frame per source, each built when first read.

    Built by :func:`fact_table`. Every frame has the same columns in the same order
    (:attr:`columns`), so frames of several sources concatenate; each is sorted by member,
    date, source and record id, the order the reference interpreter reads facts in.
    """

    def __init__(
        self,
        credits: pl.DataFrame,
        known: pl.Expr,
        reached: dict[int, pl.DataFrame],
        levels: Iterable[str],
        conversion: str,
    ) -> None:
        self._credits = credits
        self._known = known
        self._reached = reached
        self._conversion = conversion
        self.columns: tuple[str, ...] = (
            *credits.columns,
            "stages",
            *sorted(set(levels), key=lambda name: int(name[2:])),
            "conv_to",
            "conv_from",
            "role",
        )
        """The columns of every source's frame."""
        self._frames: dict[int, pl.DataFrame] = {}

    def of_source(self, source: int) -> pl.DataFrame:
        """The facts from ``source`` (a :data:`~cppcc_model.engine.columns.SOURCE_CODE`)."""
        frame = self._frames.get(source)
        if frame is None:
            frame = self._frames[source] = self.query(source).collect()
        return frame

    def build(self, sources: Iterable[int]) -> None:
        """Build and keep the frames of ``sources`` not built yet, side by side in one collect.

        For a few members (a what-if) each query's fixed cost outweighs its rows: one collect
        for every source the plan reads instead of one per source.
        """
        import polars as pl

        wanted = sorted(set(sources) - set(self._frames))
        if wanted:
            built = pl.collect_all([self.query(source) for source in wanted])
            self._frames.update(zip(wanted, built, strict=True))

    def query(self, source: int) -> pl.LazyFrame:
        """The facts from ``source`` as a lazy query over the credits, never kept.

        What :meth:`of_source` collects once and keeps; the streaming engine
        (:func:`~cppcc_model.engine.results.execute` with ``streaming=True``) runs it in
        batches inside each line's query instead, so the fact table of a source is never
        held whole.
        """
        import polars as pl

        rows = self._credits.lazy().filter((pl.col("src") == source) & self._known)
        reached = self._reached.get(source)
        if reached is None:
            rows = rows.with_columns(
                pl.lit(0, pl.Int32).alias("stages"),
                pl.lit(False).alias("conv_to"),
                pl.lit(False).alias("conv_from"),
            )
        else:
            rows = rows.join(
                reached.lazy(), on="ri", how="left", maintain_order="left"
            ).with_columns(
                pl.col("stages").fill_null(0).cast(pl.Int32),
                pl.col("conv_to").fill_null(False),
                pl.col("conv_from").fill_null(False),
            )
        if self._conversion == "original":
            rows = rows.filter(~pl.col("conv_from"))
        elif self._conversion == "final":
            rows = rows.filter(~pl.col("conv_to"))
        present = rows.collect_schema().names()
        missing = [
            pl.lit(None, pl.Int8).alias(name)
            for name in self.columns
            if name.startswith("lv") and name not in present
        ]
        return rows.with_columns(*missing, _role()).select(self.columns)

    def empty(self) -> pl.DataFrame:
        """A frame of no facts, with every column."""
        return self.query(SOURCE_CODE[Source.CONTRIBUTION]).clear().collect()

    def whole(self) -> pl.DataFrame:
        """Every fact in one frame, in the reference interpreter's order."""
        import polars as pl

        return pl.concat([self.of_source(code) for code in SOURCE_CODE.values()]).sort(
            CREDIT_ORDER, maintain_order=True
        )


def _role() -> pl.Expr:
    """A fact's :class:`~cppcc_model.rules.facts.AuthorRole` code."""
    import polars as pl

    attendee, main, sole = (
        ROLE_CODE[AuthorRole.ATTENDEE],
        ROLE_CODE[AuthorRole.MAIN_MEMBER],
        ROLE_CODE[AuthorRole.SOLE],
    )
    first, co = ROLE_CODE[AuthorRole.FIRST], ROLE_CODE[AuthorRole.CO]
    return (
        pl.when(pl.col("src") == SOURCE_CODE[Source.ATTENDANCE])
        .then(pl.lit(attendee))
        .when(pl.col("coll"))
        .then(pl.lit(main))
        .when(pl.col("authors") == 1)
        .then(pl.lit(sole))
        .when(pl.col("pos") == 0)
        .then(pl.lit(first))
        .otherwise(pl.lit(co))
        .cast(pl.Int8)
        .alias("role")
    )


def fact_table(
    columns: Columns,
    period: Period,
    as_of: dt.date,
    conversion: str,
    members: Collection[int] | None = None,
    levels: Collection[int] = (),
) -> FactTable:
    """The facts of one assessment, by source, each sorted by member, date and record id.

    Every source's frame is a filter of the credits, which are kept in the facts' order
    (:data:`~cppcc_model.engine.columns.CREDIT_ORDER`), and a left join that keeps it.

    Args:
        columns: the ledger's columns.
        period: only records dated inside it.
        as_of: records dated later are left out; stages and conversions reached later do not
            count.
        conversion: the rule set's conversion setting (``both``, ``original``, ``final``).
        members: member codes to keep (default: every member).
        levels: stage codes whose level column every frame has, reached or not (the plan's).

    """
    import polars as pl

    # a record dated after the as-of day is not known yet, as in the reference's facts
    known = pl.col("on").is_between(period.start, min(period.end, as_of))
    credits = columns.credits
    proposal_events, merges, info_events = (
        columns.proposal_events,
        columns.merges,
        columns.info_events,
    )
    if members is not None:
        credits = credits.filter(pl.col("m").is_in(list(members)) & known)
        # a few members (a what-if, a card): read only the stages of their records
        proposals = credits.filter(pl.col("src") == _PROPOSAL)["ri"].unique()
        merges = merges.filter(pl.col("ri").is_in(proposals.implode()))
        wanted = pl.concat([proposals, merges["parent"]]).unique()
        proposal_events = proposal_events.filter(pl.col("ri").is_in(wanted.implode()))
        reports = credits.filter(pl.col("src") == _INFO)["ri"].unique()
        info_events = info_events.filter(pl.col("ri").is_in(reports.implode()))
    own = proposal_events.filter(pl.col("gate").is_null() | (pl.col("gate") <= as_of)).select(
        "ri", "stage", "level"
    )
    inherited = (
        merges.filter(pl.col("on") <= as_of)
        .join(
            own.filter(~pl.col("stage").is_in([SUBMITTED_STAGE, MERGED_STAGE])),
            left_on="parent",
            right_on="ri",
        )
        .select("ri", "stage", "level")
    )
    conversions = columns.conversions
    # what each proposal and 社情民意 item has reached, joined once onto its own facts
    proposal_reached = _stage_frame(pl.concat([own, inherited]), levels).join(
        _flag(conversions.filter(pl.col("on") <= as_of), "conv_to"),
        on="ri",
        how="full",
        coalesce=True,
    )
    info_reached = _stage_frame(
        info_events.filter(pl.col("on").is_null() | (pl.col("on") <= as_of)).select(
            "ri", "stage", "level"
        ),
        levels,
    ).join(
        _flag(conversions.select(pl.col("target").alias("ri")), "conv_from"),
        on="ri",
        how="full",
        coalesce=True,
    )
    reached = {
        _PROPOSAL: proposal_reached.with_columns(pl.lit(False).alias("conv_from")),
        _INFO: info_reached.with_columns(pl.lit(False).alias("conv_to")),
    }
    wanted_levels = [level_column(code) for code in levels]
    for frame in reached.values():
        wanted_levels += [name for name in frame.columns if name.startswith("lv")]
    return FactTable(credits, known, reached, wanted_levels, conversion)
