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

__all__ = ["MAX_MAGNITUDE", "Number", "RoundingPolicy", "exact", "format_fraction"]

_MAX_TEXT = 100
_HUGE_EXPONENT = re.compile(r"[eE][+-]?\d{4,}")

Number = int | Fraction | Decimal | str
"""What a building block accepts as points: an int, a Fraction, a Decimal or text ("12.5", "1/3").

Floats are refused: 0.1 is not a tenth in binary, and a score must be exact.
"""

_PRESENTING = decimal.Context(
    prec=50, traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
)
"""The context points are presented in: 50 digits, the usual traps (one context, not one made
for every figure: a table presents thousands)."""

_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(11)}
"""``0.01`` for two places: the quantum of each number of places a policy may have (0 to 10)."""

_MODES = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}


MAX_MAGNITUDE = 10**12
"""The largest size of points, caps, values and thresholds (and of their denominators).

No rule gives a trillion points; a larger number is a typing or plugin error, and refusing it
here keeps every presented figure within what :meth:`RoundingPolicy.present` can show.
"""


def _bounded(result: Fraction, what: str, value: object) -> Fraction:
    if abs(result.numerator) > MAX_MAGNITUDE * result.denominator or (
        result.denominator > MAX_MAGNITUDE
    ):
        raise InvalidValueError(
            f"{what}: {_shown(value)} is too large (or too fine) to be points; the limit is "
            f"{MAX_MAGNITUDE:,}",
            hint="write an ordinary number of points",
        )
    return result


def exact(value: object, *, what: str = "points") -> Fraction:
    """Convert ``value`` to an exact Fraction; floats, non-numbers and huge values are refused.

    A value larger than :data:`MAX_MAGNITUDE` (or with a denominator larger than it) is refused
    too: it could not be presented.

    >>> exact("12.5")
    Fraction(25, 2)
    >>> exact("1/3")
    Fraction(1, 3)
    """
    return _bounded(_exact(value, what), what, value)


def _shown(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        digits = int(abs(value).bit_length() * 0.30103) + 1
        return f"a number of about {digits:,} digits" if digits > 30 else str(value)
    if isinstance(value, Fraction):
        return _shown(value.numerator) + ("" if value.denominator == 1 else "/…")
    text = str(value)
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def _exact(value: object, what: str) -> Fraction:
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
        """``value`` rounded to ``places`` decimal places by ``mode``.

        Raises:
            InvalidValueError: when ``value`` has more than 30 digits before the point (a total
                no rule can give; see :data:`MAX_MAGNITUDE`), instead of a bare
                ``decimal.InvalidOperation``.

        """
        quantum = _QUANTA[self.places]
        whole = abs(value.numerator) // value.denominator
        if whole.bit_length() > 100:  # about 30 digits
            raise InvalidValueError(
                f"{_shown(value)} is too large to present as points",
                hint="check the rule's values and caps: no score comes near this",
            )
        exact_decimal = _PRESENTING.divide(Decimal(value.numerator), Decimal(value.denominator))
        try:
            return exact_decimal.quantize(quantum, rounding=_MODES[self.mode], context=_PRESENTING)
        except decimal.InvalidOperation:
            raise InvalidValueError(
                f"{_shown(value)} cannot be presented to {self.places} places",
                hint="check the rule's values and caps",
            ) from None


def format_fraction(value: Fraction) -> str:
    """The exact text of a fraction: ``"25"``, ``"-3/2"``, ``"25/6"``."""
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )
