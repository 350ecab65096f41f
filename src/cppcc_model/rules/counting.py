"""How the entries of one item are counted for one member: the counting blocks.

====================  ===========================================  ==============================
block                 clause pattern                               what it keeps
====================  ===========================================  ==============================
:class:`Each`         每件/每次计分                                 every entry
:class:`OncePerPeriod` 全年只计一次；多种身份取最高，不累加           one entry: the highest
:class:`FromNth`      第二件起计分                                  entries from the n-th on
:class:`AtMost`       最多计N次                                     the first n entries by date
:class:`Threshold`    全年参加N次以上计M分                          a lump sum once n is reached
====================  ===========================================  ==============================

Entries are always considered in date order, then record id, so counting never depends on the
order records were loaded in. Entries not counted stay on the score card as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Protocol, runtime_checkable

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.numbers import format_fraction
from cppcc_model.rules import _convert, _evaluation
from cppcc_model.scorecard import Entry

__all__ = ["AtMost", "Counted", "Counting", "Each", "FromNth", "OncePerPeriod", "Threshold"]


@attrs.frozen
class Counted:
    """The entries after counting, the line's points, and what counting did (if anything)."""

    entries: tuple[Entry, ...]
    points: Fraction
    note: str | None = None


@runtime_checkable
class Counting(Protocol):
    """Turns an item's entries for one member into the line's points."""

    def count(self, entries: Sequence[Entry]) -> Counted:
        """Count ``entries`` (already in date order)."""

    def describe(self) -> str:
        """A short description."""


def _ordinal(n: int) -> str:
    """``n`` as an English ordinal (1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd …)."""
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _positive(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError(f"expected a whole number of at least 1, got {value!r}")
    return value


@attrs.frozen
class Each:
    """Every entry counts (the default)."""

    def count(self, entries: Sequence[Entry]) -> Counted:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.count`."""
        counted: Counted = _evaluation.count(self, entries)
        return counted

    def describe(self) -> str:
        """See :class:`Counting`."""
        return "each"


@attrs.frozen
class OncePerPeriod:
    """Only one entry counts in the period (只计一次): the highest (``pick="max"``) or the first.

    Max-of-roles without stacking (多种身份取最高分，不累加) is ``OncePerPeriod("max")`` over
    entries valued by role.
    """

    pick: str = "max"

    def __attrs_post_init__(self) -> None:
        if self.pick not in ("max", "first"):
            raise InvalidValueError(
                f"OncePerPeriod pick {self.pick!r} is not known", hint="use 'max' or 'first'"
            )

    def count(self, entries: Sequence[Entry]) -> Counted:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.count`."""
        counted: Counted = _evaluation.count(self, entries)
        return counted

    def describe(self) -> str:
        """See :class:`Counting`."""
        return f"once per period ({self.pick})"


@attrs.frozen
class FromNth:
    """Entries count only from the ``n``-th on (第二件起计分: ``FromNth(2)``)."""

    n: int = attrs.field(converter=_positive)

    def count(self, entries: Sequence[Entry]) -> Counted:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.count`."""
        counted: Counted = _evaluation.count(self, entries)
        return counted

    def describe(self) -> str:
        """See :class:`Counting`."""
        return f"from the {_ordinal(self.n)}"


@attrs.frozen
class AtMost:
    """At most ``n`` entries count, the earliest first (最多计N次)."""

    n: int = attrs.field(converter=_positive)

    def count(self, entries: Sequence[Entry]) -> Counted:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.count`."""
        counted: Counted = _evaluation.count(self, entries)
        return counted

    def describe(self) -> str:
        """See :class:`Counting`."""
        return f"at most {self.n}"


@attrs.frozen
class Threshold:
    """A lump sum: ``points`` once at least ``at_least`` entries are credited, else nothing.

    The entries' own values do not matter; they stay on the card as the evidence.
    """

    at_least: int = attrs.field(converter=_positive)
    points: Fraction = attrs.field(converter=_convert.points)

    def count(self, entries: Sequence[Entry]) -> Counted:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.count`."""
        counted: Counted = _evaluation.count(self, entries)
        return counted

    def describe(self) -> str:
        """See :class:`Counting`."""
        return f"{format_fraction(self.points)} once at least {self.at_least}"
