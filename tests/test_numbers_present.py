"""Presenting points: one shared decimal context gives what a fresh 50-digit context gives."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.errors import InvalidValueError
from cppcc_model.numbers import RoundingPolicy
from cppcc_model.testing.codes import raises_code

MODES = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}


def _plain(value: Fraction, places: int, mode: str) -> Decimal:
    """The reading before the shared context: a local context of 50 digits for each figure."""
    with decimal.localcontext() as context:
        context.prec = 50
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=MODES[mode])


@given(
    numerator=st.integers(-(10**29), 10**29),
    denominator=st.integers(1, 10**12),
    places=st.integers(0, 10),
    mode=st.sampled_from(sorted(MODES)),
)
def test_present_equals_a_fresh_fifty_digit_context(
    numerator: int, denominator: int, places: int, mode: str
) -> None:
    value = Fraction(numerator, denominator)
    presented = RoundingPolicy(places, mode).present(value)
    expected = _plain(value, places, mode)
    assert presented == expected
    assert str(presented) == str(expected)  # the same digits, exponent and sign of zero


def test_present_leaves_the_caller_s_context_alone() -> None:
    with decimal.localcontext() as context:
        context.prec = 3
        context.traps[decimal.Inexact] = True
        assert str(RoundingPolicy(2).present(Fraction(1, 3))) == "0.33"
        assert str(RoundingPolicy(2).present(Fraction(123456, 1))) == "123456.00"
        assert context.prec == 3


def test_a_figure_beyond_thirty_digits_is_refused_as_before() -> None:
    with raises_code(InvalidValueError, "V311"):
        RoundingPolicy(2).present(Fraction(10**40))
