"""Award criteria (表彰评选): who may win, how candidates are ordered, how many win.

An :class:`Award` is data, registered with its rule set: the kind of subject (members,
proposals, 社情民意 items, contributions, activity groups, units, sectors, special committees),
the order (highest or lowest first), eligibility (requirements met, grades, roles and other
exclusions, the records a subject must have, a score floor or ceiling, a rank gate over all
assessed), the ranking key (a member's total or one category of it — possibly under *another*
rule set — or a value block for records), the :class:`Quota` (a count, a share, a band, a soft
quota), :class:`Composition` constraints (at least 20% collective proposals), the tie-breaking
chain and the tie policy, and the periods it looks at. The quota blocks are in
:mod:`cppcc_model.rules.quotas`, the others in :mod:`cppcc_model.rules.award_gates`; selection
itself is in :mod:`cppcc_model.assess.awards`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import Period, RoleKind
from cppcc_model.model.organizations import BodyKind, body_kind_named
from cppcc_model.numbers import Number, exact
from cppcc_model.rules._convert import optional_points
from cppcc_model.rules.award_gates import (
    AllOfRecords,
    AnyOfRecords,
    Exclusion,
    Order,
    Periods,
    TieBreak,
    check_tie_policy,
)
from cppcc_model.rules.quotas import Quota, RankGate, check_rounding, round_count
from cppcc_model.rules.selection import Where
from cppcc_model.rules.values import Value

__all__ = ["Award", "AwardSubject", "Composition", "Quota", "RecordSelection"]

RecordSelection = Where | AnyOfRecords | AllOfRecords
"""What records an award's candidate must have: one selection, or any / all of several."""


def _check_rounding(value: str) -> str:
    return check_rounding(value)


def _round(value: Fraction, rounding: str) -> int:
    return round_count(value, rounding)


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
    SECTOR = ("sector", "界别")
    SPECIAL_COMMITTEE = ("special_committee", "专门委员会", "专委会")

    @property
    def body_kind(self) -> BodyKind | None:
        """This subject as a :class:`BodyKind`, or ``None`` for a member or a record."""
        return body_kind_named(self.value)

    @property
    def is_record(self) -> bool:
        """Whether the subject is a record (proposal, 社情民意 item, contribution)."""
        return self in (AwardSubject.PROPOSAL, AwardSubject.INFO_REPORT, AwardSubject.CONTRIBUTION)

    @property
    def is_body(self) -> bool:
        """Whether the subject is a body scored by a group rule."""
        return self.body_kind is not None


def _subject(value: AwardSubject | str) -> AwardSubject:
    return AwardSubject.parse(value)


def _order(value: Order | str) -> Order:
    return Order.parse(value)


def _compositions(value: Iterable[Composition]) -> tuple[Composition, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _roles(value: Iterable[RoleKind | str]) -> tuple[RoleKind, ...]:
    return tuple(RoleKind.parse(v) for v in value)


def _breakers(value: Iterable[TieBreak]) -> tuple[TieBreak, ...]:
    found = tuple(value)
    for breaker in found:
        if not isinstance(breaker, TieBreak):
            raise InvalidValueError(
                f"tie-breaker {breaker!r} is not a TieBreak",
                hint="write TieBreak('category:proposals', '提案得分高者优先')",
            )
    return found


def _exclusions(value: Iterable[Exclusion]) -> tuple[Exclusion, ...]:
    found = tuple(value)
    for exclusion in found:
        if not isinstance(exclusion, Exclusion):
            raise InvalidValueError(
                f"exclusion {exclusion!r} is not an Exclusion",
                hint="write Exclusion('受到党纪政务处分', input='discipline')",
            )
    return found


_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")


def _decided_on(value: str | None) -> str | None:
    if value is None:
        return None
    found = _MONTH_DAY.fullmatch(value)
    if found is None:
        raise InvalidValueError(
            f"decided_on {value!r} is not a month and day",
            hint="write MM-DD, such as '03-31' (the March after the period)",
        )
    try:
        dt.date(2000, int(found.group(1)), int(found.group(2)))
    except ValueError:
        raise InvalidValueError(f"decided_on {value!r} is not a day of the year") from None
    return value


_SCORES = "use 'total', 'per_capita', 'category:<id>' or 'line:<id>'"


@attrs.frozen
class Award:
    """One award's criteria.

    Attributes:
        id / label / clause: as for rule items (``"excellent_member"``, ``"优秀政协委员"``).
        subject: what is awarded.
        quota: how many win (a count, a share, a band or a soft quota).
        score: for members, ``"total"`` or ``"category:<id>"`` or ``"line:<id>"`` of their score
            card; for bodies, ``"total"``, ``"per_capita"`` or ``"category:<id>"`` of the group
            rule named by ``group_rules``; ignored for records (use ``value``).
        value: for record subjects, what a record is worth (a value block, e.g. ``ByStage``).
        score_rule_set: the name of another rule set whose member scores rank the candidates.
        group_rules: the id of the group rule whose cards rank body candidates.
        order: ``"highest"`` first (the default: awards) or ``"lowest"`` first (末位, "bottom
            N" warnings, not reappointed).
        where: for record subjects, the selection a record must match to be a candidate; for
            members, the records they must have: a :class:`Where`, or
            :class:`~cppcc_model.rules.award_gates.AnyOfRecords` /
            :class:`~cppcc_model.rules.award_gates.AllOfRecords` across record kinds.
        requires: requirement ids a member must have met.
        grades: grades a member must have (any of them), if given.
        exclude_roles: roles whose holders are not candidates (主席、副主席 …).
        exclude: further negative eligibility (a flag, a role, an outside input, a record).
        minimum_score / maximum_score: the least / most score a candidate may have, both
            inclusive (``minimum_score=80`` keeps exactly 80: 80分以上), compared with the exact
            score the award ranks by (``score``, combined over ``periods``), before rounding;
            applied after eligibility and the rank gate, and a candidate outside is left out at
            stage ``score`` with the reason.
        rank_gate: only subjects inside the top (bottom) share or count of *all assessed*,
            ranked before eligibility.
        composition: constraints on the set of winners.
        tie_breakers: the chain that separates equal scores (another figure, a count of
            records); what is still tied at the cut then follows ``ties``.
        ties: ``"exclude"`` (the default: nobody in a tie across the cut wins, so the quota is
            never exceeded and nobody is chosen arbitrarily), ``"include"`` (all of it wins;
            the list grows) or ``"name_order"`` (姓氏笔画 order decides).
        decided_on: ``"MM-DD"``: the award is decided on the first such day after the period;
            stages records reach by then count (an adoption in February counts for last year's
            award decided in March).
        periods: several periods aggregated, or selection required in each.
    """

    id: str
    label: str
    subject: AwardSubject = attrs.field(converter=_subject)
    quota: Quota
    score: str = "total"
    value: Value | None = None
    score_rule_set: str | None = None
    group_rules: str | None = None
    where: RecordSelection | None = None
    requires: tuple[str, ...] = attrs.field(default=(), converter=_names)
    grades: tuple[str, ...] = attrs.field(default=(), converter=_names)
    exclude_roles: tuple[RoleKind, ...] = attrs.field(default=(), converter=_roles)
    minimum_score: Fraction | None = attrs.field(default=None, converter=optional_points)
    composition: tuple[Composition, ...] = attrs.field(default=(), converter=_compositions)
    ties: str = attrs.field(default="exclude", converter=check_tie_policy)
    clause: str | None = None
    order: Order = attrs.field(default=Order.HIGHEST, converter=_order)
    tie_breakers: tuple[TieBreak, ...] = attrs.field(default=(), converter=_breakers)
    exclude: tuple[Exclusion, ...] = attrs.field(default=(), converter=_exclusions)
    maximum_score: Fraction | None = attrs.field(default=None, converter=optional_points)
    rank_gate: RankGate | None = None
    decided_on: str | None = attrs.field(default=None, converter=_decided_on)
    periods: Periods | None = None

    def __attrs_post_init__(self) -> None:
        if self.subject.is_record and self.value is None:
            raise InvalidValueError(
                f"award {self.id!r} ranks records, so it needs a value block",
                hint="give value=ByStage({...}) or another value block",
            )
        if self.subject.is_body and self.group_rules is None:
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
                f"award {self.id!r}: score {self.score!r} is not known", hint=_SCORES
            )
        if self.subject.is_record and isinstance(self.where, AnyOfRecords | AllOfRecords):
            raise InvalidValueError(
                f"award {self.id!r} ranks records: a record matches one selection",
                hint="AnyOfRecords / AllOfRecords are for members' records; give a Where",
            )
        for breaker in self.tie_breakers:
            kind = breaker.by.partition(":")[0]
            usable = (
                ("total", "category", "line", "records")
                if self.subject is AwardSubject.MEMBER
                else ("total",)
                if self.subject.is_record
                else ("total", "per_capita", "category")
            )
            if kind not in usable:
                raise InvalidValueError(
                    f"award {self.id!r}: tie-breaker {breaker.label!r} ({breaker.by}) has no "
                    f"figure for {self.subject.label}",
                    hint=f"for {self.subject.value} subjects break ties by: {', '.join(usable)}",
                )
        for exclusion in self.exclude:
            allowed = (
                ("flag", "role", "input", "where")
                if self.subject is AwardSubject.MEMBER
                else ("input", "where")
                if self.subject.is_record
                else ("input",)
            )
            if exclusion.ground.partition(":")[0].replace("records", "where") not in allowed:
                raise InvalidValueError(
                    f"award {self.id!r}: exclusion {exclusion.reason!r} cannot apply to "
                    f"{self.subject.label}",
                    hint=f"for {self.subject.value} subjects exclude by: {', '.join(allowed)}",
                )
        if (
            self.minimum_score is not None
            and self.maximum_score is not None
            and self.minimum_score > self.maximum_score
        ):
            raise InvalidValueError(
                f"award {self.id!r}: minimum_score is above maximum_score",
                hint="give minimum_score ≤ maximum_score",
            )

    def stages_as_of(self, period: Period) -> dt.date:
        """The day records' stages are read as of: ``decided_on`` after ``period``, or its end."""
        if self.decided_on is None:
            return period.end
        month, day = (int(part) for part in self.decided_on.split("-"))
        candidate = dt.date(period.end.year, month, day)
        if candidate <= period.end:
            candidate = dt.date(period.end.year + 1, month, day)
        return candidate
