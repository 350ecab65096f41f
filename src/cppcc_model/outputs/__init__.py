"""What the office hands to the chair's meeting: results tables, workbooks and reports.

* :mod:`~cppcc_model.outputs.tables` — :class:`Table`, :class:`Report`, :class:`Chart`: what
  every output is made of;
* :mod:`~cppcc_model.outputs.results` — the results table of members and of bodies;
* :mod:`~cppcc_model.outputs.meeting` — the whole meeting report (rankings, score details,
  requirements, awards, the 公示 list, charts, every member's score card);
* :mod:`~cppcc_model.outputs.write` — rendering and writing in every format (the format follows
  the file's extension): :mod:`~cppcc_model.outputs.text`, :mod:`~cppcc_model.outputs.xlsx`,
  :mod:`~cppcc_model.outputs.html`.
"""

from __future__ import annotations

from cppcc_model.outputs.tables import Chart, Column, OutputError, Report, Table
from cppcc_model.outputs.write import format_for, write_report

__all__ = [
    "Chart",
    "Column",
    "OutputError",
    "Report",
    "Table",
    "format_for",
    "write_report",
]
