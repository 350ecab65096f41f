"""What every output is made of: titled tables of typed cells, charts over them, a report.

A :class:`Table` is the one thing a command builds; every format (text, CSV, Markdown, JSON,
Excel, HTML) renders the same table, so what a program embedding the library gets is exactly
what the ``cppcc`` command prints. Cells are typed:

* ``str`` — text; ``int`` — a count or a place;
* :class:`~decimal.Decimal` — a score *as presented* (rounded once by the rule set's policy):
  text formats show it with its decimal places, Excel stores it as a number with a fixed number
  format (``0.00``), so a clerk can sum and sort it;
* ``None`` — an empty cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from cppcc_model.errors import OutputError

__all__ = ["Cell", "Chart", "ChartKind", "Column", "OutputError", "Report", "Table"]

Cell = str | int | Decimal | None
"""A table cell: text, a whole number, a presented score, or empty."""

ChartKind = str
"""``"bar"`` (horizontal bars), ``"column"`` (vertical bars) or ``"pie"``."""

CHART_KINDS = ("bar", "column", "pie")


@attrs.frozen
class Column:
    """A column: its English ``key`` (for JSON and scripts) and its Chinese ``header``."""

    key: str
    header: str


def _columns(value: Iterable[Column | tuple[str, str]]) -> tuple[Column, ...]:
    return tuple(c if isinstance(c, Column) else Column(*c) for c in value)


def _rows(value: Iterable[Sequence[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _links(value: Iterable[str | None]) -> tuple[str | None, ...]:
    return tuple(value)


@attrs.frozen
class Chart:
    """A chart drawn from one table: a label column and one or more value columns.

    The workbook draws it with openpyxl's charts beside the table; the HTML report draws the
    same figures as inline SVG.
    """

    kind: ChartKind = attrs.field()
    title: str
    label: str
    values: tuple[str, ...] = attrs.field(converter=_strings)

    @kind.validator
    def _check_kind(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in CHART_KINDS:
            raise ValueError(f"chart kind {value!r} is not one of {', '.join(CHART_KINDS)}")


def _charts(value: Iterable[Chart]) -> tuple[Chart, ...]:
    return tuple(value)


@attrs.frozen
class Table:
    """A titled table: columns with Chinese headers, and rows of cells.

    ``sheet`` is the short sheet name a workbook gives the table (``委员排名``); ``anchor`` the
    id of its section in the HTML report; ``links`` (one per row, or empty) the anchor each
    row's ``name`` cell links to; ``charts`` the charts drawn from it. ``in_html`` false leaves
    the table out of the HTML report (which shows the same rows as sections of their own);
    ``new_page`` starts it on a new printed page (a member's card or duty record).
    """

    title: str
    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(default=(), converter=_rows)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    sheet: str | None = None
    anchor: str | None = None
    links: tuple[str | None, ...] = attrs.field(default=(), converter=_links)
    charts: tuple[Chart, ...] = attrs.field(default=(), converter=_charts)
    in_html: bool = True
    new_page: bool = False

    def __attrs_post_init__(self) -> None:
        width = len(self.columns)
        for number, row in enumerate(self.rows, start=1):
            if len(row) != width:
                raise ValueError(f"table {self.title!r} row {number} has {len(row)} cells")
        if self.links and len(self.links) != len(self.rows):
            raise ValueError(f"table {self.title!r} has {len(self.links)} links for its rows")
        keys = {c.key for c in self.columns}
        for chart in self.charts:
            missing = [k for k in (chart.label, *chart.values) if k not in keys]
            if missing:
                raise ValueError(f"chart {chart.title!r} names unknown columns {missing}")

    def records(self) -> list[dict[str, Cell]]:
        """The rows as dicts keyed by column key."""
        keys = [c.key for c in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]

    def column(self, key: str) -> list[Cell]:
        """Every cell of the column ``key``, in row order."""
        keys = [c.key for c in self.columns]
        index = keys.index(key)
        return [row[index] for row in self.rows]


def _tables(value: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(value)


@attrs.frozen
class Report:
    """What a command prints: tables, JSON data, and an optional text rendering.

    ``title`` and ``subtitle`` head a workbook's sheets and the HTML report; ``sections``
    are further tables that only the HTML report shows, each as a section of its own (a
    member's score card, say), where the workbook has them as one table; ``page`` is the
    printed page of the HTML report (a CSS page size: ``A4 landscape``, ``A4 portrait``).
    """

    tables: tuple[Table, ...] = attrs.field(converter=_tables)
    data: Any = None
    text: str | None = None
    title: str | None = None
    subtitle: str | None = None
    sections: tuple[Table, ...] = attrs.field(default=(), converter=_tables)
    page: str = "A4 landscape"

    def json_data(self) -> Any:
        """``data``, or the tables as lists of records when no data was given."""
        if self.data is not None:
            return self.data
        return {
            "tables": [
                {
                    "title": t.title,
                    "rows": [{k: json_cell(v) for k, v in r.items()} for r in t.records()],
                    "notes": list(t.notes),
                }
                for t in self.tables
            ]
        }


def json_cell(cell: Cell) -> str | int | None:
    """A cell as JSON holds it: a presented score as its text (``"51.50"``)."""
    if isinstance(cell, Decimal):
        return str(cell)
    return cell
