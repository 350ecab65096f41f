"""A record table of a CSV dataset read whole by polars, each cell read as the row loader reads it.

The roll calls were the first table read this way (:mod:`cppcc_model.io._columnar_roll_calls`);
this module reads the others (proposals and their events, 社情民意 items and their events,
contributions) the same way: polars reads the file into columns of text, and each column's
*distinct* texts are read once by the row loader's own cell reader
(:func:`~cppcc_model.io._tables_cells.read_cell`), so a cell means exactly what it means there.
Text and id cells are also held to the checks the entity classes make on them (no control
character, no white space inside an id); a list of ids is split as the row loader splits it,
piece by distinct piece.

Nothing here reports a problem. Whatever is not as this path needs it — a quote, a lone
carriage return, an unknown or repeated header, a cell the reader refuses, more rows than
allowed, a table also held in a workbook — gives ``None``, and the caller leaves the dataset to
the row loader, which finds and locates every problem exactly as before.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from cppcc_model.io._columnar_files import table_files
from cppcc_model.io._columnar_roll_calls import _cell_value, _text, header_mapping
from cppcc_model.io._tables_cells import CellError, is_empty
from cppcc_model.io._tables_schema import CellKind, Column, Table, table_by_name
from cppcc_model.io.safe_text import restore_formula
from cppcc_model.text import text_problem

if TYPE_CHECKING:
    import polars as pl

__all__ = ["TableRead", "histories", "read_table", "table_files"]


_DTYPES = {
    CellKind.TEXT: "String",
    CellKind.ID: "String",
    CellKind.ENUM: "String",
    CellKind.DATE: "Date",
    CellKind.BOOL: "Boolean",
    CellKind.POSITIVE: "Int64",
    CellKind.COUNT: "Int64",
}
"""The frame type of each kind of cell read into a plain column (enums: their value)."""

_OBJECT_KINDS = frozenset({CellKind.UNITS, CellKind.NUMBER, CellKind.TEXTS, CellKind.PERIOD})
"""Kinds whose values stay Python objects: the column keeps the cell's text, and
:attr:`TableRead.objects` maps each text to its value."""

_SPACE = re.compile(r"\s")  # what the row loader's id reader refuses

_LIST_SEPARATORS = "[；，、]"
"""The list separators but ``;`` (a ``,``, a line break, a quote cannot be in a cell read here)."""


@attrs.frozen
class TableRead:
    """One table read as columns.

    Attributes:
        frame: one row per data row of the file (empty rows dropped), in file order, with a
            column per column of the table (null: the cell was empty or the column absent).
            Text and ids are the read text; labels their enum value; dates, yes/no and whole
            numbers typed; a list of ids a list of the ids; lists of units, numbers and
            periods the cell's text, read in :attr:`objects`.
        objects: for the columns whose values stay objects, each text → its value.

    """

    frame: pl.DataFrame
    objects: dict[str, dict[str, Any]]

    def value(self, column: str, text: str | None) -> Any:
        """The value of the cell ``text`` of an object column (``None`` when empty)."""
        return None if text is None else self.objects[column][text]


def _valid_text(value: object) -> bool:
    """Whether the entity classes take ``value`` as text (or an id, once read as one)."""
    return isinstance(value, str) and (value.isprintable() or text_problem(value) is None)


def _texts(texts: list[str], column: Column) -> dict[str, str] | None:
    """Each (non-empty) text or id cell → what the row loader reads, or ``None``.

    The row loader's reader strips a text cell and refuses an id with white space inside
    (:func:`~cppcc_model.io._tables_cells.read_cell`), done here inline for the many distinct
    texts of a column; a cell starting with a quote mark (a neutralised formula) goes through
    the reader itself. An id or text the entity classes refuse gives ``None``.
    """
    values: dict[str, str] = {}
    is_id = column.kind is CellKind.ID
    for text in texts:
        if text[:1] == "'":
            try:
                value = _cell_value(text, column)
            except CellError:
                return None
        else:
            value = text.strip()
            if is_id and _SPACE.search(value):
                return None
        if not value.isprintable() and text_problem(value) is not None:
            return None
        values[text] = value
    return values


def _plain(frame: pl.DataFrame, column: Column) -> pl.Expr | None:
    """The column ``column.name`` of ``frame`` read as the row loader reads it, or ``None``."""
    import polars as pl

    texts = frame[column.name].drop_nulls().unique().to_list()
    if column.kind in (CellKind.TEXT, CellKind.ID):
        texts_read = _texts(texts, column)
        if texts_read is None:
            return None
        values: dict[str, Any] = dict(texts_read)
    else:
        try:
            values = {text: _cell_value(text, column) for text in texts}
        except CellError:
            return None
    dtype = getattr(pl, _DTYPES[column.kind])
    changed = {text: value for text, value in values.items() if value != text}
    source = pl.col(column.name)
    if not changed:
        return source.cast(dtype)
    return source.replace_strict(values, default=None, return_dtype=dtype)


def _objects(frame: pl.DataFrame, column: Column) -> dict[str, Any] | None:
    """Each text of an object column → its value, or ``None`` when a cell is refused."""
    texts = frame[column.name].drop_nulls().unique().to_list()
    try:
        return {text: _cell_value(text, column) for text in texts}
    except CellError:
        return None


def _ids(frame: pl.DataFrame, column: Column) -> pl.Expr | None:
    """A list-of-ids column split as the row loader splits it, or ``None``.

    The row loader splits an unquoted cell at every separator, strips each piece and drops the
    empty ones; an id with white space inside, or named twice, is refused (and an id the
    entity classes refuse, a control character in it, sends the table to the row loader).
    """
    import polars as pl

    source = frame[column.name].drop_nulls()
    # a cell written as a neutralised formula ('-x) is restored before it is split, as there
    quoted = source.filter(source.str.starts_with("'")).unique().to_list()
    restored = {text: restore_formula(text) for text in quoted}
    cells = pl.col(column.name).replace(restored) if restored else pl.col(column.name)
    source = frame.select(cells.drop_nulls()).to_series()
    pieces = source.str.replace_all(_LIST_SEPARATORS, ";").str.split(";")
    stripped: dict[str, str] = {}
    for piece in pieces.explode().unique().to_list():
        item = piece.strip()
        if item and (any(ch.isspace() for ch in item) or not _valid_text(item)):
            return None
        stripped[piece] = item
    split = (
        cells.str.replace_all(_LIST_SEPARATORS, ";")
        .str.split(";")
        .list.eval(pl.element().replace_strict(stripped, return_dtype=pl.String))
        .list.eval(pl.element().filter(pl.element() != ""))
    )
    repeated = frame.select((split.list.n_unique() != split.list.len()).any()).item()
    return None if repeated else split


def _empty_frame(table: Table) -> pl.DataFrame:
    import polars as pl

    return pl.DataFrame(schema={column.name: pl.String for column in table.columns})


def read_table(path: Path | None, name: str, max_rows: int) -> TableRead | None:
    """The table ``name`` held in the CSV file ``path`` (``None``: no file, no rows), or ``None``.

    ``None`` when the file is not as this path reads it, or anything in it would be a problem
    for the row loader (which then says what and where). More than ``max_rows`` data rows is
    such a case.
    """
    import polars as pl

    table = table_by_name(name)
    if path is None:
        raw = _empty_frame(table)
    else:
        data = _text(path)
        if data is None or not data.strip():
            return None
        try:
            raw = pl.read_csv(io.BytesIO(data), infer_schema=False, has_header=True)
        except Exception:  # whatever polars refuses, the row loader reports
            return None
        header = data.split(b"\n", 1)[0].decode("utf-8").removesuffix("\r").split(",")
        if raw.columns != header:  # polars read the header otherwise (a second BOM, a repeat)
            return None
        mapping = header_mapping(table, raw.columns)
        if mapping is None:
            return None
        raw = raw.rename({given: column.name for given, column in mapping.items()})
    present = [column for column in table.columns if column.name in raw.columns]
    # a cell of white space is empty (as str.strip sees it), and a row of empty cells skipped
    empties = {
        c.name: [t for t in raw[c.name].drop_nulls().unique().to_list() if is_empty(t)]
        for c in present
    }
    if present:
        empty = [pl.col(c.name).is_null() | pl.col(c.name).is_in(empties[c.name]) for c in present]
        raw = raw.filter(~pl.all_horizontal(empty)).with_columns(
            pl.when(pl.col(c.name).is_in(empties[c.name]))
            .then(None)
            .otherwise(pl.col(c.name))
            .alias(c.name)
            for c in present
            if empties[c.name]
        )
    if raw.height > max_rows:
        return None
    read: dict[str, pl.Expr] = {}
    objects: dict[str, dict[str, Any]] = {}
    for column in present:
        if column.kind is CellKind.IDS:
            expr = _ids(raw, column)
        elif column.kind in _OBJECT_KINDS:
            found = _objects(raw, column)
            if found is None:
                return None
            objects[column.name] = found
            expr = pl.col(column.name)
        else:
            expr = _plain(raw, column)
        if expr is None:
            return None
        read[column.name] = expr
    frame = raw.select(
        *(
            read[c.name].alias(c.name) if c.name in read else pl.lit(None, _dtype(c)).alias(c.name)
            for c in table.columns
        )
    )
    required = [pl.col(c.name).is_null().any() for c in table.columns if c.required]
    if required and any(frame.select(required).row(0)):
        return None
    for column in table.columns:
        if column.kind in _OBJECT_KINDS:
            objects.setdefault(column.name, {})
    return TableRead(frame, objects)


def _dtype(column: Column) -> Any:
    import polars as pl

    if column.kind is CellKind.IDS:
        return pl.List(pl.String)
    return getattr(pl, _DTYPES.get(column.kind, "String"))


_Event = TypeVar("_Event")


def histories(
    events: TableRead,
    key: str,
    fields: tuple[str, ...],
    make: Callable[..., _Event],
    lookups: Mapping[str, Mapping[Any, Any]],
) -> dict[str, list[_Event]]:
    """Each record's steps, in the table's order, built as the row loader builds them.

    ``key`` is the column naming the record; ``fields`` the step's fields, passed to ``make``
    when given; ``lookups`` turn a column's cell value into the field's value (a step's label
    into its enum member, for instance).
    """
    built: dict[str, list[_Event]] = defaultdict(list)
    for row in events.frame.select(key, *fields).iter_rows():
        given: dict[str, Any] = {}
        for name, value in zip(fields, row[1:], strict=True):
            if value is None:
                continue
            lookup = lookups.get(name)
            given[name] = value if lookup is None else lookup[value]
        built[row[0]].append(make(**given))
    return built
