"""Tabular output of the ``cppcc`` command: the library's :mod:`cppcc_model.outputs`, re-exported.

Every command builds a :class:`Report` of :class:`Table` objects; :func:`write_report` renders
it once as a text table, JSON, CSV, Markdown, an Excel workbook or an HTML report, the format
following ``--format`` or the ``--output`` file's extension (a mismatch is refused).
"""

from __future__ import annotations

from cppcc_model.outputs.tables import Cell, Column, OutputError, Report, Table
from cppcc_model.outputs.text import display_width
from cppcc_model.outputs.text import render_text as render
from cppcc_model.outputs.write import FORMATS, write_report

__all__ = [
    "FORMATS",
    "Cell",
    "Column",
    "OutputError",
    "Report",
    "Table",
    "display_width",
    "render",
    "write_report",
]
