"""Assessing groups: activity groups, participating units, sectors and special committees.

The group rules themselves — :class:`GroupRules`, :class:`GroupCategory`, :class:`GroupItem`,
:class:`GroupRequirement`, the measures :class:`Count`, :class:`Rate`, :class:`MemberTotal` … and
:class:`SubjectKind` — are plain data in :mod:`cppcc_model.rules.groups` (import them from
:mod:`cppcc_model.rules`); they are still importable from here, as before. This module evaluates
them: :func:`subjects_of` finds the bodies and their members, :func:`measure` evaluates one measure
of one body, and :func:`assess_groups` gives a :class:`GroupCard` per body, with the records
behind every count, and the total and per-capita figures that group rankings use.

A plugin's own measure is any object with ``describe()`` and ``measure(subject, context)``
(:class:`Measure`); it reads the :class:`MeasureContext`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol, cast, runtime_checkable

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.engine import evaluate
from cppcc_model.engine.bounds import LINE_CAP, bound, bounded
from cppcc_model.errors import CppccError, InvalidValueError, Location
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    BodyKind,
    BodyRef,
    GroupKind,
    InputSubject,
    Level,
    Period,
    UnitKind,
)
from cppcc_model.numbers import exact, format_fraction
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

# The group rule vocabulary moved to cppcc_model.rules.groups (plain data); these names stay
# importable from here for the code written against them.
from cppcc_model.rules.groups import (
    GROUP_SUBJECTS,
    AllMet,
    AnyMet,
    AtLeast,
    Count,
    External,
    GroupCategory,
    GroupItem,
    GroupMeasure,
    GroupRequirement,
    GroupRules,
    MemberCount,
    MemberTotal,
    NotMet,
    QuartersCovered,
    Rate,
    RequirementShare,
    SubjectKind,
)
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
    "Measured",
    "MemberCount",
    "MemberTotal",
    "NotMet",
    "QuartersCovered",
    "Rate",
    "RequirementShare",
    "SubjectKind",
    "assess_groups",
    "facts_by_body",
    "measure",
    "subjects_of",
]


_INPUT_SUBJECT = {
    SubjectKind.ACTIVITY_GROUP: InputSubject.ACTIVITY_GROUP,
    SubjectKind.UNIT: InputSubject.UNIT,
    SubjectKind.SECTOR: InputSubject.SECTOR,
    SubjectKind.SPECIAL_COMMITTEE: InputSubject.SPECIAL_COMMITTEE,
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
    """Every body of ``kind`` in the ledger, with the members who served during ``period``.

    Raises:
        InvalidValueError: for a kind group rules do not assess (see ``GROUP_SUBJECTS``).

    """
    if kind not in GROUP_SUBJECTS:
        raise InvalidValueError(
            f"there are no group subjects of the kind {kind.value!r}",
            hint="use activity_group, unit, sector or special_committee",
        )
    members_of: dict[str, list[str]] = {}
    for member in ledger.members:
        if member.served_during(period):
            for body_id in dict.fromkeys(member.body_ids(kind)):
                members_of.setdefault(body_id, []).append(member.id)

    def ids(body_id: str) -> tuple[str, ...]:
        return tuple(members_of.get(body_id, ()))

    if kind is SubjectKind.ACTIVITY_GROUP:
        return tuple(Subject(kind, g.id, g.name, ids(g.id), g.kind) for g in ledger.activity_groups)
    if kind is SubjectKind.UNIT:
        return tuple(
            Subject(kind, u.id, u.short_name, ids(u.id), None, u.kind) for u in ledger.units
        )
    if kind is SubjectKind.SECTOR:
        return tuple(Subject(kind, s.id, s.name, ids(s.id)) for s in ledger.sectors)
    return tuple(Subject(kind, c.id, c.name, ids(c.id)) for c in ledger.special_committees)


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
    _by_source: dict[str, dict[Source, list[Fact]]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    def _of_source(self, member_id: str, source: Source) -> Sequence[Fact]:
        """``member_id``'s facts of ``source``, in order (sorted out on first use)."""
        sources = self._by_source.get(member_id)
        if sources is None:
            sources = self._by_source[member_id] = {}
            for fact in self.member_facts.get(member_id, ()):
                sources.setdefault(fact.source, []).append(fact)
        return sources.get(source, ())

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
    """A plugin's own group measure: the public extension point for groups.

    A measure is any object with these two methods; it must be pure (same body, same context,
    same result) and exact. The built-in measures (:mod:`cppcc_model.rules.groups`) are data
    and have no ``measure`` method: :func:`measure` evaluates them.
    """

    def measure(
        self, subject: Subject, context: MeasureContext
    ) -> tuple[Fraction, tuple[str, ...], str]:
        """The measure, the records behind it, and a note for the card."""

    def describe(self) -> str:
        """A short description."""


def _dated_records(
    subject: Subject, where: Where, credit: str, context: MeasureContext
) -> dict[str, dt.date]:
    """The records credited to ``subject`` that match ``where``, with their dates."""
    found: dict[str, dt.date] = {}
    # the library's Where passes only facts of its source, so only those are tried; a
    # plugin's own selection (a subclass) is tried on every fact
    by_source = type(where) is Where
    matches = evaluate.bound("matches", where)  # the block's evaluation, looked up once
    if credit != "body":
        for member_id in subject.member_ids:
            facts = (
                context._of_source(member_id, where.source)
                if by_source
                else context.member_facts.get(member_id, ())
            )
            for fact in facts:
                if credit == "lead" and fact.position != 0 and fact.role is not AuthorRole.ATTENDEE:
                    continue
                if matches(fact):
                    found[fact.record_id] = fact.on
    if credit in ("body", "members_or_body"):
        for fact in context.body_facts.get((subject.kind, subject.id), ()):
            if matches(fact):
                found[fact.record_id] = fact.on
    return found


def _records(
    subject: Subject, where: Where, credit: str, context: MeasureContext
) -> tuple[str, ...]:
    return tuple(sorted(_dated_records(subject, where, credit, context)))


Measured = tuple[Fraction, tuple[str, ...], str]
"""A measure's result: its value, the records behind it, and a note for the card."""


def _count(block: Count, subject: Subject, context: MeasureContext) -> Measured:
    records = _records(subject, block.where, block.credit, context)
    return Fraction(len(records)), records, f"{len(records)} record(s)"


def _rate(block: Rate, subject: Subject, context: MeasureContext) -> Measured:
    base = _records(subject, block.denominator, block.credit, context)
    hits = tuple(r for r in _records(subject, block.numerator, block.credit, context) if r in base)
    if not base:
        return Fraction(0), (), "no records: rate 0"
    return Fraction(len(hits), len(base)), hits, f"{len(hits)}/{len(base)}"


def _quarters(block: QuartersCovered, subject: Subject, context: MeasureContext) -> Measured:
    dated = _dated_records(subject, block.where, block.credit, context)
    quarters = sorted({(d.year, (d.month - 1) // 3 + 1) for d in dated.values()})
    names = ", ".join(f"{y}Q{q}" for y, q in quarters) or "none"
    return Fraction(len(quarters)), tuple(sorted(dated)), f"quarters with records: {names}"


def _at_least(block: AtLeast, subject: Subject, context: MeasureContext) -> Measured:
    value, records, note = measure(block.inner, subject, context)
    reached = value >= block.at_least
    verdict = "≥" if reached else "<"
    return (
        Fraction(1 if reached else 0),
        records,
        f"{note}; {format_fraction(value)} {verdict} {format_fraction(block.at_least)}",
    )


def _combined(
    parts: Sequence[GroupMeasure], subject: Subject, context: MeasureContext
) -> tuple[list[bool], tuple[str, ...], str]:
    results = [measure(part, subject, context) for part in parts]
    records = tuple(dict.fromkeys(r for _, found, _ in results for r in found))
    return [value > 0 for value, _, _ in results], records, "; ".join(n for _, _, n in results)


def _all_met(block: AllMet, subject: Subject, context: MeasureContext) -> Measured:
    met, records, note = _combined(block.parts, subject, context)
    return Fraction(int(all(met))), records, f"all of ({note})"


def _any_met(block: AnyMet, subject: Subject, context: MeasureContext) -> Measured:
    met, records, note = _combined(block.parts, subject, context)
    return Fraction(int(any(met))), records, f"any of ({note})"


def _not_met(block: NotMet, subject: Subject, context: MeasureContext) -> Measured:
    value, records, note = measure(block.inner, subject, context)
    return Fraction(int(value <= 0)), records, f"not ({note})"


def _members(context: MeasureContext, block: object) -> Assessment:
    if context.members is None:
        raise CppccError(
            f"a {type(block).__name__} measure needs the members' assessment",
            hint="pass members=assess(ledger, rule_set, period) to assess_groups",
        )
    return context.members


def _member_total(block: MemberTotal, subject: Subject, context: MeasureContext) -> Measured:
    totals = _members(context, block).totals()
    scores = [totals[m] for m in subject.member_ids if m in totals]
    total = sum(scores, Fraction(0))
    if block.statistic == "sum":
        return total, (), f"sum of {len(scores)} members"
    if not scores:
        return Fraction(0), (), "no members: mean 0"
    return total / len(scores), (), f"{format_fraction(total)} / {len(scores)} members"


def _member_count(block: MemberCount, subject: Subject, context: MeasureContext) -> Measured:
    count = len(subject.member_ids)
    return Fraction(count), subject.member_ids, f"{count} members"


def _requirement_share(
    block: RequirementShare, subject: Subject, context: MeasureContext
) -> Measured:
    assessed = _members(context, block).figures()  # no explained card is built
    cards = [assessed[m] for m in subject.member_ids if m in assessed]
    met = tuple(
        c.member_id
        for c in cards
        if (
            c.requirements_met
            if block.requirement is None
            else any(r.requirement_id == block.requirement and r.met for r in c.requirements)
        )
    )
    if not cards:
        return Fraction(0), (), "no members"
    return Fraction(len(met), len(cards)), met, f"{len(met)}/{len(cards)} met"


def _external(block: External, subject: Subject, context: MeasureContext) -> Measured:
    value = context.input(block.key, subject)
    if value is not None:
        return value, (), f"{block.key} = {format_fraction(value)} (input)"
    if block.default is not None:
        return block.default, (), f"{block.key} not given: {format_fraction(block.default)}"
    raise CppccError(
        f"no value of {block.key!r} was given for {subject.name} ({subject.id})",
        where=Location(record_id=subject.id),
        hint=f"add it to the inputs table (评分录入) or pass external={{'{block.key}': "
        f"{{'{subject.id}': …}}}}, or give a default",
    )


_EVALUATORS: dict[type, Callable[[Any, Subject, MeasureContext], Measured]] = {
    Count: _count,
    Rate: _rate,
    QuartersCovered: _quarters,
    AtLeast: _at_least,
    AllMet: _all_met,
    AnyMet: _any_met,
    NotMet: _not_met,
    MemberTotal: _member_total,
    MemberCount: _member_count,
    RequirementShare: _requirement_share,
    External: _external,
}


def measure(block: GroupMeasure, subject: Subject, context: MeasureContext) -> Measured:
    """One measure of one body: its value, the records behind it, and a note for the card.

    The built-in blocks of :mod:`cppcc_model.rules.groups` are plain data evaluated here; a
    plugin's own measure (:class:`Measure`) evaluates itself with its ``measure`` method.

    Raises:
        CppccError: when the measure needs what is missing (the members' assessment, an input
            with no default).
        InvalidValueError: when ``block`` is no measure.

    """
    own = getattr(block, "measure", None)
    if callable(own):
        return cast("Measured", own(subject, context))
    for kind in type(block).__mro__:
        evaluate = _EVALUATORS.get(kind)
        if evaluate is not None:
            return evaluate(block, subject, context)
    raise InvalidValueError(
        f"{type(block).__name__} is not a group measure",
        hint="use a block of cppcc_model.rules.groups (Count, Rate, MemberTotal …) or an object "
        "with describe() and measure(subject, context)",
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

    # a record by no body gives no fact here: skipped before its stages are read
    for proposal in ledger.proposals_in(period):
        if proposal.body is None:
            continue
        stages = _proposal_stages(proposal, context.as_of, context.parents)
        add(
            proposal.body,
            _body_fact(Source.PROPOSAL, proposal, "proposal", proposal.submitted_on, stages),
        )
    for report in ledger.info_reports_in(period):
        if report.body is None:
            continue
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
    # the facts the members' scoring read, where it read these (same ledger, period, day)
    read = (
        members._period_facts(ledger, fact_context.dating)
        if members is not None and members.period == period and members.as_of == as_of
        else {}
    )
    context = MeasureContext(
        ledger=ledger,
        period=period,
        member_facts={
            records.member.id: (
                list(read[records.member.id])
                if records.member.id in read
                else facts_for_member(records, period, fact_context)
            )
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
                value, records, note = measure(item.measure, subject, context)
                points = value if item.points is None else value * item.points
                capped, adjustment = bound(points, item.cap, "cap", item.clause, LINE_CAP)
                if adjustment is not None:
                    note += f"; {adjustment.note}"
                lines.append(
                    GroupLine(item.id, item.label, item.clause, value, records, capped, note)
                )
            raw = sum((line.points for line in lines), Fraction(0)) + (category.base or 0)
            categories.append(
                (
                    category.id,
                    category.label,
                    tuple(lines),
                    bounded(raw, category.cap, category.floor),
                )
            )
        total = sum((c[3] for c in categories), Fraction(0))
        requirements = []
        for requirement in rules.requirements:
            value, records, _ = measure(requirement.measure, subject, context)
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
