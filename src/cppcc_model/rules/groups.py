"""Group rules as data: how activity groups, units, sectors and special committees are scored.

Offices assess more than members. A group rule (:class:`GroupRules`) scores every body of one
kind (:class:`SubjectKind`) — every activity group (委员活动组), every participating unit
(参加单位) … — from

* **its members' results**: the sum or the per-capita mean of their member-assessment totals
  (:class:`MemberTotal`), the share of them meeting a requirement (:class:`RequirementShare`),
  how many they are (:class:`MemberCount`);
* **its records**: how many distinct proposals, 社情民意 items, activities … its members (or the
  body itself, as a collective author) produced that match a selection (:class:`Count`), rates
  such as the filing rate 立案率 (:class:`Rate`), and the quarters with a record
  (:class:`QuartersCovered`);
* **inputs from outside the ledger** (:class:`External`): checklist items an assessor fills in
  (annual plan present, ledgers complete …);
* **combinations**: :class:`AtLeast`, :class:`AllMet`, :class:`AnyMet`, :class:`NotMet`.

Each :class:`GroupItem` turns its measure into points (``points`` per unit, or the measure
itself), with an optional cap; :class:`GroupCategory` adds base, cap and floor as member
categories do; :class:`GroupRequirement` is a minimum a body must reach.

These blocks are plain, frozen data and evaluate nothing: :func:`cppcc_model.assess.assess_groups`
scores them (and :func:`cppcc_model.assess.groups.measure` gives one measure of one body). A
plugin's own measure is any object with ``describe()`` and the ``measure(subject, context)`` of
:class:`cppcc_model.assess.groups.Measure`.

A record counts once per body however many of the body's members wrote it, and a joint record
counts for every body one of its authors belongs to (``credit="lead"`` counts it only for the
body of its first author).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Protocol, runtime_checkable

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.model import BodyKind, GroupKind, UnitKind
from cppcc_model.numbers import exact, format_fraction
from cppcc_model.rules._convert import optional_points
from cppcc_model.rules.selection import Where

__all__ = [
    "CREDITS",
    "GROUP_SUBJECTS",
    "AllMet",
    "AnyMet",
    "AtLeast",
    "Count",
    "External",
    "GroupCategory",
    "GroupItem",
    "GroupMeasure",
    "GroupRequirement",
    "GroupRules",
    "MemberCount",
    "MemberTotal",
    "NotMet",
    "QuartersCovered",
    "Rate",
    "RequirementShare",
    "SubjectKind",
]


SubjectKind = BodyKind
"""The kind of body a group rule assesses: :class:`~cppcc_model.model.BodyKind`, one of
:data:`GROUP_SUBJECTS`. (``SubjectKind`` was an enumeration of its own with these four members,
the same names and values; it is now this alias.)"""

GROUP_SUBJECTS = frozenset(
    {BodyKind.ACTIVITY_GROUP, BodyKind.UNIT, BodyKind.SECTOR, BodyKind.SPECIAL_COMMITTEE}
)
"""The bodies group rules assess: activity groups, units, sectors and special committees."""


@runtime_checkable
class GroupMeasure(Protocol):
    """What a group item measures about one body, as data: any block that can describe itself.

    The built-in measures below are evaluated by :func:`cppcc_model.assess.groups.measure`; a
    plugin's own measure also has ``measure(subject, context)``
    (:class:`cppcc_model.assess.groups.Measure`).
    """

    def describe(self) -> str:
        """A short description, for cards and outlines."""


CREDITS = ("members", "lead", "body", "members_or_body")
"""Whose records a count credits to a body: its members' (any author), its members' as first
author, the body's own (collective works), or its members' and its own (the default)."""


def _credit(value: str) -> str:
    if value not in CREDITS:
        raise InvalidValueError(
            f"credit {value!r} is not known",
            hint="use 'members' (any author in the body), 'lead' (first author), 'body' "
            "(collective works of the body) or 'members_or_body'",
        )
    return value


@attrs.frozen
class Count:
    """How many distinct records matching ``where`` the body produced."""

    where: Where
    credit: str = attrs.field(default="members_or_body", converter=_credit)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"count of {self.where.describe()}"


@attrs.frozen
class Rate:
    """A rate: matching records of ``numerator`` over those of ``denominator`` (0 when none).

    The filing rate 立案率 is ``Rate(Where("proposal", reached=["filed"]), Where("proposal"))``.
    """

    numerator: Where
    denominator: Where
    credit: str = attrs.field(default="members_or_body", converter=_credit)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"rate {self.numerator.describe()} / {self.denominator.describe()}"


@attrs.frozen
class QuartersCovered:
    """How many calendar quarters of the period have at least one matching record.

    广水: 每年在政协网站发稿4篇，原则上每季度不少于1篇 — the spread is
    ``QuartersCovered(Where("contribution", kinds=["publicity_article"]))`` reaching 4.
    """

    where: Where
    credit: str = attrs.field(default="members_or_body", converter=_credit)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"quarters with {self.where.describe()}"


@attrs.frozen
class AtLeast:
    """1 when ``inner`` reaches ``at_least``, else 0 — an all-or-nothing checklist item.

    ``GroupItem(..., AtLeast(Count(...), 4), points=10)`` gives 10 points for four or more.
    """

    inner: GroupMeasure
    at_least: Fraction = attrs.field(converter=exact)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"{self.inner.describe()} ≥ {format_fraction(self.at_least)}"


def _measures(value: Iterable[GroupMeasure]) -> tuple[GroupMeasure, ...]:
    parts = tuple(value)
    if not parts:
        raise InvalidValueError("a combination needs at least one measure", hint="list them")
    return parts


@attrs.frozen
class AllMet:
    """1 when every one of ``parts`` is met (above 0: an ``AtLeast``, a 1/0 input), else 0 (且)."""

    parts: tuple[GroupMeasure, ...] = attrs.field(converter=_measures)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return " 且 ".join(part.describe() for part in self.parts)


@attrs.frozen
class AnyMet:
    """1 when at least one of ``parts`` is met (above 0), else 0 (或)."""

    parts: tuple[GroupMeasure, ...] = attrs.field(converter=_measures)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return " 或 ".join(part.describe() for part in self.parts)


@attrs.frozen
class NotMet:
    """1 when ``inner`` is not met (0 or less), else 0 (未…: 全年无违纪记录)."""

    inner: GroupMeasure

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"非({self.inner.describe()})"


def _statistic(value: str) -> str:
    if value not in ("sum", "mean"):
        raise InvalidValueError(f"statistic {value!r} is not known", hint="use 'sum' or 'mean'")
    return value


@attrs.frozen
class MemberTotal:
    """The sum or the per-capita mean (人均) of the members' assessment totals."""

    statistic: str = attrs.field(default="mean", converter=_statistic)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"{self.statistic} of member totals"


@attrs.frozen
class MemberCount:
    """How many members the body has."""

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return "member count"


@attrs.frozen
class RequirementShare:
    """The share of the body's members who met ``requirement`` (六个一完成率).

    With ``requirement=None`` it is the share who met every binding requirement (mandatory and
    required ones; encouraged ones do not count), as the score card's ``requirements_met`` says.
    """

    requirement: str | None = None

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"share meeting {self.requirement or 'every binding requirement'}"


@attrs.frozen
class External:
    """A figure supplied from outside the ledger, per body (``external[key][body_id]``).

    Checklist items an assessor fills in — annual plan present (1) or not (0), ledgers complete —
    and ratings by constituents are inputs, not records. The figure is read from ``external``
    or, failing that, from the ledger's inputs (评分录入, with the body's ``subject_kind``). A
    missing value is ``default`` when one is given, and an error otherwise.
    """

    key: str
    default: Fraction | None = attrs.field(default=None, converter=optional_points)

    def describe(self) -> str:
        """A short description, for cards and outlines."""
        return f"input {self.key}"


@attrs.frozen
class GroupItem:
    """One clause of a group rule: a measure and the points it gives.

    ``points`` multiplies the measure (``Count(...)`` × 2 分/件); ``None`` takes the measure as
    the points (a per-capita score). ``cap`` bounds the line.
    """

    id: str
    label: str
    measure: GroupMeasure
    points: Fraction | None = attrs.field(default=None, converter=optional_points)
    cap: Fraction | None = attrs.field(default=None, converter=optional_points)
    clause: str | None = None


def _group_items(value: Iterable[GroupItem]) -> tuple[GroupItem, ...]:
    return tuple(value)


@attrs.frozen
class GroupCategory:
    """A category of group items, with base, cap and floor applied as for members."""

    id: str
    label: str
    items: tuple[GroupItem, ...] = attrs.field(converter=_group_items)
    base: Fraction | None = attrs.field(default=None, converter=optional_points)
    cap: Fraction | None = attrs.field(default=None, converter=optional_points)
    floor: Fraction | None = attrs.field(default=None, converter=optional_points)
    clause: str | None = None


def _group_categories(value: Iterable[GroupCategory]) -> tuple[GroupCategory, ...]:
    return tuple(value)


def _subject_kind(value: BodyKind | str) -> BodyKind:
    kind = BodyKind.parse(value)
    if kind not in GROUP_SUBJECTS:
        raise InvalidValueError(
            f"group rules cannot assess the body kind {kind.value!r} ({kind.label})",
            hint="assess activity_group, unit, sector or special_committee",
        )
    return kind


def _group_kinds(value: Iterable[GroupKind | str]) -> frozenset[GroupKind]:
    return frozenset(GroupKind.parse(v) for v in value)


def _unit_kinds(value: Iterable[UnitKind | str]) -> frozenset[UnitKind]:
    return frozenset(UnitKind.parse(v) for v in value)


@attrs.frozen
class GroupRequirement:
    """A minimum a body must reach: a measure of at least a value (每年至少组织1次专题学习)."""

    id: str
    label: str
    measure: GroupMeasure
    at_least: Fraction = attrs.field(converter=exact)
    clause: str | None = None


def _group_requirements(value: Iterable[GroupRequirement]) -> tuple[GroupRequirement, ...]:
    return tuple(value)


@attrs.frozen
class GroupRules:
    """A group assessment: which bodies, and the categories they are scored on.

    ``group_kinds`` restricts an activity-group assessment to town/street groups, say, so the
    two kinds of group can be assessed (and ranked) separately; ``unit_kinds`` restricts a
    unit assessment to the democratic parties, say.
    """

    id: str
    label: str
    subject: BodyKind = attrs.field(converter=_subject_kind)
    categories: tuple[GroupCategory, ...] = attrs.field(converter=_group_categories)
    group_kinds: frozenset[GroupKind] = attrs.field(factory=frozenset, converter=_group_kinds)
    unit_kinds: frozenset[UnitKind] = attrs.field(factory=frozenset, converter=_unit_kinds)
    requirements: tuple[GroupRequirement, ...] = attrs.field(
        default=(), converter=_group_requirements
    )
    clause: str | None = None

    def __attrs_post_init__(self) -> None:
        ids = [c.id for c in self.categories] + [i.id for c in self.categories for i in c.items]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise InvalidValueError(
                f"group rules {self.id!r} use ids more than once: {', '.join(repeated)}",
                hint="give every group category and item its own id",
            )
