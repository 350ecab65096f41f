"""A whole :class:`~cppcc_model.ledger.Ledger` as tables a clerk can fill in Excel, and back.

The tabular form holds the same entities as the JSON form (:mod:`cppcc_model.io.json`), one
table per family: ``committee`` (key/value rows), ``terms``, ``sessions``, ``sectors``,
``units``, ``special_committees``, ``activity_groups``, ``members`` with their ``roles``,
``activities`` with their ``attendance``, ``proposals`` with their ``proposal_events``,
``info_reports`` with their ``info_events``, ``contributions``, ``work_plans`` with their
``work_items``. Every table is described column by column in
``docs/reference/dataset-format.md`` (and in :data:`TABLES`).

The tables live in a directory of CSV files or .xlsx workbooks (``members.csv`` or
``委员.csv``), or in one workbook with a sheet per table (sheet ``members`` or ``委员``).
Headers are English or Chinese; labels are English ids or Chinese labels in simplified or
traditional characters; dates are ``2022-05-03``, ``2022/5/3``, ``2022年5月3日`` or Excel dates.

Loading is all or nothing: :func:`load_tables` reads every table, checks every cell and every
reference, and raises one :class:`~cppcc_model.errors.DatasetError` listing every problem, each
with its file, sheet, row (as the spreadsheet shows it, the header being row 1), column (the
header as written) and record id.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

import attrs

from cppcc_model.errors import DatasetError, InvalidValueError, Location, Problem
from cppcc_model.io._tables_build import build_ledger
from cppcc_model.io._tables_files import DEFAULT_MAX_ROWS, read_dataset_tables
from cppcc_model.io._tables_rows import (
    HISTORY_TABLES,
    Row,
    locate_histories,
    parse_committee,
    parse_table,
)
from cppcc_model.io._tables_schema import TABLES, CellKind, Column, Table, table_named
from cppcc_model.io._tables_write import (
    CellWriteError,
    Headers,
    write_csv_directory,
    write_workbook,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member
from cppcc_model.progress import Progress, one_step, steps

__all__ = [
    "CHECKING",
    "COLUMNAR_FROM_BYTES",
    "DEFAULT_MAX_ROWS",
    "PARSING",
    "READING",
    "TABLES",
    "CellKind",
    "Column",
    "Headers",
    "Table",
    "load_tables",
    "table_problems",
    "write_tables",
]

_HINT = "fix the problems listed; nothing was loaded"


READING = "读取 reading"
"""The stage of loading that reads the files (one step)."""

PARSING = "解析 parsing"
"""The stage of loading that reads the cells of each table (a step per table)."""

CHECKING = "核对 checking"
"""The stage of loading that builds the records and checks how they fit together (one step)."""

COLUMNAR_FROM_BYTES = 1_000_000
"""The size (bytes of CSV files) from which a dataset directory is loaded by columns.

A directory whose ``.csv`` files hold at least this many bytes has its roll calls read as
columns by polars (:mod:`cppcc_model.io._columnar_load`); a smaller one is read by rows, which
gives an equal ledger (the differential tests in ``tests/test_columnar_loading.py``) without
importing polars. Measured as whole processes (``load_dataset`` from a fresh interpreter, on the
benchmark's generated ledgers): the row loader is faster up to about 400 members (20,000 roll
call rows, 1.0 MB of CSV) and the columnar loader from about 600 (1.5 MB), importing polars
(about 0.25 s) being most of the difference at the small end. A district (the Xiangzhou example:
265 members, 0.3 MB) is read by rows.
"""

Check = Callable[[Ledger], list[Problem]]
"""A whole-ledger check run after loading (:func:`cppcc_model.checks.lifecycle_problems`)."""


def _problems_and_ledger(
    path: Path,
    max_rows: int,
    check: Check | None = None,
    progress: Progress | None = None,
    skip: Collection[str] = (),
    roster: Sequence[Member] | None = None,
) -> tuple[list[Problem], Ledger | None]:
    """Every problem of the dataset at ``path``, and its ledger when there are none.

    ``check`` runs on a ledger that loads; its problems are placed at the rows of the steps
    they name (:func:`~cppcc_model.io._tables_rows.locate_histories`). Only the events
    tables' rows are kept for that, so the parsed rows of a large table (a million roll-call
    rows) are freed as soon as the ledger is built. The tables in ``skip`` are not read (the
    columnar loader read them); ``roster`` is then the members it built, if it read them.
    """
    if max_rows < 1:
        raise InvalidValueError(
            f"max_rows must be at least 1, got {max_rows}", hint="give a positive row limit"
        )
    with one_step(READING, progress):
        read = read_dataset_tables(path, max_rows, skip=skip)
    raws, problems = read.tables, read.problems
    committee: Row | None = None
    rows: dict[str, list[Row]] = {}
    found = {raw.table.name for raw in raws}
    for raw in steps(raws, PARSING, progress):
        if raw.table.key_value:
            committee = parse_committee(raw, problems)
        else:  # the raw cells are let go as they are read: a table is never held twice
            rows[raw.table.name] = parse_table(raw, problems, consume=True)
    if "committee" not in found and "committee" not in read.failed:
        problems.append(
            Problem(
                "the dataset has no committee table",
                Location(file=path.name),
                "add committee.csv (or 委员会.csv, or a sheet 委员会) with key and value "
                "columns: id, name, level, jurisdiction",
            )
        )
    with one_step(CHECKING, progress):
        ledger = build_ledger(committee, rows, problems, unchecked=read.failed, roster=roster)
        if problems or ledger is None:
            return problems, None
        if check is None:
            return [], ledger
        events = {name: rows[name] for name in HISTORY_TABLES if name in rows}
        del rows, raws, read
        found_problems = check(ledger)
    if not found_problems:
        return [], ledger
    dataset = Location(file=os.fspath(path))
    return [
        attrs.evolve(problem, where=dataset.merged(problem.where))
        for problem in locate_histories(found_problems, events)
    ], None


def table_problems(
    path: str | os.PathLike[str],
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    check: Check | None = None,
) -> list[Problem]:
    """Every problem of the tabular dataset at ``path``; an empty list when it loads.

    ``check``, when given, is run on the loaded ledger and its problems are placed at the rows
    of the steps they name (see :func:`~cppcc_model.io._tables_rows.locate_history`).
    """
    problems, _ = _problems_and_ledger(Path(path), max_rows, check)
    return problems


def load_tables(
    path: str | os.PathLike[str],
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    check: Check | None = None,
    progress: Progress | None = None,
) -> Ledger:
    """Read the ledger held in a directory of CSV/xlsx files or in one .xlsx workbook.

    ``max_rows`` limits the data rows of each table; a longer table is a problem rather than
    a reason to exhaust memory. ``check``, when given, runs on the ledger read (the
    lifecycles, for instance) and its problems refuse the dataset like any other, each at the
    row of the step it names. ``progress`` (see :mod:`cppcc_model.progress`) hears three
    stages: :data:`READING` the files, :data:`PARSING` each table's cells, and
    :data:`CHECKING` the records against each other (and ``check``). A directory of at least
    :data:`COLUMNAR_FROM_BYTES` of CSV has its roll calls read as columns; either way the
    ledger, and the problems, are the same.

    Raises:
        DatasetError: listing every problem found; nothing is loaded.

    """
    source = Path(path)
    if max_rows >= 1 and source.is_dir() and _csv_bytes(source) >= COLUMNAR_FROM_BYTES:
        from cppcc_model.io._columnar_load import load_columnar

        columnar = load_columnar(source, max_rows, check, progress, _problems_and_ledger)
        if columnar is not None:
            return columnar
    problems, ledger = _problems_and_ledger(source, max_rows, check, progress)
    if ledger is None:
        raise DatasetError(f"cannot load the dataset {os.fspath(path)}", problems, hint=_HINT)
    return ledger


def _csv_bytes(directory: Path) -> int:
    """The bytes of the ``.csv`` files directly in ``directory`` (0 when it cannot be listed)."""
    total = 0
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.lower().endswith(".csv") and entry.is_file():
                    total += entry.stat().st_size
    except OSError:
        return 0
    return total


def _conflicts(directory: Path, headers: Headers) -> list[str]:
    """Files in ``directory`` that hold one of the tables under another name."""
    if not directory.is_dir():
        return []
    ours = {f"{table.zh if headers == 'zh' else table.name}.csv" for table in TABLES}
    clashes = []
    for entry in sorted(directory.iterdir(), key=lambda p: p.name):
        stem, suffix = entry.stem, entry.suffix.lower()
        if suffix in (".csv", ".xlsx") and entry.name not in ours and table_named(stem):
            clashes.append(entry.name)
    return clashes


def write_tables(
    ledger: Ledger,
    path: str | os.PathLike[str],
    *,
    format: str = "csv",
    headers: Headers = "en",
) -> None:
    """Write ``ledger`` as tables: a directory of CSV files, or one .xlsx workbook.

    ``format="csv"`` writes one UTF-8 CSV file per table into the directory ``path`` (made if
    needed; files of the same names are replaced). ``format="xlsx"`` writes the workbook
    ``path``. ``headers="zh"`` writes Chinese headers, file/sheet names and labels.

    Raises:
        DatasetError: when the directory already holds a table under another name (which
            would be read twice), or the files cannot be written.

    """
    target = Path(path)
    if format not in ("csv", "xlsx"):
        raise InvalidValueError(f"unknown table format {format!r}", hint="use 'csv' or 'xlsx'")
    if headers not in ("en", "zh"):
        raise InvalidValueError(f"unknown header language {headers!r}", hint="use 'en' or 'zh'")
    if format == "xlsx" and target.suffix.lower() != ".xlsx":
        raise InvalidValueError(
            f"the workbook {os.fspath(path)!r} does not end in .xlsx",
            hint="name it with the .xlsx extension so that Excel and load_dataset recognise it",
        )
    if format == "csv":
        clashes = _conflicts(target, headers)
        if clashes:
            raise DatasetError(
                f"cannot write the dataset to {os.fspath(path)}",
                [
                    Problem(
                        "the directory already holds this table under another name; both "
                        "would be read",
                        Location(file=name),
                        "write to an empty directory, or remove the file",
                    )
                    for name in clashes
                ],
            )
    try:
        if format == "csv":
            write_csv_directory(ledger, target, headers)
        else:
            write_workbook(ledger, target, headers)
    except CellWriteError as exc:
        raise DatasetError(
            f"cannot write the dataset to {os.fspath(path)}",
            [
                Problem(
                    f"{exc.message}; it cannot be written to a workbook without cutting it",
                    Location(file=target.name, sheet=exc.sheet, row=exc.row, column=exc.column),
                    "write the dataset as CSV or JSON, which hold text of any length",
                )
            ],
        ) from None
    except (OSError, UnicodeError, ValueError) as exc:
        raise DatasetError(
            f"cannot write the dataset to {os.fspath(path)}",
            [Problem(f"writing failed: {exc}", Location(file=target.name))],
            hint="check the path and that you may write there",
        ) from None
