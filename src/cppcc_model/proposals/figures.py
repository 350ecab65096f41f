"""Exact figures and how they are shown.

A :class:`Figure` is a ratio kept exactly: a numerator, a denominator and their
:class:`~fractions.Fraction`. It turns into a percentage string only when shown, rounded once,
half up (``ROUND_HALF_UP``), to two decimal places unless asked otherwise:
``Figure(26, 29).percent() == "89.66%"``. A figure whose denominator is zero has no value and
shows as ``"—"``: "no proposal was assigned" is not "0 % replied".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError

__all__ = ["NO_VALUE", "Figure", "percent_text"]

NO_VALUE = "—"
"""How a figure with a zero denominator is shown."""


def percent_text(value: Fraction | None, places: int = 2) -> str:
    """``value`` as a percentage with ``places`` decimals, rounded half up (``"89.66%"``)."""
    if value is None:
        return NO_VALUE
    if places < 0:
        raise InvalidValueError(
            f"cannot show a percentage with {places} decimal places", hint="use 0 or more"
        )
    exact = Decimal(value.numerator * 100) / Decimal(value.denominator)
    quantum = Decimal(1).scaleb(-places)
    return f"{exact.quantize(quantum, rounding=ROUND_HALF_UP)}%"


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidValueError(
            f"Figure.{attribute.name} must be a whole number of at least 0, got {value!r}",
            hint="count records, never negative",
        )


@attrs.frozen
class Figure:
    """A rate as ``numerator / denominator``, exact, with its Chinese and English name.

    ``definition`` says which definition produced it, in the office's words
    (``"（立案+并案）/收到提案"``).
    """

    numerator: int = attrs.field(validator=_non_negative)
    denominator: int = attrs.field(validator=_non_negative)
    label: str = ""
    name: str = ""
    definition: str = attrs.field(default="", eq=False)

    @property
    def value(self) -> Fraction | None:
        """The exact ratio, or ``None`` when the denominator is zero."""
        return None if self.denominator == 0 else Fraction(self.numerator, self.denominator)

    def percent(self, places: int = 2) -> str:
        """The ratio as a percentage string, rounded half up once (``"100.00%"``, or ``"—"``)."""
        return percent_text(self.value, places)

    def short_percent(self, places: int = 2) -> str:
        """The percentage rounded half up once, trailing zeros dropped (``"81.7%"``, ``"100%"``).

        The way offices print rates in a report's text.
        """
        text = self.percent(places)
        if text == NO_VALUE or "." not in text:
            return text
        return text[:-1].rstrip("0").rstrip(".") + "%"

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator} = {self.percent()}"
