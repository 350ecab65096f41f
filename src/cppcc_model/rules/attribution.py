"""How co-authored work is credited: the attribution blocks.

=========================  =================================================  =====================
block                      clause pattern                                     share of the value
=========================  =================================================  =====================
:class:`WholeToEach`       联名提案每人均计分                                  1 to every author
:class:`FirstOnly`         联名提案只计第一提案人                              1 to the first
:class:`FirstShare`        第一提案人计1/2，其余平分另1/2                      ½ first, rest shared
:class:`EqualSplit`        联名者平分                                          1/n each
=========================  =================================================  =====================

Collective works (集体提案) are credited to their named main members by
:class:`CollectiveCredit`: at most ``max_members`` of them (in the listed order), each with the
full value (``mode="full"``) or an equal split (``mode="split"``) — the reading is a setting,
never a hidden choice. A sole author always gets the whole value.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Protocol, runtime_checkable

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.numbers import Number, exact, format_fraction
from cppcc_model.rules import _evaluation
from cppcc_model.rules.facts import Fact

__all__ = [
    "Attribution",
    "CollectiveCredit",
    "EqualSplit",
    "FirstOnly",
    "FirstShare",
    "WholeToEach",
]

_MODES = ("full", "split", "none")


@attrs.frozen
class CollectiveCredit:
    """How a collective work credits its main members (集体提案主要成员).

    ``max_members`` (``None`` for no limit) main members in listed order are credited;
    ``mode`` is ``"full"`` (each gets the whole value), ``"split"`` (they share it equally) or
    ``"none"`` (collective works credit no member).
    """

    max_members: int | None = None
    mode: str = "full"

    def __attrs_post_init__(self) -> None:
        if self.mode not in _MODES:
            raise InvalidValueError(
                f"collective credit mode {self.mode!r} is not known",
                hint="use 'full' (each main member gets the whole value), 'split' or 'none'",
            )
        if self.max_members is not None and self.max_members < 1:
            raise InvalidValueError(
                f"max_members must be at least 1, got {self.max_members}",
                hint="use None for no limit",
            )

    def share(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.collective_share`."""
        return _evaluation.collective_share(self, fact)

    def describe(self) -> str:
        """A short description."""
        limit = "all" if self.max_members is None else f"≤{self.max_members}"
        return f"集体: {limit} main members, {self.mode}"


@runtime_checkable
class Attribution(Protocol):
    """The share of a record's value that one of its authors is credited with."""

    @property
    def collective(self) -> CollectiveCredit:
        """How collective works are credited."""

    def share(self, fact: Fact) -> Fraction:
        """The share (0 to 1) credited to ``fact``'s member."""

    def describe(self) -> str:
        """A short description."""


@attrs.frozen
class WholeToEach:
    """Every author is credited with the whole value (重复计分 allowed)."""

    collective: CollectiveCredit = CollectiveCredit()

    def share(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.share`."""
        return _evaluation.share(self, fact)

    def describe(self) -> str:
        """See :class:`Attribution`."""
        return "whole value to each author"


@attrs.frozen
class FirstOnly:
    """Only the first author is credited (只计第一提案人); co-signers get nothing."""

    collective: CollectiveCredit = CollectiveCredit(max_members=1)

    def share(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.share`."""
        return _evaluation.share(self, fact)

    def describe(self) -> str:
        """See :class:`Attribution`."""
        return "first author only"


def _share(value: Number) -> Fraction:
    share = exact(value, what="the first author's share")
    if not 0 <= share <= 1:
        raise InvalidValueError(
            f"the first author's share must be between 0 and 1, got {format_fraction(share)}",
            hint='write it as a fraction such as "1/2"',
        )
    return share


@attrs.frozen
class FirstShare:
    """The first author gets ``first`` of the value; the others share the rest equally.

    桐城: 第一提案人得一半，其余联名人平分另一半 — ``FirstShare(first="1/2")``.
    """

    first: Fraction = attrs.field(default=Fraction(1, 2), converter=_share)
    collective: CollectiveCredit = CollectiveCredit()

    def share(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.share`."""
        return _evaluation.share(self, fact)

    def describe(self) -> str:
        """See :class:`Attribution`."""
        return f"first author {format_fraction(self.first)}, others share the rest"


@attrs.frozen
class EqualSplit:
    """All authors share the value equally."""

    collective: CollectiveCredit = CollectiveCredit(mode="split")

    def share(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.share`."""
        return _evaluation.share(self, fact)

    def describe(self) -> str:
        """See :class:`Attribution`."""
        return "equal split among authors"
