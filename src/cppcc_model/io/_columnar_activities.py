"""Activities (``activities``) read as columns and built straight from them.

The roll calls, the engine and the 社情民意 items' source activities all need the activities as
objects, so they are built at once — but from the frame, without the row loader's typed rows:
:func:`build_activities` checks what the row loader checks across rows (ids used once, the
session and the organiser known, the organiser's kind and id given together) as column
operations, then calls :class:`~cppcc_model.model.Activity` with each row's values, exactly as
the row loader does; the class checks the rest (its dates, its length). Anything refused gives
``None``, and the row loader then reports it, located.
"""

from __future__ import annotations

from typing import Any

from cppcc_model.errors import CppccError
from cppcc_model.io._columnar_checks import Known, all_known, body_ok, unique
from cppcc_model.io._columnar_read import TableRead
from cppcc_model.model import Activity, ActivityKind, BodyKind, BodyRef

__all__ = ["ACTIVITY_TABLES", "build_activities"]

ACTIVITY_TABLES = ("activities",)
"""The tables of the activities family (their roll calls are read on their own)."""

_KINDS = {kind.value: kind for kind in ActivityKind}
_BODIES = {kind.value: kind for kind in BodyKind}


def build_activities(activities: TableRead, known: Known) -> tuple[Activity, ...] | None:
    """The activities (without roll calls) as the row loader builds them, or ``None``."""
    frame = activities.frame
    if not (
        unique(frame)
        and all_known(frame, "session_id", known.sessions)
        and body_ok(frame, "organiser", known)
    ):
        return None
    built = []
    try:
        for (
            activity_id,
            kind,
            title,
            start,
            end,
            half_days,
            organiser_kind,
            organiser_id,
            session_id,
        ) in frame.iter_rows():
            given: dict[str, Any] = {
                "id": activity_id,
                "kind": _KINDS[kind],
                "title": title,
                "start": start,
            }
            if end is not None:
                given["end"] = end
            if half_days is not None:
                given["half_days"] = half_days
            if organiser_kind is not None:
                given["organiser"] = BodyRef(kind=_BODIES[organiser_kind], id=organiser_id)
            if session_id is not None:
                given["session_id"] = session_id
            built.append(Activity(**given))
    except (CppccError, TypeError, ValueError):
        return None
    return tuple(built)
