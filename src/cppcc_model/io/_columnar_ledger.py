"""A :class:`~cppcc_model.ledger.Ledger` whose records stay in columns until asked for.

The columnar loader checks the roll calls and the record tables (proposals, 社情民意 items,
contributions) as columns and builds the engine's columns from them directly; the objects —
:class:`~cppcc_model.model.Attendance`, :class:`~cppcc_model.model.Proposal` … — are built only
when something reads ``ledger.activities``, ``ledger.proposals``, ``ledger.info_reports`` or
``ledger.contributions`` (an explanation, a report, the per-member index). Until then the
ledger holds a builder for each of those fields.

To every reader it is a :class:`~cppcc_model.ledger.Ledger`: each field gives the same records
as the row loader would have built (built once, under a lock, then kept); it compares equal to,
and hashes like, a ledger built from the same records, and its ``repr`` is a ledger's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from cppcc_model.ledger import Ledger
from cppcc_model.model import Activity

if TYPE_CHECKING:
    import polars as pl

    from cppcc_model.engine.columns import Columns

__all__ = ["LAZY_FIELDS", "ColumnarLedger", "RollCallLedger"]

_FIELDS = tuple(field.name for field in attrs.fields(Ledger))
LAZY_FIELDS = ("activities", "proposals", "info_reports", "contributions")
"""The fields a :class:`ColumnarLedger` may build on first access."""
_SLOTS = {name: Ledger.__dict__[name] for name in LAZY_FIELDS}  # where the attrs class keeps them


def _lazy(name: str) -> property:
    slot = _SLOTS[name]

    def get(self: ColumnarLedger) -> Any:
        try:
            return slot.__get__(self, Ledger)
        except AttributeError:
            with self._lock:
                try:
                    return slot.__get__(self, Ledger)
                except AttributeError:
                    built = self._pending[name]()
                    slot.__set__(self, built)
                    del self._pending[name]
                    return built

    def put(self: ColumnarLedger, value: Any) -> None:
        slot.__set__(self, value)

    return property(get, put, doc=f"The ledger's {name} (built on first access, then kept).")


class ColumnarLedger(Ledger):
    """A ledger some of whose record fields are built on first access.

    Build it with :meth:`of`; everything else is a :class:`~cppcc_model.ledger.Ledger`'s.
    """

    __slots__ = ("_lock", "_pending", "_sizes")

    _lock: threading.RLock
    _pending: dict[str, Callable[[], tuple[Any, ...]]]
    _sizes: dict[str, int]

    activities = _lazy("activities")
    proposals = _lazy("proposals")
    info_reports = _lazy("info_reports")
    contributions = _lazy("contributions")

    @classmethod
    def of(
        cls,
        ledger: Ledger,
        builders: Mapping[str, Callable[[], tuple[Any, ...]]],
        sizes: Mapping[str, int],
    ) -> ColumnarLedger:
        """``ledger`` with the fields named in ``builders`` built by them when first read.

        ``sizes`` gives, for each of those fields, how many records it counts in
        :attr:`record_count` (roll-call entries for ``activities``). Every other field is
        ``ledger``'s.
        """
        made = object.__new__(cls)
        for name in _FIELDS:
            if name not in builders:
                object.__setattr__(made, name, getattr(ledger, name))
        object.__setattr__(made, "_pending", dict(builders))
        object.__setattr__(made, "_sizes", dict(sizes))
        object.__setattr__(made, "_lock", threading.RLock())
        return made

    def built(self, name: str) -> bool:
        """Whether the field ``name`` holds its objects yet."""
        try:
            _SLOTS[name].__get__(self, Ledger)
        except AttributeError:
            return False
        return True

    @property
    def roll_calls_built(self) -> bool:
        """Whether the roll calls have been built as objects yet."""
        return self.built("activities")

    @property
    def record_count(self) -> int:
        """How many records there are in all (counted without building any)."""
        pending: dict[str, Any] = getattr(self, "_pending", {})  # unset in a copy
        sizes: dict[str, int] = getattr(self, "_sizes", {})
        total = 0
        for name in LAZY_FIELDS:
            if name in pending:
                total += sizes[name]
            elif name == "activities":
                total += sum(len(a.attendance) for a in self.activities)
            else:
                total += len(getattr(self, name))
        return total

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


RollCallLedger = ColumnarLedger
"""The name the columnar ledger had when only its roll calls stayed in columns."""


def with_roll_calls(
    activities: Callable[[], tuple[Activity, ...]], columns: Columns, given: pl.DataFrame
) -> Callable[[], tuple[Activity, ...]]:
    """A builder of the activities ``activities`` builds, with their roll calls attached.

    The roll calls are built from the attendance rows of ``columns``' credits (the engine's
    columns of the same ledger, which are kept anyway) and ``given``, the entries whose role
    or half days the credits lack
    (:func:`~cppcc_model.engine.roll_calls.given_entries`): the roll calls as read are not
    kept a second time. Every entry equals the :class:`~cppcc_model.model.Attendance` the row
    loader reads from the same file.
    """
    return lambda: _attach(activities(), columns, given)


def _attach(
    activities: tuple[Activity, ...], columns: Columns, given: pl.DataFrame
) -> tuple[Activity, ...]:
    """``activities`` with their roll calls built from the credits of ``columns``."""
    from cppcc_model.engine.roll_calls import roll_call_entries

    entries = roll_call_entries(columns.credits, columns.member_ids, given)
    return tuple(
        attrs.evolve(activity, attendance=entries[index]) if index in entries else activity
        for index, activity in enumerate(activities)
    )
