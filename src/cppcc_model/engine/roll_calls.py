"""② Roll calls given as columns: their credit rows built by joins, not one entry at a time.

A loader that reads the ``attendance`` table into a frame (the columnar CSV loader,
:mod:`cppcc_model.io._columnar_load`) hands it here with the ledger's activities (which carry no
roll calls of their own); :func:`columns_with_roll_calls` gives exactly the
:class:`~cppcc_model.engine.columns.Columns` that :func:`~cppcc_model.engine.columns.columns_of`
would build from the same ledger with its roll calls attached — same rows, same order, same
types — without an :class:`~cppcc_model.model.Attendance` object per entry.

The way back: the credits' attendance rows say of each entry its activity (``ri``), its place on
the roll call (``ai``), its member and its status; what they do not say is a role other than
参加 (participant) and whether the entry gave its own half days. :func:`given_entries` keeps
just those entries (few: a lead, a speaker, a partial attendance), and
:func:`roll_call_entries` builds every entry's :class:`~cppcc_model.model.Attendance` from the
credits and them, equal to the one read from the file, so the roll calls need not be kept a
second time after loading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cppcc_model.engine.columns import (
    CREDIT_SCHEMA,
    KIND_CODE,
    ORGANISER_CODE,
    SOURCE_CODE,
    STATUS_CODE,
    Coder,
    Columns,
    build,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model import Attendance, AttendanceStatus, ParticipationRole
from cppcc_model.rules.facts import Source

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "GIVEN_SCHEMA",
    "columns_with_roll_calls",
    "given_entries",
    "roll_call_credits",
    "roll_call_entries",
]


def roll_call_credits(
    ledger: Ledger,
    roll_calls: pl.DataFrame,
    coder: Coder | None = None,
    activities: pl.DataFrame | None = None,
    member_ids: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The credit rows of every roll-call entry in ``roll_calls``, in ledger order.

    Args:
        ledger: the ledger whose activities the entries belong to (their own roll calls are
            not read).
        roll_calls: ``ri`` (the activity's position in ``ledger.activities``), ``ai`` (the
            entry's position in its roll call), ``member_id`` (text, or an enum over the
            sorted member ids, whose codes are then the members' codes), ``status`` (an
            :class:`~cppcc_model.model.AttendanceStatus` value; null: present) and
            ``half_days`` (null: all or none), sorted by ``ri`` then ``ai``.
        coder: the codes of the whole ledger, when ``ledger`` lacks records the codes count
            (the record families loaded as columns); by default, ``ledger``'s own.
        activities: when the activities are not built as objects, one row per activity in
            ledger order with ``rid``, ``kind``, ``on``, ``total_units`` and ``org`` (the
            codes and values read from each activity below).
        member_ids: with ``activities``, the sorted member ids (a member's code: its
            position), in place of ``coder``.

    """
    import polars as pl

    if activities is None or member_ids is None:
        known = Coder.of(ledger) if coder is None else coder
        per_activity = _per_activity(ledger, known) if activities is None else activities
        codes = list(known.member_code) if member_ids is None else list(member_ids)
    else:
        per_activity, codes = activities, list(member_ids)
    per_activity = per_activity.select(
        pl.col("rid").cast(pl.Int32),
        pl.col("kind").cast(pl.Int8),
        pl.col("on").cast(pl.Date),
        pl.col("total_units").cast(pl.Int32),
        pl.col("org").cast(pl.Int8),
    )
    if roll_calls.schema["member_id"] == pl.Enum(codes):  # its codes are the members' codes
        roll_calls = roll_calls.with_columns(
            pl.col("member_id").to_physical().cast(pl.Int32).alias("m")
        )
    else:
        members = pl.DataFrame(
            {"member_id": codes, "m": range(len(codes))},
            schema={"member_id": pl.String, "m": pl.Int32},
        )
        roll_calls = roll_calls.with_columns(pl.col("member_id").cast(pl.String)).join(
            members, on="member_id", how="left", maintain_order="left"
        )
    status_code = {status.value: code for status, code in STATUS_CODE.items()}
    attended = [status.value for status in AttendanceStatus if status.attended]
    status = pl.col("status").fill_null(AttendanceStatus.PRESENT.value)
    types = {name: getattr(pl, kind) for name, kind in CREDIT_SCHEMA.items()}
    # an activity's row is at its position ``ri``: each entry takes its activity's values by
    # gathering them at ``ri``, which costs a fraction of a join on it
    at = roll_calls.get_column("ri")
    return (
        roll_calls.select("ri", "ai", "m", "status", "half_days")
        .with_columns(per_activity.get_column(name).gather(at) for name in per_activity.columns)
        .select(
            pl.col("m").cast(types["m"]),
            pl.lit(SOURCE_CODE[Source.ATTENDANCE], types["src"]).alias("src"),
            pl.col("ri").cast(types["ri"]),
            pl.col("ai").cast(types["ai"]),
            pl.col("rid").cast(types["rid"]),
            pl.col("kind").cast(types["kind"]),
            pl.col("on").cast(types["on"]),
            pl.lit(0, types["pos"]).alias("pos"),
            pl.lit(1, types["authors"]).alias("authors"),
            pl.lit(False, types["coll"]).alias("coll"),
            status.replace_strict(status_code, return_dtype=types["status"]).alias("status"),
            # Activity.half_days_attended: the entry's own half days, else all or none
            pl.when(pl.col("half_days").is_not_null())
            .then(pl.col("half_days"))
            .when(status.is_in(attended))
            .then(pl.col("total_units"))
            .otherwise(0)
            .cast(types["units"])
            .alias("units"),
            pl.col("total_units").cast(types["total_units"]),
            pl.col("org").cast(types["org"]),
            pl.lit(None, types["level"]).alias("level"),
        )
    )


def _per_activity(ledger: Ledger, coder: Coder) -> pl.DataFrame:
    """What the credits take from each activity of ``ledger`` (see :func:`roll_call_credits`)."""
    import polars as pl

    activities = ledger.activities
    return pl.DataFrame(
        {
            "rid": [coder.rank[a.id] for a in activities],
            "kind": [KIND_CODE[a.kind.value] for a in activities],
            "on": [a.start for a in activities],
            "total_units": [a.half_days for a in activities],
            "org": [
                None if a.organiser is None else ORGANISER_CODE[a.organiser.kind]
                for a in activities
            ],
        },
        schema={
            "rid": pl.Int32,
            "kind": pl.Int8,
            "on": pl.Date,
            "total_units": pl.Int32,
            "org": pl.Int8,
        },
    )


def columns_with_roll_calls(ledger: Ledger, roll_calls: pl.DataFrame) -> Columns:
    """The columns of ``ledger`` with the roll calls of ``roll_calls``.

    ``roll_calls`` is as :func:`roll_call_credits` takes it; ``ledger``'s activities must carry
    no roll calls of their own.
    """
    return build(ledger, roll_call_credits(ledger, roll_calls))


GIVEN_SCHEMA = {"ri": "Int32", "ai": "Int32", "role": "Enum", "half_days": "Int32"}
"""The frame :func:`given_entries` gives: the entries whose role or half days the credits lack.

``ri`` and ``ai`` place the entry (as in the credits), ``role`` is an enum of the role labels'
values (null: not given, or given as 参加 (participant), which is the default), ``half_days``
the entry's own half days (null: not given). Sorted by ``ri`` then ``ai``.
"""

_PARTICIPANT = ParticipationRole.PARTICIPANT.value


def given_entries(roll_calls: pl.DataFrame) -> pl.DataFrame:
    """The entries of ``roll_calls`` that gave a role other than 参加 or their own half days.

    ``roll_calls`` is as :func:`roll_call_credits` takes it, with a ``role`` column (the
    role's value, null when not given). With the credits of the same roll calls,
    :func:`roll_call_entries` builds every entry from these, so ``roll_calls`` itself need
    not be kept. A row for an entry given only a role of 参加 is not kept: the default role
    makes the same :class:`~cppcc_model.model.Attendance`.
    """
    import polars as pl

    role = pl.col("role")
    lead_or_speaker = role.is_not_null() & (role.cast(pl.String) != _PARTICIPANT)
    return roll_calls.filter(lead_or_speaker | pl.col("half_days").is_not_null()).select(
        "ri",
        "ai",
        pl.when(lead_or_speaker).then(role).alias("role"),
        pl.col("half_days").cast(pl.Int32),
    )


_STATUS = {code: status for status, code in STATUS_CODE.items()}


def roll_call_entries(
    credits: pl.DataFrame, member_ids: Sequence[str], given: pl.DataFrame
) -> dict[int, tuple[Attendance, ...]]:
    """Every activity's roll call, built from the credits' attendance rows and ``given``.

    Args:
        credits: the credit rows of the ledger (:attr:`Columns.credits`, any order); its
            attendance rows (``src`` 出勤) are read: ``ri``, ``ai``, ``m``, ``status``.
        member_ids: the member ids by code (:attr:`Columns.member_ids`).
        given: :func:`given_entries` of the same roll calls.

    Returns:
        Each activity's position (``ri``) → its entries, in roll-call order (``ai``); an
        activity without entries is not there. Each entry equals the
        :class:`~cppcc_model.model.Attendance` read from the roll call: its member, its
        status (present when none was given: the default), its role (参加 unless ``given``
        says otherwise) and its own half days where ``given`` has them (else ``None``).

    """
    import polars as pl

    rows = (
        credits.lazy()
        .filter(pl.col("src") == SOURCE_CODE[Source.ATTENDANCE])
        .select("ri", "ai", "m", "status")
        .sort("ri", "ai")
    )
    entries: dict[int, list[Attendance]] = defaultdict(list)
    if given.height:
        rows = rows.join(given.lazy(), on=["ri", "ai"], how="left", maintain_order="left")
        for ri, _ai, m, status, role, half_days in rows.collect().iter_rows():
            found: dict[str, Any] = {"member_id": member_ids[m], "status": _STATUS[status]}
            if role is not None:
                found["role"] = role
            if half_days is not None:
                found["half_days"] = half_days
            entries[ri].append(Attendance(**found))
    else:
        for ri, _ai, m, status in rows.collect().iter_rows():
            entries[ri].append(Attendance(member_id=member_ids[m], status=_STATUS[status]))
    return {ri: tuple(found) for ri, found in entries.items()}
