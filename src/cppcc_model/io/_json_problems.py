"""Turn the errors of structuring a JSON ledger into located :class:`Problem` s.

cattrs gathers the errors of one object in a ``ClassValidationError`` and those of one list in
an ``IterableValidationError``; each gathered error carries a note saying which attribute or
index it belongs to. This module walks those exception groups, builds a JSON path
(``$.members[3].name``) for every leaf error, and finds the record the path lies in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from cppcc_model.errors import CppccError, IntegrityError, Location, Problem, ProblemsError

__all__ = ["JsonPath", "format_path", "problems_from", "record_id_at", "record_paths"]

JsonPath = tuple[str | int, ...]
"""A path into a JSON document: object keys and list indices, from the top."""

_RECORD_LISTS = (
    "terms",
    "sessions",
    "sectors",
    "units",
    "special_committees",
    "activity_groups",
    "members",
    "activities",
    "proposals",
    "info_reports",
    "contributions",
    "work_plans",
    "award_records",
)


def format_path(path: JsonPath) -> str:
    """``$.members[3].name`` for ``("members", 3, "name")``."""
    parts = ["$"]
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part.isidentifier():
            parts.append(f".{part}")
        else:
            parts.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(parts)


def _record_id(record: object) -> str | None:
    if not isinstance(record, Mapping):
        return None
    record_id = record.get("id")
    if isinstance(record_id, str):
        return record_id
    term, number = record.get("term"), record.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        if isinstance(term, int) and not isinstance(term, bool):
            return f"{term}-{number}"  # a session
        return str(number)  # a term
    return None


def record_id_at(data: object, path: JsonPath) -> str | None:
    """The id of the top-level record ``path`` lies in (``members[3]`` → that member's id)."""
    if not isinstance(data, Mapping) or not path:
        return None
    if path[0] == "committee":
        return _record_id(data.get("committee"))
    if len(path) < 2 or path[0] not in _RECORD_LISTS or not isinstance(path[1], int):
        return None
    records = data.get(path[0])
    if not isinstance(records, Sequence) or isinstance(records, str):
        return None
    if not 0 <= path[1] < len(records):
        return None
    return _record_id(records[path[1]])


def record_paths(data: Mapping[str, Any]) -> dict[str, JsonPath | None]:
    """Each record id of the document and its path, or ``None`` where several records share it."""
    found: dict[str, JsonPath | None] = {}
    committee_id = _record_id(data.get("committee"))
    if committee_id is not None:
        found[committee_id] = ("committee",)
    for name in _RECORD_LISTS:
        records = data.get(name)
        if not isinstance(records, list | tuple):
            continue
        for index, record in enumerate(records):
            record_id = _record_id(record)
            if record_id is not None:
                found[record_id] = None if record_id in found else (name, index)
    return found


def _note(exc: BaseException, kind: type) -> Any:
    for note in getattr(exc, "__notes__", ()):
        if note.__class__ is kind:
            return note
    return None


def _leaf(exc: BaseException, path: JsonPath, data: object, source: str | None) -> Problem:
    where = Location(file=source, path=format_path(path), record_id=record_id_at(data, path))
    if isinstance(exc, CppccError):
        own = exc.where.record_id if exc.where is not None else None
        if where.record_id is None and own is not None:
            where = Location(file=source, path=where.path, record_id=own)
        return Problem(exc.message, where, exc.hint)
    if isinstance(exc, KeyError):
        return Problem(
            "this required field is missing",
            where,
            "add it; docs/reference/json-format.md lists the fields of every record",
        )
    return Problem(str(exc) or type(exc).__name__, where)


def problems_from(
    exc: BaseException, data: object, *, source: str | None, path: JsonPath = ()
) -> Iterator[Problem]:
    """Every problem inside ``exc``, raised while structuring ``data`` at ``path``."""
    if isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            note = _note(sub, AttributeValidationNote)
            sub_path = (*path, note.name) if note is not None else path
            yield from problems_from(sub, data, source=source, path=sub_path)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            note = _note(sub, IterableValidationNote)
            sub_path = (*path, note.index) if note is not None else path
            yield from problems_from(sub, data, source=source, path=sub_path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            key_path = (*path, key)
            yield Problem(
                f"unknown key {key!r} in a {exc.cl.__name__}",
                Location(
                    file=source, path=format_path(key_path), record_id=record_id_at(data, key_path)
                ),
                "remove it or correct its spelling; docs/reference/json-format.md lists the keys",
            )
    elif isinstance(exc, IntegrityError):
        yield from _integrity_problems(exc, data, source)
    elif isinstance(exc, ProblemsError):
        for problem in exc.problems:
            yield attrs_evolve_where(problem, Location(file=source, path=format_path(path)))
    elif isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            yield from problems_from(member, data, source=source, path=path)
    else:
        yield _leaf(exc, path, data, source)


def attrs_evolve_where(problem: Problem, where: Location) -> Problem:
    """``problem`` with ``where`` filling the coordinates its location leaves empty."""
    return Problem(problem.message, where.merged(problem.where), problem.hint)


def _integrity_problems(exc: IntegrityError, data: object, source: str | None) -> Iterator[Problem]:
    paths = record_paths(data) if isinstance(data, Mapping) else {}
    for problem in exc.problems:
        record_id = problem.where.record_id
        path = paths.get(record_id) if record_id is not None else None
        where = Location(file=source, path=format_path(path) if path is not None else None)
        yield attrs_evolve_where(problem, where)
