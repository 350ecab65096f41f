"""The cattrs converter behind :mod:`cppcc_model.io.json`.

It is strict where JSON is loose: text must be a JSON string, whole numbers must be JSON
integers (not ``true``, not ``2.0``), dates must be ``YYYY-MM-DD`` strings, lists must be lists
and objects objects. Enumerations are written as their English id and read from the id, the
member name or the Chinese label (simplified or traditional). Fields equal to their default are
left out of the output; unknown keys are an error.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from cppcc_model.errors import CppccError, InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model.inputs import period_text, value_text
from cppcc_model.model.periods import Period
from cppcc_model.numbers import exact

__all__ = ["describe", "make_converter"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def describe(value: object) -> str:
    """How a JSON value reads in a message: ``null``, ``true``, ``the text 'x'``, ``2.5``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise InvalidValueError(
        f"expected text, got {describe(value)}", hint="write it in double quotes, as a JSON string"
    )


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidValueError(
        f"expected a whole number, got {describe(value)}",
        hint='write a JSON integer such as 3 (not 3.0, not "3", not true)',
    )


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidValueError(
        f"expected true or false, got {describe(value)}", hint="write true or false"
    )


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InvalidValueError(
            f"expected a date written YYYY-MM-DD, got {describe(value)}",
            hint='write dates as text in ISO form, such as "2022-05-03"',
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"{value!r} is not a day of the calendar", hint="check the month and the day"
        ) from None


def _structure_fraction(value: object, _: type) -> Fraction:
    if isinstance(value, float | bool) or not isinstance(value, int | str):
        raise InvalidValueError(
            f"expected an exact number, got {describe(value)}",
            hint='write a whole number (8) or text ("8.5", "17/2"); never a float',
        )
    return exact(value, what="the value")


def _structure_period(value: object, _: type) -> Period:
    if not isinstance(value, str):
        raise InvalidValueError(
            f"expected a period as text, got {describe(value)}",
            hint='write "2023", "2023-Q3", "2023-H1" or "2023-01-01..2023-06-30"',
        )
    try:
        return Period.parse(value)
    except CppccError as error:
        raise InvalidValueError(error.message, hint=error.hint) from None


def _structure_enum(value: object, enum_type: type[LabeledEnum]) -> LabeledEnum:
    if not isinstance(value, str):
        raise InvalidValueError(
            f"expected a {enum_type.kind_label} as text, got {describe(value)}",
            hint=f"use one of: {enum_type.choices()}",
        )
    return enum_type.parse(value)


def _is_labeled_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, LabeledEnum)


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(
    converter: cattrs.Converter, type_: Any
) -> Callable[[object, Any], tuple[Any, ...]]:
    item_type = typing.get_args(type_)[0]

    def structure(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise InvalidValueError(
                f"expected a list, got {describe(value)}", hint="write a JSON list: [ … ]"
            )
        item_hook = converter.get_structure_hook(item_type)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # gathered, so every bad item is reported
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(
                        f"Structuring {type_} @ index {index}", index, item_type
                    ),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {type_}", errors, type_)
        return tuple(items)

    return structure


def _attrs_hook(converter: cattrs.Converter, cls: type) -> Callable[[object, Any], Any]:
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter)

    def structure(value: object, type_: Any) -> Any:
        if not isinstance(value, dict):
            raise InvalidValueError(
                f"expected an object ({{ … }}) for a {cls.__name__}, got {describe(value)}",
                hint="write the record as a JSON object with named fields",
            )
        return generated(value, type_)

    return structure


@functools.cache
def make_converter() -> cattrs.Converter:
    """The converter: strict structuring, defaults omitted, unknown keys forbidden.

    Built once and shared; cattrs converters are safe to share once configured.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=True
    )
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(Fraction, _structure_fraction)
    converter.register_unstructure_hook(Fraction, value_text)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, period_text)
    converter.register_structure_hook_func(_is_labeled_enum, _structure_enum)
    converter.register_unstructure_hook_func(_is_labeled_enum, lambda member: member.value)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, functools.partial(_tuple_hook, converter)
    )
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple, functools.partial(_tuple_unstructure_hook, converter)
    )
    converter.register_structure_hook_factory(attrs.has, functools.partial(_attrs_hook, converter))
    return converter


def _tuple_unstructure_hook(
    converter: cattrs.Converter, type_: Any
) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_type = typing.get_args(type_)[0]

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        hook = converter.get_unstructure_hook(item_type)
        return [hook(item) for item in value]

    return unstructure
