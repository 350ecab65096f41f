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

Every cell, header, title and note passes through :mod:`cppcc_model.io.safe_text`: CSV and
Markdown cells never start a formula, and terminal and Markdown tables keep one line per row
with no escape sequence or direction control in it.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from cppcc_model.io.safe_text import printable, safe_cell
from cppcc_model.outputs.tables import Cell, OutputError, Report, Table

__all__ = ["TEXT_FORMATS", "cell_text", "display_width", "render_text", "wrap_display"]

TEXT_FORMATS = ("table", "json", "csv", "md")
"""The formats rendered as text."""


def cell_text(cell: Cell) -> str:
    """A cell as text: empty for ``None``, a score with its decimal places."""
    return "" if cell is None else str(cell)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count two."""
    if text.isascii():  # no ASCII character is wide or full-width
        return len(text)
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


def _line(text: str) -> str:
    """Text for one line of a terminal table: no line break, escape or direction control."""
    return printable(text, line_breaks=False)


_NAME_KEYS = frozenset({"name", "member_name", "subject_name", "body", "group", "unit"})
"""Keys of the column that names a row: a folded table repeats the columns up to it."""


def _kept_columns(table: Table) -> int:
    """How many leading columns every block of a folded table repeats (up to the name)."""
    for index, column in enumerate(table.columns[:6]):
        if column.key in _NAME_KEYS or column.header in ("姓名", "名称"):
            return index + 1
    return 1


def wrap_display(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` terminal columns (wide characters count two)."""
    if display_width(text) <= width:  # it fits: one line, as the loop below would give
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        size = display_width(ch)
        if line and used + size > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += size
    return [*lines, line]


def _lines(
    headers: Sequence[str],
    cells: Sequence[Sequence[str]],
    widths: Sequence[int],
    right: Sequence[bool],
) -> list[str]:
    lines = ["  ".join(_pad(h, w, r) for h, w, r in zip(headers, widths, right, strict=True))]
    lines.append("  ".join("─" * w for w in widths))
    for row in cells:
        wrapped = [wrap_display(c, w) for c, w in zip(row, widths, strict=True)]
        for depth in range(max(len(parts) for parts in wrapped)):
            parts = [p[depth] if depth < len(p) else "" for p in wrapped]
            lines.append(
                "  ".join(_pad(c, w, r) for c, w, r in zip(parts, widths, right, strict=True))
            )
    return [line.rstrip() for line in lines]


def _blocks(widths: Sequence[int], kept: int, width: int) -> list[list[int]]:
    """Column indexes per block: the kept columns, then as many others as fit in ``width``."""
    base = sum(widths[:kept]) + 2 * kept
    blocks: list[list[int]] = []
    current: list[int] = []
    used = base
    for index in range(kept, len(widths)):
        if current and used + widths[index] > width:
            blocks.append(current)
            current, used = [], base
        current.append(index)
        used += widths[index] + 2
    if current or not blocks:
        blocks.append(current)
    return [list(range(kept)) + block for block in blocks]


def _render_table(table: Table, width: int | None = None) -> str:
    headers = [_line(c.header) for c in table.columns]
    cells = [[_line(cell_text(c)) for c in row] for row in table.rows]
    widths = [
        max([display_width(h)] + [display_width(row[i]) for row in cells])
        for i, h in enumerate(headers)
    ]
    right = [is_numeric(table, i) for i in range(len(headers))]
    full = sum(widths) + 2 * (len(widths) - 1)
    title = _line(table.title)
    notes = [_line(note) for note in table.notes]
    if width is None or (full <= width and display_width(title) <= width):
        lines = [title, *_lines(headers, cells, widths, right)]
    else:  # fold: column blocks that fit the terminal, each repeating the name columns
        kept = min(_kept_columns(table), len(headers) - 1) if len(headers) > 1 else 0
        room = max(
            width - sum(widths[:kept]) - 2 * kept, max(map(display_width, headers), default=1)
        )
        widths = [w if i < kept else min(w, room) for i, w in enumerate(widths)]
        blocks = _blocks(widths, kept, width) if len(headers) > 1 else [[0]]
        lines = []
        for number, block in enumerate(blocks, start=1):
            if number > 1:
                lines.append("")
            heading = title if len(blocks) == 1 else f"{title}（{number}/{len(blocks)}）"
            lines += wrap_display(heading, width)
            lines += _lines(
                [headers[i] for i in block],
                [[row[i] for i in block] for row in cells],
                [widths[i] for i in block],
                [right[i] for i in block],
            )
    if not table.rows:
        lines.append("(无 none)")
    lines.extend(
        notes if width is None else [part for note in notes for part in wrap_display(note, width)]
    )
    return "\n".join(lines)


_MD_SPECIAL = re.compile(r"([\\|\[\]<>`*_])")


def _md_text(text: str) -> str:
    """Text for one line of Markdown: safe (see :func:`safe_cell`), markup characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", safe_cell(text, line_breaks=False))


def _md_cell(cell: Cell) -> str:
    return _md_text(cell_text(cell))


def _render_md(table: Table) -> str:
    lines = [f"### {_md_text(table.title)}", ""]
    lines.append("| " + " | ".join(_md_cell(c.header) for c in table.columns) + " |")
    lines.append(
        "|"
        + "|".join("---:" if is_numeric(table, i) else "---" for i in range(len(table.columns)))
        + "|"
    )
    lines.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows)
    if table.notes:
        lines.append("")
        lines.extend(f"> {_md_text(note)}" for note in table.notes)
    return "\n".join(lines)


def _render_csv(tables: Sequence[Table]) -> str:
    import csv  # imported by the formats that need them, as json below

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        if len(tables) > 1:
            writer.writerow([safe_cell(table.title)])
        writer.writerow([safe_cell(c.header) for c in table.columns])
        writer.writerows([safe_cell(cell_text(c)) for c in row] for row in table.rows)
    return buffer.getvalue()


def _render_json(data: Any) -> str:
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only an ASCII escape can carry it
        text = json.dumps(data, ensure_ascii=True, indent=2, sort_keys=True) + "\n"
    return text


def render_text(report: Report, format: str, *, width: int | None = None) -> str:
    """``report`` as text in ``format`` (``table``, ``json``, ``csv`` or ``md``).

    The text formats show the report's tables, then its sections (a member's card or record).
    With ``width`` (a terminal's columns), a ``table`` wider than that is folded into blocks of
    columns that fit, each repeating the leading columns up to the row's name, titled
    ``（1/3）`` … ; without it, every table is one block however wide.

    Raises:
        OutputError: for any other format.

    """
    if format == "json":
        return _render_json(report.json_data())
    tables = [*report.tables, *report.sections]
    if format == "csv":
        return _render_csv(tables)
    if format == "md":
        return "\n\n".join(_render_md(t) for t in tables) + "\n"
    if format == "table":
        if report.text is not None:
            return printable(report.text.rstrip("\n")) + "\n"
        return "\n\n".join(_render_table(t, width) for t in tables) + "\n"
    raise OutputError(
        f"format {format!r} is not written as text", hint=f"use one of: {', '.join(TEXT_FORMATS)}"
    )
