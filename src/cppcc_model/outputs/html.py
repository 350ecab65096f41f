"""A self-contained HTML report: one file, no script, no network, inline SVG charts.

:func:`render_html` turns a :class:`~cppcc_model.outputs.tables.Report` into one HTML page: a
heading with the period and as-of day, a table of contents, every table as a section (its charts
drawn above it as inline SVG), then every extra section of the report (each member's score card,
``#member-<id>``, linked from the names in the ranking). It prints on the report's page (A4
landscape unless the report says otherwise): the header row of a long table repeats on every
page, and each section that starts a new page (a member's card or duty record) does.

Every cell carries its column key (``data-key``) and every row its first id column
(``data-id``), so a program or a test can read the figures back from the page.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from cppcc_model.outputs.svg import chart_svg
from cppcc_model.outputs.tables import Report, Table
from cppcc_model.outputs.text import cell_text

__all__ = ["STYLE", "render_html"]

STYLE = """
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       sans-serif; margin: 2em auto; max-width: 1200px; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; margin: 0 0 .2em; color: #a00; }
h2 { font-size: 1.2em; border-left: 5px solid #a00; padding-left: .4em; margin-top: 1.6em; }
.subtitle { color: #555; margin: 0 0 1em; }
nav ol { columns: 3; font-size: .9em; }
table { border-collapse: collapse; font-size: .85em; margin: .4em 0; }
th, td { border: 1px solid #999; padding: 2px 6px; white-space: nowrap; }
td[data-key="requirements"], td[data-key="missing"], td[data-key="met"], td[data-key="note"],
td[data-key="flags"], td[data-key="clause"] { white-space: normal; min-width: 10em; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #fafafa; }
.note { color: #555; font-size: .85em; margin: .2em 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
svg.chart { font-size: 12px; max-width: 100%; height: auto; }
svg.chart .chart-title { font-weight: bold; font-size: 14px; }
section.card { border-top: 2px solid #a00; margin-top: 2em; }
section.part h2 { font-size: 1.05em; border-left-width: 3px; }
a.back { font-size: .6em; font-weight: normal; margin-left: 1em; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; line-height: 1.25; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; margin: .5em 0 .2em; }
  section.part h2 { font-size: 10pt; }
  th, td { padding: 1px 4px; }
  td { white-space: normal; }
  nav, a.back { display: none; }
  thead { display: table-header-group; }
  tr, svg.chart { break-inside: avoid; }
  section.card { break-before: page; border-top: none; }
  section.part { break-before: avoid; }
  section.table { break-before: page; }
  section.table:first-of-type { break-before: auto; }
}
"""
"""The page's style sheet (screen and print)."""


def _id_column(table: Table) -> int | None:
    keys = [c.key for c in table.columns]
    for key in ("member_id", "id"):
        if key in keys:
            return keys.index(key)
    return None


def _table(table: Table) -> str:
    id_index = _id_column(table)
    out = ["<table><thead><tr>"]
    out.extend(f'<th data-key="{escape(c.key)}">{escape(c.header)}</th>' for c in table.columns)
    out.append("</tr></thead><tbody>")
    for number, row in enumerate(table.rows):
        row_id = f' data-id="{escape(cell_text(row[id_index]))}"' if id_index is not None else ""
        out.append(f"<tr{row_id}>")
        for column, cell in zip(table.columns, row, strict=True):
            text = escape(cell_text(cell))
            numeric = isinstance(cell, int | Decimal) and not isinstance(cell, bool)
            if column.key == "name" and table.links and table.links[number]:
                text = f'<a href="#{escape(table.links[number] or "")}">{text}</a>'
            css = ' class="num"' if numeric else ""
            out.append(f'<td data-key="{escape(column.key)}"{css}>{text}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    if not table.rows:
        out.append('<p class="note">（无 none）</p>')
    out.extend(f'<p class="note">{escape(note)}</p>' for note in table.notes)
    return "".join(out)


def _section(table: Table, index: int, css: str, back: bool) -> str:
    anchor = table.anchor or f"table-{index}"
    charts = "".join(chart_svg(table, chart) for chart in table.charts)
    back_link = ' <a class="back" href="#members">↑ 返回名单 back to the list</a>' if back else ""
    parts = [
        f'<section class="{css}" id="{escape(anchor)}"><h2>{escape(table.title)}{back_link}</h2>'
    ]
    if charts:
        parts.append(f'<div class="charts">{charts}</div>')
    parts.append(_table(table))
    parts.append("</section>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """``report`` as one self-contained HTML page (see the module docstring)."""
    title = report.title or (report.tables[0].title if report.tables else "报告")
    tables = [t for t in report.tables if t.in_html]
    toc = "".join(
        f'<li><a href="#{escape(t.anchor or f"table-{i}")}">{escape(t.sheet or t.title)}</a></li>'
        for i, t in enumerate(tables)
    )
    if report.sections and report.sections[0].anchor:
        first = escape(report.sections[0].anchor)
        toc += f'<li><a href="#{first}">委员逐人明细</a></li>'
    parts = [
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}"
        f"@page {{ size: {escape(report.page)}; margin: 12mm; }}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
    ]
    if report.subtitle:
        parts.append(f'<p class="subtitle">{escape(report.subtitle)}</p>')
    parts.append(f"</header><nav><h2>目录</h2><ol>{toc}</ol></nav><main>")
    parts.extend(_section(t, i, "table", False) for i, t in enumerate(tables))
    parts.extend(
        _section(t, len(tables) + i, "card" if t.new_page else "part", t.new_page)
        for i, t in enumerate(report.sections)
    )
    parts.append("</main></body></html>\n")
    return "".join(parts)
