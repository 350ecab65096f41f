"""A meeting-ready Excel workbook from a :class:`~cppcc_model.outputs.tables.Report`.

One sheet per table, each laid out for a chair's meeting (主席会议) or a 公示:

* row 1: the full title (with the period and the as-of day), merged across the table;
* row 2: the header, bold on a grey ground; frozen, so it stays in view, with an auto-filter;
* the rows, with thin borders; scores are numbers with a fixed number format (``0.00``), places
  and counts whole numbers, so Excel can sum and sort them;
* notes under the table;
* print setup: A4 landscape, fitted to the page width, rows 1–2 repeated on every page, the
  footer ``第 N 页 共 M 页``;
* the table's charts (openpyxl charts) to the right of it.

Sheet names are the tables' short ``sheet`` names (``委员排名``), else the title cut to Excel's
31 characters. Text cells go through :func:`cppcc_model.io.safe_text.safe_cell` and are stored
as text (:func:`cppcc_model.io.safe_xlsx.put_text`): never a formula, never cut — text longer
than a cell holds is an :class:`~cppcc_model.errors.OutputError` naming the sheet and cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from cppcc_model.errors import Location, OutputError
from cppcc_model.io.safe_text import CellTooLongError, printable, safe_cell
from cppcc_model.io.safe_xlsx import put_text
from cppcc_model.outputs.tables import Cell, Chart, Report, Table
from cppcc_model.outputs.text import cell_text, display_width

__all__ = ["FOOTER", "number_format", "sheet_names", "workbook"]

FOOTER = "第 &P 页 共 &N 页"
"""The printed footer: Excel puts the page number at ``&P`` and the page count at ``&N``."""

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_HEADER_ROW = 2
_FIRST_ROW = 3


def sheet_names(tables: Sequence[Table]) -> list[str]:
    """A distinct, valid sheet name for each table."""
    names: list[str] = []
    for index, table in enumerate(tables, start=1):
        title = printable(table.sheet or table.title, line_breaks=False)
        base = _SHEET_FORBIDDEN.sub("_", title).strip("' ") or f"表{index}"
        name = base[:31]
        suffix = 2
        while name in names:
            tail = f" ({suffix})"
            name = base[: 31 - len(tail)] + tail
            suffix += 1
        names.append(name)
    return names


def number_format(cell: Cell) -> str | None:
    """The number format a numeric cell is shown with (``0.00`` for a two-place score)."""
    if isinstance(cell, bool) or not isinstance(cell, int | Decimal):
        return None
    if isinstance(cell, int):
        return "0"
    exponent = cell.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * places if places else "0"


def _put(sheet: Any, row: int, column: int, value: Cell) -> Any:
    """One cell: numbers as numbers; text always text, safe and whole, never a formula."""
    target = sheet.cell(row=row, column=column)
    if value is None or (isinstance(value, int | Decimal) and not isinstance(value, bool)):
        target.value = value
        return target
    try:
        put_text(target, safe_cell(str(value)))
    except CellTooLongError as error:
        raise OutputError(
            f"{error}; it cannot be written to a workbook without cutting it",
            where=Location(sheet=sheet.title, row=row, column=target.column_letter),
            hint="write this report as CSV, Markdown, HTML or JSON, which hold text of any length",
        ) from None
    return target


def _chart(sheet: Any, table: Table, chart: Chart, anchor: str) -> None:
    from openpyxl.chart import BarChart, PieChart, Reference

    keys = [c.key for c in table.columns]
    last = _HEADER_ROW + len(table.rows)
    drawn: Any = PieChart() if chart.kind == "pie" else BarChart()
    if chart.kind != "pie":
        drawn.type = "bar" if chart.kind == "bar" else "col"
        drawn.legend = None if len(chart.values) == 1 else drawn.legend
        drawn.y_axis.majorGridlines = None
    for key in chart.values:
        column = keys.index(key) + 1
        drawn.add_data(
            Reference(sheet, min_col=column, min_row=_HEADER_ROW, max_row=last),
            titles_from_data=True,
        )
    label = keys.index(chart.label) + 1
    drawn.set_categories(Reference(sheet, min_col=label, min_row=_FIRST_ROW, max_row=last))
    drawn.title = chart.title
    drawn.width = 18
    drawn.height = max(7.5, min(20.0, 0.6 * len(table.rows) + 3))
    sheet.add_chart(drawn, anchor)


def _sheet(workbook: Any, name: str, table: Table, report: Report) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet = workbook.create_sheet(name)
    width = max(1, len(table.columns))
    title = table.title if not report.subtitle else f"{table.title} · {report.subtitle}"
    head = _put(sheet, 1, 1, title)
    head.font = Font(bold=True, size=14)
    head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if width > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 36

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="E7E6E6")
    for index, column in enumerate(table.columns, start=1):
        cell = _put(sheet, _HEADER_ROW, index, column.header)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, row in enumerate(table.rows):
        for index, value in enumerate(row, start=1):
            cell = _put(sheet, _FIRST_ROW + offset, index, value)
            cell.border = border
            form = number_format(value)
            if form is not None:
                cell.number_format = form
    last_row = _HEADER_ROW + len(table.rows)
    for offset, note in enumerate(table.notes):
        _put(sheet, last_row + 2 + offset, 1, note)

    for index, column in enumerate(table.columns, start=1):
        widest = max(
            [display_width(column.header)]
            + [display_width(cell_text(row[index - 1])) for row in table.rows]
        )
        sheet.column_dimensions[get_column_letter(index)].width = min(50, max(6, widest + 2))

    if table.columns:
        last_column = get_column_letter(width)
        sheet.freeze_panes = f"A{_FIRST_ROW}"
        sheet.auto_filter.ref = f"A{_HEADER_ROW}:{last_column}{max(last_row, _HEADER_ROW)}"
        sheet.print_area = f"A1:{last_column}{last_row + 1 + len(table.notes)}"
    sheet.print_title_rows = f"1:{_HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = FOOTER
    sheet.evenFooter.center.text = FOOTER

    anchor_column = get_column_letter(width + 2)
    for number, chart in enumerate(table.charts):
        _chart(sheet, table, chart, f"{anchor_column}{_FIRST_ROW + 22 * number}")


def workbook(report: Report) -> Any:
    """The :class:`openpyxl.Workbook` of ``report``: one laid-out sheet per table."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table, name in zip(report.tables, sheet_names(report.tables), strict=True):
        _sheet(book, name, table, report)
    if not report.tables:
        book.create_sheet("空")
    if report.title:
        book.properties.title = report.title
    return book
