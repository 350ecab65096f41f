"""Validators and converters shared by the entity classes.

Each validator raises :class:`~cppcc_model.errors.InvalidValueError` with a sentence a district
clerk understands: which record, which field, what is wrong and what would be right.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.text import text_problem

E = TypeVar("E", bound=LabeledEnum)

_SPACE = re.compile(r"\s")  # what str.isspace() finds, searched in C


def _record_of(instance: Any) -> str | None:
    record_id = getattr(instance, "id", None)
    return record_id if isinstance(record_id, str) else None


def fail(instance: Any, attribute: attrs.Attribute[Any], message: str, hint: str) -> None:
    """Raise an :class:`InvalidValueError` about ``attribute`` of ``instance``."""
    raise InvalidValueError(
        f"{type(instance).__name__}.{attribute.name}: {message}",
        where=Location(record_id=_record_of(instance)),
        hint=hint,
    )


def text(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string with no surrounding white space and nothing unreadable in it.

    NUL and other control characters (but tab and line breaks), lone surrogates and
    bidirectional controls are refused (:func:`cppcc_model.text.text_problem`): they
    would be stored unseen and break or disguise every output.
    """
    if not isinstance(value, str) or not value.strip():
        fail(instance, attribute, f"must be non-empty text, got {value!r}", "fill it in")
        return
    if value != value.strip():
        fail(
            instance,
            attribute,
            f"{value!r} has spaces around it",
            "remove the spaces",
        )
    problem = text_problem(value)
    if problem is not None:
        fail(
            instance,
            attribute,
            f"{value[:40]!r}: {problem}",
            "delete the character (it is invisible in most programs; retype the text)",
        )


def optional_text(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a non-empty string."""
    if value is not None:
        text(instance, attribute, value)


def identifier(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A record id: non-empty text without white space inside."""
    text(instance, attribute, value)
    assert isinstance(value, str)
    if _SPACE.search(value):
        fail(instance, attribute, f"id {value!r} contains white space", "use an id without spaces")


def optional_identifier(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a record id."""
    if value is not None:
        identifier(instance, attribute, value)


def identifiers(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of distinct record ids."""
    assert isinstance(value, tuple)
    seen: set[str] = set()
    for item in value:
        identifier(instance, attribute, item)
        if item in seen:
            fail(instance, attribute, f"lists {item!r} twice", "list each id once")
        seen.add(item)


def date(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`datetime.date` (not a datetime, not a string)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        fail(instance, attribute, f"must be a date, got {value!r}", "write it as YYYY-MM-DD")


def optional_date(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a date."""
    if value is not None:
        date(instance, attribute, value)


MAX_WHOLE = 1_000_000_000
"""The largest whole number a record holds (a count, a number, a year)."""


def positive_int(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """An integer of at least 1 and at most :data:`MAX_WHOLE` (booleans are not integers)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        fail(instance, attribute, f"must be a whole number of at least 1, got {value!r}", "fix it")
    elif value > MAX_WHOLE:
        fail(
            instance,
            attribute,
            f"{value} is larger than {MAX_WHOLE:,}, more than any count of a ledger",
            "correct the number",
        )


def optional_positive_int(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or an integer of at least 1."""
    if value is not None:
        positive_int(instance, attribute, value)


def not_before(start_field: str) -> Callable[[Any, attrs.Attribute[Any], object], None]:
    """An optional end date that is not before the date in ``start_field``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        optional_date(instance, attribute, value)
        start = getattr(instance, start_field)
        if value is not None and isinstance(start, dt.date) and value < start:  # type: ignore[operator]
            fail(
                instance,
                attribute,
                f"{value} is before {start_field} {start}",
                "an end date cannot come before its start; check both dates",
            )

    return check


def enum_converter(enum_type: type[E]) -> Callable[[object], E]:
    """A converter accepting a member, or its id, name or label (simplified or traditional)."""

    def convert(value: object) -> E:
        return enum_type.parse(value)  # type: ignore[arg-type]

    convert.__doc__ = f"Parse a {enum_type.kind_label}."
    return convert


def optional_enum_converter(enum_type: type[E]) -> Callable[[object], E | None]:
    """Like :func:`enum_converter`, keeping ``None``."""

    def convert(value: object) -> E | None:
        return None if value is None else enum_type.parse(value)  # type: ignore[arg-type]

    return convert


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn any iterable (a list from JSON, a generator) into a tuple; a lone string is refused."""
    if isinstance(value, str | bytes):
        raise InvalidValueError(
            f"expected a list, got the text {value!r}", hint="give a list of values, not one string"
        )
    return tuple(value)
