"""Finding the tables of a dataset and reading their raw cells from CSV files and workbooks.

Files are read as data only: CSV through :mod:`csv`, workbooks through openpyxl in read-only,
values-only mode (formulas are not evaluated; the value Excel saved is read). Nothing outside
the dataset directory is read, even through a symbolic link. Every failure — a missing file, a
file that is not UTF-8, a damaged workbook, too many rows — becomes a located
:class:`~cppcc_model.errors.Problem`; no other exception leaves this module.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import re
import stat
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.errors import Location, Problem
from cppcc_model.io._tables_cells import excel_unescape, is_empty
from cppcc_model.io._tables_schema import TABLES, Table, all_table_names, table_named
from cppcc_model.io.safe_text import restore_formula

if TYPE_CHECKING:
    from cppcc_model.io._workbook_parts import SheetPart

__all__ = ["DEFAULT_MAX_ROWS", "DatasetTables", "RawTable", "read_dataset_tables"]

DEFAULT_MAX_ROWS = 1_000_000
"""The default limit of data rows per table."""

MAX_COLUMNS = 1_000
"""More columns than this in one row is refused (no table has more than 20)."""

MAX_WORKBOOK_BYTES = 1 << 30
"""A workbook whose parts unpack to more than this (1 GiB) is refused, unless the row limit
allows more (:data:`WORKBOOK_BYTES_PER_ROW`)."""

WORKBOOK_BYTES_PER_ROW = 1 << 10
"""Unpacked bytes a workbook may hold per row of the row limit (1 KiB, about twice what a
roll-call row takes): raising ``max_rows`` raises the workbook limit with it, so a province's
workbook is not refused for its size once its rows are allowed."""

SHEET_ROWS = 1_048_576
"""The most rows one worksheet holds (Excel's limit), the header row included."""

_CONTINUED = re.compile(r"^(?P<name>.+?)\s*[(（]\s*(?P<part>[0-9]+)\s*[)）]$")

_EPOCH_1900 = dt.date(1899, 12, 30)
_TABLE_SUFFIXES = (".csv", ".xlsx")
_OTHER_SPREADSHEETS = (".xls", ".xlsm", ".xlsb", ".ods", ".et", ".numbers")


@attrs.define
class RawTable:
    """One table's cells as read: the header row and the data rows with their row numbers."""

    table: Table
    file: str
    sheet: str | None
    header: list[Any]
    header_row: int
    rows: list[tuple[int, list[Any]]]
    epoch: dt.date = _EPOCH_1900
    continued: list[RawTable] = attrs.field(factory=list)
    """The sheets the table continues on (``attendance (2)`` …), in order, each with its own
    header row: a table longer than a worksheet holds (:data:`SHEET_ROWS`) goes on over
    several sheets."""

    def where(self, row: int | None = None, column: str | None = None) -> Location:
        """A location in this table."""
        return Location(file=self.file, sheet=self.sheet, row=row, column=column)


@attrs.define
class _Rows:
    """Rows read so far, with the problems reading them gave."""

    rows: list[tuple[int, list[Any]]] = attrs.field(factory=list)
    problems: list[Problem] = attrs.field(factory=list)


def _suggest(name: str, choices: Iterable[str]) -> str:
    import difflib  # only to suggest a name

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def _blank(cells: list[Any]) -> bool:
    """Whether every cell of a row is empty (:func:`is_empty`).

    A CSV row's cells are all text: its cells joined are then white space only exactly when
    each is, which one ``strip`` of the joined text tells; a workbook's row is read cell by
    cell.
    """
    try:
        return not "".join(cells).strip()
    except TypeError:  # a number, a date or None among the cells
        return all(is_empty(cell) for cell in cells)


def _collect(
    rows: Iterator[list[Any]], where: Location, max_rows: int, table: Table | None
) -> _Rows:
    """Number the rows (1-based, as a spreadsheet shows them) and enforce the limits."""
    result = _Rows()
    data_rows = 0
    seen_header = False
    for number, cells in enumerate(rows, start=1):
        if len(cells) > MAX_COLUMNS:
            result.problems.append(
                Problem(
                    f"the row has {len(cells):,} cells, more than the {MAX_COLUMNS:,} allowed",
                    attrs.evolve(where, row=number),
                    "remove the stray cells at the end of the row",
                )
            )
            return result
        if _blank(cells):
            continue
        if seen_header:
            data_rows += 1
            if data_rows > max_rows:
                title = table.title if table is not None else "the table"
                result.problems.append(
                    Problem(
                        f"{title} has more than {max_rows:,} rows, the limit for one table",
                        attrs.evolve(where, row=number),
                        "split the data into smaller datasets, or raise the row limit "
                        "(--max-rows N, or max_rows=N in Python) if the data is genuine",
                    )
                )
                return result
        seen_header = True
        result.rows.append((number, cells))
    return result


def _raw(
    table: Table, file: str, sheet: str | None, collected: _Rows, epoch: dt.date
) -> RawTable | None:
    if not collected.rows:
        return None
    (header_row, header), *rows = collected.rows
    return RawTable(table, file, sheet, header, header_row, rows, epoch)


# ---------------------------------------------------------------------- CSV


def _encoding_problem(path: Path, where: Location, exc: UnicodeDecodeError) -> Problem:
    sample = path.read_bytes()[: 1 << 16]
    decoder = codecs.getincrementaldecoder("gb18030")()
    try:
        text = decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        text = ""
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return Problem(
            "the file is not UTF-8: it looks like GBK (GB2312/GB18030), which Excel writes for "
            "“CSV (逗号分隔)” on Chinese Windows",
            where,
            "open it in Excel and save it as “CSV UTF-8 (逗号分隔)(*.csv)”, or save it as .xlsx",
        )
    return Problem(
        f"the file is not UTF-8 text (byte {exc.start} cannot be read)",
        where,
        "save the file as “CSV UTF-8 (逗号分隔)(*.csv)”",
    )


def _read_csv(
    path: Path, name: str, table: Table, max_rows: int
) -> tuple[RawTable | None, list[Problem]]:
    where = Location(file=name)
    try:
        with open(path, "rb") as stream:
            start = stream.read(4)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None, [
                Problem(
                    "the file is UTF-16 text (Excel's “Unicode text”), not CSV in UTF-8",
                    where,
                    "save it as “CSV UTF-8 (逗号分隔)(*.csv)”",
                )
            ]
        with open(path, encoding="utf-8-sig", newline="") as text:
            reader = csv.reader(text, strict=True)
            collected = _collect(_csv_rows(reader, where), where, max_rows, table)
    except _CsvError as exc:
        return None, [exc.problem]
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(path, where, exc)]
    except OSError as exc:
        return None, [Problem(f"cannot read the file: {exc.strerror or exc}", where)]
    if collected.problems:  # a table read in part is not loaded at all
        return None, collected.problems
    raw = _raw(table, name, None, collected, _EPOCH_1900)
    if raw is None:
        return None, [
            Problem(
                "the file is empty: it has no header row, so the table "
                f"{table.title} would be read as having no records",
                where,
                "write the header row (docs/reference/dataset-format.md lists the columns), "
                "or delete the file",
            )
        ]
    return raw, []


class _CsvError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _csv_rows(reader: Any, where: Location) -> Iterator[list[Any]]:
    records = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _CsvError(
                Problem(
                    f"the CSV text is malformed: {exc}",
                    attrs.evolve(where, row=records + 1),
                    "check the quotes in this row (a cell with a quote must be quoted, with the "
                    "quote doubled); save the file again from Excel",
                )
            ) from None
        records += 1
        if "'" in "".join(row):  # only a row with a quote mark can hold a neutralised formula
            row = [restore_formula(cell) if cell[:1] == "'" else cell for cell in row]
        yield row


# ---------------------------------------------------------------------- xlsx


def _open_workbook(
    path: Path, where: Location, max_rows: int
) -> tuple[Any, list[Problem], list[SheetPart]]:
    import zipfile  # a workbook's parts: only a dataset with .xlsx files reads them

    from cppcc_model.io._workbook_parts import sheet_part_problems

    limit = workbook_byte_limit(max_rows)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            parts = (
                sheet_part_problems(archive, where.file or path.name) if unpacked <= limit else []
            )
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        return (
            None,
            [
                Problem(
                    f"cannot read the workbook: it is not a valid .xlsx file ({exc})",
                    where,
                    "open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)",
                )
            ],
            [],
        )
    if unpacked > limit:
        return (
            None,
            [
                Problem(
                    f"the workbook unpacks to {unpacked:,} bytes, more than the {limit:,} allowed",
                    where,
                    "split the data into smaller workbooks, or raise the row limit (--max-rows "
                    "N, or max_rows=N in Python) if the data is genuine (the size limit grows "
                    "with it)",
                )
            ],
            [],
        )
    import openpyxl  # imported here: reading CSV or JSON does not need it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds; each means "not a usable workbook"
        return (
            None,
            [
                Problem(
                    f"cannot read the workbook: {type(exc).__name__}: {exc}",
                    where,
                    "open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)",
                ),
                *(part.problem for part in parts if part.problem is not None),
            ],
            [],
        )
    return workbook, [], parts


def workbook_byte_limit(max_rows: int) -> int:
    """The most bytes a workbook's parts may unpack to under the row limit ``max_rows``."""
    return max(MAX_WORKBOOK_BYTES, max_rows * WORKBOOK_BYTES_PER_ROW)


def continued_table(name: str) -> tuple[Table, int] | None:
    """The table and part a continuation sheet's name (``attendance (2)``) names, if any.

    Parts are counted from 2 (the table's own sheet is part 1); full-width brackets are
    accepted (``出席 （2）``).
    """
    matched = _CONTINUED.match(name.strip())
    if matched is None:
        return None
    table, part = table_named(matched["name"]), int(matched["part"])
    return (table, part) if table is not None and part >= 2 else None


def continuation_sheet_name(name: str, part: int) -> str:
    """The name of part ``part`` of a table whose sheet is ``name`` (part 1 is ``name``)."""
    return name if part == 1 else f"{name} ({part})"


def _join_continued(
    tables: list[RawTable],
    continued: dict[str, list[tuple[int, RawTable]]],
    file: str,
    max_rows: int,
    failed: set[str],
) -> list[Problem]:
    """Attach each table's continuation sheets to its own sheet's table, in order.

    A continuation without its table's own sheet, a part missing between two, a committee
    sheet continued, or more rows over all the parts than ``max_rows`` is a problem, and the
    table is not loaded.
    """
    problems: list[Problem] = []
    own = {raw.table.name: raw for raw in tables}
    for name, parts in continued.items():
        parts.sort(key=lambda pair: pair[0])
        first = own.get(name)
        table = parts[0][1].table
        if first is None:
            problems.append(
                Problem(
                    f"the sheet {parts[0][1].sheet!r} continues the table {table.title}, but "
                    "the workbook has no sheet of that table to continue",
                    Location(file=file, sheet=parts[0][1].sheet),
                    "name the table's own sheet after the table, and its continuation sheets "
                    "after it with (2), (3) …",
                )
            )
        elif table.name == "committee":
            problems.append(
                Problem(
                    "the committee table cannot continue on another sheet: it has one row per "
                    "setting",
                    Location(file=file, sheet=parts[0][1].sheet),
                    "move its rows into the committee sheet",
                )
            )
        else:
            expected = 2
            for part, raw in parts:
                if part != expected:
                    wanted = continuation_sheet_name(first.sheet or table.name, expected)
                    problems.append(
                        Problem(
                            f"the sheet {raw.sheet!r} is part {part} of the table "
                            f"{table.title}, but part {expected} ({wanted!r}) "
                            + ("is missing" if part > expected else "is given twice"),
                            Location(file=file, sheet=raw.sheet),
                            "number the continuation sheets (2), (3) … without gaps or repeats",
                        )
                    )
                    break
                expected += 1
            else:
                over = _over_limit(first, [raw for _, raw in parts], max_rows)
                if over is None:
                    first.continued = [raw for _, raw in parts]
                    continue
                problems.append(over)
        failed.add(name)
        if first is not None:
            tables.remove(first)
    return problems


def _over_limit(first: RawTable, parts: list[RawTable], max_rows: int) -> Problem | None:
    """The problem of a table whose sheets hold more than ``max_rows`` data rows in all."""
    seen = len(first.rows)
    for raw in parts:
        if seen + len(raw.rows) > max_rows:
            number, _ = raw.rows[max_rows - seen]
            return Problem(
                f"{raw.table.title} has more than {max_rows:,} rows over its sheets, the "
                "limit for one table",
                raw.where(number),
                "split the data into smaller datasets, or raise the row limit (--max-rows N, or "
                "max_rows=N in Python) if the data is genuine",
            )
        seen += len(raw.rows)
    return None


def _sheet_rows(worksheet: Any) -> Iterator[list[Any]]:
    worksheet.reset_dimensions()  # do not trust the stored size: read every row there is
    for row in worksheet.iter_rows(values_only=True):
        yield [
            restore_formula(excel_unescape(cell)) if isinstance(cell, str) else cell for cell in row
        ]


def _is_note(name: str) -> bool:
    return name.startswith("#")


def _read_workbook(
    path: Path, name: str, max_rows: int, file_table: Table | None, failed: set[str]
) -> tuple[list[RawTable], list[Problem]]:
    """The tables of a workbook: one per sheet named after a table.

    A workbook in a dataset directory named after a table (``members.xlsx``) may hold that table
    in its only sheet, whatever the sheet is called.
    """
    where = Location(file=name)
    workbook, problems, parts = _open_workbook(path, where, max_rows)
    if workbook is None:
        failed.update(table.name for table in TABLES)  # whatever it held is unknown
        return [], problems
    listed = [part for part in parts if not _is_note(part.name)]
    damaged = {part.name for part in listed if part.problem is not None}
    for part in listed:
        if part.problem is None:
            continue
        problems.append(part.problem)
        lost = file_table if file_table is not None and len(listed) == 1 else None
        lost = lost or table_named(part.name)
        if lost is None:  # a sheet of unknown name may have held any table
            failed.update(table.name for table in TABLES)
        else:
            failed.add(lost.name)
    tables: list[RawTable] = []
    continued: dict[str, list[tuple[int, RawTable]]] = {}
    try:
        epoch = workbook.epoch.date() if isinstance(workbook.epoch, dt.datetime) else _EPOCH_1900
        sheets = [
            ws for ws in workbook.worksheets if not _is_note(ws.title) and ws.title not in damaged
        ]
        only = len(sheets) == 1 and file_table is not None and not damaged
        for worksheet in sheets:
            sheet_where = Location(file=name, sheet=worksheet.title)
            table = file_table if only else table_named(worksheet.title)
            sheet_part = 1
            if table is None and not only:
                table, sheet_part = continued_table(worksheet.title) or (None, 1)
            if table is None:
                if any(not all(map(is_empty, row)) for row in _sheet_rows(worksheet)):
                    problems.append(
                        Problem(
                            f"the sheet {worksheet.title!r} is not a table of the dataset",
                            sheet_where,
                            f"{_suggest(worksheet.title, all_table_names())}rename it after its "
                            "table (docs/reference/dataset-format.md lists them), or start its "
                            "name with # to keep it as notes",
                        )
                    )
                continue
            try:
                collected = _collect(_sheet_rows(worksheet), sheet_where, max_rows, table)
            except Exception as exc:  # a damaged cell or part surfaces only while rows are read
                problems.append(
                    Problem(
                        f"the sheet {worksheet.title!r} is damaged and cannot be read: "
                        f"{type(exc).__name__}: {exc}",
                        sheet_where,
                        "open the workbook in Excel or LibreOffice and save it again as .xlsx",
                    )
                )
                failed.add(table.name)
                continue
            if collected.problems:  # a table read in part is not loaded at all
                problems.extend(collected.problems)
                failed.add(table.name)
                continue
            raw = _raw(table, name, worksheet.title, collected, epoch)
            if raw is None:
                problems.append(
                    Problem(
                        f"the sheet {worksheet.title!r} is empty: it has no header row, so the "
                        f"table {table.title} would be read as having no records",
                        sheet_where,
                        "write the header row (docs/reference/dataset-format.md lists the "
                        "columns), or delete the sheet",
                    )
                )
                failed.add(table.name)
                continue
            if sheet_part == 1:
                tables.append(raw)
            else:
                continued.setdefault(table.name, []).append((sheet_part, raw))
        problems += _join_continued(tables, continued, name, max_rows, failed)
    except Exception as exc:  # a damaged sheet part surfaces only while rows are read
        failed.update(table.name for table in TABLES)
        problems.append(
            Problem(
                f"cannot read the workbook: {type(exc).__name__}: {exc}",
                where,
                "open it in Excel or LibreOffice and save it again as .xlsx",
            )
        )
    finally:
        workbook.close()
    return tables, problems


# ---------------------------------------------------------------------- a dataset


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _not_a_file(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (following links), or ``None``."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a link to a file that does not exist" if path.is_symlink() else "missing"
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _directory_tables(
    root: Path, max_rows: int, failed: set[str], skip: Collection[str] = ()
) -> tuple[list[RawTable], list[Problem]]:
    tables: list[RawTable] = []
    problems: list[Problem] = []
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        return [], [
            Problem(f"cannot list the directory: {exc.strerror or exc}", Location(file=str(root)))
        ]
    for entry in entries:
        name = entry.name
        if name.startswith((".", "~$", "#")):
            continue
        path = Path(entry.path)
        stem, suffix = os.path.splitext(name)
        suffix = suffix.lower()
        where = Location(file=name)
        if suffix in _OTHER_SPREADSHEETS:
            problems.append(
                Problem(
                    f"cannot read {suffix} files",
                    where,
                    "save it as an Excel workbook (.xlsx) or as “CSV UTF-8 (逗号分隔)(*.csv)”",
                )
            )
            continue
        if suffix not in _TABLE_SUFFIXES:
            continue
        if not _inside(path, root):
            problems.append(
                Problem(
                    "the file links to a place outside the dataset directory",
                    where,
                    "copy the file itself into the dataset directory",
                )
            )
            continue
        kind = _not_a_file(path)
        if kind is not None:
            problems.append(
                Problem(
                    f"{name!r} is {kind}, not a file, so no table could be read from it",
                    where,
                    "point the link at the table's file, or copy the file in its place"
                    if kind.startswith("a link")
                    else "put the table's file in its place, or remove it from the dataset "
                    "directory",
                )
            )
            table = table_named(stem)
            if table is not None:
                failed.add(table.name)
            elif suffix == ".xlsx":  # a workbook may have held any table
                failed.update(t.name for t in TABLES)
            continue
        table = table_named(stem)
        if suffix == ".xlsx":
            found, found_problems = _read_workbook(path, name, max_rows, table, failed)
            tables.extend(found)
            problems.extend(found_problems)
            continue
        if table is None:
            problems.append(
                Problem(
                    f"the file {name!r} is not a table of the dataset",
                    where,
                    f"{_suggest(stem, all_table_names())}rename it after its table "
                    "(docs/reference/dataset-format.md lists them), or start its name with # "
                    "to keep it as notes",
                )
            )
            continue
        if table.name in skip:  # read by the caller another way (the columnar loader)
            continue
        raw, raw_problems = _read_csv(path, name, table, max_rows)
        problems.extend(raw_problems)
        if raw_problems:
            failed.add(table.name)
        if raw is not None:
            tables.append(raw)
    return tables, problems


@attrs.define
class DatasetTables:
    """What reading a dataset's files gave: tables, problems, and tables not fully read."""

    tables: list[RawTable]
    problems: list[Problem]
    failed: set[str]


def read_dataset_tables(path: Path, max_rows: int, *, skip: Collection[str] = ()) -> DatasetTables:
    """Every table of the dataset at ``path`` (a directory or an .xlsx workbook), and problems.

    A table held twice (``members.csv`` and ``委员.csv``) is a problem; a table found in no
    file is simply empty. ``failed`` names the tables that could not be read in full, so that
    references into them are not reported as missing. The CSV files of the tables named in
    ``skip`` are passed over (the columnar loader reads them itself).
    """
    failed: set[str] = set()
    if path.is_dir():
        tables, problems = _directory_tables(path, max_rows, failed, skip)
    else:
        tables, problems = _read_workbook(path, path.name, max_rows, None, failed)
    first: dict[str, RawTable] = {}
    unique: list[RawTable] = []
    for raw in tables:
        earlier = first.get(raw.table.name)
        if earlier is not None:
            place = earlier.file + (f", sheet {earlier.sheet!r}" if earlier.sheet else "")
            problems.append(
                Problem(
                    f"the table {raw.table.title} is also in {place}",
                    raw.where(),
                    "keep each table in one file or sheet",
                )
            )
            continue
        first[raw.table.name] = raw
        unique.append(raw)
    return DatasetTables(unique, problems, failed)
