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

from collections.abc import Mapping
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
    "member_id": "String",
    "status": "String",
    "role": "String",
    "half_days": "Int64",
}
"""The frame :func:`read_roll_calls` gives: one row per roll-call entry, in ledger order.

``ri`` is the activity's position in the ledger's activities, ``ai`` the entry's position in
its roll call (the order of the file's rows); ``status`` and ``role`` are the enum values
(``None``: not given, so the default); ``half_days`` is ``None`` where not given.
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


def place_roll_calls(
    frame: pl.DataFrame,
    activities: Mapping[str, tuple[int, int]],
    members: frozenset[str],
) -> pl.DataFrame | None:
    """:func:`read_roll_calls`'s frame placed in the ledger, as :data:`ROLL_CALL_SCHEMA`.

    Args:
        frame: the roll calls read.
        activities: each activity id → (its position in the ledger, its half days).
        members: every member id of the ledger.

    ``None`` when an entry names an unknown activity or member, a member is twice on one roll
    call, or attended more half days than the activity has (the row loader reports those).
    """
    import polars as pl

    known = pl.DataFrame(
        {
            "activity_id": list(activities),
            "ri": [place for place, _ in activities.values()],
            "length": [length for _, length in activities.values()],
        },
        schema={"activity_id": pl.String, "ri": pl.Int32, "length": pl.Int64},
    )
    placed = frame.join(known, on="activity_id", how="left", maintain_order="left")
    roster = pl.Series(sorted(members), dtype=pl.String).implode()
    checks = placed.select(
        pl.col("ri").is_null().any(),
        (~pl.col("member_id").is_in(roster)).any(),
        pl.struct("activity_id", "member_id").is_duplicated().any(),
        (pl.col("half_days") > pl.col("length")).fill_null(False).any(),
    )
    if any(checks.row(0)):
        return None
    return (
        placed.with_row_index("row")
        .sort("ri", "row")
        .select(
            "ri",
            pl.int_range(pl.len(), dtype=pl.Int32).over("ri").alias("ai"),
            "member_id",
            "status",
            "role",
            "half_days",
        )
    )
