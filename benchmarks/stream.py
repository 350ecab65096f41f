"""Write a generated ledger straight to a CSV dataset directory, in bounded memory.

:func:`write_csv_dataset` writes exactly the files that
``write_dataset(generate_ledger(members, seed=seed), path, "csv")`` writes — the same tables,
headers, rows, order and bytes — without building the ledger: the generator's tables are
iterators (:class:`benchmarks.generate._Generator`), drawn in the same order from the same
seeded :class:`random.Random`, and each table's rows are formatted by the library's own table
writer (:func:`cppcc_model.io._tables_write.ledger_rows` and ``table_cells``) ``chunk`` records
at a time, then appended to that table's file. What stays in memory is the ids later tables
pick from (members, groups, units, filed proposals, 社情民意 items: a few hundred bytes per
member) and one chunk of records.

The roll calls (``attendance``, about 88 % of the records) are the exception: 26 million rows
at the national scale would take minutes as one attrs object each, so their rows are written
from the drawn statuses directly, each distinct cell (an activity's id, a member's id, a status
with the entry's default role and half-days) formatted once by the same writer functions.
``tests/test_benchmarks.py`` checks the files byte for byte against ``write_dataset`` at small
sizes, for several seeds and chunk sizes.

Files are written in place (not each replaced in one step as ``write_dataset`` does): the
directory is for a benchmark, made fresh; an interrupted run leaves it incomplete.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import IO, Any

from benchmarks.generate import _Generator
from cppcc_model.io._tables_schema import TABLES, Table
from cppcc_model.io._tables_write import Headers, _csv_cell, table_cells, table_file_name
from cppcc_model.model import Attendance, AttendanceStatus

__all__ = ["DEFAULT_CHUNK", "write_csv_dataset"]

DEFAULT_CHUNK = 20_000
"""Records formatted and written at a time (and roll-call rows per write)."""

_EMPTY = (
    "committee",
    "terms",
    "sessions",
    "sectors",
    "units",
    "special_committees",
    "activity_groups",
    "members",
    "activities",
    "proposals",
    "info_reports",
    "contributions",
    "award_records",
    "inputs",
    "work_plans",
)


def _view(structure: dict[str, Any], **records: list[Any]) -> Any:
    """What ``ledger_rows`` reads of a ledger: ``records`` given, every other table empty."""
    fields: dict[str, Any] = dict.fromkeys(_EMPTY, ())
    fields["committee"] = structure["committee"]
    fields.update(records)
    return SimpleNamespace(**fields)


class _Tables:
    """One open CSV writer per table, its header written; rows appended table by table."""

    def __init__(self, directory: Path, headers: Headers) -> None:
        self.headers = headers
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        self.tables = {table.name: table for table in TABLES}
        self.rows = dict.fromkeys(self.tables, 0)
        for table in TABLES:
            target = directory / f"{table_file_name(table, headers)}.csv"
            stream = open(target, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
            self.files[table.name] = stream
            self.writers[table.name] = csv.writer(stream)

    def header(self, table: Table) -> None:
        cells = next(iter(table_cells(table, [], self.headers)))
        self.writers[table.name].writerow([_csv_cell(cell) for cell in cells])

    def write(self, name: str, rows: list[dict[str, Any]]) -> None:
        """Format ``rows`` (field → value) as the library's writer does, and append them."""
        cells = table_cells(self.tables[name], rows, self.headers)
        next(cells)  # the header, written once by :meth:`header`
        self.writers[name].writerows([_csv_cell(cell) for cell in row] for row in cells)
        self.rows[name] += len(rows)

    def raw(self, name: str, rows: Iterable[list[str | None]]) -> None:
        """Append rows already formatted cell by cell."""
        self.writers[name].writerows(rows)

    def close(self) -> None:
        for stream in self.files.values():
            stream.close()


def _chunks(records: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _RollCallCells:
    """The attendance table's cells for an activity, a member and a status, each made once."""

    def __init__(self, table: Table, headers: Headers) -> None:
        self.chinese = headers == "zh"
        self.columns = {column.name: column for column in table.columns}
        self.order = [column.name for column in table.columns]
        self.members: dict[str, str | None] = {}
        self.tails: dict[AttendanceStatus, list[str | None]] = {}
        for status in AttendanceStatus:
            entry = Attendance("m", status)
            row = {"status": entry.status, "role": entry.role, "half_days": entry.half_days}
            self.tails[status] = [self.cell(name, row.get(name)) for name in self.order[2:]]
        if self.order[:2] != ["activity_id", "member_id"]:
            raise RuntimeError(f"attendance columns changed: {self.order}; update this writer")

    def cell(self, name: str, value: Any) -> Any:
        from cppcc_model.io._tables_cells import format_cell

        return _csv_cell(format_cell(value, self.columns[name], chinese=self.chinese))

    def member(self, member_id: str) -> str | None:
        found = self.members.get(member_id)
        if found is None:
            found = self.members[member_id] = self.cell("member_id", member_id)
        return found


def write_csv_dataset(
    members: int,
    directory: str | os.PathLike[str],
    *,
    seed: int = 20230101,
    chunk: int = DEFAULT_CHUNK,
    headers: Headers = "en",
    progress: Callable[[str, int, float], None] | None = None,
) -> dict[str, int]:
    """Write the CSV dataset of ``generate_ledger(members, seed=seed)`` into ``directory``.

    The files equal, byte for byte, what ``write_dataset(ledger, directory, "csv",
    headers=headers)`` writes for that ledger; memory stays bounded by ``chunk`` records and
    the members' ids. ``progress``, when given, is called after each table with its name, its
    row count and the seconds since the start.

    Returns:
        The number of data rows written to each table, by table name.

    Raises:
        ValueError: when ``members`` is below 2 or ``chunk`` below 1.

    """
    if members < 2:
        raise ValueError(f"a synthetic ledger needs at least 2 members, got {members}")
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, got {chunk}")
    start = time.perf_counter()
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    generator = _Generator(members, seed)
    structure = generator.structure()
    tables = _Tables(target, headers)

    def done(*names: str) -> None:
        if progress is not None:
            for name in names:
                progress(name, tables.rows[name], time.perf_counter() - start)

    try:
        for table in TABLES:
            tables.header(table)
        first = _view(structure, **{k: v for k, v in structure.items() if k != "committee"})
        from cppcc_model.io._tables_write import ledger_rows

        rows = ledger_rows(first)
        for name in ("committee", "terms", "sessions", "sectors", "units", "special_committees"):
            tables.write(name, rows[name])
        tables.write("activity_groups", rows["activity_groups"])
        del first, rows
        done("activity_groups")
        for batch in _chunks(generator.roster(), chunk):
            rows = ledger_rows(_view(structure, members=batch))
            tables.write("members", rows["members"])
            tables.write("roles", rows["roles"])
        done("members", "roles")
        _write_roll_calls(generator, structure, tables, chunk)
        done("activities", "attendance")
        for batch in _chunks(generator.reports(), chunk):
            rows = ledger_rows(_view(structure, info_reports=batch))
            tables.write("info_reports", rows["info_reports"])
            tables.write("info_events", rows["info_events"])
        done("info_reports", "info_events")
        for batch in _chunks(generator.proposals(generator.report_ids()), chunk):
            rows = ledger_rows(_view(structure, proposals=batch))
            tables.write("proposals", rows["proposals"])
            tables.write("proposal_events", rows["proposal_events"])
        done("proposals", "proposal_events")
        for batch in _chunks(generator.contributions(), chunk):
            rows = ledger_rows(_view(structure, contributions=batch))
            tables.write("contributions", rows["contributions"])
        done("contributions")
    finally:
        tables.close()
    return {name: count for name, count in tables.rows.items() if count}


def _write_roll_calls(
    generator: _Generator, structure: dict[str, Any], tables: _Tables, chunk: int
) -> None:
    """The activities through the library's writer; their roll calls from cells made once."""
    from cppcc_model.io._tables_write import ledger_rows
    from cppcc_model.model import Activity

    cells = _RollCallCells(tables.tables["attendance"], tables.headers)
    pending: list[Activity] = []
    for fields, member_ids, statuses in generator.roll_calls():
        pending.append(Activity(**fields))
        if len(pending) >= chunk:
            tables.write(
                "activities", ledger_rows(_view(structure, activities=pending))["activities"]
            )
            pending = []
        activity = cells.cell("activity_id", fields["id"])
        member = cells.member
        tails = cells.tails
        for low in range(0, len(member_ids), chunk):
            part = zip(member_ids[low : low + chunk], statuses[low : low + chunk], strict=True)
            tables.raw("attendance", ([activity, member(m), *tails[s]] for m, s in part))
        tables.rows["attendance"] += len(member_ids)
    if pending:
        tables.write("activities", ledger_rows(_view(structure, activities=pending))["activities"])
