"""A ledger from rows: whatever gives one dict per row — a database cursor, a data frame, an API.

:func:`ledger_from_tables` takes the tables of the dataset format
(``docs/reference/dataset-format.md``) as rows instead of files::

    from cppcc_model.io.rows import ledger_from_tables

    ledger = ledger_from_tables(
        {
            "committee": {"id": "xiangzhou", "name": "襄州区政协", "level": "区县",
                          "jurisdiction": "hubei.xiangyang.xiangzhou"},
            "委员": [{"编号": "m001", "姓名": "张三", "界别": "econ"}],
            "sectors": [{"id": "econ", "name": "经济界"}],
        },
        source="platform",
    )

Table and column names are those the file loaders accept (English or Chinese, either script,
aliases); cells are read by the same readers, with the same checks, so a row of a database
table loads exactly as the same row of a CSV file would. Cells may also be what a database or
a data frame gives: numbers, dates, booleans, ``Decimal``, NumPy scalars; ``None``, NaN and NaT
are empty cells; a list or tuple in a list column (``member_ids``) is its items.

Rows of a table are numbered from 1 in the order the iterable gives them. Every problem is
located by table (:attr:`~cppcc_model.errors.Location.table`, the name as given), row, column
(the key as given) and record id; loading is all or nothing.
"""

from __future__ import annotations

import decimal
import difflib
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from cppcc_model.errors import DatasetError, InvalidValueError, Location, Problem
from cppcc_model.io._tables_build import build_ledger
from cppcc_model.io._tables_cells import is_empty, join_list
from cppcc_model.io._tables_files import DEFAULT_MAX_ROWS, RawTable
from cppcc_model.io._tables_rows import (
    HISTORY_TABLES,
    Row,
    locate_histories,
    parse_committee,
    parse_table,
)
from cppcc_model.io._tables_schema import (
    KEY_COLUMN,
    VALUE_COLUMN,
    CellKind,
    Table,
    all_table_names,
    table_named,
)
from cppcc_model.labels import normalize_label
from cppcc_model.ledger import Ledger

__all__ = ["TableRows", "ledger_from_tables", "tables_problems"]

TableRows = Iterable[Any] | Mapping[str, Any]
"""One table's rows: an iterable of row mappings (or a DB-API cursor, a SQLAlchemy result, a
polars or pandas data frame); for ``committee`` also one mapping of its fields."""

_MARK = "\x00rows"  # the file of every raw table built here, replaced when problems are located
_LIST_KINDS = (CellKind.IDS, CellKind.TEXTS, CellKind.UNITS)


@attrs.frozen
class _Given:
    """How the caller named one table, and (for a one-row committee) its keys by row."""

    name: str
    committee_keys: dict[int, str] = attrs.field(factory=dict)


# ---------------------------------------------------------------------- rows of any kind


def _column_names(rows: Any) -> list[str] | None:
    """The column names of a cursor or a result that yields plain sequences."""
    description = getattr(rows, "description", None)
    if description:
        return [str(column[0]) for column in description]
    keys = getattr(rows, "keys", None)
    if callable(keys) and not isinstance(rows, Mapping):
        try:
            return [str(key) for key in keys()]
        except Exception:  # an object whose keys() is something else entirely
            return None
    return None


def _records(rows: Any) -> Iterable[Any]:
    """The rows of a data frame as dicts; anything else as it is."""
    to_dicts = getattr(rows, "to_dicts", None)  # polars
    if callable(to_dicts):
        return list(to_dicts())
    if type(rows).__module__.startswith("pandas") and hasattr(rows, "to_dict"):
        return list(rows.to_dict(orient="records"))
    return list(rows)


def _as_mapping(row: Any, names: list[str] | None) -> Mapping[Any, Any] | None:
    if isinstance(row, Mapping):
        return row
    mapping = getattr(row, "_mapping", None)  # a SQLAlchemy Row
    if isinstance(mapping, Mapping):
        return mapping
    if names is not None and isinstance(row, list | tuple):
        return dict(zip(names, row, strict=False))
    return None


def _plain(value: Any) -> Any:
    """A cell as the cell readers take it: NumPy scalars unwrapped, NaN and NaT empty."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            return None if value.is_nan() else value
        return int(value) if value == value.to_integral_value() else value
    try:
        if value != value:  # pandas NaT and other "not a value" markers
            return None
    except Exception:  # an object that refuses comparison is left to the readers
        return value
    return value


def _list_cell(items: Iterable[Any], kind: CellKind) -> str:
    texts = ["" if item is None else str(_plain(item)) for item in items]
    if kind is CellKind.UNITS:
        return "；".join(texts)
    return join_list(texts, chinese=False)


# ---------------------------------------------------------------------- raw tables


def _raw_table(
    table: Table, given: str, rows: Any, max_rows: int, problems: list[Problem]
) -> RawTable | None:
    where = Location(table=given)
    try:
        names = _column_names(rows)
        records = _records(rows)
    except TypeError:
        problems.append(
            Problem(
                f"the rows of {table.title} are a {type(rows).__name__}, not an iterable of rows",
                where,
                "give each table as a list of dicts (or a cursor, a result or a data frame)",
            )
        )
        return None
    header: list[str] = list(names or ())  # a cursor names its columns even without rows
    seen: set[str] = set(header)
    mapped: list[Mapping[Any, Any]] = []
    for number, row in enumerate(records, start=1):
        mapping = _as_mapping(row, names)
        if mapping is None:
            problems.append(
                Problem(
                    f"the row is a {type(row).__name__}, not a mapping of column to value",
                    attrs.evolve(where, row=number),
                    "give each row as a dict of column name to value",
                )
            )
            return None
        if number > max_rows:
            problems.append(
                Problem(
                    f"{table.title} has more than {max_rows:,} rows, the limit for one table",
                    attrs.evolve(where, row=number),
                    "split the data into smaller datasets, or raise the row limit (--max-rows N, "
                    "or max_rows=N in Python) if the data is genuine",
                )
            )
            return None
        for key in mapping:
            text = str(key)
            if text not in seen:
                seen.add(text)
                header.append(text)
        mapped.append(mapping)
    if not header:  # no rows and no column names: an empty table, as a missing file is
        return None
    kinds = {
        index: column.kind
        for index, text in enumerate(header)
        if (column := table.header_index.get(normalize_label(text))) is not None
    }
    cells_rows: list[tuple[int, list[Any]]] = []
    for number, mapping in enumerate(mapped, start=1):
        by_text = {str(key): value for key, value in mapping.items()}
        cells: list[Any] = []
        for index, text in enumerate(header):
            value = by_text.get(text)
            kind = kinds.get(index)
            if isinstance(value, list | tuple) and kind in _LIST_KINDS:
                assert kind is not None
                value = _list_cell(value, kind)
            cells.append(_plain(value))
        if all(is_empty(cell) for cell in cells):
            continue
        cells_rows.append((number, cells))
    return RawTable(table, _MARK, given, list(header), 0, cells_rows)


def _committee_raw(
    given: str, fields: Mapping[Any, Any], problems: list[Problem]
) -> tuple[RawTable, dict[int, str]]:
    """The committee given as one mapping of its fields, as key/value rows numbered from 1."""
    rows: list[tuple[int, list[Any]]] = []
    keys: dict[int, str] = {}
    for number, (key, value) in enumerate(fields.items(), start=1):
        keys[number] = str(key)
        rows.append((number, [str(key), _plain(value)]))
    return RawTable(_committee(), _MARK, given, [KEY_COLUMN.name, VALUE_COLUMN.name], 0, rows), keys


def _committee() -> Table:
    found = table_named("committee")
    assert found is not None
    return found


def _is_key_value(rows: list[Mapping[Any, Any]]) -> bool:
    headers = {normalize_label(h) for column in (KEY_COLUMN, VALUE_COLUMN) for h in column.headers}
    keys = {normalize_label(str(key)) for row in rows for key in row}
    return bool(keys) and keys <= headers


def _committee_table(
    given: str, rows: Any, max_rows: int, problems: list[Problem]
) -> tuple[RawTable | None, dict[int, str]]:
    """The committee table: one mapping, one row of fields, or key/value rows."""
    if isinstance(rows, Mapping):
        return _committee_raw(given, rows, problems)
    try:
        names = _column_names(rows)
        records = _records(rows)
    except TypeError:
        records, names = [], None
    mappings = [_as_mapping(row, names) for row in records]
    if mappings and all(m is not None for m in mappings):
        plain = [m for m in mappings if m is not None]
        if not _is_key_value(plain) and len(plain) == 1:
            return _committee_raw(given, plain[0], problems)
        return _raw_table(_committee(), given, plain, max_rows, problems), {}
    return _raw_table(_committee(), given, records if mappings else rows, max_rows, problems), {}


# ---------------------------------------------------------------------- locating problems


def _relocate(problem: Problem, source: str | None, given: dict[str, _Given]) -> Problem:
    """A problem found in a raw table built here, located by table, row and column."""
    where = problem.where
    if where.file != _MARK:
        return problem
    table = where.sheet
    row = where.row or None  # row 0 is the header: a problem of the table, not of a row
    column = where.column
    if table is not None:
        keys = next((g.committee_keys for g in given.values() if g.name == table), {})
        if keys:  # the committee as one mapping: its "rows" are its keys
            if row in keys:
                column = keys[row]
            row = None
    located = attrs.evolve(where, file=source, sheet=None, table=table, row=row, column=column)
    return Problem(problem.message, located, problem.hint)


# ---------------------------------------------------------------------- entry points


def _problems_and_ledger(
    tables: Mapping[str, TableRows],
    source: str | None,
    max_rows: int,
    check: Callable[[Ledger], list[Problem]] | None = None,
) -> tuple[list[Problem], Ledger | None]:
    if max_rows < 1:
        raise InvalidValueError(
            f"max_rows must be at least 1, got {max_rows}", hint="give a positive row limit"
        )
    if not isinstance(tables, Mapping):
        raise InvalidValueError(
            f"the tables are a {type(tables).__name__}, not a mapping of table name to rows",
            hint="give {'members': [...], 'sectors': [...], ...}",
        )
    problems: list[Problem] = []
    given: dict[str, _Given] = {}
    committee: Row | None = None
    parsed: dict[str, list[Row]] = {}
    failed: set[str] = set()
    for name, rows in tables.items():
        label = str(name)
        table = table_named(label)
        if table is None:
            close = difflib.get_close_matches(label, all_table_names(), n=1, cutoff=0.6)
            problems.append(
                Problem(
                    f"{label!r} is not a table of the dataset",
                    Location(file=source, table=label),
                    (f"did you mean {close[0]!r}? " if close else "")
                    + "docs/reference/dataset-format.md lists the tables",
                )
            )
            continue
        if table.name in given:
            problems.append(
                Problem(
                    f"the table {table.title} is given twice (also as {given[table.name].name!r})",
                    Location(file=source, table=label),
                    "give each table once",
                )
            )
            continue
        before = len(problems)
        keys: dict[int, str] = {}
        if table.key_value:
            raw, keys = _committee_table(label, rows, max_rows, problems)
        else:
            raw = _raw_table(table, label, rows, max_rows, problems)
        given[table.name] = _Given(label, keys)
        if raw is None:
            if len(problems) > before:
                failed.add(table.name)
            continue
        if table.key_value:
            committee = parse_committee(raw, problems)
        else:
            parsed[table.name] = parse_table(raw, problems)
    if "committee" not in given:
        problems.append(
            Problem(
                "the tables have no committee table",
                Location(file=source),
                "add a committee table (委员会): one mapping of id, name, level and "
                "jurisdiction, or key/value rows",
            )
        )
    ledger = build_ledger(committee, parsed, problems, unchecked=failed)
    if not problems and ledger is not None and check is not None:
        steps = {name: parsed[name] for name in HISTORY_TABLES if name in parsed}
        here = Location(file=source)
        problems = [
            problem
            if problem.where.file == _MARK
            else attrs.evolve(problem, where=here.merged(problem.where))
            for problem in locate_histories(check(ledger), steps)
        ]
    located = [_relocate(problem, source, given) for problem in problems]
    return located, (ledger if not located else None)


def tables_problems(
    tables: Mapping[str, TableRows],
    *,
    source: str | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    check: Callable[[Ledger], list[Problem]] | None = None,
) -> list[Problem]:
    """Every problem of ``tables`` (see :func:`ledger_from_tables`); ``[]`` when they load."""
    problems, _ = _problems_and_ledger(tables, source, max_rows, check)
    return problems


def ledger_from_tables(
    tables: Mapping[str, TableRows],
    *,
    source: str | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    check: Callable[[Ledger], list[Problem]] | None = None,
) -> Ledger:
    """The ledger held in ``tables``: table name → rows (each a mapping of column → value).

    Table and column names are those of the dataset format, in English or Chinese; the
    ``committee`` table is one mapping of its fields, or key/value rows as in a file.
    ``source`` names where the rows came from in messages (a database URL, ``"request"``).
    ``max_rows`` limits the rows of each table. ``check``, when given, runs on the ledger read
    (:func:`cppcc_model.checks.lifecycle_problems`, for instance) and its problems refuse the
    tables like any other, each at the row of the step it names.

    Raises:
        DatasetError: listing every problem, each with its table, row, column and record id;
            nothing is loaded.
        InvalidValueError: when ``tables`` is not a mapping, or ``max_rows`` is below 1.

    """
    problems, ledger = _problems_and_ledger(tables, source, max_rows, check)
    if ledger is None:
        raise DatasetError(
            f"cannot load the dataset from {source or 'the tables given'}",
            problems,
            hint="fix the problems listed; nothing was loaded",
        )
    return ledger
