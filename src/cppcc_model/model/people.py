"""Members (委员) and the roles they hold over time.

A :class:`Member` sits for one sector, usually belongs to one participating unit and one activity
group, may sit on special committees, and holds dated roles (:class:`RoleSpell`): standing-
committee member, chair, group leader … Rules that depend on a role ask
:meth:`Member.holds` on a date, never "now".
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model.organizations import BodyKind
from cppcc_model.model.periods import Period

__all__ = ["Gender", "Member", "RoleKind", "RoleSpell"]


class Gender(LabeledEnum, kind_label="性别 (gender)"):
    """A member's gender, as rosters record it."""

    MALE = ("male", "男")
    FEMALE = ("female", "女")


class RoleKind(LabeledEnum, kind_label="职务 (role)"):
    """A role a member can hold in the committee, one of its bodies, or an activity group."""

    STANDING_MEMBER = ("standing_member", "常委", "常务委员")
    CHAIR = ("chair", "主席")
    VICE_CHAIR = ("vice_chair", "副主席")
    SECRETARY_GENERAL = ("secretary_general", "秘书长")
    SPECIAL_COMMITTEE_CHAIR = ("special_committee_chair", "专委会主任", "专门委员会主任")
    SPECIAL_COMMITTEE_VICE_CHAIR = ("special_committee_vice_chair", "专委会副主任")
    SPECIAL_COMMITTEE_MEMBER = ("special_committee_member", "专委会委员", "专门委员会委员")
    GROUP_LEADER = ("group_leader", "活动组组长", "组长")
    GROUP_DEPUTY_LEADER = ("group_deputy_leader", "活动组副组长", "副组长")
    PARTY_BRANCH_SECRETARY = ("party_branch_secretary", "功能型党支部书记", "支部书记")


def _to_role_kind(value: RoleKind | str) -> RoleKind:
    return RoleKind.parse(value)


def _to_optional_gender(value: Gender | str | None) -> Gender | None:
    return None if value is None else Gender.parse(value)


@attrs.frozen
class RoleSpell:
    """A role held from ``start`` to ``end`` (both included; ``end`` ``None`` means still held).

    ``body_id`` names the special committee or activity group the role belongs to, where it
    belongs to one.
    """

    role: RoleKind = attrs.field(converter=_to_role_kind)
    start: dt.date = attrs.field(validator=check.date)
    end: dt.date | None = attrs.field(default=None, validator=check.not_before("start"))
    body_id: str | None = attrs.field(default=None, validator=check.optional_identifier)

    def covers(self, day: dt.date) -> bool:
        """Whether the role is held on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, period: Period) -> bool:
        """Whether the role is held on at least one day of ``period``."""
        return self.start <= period.end and (self.end is None or period.start <= self.end)


def _roles(value: object) -> tuple[RoleSpell, ...]:
    return tuple(check.to_tuple(value))  # type: ignore[arg-type]


@attrs.frozen
class Member:
    """A committee member (委员).

    ``unit_id`` is the participating unit (party) the member belongs to, ``activity_group_id``
    their activity group; both may be ``None``. ``special_committee_ids`` lists the special
    committees they sit on. ``joined`` / ``left`` bound their membership, where known.
    ``workplace`` is their work unit and post (工作单位及职务), as a public notice prints it.
    ``tags`` are free role tags beside the fixed, dated roles (驻会常委, 召集人, 联络员 …), held
    throughout the membership; rules read them with ``HasRole("召集人")``.
    """

    id: str = attrs.field(validator=check.identifier)
    name: str = attrs.field(validator=check.text)
    sector_id: str = attrs.field(validator=check.identifier)
    unit_id: str | None = attrs.field(default=None, validator=check.optional_identifier)
    activity_group_id: str | None = attrs.field(default=None, validator=check.optional_identifier)
    special_committee_ids: tuple[str, ...] = attrs.field(
        default=(), converter=check.to_tuple, validator=check.identifiers
    )
    roles: tuple[RoleSpell, ...] = attrs.field(default=(), converter=_roles)
    gender: Gender | None = attrs.field(default=None, converter=_to_optional_gender)
    joined: dt.date | None = attrs.field(default=None, validator=check.optional_date)
    left: dt.date | None = attrs.field(default=None, validator=check.not_before("joined"))
    workplace: str | None = attrs.field(default=None, validator=check.optional_text)
    tags: tuple[str, ...] = attrs.field(default=(), converter=check.to_tuple)

    @tags.validator
    def _check_tags(self, attribute: attrs.Attribute[object], value: tuple[object, ...]) -> None:
        for tag in value:
            if not isinstance(tag, str) or not tag.strip() or tag != tag.strip():
                raise InvalidValueError(
                    f"Member.tags: {tag!r} is not a usable role tag",
                    where=Location(record_id=self.id),
                    hint="write tags as short text without surrounding spaces (驻会常委, 召集人)",
                )

    @roles.validator
    def _check_roles(self, attribute: attrs.Attribute[object], value: tuple[object, ...]) -> None:
        for spell in value:
            if not isinstance(spell, RoleSpell):
                raise InvalidValueError(
                    f"Member.roles: {spell!r} is not a role spell",
                    where=Location(record_id=self.id),
                    hint="give each role as RoleSpell(role, start, end)",
                )

    def holds(self, role: RoleKind, on: dt.date) -> bool:
        """Whether the member holds ``role`` on ``on``."""
        return any(spell.role is role and spell.covers(on) for spell in self.roles)

    def held_during(self, role: RoleKind, period: Period) -> bool:
        """Whether the member holds ``role`` on at least one day of ``period``."""
        return any(spell.role is role and spell.overlaps(period) for spell in self.roles)

    def roles_on(self, on: dt.date) -> frozenset[RoleKind]:
        """Every role the member holds on ``on``."""
        return frozenset(spell.role for spell in self.roles if spell.covers(on))

    def is_serving(self, on: dt.date) -> bool:
        """Whether ``on`` lies within the member's membership (unknown bounds count as open)."""
        return (self.joined is None or self.joined <= on) and (self.left is None or on <= self.left)

    def served_during(self, period: Period) -> bool:
        """Whether the member served on at least one day of ``period``."""
        return (self.joined is None or self.joined <= period.end) and (
            self.left is None or period.start <= self.left
        )

    def body_ids(self, kind: BodyKind) -> tuple[str, ...]:
        """The ids of the bodies of ``kind`` the member belongs to: the one membership rule.

        A member sits for one sector, belongs to at most one participating unit and one
        activity group, and may sit on several special committees. Every member belongs to the
        whole committee, but its id is the ledger's, so ``COMMITTEE`` (like the office and
        outside bodies, which have no members) gives no ids here.

        >>> member = Member("m1", "汪明", "economy", unit_id="jiusan",
        ...                 special_committee_ids=("proposals", "culture"))
        >>> member.body_ids(BodyKind.SECTOR), member.body_ids(BodyKind.UNIT)
        (('economy',), ('jiusan',))
        >>> member.body_ids(BodyKind.ACTIVITY_GROUP), member.body_ids(BodyKind.SPECIAL_COMMITTEE)
        ((), ('proposals', 'culture'))
        """
        if kind is BodyKind.SECTOR:
            return (self.sector_id,)
        if kind is BodyKind.UNIT:
            return () if self.unit_id is None else (self.unit_id,)
        if kind is BodyKind.ACTIVITY_GROUP:
            return () if self.activity_group_id is None else (self.activity_group_id,)
        if kind is BodyKind.SPECIAL_COMMITTEE:
            return self.special_committee_ids
        return ()
