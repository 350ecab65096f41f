"""A record table of a CSV dataset read whole by polars, each cell read as the row loader reads it.

Polars reads the file into columns of text, and :func:`~cppcc_model.io._columnar_cells.
read_columns` turns them into values: the plain text and id cells (most of them) are kept as
they are, found by a regular expression over the whole column, and every other *distinct*
text is read once by the row loader's own cell reader
(:func:`~cppcc_model.io._tables_cells.read_cell`), so a cell means exactly what it means there.
Text and id cells are also held to the checks the entity classes make on them (no control
character, no white space inside an id); a list of ids is split as the row loader splits it.

Nothing here reports a problem. Whatever is not as this path needs it — a quote, a lone
carriage return, an unknown or repeated header, a cell the reader refuses, more rows than
allowed, a table also held in a workbook — gives ``None``, and the caller leaves the dataset to
the row loader, which finds and locates every problem exactly as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from cppcc_model.io._columnar_cells import raw_frame, read_columns
from cppcc_model.io._columnar_files import table_files
from cppcc_model.io._tables_schema import Table, table_by_name

if TYPE_CHECKING:
    import polars as pl

__all__ = ["TableRead", "histories", "read_table", "table_files"]


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


def _empty_frame(table: Table) -> pl.DataFrame:
    import polars as pl

    return pl.DataFrame(schema={column.name: pl.String for column in table.columns})


def read_table(path: Path | None, name: str, max_rows: int) -> TableRead | None:
    """The table ``name`` held in the CSV file ``path`` (``None``: no file, no rows), or ``None``.

    ``None`` when the file is not as this path reads it, or anything in it would be a problem
    for the row loader (which then says what and where). More than ``max_rows`` data rows is
    such a case.
    """
    table = table_by_name(name)
    raw = _empty_frame(table) if path is None else raw_frame(path, table)
    if raw is None:
        return None
    read = read_columns(raw, table, max_rows)
    if read is None:
        return None
    frame, objects = read
    return TableRead(frame, objects)


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
