"""Datasets: whatever holds one committee's ledger — CSV files, workbooks or JSON.

This is the entry point a command or a script uses::

    from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset

    ledger = load_dataset("data/xiangzhou")            # a directory of .csv / .xlsx files
    ledger = load_dataset("data/xiangzhou.xlsx")       # one workbook, one sheet per table
    ledger = load_dataset("data/xiangzhou.json")       # the JSON form
    ledger = load_dataset("sqlite:///xiangzhou.db")    # a database (the db extra)
    problems = validate_dataset("data/xiangzhou")      # [] when it loads
    write_dataset(ledger, "out/xiangzhou.xlsx", format="xlsx", headers="zh")

Loading is all or nothing and reports every problem at once as one
:class:`~cppcc_model.errors.DatasetError`; no other exception escapes for bad input.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import attrs

from cppcc_model.errors import DatasetError, Location, Problem
from cppcc_model.io._urls import is_database_url
from cppcc_model.io.tables import (
    DEFAULT_MAX_ROWS,
    READING,
    Headers,
    load_tables,
    write_tables,
)
from cppcc_model.ledger import Ledger
from cppcc_model.progress import Progress, one_step

__all__ = [
    "DEFAULT_MAX_ROWS",
    "inspect_dataset",
    "load_dataset",
    "validate_dataset",
    "write_dataset",
]

_KINDS = "a directory of .csv or .xlsx files, an .xlsx workbook or a .json file"


def _kind(path: Path) -> Literal["tables", "json"]:
    """Which reader ``path`` needs.

    Raises:
        DatasetError: when ``path`` does not exist or is no kind of dataset.

    """
    where = Location(file=os.fspath(path))
    if path.is_dir():
        return "tables"
    if not path.exists():
        raise DatasetError(
            f"cannot load the dataset {os.fspath(path)}",
            [Problem("there is no such file or directory", where, "check the path")],
        )
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".xlsx":
        return "tables"
    hint = f"a dataset is {_KINDS}"
    if suffix == ".csv":
        hint = (
            "a CSV dataset is the directory holding its files (one per table); give the directory"
        )
    elif suffix in (".xls", ".et", ".ods", ".xlsm"):
        hint = "save it as an Excel workbook (.xlsx)"
    raise DatasetError(
        f"cannot load the dataset {os.fspath(path)}",
        [
            Problem(
                f"cannot read a {suffix or 'file without an extension'} as a dataset", where, hint
            )
        ],
    )


def _is_url(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a database URL rather than a path."""
    return isinstance(path, str) and is_database_url(path)


def load_dataset(
    path: str | os.PathLike[str],
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    progress: Progress | None = None,
    lifecycles: bool = False,
) -> Ledger:
    """Read the ledger held at ``path``: a directory of CSV/xlsx files, a workbook or JSON.

    ``path`` may also be a database URL (``sqlite:///x.db``, ``postgresql://…``): see
    :func:`cppcc_model.io.database.load_database`. ``max_rows`` limits the data rows of each
    table (tabular datasets). ``progress`` (see :mod:`cppcc_model.progress`) hears the stages
    of the work: for tables ``读取 reading`` the files, ``解析 parsing`` (a step per table) and
    ``核对 checking`` the records; a JSON file or a database is read and checked as the one step
    ``读取 reading``. With ``lifecycles`` (what every ``cppcc`` command asks for) the proposal
    and 社情民意 histories must also keep to their lifecycles
    (:func:`cppcc_model.checks.lifecycle_problems`): a step the stage does not allow, a merge
    (并案) into a proposal that is not a filed case, or a circle of merges refuses the dataset,
    each problem at the row of its step (tables) or with its JSON path.

    Raises:
        DatasetError: listing every problem found, each with its file, sheet, row, column and
            record; nothing is loaded.

    """
    check = _lifecycle_check() if lifecycles else None
    if _is_url(path):
        from cppcc_model.io.database import load_database

        with one_step(READING, progress):
            return load_database(os.fspath(path), max_rows=max_rows, check=check)
    source = Path(path)
    if _kind(source) == "json":
        from cppcc_model.io import json as ledger_json

        with one_step(READING, progress):
            ledger = ledger_json.load(source)
            problems = _json_check(source, ledger, check)
        if problems:
            raise DatasetError(
                f"cannot load the dataset {os.fspath(source)}",
                problems,
                hint="fix the problems listed; nothing was loaded",
            )
        return ledger
    return load_tables(source, max_rows=max_rows, check=check, progress=progress)


def _lifecycle_check() -> Callable[[Ledger], list[Problem]]:
    from cppcc_model.checks import lifecycle_problems

    return lifecycle_problems


def _json_check(
    source: Path, ledger: Ledger, check: Callable[[Ledger], list[Problem]] | None
) -> list[Problem]:
    """``check``'s problems on a JSON dataset's ledger, each naming the file."""
    if check is None:
        return []
    where = Location(file=os.fspath(source))
    return [attrs.evolve(problem, where=where.merged(problem.where)) for problem in check(ledger)]


def validate_dataset(
    path: str | os.PathLike[str], *, max_rows: int = DEFAULT_MAX_ROWS, lifecycles: bool = False
) -> list[Problem]:
    """Every problem of the dataset at ``path``; an empty list when it loads cleanly.

    Without ``lifecycles`` these are exactly the problems :func:`load_dataset` raises. With
    ``lifecycles`` (what ``cppcc validate`` asks for) a dataset that loads is also run through
    the proposal and 社情民意 lifecycles (:func:`cppcc_model.checks.lifecycle_problems`), so
    every problem a later statistic would refuse is listed too, each at the row of the step it
    names (tables) or with the step's JSON path (JSON).
    """
    problems, _ = inspect_dataset(path, max_rows=max_rows, lifecycles=lifecycles)
    return problems


def inspect_dataset(
    path: str | os.PathLike[str],
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    lifecycles: bool = False,
    progress: Progress | None = None,
) -> tuple[list[Problem], Ledger | None]:
    """:func:`validate_dataset`'s problems and, when there are none, the ledger — read once.

    ``cppcc validate`` counts the records of a valid dataset from the ledger returned here
    instead of loading the dataset a second time (a million roll-call rows take as long to
    read again). ``progress`` hears the stages of loading, as for :func:`load_dataset`.
    """
    try:
        return [], load_dataset(path, max_rows=max_rows, lifecycles=lifecycles, progress=progress)
    except DatasetError as error:
        return list(error.problems), None


def write_dataset(
    ledger: Ledger,
    path: str | os.PathLike[str],
    format: Literal["csv", "xlsx", "json"] = "csv",
    *,
    headers: Headers = "en",
) -> None:
    """Write ``ledger`` so that :func:`load_dataset` reads it back equal.

    ``format="csv"`` writes a directory of UTF-8 CSV files (with a BOM for Excel), ``"xlsx"``
    one workbook with a sheet per table, ``"json"`` the JSON form. ``headers="zh"`` writes
    Chinese headers, file and sheet names and labels (tables only).

    Raises:
        DatasetError: when the files cannot be written.
        InvalidValueError: for an unknown format or header language.

    """
    if format == "json":
        from cppcc_model.io import json as ledger_json

        try:
            ledger_json.dump(ledger, path)
        except (OSError, UnicodeError) as exc:
            raise DatasetError(
                f"cannot write the dataset to {os.fspath(path)}",
                [Problem(f"writing failed: {exc}", Location(file=os.fspath(path)))],
            ) from None
        return
    write_tables(ledger, path, format=format, headers=headers)
