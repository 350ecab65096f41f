"""A :class:`~cppcc_model.ledger.Ledger` whose roll calls stay in columns until asked for.

The columnar loader checks the roll calls as columns and builds the engine's columns from them
directly; the :class:`~cppcc_model.model.Attendance` objects are built only when something reads
``ledger.activities`` (an explanation, a report, the per-member index). Until then the ledger
holds each activity without its roll call and the roll-call frame beside it.

To every reader it is a :class:`~cppcc_model.ledger.Ledger`: ``activities`` gives the same
activities, with the same roll calls, as the row loader would have built (built once, under a
lock, then kept); it compares equal to, and hashes like, a ledger built from the same records,
and its ``repr`` is a ledger's.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.ledger import Ledger
from cppcc_model.model import Activity, Attendance

if TYPE_CHECKING:
    import polars as pl

__all__ = ["RollCallLedger"]

_FIELDS = tuple(field.name for field in attrs.fields(Ledger))
_ACTIVITIES = Ledger.__dict__["activities"]  # the slot the attrs class stores them in


class RollCallLedger(Ledger):
    """A ledger whose activities' roll calls are built from a frame on first access.

    Build it with :meth:`of`; everything else is a :class:`~cppcc_model.ledger.Ledger`'s.
    """

    __slots__ = ("_activities_bare", "_lock", "_roll_calls")

    _activities_bare: tuple[Activity, ...]
    _lock: threading.Lock
    _roll_calls: pl.DataFrame | None

    @classmethod
    def of(cls, ledger: Ledger, roll_calls: pl.DataFrame) -> RollCallLedger:
        """``ledger`` (whose activities carry no roll calls) with the roll calls of a frame.

        ``roll_calls`` has the columns of
        :data:`~cppcc_model.io._columnar_roll_calls.ROLL_CALL_SCHEMA`, already checked against
        ``ledger`` (every activity and member known, one row per member and activity, half
        days within the activity's), sorted by activity then position.
        """
        made = object.__new__(cls)
        for name in _FIELDS:
            if name != "activities":
                object.__setattr__(made, name, getattr(ledger, name))
        object.__setattr__(made, "_activities_bare", ledger.activities)
        object.__setattr__(made, "_roll_calls", roll_calls)
        object.__setattr__(made, "_lock", threading.Lock())
        return made

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Every activity with its roll call (built on first access, then kept)."""
        try:
            built: tuple[Activity, ...] = _ACTIVITIES.__get__(self, Ledger)
        except AttributeError:
            with self._lock:
                try:
                    built = _ACTIVITIES.__get__(self, Ledger)
                except AttributeError:
                    roll_calls = self._roll_calls
                    assert roll_calls is not None
                    built = _attach(self._activities_bare, roll_calls)
                    _ACTIVITIES.__set__(self, built)
                    object.__setattr__(self, "_roll_calls", None)
        return built

    @activities.setter
    def activities(self, value: tuple[Activity, ...]) -> None:
        _ACTIVITIES.__set__(self, value)

    @property
    def roll_calls_built(self) -> bool:
        """Whether the roll calls have been built as objects yet."""
        try:
            _ACTIVITIES.__get__(self, Ledger)
        except AttributeError:
            return False
        return True

    @property
    def record_count(self) -> int:
        """How many records there are in all (counted without building the roll calls)."""
        roll_calls: pl.DataFrame | None = getattr(self, "_roll_calls", None)  # unset in a copy
        if roll_calls is None:  # built: count the objects, as any ledger does
            return super().record_count
        return (
            roll_calls.height
            + len(self.proposals)
            + len(self.info_reports)
            + len(self.contributions)
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ledger):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = Ledger.__hash__

    def __repr__(self) -> str:
        text = Ledger.__repr__(self)
        return "Ledger" + text[len(type(self).__qualname__) :]


def _attach(activities: tuple[Activity, ...], roll_calls: pl.DataFrame) -> tuple[Activity, ...]:
    """``activities`` with their roll calls built from ``roll_calls``."""
    entries: dict[int, list[Attendance]] = defaultdict(list)
    for ri, member_id, status, role, half_days in roll_calls.select(
        "ri", "member_id", "status", "role", "half_days"
    ).iter_rows():
        given: dict[str, Any] = {"member_id": member_id}
        if status is not None:
            given["status"] = status
        if role is not None:
            given["role"] = role
        if half_days is not None:
            given["half_days"] = half_days
        entries[ri].append(Attendance(**given))
    return tuple(
        attrs.evolve(activity, attendance=tuple(entries[index])) if index in entries else activity
        for index, activity in enumerate(activities)
    )
