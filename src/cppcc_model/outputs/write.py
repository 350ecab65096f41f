"""Writing a report: the format follows the file's extension, and a file is written whole.

``write_report(report, format, output)`` renders ``report`` once in ``format`` and writes it to
``output`` (or returns the text for the terminal). The format may be left out: it then follows
the extension of ``output`` (``.xlsx``, ``.html``, ``.csv``, ``.json``, ``.md``, anything else
a text table). A format that contradicts the extension (``-f table -o 得分.xlsx``) is refused,
so a text table never lands under an ``.xlsx`` name. Files are written to a temporary file
beside the target and moved into place, so a failed write never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from cppcc_model.errors import Location
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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it into place.

    Raises:
        OutputError: when the directory does not exist or the file cannot be written.

    """
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent or Path(".")
        )
        os.close(handle)
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror or error}",
            where=Location(file=os.fspath(path)),
            hint="check the directory exists and can be written to",
        ) from None
    try:
        os.chmod(temporary, 0o666 & ~_umask())
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror or error}",
            where=Location(file=os.fspath(path)),
            hint="check the directory exists and the file is not open in Excel",
        ) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def write_report(
    report: Report,
    format: str | None,
    output: str | os.PathLike[str] | None,
    *,
    width: int | None = None,
) -> str | None:
    """Write ``report`` to ``output`` in ``format``; return the text for stdout when no file.

    ``width`` folds wide text tables to a terminal's columns (see
    :func:`~cppcc_model.outputs.text.render_text`); files are never folded.

    Raises:
        OutputError: a workbook or HTML report without ``output``, a format the extension
            contradicts, or a file that cannot be written.

    """
    chosen = format_for(format, output)
    if chosen == "xlsx":
        from cppcc_model.outputs.xlsx import workbook

        book = workbook(report)
        write_atomically(Path(str(output)), lambda path: book.save(path))
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
