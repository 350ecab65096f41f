"""A whole :class:`~cppcc_model.ledger.Ledger` as JSON, and back.

The format is described field by field in ``docs/reference/json-format.md``. In short::

    {"format": "cppcc-ledger", "version": 1, "committee": {...}, "members": [...], ...}

* one key per ledger field; fields equal to their default (empty lists, ``null``, the default
  attendance status …) are left out when writing and may be left out when reading;
* enumerations are written as their English id (``"excused"``) and read from the id, the name
  (``"EXCUSED"``) or the Chinese label, simplified or traditional (``"请假"``, ``"請假"``);
* dates are ``"YYYY-MM-DD"`` strings; whole numbers are JSON integers (not ``true``, not ``2.0``);
* unknown keys are an error.

Output is deterministic (sorted keys, two-space indent, UTF-8 text, no ASCII escapes), and
``loads(dumps(ledger)) == ledger`` for every ledger. Loading is all or nothing: any problem —
bad syntax, a wrong type, a missing field, an invalid value, an unknown label, records that do
not fit together — raises one :class:`~cppcc_model.errors.DatasetError` listing every problem
found, each located by file, JSON path (``$.members[3].name``) and record id.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from cppcc_model.errors import DatasetError, Location, Problem
from cppcc_model.io._json_converter import describe, make_converter
from cppcc_model.io._json_problems import JsonPath, format_path, problems_from
from cppcc_model.io.atomic import atomic_write_text
from cppcc_model.ledger import Ledger

__all__ = [
    "FORMAT",
    "VERSION",
    "dump",
    "dumps",
    "ledger_from_dict",
    "ledger_to_dict",
    "load",
    "loads",
]

FORMAT = "cppcc-ledger"
"""The value of the top-level ``"format"`` key."""

VERSION = 1
"""The version of the format this library writes and reads."""

_HINT = "fix the problems listed; nothing was loaded"


def ledger_to_dict(ledger: Ledger) -> dict[str, Any]:
    """The JSON form of ``ledger`` as plain dicts, lists, strings, integers and booleans."""
    body: dict[str, Any] = make_converter().unstructure(ledger, Ledger)
    return {"format": FORMAT, "version": VERSION, **body}


def _header_problems(data: Mapping[str, Any], source: str | None) -> list[Problem]:
    problems: list[Problem] = []
    fmt = data.get("format")
    if fmt != FORMAT:
        problems.append(
            Problem(
                "the format key is missing"
                if "format" not in data
                else f"the format is {describe(fmt)}, not {FORMAT!r}",
                Location(file=source, path="$.format"),
                f'start the document with "format": "{FORMAT}"',
            )
        )
    version = data.get("version")
    if "version" not in data:
        problems.append(
            Problem(
                "the version key is missing",
                Location(file=source, path="$.version"),
                f'add "version": {VERSION}',
            )
        )
    elif isinstance(version, bool) or not isinstance(version, int):
        problems.append(
            Problem(
                f"the version must be a whole number, got {describe(version)}",
                Location(file=source, path="$.version"),
                f'write "version": {VERSION}',
            )
        )
    elif version != VERSION:
        problems.append(
            Problem(
                f"version {version} of the format is not one this library reads",
                Location(file=source, path="$.version"),
                f"this version of cppcc-model reads version {VERSION}; upgrade it or convert",
            )
        )
    return problems


def ledger_from_dict(data: object, *, source: str | None = None) -> Ledger:
    """Build a ledger from its JSON form (as :func:`ledger_to_dict` gives it).

    ``source`` names where the data came from (a file name) for the error messages.

    Raises:
        DatasetError: listing every problem found; nothing is loaded.

    """
    if not isinstance(data, Mapping):
        raise DatasetError(
            "cannot load the ledger",
            [
                Problem(
                    f"the document must be a JSON object, got {describe(data)}",
                    Location(file=source, path="$"),
                    f'write {{"format": "{FORMAT}", "version": {VERSION}, "committee": …}}',
                )
            ],
            hint=_HINT,
        )
    problems = _header_problems(data, source)
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    ledger: Ledger | None = None
    try:
        ledger = make_converter().structure(body, Ledger)
    except Exception as exc:  # every structuring error becomes a located problem
        problems.extend(problems_from(exc, body, source=source))
    if problems or ledger is None:
        raise DatasetError(_summary(source), problems, hint=_HINT)
    return ledger


def _summary(source: str | None) -> str:
    return f"cannot load the ledger from {source}" if source else "cannot load the ledger"


def dumps(ledger: Ledger) -> str:
    """The JSON text of ``ledger``: sorted keys, two-space indent, non-ASCII kept as is."""
    return json.dumps(ledger_to_dict(ledger), sort_keys=True, ensure_ascii=False, indent=2)


class _Object(dict[str, Any]):
    """A JSON object that remembers keys it saw more than once."""

    duplicates: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    repeated: list[str] = []
    for key, value in pairs:
        if key in result and key not in repeated:
            repeated.append(key)
        result[key] = value
    if repeated:
        result.duplicates = tuple(repeated)
    return result


def _duplicate_problems(value: object, path: JsonPath, source: str | None) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(value, _Object):
        problems.extend(
            Problem(
                f"the key {key!r} appears more than once in one object",
                Location(file=source, path=format_path(path)),
                "keep one of them; JSON readers silently keep only the last",
            )
            for key in value.duplicates
        )
        for key, item in value.items():
            problems.extend(_duplicate_problems(item, (*path, key), source))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            problems.extend(_duplicate_problems(item, (*path, index), source))
    return problems


def loads(text: str, *, source: str | None = None) -> Ledger:
    """Read a ledger from JSON text.

    Raises:
        DatasetError: for a syntax error (with its line and column) or any problem
            :func:`ledger_from_dict` finds; nothing is loaded.

    """
    try:
        data = json.loads(text, object_pairs_hook=_object_pairs)
    except json.JSONDecodeError as exc:
        raise DatasetError(
            _summary(source),
            [
                Problem(
                    f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                    Location(file=source, line=exc.lineno, column=str(exc.colno)),
                    "fix the syntax: a missing comma, quote or bracket is the usual cause",
                )
            ],
            hint=_HINT,
        ) from None
    except ValueError:  # Python's limit on the digits of an integer: no ledger holds such a number
        raise DatasetError(
            _summary(source),
            [
                Problem(
                    "a number in the file has more than 4,300 digits",
                    Location(file=source),
                    "correct the number; counts and ids of a ledger are short",
                )
            ],
            hint=_HINT,
        ) from None
    except (TypeError, RecursionError) as exc:
        raise DatasetError(
            _summary(source),
            [Problem(f"cannot read the text as JSON: {exc}", Location(file=source))],
            hint=_HINT,
        ) from None
    duplicates = _duplicate_problems(data, (), source)
    try:
        ledger = ledger_from_dict(data, source=source)
    except DatasetError as exc:
        raise DatasetError(exc.summary, [*duplicates, *exc.problems], hint=_HINT) from None
    if duplicates:
        raise DatasetError(_summary(source), duplicates, hint=_HINT)
    return ledger


def dump(ledger: Ledger, path: str | os.PathLike[str]) -> None:
    """Write ``ledger`` to the file ``path`` as UTF-8 JSON text ending with a newline.

    The file is replaced in one step (:mod:`cppcc_model.io.atomic`).
    """
    atomic_write_text(path, dumps(ledger) + "\n")


def load(path: str | os.PathLike[str]) -> Ledger:
    """Read a ledger from the JSON file ``path``.

    Raises:
        DatasetError: when the file cannot be read, is not UTF-8, or has any problem
            :func:`loads` finds; nothing is loaded.

    """
    source = os.fspath(path)
    try:
        with open(path, encoding="utf-8-sig") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(
            _summary(source),
            [
                Problem(
                    f"cannot read the file: {exc}",
                    Location(file=source),
                    "check the path and that the file is UTF-8 text",
                )
            ],
            hint=_HINT,
        ) from None
    return loads(text, source=source)
