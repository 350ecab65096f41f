"""社情民意 items and their histories (``info_reports``, ``info_events``) checked whole.

:func:`place_info_reports` holds the two tables, read by
:func:`~cppcc_model.io._columnar_read.read_table`, to every rule the row loader and the
:class:`~cppcc_model.model.InfoReport` and :class:`~cppcc_model.model.InfoEvent` classes apply:

* ids used once; authors listed once each and on the roster; the authoring body known, its kind
  and id given together; at least one author or a body; the source activity known;
* every event names a known item, and each item's events are dated in row order, none before
  the submission; the items an issue combined are listed once each and known; a 转报, 采用 or
  批示 names its level.

It gives ``None`` at the first thing that is not so (the row loader then reports it, located).
:func:`build_info_reports` builds the objects, equal to the row loader's, when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.io._columnar_checks import Known, all_known, body_ok, in_order, list_known, unique
from cppcc_model.io._columnar_read import TableRead, histories
from cppcc_model.io._tables_schema import INFO_EVENT_FIELDS
from cppcc_model.model import BodyKind, BodyRef, InfoEvent, InfoReport, InfoStep, Level

if TYPE_CHECKING:
    import polars as pl

__all__ = ["INFO_TABLES", "InfoTables", "build_info_reports", "place_info_reports"]

INFO_TABLES = ("info_reports", "info_events")
"""The tables of the 社情民意 family."""

_NEEDS_LEVEL = [InfoStep.FORWARDED.value, InfoStep.ADOPTED.value, InfoStep.INSTRUCTED.value]


@attrs.frozen
class InfoTables:
    """The 社情民意 items and their events, checked, in file order."""

    reports: TableRead
    events: TableRead


def _authored(frame: pl.DataFrame) -> bool:
    """Whether every record has an author or a body."""
    import polars as pl

    none = (pl.col("author_ids").list.len().fill_null(0) == 0) & pl.col("body_kind").is_null()
    return not frame.select(none.any()).item()


def place_info_reports(reports: TableRead, events: TableRead, known: Known) -> InfoTables | None:
    """The 社情民意 tables, when the row loader would accept them as they are; else ``None``."""
    import polars as pl

    frame, history = reports.frame, events.frame
    ids = frame["id"]
    level_missing = pl.col("step").is_in(_NEEDS_LEVEL) & pl.col("level").is_null()
    if not (
        unique(frame)
        and list_known(frame, "author_ids", known.members)
        and all_known(frame, "activity_id", known.activities)
        and body_ok(frame, "body", known)
        and _authored(frame)
        and all_known(history, "report_id", ids)
        and in_order(history, "report_id", frame)
        and list_known(history, "combined_with", ids)
        and not history.select(level_missing.any()).item()
    ):
        return None
    return InfoTables(reports, events)


_STEPS = {step.value: step for step in InfoStep}
_LEVELS = {level.value: level for level in Level}
_BODIES = {kind.value: kind for kind in BodyKind}


def build_info_reports(tables: InfoTables) -> tuple[InfoReport, ...]:
    """The 社情民意 items with their histories, as the row loader builds them."""
    lookups: dict[str, Mapping[Any, Any]] = {"step": _STEPS, "level": _LEVELS}
    steps = histories(tables.events, "report_id", INFO_EVENT_FIELDS, InfoEvent, lookups)
    built = []
    for (
        report_id,
        title,
        submitted_on,
        author_ids,
        body_kind,
        body_id,
        activity_id,
    ) in tables.reports.frame.iter_rows():
        given = {
            "id": report_id,
            "title": title,
            "submitted_on": submitted_on,
            "history": steps.get(report_id, []),
        }
        if author_ids is not None:
            given["author_ids"] = author_ids
        if body_kind is not None:
            given["body"] = BodyRef(kind=_BODIES[body_kind], id=body_id)
        if activity_id is not None:
            given["activity_id"] = activity_id
        built.append(InfoReport(**given))
    return tuple(built)
