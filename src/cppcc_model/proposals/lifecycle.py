"""Applying dated steps to a proposal, and reading where it stands on any date.

A proposal's ``history`` is the truth. :func:`apply` checks one new :class:`ProposalEvent`
against the state the history leads to and returns a new :class:`Proposal` (``attrs.evolve``)
with the event appended; the old one is unchanged. :func:`replay` walks a history — all of
it, or the part dated on or before a day — checking every step, and returns a
:class:`CaseStatus`: the state plus what the steps recorded (case number, handling units,
replies, feedback, designations, due date).

Refusals are typed: :class:`~cppcc_model.proposals.errors.IllegalTransitionError` (names the
proposal, its state and the step), :class:`~cppcc_model.proposals.errors.DateOrderError` (a
step dated before the previous one) and :class:`~cppcc_model.proposals.errors.InvalidStepError`
(a step without what it needs).

Merged proposals (并案) stop in ``merged`` and follow their parent: :func:`follow` gives the
parent case's status, and :func:`case_proposers` lists the parent's proposers together with
those of every proposal merged into it — they all still count as proposers.

A replay changes one draft of the status in place, step by step (a step the lifecycle refuses
leaves it as it was), and freezes it into the :class:`CaseStatus` it returns once, at the end:
evolving a frozen status of some thirty fields at every step was most of a ledger's check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from cppcc_model.errors import Location, Problem
from cppcc_model.model.office import (
    DEFAULT_REPLY_SCHEME,
    DEFAULT_SATISFACTION_SCALE,
    MergeStage,
    OfficeCategory,
    OfficeLevel,
    ReplyScheme,
    SatisfactionScale,
)
from cppcc_model.model.organizations import Committee, Level
from cppcc_model.model.proposals import (
    HandlingRole,
    HandlingUnit,
    Proposal,
    ProposalEvent,
    ProposalStep,
    ReplyCategory,
    Satisfaction,
)
from cppcc_model.proposals.deadlines import DeadlineRules
from cppcc_model.proposals.states import (
    FLAG_STEPS,
    WAITING_FOR_REPLY,
    Outcome,
    ProposalState,
    next_state,
)
from cppcc_model.workflow.errors import (
    CalendarRangeError,
    HistoryProblemsError,
    IllegalTransitionError,
    InvalidStepError,
    LifecycleError,
)
from cppcc_model.workflow.steps import (
    check_dated_after,
    check_submitted_on,
    history_path,
    replay_history,
    step_problem,
)

__all__ = [
    "CaseStatus",
    "LifecycleRules",
    "advance",
    "apply",
    "case_proposers",
    "check_dated_after",
    "check_proposals",
    "check_submitted_on",
    "follow",
    "history_path",
    "replay",
    "rules_for",
    "step_problem",
    "validate_proposals",
]

S = ProposalState
P = ProposalStep


@attrs.frozen
class LifecycleRules:
    """The choices a rule set makes about the lifecycle (defaults in brackets).

    * ``deadlines`` — reply, extension, re-handling and objection limits (:class:`DeadlineRules`);
    * ``max_rehandlings`` — how many times a case may be re-handled (1: "no third loop");
    * ``rehandling_triggers`` — ratings after which re-handling may be ordered (不满意 only;
      some counties add 基本满意);
    * ``trackable_categories`` — reply categories a closed case may be tracked for (B);
    * ``require_case_number`` — filing needs a case number (yes);
    * ``require_reason`` — not filing needs a reason (yes);
    * ``merge_stage`` — when a proposal may be merged (并案): before it is filed, after it is
      filed (and before it is assigned), or either (before filing);
    * ``reply_scheme`` / ``satisfaction_scale`` — the office's reply categories and
      satisfaction levels, which replies and ratings are read against (A/B/C; 满意 / 基本满意 /
      不满意). Triggers and trackable categories match a level's meaning and a category's code.
    """

    deadlines: DeadlineRules = attrs.field(factory=DeadlineRules)
    max_rehandlings: int = 1
    rehandling_triggers: frozenset[Satisfaction] = frozenset({Satisfaction.DISSATISFIED})
    trackable_categories: frozenset[ReplyCategory] = frozenset({ReplyCategory.B})
    require_case_number: bool = True
    require_reason: bool = True
    merge_stage: MergeStage = MergeStage.BEFORE_FILING
    reply_scheme: ReplyScheme = DEFAULT_REPLY_SCHEME
    satisfaction_scale: SatisfactionScale = DEFAULT_SATISFACTION_SCALE


DEFAULT_RULES = LifecycleRules()


def rules_for(committee: Committee, base: LifecycleRules = DEFAULT_RULES) -> LifecycleRules:
    """``base`` with the committee's stated merge stage, reply categories and scale."""
    return attrs.evolve(
        base,
        merge_stage=committee.merge_stage or base.merge_stage,
        reply_scheme=committee.reply_scheme
        if committee.reply_categories is not None
        else base.reply_scheme,
        satisfaction_scale=committee.satisfaction_scale
        if committee.satisfaction_levels is not None
        else base.satisfaction_scale,
    )


@attrs.frozen
class CaseStatus:
    """Where a proposal stands after its history (or the part of it up to ``as_of``).

    ``assigned_on`` is the start of the current reply clock (the latest assignment or
    re-assignment); ``due`` is the day the reply owed now is due (``None`` when none is owed).
    ``first_reply_on`` / ``first_reply_due`` let on-time replies be counted; ``reply`` is the
    latest reply category (a tracked case may be re-labelled) and ``satisfaction`` the latest
    rating.
    """

    proposal_id: str
    state: ProposalState
    as_of: dt.date | None
    last_date: dt.date
    filed_on: dt.date | None = None
    case_number: str | None = None
    merged_into: str | None = None
    reason: str | None = None
    converted_to: str | None = None
    transferred_on: dt.date | None = None
    first_assigned_on: dt.date | None = None
    assigned_on: dt.date | None = None
    units: tuple[HandlingUnit, ...] = ()
    extended: bool = False
    replies: int = 0
    first_reply_on: dt.date | None = None
    first_reply_due: dt.date | None = None
    reply: OfficeCategory | None = None
    satisfaction: OfficeLevel | None = None
    face_to_face: bool = False
    rehandlings: int = 0
    rehandling_on: dt.date | None = None
    closed_on: dt.date | None = None
    is_key: bool = False
    key_leader: str | None = None
    supervisions: tuple[str | None, ...] = ()
    is_excellent: bool = False
    adoptions: tuple[Level | None, ...] = ()
    instructions: tuple[str | None, ...] = ()
    due: dt.date | None = None

    @property
    def outcome(self) -> Outcome:
        """The review bucket the proposal is in (each received proposal is in exactly one)."""
        if self.filed_on is not None:
            return Outcome.FILED
        return {
            S.SUBMITTED: Outcome.UNDER_REVIEW,
            S.RETURNED: Outcome.UNDER_REVIEW,
            S.WITHDRAWN: Outcome.WITHDRAWN,
            S.MERGED: Outcome.MERGED,
            S.NOT_FILED: Outcome.NOT_FILED,
            S.CONVERTED: Outcome.NOT_FILED,
            S.TRANSFERRED_UP: Outcome.TRANSFERRED_UP,
        }[self.state]

    @property
    def is_filed(self) -> bool:
        """Whether the proposal was filed as a case (立案), wherever it went afterwards."""
        return self.filed_on is not None

    @property
    def transferred_after_filing(self) -> bool:
        """Whether it was filed and then handed to the upper-level CPPCC to handle."""
        return self.filed_on is not None and self.state is S.TRANSFERRED_UP

    @property
    def handed_over(self) -> bool:
        """Whether the filed case was handed over (交办): assigned here or sent up to handle."""
        return self.first_assigned_on is not None or self.transferred_after_filing

    @property
    def is_closed(self) -> bool:
        """Whether the case is closed (办结), tracked cases included."""
        return self.state in (S.CLOSED, S.TRACKING)

    @property
    def replied_on_time(self) -> bool:
        """Whether the first reply came on or before the day it was due."""
        return (
            self.first_reply_on is not None
            and self.first_reply_due is not None
            and self.first_reply_on <= self.first_reply_due
        )

    def is_overdue(self, day: dt.date) -> bool:
        """Whether a reply is owed and ``day`` is after the day it was due."""
        return self.state in WAITING_FOR_REPLY and self.due is not None and day > self.due


_FIELDS = tuple(field.name for field in attrs.fields(CaseStatus))
"""The fields of :class:`CaseStatus`, in order."""


class _Case:
    """A :class:`CaseStatus` being replayed: the same fields, with the same defaults, set in place.

    Only the lifecycle's steps change it, and only once a step is accepted; :meth:`frozen` makes
    the :class:`CaseStatus` (``tests/test_proposal_lifecycle.py`` holds the defaults equal).
    """

    __slots__ = _FIELDS

    def __init__(
        self, proposal_id: str, state: ProposalState, as_of: dt.date | None, last_date: dt.date
    ) -> None:
        self.proposal_id = proposal_id
        self.state = state
        self.as_of = as_of
        self.last_date = last_date
        self.filed_on: dt.date | None = None
        self.case_number: str | None = None
        self.merged_into: str | None = None
        self.reason: str | None = None
        self.converted_to: str | None = None
        self.transferred_on: dt.date | None = None
        self.first_assigned_on: dt.date | None = None
        self.assigned_on: dt.date | None = None
        self.units: tuple[HandlingUnit, ...] = ()
        self.extended = False
        self.replies = 0
        self.first_reply_on: dt.date | None = None
        self.first_reply_due: dt.date | None = None
        self.reply: OfficeCategory | None = None
        self.satisfaction: OfficeLevel | None = None
        self.face_to_face = False
        self.rehandlings = 0
        self.rehandling_on: dt.date | None = None
        self.closed_on: dt.date | None = None
        self.is_key = False
        self.key_leader: str | None = None
        self.supervisions: tuple[str | None, ...] = ()
        self.is_excellent = False
        self.adoptions: tuple[Level | None, ...] = ()
        self.instructions: tuple[str | None, ...] = ()
        self.due: dt.date | None = None

    def frozen(self) -> CaseStatus:
        """The :class:`CaseStatus` with these fields."""
        return CaseStatus(*[getattr(self, name) for name in _FIELDS])


def _check_units(proposal_id: str, units: tuple[HandlingUnit, ...]) -> None:
    roles = [unit.role for unit in units]
    names = [unit.name for unit in units]
    problem: str | None = None
    if len(set(names)) != len(names):
        problem = "a handling unit is listed twice"
    elif HandlingRole.SOLE in roles and len(units) != 1:
        problem = "a sole handling unit (单办) cannot share the proposal with other units"
    elif HandlingRole.SPLIT in roles and set(roles) != {HandlingRole.SPLIT}:
        problem = "split handling (分办) cannot be mixed with sole, lead or co-handling units"
    elif HandlingRole.CO in roles and roles.count(HandlingRole.LEAD) != 1:
        problem = "co-handling units (会办) need exactly one lead unit (主办)"
    elif roles.count(HandlingRole.LEAD) > 1:
        problem = "only one unit can lead (主办)"
    if problem is not None:
        raise InvalidStepError(
            f"the assignment of {proposal_id} is not valid: {problem}",
            where=Location(record_id=proposal_id),
            hint="use one sole unit, several split units, or one lead unit with co-handling units",
        )


def _refuse(status: _Case, step: ProposalStep, reason: str | None = None) -> LifecycleError:
    return IllegalTransitionError(
        status.proposal_id,
        status.state.value,
        step.value,
        reason=reason,
        hint=f"from {status.state.label} ({status.state.value}) a proposal can take: "
        + _allowed_text(status.state),
    )


def _allowed_text(state: ProposalState) -> str:
    from cppcc_model.proposals.states import allowed_steps

    steps = allowed_steps(state)
    return ", ".join(f"{step.label} ({step.value})" for step in steps) or "no further step"


def _guard_flag(status: _Case, event: ProposalEvent) -> None:
    step = event.step
    if status.filed_on is None:
        raise _refuse(status, step, "only a filed proposal can be designated or followed up")
    if step is P.KEY_DESIGNATED and status.is_key:
        raise _refuse(status, step, "it is already a key proposal")
    if step is P.EXCELLENT:
        if status.is_excellent:
            raise _refuse(status, step, "it is already an excellent proposal")
        if status.replies == 0:
            raise _refuse(status, step, "a proposal is rated excellent only after it was replied")


def _step(
    status: _Case,
    event: ProposalEvent,
    rules: LifecycleRules,
    first: bool,
    submitted_on: dt.date,
) -> _Case:
    """``status`` moved on by ``event``, in place.

    Raises a lifecycle error, leaving ``status`` as it was, when the event is not allowed.
    """
    step = event.step
    check_dated_after(status.proposal_id, step.value, event.on, status.last_date)
    if step is P.SUBMITTED and first and status.state is S.SUBMITTED:
        check_submitted_on(
            status.proposal_id,
            event.on,
            submitted_on,
            "date the first 提交 step on the proposal's submitted_on",
        )
        status.last_date = event.on
        return status
    if step in FLAG_STEPS:
        _guard_flag(status, event)
        _flag(status, event)
        status.last_date = event.on
        return status
    target = next_state(status.state, step)
    if step is P.MERGED:
        target = _merge_target(status, rules)
    if target is None:
        raise _refuse(status, step, _merge_reason(status, step, rules))
    changes = _transition(status, event, target, rules)
    status.last_date = event.on
    for name, value in changes.items():
        setattr(status, name, value)
    return status


def _merge_target(status: _Case, rules: LifecycleRules) -> ProposalState | None:
    """Where a merge leads from the current state under the office's merge stage."""
    before = rules.merge_stage in (MergeStage.BEFORE_FILING, MergeStage.EITHER)
    after = rules.merge_stage in (MergeStage.AFTER_FILING, MergeStage.EITHER)
    if status.state is S.SUBMITTED and before:
        return S.MERGED
    if status.state is S.FILED and after:
        return S.MERGED
    return None


def _merge_reason(status: _Case, step: ProposalStep, rules: LifecycleRules) -> str | None:
    if step is not P.MERGED:
        return None
    if status.state in (S.SUBMITTED, S.FILED):
        return (
            f"this committee merges proposals {rules.merge_stage.label} "
            f"(merge_stage {rules.merge_stage.value})"
        )
    return None


def _flag(status: _Case, event: ProposalEvent) -> None:
    step = event.step
    if step is P.KEY_DESIGNATED:
        status.is_key = True
        status.key_leader = event.leader
    elif step is P.SUPERVISED:
        status.supervisions = (*status.supervisions, event.leader)
    elif step is P.EXCELLENT:
        status.is_excellent = True
    elif step is P.ADOPTED:
        status.adoptions = (*status.adoptions, event.level)
    else:
        status.instructions = (*status.instructions, event.leader)


def _needs(status: _Case, event: ProposalEvent, field: str, what: str) -> None:
    if getattr(event, field) is None:
        raise InvalidStepError(
            f"{event.step.label} ({event.step.value}) of {status.proposal_id} on {event.on} "
            f"needs {what}",
            where=Location(record_id=status.proposal_id),
            hint=f"fill in {field}",
        )


def _transition(
    status: _Case, event: ProposalEvent, target: ProposalState, rules: LifecycleRules
) -> dict[str, object]:
    """What ``event`` changes in ``status`` (which it reads only); raises when not allowed."""
    step = event.step
    deadlines = rules.deadlines
    changes: dict[str, object] = {"state": target}
    if event.face_to_face:
        changes["face_to_face"] = True
    if step is P.FILED:
        if rules.require_case_number:
            _needs(status, event, "case_number", "a case number (案号)")
        changes.update(filed_on=event.on, case_number=event.case_number)
    elif step is P.MERGED:
        if event.parent_id == status.proposal_id:
            raise InvalidStepError(
                f"{status.proposal_id} cannot be merged into itself",
                where=Location(record_id=status.proposal_id),
                hint="name the filed proposal it was merged into",
            )
        changes["merged_into"] = event.parent_id
    elif step in (P.NOT_FILED, P.RETURNED, P.WITHDRAWN):
        if step is P.NOT_FILED and rules.require_reason:
            _needs(status, event, "reason", "a reason for not filing it")
        changes["reason"] = event.reason
        if step is P.NOT_FILED and event.converted_to is not None:
            changes.update(state=S.CONVERTED, converted_to=event.converted_to)
    elif step is P.TRANSFERRED_UP:
        changes["transferred_on"] = event.on
    elif step in (P.ASSIGNED, P.REASSIGNED):
        _check_units(status.proposal_id, event.units)
        changes.update(
            assigned_on=event.on,
            units=event.units,
            extended=False,
            due=deadlines.reply_due(event.on),
        )
        if status.first_assigned_on is None:
            changes["first_assigned_on"] = event.on
    elif step is P.REASSIGNMENT_REQUESTED:
        assert status.assigned_on is not None
        limit = deadlines.objection_deadline(status.assigned_on)
        if limit is not None and event.on > limit:
            raise _refuse(
                status,
                step,
                f"the objection window closed on {limit} "
                f"({deadlines.objection_working_days} working days after {status.assigned_on})",
            )
    elif step is P.EXTENDED:
        assert status.assigned_on is not None
        changes.update(extended=True, due=deadlines.reply_due(status.assigned_on, extended=True))
    elif step is P.REPLIED:
        assert event.reply is not None
        category = rules.reply_scheme.find(event.reply)
        if category is None:
            raise InvalidStepError(
                f"{status.proposal_id} is replied on {event.on} with the category "
                f"{event.reply!r}, which is not one of this committee's reply categories",
                where=Location(record_id=status.proposal_id),
                hint=f"use one of: {rules.reply_scheme.choices()}, or state the office's own "
                "categories in the committee's reply_categories",
            )
        changes.update(replies=status.replies + 1, reply=category, due=None)
        if status.first_reply_on is None:
            changes.update(first_reply_on=event.on, first_reply_due=status.due)
    elif step is P.FEEDBACK:
        assert event.satisfaction is not None
        level = rules.satisfaction_scale.find(event.satisfaction)
        if level is None:
            raise InvalidStepError(
                f"{status.proposal_id} is rated {event.satisfaction!r} on {event.on}, which is "
                "not one of this committee's satisfaction levels",
                where=Location(record_id=status.proposal_id),
                hint=f"use one of: {rules.satisfaction_scale.choices()}, or state the office's "
                "own scale in the committee's satisfaction_levels",
            )
        changes["satisfaction"] = level
    elif step is P.REHANDLING:
        if status.rehandlings >= rules.max_rehandlings:
            raise _refuse(
                status,
                step,
                f"it was re-handled {status.rehandlings} time(s), the most the rules allow",
            )
        triggers = {trigger.value for trigger in rules.rehandling_triggers}
        if status.state is S.RATED and (
            status.satisfaction is None or status.satisfaction.meaning.value not in triggers
        ):
            rating = status.satisfaction.label if status.satisfaction else "none"
            raise _refuse(status, step, f"the proposer's rating ({rating}) does not call for it")
        changes.update(
            rehandlings=status.rehandlings + 1,
            rehandling_on=event.on,
            due=deadlines.rehandling_due(event.on),
        )
    elif step is P.CLOSED:
        changes["closed_on"] = event.on
    elif step is P.TRACKED and (
        status.reply is None
        or status.reply.code.lower() not in {c.value for c in rules.trackable_categories}
    ):
        label = status.reply.label if status.reply else "none"
        raise _refuse(status, step, f"its reply category ({label}) is not followed up")
    return changes


def _start(proposal: Proposal, as_of: dt.date | None) -> _Case:
    return _Case(proposal.id, S.SUBMITTED, as_of, proposal.submitted_on)


def _replayed(proposal: Proposal, as_of: dt.date | None, rules: LifecycleRules) -> _Case:
    """The draft status ``proposal``'s history leads to (up to ``as_of``)."""
    return replay_history(
        _start(proposal, as_of),
        proposal.history,
        lambda status, event, first: _step(status, event, rules, first, proposal.submitted_on),
        as_of,
    )


def replay(
    proposal: Proposal, as_of: dt.date | None = None, rules: LifecycleRules = DEFAULT_RULES
) -> CaseStatus:
    """Where ``proposal`` stands after its history (only the events on or before ``as_of``).

    Raises:
        IllegalTransitionError, DateOrderError, InvalidStepError: when a recorded step breaks
            the lifecycle; the error names the proposal.

    """
    return _replayed(proposal, as_of, rules).frozen()


def _check_parent(
    proposal: Proposal, event: ProposalEvent, parent: Proposal | None, rules: LifecycleRules
) -> None:
    if parent is None:
        return
    if parent.id != event.parent_id:
        raise InvalidStepError(
            f"{proposal.id} is merged into {event.parent_id!r} but the parent given is "
            f"{parent.id!r}",
            where=Location(record_id=proposal.id),
            hint="pass the proposal named in parent_id",
        )
    parent_status = replay(parent, event.on, rules)
    if not parent_status.is_filed or parent_status.state is S.MERGED:
        raise IllegalTransitionError(
            proposal.id,
            S.SUBMITTED.value,
            P.MERGED.value,
            reason=f"its parent {parent.id} is {parent_status.state.label} on {event.on}, "
            "not a filed case",
            hint="merge into a proposal filed on or before the merge date",
        )


def apply(
    proposal: Proposal,
    event: ProposalEvent,
    rules: LifecycleRules = DEFAULT_RULES,
    *,
    parent: Proposal | None = None,
) -> Proposal:
    """A copy of ``proposal`` with ``event`` appended, after checking it is allowed.

    For a merge, pass the ``parent`` proposal to have it checked that the parent is a filed
    case on the merge date (:func:`check_proposals` checks this for a whole ledger).

    Raises:
        IllegalTransitionError: the step is not allowed from the current state.
        DateOrderError: the event is dated before the last recorded date.
        InvalidStepError: the step lacks what it needs (a case number, a reason, valid units).

    """
    status = _replayed(proposal, None, rules)
    _step(status, event, rules, not proposal.history, proposal.submitted_on)
    if event.step is P.MERGED:
        _check_parent(proposal, event, parent, rules)
    return attrs.evolve(proposal, history=(*proposal.history, event))


def advance(
    proposal: Proposal,
    step: ProposalStep | str,
    on: dt.date,
    rules: LifecycleRules = DEFAULT_RULES,
    *,
    parent: Proposal | None = None,
    **fields: object,
) -> Proposal:
    """Build the event (``step``, ``on`` and its ``fields``) and :func:`apply` it.

    >>> import datetime as dt
    >>> from cppcc_model.model import Proposal
    >>> p = Proposal(id="p1", subject="案由", submitted_on=dt.date(2022, 1, 8),
    ...              proposer_kind="个人", member_ids=("m1",))
    >>> replay(advance(p, "立案", dt.date(2022, 3, 1), case_number="1")).state.label
    '已立案'
    """
    event = ProposalEvent(step=step, on=on, **fields)  # type: ignore[arg-type]
    return apply(proposal, event, rules, parent=parent)


def follow(
    proposal: Proposal,
    proposals: Mapping[str, Proposal],
    as_of: dt.date | None = None,
    rules: LifecycleRules = DEFAULT_RULES,
) -> CaseStatus:
    """The status of the case ``proposal`` belongs to: its own, or its parent's if merged."""
    status = replay(proposal, as_of, rules)
    seen = {proposal.id}
    while status.state is S.MERGED and status.merged_into is not None:
        parent_id = status.merged_into
        if parent_id in seen or parent_id not in proposals:
            break
        seen.add(parent_id)
        status = replay(proposals[parent_id], as_of, rules)
    return status


def case_proposers(
    case_id: str,
    proposals: Mapping[str, Proposal],
    as_of: dt.date | None = None,
    rules: LifecycleRules = DEFAULT_RULES,
) -> tuple[str, ...]:
    """Every member credited with the case: its own proposers, then those merged into it.

    Order: the case's proposers in signing order, then each merged proposal's (in id order),
    each member once.
    """
    case = proposals[case_id]
    credited: list[str] = list(case.member_ids)
    for other_id in sorted(proposals):
        other = proposals[other_id]
        if other_id == case_id:
            continue
        status = replay(other, as_of, rules)
        if status.state is S.MERGED and status.merged_into == case_id:
            credited.extend(m for m in other.member_ids if m not in credited)
    return tuple(credited)


def _merge_problem(
    proposal: Proposal,
    event: ProposalEvent,
    by_id: Mapping[str, Proposal],
    rules: LifecycleRules,
) -> str | None:
    parent = by_id.get(event.parent_id or "")
    if parent is None:
        return (
            f"并案 on {event.on} merges {proposal.id} into {event.parent_id!r}, which is not "
            "among the proposals"
        )
    try:
        parent_status = replay(parent, event.on, rules)
    except LifecycleError:
        return None  # the parent's own history is reported where it breaks
    if not parent_status.is_filed:
        return (
            f"并案 on {event.on} merges {proposal.id} into {parent.id}, which is "
            f"{parent_status.state.label} on that day, not a filed case"
        )
    if parent_status.state is S.MERGED:
        return (
            f"并案 on {event.on} merges {proposal.id} into {parent.id}, which was itself merged "
            f"into {parent_status.merged_into} by then"
        )
    return None


def _merge_cycles(ordered: list[Proposal], positions: Mapping[str, int]) -> list[Problem]:
    parents: dict[str, tuple[str, int]] = {}
    for proposal in ordered:
        for index, event in enumerate(proposal.history):
            if event.step is P.MERGED and event.parent_id is not None:
                parents[proposal.id] = (event.parent_id, index)
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in parents:
        chain = [start]
        node = start
        while node in parents and parents[node][0] not in chain:
            node = parents[node][0]
            chain.append(node)
        if node not in parents:
            continue
        loop = chain[chain.index(parents[node][0]) :]
        if reported & set(loop) or parents[node][0] == node:
            continue
        reported.update(loop)
        first = min(loop, key=lambda pid: positions[pid])
        index = parents[first][1]
        text = " → ".join(loop[loop.index(first) :] + loop[: loop.index(first)] + [first])
        problems.append(
            Problem(
                f"并案 goes round in a circle: {text}; no proposal of the circle is the case "
                "the others were merged into",
                Location(record_id=first, path=history_path("proposals", positions[first], index)),
                "merge every proposal of the group into the one filed case",
            )
        )
    return problems


def _step_location(proposal_id: str, position: int, index: int) -> Location:
    return Location(record_id=proposal_id, path=history_path("proposals", position, index))


def check_proposals(
    proposals: Iterable[Proposal], rules: LifecycleRules = DEFAULT_RULES
) -> tuple[Problem, ...]:
    """Every lifecycle problem in ``proposals``, all at once, in the order given.

    Each names the step as the clerk wrote it (its Chinese label, 并案 rather than
    ``merged``), the record and the step's place (``where.path`` is
    ``$.proposals[<position>].history[<step>]``, which a table reader turns into a row). It
    finds steps the state does not allow, steps dated backwards or lacking what they need,
    merges into proposals that were not filed cases on the merge date (not filed yet, 不予立案,
    merged themselves) or that do not exist, and merges that go round in a circle. A history
    is checked up to its first broken step (the steps after it depend on it).
    """
    ordered = list(proposals)
    positions = {proposal.id: position for position, proposal in enumerate(ordered)}
    by_id = {proposal.id: proposal for proposal in ordered}
    problems: list[Problem] = []
    for position, proposal in enumerate(ordered):
        status = _start(proposal, None)
        for index, event in enumerate(proposal.history):
            try:
                _step(status, event, rules, index == 0, proposal.submitted_on)
            except (LifecycleError, CalendarRangeError) as error:
                # a working-day window the official calendar cannot count is named at its step
                where = _step_location(proposal.id, position, index)
                problems.append(
                    step_problem(
                        error, proposal.id, event.step.label, event.on, status.state.label, where
                    )
                )
                break
            if event.step is P.MERGED and event.parent_id != proposal.id:
                merge = _merge_problem(proposal, event, by_id, rules)
                if merge is not None:
                    where = _step_location(proposal.id, position, index)
                    problems.append(
                        Problem(merge, where, "merge into a proposal filed on or before that day")
                    )
    problems.extend(_merge_cycles(ordered, positions))
    return tuple(problems)


def validate_proposals(
    proposals: Iterable[Proposal], rules: LifecycleRules = DEFAULT_RULES
) -> None:
    """Raise one :class:`HistoryProblemsError` listing every problem of :func:`check_proposals`."""
    problems = check_proposals(proposals, rules)
    if problems:
        raise HistoryProblemsError(
            "some proposal histories break the lifecycle",
            problems,
            hint="correct the steps named below",
        )
