"""The structure of a rule set: items, categories and pools.

* :class:`Item` — one scoring clause: which facts (:class:`~cppcc_model.rules.selection.Where`),
  what each is worth (a value block), how co-authors share it (an attribution block), how the
  entries are counted (a counting block), and an optional per-line cap (单项最高N分).
* :class:`Category` — a group of items with an optional base (a full-marks block that
  deductions reduce: 考勤10分，扣完为止), a cap (本类最高25分) and a floor (扣完为止 is
  ``floor=0``). Order of application: sum of lines → + base → cap → floor. A category may be
  given whole from outside the ledger (``given=External("platform_score")``).
* :class:`Pool` — a cap over several categories together (加分项合计不超过10分).
* :class:`Dimension` — a level above categories (履职 / 纪律 / 作用发挥) with a subtotal shown on
  the card, a cap and a floor.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.rules._convert import optional_points, points
from cppcc_model.rules.attribution import Attribution, WholeToEach
from cppcc_model.rules.conditions import Condition
from cppcc_model.rules.counting import Counting, Each
from cppcc_model.rules.facts import Source
from cppcc_model.rules.inputs import External
from cppcc_model.rules.selection import Where
from cppcc_model.rules.values import Value

__all__ = ["Category", "Dimension", "Item", "Pool"]


def _items(value: Iterable[Item]) -> tuple[Item, ...]:
    return tuple(value)


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError(
            f"expected a list of category ids, got {value!r}", hint='write ["bonus.a", "bonus.b"]'
        )
    ids = tuple(value)
    if not all(isinstance(i, str) for i in ids):
        raise InvalidValueError(f"category ids must be text, got {ids!r}", hint="quote each id")
    return ids


def _cap(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A cap is the most a line, category or pool can give: never below zero."""
    if isinstance(value, Fraction) and value < 0:
        raise InvalidValueError(
            f"{type(instance).__name__} {getattr(instance, 'id', '')!r}: the cap "
            f"{value} is negative",
            hint="a cap (最高分) is the most that can be given, 0 or more; write deductions "
            "as negative points with a floor instead",
        )


def _distinct(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    assert isinstance(value, tuple)
    seen: set[str] = set()
    for item in value:
        if item in seen:
            raise InvalidValueError(
                f"pool {getattr(instance, 'id', '')!r} lists the category {item!r} twice, "
                "which would count its points twice against the cap",
                hint="list each category of the pool once",
            )
        seen.add(item)


def _id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}: {value!r} is not a usable id",
            hint="use a short id without spaces, such as 'proposals.filed'",
        )


@attrs.frozen
class Item:
    """One scoring clause of a rule set.

    Attributes:
        id: a stable id, unique within the rule set (``"proposal.filed"``).
        label: the clause's wording, in Chinese (``"提案立案"``).
        where: which facts the item looks at.
        value: what each fact is worth.
        attribution: how co-authored work is shared (default: the whole value to each).
        counting: how the entries are counted (default: each one).
        cap: the most the line can give (单项最高), or ``None``.
        clause: the reference of the clause (``"第三条(二)"``).
        applies_to: a condition on the member (standing members only …), or ``None`` for all.

    """

    id: str = attrs.field(validator=_id)
    label: str
    where: Where
    value: Value
    attribution: Attribution = WholeToEach()
    counting: Counting = Each()
    cap: Fraction | None = attrs.field(default=None, converter=optional_points, validator=_cap)
    clause: str | None = None
    applies_to: Condition | None = None

    def __attrs_post_init__(self) -> None:
        if isinstance(self.value, External) and self.where.source is not Source.INPUT:
            raise InvalidValueError(
                f"item {self.id!r} is valued by External({self.value.key!r}) but selects "
                f"{self.where.source.value} records",
                hint='a given figure is an input: write where=Where("input")',
            )


@attrs.frozen
class Category:
    """A category of items with its base, cap and floor.

    Attributes:
        id: unique within the rule set.
        label: the category's name (``"提案 (25分)"``).
        items: its items, in the order the rule text lists them.
        base: the points the category starts from (a full-marks block deductions reduce).
        cap: the most the category can give, or ``None`` (uncapped accumulation).
        floor: the least it can give (``0`` for 扣完为止), or ``None`` (may go below zero).
        clause: the reference of the clause.
        applies_to: a condition on the member, or ``None``.
        given: the category's score given whole from outside the ledger
            (``External("platform_score")``); its items, if any, are added to it.

    """

    id: str = attrs.field(validator=_id)
    label: str
    items: tuple[Item, ...] = attrs.field(converter=_items)
    base: Fraction | None = attrs.field(default=None, converter=optional_points)
    cap: Fraction | None = attrs.field(default=None, converter=optional_points, validator=_cap)
    floor: Fraction | None = attrs.field(default=None, converter=optional_points)
    clause: str | None = None
    applies_to: Condition | None = None
    given: External | None = None

    def __attrs_post_init__(self) -> None:
        if self.given is not None and not isinstance(self.given, External):
            raise InvalidValueError(
                f"category {self.id!r}: given must be an External input, got {self.given!r}",
                hint='write given=External("platform_score")',
            )
        if self.cap is not None and self.floor is not None and self.floor > self.cap:
            raise InvalidValueError(
                f"category {self.id!r}: its floor {self.floor} is above its cap {self.cap}",
                hint="a floor must not exceed the cap",
            )


@attrs.frozen
class Pool:
    """A cap over the sum of several categories (a bonus pool)."""

    id: str = attrs.field(validator=_id)
    label: str
    categories: tuple[str, ...] = attrs.field(converter=_ids, validator=_distinct)
    cap: Fraction = attrs.field(converter=points, validator=_cap)
    clause: str | None = None


@attrs.frozen
class Dimension:
    """A level above categories (履职 / 纪律 / 作用发挥) with its own subtotal, cap and floor.

    ``categories`` are the ids of its categories; its subtotal is shown on the card, and its
    ``cap`` (本项最高) and ``floor`` (最低) apply to that subtotal, after the categories' own.
    A category belongs to at most one dimension.
    """

    id: str = attrs.field(validator=_id)
    label: str
    categories: tuple[str, ...] = attrs.field(converter=_ids)
    cap: Fraction | None = attrs.field(default=None, converter=optional_points)
    floor: Fraction | None = attrs.field(default=None, converter=optional_points)
    clause: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.cap is not None and self.floor is not None and self.floor > self.cap:
            raise InvalidValueError(
                f"dimension {self.id!r}: its floor {self.floor} is above its cap {self.cap}",
                hint="a floor must not exceed the cap",
            )
