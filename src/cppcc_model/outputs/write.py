"""Writing a report: the format follows the file's extension, and a file is written whole.

``write_report(report, format, output)`` renders ``report`` once in ``format`` and writes it to
``output`` (or returns the text for the terminal). The format may be left out: it then follows
the extension of ``output`` (``.xlsx``, ``.html``, ``.csv``, ``.json``, ``.md``, anything else
a text table). A format that contradicts the extension (``-f table -o 得分.xlsx``) is refused,
so a text table never lands under an ``.xlsx`` name. Files are written by
:mod:`cppcc_model.io.atomic` (a temporary file beside the target, synced, then renamed over
it), so a failed or interrupted write never leaves half a file, and an output that is the
input dataset, inside it, or the rule file is refused.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from cppcc_model.errors import Location
from cppcc_model.io.atomic import atomic_path, check_output_path
from cppcc_model.outputs.tables import OutputError, Report
from cppcc_model.outputs.text import render_text

__all__ = ["EXTENSIONS", "FORMATS", "format_for", "write_atomically", "write_report"]

FORMATS = ("table", "json", "csv", "xlsx", "md", "html")
"""The output formats, in the order ``--format`` lists them."""

EXTENSIONS = {
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "table",
}
"""The format each file extension stands for."""


def format_for(format: str | None, output: str | os.PathLike[str] | None) -> str:
    """The format to write: ``format`` if given, else the one ``output``'s extension names.

    Raises:
        OutputError: when ``format`` and the extension disagree, or a workbook or HTML report
            has no file to go to.

    """
    implied = EXTENSIONS.get(Path(output).suffix.lower()) if output is not None else None
    if format is not None and format not in FORMATS:
        raise OutputError(
            f"unknown output format {format!r}", hint=f"use one of: {', '.join(FORMATS)}"
        )
    if format is not None and implied is not None and format != implied:
        raise OutputError(
            f"--format {format} does not match the file name {Path(str(output)).name}, "
            f"which is {implied}",
            where=Location(file=os.fspath(str(output))),
            hint=f"drop --format (the extension decides), or name the file …{_extension(format)}",
        )
    chosen = format or implied or "table"
    if chosen in ("xlsx", "html") and output is None:
        what = "an Excel workbook" if chosen == "xlsx" else "an HTML report"
        raise OutputError(
            f"{what} cannot be written to the terminal",
            hint=f"add --output FILE{_extension(chosen)}",
        )
    return chosen


def _extension(format: str) -> str:
    for extension, named in EXTENSIONS.items():
        if named == format:
            return extension
    return ".txt"


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it into place.

    The file is synced and renamed over ``path`` in one step
    (:func:`cppcc_model.io.atomic.atomic_path`): a failed or interrupted write leaves the
    previous file as it was.

    Raises:
        OutputError: when the directory does not exist or the file cannot be written.

    """
    try:
        with atomic_path(path) as temporary:
            write(temporary)
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror or error}",
            where=Location(file=os.fspath(path)),
            hint="check the directory exists and the file is not open in another program",
        ) from None


def write_report(
    report: Report,
    format: str | None,
    output: str | os.PathLike[str] | None,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    width: int | None = None,
) -> str | None:
    """Write ``report`` to ``output`` in ``format``; return the text for stdout when no file.

    ``inputs`` are the files and directories the report was made from (the dataset, a rule
    file): ``output`` may be none of them and may not lie inside them. A workbook is
    byte-identical for identical reports (:func:`cppcc_model.io.safe_xlsx.workbook_bytes`).
    ``width`` folds wide text tables to a terminal's columns (see
    :func:`~cppcc_model.outputs.text.render_text`); files are never folded.

    Raises:
        OutputError: a workbook or HTML report without ``output``, a format the extension
            contradicts, an output that is an input, text too long for a worksheet cell, or a
            file that cannot be written.

    """
    if output is not None:  # first: overwriting the input is the gravest mistake
        check_output_path(output, inputs)
    chosen = format_for(format, output)
    if chosen == "xlsx":
        from cppcc_model.io.safe_xlsx import workbook_bytes
        from cppcc_model.outputs.xlsx import workbook

        target = Path(str(output))
        try:
            data = workbook_bytes(workbook(report))
        except OutputError as error:
            raise error.located(Location(file=os.fspath(target))) from None

        def write_book(path: Path) -> None:
            path.write_bytes(data)

        write_atomically(target, write_book)
        return None
    if chosen == "html":
        from cppcc_model.outputs.html import render_html

        text: str = render_html(report)
    else:
        text = render_text(report, chosen, width=width if output is None else None)
    if output is None:
        return text
    encoding = "utf-8-sig" if chosen == "csv" else "utf-8"

    def write_text(path: Path) -> None:
        path.write_text(text, encoding=encoding)

    write_atomically(Path(output), write_text)
    return None
