"""Whole-column checks shared by the record tables read as columns.

The row loader checks a record table row by row: ids used once, references to records that
exist, a body named by both its kind and its id, the steps of a history in date order. Here each
of those is one expression or one join over the table's frame. They only *detect*: every check
answers "is all of it as the row loader accepts it?", and any ``False`` sends the dataset to the
row loader, which names each problem at its row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from cppcc_model.ledger import Ledger
from cppcc_model.model import BodyKind, Committee

if TYPE_CHECKING:
    import polars as pl

__all__ = ["Known", "all_known", "body_ok", "in_order", "list_known", "unique"]

_FREE_BODIES = frozenset({BodyKind.OFFICE.value, BodyKind.EXTERNAL.value})
"""Body kinds whose id is a free name, not a record of the ledger."""


@attrs.frozen
class Known:
    """What the records of the tables read as columns may refer to: the rest of the ledger."""

    committee: Committee
    members: pl.Series  # every member id once, sorted (a member's code is its position)
    sessions: frozenset[str]
    activities: frozenset[str] | pl.Series
    bodies: pl.DataFrame  # kind (a BodyKind value), id: every body a record may name

    @classmethod
    def of(cls, ledger: Ledger, activities: pl.Series | None = None) -> Known:
        """The records of ``ledger`` the record tables may refer to.

        ``activities``: the activity ids, when the ledger's activities are not built yet.
        The member ids are taken once, as one sorted column, which every check of a member
        reference and the roll calls' codes read.
        """
        import polars as pl

        pairs = [(BodyKind.COMMITTEE.value, ledger.committee.id)]
        pairs += [(BodyKind.UNIT.value, u.id) for u in ledger.units]
        pairs += [(BodyKind.SPECIAL_COMMITTEE.value, c.id) for c in ledger.special_committees]
        pairs += [(BodyKind.ACTIVITY_GROUP.value, g.id) for g in ledger.activity_groups]
        pairs += [(BodyKind.SECTOR.value, s.id) for s in ledger.sectors]
        return cls(
            committee=ledger.committee,
            members=pl.Series([m.id for m in ledger.members], dtype=pl.String).unique().sort(),
            sessions=frozenset(s.id for s in ledger.sessions),
            activities=(
                frozenset(a.id for a in ledger.activities) if activities is None else activities
            ),
            bodies=pl.DataFrame(
                {"kind": [k for k, _ in pairs], "id": [i for _, i in pairs]},
                schema={"kind": pl.String, "id": pl.String},
            ),
        )


def unique(frame: pl.DataFrame, column: str = "id") -> bool:
    """Whether every value of ``column`` is there once."""
    return bool(frame[column].n_unique() == frame.height)


def all_known(frame: pl.DataFrame, column: str, known: frozenset[str] | pl.Series) -> bool:
    """Whether every (non-null) value of ``column`` is in ``known``."""
    import polars as pl

    values = frame[column].drop_nulls().unique()
    allowed = known if isinstance(known, pl.Series) else pl.Series(list(known), dtype=pl.String)
    return bool(values.is_in(allowed.implode()).all()) if values.len() else True


def list_known(frame: pl.DataFrame, column: str, known: frozenset[str] | pl.Series) -> bool:
    """Whether every id of every list of ``column`` is in ``known``."""
    import polars as pl

    ids = frame.select(pl.col(column).explode().drop_nulls().unique())
    return all_known(ids, column, known)


def body_ok(frame: pl.DataFrame, prefix: str, known: Known) -> bool:
    """Whether each ``<prefix>_kind``/``<prefix>_id`` pair is given whole and names a body.

    Both empty is no body; one without the other is a problem; an internal kind must name a
    record of its table (an office or external body is a free name).
    """
    import polars as pl

    kind, body_id = pl.col(f"{prefix}_kind"), pl.col(f"{prefix}_id")
    if frame.select((kind.is_null() != body_id.is_null()).any()).item():
        return False
    named = (
        frame.select(kind.alias("kind"), body_id.alias("id"))
        .filter(pl.col("kind").is_not_null() & ~pl.col("kind").is_in(list(_FREE_BODIES)))
        .unique()
    )
    return named.join(known.bodies, on=["kind", "id"], how="anti").height == 0


def in_order(events: pl.DataFrame, parent: str, starts: pl.DataFrame) -> bool:
    """Whether each record's steps are dated in row order, none before its submission.

    ``events`` has ``parent`` (the record's id) and ``on``, in file order; ``starts`` has ``id``
    (each once) and ``submitted_on`` for every record. A step naming no record of ``starts`` is
    not in order either (the callers refuse it first, as an unknown record).
    """
    import polars as pl

    if events.height == 0:
        return True
    index = starts.select("id", "submitted_on", pl.int_range(pl.len(), dtype=pl.Int32).alias("ri"))
    # each record's steps brought together by a stable sort on its index, in file order: the
    # step before a step of the same record is then the row above (cheaper than a window)
    dated = (
        events.select(pl.col(parent).alias("id"), "on")
        .join(index, on="id", how="left", maintain_order="left")
        .sort("ri", maintain_order=True)
    )
    same = pl.col("ri") == pl.col("ri").shift(1)
    bad = dated.select(
        pl.col("ri").is_null().any()
        | (
            (pl.col("on") < pl.col("submitted_on"))
            | (same & (pl.col("on") < pl.col("on").shift(1)))
        )
        .fill_null(False)
        .any()
    ).item()
    return not bad
