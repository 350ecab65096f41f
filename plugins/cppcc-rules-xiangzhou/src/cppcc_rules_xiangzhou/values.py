"""A value block the core does not have: the sum of several value blocks.

An award ranks records by one value block, but a 社情民意 item's merit reads off several stages
at once — issued, the level it was adopted at, the level it was forwarded to, the level of its
leader instructions. A member rule would write one item per stage; an award has a single
``value``, so this plugin adds :class:`Sum`, which adds the values of its parts. It follows the
core's :class:`~cppcc_model.rules.Value` protocol and is exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.rules import Fact, Value

__all__ = ["Sum"]


def _parts(value: Iterable[Value]) -> tuple[Value, ...]:
    parts = tuple(value)
    if not parts:
        raise InvalidValueError("a Sum needs at least one value block", hint="list its parts")
    for part in parts:
        if not isinstance(part, Value):
            raise InvalidValueError(
                f"{part!r} is not a value block",
                hint="give value blocks such as ByStage({...}) or ByLevel({...})",
            )
    return parts


@attrs.frozen
class Sum:
    """The sum of the values of ``parts`` (每项累计): ``Sum((ByStage(...), ByLevel(...)))``."""

    parts: tuple[Value, ...] = attrs.field(converter=_parts)

    def of(self, fact: Fact) -> Fraction:
        """See :class:`~cppcc_model.rules.Value`."""
        return sum((part.of(fact) for part in self.parts), Fraction(0))

    def describe(self) -> str:
        """See :class:`~cppcc_model.rules.Value`."""
        return " + ".join(f"({part.describe()})" for part in self.parts)
