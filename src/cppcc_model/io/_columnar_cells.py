"""The cells of a CSV table read whole by polars, each meaning what it means to the row loader.

The columnar loader reads a table's file into columns of text, then turns each column into
values. The row loader's cell reader (:func:`~cppcc_model.io._tables_cells.read_cell`) stays
the one definition of what a cell means: polars only sorts out the cells that reader would
give back unchanged, and Python reads the rest.

* A text or id cell is *plain* when it has no control or separator character (but inner
  spaces, in a text), no space at either end and no leading quote mark (a neutralised
  formula). The row loader reads a plain cell as itself and the entity classes take it (it is
  printable and strips to itself; an id has no white space); a regular expression finds them
  all at once (:data:`PLAIN_TEXT`, :data:`PLAIN_ID`). Every other distinct text — empty, odd,
  or wrong — goes through the reader itself.
* A list of ids is split by polars at the list separators, each piece stripped of spaces;
  a cell that is not plain is read by the reader and written back plainly (``a;b``), so the
  split gives the reader's ids.
* Every other kind (labels, dates, yes/no, whole numbers, numbers, periods, units) has few
  distinct texts: each is read by the reader.

All distinct texts that need Python are found by one polars query per table, and the values
placed by one more. Nothing here reports a problem: a cell the reader refuses, a required cell
left empty, more rows than allowed, gives ``None`` and the caller leaves the dataset to the row
loader, which says what and where.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cppcc_model.io._tables_cells import CellError, is_empty, read_cell
from cppcc_model.io._tables_schema import CellKind, Column, Table
from cppcc_model.io.safe_text import restore_formula
from cppcc_model.labels import LabeledEnum, normalize_label
from cppcc_model.model._checks import MAX_WHOLE
from cppcc_model.text import text_problem

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "DTYPES",
    "OBJECT_KINDS",
    "PLAIN_ID",
    "PLAIN_TEXT",
    "cell_value",
    "csv_bytes",
    "header_mapping",
    "raw_frame",
    "read_columns",
]

PLAIN_TEXT = r"^[^\p{C}\p{Z}'](?:[ ]*[^\p{C}\p{Z}])*$"
"""A text cell the row loader reads as itself: no control or separator character but inner
spaces, none at the ends, no leading quote mark. Every character Python strips or finds
unprintable is of a ``C`` or ``Z`` category, so such a cell strips to itself and is printable."""

PLAIN_ID = r"^[^\p{C}\p{Z}'][^\p{C}\p{Z}]*$"
"""An id cell the row loader reads as itself: a plain text without any space."""

_NOT_SPACE = re.compile(rb"\S")

_LONE_CR = re.compile(rb"\r(?!\n)")
"""A carriage return that does not end a line with the line feed after it."""

_SEPARATORS = "[;；，、]"
"""The list separators that can be in a cell read here (a comma, a line break cannot)."""

DTYPES = {
    CellKind.TEXT: "String",
    CellKind.ID: "String",
    CellKind.ENUM: "String",
    CellKind.DATE: "Date",
    CellKind.BOOL: "Boolean",
    CellKind.POSITIVE: "Int64",
    CellKind.COUNT: "Int64",
}
"""The frame type of each kind of cell read into a plain column (labels: their value)."""

OBJECT_KINDS = frozenset({CellKind.UNITS, CellKind.NUMBER, CellKind.TEXTS, CellKind.PERIOD})
"""Kinds whose values stay Python objects: the column keeps the cell's text."""


def csv_bytes(path: Path) -> tuple[bytes, int] | None:
    """The file's bytes and the length of its UTF-8 BOM, when both CSV readers split them alike.

    Without quotes, NUL bytes or carriage returns outside CR LF line ends, a CSV file is lines of
    cells separated by commas for :mod:`csv` and polars alike; anything else is left to the
    row loader. The text must be UTF-8, as the row loader requires: polars refuses anything
    else in the cells it reads as text (all of them), and the header is decoded here.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if b'"' in data or b"\x00" in data:
        return None
    if b"\r" in data and _LONE_CR.search(data, bom) is not None:
        return None
    return data, bom


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


def raw_frame(path: Path, table: Table) -> pl.DataFrame | None:
    """The file ``path`` of ``table`` as columns of text named as the table's, or ``None``."""
    import polars as pl

    read = csv_bytes(path)
    if read is None:
        return None
    data, bom = read
    if _NOT_SPACE.search(data, bom) is None:  # nothing but white space
        return None
    end = data.find(b"\n", bom)
    try:
        header = data[bom : None if end < 0 else end].decode("utf-8").removesuffix("\r")
        raw = pl.read_csv(data, infer_schema=False, has_header=True)
    except Exception:  # whatever polars refuses (text that is not UTF-8 …), the row loader reports
        return None
    if raw.columns != header.split(","):  # polars read the header otherwise (a second BOM …)
        return None
    mapping = header_mapping(table, raw.columns)
    if mapping is None:
        return None
    return raw.rename({given: column.name for given, column in mapping.items()})


def cell_value(text: str, column: Column) -> Any:
    """What the row loader reads from the cell ``text`` (``None``: empty; labels: their value).

    Raises:
        CellError: when the row loader would refuse the cell.

    """
    if is_empty(text):
        return None
    cell = restore_formula(text) if text[:1] == "'" else text
    value = read_cell(cell, column)
    return value.value if isinstance(value, LabeledEnum) else value


def _accepted(value: str) -> bool:
    """Whether the entity classes take ``value`` as text (or an id, once read as one)."""
    return value.isprintable() or text_problem(value) is None


_DIGITS = len(str(MAX_WHOLE)) - 1
"""Digits of a whole number below :data:`~cppcc_model.model._checks.MAX_WHOLE`, the largest."""

_PLAIN_VALUES = {
    CellKind.DATE: r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    CellKind.POSITIVE: rf"^[1-9][0-9]{{0,{_DIGITS - 1}}}$",
    CellKind.COUNT: rf"^(?:0|[1-9][0-9]{{0,{_DIGITS - 1}}})$",
}
"""The texts of a date or whole-number cell that polars reads as the row loader's reader does.

A day written ``YYYY-MM-DD`` in ASCII digits is ``datetime.date(YYYY, MM, DD)`` to the reader
(:func:`~cppcc_model.dates.parse_day`), or refused when the calendar has no such day (which
polars then cannot parse either, so the text goes to the reader, which refuses it); a whole
number in ASCII digits without a sign or a leading zero, below the largest count allowed, is its
value. Every other text of these kinds (full-width digits, other forms of dates, spaces …) is
read by the reader."""


def _plain_value(column: Column, texts: pl.Expr) -> pl.Expr | None:
    """``texts`` read by polars where they are plain for ``column``'s kind (null elsewhere)."""
    import polars as pl

    pattern = _PLAIN_VALUES.get(column.kind)
    if pattern is None:
        return None
    if column.kind is CellKind.DATE:
        day = texts.str.to_date("%Y-%m-%d", strict=False)
        return pl.when(texts.str.contains(pattern) & (day.dt.year() >= 1)).then(day)
    return pl.when(texts.str.contains(pattern)).then(texts.cast(pl.Int64, strict=False))


def _unread(column: Column) -> pl.Expr:
    """The distinct texts of ``column`` that Python must read (all of them, but plain ones)."""
    import polars as pl

    texts = pl.col(column.name).drop_nulls().unique().implode()
    plain_value = _plain_value(column, pl.element())
    if plain_value is not None:
        return texts.list.eval(pl.element().filter(plain_value.is_null()))
    if column.kind not in (CellKind.TEXT, CellKind.ID, CellKind.IDS):
        return texts
    # a list of ids is plain as a whole when it is plain as a text; its pieces are checked later
    plain = PLAIN_ID if column.kind is CellKind.ID else PLAIN_TEXT
    return texts.list.eval(pl.element().filter(~pl.element().str.contains(plain)))


_Reader = Callable[[str], Any]


class _Refused(Exception):
    """A cell the row loader reads but an entity class refuses (the row loader says why)."""


def _id_list(column: Column) -> _Reader:
    """The reader of an unusual list-of-ids cell: its ids written plainly, ``None`` if empty."""

    def read(text: str) -> str | None:
        ids = cell_value(text, column)
        if ids is None:
            return None
        if not all(_accepted(item) for item in ids):
            raise _Refused
        return ";".join(ids)

    return read


def _other(column: Column) -> _Reader:
    """The reader of a label, date, yes/no, number … cell: the row loader's own."""
    return lambda text: cell_value(text, column)


def _single(column: Column) -> _Reader:
    """The reader of an unusual text or id cell (as the entity classes hold it)."""

    def read(text: str) -> Any:
        value = cell_value(text, column)
        if isinstance(value, str) and not _accepted(value):
            raise _Refused
        return value

    return read


def read_columns(
    raw: pl.DataFrame, table: Table, max_rows: int, exact: Collection[str] = ()
) -> tuple[pl.DataFrame, dict[str, dict[str, Any]]] | None:
    """``raw`` (columns of text, named as ``table``'s) read as the row loader reads it.

    Gives the frame — one column per column of the table, in its order (null: empty or
    absent); rows of empty cells dropped — and, for the columns whose values stay objects,
    each text → its value. ``None`` when a cell is refused, a required cell is empty, or more
    than ``max_rows`` rows remain.

    The columns named in ``exact`` (ids and labels) are given as written (null: empty in the
    file), their texts not read: the caller takes such a column only when every cell of it
    equals a text the row loader reads as itself (the id of a record read, a label's value),
    and reads ``raw`` again without ``exact`` otherwise. Their distinct texts are not sought
    here: for a million roll calls, a pass over each column that the caller's own pass (an
    enum cast) makes again.
    """
    import polars as pl

    present = [column for column in table.columns if column.name in raw.columns]
    sought = [column for column in present if column.name not in exact]
    texts = raw.select(_unread(c).alias(c.name) for c in sought).row(0) if sought else ()
    unread = dict(zip((column.name for column in sought), texts, strict=True))
    found = [unread.get(column.name, []) for column in present]
    empties: dict[str, list[str]] = {}
    values: dict[str, dict[str, Any]] = {}
    for column, texts in zip(present, found, strict=True):
        if column.kind is CellKind.IDS:
            read = _id_list(column)
        elif column.kind in (CellKind.TEXT, CellKind.ID):
            read = _single(column)
        else:
            read = _other(column)
        empty: list[str] = []
        read_values: dict[str, Any] = {}
        try:
            for text in texts:
                if is_empty(text):
                    empty.append(text)
                else:
                    read_values[text] = read(text)
        except (CellError, _Refused):
            return None
        empties[column.name] = empty
        values[column.name] = read_values
    query = raw.lazy()
    if present:
        blank = [
            pl.col(c.name).is_null() | pl.col(c.name).is_in(empties[c.name])
            if empties[c.name]
            else pl.col(c.name).is_null()
            for c in present
        ]
        query = query.filter(~pl.all_horizontal(blank))
    frame = query.select(_column(c, values, empties) for c in table.columns).collect()
    if frame.height > max_rows:
        return None
    checks = [pl.col(c.name).is_null().any() for c in table.columns if c.required]
    for column in table.columns:
        if column.kind is CellKind.IDS and column.name in raw.columns:
            ids = pl.col(column.name)
            checks.append((ids.list.n_unique() != ids.list.len()).any())
            spaced = ids.list.eval(pl.element().str.contains(" ", literal=True))
            checks.append(spaced.list.any().any())
    if checks and any(frame.select(c.alias(f"c{i}") for i, c in enumerate(checks)).row(0)):
        return None
    objects = {c.name: values.get(c.name, {}) for c in table.columns if c.kind in OBJECT_KINDS}
    return frame, objects


def _column(
    column: Column, values: dict[str, dict[str, Any]], empties: dict[str, list[str]]
) -> pl.Expr:
    """The expression giving ``column``'s values from its texts (null when absent)."""
    import polars as pl

    name = column.name
    if name not in values:
        return pl.lit(None, dtype_of(column)).alias(name)
    source = pl.col(name)
    read, empty = values[name], empties[name]
    if column.kind is CellKind.IDS:
        written = {text: ids for text, ids in read.items() if ids != text}
        if empty:
            source = pl.when(source.is_in(empty)).then(None).otherwise(source)
        if written:
            source = source.replace(written)
        return (
            source.str.replace_all(_SEPARATORS, ";")
            .str.split(";")
            .list.eval(pl.element().str.strip_chars(" "))
            .list.eval(pl.element().filter(pl.element() != ""))
            .alias(name)
        )
    if column.kind in OBJECT_KINDS:
        if empty:
            source = pl.when(source.is_in(empty)).then(None).otherwise(source)
        return source.alias(name)
    dtype = dtype_of(column)
    if column.kind in (CellKind.TEXT, CellKind.ID):
        changed = {text: value for text, value in read.items() if value != text}
        if empty:
            source = pl.when(source.is_in(empty)).then(None).otherwise(source)
        if changed:
            source = source.replace(changed)
        return source.alias(name)
    mapping = dict(read)
    mapping.update(dict.fromkeys(empty))
    plain_value = _plain_value(column, source)
    if plain_value is not None:
        if not mapping:
            return plain_value.alias(name)
        others = source.replace_strict(mapping, default=None, return_dtype=dtype)
        return pl.coalesce(plain_value, others).alias(name)
    if all(value == text for text, value in read.items()) and dtype == pl.String:
        if empty:
            source = pl.when(source.is_in(empty)).then(None).otherwise(source)
        return source.alias(name)
    return source.replace_strict(mapping, default=None, return_dtype=dtype).alias(name)


def dtype_of(column: Column) -> Any:
    """The frame type of ``column`` (a list of ids: a list of strings; objects: their text)."""
    import polars as pl

    if column.kind is CellKind.IDS:
        return pl.List(pl.String)
    return getattr(pl, DTYPES.get(column.kind, "String"))
