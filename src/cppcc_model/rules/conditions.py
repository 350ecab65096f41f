"""Who a rule applies to: conditions on the member (role-dependent rules, 常委 only …).

A condition is evaluated once per member and assessment, from the member's dated roles and the
assessment period — never from "today".

* :class:`HasRole` — the member held the role on at least one day of the period (or on the
  as-of date, with ``on_as_of=True``);
* :class:`LacksRole` — the opposite;
* :class:`AllOf` / :class:`AnyOf` / :class:`Not` — combinations.

A role is one of the fixed :class:`~cppcc_model.model.RoleKind` roles (常委, 组长 …, dated) or
a free tag the roster gives the member (``Member.tags``: 驻会常委, 召集人, 联络员 …):
``HasRole("召集人")`` reads the tag when the text is not a fixed role.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.model import Member, Period, RoleKind
from cppcc_model.rules import _evaluation

__all__ = ["AllOf", "AnyOf", "Condition", "HasRole", "LacksRole", "Not"]


@runtime_checkable
class Condition(Protocol):
    """Decides whether a rule applies to a member in an assessment."""

    def applies(self, member: Member, period: Period, as_of: dt.date) -> bool:
        """Whether the rule applies to ``member`` for ``period`` assessed on ``as_of``."""

    def describe(self) -> str:
        """A short description for score cards and docs (``"常委 (standing_member)"``)."""


def _to_role(value: RoleKind | str) -> RoleKind | str:
    if isinstance(value, RoleKind):
        return value
    try:
        return RoleKind.parse(value)
    except InvalidValueError:
        if isinstance(value, str) and value.strip() and value == value.strip():
            return value  # a free role tag (驻会常委, 召集人 …)
        raise


@attrs.frozen
class HasRole:
    """The member holds ``role`` during the period (or on the as-of date if ``on_as_of``).

    ``role`` is a fixed role, or a free tag from ``Member.tags`` (held throughout membership).
    """

    role: RoleKind | str = attrs.field(converter=_to_role)
    on_as_of: bool = False

    def applies(self, member: Member, period: Period, as_of: dt.date) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.applies`."""
        return _evaluation.applies(self, member, period, as_of)

    def describe(self) -> str:
        """See :class:`Condition`."""
        if isinstance(self.role, str):
            return f"{self.role} (tag)"
        return f"{self.role.label} ({self.role.value})"


@attrs.frozen
class LacksRole:
    """The member does not hold ``role`` during the period (or on the as-of date)."""

    role: RoleKind | str = attrs.field(converter=_to_role)
    on_as_of: bool = False

    def applies(self, member: Member, period: Period, as_of: dt.date) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.applies`."""
        return _evaluation.applies(self, member, period, as_of)

    def describe(self) -> str:
        """See :class:`Condition`."""
        if isinstance(self.role, str):
            return f"非{self.role} (not tag {self.role})"
        return f"非{self.role.label} (not {self.role.value})"


@attrs.frozen
class AllOf:
    """Every one of ``conditions`` holds."""

    conditions: tuple[Condition, ...]

    def applies(self, member: Member, period: Period, as_of: dt.date) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.applies`."""
        return _evaluation.applies(self, member, period, as_of)

    def describe(self) -> str:
        """See :class:`Condition`."""
        return " 且 ".join(c.describe() for c in self.conditions)


@attrs.frozen
class AnyOf:
    """At least one of ``conditions`` holds."""

    conditions: tuple[Condition, ...]

    def applies(self, member: Member, period: Period, as_of: dt.date) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.applies`."""
        return _evaluation.applies(self, member, period, as_of)

    def describe(self) -> str:
        """See :class:`Condition`."""
        return " 或 ".join(c.describe() for c in self.conditions)


@attrs.frozen
class Not:
    """The condition does not hold (非…: ``Not(AnyOf((HasRole("主席"), HasRole("副主席"))))``)."""

    condition: Condition

    def applies(self, member: Member, period: Period, as_of: dt.date) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.applies`."""
        return _evaluation.applies(self, member, period, as_of)

    def describe(self) -> str:
        """See :class:`Condition`."""
        return f"非({self.condition.describe()})"
