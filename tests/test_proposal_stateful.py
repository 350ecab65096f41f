"""Random sequences of legal and illegal steps keep the lifecycle's invariants.

* an illegal step is refused with a typed error and changes nothing;
* a step not in the transition table is always refused, and so is a step dated backwards;
* every received proposal is in exactly one review bucket, so the buckets add up;
* dates in every history never go backwards;
* statistics kept incrementally equal statistics recomputed from scratch.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule

from cppcc_model.model import HandlingUnit, Proposal, ProposalEvent, ProposalStep
from cppcc_model.proposals import (
    TRANSITIONS,
    DateOrderError,
    Grouping,
    IllegalTransitionError,
    LifecycleError,
    Outcome,
    ProposalState,
    ProposalTally,
    allowed_steps,
    apply,
    proposal_statistics,
    replay,
)
from cppcc_model.proposals.states import FLAG_STEPS
from cppcc_model.proposals.statistics import proposal_keys

START = dt.date(2022, 1, 3)
AS_OF = dt.date(2026, 6, 30)
MEMBERS = ("m1", "m2", "m3")
UNITS = (
    (HandlingUnit("区教育局"),),
    (HandlingUnit("区卫健局", "lead"), HandlingUnit("区民政局", "co")),
    (HandlingUnit("区住建局", "split"), HandlingUnit("区交通局", "split")),
)

P = ProposalStep
FORWARD = {
    ProposalState.SUBMITTED: P.FILED,
    ProposalState.FILED: P.ASSIGNED,
    ProposalState.ASSIGNED: P.IN_PROGRESS,
    ProposalState.IN_PROGRESS: P.REPLIED,
    ProposalState.REPLIED: P.FEEDBACK,
    ProposalState.RATED: P.CLOSED,
    ProposalState.CLOSED: P.TRACKED,
}
"""The main path, taken half of the time so random runs reach the later states."""


class ProposalMachine(RuleBasedStateMachine):
    """Drives proposals through random steps, checking the lifecycle after each."""

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.today = START
        self.proposals: dict[str, Proposal] = {}
        self.tally = ProposalTally(as_of=AS_OF, grouping=Grouping.PROPOSER)
        self.refused = 0

    @precondition(lambda self: len(self.proposals) < 4)
    @rule(
        target=ids, members=st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=2, unique=True)
    )
    def submit(self, members: list[str]) -> str:
        pid = f"p{len(self.proposals) + 1}"
        proposal = Proposal(
            id=pid,
            subject="案由",
            submitted_on=self.today,
            proposer_kind="individual" if len(members) == 1 else "joint",
            member_ids=tuple(members),
        )
        self.proposals[pid] = proposal
        self.tally.add(proposal)
        return pid

    @rule(
        pid=ids,
        step=st.sampled_from(list(ProposalStep)),
        days=st.integers(min_value=-3, max_value=20),
        other=st.sampled_from(["p1", "p2", "p3", "p4"]),
        reply=st.sampled_from("ABC"),
        rating=st.sampled_from(["satisfied", "basically_satisfied", "dissatisfied"]),
        units=st.sampled_from(UNITS),
        with_number=st.booleans(),
        f2f=st.booleans(),
    )
    def step(
        self,
        pid: str,
        step: ProposalStep,
        days: int,
        other: str,
        reply: str,
        rating: str,
        units: tuple[HandlingUnit, ...],
        with_number: bool,
        f2f: bool,
    ) -> None:
        before = self.proposals[pid]
        status = replay(before)
        on = max(before.submitted_on, status.last_date + dt.timedelta(days=days))
        if days < 0 and status.last_date + dt.timedelta(days=days) >= before.submitted_on:
            on = status.last_date + dt.timedelta(days=days)
        event = ProposalEvent(
            step=step,
            on=on,
            case_number=f"{pid}-case" if with_number else None,
            parent_id=other,
            reason="理由",
            units=units,
            reply=reply,
            satisfaction=rating,
            face_to_face=f2f,
            leader="主席",
            level="city",
        )
        self.today = max(self.today, on)
        try:
            after = apply(before, event, parent=self.proposals.get(other))
        except LifecycleError as error:
            refusal: LifecycleError | None = error
        else:
            refusal = None
        if refusal is not None:
            self.refused += 1
            assert self.proposals[pid] is before
            assert replay(self.proposals[pid]) == status
            assert on >= status.last_date or type(refusal) is DateOrderError
            return
        assert on >= status.last_date, "a step dated backwards was accepted"
        first_submission = step is ProposalStep.SUBMITTED and not before.history
        legal_pair = (status.state, step) in TRANSITIONS or step in FLAG_STEPS
        assert legal_pair or first_submission, f"{status.state} + {step} was accepted"
        self.proposals[pid] = after
        self.tally.replace(before, after)

    @rule(pid=ids, data=st.data())
    def progress(self, pid: str, data: st.DataObject) -> None:
        """A step the table allows from the current state (guards may still refuse it)."""
        state = replay(self.proposals[pid]).state
        choices = list(allowed_steps(state))
        if data.draw(st.integers(0, 3)) == 0 or not choices:
            choices = sorted(FLAG_STEPS, key=lambda s: s.value)
        elif state in FORWARD and data.draw(st.booleans()):
            choices = [FORWARD[state]]
        self.step(
            pid,
            data.draw(st.sampled_from(choices)),
            data.draw(st.integers(min_value=0, max_value=20)),
            data.draw(st.sampled_from(sorted(self.proposals))),
            data.draw(st.sampled_from("ABC")),
            data.draw(st.sampled_from(["satisfied", "basically_satisfied", "dissatisfied"])),
            data.draw(st.sampled_from(UNITS)),
            True,
            data.draw(st.booleans()),
        )

    @invariant()
    def refused_steps_are_typed(self) -> None:
        assert issubclass(IllegalTransitionError, LifecycleError)

    @invariant()
    def dates_never_go_backwards(self) -> None:
        for proposal in self.proposals.values():
            days = [proposal.submitted_on, *(event.on for event in proposal.history)]
            assert days == sorted(days)

    @invariant()
    def every_proposal_is_in_exactly_one_bucket(self) -> None:
        counts = self.tally.stats().counts
        assert counts.received == len(self.proposals)
        assert counts.buckets_total == counts.received
        outcomes = [replay(p).outcome for p in self.proposals.values()]
        for outcome, count in (
            (Outcome.FILED, counts.filed),
            (Outcome.MERGED, counts.merged),
            (Outcome.NOT_FILED, counts.not_filed),
            (Outcome.UNDER_REVIEW, counts.under_review),
            (Outcome.WITHDRAWN, counts.withdrawn),
            (Outcome.TRANSFERRED_UP, counts.transferred_up_unfiled),
        ):
            assert outcomes.count(outcome) == count
        assert counts.handed_over <= counts.filed
        assert counts.replied <= counts.assigned <= counts.filed

    @invariant()
    def incremental_equals_from_scratch(self) -> None:
        scratch = proposal_statistics(self.proposals.values(), as_of=AS_OF)
        assert self.tally.stats() == scratch
        groups: dict[str, object] = {}
        for proposal in self.proposals.values():
            status = replay(proposal, AS_OF)
            for key in proposal_keys(proposal, status, Grouping.PROPOSER, {}):
                groups[key] = None
        assert set(self.tally.stats_by()) == set(groups)


ProposalMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=50, deadline=None)
TestProposalMachine = ProposalMachine.TestCase
