"""Contributions (``contributions``) checked whole as columns.

:func:`place_contributions` holds the table, read by
:func:`~cppcc_model.io._columnar_read.read_table`, to every rule the row loader and the
:class:`~cppcc_model.model.Contribution` class apply: ids used once; authors listed once each
and on the roster; the authoring body known, its kind and id given together; at least one
author or a body; a length in characters a whole number from 1 to the largest a record holds;
an amount exact and within the bounds of an exact figure. It gives ``None`` at the first thing
that is not so (the row loader then reports it, located). :func:`build_contributions` builds
the objects, equal to the row loader's, when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cppcc_model.errors import CppccError
from cppcc_model.io._columnar_checks import Known, body_ok, list_known, unique
from cppcc_model.io._columnar_read import TableRead
from cppcc_model.model import BodyKind, BodyRef, Contribution, ContributionKind, Level
from cppcc_model.model._checks import MAX_WHOLE
from cppcc_model.numbers import exact

if TYPE_CHECKING:
    import polars as pl

__all__ = ["CONTRIBUTION_TABLES", "build_contributions", "place_contributions"]

CONTRIBUTION_TABLES = ("contributions",)
"""The tables of the contributions family."""


def _authored(frame: pl.DataFrame) -> bool:
    import polars as pl

    none = (pl.col("author_ids").list.len().fill_null(0) == 0) & pl.col("body_kind").is_null()
    return not frame.select(none.any()).item()


def _amounts_ok(amounts: dict[str, Any]) -> bool:
    """Whether every amount is one :class:`~cppcc_model.model.Contribution` takes."""
    for value in amounts.values():
        if value is None:
            continue
        if isinstance(value, float):
            return False
        try:
            exact(value, what="Contribution.amount")
        except (CppccError, TypeError, ValueError):
            return False
    return True


def place_contributions(contributions: TableRead, known: Known) -> TableRead | None:
    """The contributions, when the row loader would accept them as they are; else ``None``."""
    import polars as pl

    frame = contributions.frame
    length = pl.col("length_chars")
    if not (
        unique(frame)
        and list_known(frame, "author_ids", known.members)
        and body_ok(frame, "body", known)
        and _authored(frame)
        and not frame.select(((length < 1) | (length > MAX_WHOLE)).fill_null(False).any()).item()
        and _amounts_ok(contributions.objects["amount"])
    ):
        return None
    return contributions


_KINDS = {kind.value: kind for kind in ContributionKind}
_LEVELS = {level.value: level for level in Level}
_BODIES = {kind.value: kind for kind in BodyKind}


def build_contributions(contributions: TableRead) -> tuple[Contribution, ...]:
    """The contributions, as the row loader builds them."""
    amounts = contributions.objects["amount"]
    built = []
    for (
        contribution_id,
        kind,
        title,
        on,
        author_ids,
        body_kind,
        body_id,
        level,
        length_chars,
        note,
        amount,
        reported_on,
    ) in contributions.frame.iter_rows():
        given: dict[str, Any] = {
            "id": contribution_id,
            "kind": _KINDS[kind],
            "title": title,
            "on": on,
        }
        if author_ids is not None:
            given["author_ids"] = author_ids
        if body_kind is not None:
            given["body"] = BodyRef(kind=_BODIES[body_kind], id=body_id)
        if level is not None:
            given["level"] = _LEVELS[level]
        if length_chars is not None:
            given["length_chars"] = length_chars
        if note is not None:
            given["note"] = note
        if amount is not None:
            given["amount"] = amounts[amount]
        if reported_on is not None:
            given["reported_on"] = reported_on
        built.append(Contribution(**given))
    return tuple(built)
