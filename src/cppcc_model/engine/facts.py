"""③ Facts: the fact table of one assessment, a row per (record, credited member).

From the ledger's columns (stage ②) and an assessment's period, as-of date and conversion
setting, :func:`fact_table` builds the frame the compiled plan reads. Its rows are those the
reference interpreter's :func:`~cppcc_model.rules.facts.facts_for_member` would build, with the
same values, ordered as the interpreter orders them (member, date, source, record id):

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
``lv<code>``       the highest level rank a stage was reached at (only stages with levels)
``conv_to``        a proposal converted into a 社情民意 item of the ledger by the as-of date
``conv_from``      a 社情民意 item some proposal was converted into
=================  =========================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from cppcc_model.engine.columns import (
    MERGED_STAGE,
    ROLE_CODE,
    SOURCE_CODE,
    STAGE_CODE,
    SUBMITTED_STAGE,
    Columns,
    record_key,
)
from cppcc_model.model import Period
from cppcc_model.rules.facts import AuthorRole, Source

if TYPE_CHECKING:
    import polars as pl

__all__ = ["fact_table", "level_column"]


_BITS = {code: 1 << code for code in STAGE_CODE.values()}


def level_column(stage_code: int) -> str:
    """The name of the column holding the level a stage was reached at."""
    return f"lv{stage_code}"


def _stage_frame(events: pl.DataFrame, source: Source) -> pl.DataFrame:
    """``src``, ``ri``, ``stages`` (bit mask) and one level column per stage with levels."""
    import polars as pl

    best = events.group_by("ri", "stage").agg(pl.col("level").max())
    frame = best.group_by("ri").agg(
        pl.col("stage").replace_strict(_BITS, return_dtype=pl.Int32).sum().alias("stages")
    )
    with_levels = best.filter(pl.col("level").is_not_null())
    for stage in sorted(with_levels["stage"].unique().to_list()):
        frame = frame.join(
            with_levels.filter(pl.col("stage") == stage).select(
                "ri", pl.col("level").alias(level_column(stage))
            ),
            on="ri",
            how="left",
            maintain_order="left",
        )
    return frame.with_columns(pl.lit(SOURCE_CODE[source], pl.Int8).alias("src"))


def fact_table(
    columns: Columns,
    period: Period,
    as_of: dt.date,
    conversion: str,
    members: Collection[int] | None = None,
) -> pl.DataFrame:
    """The facts of one assessment, sorted by member, date, source and record id.

    The order is the credits' own (:data:`~cppcc_model.engine.columns.CREDIT_ORDER`): every
    step here filters or left-joins, and keeps it.

    Args:
        columns: the ledger's columns.
        period: only records dated inside it.
        as_of: records dated later are left out; stages and conversions reached later do not
            count.
        conversion: the rule set's conversion setting (``both``, ``original``, ``final``).
        members: member codes to keep (default: every member).

    """
    import polars as pl

    # a record dated after the as-of day is not known yet, as in the reference's facts
    facts = columns.credits.filter(pl.col("on").is_between(period.start, min(period.end, as_of)))
    proposal_events, merges, info_events = (
        columns.proposal_events,
        columns.merges,
        columns.info_events,
    )
    if members is not None:
        facts = facts.filter(pl.col("m").is_in(list(members)))
        # a few members (a what-if, a card): read only the stages of their records
        proposals = facts.filter(pl.col("src") == SOURCE_CODE[Source.PROPOSAL])["ri"].unique()
        merges = merges.filter(pl.col("ri").is_in(proposals.implode()))
        wanted = pl.concat([proposals, merges["parent"]]).unique()
        proposal_events = proposal_events.filter(pl.col("ri").is_in(wanted.implode()))
        reports = facts.filter(pl.col("src") == SOURCE_CODE[Source.INFO_REPORT])["ri"].unique()
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
    proposal_stages = _stage_frame(pl.concat([own, inherited]), Source.PROPOSAL)
    info_stages = _stage_frame(
        info_events.filter(pl.col("on").is_null() | (pl.col("on") <= as_of)).select(
            "ri", "stage", "level"
        ),
        Source.INFO_REPORT,
    )
    stages = pl.concat([proposal_stages, info_stages], how="diagonal_relaxed")

    converted_to = (
        columns.conversions.filter(pl.col("on") <= as_of)
        .select(
            pl.lit(SOURCE_CODE[Source.PROPOSAL], pl.Int8).alias("src"),
            "ri",
            pl.lit(True).alias("conv_to"),
        )
        .unique()
    )
    converted_from = columns.conversions.select(
        pl.lit(SOURCE_CODE[Source.INFO_REPORT], pl.Int8).alias("src"),
        pl.col("target").alias("ri"),
        pl.lit(True).alias("conv_from"),
    ).unique()
    # what each proposal and 社情民意 item has reached, one small frame joined once onto the
    # facts (whose order — credits' order — the left join keeps: no sort here)
    reached = stages.join(converted_to, on=["src", "ri"], how="full", coalesce=True).join(
        converted_from, on=["src", "ri"], how="full", coalesce=True
    )
    # joined on one integer key per record, which polars hashes faster than the pair
    key = record_key().alias("_key")
    facts = (
        facts.with_columns(key)
        .join(
            reached.with_columns(key).drop("src", "ri"),
            on="_key",
            how="left",
            maintain_order="left",
        )
        .drop("_key")
        .with_columns(
            pl.col("stages").fill_null(0),
            pl.col("conv_to").fill_null(False),
            pl.col("conv_from").fill_null(False),
        )
    )
    if conversion == "original":
        facts = facts.filter(~pl.col("conv_from"))
    elif conversion == "final":
        facts = facts.filter(~pl.col("conv_to"))
    attendee, main, sole = (
        ROLE_CODE[AuthorRole.ATTENDEE],
        ROLE_CODE[AuthorRole.MAIN_MEMBER],
        ROLE_CODE[AuthorRole.SOLE],
    )
    first, co = ROLE_CODE[AuthorRole.FIRST], ROLE_CODE[AuthorRole.CO]
    role = (
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
    return facts.with_columns(role)
