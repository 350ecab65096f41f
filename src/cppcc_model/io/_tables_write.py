"""Writing a ledger as tables: one CSV file per table, or one workbook with a sheet per table.

Every table is written, with its headers, even when it has no rows, so the output doubles as a
template. Headers, file and sheet names, labels and yes/no cells are English (``headers="en"``)
or Chinese (``headers="zh"``); either reads back to the same ledger.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from cppcc_model.io._tables_cells import excel_escape, format_cell
from cppcc_model.io._tables_files import SHEET_ROWS, continuation_sheet_name
from cppcc_model.io._tables_schema import (
    COMMITTEE_FIELDS,
    EVENT_FIELDS,
    INFO_EVENT_FIELDS,
    KEY_COLUMN,
    TABLES,
    VALUE_COLUMN,
    Column,
    Table,
)
from cppcc_model.io.atomic import atomic_write_bytes, atomic_write_text
from cppcc_model.io.safe_text import CellTooLongError, neutralise_formula
from cppcc_model.ledger import Ledger
from cppcc_model.model import InputSubject

__all__ = [
    "CellWriteError",
    "Headers",
    "ledger_rows",
    "table_cells",
    "write_csv_directory",
    "write_workbook",
]

Headers = Literal["en", "zh"]
"""The language of headers, file names, sheet names and labels."""

_EXCEL_FIRST_DAY = dt.date(1900, 3, 1)  # Excel's dates are reliable from here on


def _body(prefix: str, body: Any) -> dict[str, Any]:
    if body is None:
        return {}
    return {f"{prefix}_kind": body.kind, f"{prefix}_id": body.id}


def ledger_rows(ledger: Ledger) -> dict[str, list[dict[str, Any]]]:
    """The records of ``ledger`` as rows (field → value), table by table."""
    rows: dict[str, list[dict[str, Any]]] = {table.name: [] for table in TABLES}
    committee = ledger.committee
    rows["committee"] = [
        {"key": name, "value": getattr(committee, name)}
        for name in COMMITTEE_FIELDS
        if getattr(committee, name) is not None
    ]
    rows["terms"] = [{"number": t.number, "start": t.start, "end": t.end} for t in ledger.terms]
    rows["sessions"] = [
        {"term": s.term, "number": s.number, "start": s.start, "end": s.end, "kind": s.kind}
        for s in ledger.sessions
    ]
    rows["sectors"] = [{"id": s.id, "name": s.name} for s in ledger.sectors]
    rows["units"] = [
        {"id": u.id, "name": u.name, "short_name": u.short_name, "kind": u.kind}
        for u in ledger.units
    ]
    rows["special_committees"] = [
        {"id": c.id, "name": c.name, "short_name": c.short_name} for c in ledger.special_committees
    ]
    rows["activity_groups"] = [
        {
            "id": g.id,
            "name": g.name,
            "kind": g.kind,
            "paired_committee_id": g.paired_committee_id,
            "party_branch": g.party_branch,
        }
        for g in ledger.activity_groups
    ]
    for m in ledger.members:
        rows["members"].append(
            {
                "id": m.id,
                "name": m.name,
                "sector_id": m.sector_id,
                "unit_id": m.unit_id,
                "activity_group_id": m.activity_group_id,
                "special_committee_ids": m.special_committee_ids,
                "gender": m.gender,
                "joined": m.joined,
                "left": m.left,
                "workplace": m.workplace,
                "tags": m.tags,
            }
        )
        rows["roles"].extend(
            {
                "member_id": m.id,
                "role": r.role,
                "start": r.start,
                "end": r.end,
                "body_id": r.body_id,
            }
            for r in m.roles
        )
    for a in ledger.activities:
        rows["activities"].append(
            {
                "id": a.id,
                "kind": a.kind,
                "title": a.title,
                "start": a.start,
                "end": a.end,
                "half_days": a.half_days,
                "session_id": a.session_id,
                **_body("organiser", a.organiser),
            }
        )
        rows["attendance"].extend(
            {
                "activity_id": a.id,
                "member_id": e.member_id,
                "status": e.status,
                "role": e.role,
                "half_days": e.half_days,
            }
            for e in a.attendance
        )
    for p in ledger.proposals:
        rows["proposals"].append(
            {
                "id": p.id,
                "subject": p.subject,
                "submitted_on": p.submitted_on,
                "proposer_kind": p.proposer_kind,
                "member_ids": p.member_ids,
                "session_id": p.session_id,
                "topic": p.topic,
                **_body("body", p.body),
            }
        )
        for event in p.history:
            row = {name: getattr(event, name) for name in EVENT_FIELDS}
            rows["proposal_events"].append({"proposal_id": p.id, **row})
    for r in ledger.info_reports:
        rows["info_reports"].append(
            {
                "id": r.id,
                "title": r.title,
                "submitted_on": r.submitted_on,
                "author_ids": r.author_ids,
                **_body("body", r.body),
                "activity_id": r.activity_id,
            }
        )
        for info_event in r.history:
            row = {name: getattr(info_event, name) for name in INFO_EVENT_FIELDS}
            rows["info_events"].append({"report_id": r.id, **row})
    rows["contributions"] = [
        {
            "id": c.id,
            "kind": c.kind,
            "title": c.title,
            "on": c.on,
            "author_ids": c.author_ids,
            "level": c.level,
            "length_chars": c.length_chars,
            "note": c.note,
            "amount": c.amount,
            "reported_on": c.reported_on,
            **_body("body", c.body),
        }
        for c in ledger.contributions
    ]
    rows["award_records"] = [
        {
            "id": r.id,
            "award_id": r.award_id,
            "subject_id": r.subject_id,
            "year": r.year,
            "stage": r.stage,
            "on": r.on,
            "by": r.by,
            "note": r.note,
        }
        for r in ledger.award_records
    ]
    rows["inputs"] = [
        {
            "subject_id": i.subject_id,
            "period": i.period,
            "key": i.key,
            "value": i.value,
            "subject_kind": None if i.subject_kind is InputSubject.MEMBER else i.subject_kind,
            "note": i.note,
            "source": i.source,
        }
        for i in ledger.inputs
    ]
    for w in ledger.work_plans:
        rows["work_plans"].append({"id": w.id, "year": w.year, "title": w.title})
        rows["work_items"].extend(
            {
                "plan_id": w.id,
                "number": item.number,
                "category": item.category,
                "title": item.title,
                "lead_bodies": item.lead_bodies,
                "status": item.status,
            }
            for item in w.items
        )
    return rows


def _header(column: Column, headers: Headers) -> str:
    return column.zh if headers == "zh" else column.name


def table_cells(
    table: Table, rows: list[dict[str, Any]], headers: Headers
) -> Iterator[list[str | int | dt.date | None]]:
    """The header row, then one list of cells per row."""
    chinese = headers == "zh"
    if table.key_value:
        yield [_header(KEY_COLUMN, headers), _header(VALUE_COLUMN, headers)]
        for row in rows:
            column = table.column(row["key"])
            yield [_header(column, headers), format_cell(row["value"], column, chinese=chinese)]
        return
    yield [_header(column, headers) for column in table.columns]
    for row in rows:
        yield [format_cell(row.get(c.name), c, chinese=chinese) for c in table.columns]


def table_file_name(table: Table, headers: Headers) -> str:
    """The name a table's file or sheet gets."""
    return table.zh if headers == "zh" else table.name


def _csv_cell(cell: str | int | dt.date | None) -> str | int | None:
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, str):
        return neutralise_formula(cell)
    return cell


def write_csv_directory(ledger: Ledger, directory: Path, headers: Headers) -> None:
    """One UTF-8 CSV file per table (with a BOM, so Excel reads the Chinese right).

    Each file is replaced in one step (:mod:`cppcc_model.io.atomic`); text that a spreadsheet
    would take for a formula is written with a leading apostrophe, which the loader removes.
    """
    directory.mkdir(parents=True, exist_ok=True)
    rows = ledger_rows(ledger)
    for table in TABLES:
        target = directory / f"{table_file_name(table, headers)}.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for cells in table_cells(table, rows[table.name], headers):
            writer.writerow([_csv_cell(cell) for cell in cells])
        atomic_write_text(target, buffer.getvalue(), encoding="utf-8-sig")


class CellWriteError(ValueError):
    """A cell that cannot be written whole; says which table, row and column."""

    def __init__(self, message: str, sheet: str, row: int, column: str) -> None:
        super().__init__(message)
        self.message = message
        self.sheet = sheet
        self.row = row
        self.column = column


def _new_sheet(workbook: Any, name: str, header: list[Any]) -> Any:
    """A sheet called ``name`` with ``header`` in its first row, frozen below it."""
    sheet = workbook.create_sheet(name)
    _write_row(sheet, 1, header, header)
    sheet.freeze_panes = "A2"
    return sheet


def _write_row(sheet: Any, row_number: int, cells: Sequence[Any], header: list[Any]) -> None:
    """``cells`` into row ``row_number`` of ``sheet``: text as text, dates as Excel dates."""
    from cppcc_model.io.safe_xlsx import put_text  # a workbook's: loading never needs it

    for column_number, value in enumerate(cells, start=1):
        if value is None:
            continue
        cell = sheet.cell(row=row_number, column=column_number)
        if isinstance(value, str):
            try:
                put_text(cell, excel_escape(neutralise_formula(value)))
            except CellTooLongError as error:
                raise CellWriteError(
                    str(error), sheet.title, row_number, str(header[column_number - 1])
                ) from None
        elif isinstance(value, dt.date):
            if value >= _EXCEL_FIRST_DAY:
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            else:
                put_text(cell, value.isoformat())
        else:
            cell.value = value


def write_workbook(ledger: Ledger, path: Path, headers: Headers) -> None:
    """One workbook, one sheet per table; dates are Excel dates, text is always text.

    A table with more rows than a worksheet holds (:data:`~cppcc_model.io._tables_files.
    SHEET_ROWS`, Excel's limit) goes on over continuation sheets, ``attendance (2)`` and so
    on, each with the header row; the loader reads them back as one table.

    The file is byte-identical for the same ledger (:func:`~cppcc_model.io.safe_xlsx.
    workbook_bytes`) and replaced in one step.

    Raises:
        CellWriteError: for text longer than a worksheet cell holds.

    """
    import openpyxl  # imported here: writing CSV does not need it

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    rows = ledger_rows(ledger)
    per_sheet = SHEET_ROWS - 1  # data rows a sheet holds under its header row
    for table in TABLES:
        name = table_file_name(table, headers)
        cells_rows = iter(table_cells(table, rows[table.name], headers))
        header = list(next(cells_rows))
        sheet = _new_sheet(workbook, name, header)
        row_number, part = 1, 1
        for cells in cells_rows:
            if row_number > per_sheet:  # the sheet is full: the table goes on on the next
                part += 1
                sheet = _new_sheet(workbook, continuation_sheet_name(name, part), header)
                row_number = 1
            row_number += 1
            _write_row(sheet, row_number, cells, header)
    path.parent.mkdir(parents=True, exist_ok=True)
    from cppcc_model.io.safe_xlsx import workbook_bytes

    atomic_write_bytes(path, workbook_bytes(workbook))
