"""The roll calls (``attendance`` table) of a CSV dataset read whole by polars, checked whole.

The row loader reads a million roll-call rows one cell at a time into a million
:class:`~cppcc_model.model.Attendance` objects. Here the file is read by polars' CSV reader into
columns, and each column is checked at once (:mod:`cppcc_model.io._columnar_cells`): the plain
ids by a regular expression over the column, every other *distinct* text by the
row loader's own cell reader (:func:`~cppcc_model.io._tables_cells.read_cell`), so a cell means
exactly what it means there, then the references (activities, members), the one-row-per-member
rule and the half-day bound are checked as column operations.

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

from cppcc_model.io._columnar_cells import raw_frame, read_columns
from cppcc_model.io._columnar_files import table_files
from cppcc_model.io._tables_schema import table_by_name

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "ROLL_CALL_SCHEMA",
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


def read_roll_calls(path: Path, max_rows: int) -> pl.DataFrame | None:
    """The roll calls in ``path``, every cell read as the row loader reads it, or ``None``.

    The frame has ``activity_id``, ``member_id`` (both filled), ``status``, ``role`` (enum
    values, null when empty) and ``half_days``, one row per non-empty row of the file, in file
    order. ``None``: the row loader must read the dataset (something here is not as the fast
    path reads it, or is wrong, and the row loader will say where). More than ``max_rows``
    rows is such a case.
    """
    raw = raw_frame(path, _TABLE)
    if raw is None:
        return None
    read = read_columns(raw, _TABLE, max_rows)
    return None if read is None else read[0].select(*_KINDS)


_KINDS = {
    "activity_id": "String",
    "member_id": "String",
    "status": "String",
    "role": "String",
    "half_days": "Int64",
}


def _labels(name: str) -> list[str]:
    """The values of the label column ``name`` of the roll calls."""
    enum = next(column.enum for column in _TABLE.columns if column.name == name)
    assert enum is not None
    return [member.value for member in enum]


def place_roll_calls(
    frame: pl.DataFrame, activities: pl.DataFrame, members: pl.Series | Iterable[str]
) -> pl.DataFrame | None:
    """:func:`read_roll_calls`'s frame placed in the ledger, as :data:`ROLL_CALL_SCHEMA`.

    Args:
        frame: the roll calls read.
        activities: ``id`` and ``half_days`` (null: one) of every activity, in ledger order.
        members: every member id of the ledger (a column of them each once, sorted, is
            taken as it is).

    ``None`` when an entry names an unknown activity or member, a member is twice on one roll
    call, or attended more half days than the activity has (the row loader reports those).
    The activities and members are placed by integer codes (a member id is held as a code of
    a :class:`polars.Enum` over the sorted ids, which is its code in the engine's columns).
    """
    import polars as pl

    places = pl.Enum(activities["id"])
    roster = pl.Enum(members if isinstance(members, pl.Series) else sorted(members))
    placed = frame.select(
        pl.col("activity_id").cast(places, strict=False).to_physical().cast(pl.Int32).alias("ri"),
        pl.col("member_id").cast(roster, strict=False),
        pl.col("status").cast(pl.Enum(_labels("status"))),
        pl.col("role").cast(pl.Enum(_labels("role"))),
        pl.col("half_days").cast(pl.Int32),
    )
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
