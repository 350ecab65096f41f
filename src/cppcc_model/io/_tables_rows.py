"""From raw cells to typed rows: match the headers to columns, read every cell.

Every problem is collected — an unknown or repeated header, a missing required column, an
empty required cell, a cell of the wrong type — each located by file, sheet, row, the header
as written and, where the row has one, its record id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from cppcc_model.errors import Location, Problem
from cppcc_model.io._tables_cells import CellError, is_empty, read_cell
from cppcc_model.io._tables_files import RawTable
from cppcc_model.io._tables_schema import KEY_COLUMN, VALUE_COLUMN, CellKind, Column, Table
from cppcc_model.labels import normalize_label
from cppcc_model.suggest import did_you_mean

__all__ = ["Row", "parse_committee", "parse_table"]

_DOCS = "docs/reference/dataset-format.md"


class Row:
    """One data row: its number, its values by field, and the headers as written.

    A plain class rather than attrs: the loader makes one per row and reads its values some
    ten times each, so ``get`` is the values' own ``dict.get``, not a method in between.
    Compared by its fields.
    """

    __slots__ = (
        "field_rows",
        "file",
        "get",
        "headers",
        "number",
        "ok",
        "record_id",
        "sheet",
        "values",
    )

    file: str
    sheet: str | None
    number: int
    values: dict[str, Any]
    headers: dict[str, str]
    ok: bool
    record_id: str | None
    field_rows: dict[str, int] | None  # the committee's key/value rows only
    get: Callable[[str], Any]
    """The value of a field (``None`` when empty or absent)."""

    def __init__(
        self,
        file: str,
        sheet: str | None,
        number: int,
        values: dict[str, Any],
        headers: dict[str, str],
        ok: bool = True,
        record_id: str | None = None,
        field_rows: dict[str, int] | None = None,
    ) -> None:
        """The row ``number`` of ``file`` (and ``sheet``) with its ``values`` by field."""
        self.file = file
        self.sheet = sheet
        self.number = number
        self.values = values
        self.get = values.get
        self.headers = headers
        self.ok = ok
        self.record_id = record_id
        self.field_rows = field_rows

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.file,
            self.sheet,
            self.number,
            self.values,
            self.headers,
            self.ok,
            self.record_id,
            self.field_rows,
        )

    def __eq__(self, other: object) -> bool:
        """The same fields."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable: no hash

    def __repr__(self) -> str:
        """``Row(file=…, sheet=…, number=…, …)``."""
        names = ("file", "sheet", "number", "values", "headers", "ok", "record_id", "field_rows")
        pairs = zip(names, self._fields(), strict=True)
        shown = ", ".join(f"{name}={value!r}" for name, value in pairs)
        return f"Row({shown})"

    def where(self, field: str | None = None, record_id: str | None = None) -> Location:
        """The location of this row (and of ``field``'s cell)."""
        column = self.headers.get(field, field) if field is not None else None
        number = self.number
        if field is not None and self.field_rows is not None:
            number = self.field_rows.get(field, number)
        return Location(
            file=self.file,
            sheet=self.sheet,
            row=number,
            column=column,
            record_id=record_id if record_id is not None else self.record_id,
        )


def _header_text(value: object) -> str:
    return value.strip() if isinstance(value, str) else str(value)


def _map_headers(raw: RawTable, problems: list[Problem]) -> tuple[dict[int, Column], bool]:
    """Column index → column, and whether every required column is there."""
    table = raw.table
    mapping: dict[int, Column] = {}
    first_index: dict[str, int] = {}
    known = [header for column in table.columns for header in column.headers]
    for index, cell in enumerate(raw.header):
        where = raw.where(raw.header_row)
        if is_empty(cell):
            if any(index < len(cells) and not is_empty(cells[index]) for _, cells in raw.rows):
                problems.append(
                    Problem(
                        f"column {index + 1} has values but no header",
                        where,
                        "write the column's header in the first row, or delete the column",
                    )
                )
            continue
        text = _header_text(cell)
        column = table.header_index.get(normalize_label(text))
        if column is None:
            suggestion = did_you_mean(text, known)
            problems.append(
                Problem(
                    f"unknown column {text!r} in {table.title}",
                    attrs.evolve(where, column=text),
                    f"{suggestion}{_DOCS} lists the columns of every table",
                )
            )
            continue
        if column.name in first_index:
            earlier = _header_text(raw.header[first_index[column.name]])
            problems.append(
                Problem(
                    f"the column {column.title} appears twice (also as {earlier!r})",
                    attrs.evolve(where, column=text),
                    "keep one of the two columns",
                )
            )
            continue
        first_index[column.name] = index
        mapping[index] = column
    present = {column.name for column in mapping.values()}
    missing = [c for c in table.columns if c.required and c.name not in present]
    for column in missing:
        problems.append(
            Problem(
                f"the required column {column.title} is missing from {table.title}",
                raw.where(raw.header_row),
                f"add a column headed {column.name!r} or {column.zh!r}",
            )
        )
    return mapping, not missing


_PARENT = {
    "roles": "member_id",
    "attendance": "activity_id",
    "proposal_events": "proposal_id",
    "info_events": "report_id",
    "work_items": "plan_id",
}


def _record_id(
    table: Table, values: dict[str, Any], cells: Sequence[Any], index_of: Mapping[str, int]
) -> str | None:
    """The id of the record a row gives or belongs to (a child row: its parent's id).

    ``cells`` are the row's raw cells and ``index_of`` the index of each field's, for an id
    that did not parse.
    """
    if table.name == "terms" and "number" in values:
        return str(values["number"])
    if table.name == "sessions" and "term" in values and "number" in values:
        return f"{values['term']}-{values['number']}"
    field = _PARENT.get(table.name, "id")
    if field in values:
        return str(values[field])
    index = index_of.get(field)
    cell = cells[index] if index is not None and index < len(cells) else None
    return cell.strip() if isinstance(cell, str) and cell.strip() else None


_SHARED_KINDS = frozenset({CellKind.ID, CellKind.ENUM, CellKind.DATE, CellKind.BOOL})
"""Kinds of cell whose text repeats down a column (ids, labels, dates): read once per text."""

_SHARED_LIMIT = 200_000
"""The most distinct texts remembered per column while one table is read."""

_MISSING = object()


def parse_table(raw: RawTable, problems: list[Problem], *, consume: bool = False) -> list[Row]:
    """The typed rows of ``raw`` and of the sheets it continues on; problems go to ``problems``.

    Each continuation sheet (:attr:`~cppcc_model.io._tables_files.RawTable.continued`) is read
    with its own header row, and its rows are located on it.
    """
    rows = _parse_sheet(raw, problems, consume=consume)
    for part in raw.continued:
        rows += _parse_sheet(part, problems, consume=consume)
    return rows


def _parse_sheet(raw: RawTable, problems: list[Problem], *, consume: bool = False) -> list[Row]:
    """The typed rows of one sheet's (or file's) ``raw``; problems go to ``problems``.

    A text repeated down an id, label, date or yes/no column (a member's id on every roll
    call) is read once and its value shared, which saves both the reading and the memory of a
    string per row. With ``consume`` the raw rows are let go one by one as they are read, so a
    million-row table is never held twice (``raw.rows`` is left empty).
    """
    mapping, complete = _map_headers(raw, problems)
    present_columns = {column.name for column in mapping.values()}
    headers = {column.name: _header_text(raw.header[index]) for index, column in mapping.items()}
    # looked up once per table, not once per row: a roll call can have a million rows
    mapped = sorted(mapping.items())
    required = [
        column for column in raw.table.columns if column.required and column.name in present_columns
    ]
    shared: dict[str, dict[str, Any]] = {
        column.name: {} for _, column in mapped if column.kind in _SHARED_KINDS
    }
    # each column read: its index, field, column and the texts of it read so far (or None)
    plan = [(index, column.name, column, shared.get(column.name)) for index, column in mapped]
    index_of = {column.name: index for index, column in mapped}
    epoch, table, file, sheet = raw.epoch, raw.table, raw.file, raw.sheet
    rows: list[Row] = []
    source = raw.rows
    for position in range(len(source)):
        number, cells = source[position]
        if consume:
            source[position] = _CONSUMED
        width = len(cells)
        values: dict[str, Any] = {}
        errors: list[tuple[str, CellError]] = []
        for index, name, column, known in plan:
            if index >= width:
                break  # the plan is in column order
            cell = cells[index]
            if cell is None:
                continue
            if type(cell) is str:
                if known is not None:  # only a text read before (never an empty one) is known
                    value = known.get(cell, _MISSING)
                    if value is not _MISSING:
                        values[name] = value
                        continue
                if not cell.strip():
                    continue
            elif isinstance(cell, str) and not cell.strip():
                continue  # is_empty(cell), for a subclass of str
            try:
                value = read_cell(cell, column, epoch=epoch)
            except CellError as exc:
                errors.append((name, exc))
                continue
            values[name] = value
            if known is not None and type(cell) is str and len(known) < _SHARED_LIMIT:
                known[cell] = value
        row = Row(file, sheet, number, values, headers, ok=complete)
        row.record_id = _record_id(table, values, cells, index_of)
        failed: set[str] = set()
        for name, error in errors:
            failed.add(name)
            problems.append(Problem(error.message, row.where(name), error.hint))
        for column in required:
            if column.name not in values and column.name not in failed:
                problems.append(
                    Problem(
                        f"{column.title} is required but the cell is empty",
                        row.where(column.name),
                        "fill it in",
                    )
                )
                row.ok = False
        row.ok = row.ok and not errors
        rows.append(row)
    if consume:
        source.clear()
    return rows


_CONSUMED: tuple[int, list[Any]] = (0, [])


def parse_committee(raw: RawTable, problems: list[Problem]) -> Row | None:
    """The committee's key/value rows as one row of values (``None`` when a column is missing)."""
    table = raw.table
    index: dict[str, int] = {}
    for position, cell in enumerate(raw.header):
        if is_empty(cell):
            continue
        name = normalize_label(_header_text(cell))
        for column in (KEY_COLUMN, VALUE_COLUMN):
            if name in {normalize_label(header) for header in column.headers}:
                index.setdefault(column.name, position)
                break
        else:
            problems.append(
                Problem(
                    f"unknown column {_header_text(cell)!r} in {table.title}",
                    raw.where(raw.header_row, _header_text(cell)),
                    "the committee table has two columns: key (项目) and value (内容)",
                )
            )
    missing = [c for c in (KEY_COLUMN, VALUE_COLUMN) if c.name not in index]
    for column in missing:
        problems.append(
            Problem(
                f"the required column {column.title} is missing from {table.title}",
                raw.where(raw.header_row),
                f"add a column headed {column.name!r} or {column.zh!r}",
            )
        )
    if missing:
        return None
    value_header = _header_text(raw.header[index["value"]])
    row = Row(raw.file, raw.sheet, raw.header_row, {}, {})
    key_rows: dict[str, int] = {}
    entries: list[tuple[int, Column, Any]] = []
    for number, cells in raw.rows:
        key = cells[index["key"]] if index["key"] < len(cells) else None
        value = cells[index["value"]] if index["value"] < len(cells) else None
        where = Location(file=raw.file, sheet=raw.sheet, row=number)
        if is_empty(key):
            problems.append(
                Problem(
                    "the key cell is empty",
                    attrs.evolve(where, column=_header_text(raw.header[index["key"]])),
                    "write which committee field the row gives (id, name, level, jurisdiction)",
                )
            )
            continue
        key_text = _header_text(key)
        found = table.header_index.get(normalize_label(key_text))
        if found is None:
            known = [header for c in table.columns for header in c.headers]
            problems.append(
                Problem(
                    f"unknown committee key {key_text!r}",
                    attrs.evolve(where, column=_header_text(raw.header[index["key"]])),
                    did_you_mean(key_text, known)
                    + "the keys are: "
                    + ", ".join(c.title for c in table.columns),
                )
            )
            continue
        if found.name in key_rows:
            problems.append(
                Problem(
                    f"the committee key {found.title} is given twice (also on row "
                    f"{key_rows[found.name]})",
                    attrs.evolve(where, column=_header_text(raw.header[index["key"]])),
                    "keep one of the two rows",
                )
            )
            continue
        key_rows[found.name] = number
        entries.append((number, found, value))
    for number, column, value in entries:
        where = Location(file=raw.file, sheet=raw.sheet, row=number, column=value_header)
        if is_empty(value):
            if column.required:
                problems.append(
                    Problem(f"the committee's {column.title} is empty", where, "fill it in")
                )
                row.ok = False
            continue
        try:
            row.values[column.name] = read_cell(value, column, epoch=raw.epoch)
        except CellError as exc:
            problems.append(Problem(exc.message, where, exc.hint))
            row.ok = False
    for column in table.columns:
        if column.required and column.name not in key_rows:
            problems.append(
                Problem(
                    f"the committee's {column.title} is missing",
                    raw.where(),
                    f"add a row with key {column.name!r} ({column.zh}) and its value",
                )
            )
            row.ok = False
    row.headers = dict.fromkeys(key_rows, value_header)
    row.record_id = row.values.get("id")
    row.field_rows = key_rows
    return row


_HISTORY_PATH = re.compile(r"^\$\.(proposals|info_reports)\[\d+\]\.history\[(\d+)\]$")
_HISTORY_TABLES = {
    "proposals": ("proposal_events", "proposal_id", "step"),
    "info_reports": ("info_events", "report_id", "step"),
}
HISTORY_TABLES: frozenset[str] = frozenset(table for table, _, _ in _HISTORY_TABLES.values())
"""The tables holding the steps of records' histories (the rows lifecycle problems point at)."""


def locate_history(problem: Problem, rows: Mapping[str, Sequence[Row]]) -> Problem:
    """Place a lifecycle problem (``where.path`` ``$.proposals[k].history[i]``) at its row.

    The i-th step of a record is the i-th row of its events table that names the record.
    """
    return locate_histories([problem], rows)[0]


def locate_histories(
    problems: Sequence[Problem], rows: Mapping[str, Sequence[Row]]
) -> list[Problem]:
    """:func:`locate_history` for many problems, reading each events table once."""
    steps: dict[tuple[str, str], list[Row]] = {}
    indexed: set[str] = set()
    located: list[Problem] = []
    for problem in problems:
        where = problem.where
        found = _HISTORY_PATH.match(where.path or "")
        if found is None or where.record_id is None:
            located.append(problem)
            continue
        table, parent_field, field = _HISTORY_TABLES[found.group(1)]
        if table not in indexed:
            indexed.add(table)
            for row in rows.get(table, ()):
                owner = row.get(parent_field)
                if isinstance(owner, str):
                    steps.setdefault((table, owner), []).append(row)
        mine = steps.get((table, where.record_id), [])
        index = int(found.group(2))
        if index >= len(mine):
            located.append(problem)
            continue
        place = mine[index].where(field, where.record_id)
        located.append(Problem(problem.message, place, problem.hint))
    return located
