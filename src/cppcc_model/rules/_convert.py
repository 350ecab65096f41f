"""Converters shared by the rule building blocks (internal)."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TypeVar

from cppcc_model.numbers import Number, exact

T = TypeVar("T")


def optional_points(value: Number | None) -> Fraction | None:
    """``None`` or an exact number of points."""
    return None if value is None else exact(value)


def points(value: Number) -> Fraction:
    """An exact number of points."""
    return exact(value)


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Any iterable as a tuple."""
    return tuple(value)
