"""Award criteria (表彰评选): who may win, how candidates are ordered, how many win.

An :class:`Award` is data, registered with its rule set: the kind of subject (members,
proposals, 社情民意 items, contributions, activity groups, units), eligibility (requirements met,
grades, excluded roles, a selection the subject's records must match, a minimum score), the
ranking key (a member's total or one category of it — possibly under *another* rule set — or a
value block for records), the :class:`Quota` (a fixed count, or a share of a stated denominator
with a stated rounding), :class:`Composition` constraints (at least 20% collective proposals),
and what to do with a tie at the cut. Selection itself is in :mod:`cppcc_model.assess.awards`.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import RoleKind
from cppcc_model.numbers import Number, exact
from cppcc_model.rules.selection import Where
from cppcc_model.rules.values import Value

__all__ = ["Award", "AwardSubject", "Composition", "Quota"]

_ROUNDING = {
    "half_up": decimal.ROUND_HALF_UP,
    "up": decimal.ROUND_CEILING,
    "down": decimal.ROUND_FLOOR,
}


def _round(value: Fraction, rounding: str) -> int:
    exact_decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return int(exact_decimal.quantize(Decimal(1), rounding=_ROUNDING[rounding]))


def _check_rounding(value: str) -> str:
    if value not in _ROUNDING:
        raise InvalidValueError(
            f"rounding {value!r} is not known",
            hint="use 'half_up' (四舍五入), 'up' (向上取整) or 'down' (向下取整)",
        )
    return value


def _optional_share(value: Number | None) -> Fraction | None:
    if value is None:
        return None
    share = exact(value, what="share")
    if not 0 < share <= 1:
        raise InvalidValueError(f"a share must be above 0 and at most 1, got {share}")
    return share


@attrs.frozen
class Quota:
    """How many win: a fixed ``count``, or ``share`` of a denominator rounded as stated.

    ``of`` is the denominator of a share: ``"candidates"`` (the eligible candidates),
    ``"population"`` (every subject of the kind in the period, eligible or not) or a number.
    ``rounding`` is ``"half_up"`` (the default), ``"up"`` or ``"down"``. A share always gives
    at least ``minimum`` winners (default 0).
    """

    count: int | None = None
    share: Fraction | None = attrs.field(default=None, converter=_optional_share)
    of: str | int = "candidates"
    rounding: str = attrs.field(default="half_up", converter=_check_rounding)
    minimum: int = 0

    def __attrs_post_init__(self) -> None:
        if (self.count is None) == (self.share is None):
            raise InvalidValueError(
                "a quota is either a count or a share", hint="give exactly one of count and share"
            )
        if self.count is not None and self.count < 0:
            raise InvalidValueError(f"a quota count cannot be negative, got {self.count}")
        if isinstance(self.of, str) and self.of not in ("candidates", "population"):
            raise InvalidValueError(
                f"quota denominator {self.of!r} is not known",
                hint="use 'candidates', 'population' or a number",
            )

    def size(self, candidates: int, population: int) -> int:
        """The number of winners for ``candidates`` eligible among ``population`` subjects."""
        if self.count is not None:
            return self.count
        assert self.share is not None
        denominator = (
            candidates
            if self.of == "candidates"
            else population
            if self.of == "population"
            else self.of
        )
        return max(self.minimum, _round(self.share * int(denominator), self.rounding))

    def describe(self) -> str:
        """``20`` or ``1/100 of candidates (half_up)``."""
        if self.count is not None:
            return str(self.count)
        return f"{self.share} of {self.of} ({self.rounding})"


def _at_least(value: Number) -> Fraction:
    share = exact(value, what="at_least")
    if not 0 <= share <= 1:
        raise InvalidValueError(f"at_least is a share of the winners, from 0 to 1; got {share}")
    return share


@attrs.frozen
class Composition:
    """At least ``at_least`` (a share) of the winners must carry ``tag``.

    Tags of proposal candidates are ``"collective"`` for collective proposals and the proposer
    kind's id; plugins may tag candidates further. The needed count is ``at_least`` × winners,
    rounded by ``rounding`` (default up: 20% of 58 is 11.6, so 12).
    """

    label: str
    tag: str
    at_least: Fraction = attrs.field(converter=_at_least)
    rounding: str = attrs.field(default="up", converter=_check_rounding)

    def needed(self, winners: int) -> int:
        """How many of ``winners`` must carry the tag."""
        return _round(self.at_least * winners, self.rounding)


class AwardSubject(LabeledEnum, kind_label="评选对象 (award subject)"):
    """What an award is given to."""

    MEMBER = ("member", "委员", "个人")
    PROPOSAL = ("proposal", "提案")
    INFO_REPORT = ("info_report", "社情民意信息", "社情民意")
    CONTRIBUTION = ("contribution", "履职成果", "调研报告")
    ACTIVITY_GROUP = ("activity_group", "委员活动组", "活动组")
    UNIT = ("unit", "参加单位", "党派")


def _subject(value: AwardSubject | str) -> AwardSubject:
    return AwardSubject.parse(value)


def _compositions(value: Iterable[Composition]) -> tuple[Composition, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _roles(value: Iterable[RoleKind | str]) -> tuple[RoleKind, ...]:
    return tuple(RoleKind.parse(v) for v in value)


def _optional_points(value: Number | None) -> Fraction | None:
    return None if value is None else exact(value)


def _ties(value: str) -> str:
    if value not in ("exclude", "name_order"):
        raise InvalidValueError(
            f"tie policy {value!r} is not known",
            hint="use 'exclude' (a tie straddling the cut wins nothing) or 'name_order'",
        )
    return value


@attrs.frozen
class Award:
    """One award's criteria.

    Attributes:
        id / label / clause: as for rule items (``"excellent_member"``, ``"优秀政协委员"``).
        subject: what is awarded.
        quota: how many win.
        score: for members, ``"total"`` or ``"category:<id>"`` or ``"line:<id>"`` of their score
            card; for groups and units, ``"total"``, ``"per_capita"`` or ``"category:<id>"`` of the
            group rule named by ``group_rules``; ignored for records (use ``value``).
        value: for record subjects, what a record is worth (a value block, e.g. ``ByStage``).
        score_rule_set: the name of another rule set whose member scores rank the candidates.
        group_rules: the id of the group rule whose cards rank group or unit candidates.
        where: for record subjects, the selection a record must match to be a candidate; for
            members, a selection at least one of their records must match (信息工作先进个人 must
            have 社情民意 items).
        requires: requirement ids a member must have met.
        grades: grades a member must have (any of them), if given.
        exclude_roles: roles whose holders are not candidates (主席、副主席 …).
        minimum_score: the least score a winner may have.
        composition: constraints on the set of winners.
        ties: a tie straddling the cut: ``"exclude"`` (the default: nobody in it wins, so the
            quota is never exceeded and nobody is chosen arbitrarily) or ``"name_order"``
            (姓氏笔画 order decides).
    """

    id: str
    label: str
    subject: AwardSubject = attrs.field(converter=_subject)
    quota: Quota
    score: str = "total"
    value: Value | None = None
    score_rule_set: str | None = None
    group_rules: str | None = None
    where: Where | None = None
    requires: tuple[str, ...] = attrs.field(default=(), converter=_names)
    grades: tuple[str, ...] = attrs.field(default=(), converter=_names)
    exclude_roles: tuple[RoleKind, ...] = attrs.field(default=(), converter=_roles)
    minimum_score: Fraction | None = attrs.field(default=None, converter=_optional_points)
    composition: tuple[Composition, ...] = attrs.field(default=(), converter=_compositions)
    ties: str = attrs.field(default="exclude", converter=_ties)
    clause: str | None = None

    def __attrs_post_init__(self) -> None:
        records = (AwardSubject.PROPOSAL, AwardSubject.INFO_REPORT, AwardSubject.CONTRIBUTION)
        if self.subject in records and self.value is None:
            raise InvalidValueError(
                f"award {self.id!r} ranks records, so it needs a value block",
                hint="give value=ByStage({...}) or another value block",
            )
        groups = (AwardSubject.ACTIVITY_GROUP, AwardSubject.UNIT)
        if self.subject in groups and self.group_rules is None:
            raise InvalidValueError(
                f"award {self.id!r} ranks {self.subject.label}, so it needs group_rules",
                hint="name the group rule whose cards rank the candidates",
            )
        if not (
            self.score in ("total", "per_capita")
            or self.score.startswith("category:")
            or self.score.startswith("line:")
        ):
            raise InvalidValueError(
                f"award {self.id!r}: score {self.score!r} is not known",
                hint="use 'total', 'per_capita', 'category:<id>' or 'line:<id>'",
            )
