"""Facts: a ledger's records flattened into what one member did, as the rule engine sees it.

The engine never walks entities directly. For one assessment it turns each record into one
:class:`Fact` per member it credits — a roll-call entry, a proposal seen by one of its
proposers, a 社情民意 item seen by one of its authors, a contribution — carrying what every
building block needs: the member's :class:`AuthorRole`, how many co-authors there are, the
stages the record reached by the as-of date (with their levels), the attendance status and
half-day units, the organiser. Building blocks are pure functions of facts, so a rule set is
evaluated without any per-record hook call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

import attrs

from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger, MemberRecords
from cppcc_model.model import (
    Activity,
    Attendance,
    AttendanceStatus,
    BodyRef,
    Contribution,
    InfoReport,
    InfoStep,
    Input,
    Level,
    Period,
    Proposal,
    ProposalStep,
    ProposerKind,
)

__all__ = ["AuthorRole", "Fact", "Source", "Stage", "facts_for_member", "with_steps_in_period"]


class Source(LabeledEnum, kind_label="记录类别 (kind of record)"):
    """Which kind of record a fact comes from."""

    ATTENDANCE = ("attendance", "出勤", "会议活动")
    PROPOSAL = ("proposal", "提案")
    INFO_REPORT = ("info_report", "社情民意", "社情民意信息")
    CONTRIBUTION = ("contribution", "履职成果", "其他履职")
    INPUT = ("input", "评分录入", "外部录入")


class AuthorRole(LabeledEnum, kind_label="署名角色 (author role)"):
    """The part a member played in a record that may have several authors."""

    SOLE = ("sole", "个人", "独立")
    FIRST = ("first", "第一提案人", "领衔", "主笔", "lead")
    CO = ("co", "联名", "附议", "参与", "participant")
    MAIN_MEMBER = ("main_member", "集体提案主要成员", "主要成员")
    ATTENDEE = ("attendee", "参加者")


class Stage(LabeledEnum, kind_label="阶段 (stage)"):
    """A stage a proposal or 社情民意 item can reach; staged values key on these."""

    SUBMITTED = ("submitted", "提交", "报送")
    FILED = ("filed", "立案")
    MERGED = ("merged", "并案")
    NOT_FILED = ("not_filed", "不予立案")
    TRANSFERRED_UP = ("transferred_up", "转上级")
    KEY = ("key", "重点", "重点提案")
    SUPERVISED = ("supervised", "督办")
    EXCELLENT = ("excellent", "优秀", "优秀提案")
    REPLIED = ("replied", "答复", "办复")
    CONVERTED = ("converted", "转为社情民意", "转化")
    ISSUED = ("issued", "编发")
    FORWARDED = ("forwarded", "转报")
    ADOPTED = ("adopted", "采用", "采纳")
    INSTRUCTED = ("instructed", "批示")


_PROPOSAL_STAGES = {
    ProposalStep.FILED: Stage.FILED,
    ProposalStep.MERGED: Stage.MERGED,
    ProposalStep.NOT_FILED: Stage.NOT_FILED,
    ProposalStep.TRANSFERRED_UP: Stage.TRANSFERRED_UP,
    ProposalStep.KEY_DESIGNATED: Stage.KEY,
    ProposalStep.SUPERVISED: Stage.SUPERVISED,
    ProposalStep.EXCELLENT: Stage.EXCELLENT,
    ProposalStep.REPLIED: Stage.REPLIED,
    ProposalStep.ADOPTED: Stage.ADOPTED,
    ProposalStep.INSTRUCTED: Stage.INSTRUCTED,
}
_INFO_STAGES = {
    InfoStep.ISSUED: Stage.ISSUED,
    InfoStep.FORWARDED: Stage.FORWARDED,
    InfoStep.ADOPTED: Stage.ADOPTED,
    InfoStep.INSTRUCTED: Stage.INSTRUCTED,
}


@attrs.frozen
class Fact:
    """One record as it credits one member.

    ``kind`` is the activity kind, the contribution kind, or ``"proposal"`` /
    ``"info_report"``. ``stages`` maps each stage reached by the as-of date to the highest level
    at which it was reached (``None`` where no level applies). ``units`` is the number of
    half-day units attended (attendance only). ``authors`` counts the members the record
    credits (signers, authors or named main members).
    """

    member_id: str
    source: Source
    record_id: str
    kind: str
    on: dt.date
    role: AuthorRole
    position: int = 0
    authors: int = 1
    collective: bool = False
    status: AttendanceStatus | None = None
    units: int = 0
    total_units: int = 0
    organiser: BodyRef | None = None
    level: Level | None = None
    length_chars: int | None = None
    stages: tuple[tuple[Stage, Level | None], ...] = ()
    converted_to: str | None = None
    converted_from: str | None = None
    amount: Fraction | None = None
    given_by: str | None = None
    steps_in_period: frozenset[str] = frozenset()
    in_period: bool = True

    def reached(self, stage: Stage, min_level: Level | None = None) -> bool:
        """Whether the record reached ``stage`` (at ``min_level`` or above, if given)."""
        for reached, level in self.stages:
            if reached is stage:
                if min_level is None:
                    return True
                return level is not None and level.rank >= min_level.rank
        return False

    def stage_level(self, stage: Stage) -> Level | None:
        """The highest level at which ``stage`` was reached, if any."""
        for reached, level in self.stages:
            if reached is stage:
                return level
        return None


_STAGE_ORDER = {stage: index for index, stage in enumerate(Stage)}
"""Each stage's position in :class:`Stage`, the order ``Fact.stages`` lists them in."""


def _max_level(a: Level | None, b: Level | None) -> Level | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.rank >= b.rank else b


def _stages(pairs: Iterator[tuple[Stage, Level | None]]) -> tuple[tuple[Stage, Level | None], ...]:
    found: dict[Stage, Level | None] = {}
    for stage, level in pairs:
        found[stage] = _max_level(found[stage], level) if stage in found else level
    return tuple(sorted(found.items(), key=lambda pair: _STAGE_ORDER[pair[0]]))


def _attendance_fact(member_id: str, activity: Activity, entry: Attendance) -> Fact:
    return Fact(
        member_id=member_id,
        source=Source.ATTENDANCE,
        record_id=activity.id,
        kind=activity.kind.value,
        on=activity.start,
        role=AuthorRole.ATTENDEE,
        status=entry.status,
        units=activity.half_days_attended(entry),
        total_units=activity.half_days,
        organiser=activity.organiser,
    )


def _role(position: int, count: int, collective: bool) -> AuthorRole:
    if collective:
        return AuthorRole.MAIN_MEMBER
    if count == 1:
        return AuthorRole.SOLE
    return AuthorRole.FIRST if position == 0 else AuthorRole.CO


def proposal_stages(
    proposal: Proposal, as_of: dt.date, parents: dict[str, Proposal]
) -> tuple[tuple[Stage, Level | None], ...]:
    """The stages ``proposal`` reached by ``as_of``.

    A proposal merged (并案) into a filed case follows its parent: it counts as filed, key,
    excellent … when the parent is.
    """

    def own(p: Proposal) -> Iterator[tuple[Stage, Level | None]]:
        yield Stage.SUBMITTED, None
        for event in p.history:
            if event.on > as_of:
                break
            stage = _PROPOSAL_STAGES.get(event.step)
            if stage is not None:
                yield stage, event.level
            if event.step is ProposalStep.NOT_FILED and event.converted_to:
                yield Stage.CONVERTED, None

    pairs = list(own(proposal))
    for event in proposal.history:
        if event.step is ProposalStep.MERGED and event.on <= as_of and event.parent_id in parents:
            parent = parents[event.parent_id]
            pairs.extend(
                (stage, level)
                for stage, level in own(parent)
                if stage not in (Stage.SUBMITTED, Stage.MERGED)
            )
    return _stages(iter(pairs))


def _proposal_facts(
    member_id: str,
    proposal: Proposal,
    as_of: dt.date,
    parents: dict[str, Proposal],
    info_ids: frozenset[str] = frozenset(),
) -> Fact:
    collective = proposal.proposer_kind is ProposerKind.COLLECTIVE
    position = proposal.member_ids.index(member_id)
    converted = None
    for event in proposal.history:
        if (
            event.step is ProposalStep.NOT_FILED
            and event.converted_to in info_ids
            and event.on <= as_of
        ):
            converted = event.converted_to
    return Fact(
        member_id=member_id,
        source=Source.PROPOSAL,
        record_id=proposal.id,
        kind="proposal",
        on=proposal.submitted_on,
        role=_role(position, len(proposal.member_ids), collective),
        position=position,
        authors=len(proposal.member_ids),
        collective=collective,
        stages=proposal_stages(proposal, as_of, parents),
        converted_to=converted,
    )


def info_stages(report: InfoReport, as_of: dt.date) -> tuple[tuple[Stage, Level | None], ...]:
    """The stages a 社情民意 item reached by ``as_of``, each with the highest level it reached."""
    pairs: list[tuple[Stage, Level | None]] = [(Stage.SUBMITTED, None)]
    pairs.extend(
        (_INFO_STAGES[event.step], event.level)
        for event in report.history
        if event.on <= as_of and event.step in _INFO_STAGES
    )
    return _stages(iter(pairs))


def _info_fact(
    member_id: str, report: InfoReport, as_of: dt.date, converted_from: str | None
) -> Fact:
    position = report.author_ids.index(member_id)
    return Fact(
        member_id=member_id,
        source=Source.INFO_REPORT,
        record_id=report.id,
        kind="info_report",
        on=report.submitted_on,
        role=_role(position, len(report.author_ids), False),
        position=position,
        authors=len(report.author_ids),
        stages=info_stages(report, as_of),
        converted_from=converted_from,
    )


def _contribution_fact(member_id: str, contribution: Contribution, dating: str = "event") -> Fact:
    position = contribution.author_ids.index(member_id)
    on = contribution.on
    if dating == "reported" and contribution.reported_on is not None:
        on = contribution.reported_on
    return Fact(
        member_id=member_id,
        source=Source.CONTRIBUTION,
        record_id=contribution.id,
        kind=contribution.kind.value,
        on=on,
        role=_role(position, len(contribution.author_ids), False),
        position=position,
        authors=len(contribution.author_ids),
        level=contribution.level,
        length_chars=contribution.length_chars,
        amount=contribution.amount,
    )


def _input_fact(member_id: str, given: Input) -> Fact:
    return Fact(
        member_id=member_id,
        source=Source.INPUT,
        record_id=given.id,
        kind=given.key,
        on=given.period.end,
        role=AuthorRole.SOLE,
        amount=given.value,
        given_by=given.source,
    )


@attrs.frozen
class FactContext:
    """What fact building needs from the whole ledger, computed once per assessment."""

    as_of: dt.date
    parents: dict[str, Proposal]
    converted_from: dict[str, str]
    info_ids: frozenset[str] = frozenset()
    dating: str = "event"

    @classmethod
    def of(cls, ledger: Ledger, as_of: dt.date, dating: str = "event") -> FactContext:
        """Index merge parents and proposal → 社情民意 conversions once.

        Only a conversion into a 社情民意 item of the ledger links the two records; a proposal
        turned into an opinion (意见建议) or anything else stays a proposal only.
        """
        info_ids = frozenset(r.id for r in ledger.info_reports)
        converted_from: dict[str, str] = {}
        for proposal in ledger.proposals:
            for event in proposal.history:
                if event.step is ProposalStep.NOT_FILED and event.converted_to in info_ids:
                    converted_from[event.converted_to] = proposal.id
        return cls(
            as_of=as_of,
            parents={p.id: p for p in ledger.proposals},
            converted_from=converted_from,
            info_ids=info_ids,
            dating=dating,
        )


def _dated_by(records: MemberRecords, as_of: dt.date) -> MemberRecords:
    """The records dated on or before ``as_of``: a record made later is not known yet."""
    return attrs.evolve(
        records,
        attendances=tuple(pair for pair in records.attendances if pair[0].start <= as_of),
        proposals=tuple(p for p in records.proposals if p.submitted_on <= as_of),
        info_reports=tuple(r for r in records.info_reports if r.submitted_on <= as_of),
        contributions=tuple(c for c in records.contributions if c.on <= as_of),
    )


def facts_for_member(records: MemberRecords, period: Period, context: FactContext) -> list[Fact]:
    """Every fact crediting ``records.member`` for records dated inside ``period``.

    Records dated after ``context.as_of`` are left out (an as-of day inside the period reads
    the records as they stood that day), as are the stages reached after it.
    """
    member_id = records.member.id
    scoped = records.within(period)
    if context.as_of < period.end:
        scoped = _dated_by(scoped, context.as_of)
    facts: list[Fact] = [
        _attendance_fact(member_id, activity, entry) for activity, entry in scoped.attendances
    ]
    facts.extend(
        _proposal_facts(member_id, proposal, context.as_of, context.parents, context.info_ids)
        for proposal in scoped.proposals
    )
    facts.extend(
        _info_fact(member_id, report, context.as_of, context.converted_from.get(report.id))
        for report in scoped.info_reports
    )
    contributions = scoped.contributions
    if context.dating == "reported":  # 以报送时间为准: the reporting date places the record
        contributions = tuple(c for c in records.contributions if (c.reported_on or c.on) in period)
    facts.extend(_contribution_fact(member_id, c, context.dating) for c in contributions)
    facts.extend(_input_fact(member_id, given) for given in scoped.inputs)
    return facts


def with_steps_in_period(
    facts: list[Fact], records: MemberRecords, period: Period, context: FactContext
) -> list[Fact]:
    """``facts`` with the history steps each proposal and 社情民意 item reached in ``period``.

    Records dated outside the period that reached a step inside it are added with
    ``in_period=False``: only a selection by step (重新办理, 跟踪落实 … in the period) sees them.
    """
    member_id = records.member.id
    steps: dict[str, frozenset[str]] = {}
    outside: list[Fact] = []
    for proposal in records.proposals:
        found = frozenset(
            e.step.value for e in proposal.history if e.on in period and e.on <= context.as_of
        )
        steps[proposal.id] = found
        if found and proposal.submitted_on not in period:
            fact = _proposal_facts(
                member_id, proposal, context.as_of, context.parents, context.info_ids
            )
            outside.append(attrs.evolve(fact, steps_in_period=found, in_period=False))
    for report in records.info_reports:
        found = frozenset(
            e.step.value for e in report.history if e.on in period and e.on <= context.as_of
        )
        steps[report.id] = found
        if found and report.submitted_on not in period:
            fact = _info_fact(
                member_id, report, context.as_of, context.converted_from.get(report.id)
            )
            outside.append(attrs.evolve(fact, steps_in_period=found, in_period=False))
    updated = [
        attrs.evolve(f, steps_in_period=steps[f.record_id])
        if f.source in (Source.PROPOSAL, Source.INFO_REPORT) and steps.get(f.record_id)
        else f
        for f in facts
    ]
    return updated + outside
