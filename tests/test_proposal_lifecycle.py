"""The proposal lifecycle: legal paths, typed refusals, guards, merges and replay by date."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.errors import CppccError
from cppcc_model.model import HandlingUnit, Proposal, ProposalEvent, ProposalStep, Satisfaction
from cppcc_model.proposals import (
    TRANSITIONS,
    CalendarRangeError,
    DateOrderError,
    DeadlineRules,
    IllegalTransitionError,
    InvalidStepError,
    LifecycleRules,
    Outcome,
    ProposalState,
    advance,
    allowed_steps,
    apply,
    case_proposers,
    check_proposals,
    follow,
    next_state,
    replay,
    validate_proposals,
)
from cppcc_model.proposals.errors import HistoryProblemsError
from cppcc_model.testing.codes import raises_code

D = dt.date
UNIT = (HandlingUnit("区教育局"),)


def fresh(pid: str = "p1", members: tuple[str, ...] = ("m1",)) -> Proposal:
    return Proposal(
        id=pid,
        subject="关于推进集团化办学的建议",
        submitted_on=D(2022, 1, 8),
        proposer_kind="individual" if len(members) == 1 else "joint",
        member_ids=members,
        session_id="9-3",
    )


def assigned(pid: str = "p1") -> Proposal:
    p = advance(fresh(pid), "filed", D(2022, 3, 1), case_number="1")
    return advance(p, "assigned", D(2022, 3, 10), units=UNIT)


def test_full_happy_path_reaches_closed_and_records_everything() -> None:
    p = assigned()
    p = advance(p, "in_progress", D(2022, 3, 12), face_to_face=True)
    p = advance(p, "replied", D(2022, 5, 20), reply="A")
    p = advance(p, "feedback", D(2022, 5, 30), satisfaction="满意")
    p = advance(p, "closed", D(2022, 6, 1))
    p = advance(p, "excellent", D(2022, 12, 1))
    status = replay(p)
    assert status.state is ProposalState.CLOSED
    assert status.case_number == "1"
    assert status.units == UNIT
    assert status.face_to_face
    assert status.replied_on_time
    assert status.first_reply_due == D(2022, 6, 10)
    assert status.is_excellent
    assert status.outcome is Outcome.FILED
    assert len(p.history) == 7


def test_apply_returns_a_new_proposal_and_leaves_the_old_one() -> None:
    p = fresh()
    q = advance(p, "filed", D(2022, 3, 1), case_number="1")
    assert p.history == ()
    assert q.history[-1].step is ProposalStep.FILED


def test_illegal_step_names_proposal_state_and_step() -> None:
    p = assigned()
    with pytest.raises(IllegalTransitionError) as caught:
        advance(p, "filed", D(2022, 4, 1), case_number="2")
    error = caught.value
    assert (error.record_id, error.state, error.step) == ("p1", "assigned", "filed")
    assert isinstance(error, CppccError)
    assert (error.code, error.value) == ("I103", "filed")  # the step is not allowed
    assert error.where is not None
    assert error.where.record_id == "p1"
    assert "答复 (replied)" in (error.hint or "")  # the hint lists what is allowed


def test_dates_never_go_backwards() -> None:
    p = assigned()
    with pytest.raises(DateOrderError) as caught:
        advance(p, "replied", D(2022, 3, 9), reply="B")
    assert caught.value.previous == D(2022, 3, 10)
    advance(p, "replied", D(2022, 3, 10), reply="B")  # the same day is fine


@pytest.mark.parametrize("state", list(ProposalState))
def test_table_and_allowed_steps_agree(state: ProposalState) -> None:
    for step in ProposalStep:
        target = next_state(state, step)
        if step in allowed_steps(state):
            assert target is TRANSITIONS[(state, step)]
    assert all((state, step) in TRANSITIONS for step in allowed_steps(state))


@pytest.mark.parametrize(
    "state", [ProposalState.WITHDRAWN, ProposalState.MERGED, ProposalState.NOT_FILED]
)
def test_terminal_states_allow_no_ordinary_step(state: ProposalState) -> None:
    assert allowed_steps(state) == ()


def test_filing_needs_a_case_number_and_not_filing_a_reason() -> None:
    with raises_code(InvalidStepError, "I107", value="立案"):
        advance(fresh(), "filed", D(2022, 3, 1))
    with raises_code(InvalidStepError, "I107", value="不予立案"):
        advance(fresh(), "not_filed", D(2022, 3, 1))
    relaxed = LifecycleRules(require_case_number=False)
    assert replay(advance(fresh(), "filed", D(2022, 3, 1), relaxed), None, relaxed).is_filed


def test_not_filed_with_conversion_is_converted_and_counts_as_not_filed() -> None:
    p = advance(fresh(), "not_filed", D(2022, 3, 1), reason="信访事项", converted_to="社情民意")
    status = replay(p)
    assert status.state is ProposalState.CONVERTED
    assert status.outcome is Outcome.NOT_FILED


def test_returned_then_resubmitted_then_filed() -> None:
    p = advance(fresh(), "returned", D(2022, 1, 12), reason="补充建议")
    assert replay(p).outcome is Outcome.UNDER_REVIEW
    p = advance(p, "submitted", D(2022, 1, 20))
    p = advance(p, "filed", D(2022, 3, 1), case_number="7")
    assert replay(p).state is ProposalState.FILED


def test_first_submitted_event_must_match_the_submission_date() -> None:
    assert replay(advance(fresh(), "submitted", D(2022, 1, 8))).state is ProposalState.SUBMITTED
    with pytest.raises(InvalidStepError):
        advance(fresh(), "submitted", D(2022, 1, 9))


def test_filed_then_transferred_up_stays_filed_and_is_handed_over() -> None:
    p = advance(fresh(), "filed", D(2022, 3, 1), case_number="1")
    p = advance(p, "transferred_up", D(2022, 5, 20), level="city")
    status = replay(p)
    assert status.transferred_after_filing
    assert status.handed_over
    assert status.outcome is Outcome.FILED
    direct = replay(advance(fresh(), "transferred_up", D(2022, 3, 1), level="city"))
    assert direct.outcome is Outcome.TRANSFERRED_UP
    assert not direct.handed_over


def test_assignment_modes_are_checked() -> None:
    base = advance(fresh(), "filed", D(2022, 3, 1), case_number="1")
    good = [
        (HandlingUnit("甲", "sole"),),
        (HandlingUnit("甲", "lead"), HandlingUnit("乙", "co"), HandlingUnit("丙", "co")),
        (HandlingUnit("甲", "split"), HandlingUnit("乙", "split")),
    ]
    for units in good:
        assert replay(advance(base, "assigned", D(2022, 3, 5), units=units)).units == units
    bad = [
        (HandlingUnit("甲", "sole"), HandlingUnit("乙", "sole")),
        (HandlingUnit("甲", "co"),),
        (HandlingUnit("甲", "split"), HandlingUnit("乙", "lead")),
        (HandlingUnit("甲", "lead"), HandlingUnit("乙", "lead")),
        (HandlingUnit("甲", "split"), HandlingUnit("甲", "split")),
    ]
    for units in bad:
        with pytest.raises(InvalidStepError):
            advance(base, "assigned", D(2022, 3, 5), units=units)


def test_reassignment_window_counts_official_working_days() -> None:
    # Assigned Friday 28 Jan 2022; the Spring Festival holiday runs 31 Jan – 6 Feb, and
    # 29–30 Jan are make-up working days. Ten working days: 29, 30 Jan, 7–11, 14–16 Feb.
    p = advance(fresh(), "filed", D(2022, 1, 20), case_number="1")
    p = advance(p, "assigned", D(2022, 1, 28), units=UNIT)
    ok = advance(p, "reassignment_requested", D(2022, 2, 16))
    assert replay(ok).state is ProposalState.REASSIGNMENT_REQUESTED
    with raises_code(IllegalTransitionError, "I102", value="reassignment_requested"):
        advance(p, "reassignment_requested", D(2022, 2, 17))
    again = advance(ok, "reassigned", D(2022, 2, 20), units=(HandlingUnit("区卫健局"),))
    status = replay(again)
    assert status.state is ProposalState.ASSIGNED
    assert status.assigned_on == D(2022, 2, 20)
    assert status.first_assigned_on == D(2022, 1, 28)
    assert status.due == D(2022, 5, 20)


def assigned_before_the_calendar() -> Proposal:
    """A proposal assigned in 2003, before the official holiday calendar's data begins."""
    p = Proposal(
        id="old",
        subject="旧提案",
        submitted_on=D(2003, 1, 5),
        proposer_kind="individual",
        member_ids=("m1",),
    )
    p = advance(p, "filed", D(2003, 2, 1), case_number="1")
    return advance(p, "assigned", D(2003, 3, 1), units=UNIT)


def test_reassignment_outside_the_calendar_data_is_an_explicit_error() -> None:
    p = assigned_before_the_calendar()
    with raises_code(CalendarRangeError, "I115", value="2003-03-02"):
        advance(p, "reassignment_requested", D(2003, 3, 5))
    unlimited = LifecycleRules(deadlines=DeadlineRules(objection_working_days=None))
    advance(p, "reassignment_requested", D(2003, 3, 5), unlimited)


def test_a_window_the_calendar_cannot_count_is_a_problem_at_its_step() -> None:
    """Checking a ledger names the step the calendar cannot count instead of stopping there."""
    p = assigned_before_the_calendar()
    requested = ProposalEvent(step=ProposalStep.REASSIGNMENT_REQUESTED, on=D(2003, 3, 5))
    p = attrs.evolve(p, history=(*p.history, requested))
    other = assigned("p2")
    (problem,) = check_proposals([other, p])
    assert problem.where.record_id == "old"
    assert problem.where.path == "$.proposals[1].history[2]"
    assert problem.code == "I115"
    assert problem.value == "2003-03-02"  # the first working day the window asks about
    assert problem.hint == "upgrade the chinesecalendar package, or count the deadline by hand"


def test_rehandling_only_after_dissatisfaction_and_only_once() -> None:
    p = advance(assigned(), "replied", D(2022, 5, 1), reply="C")
    satisfied = advance(p, "feedback", D(2022, 5, 5), satisfaction="基本满意")
    with raises_code(IllegalTransitionError, "I102", value="rehandling"):
        advance(satisfied, "rehandling", D(2022, 5, 6))
    unhappy = advance(p, "feedback", D(2022, 5, 5), satisfaction="不满意")
    again = advance(unhappy, "rehandling", D(2022, 5, 6))
    assert replay(again).due == D(2022, 8, 6)
    again = advance(again, "replied", D(2022, 7, 1), reply="B")
    again = advance(again, "feedback", D(2022, 7, 5), satisfaction="不满意")
    with raises_code(IllegalTransitionError, "I102", value="rehandling"):
        advance(again, "rehandling", D(2022, 7, 6))
    closed = advance(again, "closed", D(2022, 7, 10))
    status = replay(closed)
    assert status.replies == 2
    assert status.first_reply_on == D(2022, 5, 1)
    lenient = LifecycleRules(
        rehandling_triggers=frozenset({Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED})
    )
    rehandled = advance(satisfied, "rehandling", D(2022, 5, 6), lenient)
    assert replay(rehandled, None, lenient).state is ProposalState.REHANDLING


def test_tracking_only_for_category_b_and_relabels() -> None:
    p = advance(assigned(), "replied", D(2022, 5, 1), reply="B")
    p = advance(p, "closed", D(2022, 5, 20))
    p = advance(p, "tracked", D(2023, 3, 1))
    p = advance(p, "replied", D(2023, 5, 1), reply="A")
    status = replay(advance(p, "closed", D(2023, 5, 2)))
    assert status.reply.value == "a"
    assert status.is_closed
    a = advance(advance(assigned(), "replied", D(2022, 5, 1), reply="A"), "closed", D(2022, 6, 1))
    with raises_code(IllegalTransitionError, "I102", value="tracked"):
        advance(a, "tracked", D(2023, 3, 1))


def test_flags_need_a_filed_proposal_and_key_is_set_once() -> None:
    with raises_code(IllegalTransitionError, "I102", value="key_designated"):
        advance(fresh(), "key_designated", D(2022, 1, 9))
    p = advance(assigned(), "key_designated", D(2022, 3, 11), leader="区长")
    p = advance(p, "supervised", D(2022, 4, 1), leader="政协主席")
    p = advance(p, "supervised", D(2022, 5, 1), leader="政协副主席")
    status = replay(p)
    assert status.is_key
    assert status.key_leader == "区长"
    assert status.supervisions == ("政协主席", "政协副主席")
    assert status.state is ProposalState.ASSIGNED
    with raises_code(IllegalTransitionError, "I102", value="key_designated"):
        advance(p, "key_designated", D(2022, 5, 2))
    with raises_code(IllegalTransitionError, "I102", value="excellent"):
        advance(p, "excellent", D(2022, 5, 2))


def test_replay_as_of_reads_the_state_on_a_day() -> None:
    p = advance(assigned(), "replied", D(2022, 5, 20), reply="A")
    assert replay(p, D(2022, 2, 1)).state is ProposalState.SUBMITTED
    assert replay(p, D(2022, 3, 1)).state is ProposalState.FILED
    assert replay(p, D(2022, 5, 19)).state is ProposalState.ASSIGNED
    assert replay(p, D(2022, 5, 20)).state is ProposalState.REPLIED


def test_merged_proposal_follows_its_parent_and_its_proposers_count() -> None:
    parent = assigned("case")
    child = advance(
        fresh("dup", ("m2", "m3")), "merged", D(2022, 3, 5), parent=parent, parent_id="case"
    )
    also = advance(fresh("dup2", ("m1",)), "merged", D(2022, 3, 5), parent_id="case")
    by_id = {p.id: p for p in (parent, child, also)}
    assert replay(child).state is ProposalState.MERGED
    assert follow(child, by_id).state is ProposalState.ASSIGNED
    assert follow(child, by_id).proposal_id == "case"
    assert case_proposers("case", by_id) == ("m1", "m2", "m3")
    assert check_proposals(by_id.values()) == ()


def test_merge_into_a_proposal_not_yet_filed_is_refused() -> None:
    parent = fresh("case")
    with raises_code(IllegalTransitionError, "I102", value="merged"):
        advance(fresh("dup"), "merged", D(2022, 3, 5), parent=parent, parent_id="case")
    with raises_code(InvalidStepError, "I108", value="dup"):
        advance(fresh("dup"), "merged", D(2022, 3, 5), parent_id="dup")
    late_parent = advance(fresh("case"), "filed", D(2022, 3, 9), case_number="1")
    early = advance(fresh("dup"), "merged", D(2022, 3, 5), parent_id="case")
    problems = check_proposals([late_parent, early])
    assert len(problems) == 1
    assert problems[0].where.record_id == "dup"
    orphan = advance(fresh("x"), "merged", D(2022, 3, 5), parent_id="nowhere")
    with pytest.raises(HistoryProblemsError) as caught:
        validate_proposals([late_parent, early, orphan])
    assert len(caught.value.problems) == 2


def test_a_stored_illegal_history_is_refused_on_replay() -> None:
    p = Proposal(
        id="bad",
        subject="案由",
        submitted_on=D(2022, 1, 8),
        proposer_kind="individual",
        member_ids=("m1",),
        history=[ProposalEvent("replied", D(2022, 2, 1), reply="A")],
    )
    with pytest.raises(IllegalTransitionError) as caught:
        replay(p)
    assert caught.value.state == "submitted"
    assert caught.value.step == "replied"
    with pytest.raises(IllegalTransitionError):
        apply(p, ProposalEvent("withdrawn", D(2022, 2, 2)))


# ------------------------------------------------------------- the draft a replay changes


def test_the_replay_draft_has_the_case_status_fields_in_order_with_their_defaults() -> None:
    from cppcc_model.proposals.lifecycle import CaseStatus, _Case

    fields = attrs.fields(CaseStatus)
    assert _Case.__slots__ == tuple(field.name for field in fields)
    draft = _Case("p1", ProposalState.SUBMITTED, D(2022, 12, 31), D(2022, 1, 8))
    status = CaseStatus("p1", ProposalState.SUBMITTED, D(2022, 12, 31), D(2022, 1, 8))
    assert draft.frozen() == status
    for field in fields:
        assert getattr(draft, field.name) == getattr(status, field.name), field.name


@st.composite
def _any_event(draw: st.DrawFn, after: dt.date, state: ProposalState) -> ProposalEvent:
    """Any step, legal or not where it lands (half of them allowed from ``state``)."""
    allowed = allowed_steps(state)
    step = draw(st.sampled_from(allowed or list(ProposalStep)) | st.sampled_from(ProposalStep))
    on = after + dt.timedelta(days=draw(st.integers(-3, 40)))

    def maybe(value: str) -> st.SearchStrategy[str | None]:
        return st.none() | st.just(value)

    fields: dict[str, object] = {
        "case_number": draw(maybe("7")),
        "parent_id": draw(st.sampled_from(["case", "p1"])) if step is ProposalStep.MERGED else None,
        "reason": draw(maybe("不属于提案范围")),
    }
    if step in (ProposalStep.ASSIGNED, ProposalStep.REASSIGNED):
        fields["units"] = draw(
            st.sampled_from(
                [UNIT, (HandlingUnit("甲局", "lead"), HandlingUnit("乙局", "lead")), UNIT * 2]
            )
        )
    if step is ProposalStep.REPLIED:
        fields["reply"] = draw(st.sampled_from(["A", "B", "C"]))
    if step is ProposalStep.FEEDBACK:
        fields["satisfaction"] = draw(st.sampled_from(list(Satisfaction)))
    return ProposalEvent(step=step, on=on, **fields)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_refused_step_leaves_the_draft_as_it_was_and_an_accepted_one_equals_apply(
    data: st.DataObject,
) -> None:
    # the replay changes one draft in place: a refused step must change nothing of it, and a
    # step taken must give what applying the step to the proposal and replaying it gives
    from cppcc_model.proposals.lifecycle import DEFAULT_RULES, _replayed, _step

    proposal_stage = data.draw(st.sampled_from(["fresh", "assigned", "replied", "rated"]))
    proposal = fresh() if proposal_stage == "fresh" else assigned()
    if proposal_stage in ("replied", "rated"):
        proposal = advance(proposal, "replied", D(2022, 5, 20), reply="B")
    if proposal_stage == "rated":
        proposal = advance(proposal, "feedback", D(2022, 5, 30), satisfaction="不满意")
    for _ in range(data.draw(st.integers(1, 12))):
        last = proposal.history[-1].on if proposal.history else proposal.submitted_on
        event = data.draw(_any_event(last, replay(proposal).state))
        draft = _replayed(proposal, None, DEFAULT_RULES)
        before = draft.frozen()
        try:
            _step(draft, event, DEFAULT_RULES, not proposal.history, proposal.submitted_on)
        except (CppccError, CalendarRangeError):
            assert draft.frozen() == before
            with pytest.raises((CppccError, CalendarRangeError)):
                apply(proposal, event)
            continue
        proposal = apply(proposal, event)
        assert draft.frozen() == replay(proposal)
