"""Exact numbers and the one place they are rounded.

Scores are :class:`fractions.Fraction` from the first point to the last: a joint proposal's
split of 25 among four signers gives 25/6, not 4.1667. Rounding happens once, when a score is
presented, by the :class:`RoundingPolicy` the rule set states.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError

__all__ = ["Number", "RoundingPolicy", "exact", "format_fraction"]

_MAX_TEXT = 100
_HUGE_EXPONENT = re.compile(r"[eE][+-]?\d{4,}")

Number = int | Fraction | Decimal | str
"""What a building block accepts as points: an int, a Fraction, a Decimal or text ("12.5", "1/3").

Floats are refused: 0.1 is not a tenth in binary, and a score must be exact.
"""

_MODES = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}


def exact(value: object, *, what: str = "points") -> Fraction:
    """Convert ``value`` to an exact Fraction; floats and non-numbers are refused.

    >>> exact("12.5")
    Fraction(25, 2)
    >>> exact("1/3")
    Fraction(1, 3)
    """
    if isinstance(value, bool):
        raise InvalidValueError(f"{what} must be a number, got {value!r}", hint="write a number")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            raise InvalidValueError(f"{what} must be finite, got {value}", hint="write a number")
        if isinstance(value, Decimal) and abs(value.adjusted()) > 1000:
            raise InvalidValueError(
                f"{what}: {value} is too large to be points", hint="write an ordinary number"
            )
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) > _MAX_TEXT or _HUGE_EXPONENT.search(text):
            raise InvalidValueError(
                f"{what}: {value[:40]!r} is too long or too large to be points",
                hint='write an ordinary number such as "12.5"',
            )
        try:
            result = Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise InvalidValueError(
                f"{what}: cannot read {value!r} as an exact number",
                hint='write an integer, a decimal such as "12.5" or a fraction such as "1/3"',
            ) from None
        return result
    if isinstance(value, float):
        raise InvalidValueError(
            f"{what}: {value!r} is a binary float, which cannot hold most decimals exactly",
            hint='write it as text ("12.5") or as a Fraction',
        )
    raise InvalidValueError(f"{what} must be a number, got {value!r}", hint="write a number")


@attrs.frozen
class RoundingPolicy:
    """How scores are rounded for presentation: ``places`` decimal places, by ``mode``.

    ``mode`` is ``"half_up"`` (四舍五入, the default), ``"half_even"``, ``"down"`` or ``"up"``.
    Rounding is applied once, to each presented figure; totals are computed exactly and rounded
    themselves, so a presented total can differ from the sum of presented lines by the rounding.
    """

    places: int = 2
    mode: str = "half_up"

    def __attrs_post_init__(self) -> None:
        if isinstance(self.places, bool) or not isinstance(self.places, int):
            raise InvalidValueError(
                f"rounding places must be a whole number, got {self.places!r}",
                hint="write places = 2",
            )
        if not isinstance(self.mode, str) or self.mode not in _MODES:
            raise InvalidValueError(
                f"rounding mode {self.mode!r} is not known",
                hint=f"use one of: {', '.join(_MODES)}",
            )
        if not 0 <= self.places <= 10:
            raise InvalidValueError(
                f"rounding to {self.places} places is not supported", hint="use 0 to 10 places"
            )

    def present(self, value: Fraction) -> Decimal:
        """``value`` rounded to ``places`` decimal places by ``mode``."""
        quantum = Decimal(1).scaleb(-self.places)
        with decimal.localcontext() as context:
            context.prec = 50
            exact_decimal = Decimal(value.numerator) / Decimal(value.denominator)
            return exact_decimal.quantize(quantum, rounding=_MODES[self.mode])


def format_fraction(value: Fraction) -> str:
    """The exact text of a fraction: ``"25"``, ``"-3/2"``, ``"25/6"``."""
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )
