"""Readings: the options of a rule set, each declared once with its choices, default and meaning.

Rule texts leave questions open — is off-site training one of the 3 activities? does a proposal
that is both key and excellent earn both bonuses? A rule plugin answers each with an option of
its factory (``build_rule_set(training_counts=True)``) and declares it as a :class:`Reading`:
the option's name, its default, what it decides (in the rule text's words, with the clause),
and, where the answers are a fixed list, its choices and what each one means. Declared once,
a reading

* checks a value (:meth:`Reading.check`), so a plugin does not validate by hand;
* is listed by ``cppcc plugins`` and ``RuleSet.readings``, so an office can see every open
  question and the answer in force;
* is checked by :meth:`cppcc_model.rules.RuleSet.with_options` before the factory runs.

>>> training = Reading(
...     "training_counts",
...     True,
...     "whether off-site training counts towards the 3 activities (一、2)",
...     choices=(True, False),
... )
>>> training.check(False)
False
>>> training.check(1)
Traceback (most recent call last):
...
cppcc_model.errors.InvalidValueError: training_counts 1 is not known — use one of: True, False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from cppcc_model.errors import InvalidValueError, Location

__all__ = ["Reading", "check_readings", "readings_text"]


def _keyword(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.isidentifier():
        raise InvalidValueError(
            f"a reading's name must be a Python keyword argument name, got {value!r}",
            hint="name it as the factory's keyword argument (training_counts)",
        )


def _words(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"a reading must say what it decides, got {value!r}",
            hint="quote the clause the reading answers, with its number",
        )


def _choices(value: object) -> tuple[object, ...]:
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def _same(value: object, choice: object) -> bool:
    """Equal and of the same type: ``1`` is not ``True``, ``"1"`` is not ``1``."""
    return type(value) is type(choice) and value == choice


@attrs.frozen
class Reading:
    """One option of a rule set: a question the rule text leaves open, and how it may be read.

    Attributes:
        name: the factory's keyword argument (``training_counts``).
        default: the answer the plugin gives when nobody chooses; one of ``choices`` if any.
        meaning: what the option decides, in the rule text's words, with its clause.
        choices: the answers allowed; empty when the answer is free (a date, a count), and the
            factory checks it.
        choice_meanings: what each choice means, by choice (optional, for listings).
    """

    name: str = attrs.field(validator=_keyword)
    default: object
    meaning: str = attrs.field(validator=_words)
    choices: tuple[object, ...] = attrs.field(default=(), converter=_choices)
    choice_meanings: Mapping[Any, str] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if self.choices and not any(_same(self.default, c) for c in self.choices):
            raise InvalidValueError(
                f"the default {self.default!r} of {self.name} is not one of its choices",
                hint=f"make it one of: {', '.join(map(repr, self.choices))}",
            )
        unknown = [c for c in self.choice_meanings if not any(_same(c, k) for k in self.choices)]
        if unknown:
            raise InvalidValueError(
                f"{self.name} explains {', '.join(map(repr, unknown))}, which are not choices",
                hint="explain only the choices the reading allows",
            )

    def check(self, value: object, where: Location | None = None) -> object:
        """``value`` if the reading allows it (any value when it has no choices).

        Raises:
            InvalidValueError: ``value`` is not one of the choices (``1`` is not ``True``).
        """
        if not self.choices or any(_same(value, c) for c in self.choices):
            return value
        raise InvalidValueError(
            f"{self.name} {value!r} is not known",
            where=where,
            hint=f"use one of: {', '.join(map(str, self.choices))}",
        )

    def to_dict(self) -> dict[str, object]:
        """The reading as JSON-ready data (choices and default as they are written in Python)."""
        return {
            "name": self.name,
            "default": self.default,
            "meaning": self.meaning,
            "choices": list(self.choices),
            "choice_meanings": {str(k): v for k, v in self.choice_meanings.items()},
        }


def check_readings(
    readings: tuple[Reading, ...], where: Location | None = None, **values: object
) -> None:
    """Check each of ``values`` against the reading of its name, as a factory's first line.

    Raises:
        InvalidValueError: a value a reading does not allow, or a name no reading declares.
    """
    declared = {reading.name: reading for reading in readings}
    for name, value in values.items():
        reading = declared.get(name)
        if reading is None:
            raise InvalidValueError(
                f"no reading is declared for the option {name!r}",
                where=where,
                hint=f"the readings are: {', '.join(declared) or 'none'}",
            )
        reading.check(value, where)


def readings_text(readings: tuple[Reading, ...], options: Mapping[str, object]) -> str:
    """One line listing each reading's value in force and its choices (for a table's cell).

    >>> reading = Reading("joint", "whole", "how a joint proposal is shared", ("whole", "split"))
    >>> readings_text((reading,), {"joint": "split"})
    'joint=split (whole|split)'
    >>> readings_text((Reading("kinds", ("study", "training"), "which kinds count"),), {})
    'kinds=study,training'
    """
    parts = []
    for reading in readings:
        value = options.get(reading.name, reading.default)
        shown = ",".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
        choices = "|".join(map(str, reading.choices))
        parts.append(f"{reading.name}={shown}" + (f" ({choices})" if choices else ""))
    return "; ".join(parts)
