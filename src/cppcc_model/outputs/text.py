"""Text renderings of a :class:`~cppcc_model.outputs.tables.Report`: table, JSON, CSV, Markdown.

=========  ===============================================================================
format     what is written
=========  ===============================================================================
``table``  aligned text tables (wide CJK characters counted as two columns), for a terminal
``json``   ``Report.data``, UTF-8, two-space indent, sorted keys
``csv``    every table as CSV: a title row, the header row, the rows, a blank line between
           tables (a file gets a UTF-8 BOM so that Excel opens it with Chinese intact)
``md``     a ``###`` heading and a pipe table per table
=========  ===============================================================================
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from cppcc_model.outputs.tables import Cell, OutputError, Report, Table

__all__ = ["TEXT_FORMATS", "cell_text", "display_width", "render_text"]

TEXT_FORMATS = ("table", "json", "csv", "md")
"""The formats rendered as text."""


def cell_text(cell: Cell) -> str:
    """A cell as text: empty for ``None``, a score with its decimal places."""
    return "" if cell is None else str(cell)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - display_width(text))
    return space + text if right else text + space


def is_numeric(table: Table, index: int) -> bool:
    """Whether column ``index`` holds only numbers (it is then right-aligned)."""
    values = [row[index] for row in table.rows if row[index] not in (None, "")]
    return bool(values) and all(
        isinstance(v, int | Decimal) or bool(re.fullmatch(r"-?[\d.,/]+%?", str(v))) for v in values
    )


def _render_table(table: Table) -> str:
    headers = [c.header for c in table.columns]
    cells = [[cell_text(c) for c in row] for row in table.rows]
    widths = [
        max([display_width(h)] + [display_width(row[i]) for row in cells])
        for i, h in enumerate(headers)
    ]
    right = [is_numeric(table, i) for i in range(len(headers))]
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
    return cell_text(cell).replace("|", "\\|").replace("\n", " ")


def _render_md(table: Table) -> str:
    lines = [f"### {table.title}", ""]
    lines.append("| " + " | ".join(_md_cell(c.header) for c in table.columns) + " |")
    lines.append(
        "|"
        + "|".join("---:" if is_numeric(table, i) else "---" for i in range(len(table.columns)))
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
        writer.writerows([cell_text(c) for c in row] for row in table.rows)
    return buffer.getvalue()


def render_text(report: Report, format: str) -> str:
    """``report`` as text in ``format`` (``table``, ``json``, ``csv`` or ``md``).

    The text formats show the report's tables, then its sections (a member's card or record).

    Raises:
        OutputError: for any other format.

    """
    if format == "json":
        return json.dumps(report.json_data(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    tables = [*report.tables, *report.sections]
    if format == "csv":
        return _render_csv(tables)
    if format == "md":
        return "\n\n".join(_render_md(t) for t in tables) + "\n"
    if format == "table":
        if report.text is not None:
            return report.text.rstrip("\n") + "\n"
        return "\n\n".join(_render_table(t) for t in tables) + "\n"
    raise OutputError(
        f"format {format!r} is not written as text", hint=f"use one of: {', '.join(TEXT_FORMATS)}"
    )
