"""Committees and the bodies inside them: sectors, participating units, committees, groups.

* :class:`Committee` — a CPPCC committee (政协委员会) at one :class:`Level`.
* :class:`Sector` — a 界别; every member sits for one.
* :class:`ParticipatingUnit` — a 参加单位: the CPC, the eight democratic parties, 工商联,
  无党派人士 and the people's organisations. :data:`STANDARD_UNITS` holds their standard names.
* :class:`SpecialCommittee` — a 专门委员会 (提案委, 经济委, 文史委 …).
* :class:`ActivityGroup` — a 委员活动组: town/street based, sector based, or paired with a special
  committee, usually with a functional party branch (功能型党支部).
* :class:`BodyRef` — a reference to any of these bodies, as an organiser or a collective author.
"""

from __future__ import annotations

import attrs

from cppcc_model.errors import UnknownLabelError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model.office import (
    DEFAULT_REPLY_SCHEME,
    DEFAULT_SATISFACTION_SCALE,
    ClosedMeaning,
    FilingCount,
    MergeStage,
    ReplyBase,
    ReplyScheme,
    SatisfactionBase,
    SatisfactionScale,
)

__all__ = [
    "STANDARD_UNITS",
    "ActivityGroup",
    "BodyKind",
    "BodyRef",
    "Committee",
    "GroupKind",
    "Level",
    "ParticipatingUnit",
    "Sector",
    "SpecialCommittee",
    "UnitKind",
    "body_kind_named",
    "standard_unit",
]


class Level(LabeledEnum, kind_label="级别 (level)"):
    """The level of a CPPCC committee, or of an adoption, instruction or commendation."""

    COUNTY = ("county", "区县", "区", "县", "县级", "区级", "district", "本级")
    CITY = ("city", "市", "市级", "地市", "州", "州级")
    PROVINCE = ("province", "省", "省级", "自治区")
    NATIONAL = ("national", "全国", "国家级", "中央")

    @property
    def rank(self) -> int:
        """0 for county up to 3 for national, so levels can be compared."""
        return _LEVEL_RANKS[self]


def _to_level(value: Level | str) -> Level:
    return Level.parse(value)


def _to_optional_level(value: Level | str | None) -> Level | None:
    """``None`` or a level (the converter the records with a level share)."""
    return None if value is None else Level.parse(value)


def _to_unit_kind(value: UnitKind | str) -> UnitKind:
    return UnitKind.parse(value)


def _to_group_kind(value: GroupKind | str) -> GroupKind:
    return GroupKind.parse(value)


def _to_body_kind(value: BodyKind | str) -> BodyKind:
    return BodyKind.parse(value)


_LEVEL_RANKS = {level: index for index, level in enumerate(Level)}


def _to_merge_stage(value: MergeStage | str | None) -> MergeStage | None:
    return None if value is None else MergeStage.parse(value)


def _to_filing_count(value: FilingCount | str | None) -> FilingCount | None:
    return None if value is None else FilingCount.parse(value)


def _to_satisfaction_base(value: SatisfactionBase | str | None) -> SatisfactionBase | None:
    return None if value is None else SatisfactionBase.parse(value)


def _to_reply_base(value: ReplyBase | str | None) -> ReplyBase | None:
    return None if value is None else ReplyBase.parse(value)


def _to_closed_means(value: ClosedMeaning | str | None) -> ClosedMeaning | None:
    return None if value is None else ClosedMeaning.parse(value)


def _scheme_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    check.text(instance, attribute, value)
    assert isinstance(value, str)
    if attribute.name == "reply_categories":
        ReplyScheme.parse(value)
    else:
        SatisfactionScale.parse(value)


@attrs.frozen
class Committee:
    """A CPPCC committee (政协委员会), and the definitions its office uses.

    ``jurisdiction`` is the key rule sets are registered under (for instance
    ``"hubei.xiangyang.xiangzhou"``); it is stable across terms.

    The office's own choices (each ``None`` means the library default; see
    :mod:`cppcc_model.model.office` and docs/proposals.md):

    * ``reply_categories`` — its reply categories (答复类别), ``A:已解决或采纳=solved；…``;
    * ``satisfaction_levels`` — its satisfaction scale (满意度等级), ``满意=satisfied；…``;
    * ``merge_stage`` — when it merges proposals (并案时机);
    * ``filing_count`` — what its 立案 figure counts (立案口径);
    * ``satisfaction_base`` — its satisfaction rate's denominator (满意率口径);
    * ``reply_base`` — its reply rate's denominator (办复率口径);
    * ``closed_means`` — what it calls closed (办结口径).
    """

    id: str = attrs.field(validator=check.identifier)
    name: str = attrs.field(validator=check.text)
    level: Level = attrs.field(converter=_to_level)
    jurisdiction: str = attrs.field(validator=check.identifier)
    parent_jurisdiction: str | None = attrs.field(default=None, validator=check.optional_identifier)
    reply_categories: str | None = attrs.field(default=None, validator=_scheme_text)
    satisfaction_levels: str | None = attrs.field(default=None, validator=_scheme_text)
    merge_stage: MergeStage | None = attrs.field(
        default=None,
        converter=_to_merge_stage,
    )
    filing_count: FilingCount | None = attrs.field(
        default=None,
        converter=_to_filing_count,
    )
    satisfaction_base: SatisfactionBase | None = attrs.field(
        default=None,
        converter=_to_satisfaction_base,
    )
    reply_base: ReplyBase | None = attrs.field(
        default=None,
        converter=_to_reply_base,
    )
    closed_means: ClosedMeaning | None = attrs.field(
        default=None,
        converter=_to_closed_means,
    )

    @property
    def reply_scheme(self) -> ReplyScheme:
        """The office's reply categories (the A / B / C scheme unless it states its own)."""
        if self.reply_categories is None:
            return DEFAULT_REPLY_SCHEME
        return ReplyScheme.parse(self.reply_categories)

    @property
    def satisfaction_scale(self) -> SatisfactionScale:
        """The office's satisfaction levels (满意 / 基本满意 / 不满意 unless it states its own)."""
        if self.satisfaction_levels is None:
            return DEFAULT_SATISFACTION_SCALE
        return SatisfactionScale.parse(self.satisfaction_levels)


@attrs.frozen
class Sector:
    """A 界别: the sector a member sits for (中共, 经济界, 教育界, 无党派人士 …)."""

    id: str = attrs.field(validator=check.identifier)
    name: str = attrs.field(validator=check.text)


class UnitKind(LabeledEnum, kind_label="参加单位类别 (kind of participating unit)"):
    """What kind of participating unit (参加单位) a unit is."""

    CPC = ("cpc", "中国共产党", "中共", "党")
    DEMOCRATIC_PARTY = ("democratic_party", "民主党派", "党派")
    FEDERATION = ("federation", "工商联", "工商业联合会")
    NON_PARTY = ("non_party", "无党派人士", "无党派")
    PEOPLES_ORGANISATION = ("peoples_organisation", "人民团体", "团体")
    OTHER = ("other", "其他")


@attrs.frozen
class ParticipatingUnit:
    """A 参加单位: a party, the federation of industry and commerce, or a people's organisation."""

    id: str = attrs.field(validator=check.identifier)
    name: str = attrs.field(validator=check.text)
    short_name: str = attrs.field(validator=check.text)
    kind: UnitKind = attrs.field(converter=_to_unit_kind)


def _unit(uid: str, name: str, short: str, kind: UnitKind) -> ParticipatingUnit:
    return ParticipatingUnit(id=uid, name=name, short_name=short, kind=kind)


STANDARD_UNITS: tuple[ParticipatingUnit, ...] = (
    _unit("cpc", "中国共产党", "中共", UnitKind.CPC),
    _unit("rcckmt", "中国国民党革命委员会", "民革", UnitKind.DEMOCRATIC_PARTY),
    _unit("cdl", "中国民主同盟", "民盟", UnitKind.DEMOCRATIC_PARTY),
    _unit("cdnca", "中国民主建国会", "民建", UnitKind.DEMOCRATIC_PARTY),
    _unit("capd", "中国民主促进会", "民进", UnitKind.DEMOCRATIC_PARTY),
    _unit("cpwdp", "中国农工民主党", "农工党", UnitKind.DEMOCRATIC_PARTY),
    _unit("czgp", "中国致公党", "致公党", UnitKind.DEMOCRATIC_PARTY),
    _unit("jiusan", "九三学社", "九三学社", UnitKind.DEMOCRATIC_PARTY),
    _unit("tdsgl", "台湾民主自治同盟", "台盟", UnitKind.DEMOCRATIC_PARTY),
    _unit("acfic", "中华全国工商业联合会", "工商联", UnitKind.FEDERATION),
    _unit("non-party", "无党派人士", "无党派人士", UnitKind.NON_PARTY),
    _unit("cyl", "中国共产主义青年团", "共青团", UnitKind.PEOPLES_ORGANISATION),
    _unit("acftu", "中华全国总工会", "总工会", UnitKind.PEOPLES_ORGANISATION),
    _unit("acwf", "中华全国妇女联合会", "妇联", UnitKind.PEOPLES_ORGANISATION),
    _unit("acyf", "中华全国青年联合会", "青联", UnitKind.PEOPLES_ORGANISATION),
    _unit("cast", "中国科学技术协会", "科协", UnitKind.PEOPLES_ORGANISATION),
    _unit("actcf", "中华全国台湾同胞联谊会", "台联", UnitKind.PEOPLES_ORGANISATION),
    _unit("acfroc", "中华全国归国华侨联合会", "侨联", UnitKind.PEOPLES_ORGANISATION),
)
"""The standard participating units with their full and short names (ids are stable)."""


def standard_unit(name: str) -> ParticipatingUnit:
    """The standard unit with this id, full name or short name (simplified or traditional).

    >>> standard_unit("農工黨").name
    '中国农工民主党'
    """
    from cppcc_model.labels import normalize_label

    wanted = normalize_label(name)
    for unit in STANDARD_UNITS:
        if wanted in {
            normalize_label(unit.id),
            normalize_label(unit.name),
            normalize_label(unit.short_name),
        }:
            return unit
    raise UnknownLabelError(
        f"{name!r} is not a standard participating unit",
        hint="use one of: "
        + ", ".join(unit.short_name for unit in STANDARD_UNITS)
        + ", or define a ParticipatingUnit of your own",
    )


@attrs.frozen
class SpecialCommittee:
    """A 专门委员会 (提案委员会, 经济委员会, 文史学习委员会 …)."""

    id: str = attrs.field(validator=check.identifier)
    name: str = attrs.field(validator=check.text)
    short_name: str | None = attrs.field(default=None, validator=check.optional_text)


class GroupKind(LabeledEnum, kind_label="活动组类别 (kind of activity group)"):
    """How an activity group (委员活动组) is formed."""

    TOWN_STREET = ("town_street", "镇街活动组", "镇街", "联络处", "town", "street")
    SECTOR = ("sector", "界别活动组", "界别组", "界别")
    SPECIAL_COMMITTEE = ("special_committee", "专委会活动组", "区直活动组", "专委会")


@attrs.frozen
class ActivityGroup:
    """A 委员活动组. Its members are the members whose ``activity_group_id`` names it.

    ``paired_committee_id`` names the special committee a district-level group works with
    (第1活动组 + 提案委员会); ``party_branch`` names its functional party branch, if it has one.
    """

    id: str = attrs.field(validator=check.identifier)
    name: str = attrs.field(validator=check.text)
    kind: GroupKind = attrs.field(converter=_to_group_kind)
    paired_committee_id: str | None = attrs.field(default=None, validator=check.optional_identifier)
    party_branch: str | None = attrs.field(default=None, validator=check.optional_text)


class BodyKind(LabeledEnum, kind_label="组织类别 (kind of body)"):
    """Which kind of body: the one vocabulary of bodies.

    What a :class:`BodyRef` points at, and what group rules assess
    (:data:`cppcc_model.rules.groups.SubjectKind` is this enumeration, limited to activity
    groups, units, sectors and special committees). ``COMMITTEE`` is the whole committee (政协);
    a special committee is ``SPECIAL_COMMITTEE``.
    """

    COMMITTEE = ("committee", "政协", "委员会", "政协机关")
    SPECIAL_COMMITTEE = ("special_committee", "专门委员会", "专委会")
    ACTIVITY_GROUP = ("activity_group", "委员活动组", "活动组")
    UNIT = ("unit", "参加单位", "党派团体", "党派")
    SECTOR = ("sector", "界别")
    OFFICE = ("office", "办公室", "机关部门")
    EXTERNAL = ("external", "其他单位", "外部单位")


def body_kind_named(value: str) -> BodyKind | None:
    """The kind of body whose id is ``value``, or ``None`` when ``value`` names no body.

    The vocabularies that mix bodies with other things (what an award is given to, what
    statistics are grouped by, cohorts, who an input is for) spell their bodies with
    :class:`BodyKind`'s ids; each has a ``body_kind`` property built on this.

    >>> body_kind_named("activity_group"), body_kind_named("proposal")
    (<BodyKind.ACTIVITY_GROUP: 'activity_group'>, None)
    """
    return next((kind for kind in BodyKind if kind.value == value), None)


@attrs.frozen
class BodyRef:
    """A reference to a body: the organiser of an activity or the author of a collective work.

    ``id`` names a record of the ledger for every kind but :attr:`BodyKind.OFFICE` and
    :attr:`BodyKind.EXTERNAL`, whose ``id`` is a free name (``"办公室"``, ``"区委统战部"``).
    """

    kind: BodyKind = attrs.field(converter=_to_body_kind)
    id: str = attrs.field(validator=check.text)

    @property
    def is_internal(self) -> bool:
        """Whether ``id`` must name a record of the ledger."""
        return self.kind not in (BodyKind.OFFICE, BodyKind.EXTERNAL)
