"""Converters shared by the rule building blocks (internal)."""

from __future__ import annotations

from fractions import Fraction

from cppcc_model.numbers import Number, exact


def optional_points(value: Number | None) -> Fraction | None:
    """``None`` or an exact number of points."""
    return None if value is None else exact(value)


def points(value: Number) -> Fraction:
    """An exact number of points."""
    return exact(value)
