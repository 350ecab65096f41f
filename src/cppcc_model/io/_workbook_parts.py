"""Checking a workbook's sheet parts before openpyxl reads it, so no sheet is lost unseen.

openpyxl skips a sheet whose part is missing from the archive, and reads a damaged part only
when its rows are asked for. This module reads the package's own map — the workbook part
named by ``_rels/.rels``, its ``<sheets>`` and their relationships — and reports, for every
sheet:

* a relationship that is missing, external (``TargetMode="External"``) or that points outside
  the archive (``../../etc/passwd``);
* a part the relationship names that is not in the archive;
* a part that cannot be read back whole (a bad checksum, a truncated stream).

Nothing outside the archive is opened: targets are resolved as names inside the zip only.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from xml.etree import ElementTree

import attrs

from cppcc_model.errors import Location, Problem

__all__ = ["SheetPart", "sheet_part_problems"]

_PACKAGE_RELS = "_rels/.rels"
_OFFICE_DOCUMENT = "/officeDocument"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HINT = "open the workbook in Excel or LibreOffice and save it again as .xlsx"
_CHUNK = 1 << 20


@attrs.frozen
class SheetPart:
    """A sheet the workbook lists, and the problem with its part (``None`` when it reads)."""

    name: str
    problem: Problem | None


def _relationships(archive: zipfile.ZipFile, name: str) -> dict[str, tuple[str, str]]:
    """Id → (target, target mode) of the relationships part ``name``."""
    root = ElementTree.fromstring(archive.read(name))
    found: dict[str, tuple[str, str]] = {}
    for rel in root.iter(f"{_REL_NS}Relationship"):
        found[rel.get("Id", "")] = (rel.get("Target", ""), rel.get("TargetMode", "Internal"))
    return found


def _resolve(base: str, target: str) -> str | None:
    """The archive name ``target`` means, read from the part ``base``; ``None`` if outside."""
    if "://" in target or target.startswith("\\"):
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    normal = posixpath.normpath(joined)
    if normal.startswith("../") or normal == ".." or posixpath.isabs(normal):
        return None
    return normal


def _readable(archive: zipfile.ZipFile, name: str) -> str | None:
    """Why the part ``name`` cannot be read whole, or ``None``."""
    try:
        with archive.open(name) as stream:
            while stream.read(_CHUNK):
                pass
    # NotImplementedError: an unknown compression method, zip version or flag; RuntimeError:
    # a part marked encrypted — a damaged header byte gives either
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        return str(exc) or type(exc).__name__
    return None


def _workbook_part(archive: zipfile.ZipFile) -> str | None:
    for target, _ in _relationships(archive, _PACKAGE_RELS).values():
        resolved = _resolve("", target)
        if resolved is not None and resolved in archive.NameToInfo:
            return resolved
    return None


def sheet_part_problems(archive: zipfile.ZipFile, file: str) -> list[SheetPart]:
    """Every sheet the workbook lists, each with the problem of its part, if any.

    An archive whose map itself cannot be read gives an empty list: openpyxl then reports the
    workbook as unreadable, which is a problem of its own.
    """
    names = archive.NameToInfo
    if _PACKAGE_RELS not in names:
        return []
    try:
        workbook = _workbook_part(archive)
        if workbook is None:
            return []
        root = ElementTree.fromstring(archive.read(workbook))
        directory = posixpath.dirname(workbook)
        rels_name = posixpath.join(directory, "_rels", posixpath.basename(workbook) + ".rels")
        relationships = _relationships(archive, rels_name) if rels_name in names else {}
    except (ElementTree.ParseError, KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError):
        return []
    sheets: list[SheetPart] = []
    for sheet in root.iter(f"{_MAIN_NS}sheet"):
        title = sheet.get("name", "")
        where = Location(file=file, sheet=title)
        rel_id = sheet.get(f"{_DOC_REL_NS}id", "")
        problem: Problem | None = None
        if rel_id not in relationships:
            problem = Problem(
                f"the sheet {title!r} has no relationship {rel_id!r} to its part",
                where,
                _HINT,
            )
        else:
            target, mode = relationships[rel_id]
            resolved = None if mode == "External" else _resolve(directory, target)
            if resolved is None:
                problem = Problem(
                    f"the sheet {title!r} points outside the workbook ({target!r}); its rows "
                    "were not read",
                    where,
                    _HINT,
                )
            elif resolved not in names:
                problem = Problem(
                    f"the sheet {title!r} is damaged: its part {resolved!r} is missing from "
                    "the workbook",
                    where,
                    _HINT,
                )
            else:
                reason = _readable(archive, resolved)
                if reason is not None:
                    problem = Problem(
                        f"the sheet {title!r} is damaged: its part {resolved!r} cannot be "
                        f"read ({reason})",
                        where,
                        _HINT,
                    )
        sheets.append(SheetPart(title, problem))
    return sheets
