"""Tabular output of the ``cppcc`` command: text tables, JSON, CSV, Excel and Markdown.

Every command builds a :class:`Report`: one or more :class:`Table` objects with Chinese headers,
plain JSON-ready ``data`` for ``--format json``, and optionally a ``text`` rendering that
replaces the tables in the terminal (a score card reads better as indented lines).

=========  ===============================================================================
format     what is written
=========  ===============================================================================
``table``  aligned text tables (wide CJK characters counted as two columns), for a terminal
``json``   ``Report.data``, UTF-8, two-space indent, sorted keys
``csv``    every table as CSV: a title row, the header row, the rows, a blank line between
           tables; a file gets a UTF-8 BOM so that Excel opens it with Chinese intact
``xlsx``   one sheet per table (needs ``--output``): the header row in bold, then the rows
``md``     a ``###`` heading and a pipe table per table
=========  ===============================================================================

Output never depends on the order records were loaded in; cells are text or whole numbers
(exact scores are shown rounded once, by the rule set's policy, before they get here).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from cppcc_model.errors import CppccError, Location

__all__ = ["FORMATS", "Cell", "Column", "OutputError", "Report", "Table", "render", "write_report"]

FORMATS = ("table", "json", "csv", "xlsx", "md")
"""The output formats, in the order ``--format`` lists them."""

Cell = str | int | None
"""A table cell: text, a whole number, or empty."""


class OutputError(CppccError):
    """The output cannot be written (no ``--output`` for a workbook, an unwritable path …)."""


@attrs.frozen
class Column:
    """A column: its English ``key`` (for JSON and scripts) and its Chinese ``header``."""

    key: str
    header: str


def _columns(value: Iterable[Column | tuple[str, str]]) -> tuple[Column, ...]:
    return tuple(c if isinstance(c, Column) else Column(*c) for c in value)


def _rows(value: Iterable[Sequence[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in value)


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Table:
    """A titled table: columns with Chinese headers, and rows of cells."""

    title: str
    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(default=(), converter=_rows)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    def __attrs_post_init__(self) -> None:
        width = len(self.columns)
        for number, row in enumerate(self.rows, start=1):
            if len(row) != width:
                raise ValueError(f"table {self.title!r} row {number} has {len(row)} cells")

    def records(self) -> list[dict[str, Cell]]:
        """The rows as dicts keyed by column key."""
        keys = [c.key for c in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


def _tables(value: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(value)


@attrs.frozen
class Report:
    """What a command prints: tables, JSON data, and an optional text rendering."""

    tables: tuple[Table, ...] = attrs.field(converter=_tables)
    data: Any = None
    text: str | None = None

    def json_data(self) -> Any:
        """``data``, or the tables as lists of records when no data was given."""
        if self.data is not None:
            return self.data
        return {
            "tables": [
                {"title": t.title, "rows": t.records(), "notes": list(t.notes)} for t in self.tables
            ]
        }


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - display_width(text))
    return space + text if right else text + space


def _numeric(table: Table, index: int) -> bool:
    values = [row[index] for row in table.rows if row[index] not in (None, "")]
    return bool(values) and all(
        isinstance(v, int) or bool(re.fullmatch(r"-?[\d.,/]+%?", str(v))) for v in values
    )


def _render_table(table: Table) -> str:
    headers = [c.header for c in table.columns]
    cells = [[_text(c) for c in row] for row in table.rows]
    widths = [
        max([display_width(h)] + [display_width(row[i]) for row in cells])
        for i, h in enumerate(headers)
    ]
    right = [_numeric(table, i) for i in range(len(headers))]
    lines = [table.title]
    lines.append(
        "  ".join(_pad(h, w, r) for h, w, r in zip(headers, widths, right, strict=True)).rstrip()
    )
    lines.append("  ".join("─" * w for w in widths))
    lines.extend(
        "  ".join(_pad(c, w, r) for c, w, r in zip(row, widths, right, strict=True)).rstrip()
        for row in cells
    )
    if not table.rows:
        lines.append("(无 none)")
    lines.extend(table.notes)
    return "\n".join(lines)


def _md_cell(cell: Cell) -> str:
    return _text(cell).replace("|", "\\|").replace("\n", " ")


def _render_md(table: Table) -> str:
    lines = [f"### {table.title}", ""]
    lines.append("| " + " | ".join(_md_cell(c.header) for c in table.columns) + " |")
    lines.append(
        "|"
        + "|".join("---:" if _numeric(table, i) else "---" for i in range(len(table.columns)))
        + "|"
    )
    lines.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows)
    if table.notes:
        lines.append("")
        lines.extend(f"> {note}" for note in table.notes)
    return "\n".join(lines)


def _render_csv(tables: Sequence[Table]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        if len(tables) > 1:
            writer.writerow([table.title])
        writer.writerow([c.header for c in table.columns])
        writer.writerows([_text(c) for c in row] for row in table.rows)
    return buffer.getvalue()


def render(report: Report, format: str) -> str:
    """``report`` as text in ``format`` (every format but ``xlsx``)."""
    if format == "json":
        return json.dumps(report.json_data(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if format == "csv":
        return _render_csv(report.tables)
    if format == "md":
        return "\n\n".join(_render_md(t) for t in report.tables) + "\n"
    if format == "table":
        if report.text is not None:
            return report.text.rstrip("\n") + "\n"
        return "\n\n".join(_render_table(t) for t in report.tables) + "\n"
    raise OutputError(f"unknown output format {format!r}", hint=f"use one of: {', '.join(FORMATS)}")


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_names(tables: Sequence[Table]) -> list[str]:
    names: list[str] = []
    for index, table in enumerate(tables, start=1):
        base = _SHEET_FORBIDDEN.sub("_", table.title).strip("'") or f"表{index}"
        name = base[:31]
        suffix = 2
        while name in names:
            tail = f" ({suffix})"
            name = base[: 31 - len(tail)] + tail
            suffix += 1
        names.append(name)
    return names


def _write_xlsx(report: Report, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table, name in zip(report.tables, _sheet_names(report.tables), strict=True):
        sheet = workbook.create_sheet(name)
        sheet.append([c.header for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        for note in table.notes:
            sheet.append([note])
        for index, column in enumerate(table.columns, start=1):
            width = max(
                [display_width(column.header)]
                + [display_width(_text(r[index - 1])) for r in table.rows]
            )
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = min(60, width + 2)
    if not report.tables:
        workbook.create_sheet("空")
    workbook.save(path)


def write_report(report: Report, format: str, output: str | os.PathLike[str] | None) -> str | None:
    """Write ``report`` to ``output`` in ``format``; return the text for stdout when no file.

    Raises:
        OutputError: ``xlsx`` without ``output``, or the file cannot be written.

    """
    if format == "xlsx":
        if output is None:
            raise OutputError(
                "an Excel workbook cannot be written to the terminal",
                hint="add --output FILE.xlsx",
            )
        path = Path(output)
        try:
            _write_xlsx(report, path)
        except OSError as error:
            raise OutputError(
                f"cannot write {path}: {error.strerror or error}",
                where=Location(file=os.fspath(path)),
                hint="check the directory exists and the file is not open in Excel",
            ) from None
        return None
    text = render(report, format)
    if output is None:
        return text
    path = Path(output)
    encoding = "utf-8-sig" if format == "csv" else "utf-8"
    try:
        path.write_text(text, encoding=encoding)
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror or error}",
            where=Location(file=os.fspath(path)),
            hint="check the directory exists and the file is not open elsewhere",
        ) from None
    return None
