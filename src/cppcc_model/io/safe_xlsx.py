"""Worksheets written safely and reproducibly: text cells that are never formulas, fixed stamps.

Two helpers every xlsx writer of the library uses (openpyxl is imported only by the caller):

* :func:`put_text` stores text in a cell as a string — never a formula, never an error code —
  marked with Excel's quote prefix, after checking it fits in a cell whole;
* :func:`workbook_bytes` saves a workbook to bytes that depend on its content only: the
  document's created/modified stamps and every archive member's time are fixed, so the same
  input gives a byte-identical file. The stamp is ``SOURCE_DATE_EPOCH`` when that variable is
  set (the reproducible-builds convention), otherwise 1980-01-01 00:00:00 UTC.

Write the bytes with :func:`cppcc_model.io.atomic.atomic_write_bytes`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from typing import Any

from cppcc_model.io.safe_text import check_cell_length

__all__ = ["FIXED_STAMP", "fixed_stamp", "put_text", "workbook_bytes"]

FIXED_STAMP = dt.datetime(1980, 1, 1)
"""The stamp written when ``SOURCE_DATE_EPOCH`` is not set (the earliest a zip can hold)."""

_LAST_STAMP = dt.datetime(2107, 12, 31, 23, 59, 58)  # the latest a zip can hold
_CORE = "docProps/core.xml"
_STAMP_ELEMENT = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def fixed_stamp() -> dt.datetime:
    """The time written into workbooks: ``SOURCE_DATE_EPOCH`` if set, else :data:`FIXED_STAMP`."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw.isdigit():
        try:
            stamp = dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return FIXED_STAMP
        return min(max(stamp, FIXED_STAMP), _LAST_STAMP)
    return FIXED_STAMP


def put_text(cell: Any, text: str) -> None:
    """Store ``text`` in the openpyxl ``cell`` as a string, whole, never as a formula.

    Raises:
        CellTooLongError: when the text is longer than a cell holds (openpyxl would cut it).

    """
    cell.value = check_cell_length(text)
    cell.data_type = "s"
    cell.quotePrefix = True


def workbook_bytes(workbook: Any) -> bytes:
    """The ``.xlsx`` bytes of the openpyxl ``workbook``, the same for the same content."""
    stamp = fixed_stamp()
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    text_stamp = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == _CORE:  # openpyxl stamps "modified" with the time of saving
                data = _STAMP_ELEMENT.sub(lambda m: m.group(1) + text_stamp + m.group(3), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    return out.getvalue()
