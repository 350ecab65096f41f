"""Charts as inline SVG, drawn from a table's cells: no script, no network, prints as it shows.

Each function returns one ``<svg>`` element (text) with a ``<title>`` for screen readers; the
figures are the table's own presented cells, so the chart and the table never disagree.
"""

from __future__ import annotations

import math
from decimal import Decimal
from html import escape

from cppcc_model.outputs.tables import Cell, Chart, Table
from cppcc_model.outputs.text import cell_text

__all__ = ["PALETTE", "chart_svg"]

PALETTE = (
    "#c0392b",
    "#2e86c1",
    "#d4ac0d",
    "#229954",
    "#8e44ad",
    "#e67e22",
    "#17a589",
    "#7f8c8d",
    "#a93226",
    "#1f618d",
)
"""The colours of a chart's bars and slices, in order."""


def _number(cell: Cell) -> float | None:
    if isinstance(cell, bool) or not isinstance(cell, int | Decimal):
        return None
    return float(cell)


def _points(table: Table, chart: Chart) -> list[tuple[str, float, str]]:
    labels = table.column(chart.label)
    values = table.column(chart.values[0])
    out = []
    for label, value in zip(labels, values, strict=True):
        number = _number(value)
        if number is not None:
            out.append((cell_text(label), number, cell_text(value)))
    return out


def _bar(title: str, points: list[tuple[str, float, str]]) -> str:
    row, label_width, bar_width = 22, 170, 420
    height = row * len(points) + 40
    top = max((p[1] for p in points), default=0.0) or 1.0
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {label_width + bar_width + 70} {height}" '
        f'width="{label_width + bar_width + 70}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<text x="0" y="16" class="chart-title">{escape(title)}</text>',
    ]
    for index, (label, value, shown) in enumerate(points):
        y = 30 + index * row
        length = max(0.0, value) / top * bar_width
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{PALETTE[1]}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 15}" class="value">'
            f"{escape(shown)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _column(title: str, points: list[tuple[str, float, str]]) -> str:
    width, height, left, bottom = 640, 260, 30, 40
    count = max(1, len(points))
    slot = (width - left) / count
    top = max((p[1] for p in points), default=0.0) or 1.0
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<text x="0" y="16" class="chart-title">{escape(title)}</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" '
        'stroke="#555"/>',
    ]
    usable = height - bottom - 40
    for index, (label, value, shown) in enumerate(points):
        bar = max(0.0, value) / top * usable
        x = left + index * slot + slot * 0.15
        y = height - bottom - bar
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bar:.1f}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
            f'class="value">{escape(shown)}</text>'
            f'<text x="{x + slot * 0.35:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _pie(title: str, points: list[tuple[str, float, str]]) -> str:
    width, height, cx, cy, radius = 640, 260, 130, 140, 100
    whole = sum(max(0.0, p[1]) for p in points)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<text x="0" y="16" class="chart-title">{escape(title)}</text>',
    ]
    angle = -math.pi / 2
    for index, (label, value, shown) in enumerate(points):
        colour = PALETTE[index % len(PALETTE)]
        share = max(0.0, value) / whole if whole else 0.0
        if share >= 0.9999:
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{radius}" fill="{colour}"/>')
        elif share > 0:
            end = angle + share * 2 * math.pi
            large = 1 if share > 0.5 else 0
            x1, y1 = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
            x2, y2 = cx + radius * math.cos(end), cy + radius * math.sin(end)
            parts.append(
                f'<path d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{radius},{radius} 0 {large} 1 '
                f'{x2:.2f},{y2:.2f} Z" fill="{colour}"/>'
            )
            angle = end
        y = 40 + index * 20
        parts.append(
            f'<rect x="270" y="{y}" width="12" height="12" fill="{colour}"/>'
            f'<text x="288" y="{y + 11}">{escape(label)}：{escape(shown)}'
            f"（{share * 100:.1f}%）</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def chart_svg(table: Table, chart: Chart) -> str:
    """``chart`` of ``table`` as one inline ``<svg>`` element."""
    points = _points(table, chart)
    if chart.kind == "bar":
        return _bar(chart.title, points)
    if chart.kind == "column":
        return _column(chart.title, points)
    return _pie(chart.title, points)
