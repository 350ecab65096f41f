"""Activities (``activities``) read as columns, checked whole, built only when asked for.

:func:`activities_ok` checks what the row loader checks across rows (ids used once, the session
and the organiser known, the organiser's kind and id given together) and what the
:class:`~cppcc_model.model.Activity` class checks on a row that the cells' reading does not (an
end not before the start), as column operations; the cells were read as the row loader reads
them (ids, a title, labels, dates, a positive length). The roll calls and the engine's columns
are then placed from the frame, and :func:`build_activities` builds the objects, calling
:class:`~cppcc_model.model.Activity` with each row's values exactly as the row loader does,
only when the ledger's ``activities`` are read. Anything refused gives ``False``, and the row
loader then reports it, located.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cppcc_model.io._columnar_checks import Known, all_known, body_ok, unique
from cppcc_model.io._columnar_read import TableRead
from cppcc_model.model import Activity, ActivityKind, BodyKind, BodyRef

if TYPE_CHECKING:
    import polars as pl

__all__ = ["ACTIVITY_TABLES", "activities_ok", "activity_rows", "build_activities"]

ACTIVITY_TABLES = ("activities",)
"""The tables of the activities family (their roll calls are read on their own)."""

_KINDS = {kind.value: kind for kind in ActivityKind}
_BODIES = {kind.value: kind for kind in BodyKind}


def activities_ok(activities: TableRead, known: Known) -> bool:
    """Whether the row loader would build every activity as it is."""
    import polars as pl

    frame = activities.frame
    return (
        unique(frame)
        and all_known(frame, "session_id", known.sessions)
        and body_ok(frame, "organiser", known)
        and not frame.select((pl.col("end") < pl.col("start")).fill_null(False).any()).item()
    )


def activity_rows(activities: tuple[Activity, ...]) -> pl.DataFrame:
    """The columns :func:`activities_ok` gives the engine, from activities built as objects."""
    import polars as pl

    return pl.DataFrame(
        {
            "id": [a.id for a in activities],
            "kind": [a.kind.value for a in activities],
            "start": [a.start for a in activities],
            "half_days": [a.half_days for a in activities],
            "organiser_kind": [
                None if a.organiser is None else a.organiser.kind.value for a in activities
            ],
        },
        schema={
            "id": pl.String,
            "kind": pl.String,
            "start": pl.Date,
            "half_days": pl.Int64,
            "organiser_kind": pl.String,
        },
    )


def build_activities(activities: TableRead) -> tuple[Activity, ...]:
    """The activities (without roll calls) as the row loader builds them.

    The frame passed :func:`activities_ok`, so every row builds.
    """
    built = []
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
    ) in activities.frame.iter_rows():
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
    return tuple(built)
