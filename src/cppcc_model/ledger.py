"""The Ledger (台账): everything one committee recorded, checked to fit together.

A :class:`Ledger` is immutable. Building one checks referential integrity and reports every
problem at once (:class:`~cppcc_model.errors.IntegrityError`); a ledger that exists is
consistent. Per-member queries go through an index built once, so asking for one member's
records does not scan the whole ledger. Every query that depends on time takes an explicit
period or date — never "today".
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from cppcc_model.errors import CppccError, IntegrityError, Location, Problem
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    AwardRecord,
    BodyKind,
    BodyRef,
    Committee,
    Contribution,
    InfoReport,
    Input,
    InputSubject,
    Member,
    ParticipatingUnit,
    Period,
    Proposal,
    ProposalStep,
    Sector,
    Session,
    SpecialCommittee,
    Term,
    WorkPlan,
)

__all__ = ["Ledger", "MemberRecords", "UnknownRecordError"]

_R = TypeVar("_R", Proposal, InfoReport)


class UnknownRecordError(CppccError, KeyError):
    """A query named a record the ledger does not have."""


@attrs.frozen
class MemberRecords:
    """One member's records: roll-call entries, proposals, 社情民意 items, contributions.

    A record authored jointly appears in the records of each of its authors.
    """

    member: Member
    attendances: tuple[tuple[Activity, Attendance], ...] = ()
    proposals: tuple[Proposal, ...] = ()
    info_reports: tuple[InfoReport, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    inputs: tuple[Input, ...] = ()

    def within(self, period: Period) -> MemberRecords:
        """The records dated inside ``period`` (inputs: those whose period lies inside it)."""
        return MemberRecords(
            member=self.member,
            attendances=tuple(pair for pair in self.attendances if pair[0].start in period),
            proposals=tuple(p for p in self.proposals if p.submitted_on in period),
            info_reports=tuple(r for r in self.info_reports if r.submitted_on in period),
            contributions=tuple(c for c in self.contributions if c.on in period),
            inputs=tuple(i for i in self.inputs if _inside(i.period, period)),
        )

    @property
    def count(self) -> int:
        """How many records there are in all."""
        return (
            len(self.attendances)
            + len(self.proposals)
            + len(self.info_reports)
            + len(self.contributions)
        )


def _inside(inner: Period, outer: Period) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _terms_tuple(value: Iterable[Term]) -> tuple[Term, ...]:
    return tuple(value)


def _sessions_tuple(value: Iterable[Session]) -> tuple[Session, ...]:
    return tuple(value)


def _sectors_tuple(value: Iterable[Sector]) -> tuple[Sector, ...]:
    return tuple(value)


def _units_tuple(value: Iterable[ParticipatingUnit]) -> tuple[ParticipatingUnit, ...]:
    return tuple(value)


def _special_committees_tuple(value: Iterable[SpecialCommittee]) -> tuple[SpecialCommittee, ...]:
    return tuple(value)


def _activity_groups_tuple(value: Iterable[ActivityGroup]) -> tuple[ActivityGroup, ...]:
    return tuple(value)


def _members_tuple(value: Iterable[Member]) -> tuple[Member, ...]:
    return tuple(value)


def _activities_tuple(value: Iterable[Activity]) -> tuple[Activity, ...]:
    return tuple(value)


def _proposals_tuple(value: Iterable[Proposal]) -> tuple[Proposal, ...]:
    return tuple(value)


def _info_reports_tuple(value: Iterable[InfoReport]) -> tuple[InfoReport, ...]:
    return tuple(value)


def _contributions_tuple(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return tuple(value)


def _award_records_tuple(value: Iterable[AwardRecord]) -> tuple[AwardRecord, ...]:
    return tuple(value)


def _inputs_tuple(value: Iterable[Input]) -> tuple[Input, ...]:
    return tuple(value)


def _work_plans_tuple(value: Iterable[WorkPlan]) -> tuple[WorkPlan, ...]:
    return tuple(value)


@attrs.frozen
class Ledger:
    """Everything one committee recorded: its roster and its records.

    Build it with keyword arguments; lists are accepted and stored as tuples. Integrity is
    checked on construction: duplicate ids, references to unknown members, groups, units,
    sectors, committees or sessions, and proposals merged into unknown proposals all raise one
    :class:`~cppcc_model.errors.IntegrityError` listing every problem with the record it is in.
    """

    committee: Committee
    terms: tuple[Term, ...] = attrs.field(default=(), converter=_terms_tuple)
    sessions: tuple[Session, ...] = attrs.field(default=(), converter=_sessions_tuple)
    sectors: tuple[Sector, ...] = attrs.field(default=(), converter=_sectors_tuple)
    units: tuple[ParticipatingUnit, ...] = attrs.field(default=(), converter=_units_tuple)
    special_committees: tuple[SpecialCommittee, ...] = attrs.field(
        default=(), converter=_special_committees_tuple
    )
    activity_groups: tuple[ActivityGroup, ...] = attrs.field(
        default=(), converter=_activity_groups_tuple
    )
    members: tuple[Member, ...] = attrs.field(default=(), converter=_members_tuple)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_activities_tuple)
    proposals: tuple[Proposal, ...] = attrs.field(default=(), converter=_proposals_tuple)
    info_reports: tuple[InfoReport, ...] = attrs.field(default=(), converter=_info_reports_tuple)
    contributions: tuple[Contribution, ...] = attrs.field(
        default=(), converter=_contributions_tuple
    )
    work_plans: tuple[WorkPlan, ...] = attrs.field(default=(), converter=_work_plans_tuple)
    award_records: tuple[AwardRecord, ...] = attrs.field(default=(), converter=_award_records_tuple)
    inputs: tuple[Input, ...] = attrs.field(default=(), converter=_inputs_tuple)

    def __attrs_post_init__(self) -> None:
        canonical = _canonical_labels(self.proposals, self.committee)
        if canonical is not None:
            object.__setattr__(self, "proposals", canonical)
        problems = list(_integrity_problems(self))
        if problems:
            raise IntegrityError(
                "the ledger's records do not fit together",
                problems,
                hint="fix the records named below; nothing was loaded",
            )

    # ------------------------------------------------------------------ look-ups by id

    @functools.cached_property
    def _members_by_id(self) -> dict[str, Member]:
        return {member.id: member for member in self.members}

    @functools.cached_property
    def _proposals_by_id(self) -> dict[str, Proposal]:
        return {proposal.id: proposal for proposal in self.proposals}

    def member(self, member_id: str) -> Member:
        """The member with this id.

        Raises:
            UnknownRecordError: when there is none.

        """
        try:
            return self._members_by_id[member_id]
        except KeyError:
            raise UnknownRecordError(
                f"no member has the id {member_id!r}",
                hint="check the id against the roster (members)",
            ) from None

    def proposal(self, proposal_id: str) -> Proposal:
        """The proposal with this id.

        Raises:
            UnknownRecordError: when there is none.

        """
        try:
            return self._proposals_by_id[proposal_id]
        except KeyError:
            raise UnknownRecordError(
                f"no proposal has the id {proposal_id!r}", hint="check the proposal id"
            ) from None

    def find_member(self, name_or_id: str) -> Member:
        """The member with this id or, failing that, this exact name (which must be unique).

        Raises:
            UnknownRecordError: when no member, or more than one, has that name.

        """
        if name_or_id in self._members_by_id:
            return self._members_by_id[name_or_id]
        matches = [member for member in self.members if member.name == name_or_id]
        if len(matches) == 1:
            return matches[0]
        if matches:
            ids = ", ".join(member.id for member in matches)
            raise UnknownRecordError(
                f"{len(matches)} members are named {name_or_id!r} ({ids})",
                hint="use the member id instead of the name",
            )
        raise UnknownRecordError(
            f"no member has the id or name {name_or_id!r}", hint="check the roster"
        )

    # ------------------------------------------------------------------ per-member index

    @functools.cached_property
    def _index(self) -> dict[str, MemberRecords]:
        attendances: dict[str, list[tuple[Activity, Attendance]]] = defaultdict(list)
        proposals: dict[str, list[Proposal]] = defaultdict(list)
        reports: dict[str, list[InfoReport]] = defaultdict(list)
        contributions: dict[str, list[Contribution]] = defaultdict(list)
        inputs: dict[str, list[Input]] = defaultdict(list)
        for activity in self.activities:
            for entry in activity.attendance:
                attendances[entry.member_id].append((activity, entry))
        for proposal in self.proposals:
            for member_id in proposal.member_ids:
                proposals[member_id].append(proposal)
        for report in self.info_reports:
            for member_id in report.author_ids:
                reports[member_id].append(report)
        for contribution in self.contributions:
            for member_id in contribution.author_ids:
                contributions[member_id].append(contribution)
        for given in self.inputs:
            if given.subject_kind is InputSubject.MEMBER:
                inputs[given.subject_id].append(given)
        return {
            member.id: MemberRecords(
                member=member,
                attendances=tuple(attendances.get(member.id, ())),
                proposals=tuple(proposals.get(member.id, ())),
                info_reports=tuple(reports.get(member.id, ())),
                contributions=tuple(contributions.get(member.id, ())),
                inputs=tuple(inputs.get(member.id, ())),
            )
            for member in self.members
        }

    def records_of(self, member_id: str, period: Period | None = None) -> MemberRecords:
        """One member's records, all of them or those dated inside ``period``.

        Raises:
            UnknownRecordError: when no member has that id.

        """
        self.member(member_id)
        records = self._index[member_id]
        return records if period is None else records.within(period)

    def iter_member_records(self, period: Period | None = None) -> Iterator[MemberRecords]:
        """Every member's records, in roster order."""
        for member in self.members:
            records = self._index[member.id]
            yield records if period is None else records.within(period)

    def inputs_for(
        self,
        subject_id: str,
        period: Period,
        key: str | None = None,
        subject_kind: InputSubject | str = InputSubject.MEMBER,
    ) -> tuple[Input, ...]:
        """The inputs (评分录入) given for one subject whose period lies inside ``period``."""
        kind = InputSubject.parse(subject_kind)
        return tuple(
            given
            for given in self.inputs
            if given.subject_kind is kind
            and given.subject_id == subject_id
            and (key is None or given.key == key)
            and _inside(given.period, period)
        )

    # ------------------------------------------------------------------ roster queries

    def body_names(self) -> dict[BodyKind, dict[str, str]]:
        """The display name of every body of the ledger, by kind and id (a unit's short name)."""
        return {
            BodyKind.COMMITTEE: {self.committee.id: self.committee.name},
            BodyKind.SPECIAL_COMMITTEE: {c.id: c.name for c in self.special_committees},
            BodyKind.ACTIVITY_GROUP: {g.id: g.name for g in self.activity_groups},
            BodyKind.UNIT: {u.id: u.short_name for u in self.units},
            BodyKind.SECTOR: {s.id: s.name for s in self.sectors},
        }

    def members_of(self, kind: BodyKind | str, body_id: str) -> tuple[Member, ...]:
        """The members of the body ``body_id`` of ``kind``, in roster order.

        Membership is :meth:`Member.body_ids`; the whole committee (``BodyKind.COMMITTEE``)
        has every member.
        """
        kind = BodyKind.parse(kind)
        if kind is BodyKind.COMMITTEE:
            return self.members if body_id == self.committee.id else ()
        return tuple(m for m in self.members if body_id in m.body_ids(kind))

    def members_of_group(self, group_id: str) -> tuple[Member, ...]:
        """The members of an activity group, in roster order."""
        return self.members_of(BodyKind.ACTIVITY_GROUP, group_id)

    def members_of_unit(self, unit_id: str) -> tuple[Member, ...]:
        """The members of a participating unit, in roster order."""
        return self.members_of(BodyKind.UNIT, unit_id)

    def members_of_sector(self, sector_id: str) -> tuple[Member, ...]:
        """The members sitting for a sector, in roster order."""
        return self.members_of(BodyKind.SECTOR, sector_id)

    def members_of_special_committee(self, committee_id: str) -> tuple[Member, ...]:
        """The members of a special committee, in roster order."""
        return self.members_of(BodyKind.SPECIAL_COMMITTEE, committee_id)

    def members_serving(self, period: Period) -> tuple[Member, ...]:
        """The members who served on at least one day of ``period``."""
        return tuple(m for m in self.members if m.served_during(period))

    # ------------------------------------------------------------------ period queries

    def activities_in(self, period: Period) -> tuple[Activity, ...]:
        """Activities starting inside ``period``."""
        return tuple(a for a in self.activities if a.start in period)

    def proposals_in(self, period: Period) -> tuple[Proposal, ...]:
        """Proposals submitted inside ``period``."""
        return tuple(p for p in self.proposals if p.submitted_on in period)

    def info_reports_in(self, period: Period) -> tuple[InfoReport, ...]:
        """社情民意 items submitted inside ``period``."""
        return tuple(r for r in self.info_reports if r.submitted_on in period)

    def contributions_in(self, period: Period) -> tuple[Contribution, ...]:
        """Contributions dated inside ``period``."""
        return tuple(c for c in self.contributions if c.on in period)

    def within(self, period: Period) -> Ledger:
        """The same roster with only the records dated inside ``period``.

        Records the kept ones refer to stay too, so the result is consistent: the proposals a
        kept proposal was merged into (and theirs, in turn), the 社情民意 items a kept item
        was combined with, and the activities kept items came from. They follow the records
        of the period, in ledger order.
        """
        reports = _with_referenced(
            self.info_reports_in(period), self.info_reports, _combined_reports
        )
        sources = {r.activity_id for r in reports if r.activity_id is not None}
        activities = self.activities_in(period)
        kept = {a.id for a in activities}
        activities += tuple(a for a in self.activities if a.id in sources and a.id not in kept)
        return attrs.evolve(
            self,
            activities=activities,
            proposals=_with_referenced(self.proposals_in(period), self.proposals, _merge_parents),
            info_reports=reports,
            contributions=self.contributions_in(period),
        )

    @property
    def record_count(self) -> int:
        """How many records (roll-call entries, proposals, items, contributions) there are."""
        return (
            sum(len(a.attendance) for a in self.activities)
            + len(self.proposals)
            + len(self.info_reports)
            + len(self.contributions)
        )


def _merge_parents(proposal: Proposal) -> Iterator[str]:
    for event in proposal.history:
        if event.step is ProposalStep.MERGED and event.parent_id is not None:
            yield event.parent_id


def _combined_reports(report: InfoReport) -> Iterator[str]:
    for event in report.history:
        yield from event.combined_with


def _with_referenced(
    kept: tuple[_R, ...], everything: tuple[_R, ...], references: Callable[[_R], Iterable[str]]
) -> tuple[_R, ...]:
    """``kept``, then every record of ``everything`` they refer to, directly or not."""
    by_id = {record.id: record for record in everything}
    ids = {record.id for record in kept}
    pending = list(kept)
    while pending:
        for reference in references(pending.pop()):
            if reference not in ids and reference in by_id:
                ids.add(reference)
                pending.append(by_id[reference])
    kept_ids = {record.id for record in kept}
    return kept + tuple(r for r in everything if r.id in ids and r.id not in kept_ids)


# ---------------------------------------------------------------------- integrity


def _duplicates(kind: str, ids: Iterable[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    reported: set[str] = set()
    for record_id in ids:
        if record_id in seen and record_id not in reported:
            reported.add(record_id)
            yield Problem(
                f"two {kind} have the id {record_id!r}",
                Location(record_id=record_id),
                "give every record its own id",
            )
        seen.add(record_id)


def _input_duplicates(inputs: Iterable[Input]) -> Iterator[Problem]:
    seen: set[tuple[InputSubject, str, str, Period]] = set()
    for given in inputs:
        key = (given.subject_kind, given.subject_id, given.key, given.period)
        if key in seen:
            yield Problem(
                f"two inputs give {given.key!r} for {given.subject_id!r} over {given.period}",
                Location(record_id=given.subject_id),
                "give each figure once per subject and period; correct or remove one",
            )
        seen.add(key)


def _integrity_problems(ledger: Ledger) -> Iterator[Problem]:
    yield from _duplicates("terms", (t.id for t in ledger.terms))
    yield from _duplicates("sessions", (s.id for s in ledger.sessions))
    yield from _duplicates("sectors", (s.id for s in ledger.sectors))
    yield from _duplicates("participating units", (u.id for u in ledger.units))
    yield from _duplicates("special committees", (c.id for c in ledger.special_committees))
    yield from _duplicates("activity groups", (g.id for g in ledger.activity_groups))
    yield from _duplicates("members", (m.id for m in ledger.members))
    yield from _duplicates("activities", (a.id for a in ledger.activities))
    yield from _duplicates("proposals", (p.id for p in ledger.proposals))
    yield from _duplicates("社情民意 items", (r.id for r in ledger.info_reports))
    yield from _duplicates("contributions", (c.id for c in ledger.contributions))
    yield from _duplicates("work plans", (w.id for w in ledger.work_plans))
    yield from _duplicates("award records", (r.id for r in ledger.award_records))
    yield from _input_duplicates(ledger.inputs)

    sectors = {s.id for s in ledger.sectors}
    units = {u.id for u in ledger.units}
    committees = {c.id for c in ledger.special_committees}
    groups = {g.id for g in ledger.activity_groups}
    members = {m.id for m in ledger.members}
    sessions = {s.id for s in ledger.sessions}
    proposals = {p.id for p in ledger.proposals}
    reports = {r.id for r in ledger.info_reports}
    activities = {a.id for a in ledger.activities}
    known_bodies = {
        BodyKind.UNIT: units,
        BodyKind.SPECIAL_COMMITTEE: committees,
        BodyKind.ACTIVITY_GROUP: groups,
        BodyKind.SECTOR: sectors,
        BodyKind.COMMITTEE: {ledger.committee.id},
    }

    def unknown(record: str, what: str, value: str, where: str) -> Problem:
        return Problem(
            f"{where} names the {what} {value!r}, which is not in the ledger",
            Location(record_id=record),
            f"add the {what} to the roster or correct the id",
        )

    def body_problem(record: str, body: BodyRef | None, where: str) -> Iterator[Problem]:
        if body is not None and body.is_internal and body.id not in known_bodies[body.kind]:
            yield unknown(record, body.kind.label, body.id, where)

    subjects = (members | proposals | reports | groups | units | sectors | committees) | {
        c.id for c in ledger.contributions
    }
    for record in ledger.award_records:
        if record.subject_id not in subjects:
            yield unknown(record.id, "award subject", record.subject_id, "the award record")
    for group in ledger.activity_groups:
        if group.paired_committee_id is not None and group.paired_committee_id not in committees:
            yield unknown(group.id, "special committee", group.paired_committee_id, "the group")
    for member in ledger.members:
        if member.sector_id not in sectors:
            yield unknown(member.id, "sector", member.sector_id, "the member")
        if member.unit_id is not None and member.unit_id not in units:
            yield unknown(member.id, "participating unit", member.unit_id, "the member")
        if member.activity_group_id is not None and member.activity_group_id not in groups:
            yield unknown(member.id, "activity group", member.activity_group_id, "the member")
        for committee_id in member.special_committee_ids:
            if committee_id not in committees:
                yield unknown(member.id, "special committee", committee_id, "the member")
        for spell in member.roles:
            if spell.body_id is not None and spell.body_id not in committees | groups:
                yield unknown(member.id, "body", spell.body_id, f"the role {spell.role.label}")
    for activity in ledger.activities:
        if activity.session_id is not None and activity.session_id not in sessions:
            yield unknown(activity.id, "session", activity.session_id, "the activity")
        yield from body_problem(activity.id, activity.organiser, "the organiser")
        for entry in activity.attendance:
            if entry.member_id not in members:
                yield unknown(activity.id, "member", entry.member_id, "the roll call")
    for proposal in ledger.proposals:
        if proposal.session_id is not None and proposal.session_id not in sessions:
            yield unknown(proposal.id, "session", proposal.session_id, "the proposal")
        yield from body_problem(proposal.id, proposal.body, "the collective proposer")
        for member_id in proposal.member_ids:
            if member_id not in members:
                yield unknown(proposal.id, "member", member_id, "the proposers")
        for event in proposal.history:
            if event.step is ProposalStep.MERGED and event.parent_id is not None:
                if event.parent_id == proposal.id:
                    yield Problem(
                        "the proposal is merged into itself",
                        Location(record_id=proposal.id),
                        "name the filed proposal it was merged into",
                    )
                elif event.parent_id not in proposals:
                    yield unknown(proposal.id, "proposal", event.parent_id, "the merge (并案)")
    for report in ledger.info_reports:
        yield from body_problem(report.id, report.body, "the authoring body")
        for member_id in report.author_ids:
            if member_id not in members:
                yield unknown(report.id, "member", member_id, "the authors")
        if report.activity_id is not None and report.activity_id not in activities:
            yield unknown(report.id, "activity", report.activity_id, "the source activity")
        for info_event in report.history:
            for other in info_event.combined_with:
                if other not in reports:
                    yield unknown(report.id, "社情民意 item", other, "the combined issue")
    input_subjects = {
        InputSubject.MEMBER: members,
        InputSubject.ACTIVITY_GROUP: groups,
        InputSubject.UNIT: units,
        InputSubject.SECTOR: sectors,
        InputSubject.SPECIAL_COMMITTEE: committees,
    }
    for given in ledger.inputs:
        if given.subject_id not in input_subjects[given.subject_kind]:
            yield unknown(given.subject_id, given.subject_kind.label, given.subject_id, "the input")
    for contribution in ledger.contributions:
        yield from body_problem(contribution.id, contribution.body, "the authoring body")
        for member_id in contribution.author_ids:
            if member_id not in members:
                yield unknown(contribution.id, "member", member_id, "the authors")


def _canonical_labels(
    proposals: tuple[Proposal, ...], committee: Committee
) -> tuple[Proposal, ...] | None:
    """The proposals with each reply category and rating written as the office's label.

    ``"a"``, ``"A"`` and ``"A类"`` name the same category of the default scheme; a ledger keeps
    the label (``"A类"``), so datasets written with English ids or Chinese labels load equal.
    A label the office's vocabulary does not know is kept as written (the lifecycle reports
    it). ``None`` when nothing changes.
    """
    scheme, scale = committee.reply_scheme, committee.satisfaction_scale
    changed = False
    result: list[Proposal] = []
    for proposal in proposals:
        events = []
        touched = False
        for event in proposal.history:
            changes: dict[str, Any] = {}
            if event.reply is not None:
                category = scheme.find(event.reply)
                if category is not None and category.label != event.reply:
                    changes["reply"] = category.label
            if event.satisfaction is not None:
                level = scale.find(event.satisfaction)
                if level is not None and level.label != event.satisfaction:
                    changes["satisfaction"] = level.label
            if changes:
                event = attrs.evolve(event, **changes)
                touched = True
            events.append(event)
        if touched:
            proposal = attrs.evolve(proposal, history=tuple(events))
            changed = True
        result.append(proposal)
    return tuple(result) if changed else None
