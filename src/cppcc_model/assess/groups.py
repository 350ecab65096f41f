"""Assessing groups: activity groups, participating units, sectors and special committees.

Offices assess more than members. A group rule (:class:`GroupRules`) scores every body of one
kind — every activity group (委员活动组), every participating unit (参加单位) … — from

* **its members' results**: the sum or the per-capita mean of their member-assessment totals
  (:class:`MemberTotal`), the share of them meeting a requirement (:class:`RequirementShare`);
* **its records**: how many distinct proposals, 社情民意 items, activities … its members (or the
  body itself, as a collective author) produced that match a selection (:class:`Count`), and rates
  such as the filing rate 立案率 (:class:`Rate`);
* **inputs from outside the ledger** (:class:`External`): checklist items an assessor fills in
  (annual plan present, ledgers complete …).

Each :class:`GroupItem` turns its measure into points (``points`` per unit, or the measure
itself), with an optional cap; :class:`GroupCategory` adds base, cap and floor as member
categories do. :func:`assess_groups` gives a :class:`GroupCard` per body, with the records behind
every count, and the total and per-capita figures that group rankings use.

A record counts once per body however many of the body's members wrote it, and a joint record
counts for every body one of its authors belongs to (``credit="lead"`` counts it only for the
body of its first author).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol, runtime_checkable

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.errors import CppccError, InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    BodyKind,
    BodyRef,
    GroupKind,
    InputSubject,
    Level,
    Member,
    Period,
    UnitKind,
)
from cppcc_model.numbers import Number, exact, format_fraction
from cppcc_model.rules.facts import (
    AuthorRole,
    Fact,
    FactContext,
    Source,
    Stage,
    facts_for_member,
    info_stages,
)
from cppcc_model.rules.facts import proposal_stages as _proposal_stages
from cppcc_model.rules.selection import Where

__all__ = [
    "AllMet",
    "AnyMet",
    "AtLeast",
    "Count",
    "External",
    "GroupCard",
    "GroupCategory",
    "GroupItem",
    "GroupLine",
    "GroupRequirement",
    "GroupRequirementResult",
    "GroupRules",
    "GroupsAssessment",
    "Measure",
    "MeasureContext",
    "MemberCount",
    "MemberTotal",
    "NotMet",
    "QuartersCovered",
    "Rate",
    "RequirementShare",
    "SubjectKind",
    "assess_groups",
    "facts_by_body",
    "subjects_of",
]


class SubjectKind(LabeledEnum, kind_label="考核对象 (kind of assessed body)"):
    """What kind of body a group rule assesses."""

    ACTIVITY_GROUP = ("activity_group", "委员活动组", "活动组")
    UNIT = ("unit", "参加单位", "党派团体", "党派")
    SECTOR = ("sector", "界别")
    SPECIAL_COMMITTEE = ("special_committee", "专门委员会", "专委会")


_INPUT_SUBJECT = {
    SubjectKind.ACTIVITY_GROUP: InputSubject.ACTIVITY_GROUP,
    SubjectKind.UNIT: InputSubject.UNIT,
    SubjectKind.SECTOR: InputSubject.SECTOR,
    SubjectKind.SPECIAL_COMMITTEE: InputSubject.SPECIAL_COMMITTEE,
}

_BODY_KIND = {
    SubjectKind.ACTIVITY_GROUP: BodyKind.ACTIVITY_GROUP,
    SubjectKind.UNIT: BodyKind.UNIT,
    SubjectKind.SECTOR: BodyKind.SECTOR,
    SubjectKind.SPECIAL_COMMITTEE: BodyKind.SPECIAL_COMMITTEE,
}


@attrs.frozen
class Subject:
    """One assessed body with its members (in roster order)."""

    kind: SubjectKind
    id: str
    name: str
    member_ids: tuple[str, ...]
    group_kind: GroupKind | None = None
    unit_kind: UnitKind | None = None


def subjects_of(ledger: Ledger, kind: SubjectKind, period: Period) -> tuple[Subject, ...]:
    """Every body of ``kind`` in the ledger, with the members who served during ``period``."""
    serving = [m for m in ledger.members if m.served_during(period)]

    def ids(members: Iterable[Member]) -> tuple[str, ...]:
        return tuple(m.id for m in members)

    if kind is SubjectKind.ACTIVITY_GROUP:
        return tuple(
            Subject(
                kind, g.id, g.name, ids(m for m in serving if m.activity_group_id == g.id), g.kind
            )
            for g in ledger.activity_groups
        )
    if kind is SubjectKind.UNIT:
        return tuple(
            Subject(
                kind, u.id, u.short_name, ids(m for m in serving if m.unit_id == u.id), None, u.kind
            )
            for u in ledger.units
        )
    if kind is SubjectKind.SECTOR:
        return tuple(
            Subject(kind, s.id, s.name, ids(m for m in serving if m.sector_id == s.id))
            for s in ledger.sectors
        )
    return tuple(
        Subject(kind, c.id, c.name, ids(m for m in serving if c.id in m.special_committee_ids))
        for c in ledger.special_committees
    )


@attrs.frozen
class MeasureContext:
    """What a measure may read, computed once per assessment; public and read-only.

    Attributes:
        ledger: the committee's records.
        period: the assessment period.
        member_facts: each subject member's facts in the period (member id → facts).
        body_facts: the facts of records by a body ((kind, id) → facts).
        members: the members' assessment, where one was given (for totals and requirements).
        external: figures passed to :func:`assess_groups` (``{key: {body_id: value}}``).
        as_of: the date records are read as of.

    Inputs given in the ledger (评分录入) are read with :meth:`input`.
    """

    ledger: Ledger
    period: Period
    member_facts: Mapping[str, Sequence[Fact]]
    body_facts: Mapping[tuple[BodyKind, str], Sequence[Fact]]
    members: Assessment | None
    external: Mapping[str, Mapping[str, object]]
    as_of: dt.date | None = None

    def input(self, key: str, subject: Subject) -> Fraction | None:
        """The figure ``key`` given for ``subject``: passed in ``external``, else in the ledger."""
        values = self.external.get(key, {})
        if subject.id in values:
            raw = values[subject.id]
            return Fraction(int(raw)) if isinstance(raw, bool) else exact(raw, what=key)
        given = self.ledger.inputs_for(subject.id, self.period, key, _INPUT_SUBJECT[subject.kind])
        if not given:
            return None
        return sum((g.value for g in given), Fraction(0))


_Context = MeasureContext
"""The former private name, kept for plugins written against it."""


@runtime_checkable
class Measure(Protocol):
    """What a group item measures about one body: the public extension point for groups.

    A measure is any object with these two methods; it must be pure (same body, same context,
    same result) and exact.
    """

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """The measure, the records behind it, and a note for the card."""

    def describe(self) -> str:
        """A short description."""


_CREDITS = ("members", "lead", "body", "members_or_body")


def _dated_records(
    subject: Subject, where: Where, credit: str, context: _Context
) -> dict[str, dt.date]:
    """The records credited to ``subject`` that match ``where``, with their dates."""
    found: dict[str, dt.date] = {}
    if credit != "body":
        for member_id in subject.member_ids:
            for fact in context.member_facts.get(member_id, ()):
                if credit == "lead" and fact.position != 0 and fact.role is not AuthorRole.ATTENDEE:
                    continue
                if where.matches(fact):
                    found[fact.record_id] = fact.on
    if credit in ("body", "members_or_body"):
        for fact in context.body_facts.get((_BODY_KIND[subject.kind], subject.id), ()):
            if where.matches(fact):
                found[fact.record_id] = fact.on
    return found


def _records(
    subject: Subject, where: Where, credit: str, context: MeasureContext
) -> tuple[str, ...]:
    return tuple(sorted(_dated_records(subject, where, credit, context)))


def _credit(value: str) -> str:
    if value not in _CREDITS:
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

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        records = _records(subject, self.where, self.credit, context)
        return Fraction(len(records)), records, f"{len(records)} record(s)"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"count of {self.where.describe()}"


@attrs.frozen
class Rate:
    """A rate: matching records of ``numerator`` over those of ``denominator`` (0 when none).

    The filing rate 立案率 is ``Rate(Where("proposal", reached=["filed"]), Where("proposal"))``.
    """

    numerator: Where
    denominator: Where
    credit: str = attrs.field(default="members_or_body", converter=_credit)

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        base = _records(subject, self.denominator, self.credit, context)
        hits = tuple(
            r for r in _records(subject, self.numerator, self.credit, context) if r in base
        )
        if not base:
            return Fraction(0), (), "no records: rate 0"
        rate = Fraction(len(hits), len(base))
        return rate, hits, f"{len(hits)}/{len(base)}"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"rate {self.numerator.describe()} / {self.denominator.describe()}"


@attrs.frozen
class QuartersCovered:
    """How many calendar quarters of the period have at least one matching record.

    广水: 每年在政协网站发稿4篇，原则上每季度不少于1篇 — the spread is
    ``QuartersCovered(Where("contribution", kinds=["publicity_article"]))`` reaching 4.
    """

    where: Where
    credit: str = attrs.field(default="members_or_body", converter=_credit)

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        dated = _dated_records(subject, self.where, self.credit, context)
        quarters = sorted({(d.year, (d.month - 1) // 3 + 1) for d in dated.values()})
        names = ", ".join(f"{y}Q{q}" for y, q in quarters) or "none"
        return Fraction(len(quarters)), tuple(sorted(dated)), f"quarters with records: {names}"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"quarters with {self.where.describe()}"


@attrs.frozen
class AtLeast:
    """1 when ``inner`` reaches ``at_least``, else 0 — an all-or-nothing checklist item.

    ``GroupItem(..., AtLeast(Count(...), 4), points=10)`` gives 10 points for four or more.
    """

    inner: Measure
    at_least: Fraction = attrs.field(converter=exact)

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        value, records, note = self.inner.measure(subject, context)
        reached = value >= self.at_least
        verdict = "≥" if reached else "<"
        return (
            Fraction(1 if reached else 0),
            records,
            f"{note}; {format_fraction(value)} {verdict} {format_fraction(self.at_least)}",
        )

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"{self.inner.describe()} ≥ {format_fraction(self.at_least)}"


def _measures(value: Iterable[Measure]) -> tuple[Measure, ...]:
    parts = tuple(value)
    if not parts:
        raise InvalidValueError("a combination needs at least one measure", hint="list them")
    return parts


def _combined(
    parts: tuple[Measure, ...], subject: Subject, context: MeasureContext
) -> tuple[list[bool], tuple[str, ...], str]:
    results = [part.measure(subject, context) for part in parts]
    records = tuple(dict.fromkeys(r for _, found, _ in results for r in found))
    return [value > 0 for value, _, _ in results], records, "; ".join(n for _, _, n in results)


@attrs.frozen
class AllMet:
    """1 when every one of ``parts`` is met (above 0: an ``AtLeast``, a 1/0 input), else 0 (且)."""

    parts: tuple[Measure, ...] = attrs.field(converter=_measures)

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        met, records, note = _combined(self.parts, subject, context)
        return Fraction(int(all(met))), records, f"all of ({note})"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return " 且 ".join(part.describe() for part in self.parts)


@attrs.frozen
class AnyMet:
    """1 when at least one of ``parts`` is met (above 0), else 0 (或)."""

    parts: tuple[Measure, ...] = attrs.field(converter=_measures)

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        met, records, note = _combined(self.parts, subject, context)
        return Fraction(int(any(met))), records, f"any of ({note})"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return " 或 ".join(part.describe() for part in self.parts)


@attrs.frozen
class NotMet:
    """1 when ``inner`` is not met (0 or less), else 0 (未…: 全年无违纪记录)."""

    inner: Measure

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        value, records, note = self.inner.measure(subject, context)
        return Fraction(int(value <= 0)), records, f"not ({note})"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"非({self.inner.describe()})"


def _statistic(value: str) -> str:
    if value not in ("sum", "mean"):
        raise InvalidValueError(f"statistic {value!r} is not known", hint="use 'sum' or 'mean'")
    return value


@attrs.frozen
class MemberTotal:
    """The sum or the per-capita mean (人均) of the members' assessment totals."""

    statistic: str = attrs.field(default="mean", converter=_statistic)

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        if context.members is None:
            raise CppccError(
                "a MemberTotal measure needs the members' assessment",
                hint="pass members=assess(ledger, rule_set, period) to assess_groups",
            )
        totals = context.members.totals()
        scores = [totals[m] for m in subject.member_ids if m in totals]
        total = sum(scores, Fraction(0))
        if self.statistic == "sum":
            return total, (), f"sum of {len(scores)} members"
        if not scores:
            return Fraction(0), (), "no members: mean 0"
        return total / len(scores), (), f"{format_fraction(total)} / {len(scores)} members"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"{self.statistic} of member totals"


@attrs.frozen
class MemberCount:
    """How many members the body has."""

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        return (
            Fraction(len(subject.member_ids)),
            subject.member_ids,
            f"{len(subject.member_ids)} members",
        )

    def describe(self) -> str:
        """See :class:`Measure`."""
        return "member count"


@attrs.frozen
class RequirementShare:
    """The share of the body's members who met ``requirement`` (六个一完成率).

    With ``requirement=None`` it is the share who met every binding requirement (mandatory and
    required ones; encouraged ones do not count), as the score card's ``requirements_met`` says.
    """

    requirement: str | None = None

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        if context.members is None:
            raise CppccError(
                "a RequirementShare measure needs the members' assessment",
                hint="pass members=assess(ledger, rule_set, period) to assess_groups",
            )
        assessed = {c.member_id: c for c in context.members.cards}
        cards = [assessed[m] for m in subject.member_ids if m in assessed]
        met = tuple(
            c.member_id
            for c in cards
            if (
                c.requirements_met
                if self.requirement is None
                else any(r.requirement_id == self.requirement and r.met for r in c.requirements)
            )
        )
        if not cards:
            return Fraction(0), (), "no members"
        return Fraction(len(met), len(cards)), met, f"{len(met)}/{len(cards)} met"

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"share meeting {self.requirement or 'every binding requirement'}"


def _optional_points(value: Number | None) -> Fraction | None:
    return None if value is None else exact(value)


@attrs.frozen
class External:
    """A figure supplied from outside the ledger, per body (``external[key][body_id]``).

    Checklist items an assessor fills in — annual plan present (1) or not (0), ledgers complete —
    and ratings by constituents are inputs, not records. The figure is read from ``external``
    or, failing that, from the ledger's inputs (评分录入, with the body's ``subject_kind``). A
    missing value is ``default`` when one is given, and an error otherwise.
    """

    key: str
    default: Fraction | None = attrs.field(default=None, converter=_optional_points)

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """See :class:`Measure`."""
        value = context.input(self.key, subject)
        if value is not None:
            return value, (), f"{self.key} = {format_fraction(value)} (input)"
        if self.default is not None:
            return self.default, (), f"{self.key} not given: {format_fraction(self.default)}"
        raise CppccError(
            f"no value of {self.key!r} was given for {subject.name} ({subject.id})",
            where=Location(record_id=subject.id),
            hint=f"add it to the inputs table (评分录入) or pass external={{'{self.key}': "
            f"{{'{subject.id}': …}}}}, or give a default",
        )

    def describe(self) -> str:
        """See :class:`Measure`."""
        return f"input {self.key}"


@attrs.frozen
class GroupItem:
    """One clause of a group rule: a measure and the points it gives.

    ``points`` multiplies the measure (``Count(...)`` × 2 分/件); ``None`` takes the measure as
    the points (a per-capita score). ``cap`` bounds the line.
    """

    id: str
    label: str
    measure: Measure
    points: Fraction | None = attrs.field(default=None, converter=_optional_points)
    cap: Fraction | None = attrs.field(default=None, converter=_optional_points)
    clause: str | None = None


def _group_items(value: Iterable[GroupItem]) -> tuple[GroupItem, ...]:
    return tuple(value)


@attrs.frozen
class GroupCategory:
    """A category of group items, with base, cap and floor applied as for members."""

    id: str
    label: str
    items: tuple[GroupItem, ...] = attrs.field(converter=_group_items)
    base: Fraction | None = attrs.field(default=None, converter=_optional_points)
    cap: Fraction | None = attrs.field(default=None, converter=_optional_points)
    floor: Fraction | None = attrs.field(default=None, converter=_optional_points)
    clause: str | None = None


def _group_categories(value: Iterable[GroupCategory]) -> tuple[GroupCategory, ...]:
    return tuple(value)


def _subject_kind(value: SubjectKind | str) -> SubjectKind:
    return SubjectKind.parse(value)


def _group_kinds(value: Iterable[GroupKind | str]) -> frozenset[GroupKind]:
    return frozenset(GroupKind.parse(v) for v in value)


def _unit_kinds(value: Iterable[UnitKind | str]) -> frozenset[UnitKind]:
    return frozenset(UnitKind.parse(v) for v in value)


@attrs.frozen
class GroupRequirement:
    """A minimum a body must reach: a measure of at least a value (每年至少组织1次专题学习)."""

    id: str
    label: str
    measure: Measure
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
    subject: SubjectKind = attrs.field(converter=_subject_kind)
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


@attrs.frozen
class GroupLine:
    """One group item's result: the measure, the records behind it, the points."""

    item_id: str
    label: str
    clause: str | None
    measure: Fraction
    records: tuple[str, ...]
    points: Fraction
    note: str

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "item": self.item_id,
            "label": self.label,
            "clause": self.clause,
            "measure": format_fraction(self.measure),
            "records": list(self.records),
            "points": format_fraction(self.points),
            "note": self.note,
        }


@attrs.frozen
class GroupRequirementResult:
    """Whether a body met one group requirement, with the measure and records behind it."""

    requirement_id: str
    label: str
    clause: str | None
    measure: Fraction
    needed: Fraction
    met: bool
    records: tuple[str, ...]


@attrs.frozen
class GroupCard:
    """One body's result under a group rule."""

    subject: Subject
    categories: tuple[tuple[str, str, tuple[GroupLine, ...], Fraction], ...]
    total: Fraction
    requirements: tuple[GroupRequirementResult, ...] = ()

    @property
    def per_capita(self) -> Fraction:
        """The total divided by the number of members (0 for a body with none)."""
        members = len(self.subject.member_ids)
        return self.total / members if members else Fraction(0)

    def line(self, item_id: str) -> GroupLine:
        """The line of ``item_id``."""
        for _, _, lines, _ in self.categories:
            for line in lines:
                if line.item_id == item_id:
                    return line
        raise KeyError(item_id)

    def category_points(self, category_id: str) -> Fraction:
        """The points of one category."""
        for cid, _, _, points in self.categories:
            if cid == category_id:
                return points
        raise KeyError(category_id)

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "kind": self.subject.kind.value,
            "id": self.subject.id,
            "name": self.subject.name,
            "members": len(self.subject.member_ids),
            "total": format_fraction(self.total),
            "per_capita": format_fraction(self.per_capita),
            "requirements": [
                {
                    "requirement": r.requirement_id,
                    "label": r.label,
                    "measure": format_fraction(r.measure),
                    "needed": format_fraction(r.needed),
                    "met": r.met,
                    "records": list(r.records),
                }
                for r in self.requirements
            ],
            "categories": [
                {
                    "category": cid,
                    "label": label,
                    "points": format_fraction(points),
                    "lines": [line.to_dict() for line in lines],
                }
                for cid, label, lines, points in self.categories
            ],
        }


@attrs.frozen
class GroupsAssessment:
    """The cards of one group rule, in body-id order."""

    rules: GroupRules
    period: Period
    cards: tuple[GroupCard, ...]

    def card(self, subject_id: str) -> GroupCard:
        """The card of one body."""
        for card in self.cards:
            if card.subject.id == subject_id:
                return card
        raise CppccError(
            f"no body {subject_id!r} was assessed", hint="check the id and the group kinds"
        )

    def totals(self) -> dict[str, Fraction]:
        """Each body's total."""
        return {card.subject.id: card.total for card in self.cards}

    def category_totals(self, category_id: str) -> dict[str, Fraction]:
        """Each body's points in one category (to rank bodies on one assessment)."""
        return {card.subject.id: card.category_points(category_id) for card in self.cards}

    def per_capita(self) -> dict[str, Fraction]:
        """Each body's per-capita total."""
        return {card.subject.id: card.per_capita for card in self.cards}


def _body_fact(
    source: Source,
    record: Any,
    kind: str,
    on: dt.date,
    stages: tuple[tuple[Stage, Level | None], ...],
) -> Fact:
    return Fact(
        member_id="",
        source=source,
        record_id=record.id,
        kind=kind,
        on=on,
        role=AuthorRole.SOLE,
        collective=True,
        stages=stages,
    )


def facts_by_body(
    ledger: Ledger, period: Period, context: FactContext
) -> dict[tuple[BodyKind, str], list[Fact]]:
    """Facts for the records bodies authored or organised, keyed by (body kind, body id).

    A collective proposal, a body's 社情民意 item or contribution, and an activity the body
    organised each give one fact with no member (``member_id == ""``).
    """
    found: dict[tuple[BodyKind, str], list[Fact]] = {}

    def add(body: BodyRef | None, fact: Fact) -> None:
        if body is not None:
            found.setdefault((body.kind, body.id), []).append(fact)

    for proposal in ledger.proposals_in(period):
        stages = _proposal_stages(proposal, context.as_of, context.parents)
        add(
            proposal.body,
            _body_fact(Source.PROPOSAL, proposal, "proposal", proposal.submitted_on, stages),
        )
    for report in ledger.info_reports_in(period):
        stages = info_stages(report, context.as_of)
        add(
            report.body,
            _body_fact(Source.INFO_REPORT, report, "info_report", report.submitted_on, stages),
        )
    for contribution in ledger.contributions_in(period):
        add(
            contribution.body,
            _body_fact(
                Source.CONTRIBUTION, contribution, contribution.kind.value, contribution.on, ()
            ),
        )
    for activity in ledger.activities_in(period):
        add(
            activity.organiser,
            _body_fact(Source.ATTENDANCE, activity, activity.kind.value, activity.start, ()),
        )
    return found


def _apply(points: Fraction, cap: Fraction | None, floor: Fraction | None = None) -> Fraction:
    if cap is not None and points > cap:
        points = cap
    if floor is not None and points < floor:
        points = floor
    return points


def assess_groups(
    ledger: Ledger,
    rules: GroupRules,
    period: Period,
    *,
    members: Assessment | None = None,
    external: Mapping[str, Mapping[str, object]] | None = None,
    as_of: dt.date | None = None,
) -> GroupsAssessment:
    """Score every body ``rules`` assesses.

    Args:
        ledger: the committee's records.
        rules: the group rules.
        period: the assessment period.
        members: the members' assessment, needed by :class:`MemberTotal` and
            :class:`RequirementShare`.
        external: inputs from outside the ledger, ``{key: {body_id: value}}``.
        as_of: the date records are read as of (default: the period's last day).
    """
    as_of = period.end if as_of is None else as_of
    fact_context = FactContext.of(ledger, as_of)
    subjects = [
        s
        for s in subjects_of(ledger, rules.subject, period)
        if (not rules.group_kinds or s.group_kind in rules.group_kinds)
        and (not rules.unit_kinds or s.unit_kind in rules.unit_kinds)
    ]
    wanted = {m for s in subjects for m in s.member_ids}
    context = MeasureContext(
        ledger=ledger,
        period=period,
        member_facts={
            records.member.id: facts_for_member(records, period, fact_context)
            for records in ledger.iter_member_records()
            if records.member.id in wanted
        },
        body_facts=facts_by_body(ledger, period, fact_context),
        members=members,
        external=external or {},
        as_of=as_of,
    )
    cards: list[GroupCard] = []
    for subject in sorted(subjects, key=lambda s: s.id):
        categories = []
        for category in rules.categories:
            lines = []
            for item in category.items:
                value, records, note = item.measure.measure(subject, context)
                points = value if item.points is None else value * item.points
                capped = _apply(points, item.cap)
                if capped != points:
                    note += f"; capped {format_fraction(points)} → {format_fraction(capped)}"
                lines.append(
                    GroupLine(item.id, item.label, item.clause, value, records, capped, note)
                )
            raw = sum((line.points for line in lines), Fraction(0)) + (category.base or 0)
            categories.append(
                (
                    category.id,
                    category.label,
                    tuple(lines),
                    _apply(raw, category.cap, category.floor),
                )
            )
        total = sum((c[3] for c in categories), Fraction(0))
        requirements = []
        for requirement in rules.requirements:
            value, records, _ = requirement.measure.measure(subject, context)
            requirements.append(
                GroupRequirementResult(
                    requirement.id,
                    requirement.label,
                    requirement.clause,
                    value,
                    requirement.at_least,
                    value >= requirement.at_least,
                    records,
                )
            )
        cards.append(GroupCard(subject, tuple(categories), total, tuple(requirements)))
    return GroupsAssessment(rules, period, tuple(cards))
