"""The roll calls (``attendance`` table) of a CSV dataset read whole by polars, checked whole.

The row loader reads a million roll-call rows one cell at a time into a million
:class:`~cppcc_model.model.Attendance` objects. Here the file is read by polars' CSV reader into
columns, and each column is checked at once (:mod:`cppcc_model.io._columnar_cells`): the plain
ids by a regular expression over the column, every other *distinct* text by the
row loader's own cell reader (:func:`~cppcc_model.io._tables_cells.read_cell`), so a cell means
exactly what it means there, then the references (activities, members), the one-row-per-member
rule and the half-day bound are checked as column operations. The activities' and members' ids
and the labels are first taken as written (:data:`AS_WRITTEN`): placing the entries casts them
to enums of the ids read and the labels' values, which finds any cell written otherwise, and
only then are the roll calls read again, every cell as the row loader reads it.

This module never reports a problem. When anything is not as the fast path needs it — a quote
or a lone carriage return in the file, an unknown header, a cell the reader refuses, a dangling
reference, a repeated member — :func:`read_roll_calls` gives ``None`` and the caller loads the
dataset with the row loader, which finds and locates every problem (file, row, column) exactly
as before. So a dataset that loads gives the same ledger either way, and one that does not
gives the same problems.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from cppcc_model.io._columnar_cells import PLAIN_ID, raw_frame, read_columns
from cppcc_model.io._columnar_files import table_files
from cppcc_model.io._tables_schema import table_by_name

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "AS_WRITTEN",
    "ROLL_CALL_SCHEMA",
    "RollCallsRead",
    "place_roll_calls",
    "read_roll_calls",
    "roll_call_file",
]

ROLL_CALL_SCHEMA = {
    "ri": "Int32",
    "ai": "Int32",
    "member_id": "Enum",
    "status": "Enum",
    "role": "Enum",
    "half_days": "Int32",
}
"""The frame :func:`place_roll_calls` gives: one row per roll-call entry, in ledger order.

``ri`` is the activity's position in the ledger's activities, ``ai`` the entry's position in
its roll call (the order of the file's rows); ``member_id`` is an enum over the ledger's sorted
member ids (its physical code is the member's code in the engine's columns); ``status`` and
``role`` are enums of the labels' values (``None``: not given, so the default); ``half_days``
is ``None`` where not given. About 20 bytes a row, against 60 with the ids as text.

It lives only while loading: the engine's credits are built from it, and of it the ledger keeps
only the entries the credits cannot say (a role other than 参加, half days given:
:func:`~cppcc_model.engine.roll_calls.given_entries`), from which with the credits it builds
its :class:`~cppcc_model.model.Attendance` objects when asked for.
"""

_TABLE = table_by_name("attendance")


def roll_call_file(directory: Path) -> Path | None:
    """The one CSV file of ``directory`` holding the roll calls, when the fast path can read it.

    ``None`` when there is no such file, more than one, or a workbook that could hold the
    table too (those cases are the row loader's).
    """
    files = table_files(directory, frozenset({_TABLE.name}))
    return None if files is None else files[_TABLE.name]


@attrs.frozen
class RollCallsRead:
    """The roll calls as :func:`read_roll_calls` read them.

    Attributes:
        frame: ``activity_id``, ``member_id`` (both filled), ``status``, ``role`` and
            ``half_days``, one row per non-empty row of the file, in file order.
        raw: ``None`` when every cell of ``frame`` was read as the row loader reads it (enum
            values for the labels, null when empty); else the file's texts, and ``frame``
            holds the ids and labels as written (:data:`AS_WRITTEN`), to be read again from
            these texts unless they all are as the row loader reads them.
        max_rows: the most rows the table may have.

    """

    frame: pl.DataFrame
    raw: pl.DataFrame | None
    max_rows: int


AS_WRITTEN = ("activity_id", "member_id", "status", "role")
"""The roll calls' columns first taken as written: a plain file holds the activities' and the
members' ids and the labels' values, each of which the row loader reads as itself, and placing
the entries casts each of these columns to an enum anyway, which finds any other text. Reading
their distinct texts first, a pass over each of the million cells, is then not needed."""


def read_roll_calls(path: Path, max_rows: int) -> RollCallsRead | None:
    """The roll calls in ``path``, or ``None``.

    The ids and labels are taken as written, unless a cell of theirs is empty or blank (then
    every cell is read as the row loader reads it). ``None``: the row loader must read the
    dataset (something here is not as the fast path reads it, or is wrong, and the row loader
    will say where). More than ``max_rows`` rows is such a case.
    """
    raw = raw_frame(path, _TABLE)
    if raw is None:
        return None
    read = read_columns(raw, _TABLE, max_rows, exact=AS_WRITTEN)
    if read is None:  # an empty id, a blank row …: every cell read as the row loader reads it
        return _read_in_full(raw, max_rows)
    return RollCallsRead(read[0].select(*_KINDS), raw, max_rows)


def _read_in_full(raw: pl.DataFrame, max_rows: int) -> RollCallsRead | None:
    """The roll calls of ``raw``, every cell read as the row loader reads it, or ``None``."""
    read = read_columns(raw, _TABLE, max_rows)
    return None if read is None else RollCallsRead(read[0].select(*_KINDS), None, max_rows)


_KINDS = {
    "activity_id": "String",
    "member_id": "String",
    "status": "String",
    "role": "String",
    "half_days": "Int64",
}


_LABELS = ("status", "role")
"""The roll calls' label columns."""


def _labels(name: str) -> list[str]:
    """The values of the label column ``name`` of the roll calls."""
    enum = next(column.enum for column in _TABLE.columns if column.name == name)
    assert enum is not None
    return [member.value for member in enum]


def place_roll_calls(
    read: RollCallsRead | pl.DataFrame,
    activities: pl.DataFrame,
    members: pl.Series | Iterable[str],
) -> pl.DataFrame | None:
    """The roll calls read by :func:`read_roll_calls` placed, as :data:`ROLL_CALL_SCHEMA`.

    Args:
        read: the roll calls read (a frame: every cell read as the row loader reads it).
        activities: ``id`` and ``half_days`` (null: one) of every activity, in ledger order.
        members: every member id of the ledger (a column of them each once, sorted, is
            taken as it is).

    ``None`` when an entry names an unknown activity or member, a member is twice on one roll
    call, or attended more half days than the activity has (the row loader reports those).
    The activities and members are placed by integer codes (a member id is held as a code of
    a :class:`polars.Enum` over the sorted ids, which is its code in the engine's columns).
    Ids and labels read as written are placed as they are when every one of them is the id of
    an activity or a member (each written plainly, so the row loader reads it as itself) or a
    label's value; else they are read again, every cell as the row loader reads it, and placed.
    """
    import polars as pl

    if isinstance(read, pl.DataFrame):
        return _place(read, activities, members, as_written=False)
    if read.raw is not None:
        placed = _place(read.frame, activities, members, as_written=True)
        if placed is not None:
            return placed
        again = _read_in_full(read.raw, read.max_rows)
        if again is None:
            return None
        read = again
    return _place(read.frame, activities, members, as_written=False)


def _place(
    frame: pl.DataFrame,
    activities: pl.DataFrame,
    members: pl.Series | Iterable[str],
    *,
    as_written: bool,
) -> pl.DataFrame | None:
    """:func:`place_roll_calls` on ``frame``; ``as_written``: its ids and labels as written."""
    import polars as pl

    ids = members if isinstance(members, pl.Series) else pl.Series(sorted(members), dtype=pl.String)
    if as_written and not (  # a plain id is read as itself: so is a cell equal to it
        ids.str.contains(PLAIN_ID).all() and activities["id"].str.contains(PLAIN_ID).all()
    ):
        return None
    places = pl.Enum(activities["id"])
    roster = pl.Enum(ids)
    labels = {name: pl.col(name).cast(pl.Enum(_labels(name)), strict=False) for name in _LABELS}
    placed = frame.select(
        pl.col("activity_id").cast(places, strict=False).to_physical().cast(pl.Int32).alias("ri"),
        pl.col("member_id").cast(roster, strict=False),
        *(label.alias(name) for name, label in labels.items()),
        pl.col("half_days").cast(pl.Int32),
    )
    if any(placed[name].null_count() != frame[name].null_count() for name in _LABELS):
        return None  # a label written otherwise than as its value
    key = pl.col("ri").cast(pl.Int64) * (1 << 32) + pl.col("member_id").to_physical().cast(pl.Int64)
    checks = placed.select(
        pl.col("ri").is_null().any().alias("activity"),
        pl.col("member_id").is_null().any().alias("member"),
        (key.n_unique() != pl.len()).alias("twice"),  # counting is cheaper than marking
    )
    if any(checks.row(0)):
        return None
    lengths = activities.select(
        pl.int_range(pl.len(), dtype=pl.Int32).alias("ri"),
        pl.col("half_days").fill_null(1).alias("length"),
    )
    partial = placed.filter(pl.col("half_days").is_not_null()).select("ri", "half_days")
    if partial.height and (
        partial.join(lengths, on="ri", how="left")
        .select((pl.col("half_days") > pl.col("length")).any())
        .item()
    ):
        return None
    row = pl.int_range(pl.len(), dtype=pl.Int32)
    first = pl.when(pl.col("ri") != pl.col("ri").shift(1).fill_null(-1)).then(row)
    if not placed["ri"].is_sorted():  # a file written activity by activity is in order already
        placed = placed.sort("ri", maintain_order=True)
    return placed.select(
        "ri",
        (row - first.forward_fill()).alias("ai"),
        "member_id",
        "status",
        "role",
        "half_days",
    )
