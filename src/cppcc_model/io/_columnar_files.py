"""Finding a CSV dataset directory's table files for the columnar loader.

The columnar loader reads a table's CSV file only when the directory holds it once, as a
regular file inside the directory; anything else (a workbook, which could hold any table, a
table held twice, a link leading out) is left to the row loader, which reports it.
"""

from __future__ import annotations

from pathlib import Path

from cppcc_model.io._tables_schema import table_named

__all__ = ["table_files"]

_IGNORED_PREFIXES = (".", "~$", "#")
"""Entries the row loader passes over too: hidden files, Excel's lock files, notes."""


def table_files(directory: Path, names: frozenset[str]) -> dict[str, Path | None] | None:
    """The CSV file of each table named in ``names`` (``None``: no file, an empty table).

    ``None`` when the directory cannot be listed, holds a workbook (which could hold any
    table), or holds one of the tables twice: those cases are the row loader's.
    """
    found: dict[str, list[Path]] = {name: [] for name in names}
    try:
        entries = list(directory.iterdir())
    except OSError:
        return None
    for entry in entries:
        name = entry.name
        if name.startswith(_IGNORED_PREFIXES):
            continue
        stem, _, suffix = name.rpartition(".")
        suffix = suffix.lower()
        if suffix == "xlsx":
            return None
        if suffix != "csv":
            continue
        table = table_named(stem)
        if table is not None and table.name in found:
            found[table.name].append(entry)
    files: dict[str, Path | None] = {}
    root = directory.resolve()
    for name, paths in found.items():
        if len(paths) > 1:
            return None
        if not paths:
            files[name] = None
            continue
        path = paths[0]
        try:
            inside = path.resolve().is_relative_to(root)
        except (OSError, RuntimeError):
            return None
        if not inside or path.is_symlink() or not path.is_file():
            return None
        files[name] = path
    return files
