"""Given scores and outside inputs (评分录入) as rule blocks: :class:`External` and :class:`Amount`.

* :class:`External` — 所在单位评价，满分10分: a figure given from outside the ledger, per member
  and period (``External("employer_rating")``);
* :class:`Amount` — 每捐款1万元计1分: a record's own exact figure times a rate
  (``Amount("1/10000")``).

An item valued by ``External`` selects the member's inputs (``Where("input")``) with the
block's key; a category given whole is ``Category(..., given=External("platform_score"))``.
What happens when no figure was given is the block's ``missing`` policy:

* ``"zero"`` — the line (or category) counts 0, and the card says the input was missing;
* ``"pending"`` (the default) — the card is incomplete: it has no total and no grade, and
  rankings and awards list the member apart, with the reason;
* ``"error"`` — the assessment stops with an error naming the member and the input.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.model.inputs import is_input_key
from cppcc_model.numbers import Number, exact, format_fraction
from cppcc_model.rules import _evaluation
from cppcc_model.rules.facts import Fact

__all__ = ["MISSING_POLICIES", "Amount", "External"]

MISSING_POLICIES = ("zero", "pending", "error")
"""What a missing input does: count zero, leave the card pending, or stop with an error."""


def _key(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not is_input_key(value):
        raise InvalidValueError(
            f"External.key: {value!r} is not a usable input key",
            hint="use the key of the inputs table, such as 'employer_rating'",
        )


def _missing(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in MISSING_POLICIES:
        raise InvalidValueError(
            f"missing-input policy {value!r} is not known",
            hint="use 'zero', 'pending' (the card waits for the figure) or 'error'",
        )


@attrs.frozen
class External:
    """A figure given from outside the ledger (评分录入), read by its ``key``.

    As an item's value it is the exact value of each of the member's inputs with ``key`` in the
    period; as a category's ``given`` it is the category's score, given whole. ``missing``
    says what a missing figure does (see the module docs).
    """

    key: str = attrs.field(validator=_key)
    missing: str = attrs.field(default="pending", validator=_missing)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """``given: employer_rating``."""
        return f"given: {self.key}"


def _rate(value: Number) -> Fraction:
    return exact(value, what="the rate")


@attrs.frozen
class Amount:
    """A record's own exact figure times ``rate`` (每1万元计1分: ``Amount("1/10000")``).

    Contributions may carry an ``amount`` (money raised, hours served, households helped);
    inputs always do. A fact without an amount is worth 0.
    """

    rate: Fraction = attrs.field(default=Fraction(1), converter=_rate)

    def of(self, fact: Fact) -> Fraction:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.value`."""
        return _evaluation.value(self, fact)

    def describe(self) -> str:
        """``amount × 1/10000``."""
        return f"amount × {format_fraction(self.rate)}"
