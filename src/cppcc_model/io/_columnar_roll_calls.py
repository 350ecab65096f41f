"""The roll calls (``attendance`` table) of a CSV dataset read whole by polars, checked whole.

The row loader reads a million roll-call rows one cell at a time into a million
:class:`~cppcc_model.model.Attendance` objects. Here the file is read by polars' CSV reader into
columns, and each column is checked at once: every *distinct* text of a column is read by the
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

import codecs
import io
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cppcc_model.io._columnar_files import table_files
from cppcc_model.io._tables_cells import CellError, is_empty, read_cell
from cppcc_model.io._tables_schema import Column, Table, table_by_name
from cppcc_model.io.safe_text import restore_formula
from cppcc_model.labels import LabeledEnum, normalize_label

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "ROLL_CALL_SCHEMA",
    "header_mapping",
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


def _text(path: Path) -> bytes | None:
    """The file's bytes without a UTF-8 BOM, when both CSV readers split them alike.

    Without quotes, NUL bytes or carriage returns outside CR LF line ends, a CSV file is lines of
    cells separated by commas for :mod:`csv` and polars alike; anything else is left to the
    row loader. The text must be UTF-8, as the row loader requires.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b'"' in data or b"\x00" in data or data.count(b"\r") != data.count(b"\r\n"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return data


def header_mapping(table: Table, names: list[str]) -> dict[str, Column] | None:
    """Header as written → column of ``table``, the one reading shared by every columnar table.

    ``None`` unless every header names a column once and every required column is there.
    """
    mapping: dict[str, Column] = {}
    seen: set[str] = set()
    for name in names:
        text = name.strip()
        column = table.header_index.get(normalize_label(text)) if text else None
        if column is None or column.name in seen:
            return None
        seen.add(column.name)
        mapping[name] = column
    if any(column.required and column.name not in seen for column in table.columns):
        return None
    return mapping


def _cell_value(text: str, column: Column) -> Any:
    """What the row loader reads from the cell ``text`` (``None``: empty).

    Raises:
        CellError: when the row loader would refuse the cell.

    """
    if is_empty(text):
        return None
    cell = restore_formula(text) if text[:1] == "'" else text
    value = read_cell(cell, column)
    return value.value if isinstance(value, LabeledEnum) else value


def _read(frame: pl.DataFrame, column: Column, dtype: Any) -> pl.Expr | None:
    """The column ``column.name`` of ``frame`` read as the row loader reads it, or ``None``."""
    import polars as pl

    texts = frame[column.name].drop_nulls().unique().to_list()
    try:
        values = {text: _cell_value(text, column) for text in texts}
    except CellError:
        return None
    changed = {text: value for text, value in values.items() if value != text}
    source = pl.col(column.name)
    if not changed:
        return source.cast(dtype)
    return source.replace_strict(values, default=None, return_dtype=dtype)


def read_roll_calls(path: Path, max_rows: int) -> pl.DataFrame | None:
    """The roll calls in ``path``, every cell read as the row loader reads it, or ``None``.

    The frame has ``activity_id``, ``member_id`` (both filled), ``status``, ``role`` (enum
    values, null when empty) and ``half_days``, one row per non-empty row of the file, in file
    order. ``None``: the row loader must read the dataset (something here is not as the fast
    path reads it, or is wrong, and the row loader will say where). More than ``max_rows``
    rows is such a case.
    """
    import polars as pl

    data = _text(path)
    if data is None:
        return None
    try:
        raw = pl.read_csv(io.BytesIO(data), infer_schema=False, has_header=True)
    except Exception:  # whatever polars refuses, the row loader reports
        return None
    header = data.split(b"\n", 1)[0].decode("utf-8").removesuffix("\r").split(",")
    if raw.columns != header:  # polars read the header otherwise (a second BOM, a repeat)
        return None
    mapping = header_mapping(_TABLE, raw.columns)
    if mapping is None:
        return None
    raw = raw.rename({name: column.name for name, column in mapping.items()})
    present = [column for column in _TABLE.columns if column.name in raw.columns]
    # a row whose every cell is empty (or white space) is skipped, as the row loader skips it
    empty = [
        pl.col(c.name).is_null()
        | pl.col(c.name).is_in([t for t in raw[c.name].drop_nulls().unique() if is_empty(t)])
        for c in present
    ]
    raw = raw.filter(~pl.all_horizontal(empty))
    if raw.height > max_rows:
        return None
    read: dict[str, pl.Expr] = {}
    for column in present:
        expr = _read(raw, column, getattr(pl, _KINDS[column.name]))
        if expr is None:
            return None
        read[column.name] = expr
    frame = raw.select(
        *(expr.alias(name) for name, expr in read.items()),
        *(
            pl.lit(None, getattr(pl, kind)).alias(name)
            for name, kind in _KINDS.items()
            if name not in read
        ),
    ).select(*_KINDS)
    required = pl.col("activity_id").is_null().any() | pl.col("member_id").is_null().any()
    if frame.select(required).item():
        return None
    return frame


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
