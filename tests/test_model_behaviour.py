"""What entities answer: roles on a date, attendance, proposal and 社情民意 histories, plans."""

from __future__ import annotations

import datetime as dt

from hypothesis import given

from cppcc_model.model import (
    Activity,
    Attendance,
    AttendanceStatus,
    HandlingUnit,
    InfoEvent,
    InfoReport,
    InfoStep,
    Level,
    Member,
    Period,
    Proposal,
    ProposalEvent,
    ProposalStep,
    RoleKind,
    RoleSpell,
    WorkCategory,
    WorkItem,
    WorkPlan,
)
from cppcc_model.testing import strategies as cst

D = dt.date


def test_roles_are_held_between_their_dates_inclusive() -> None:
    member = Member(
        id="m1",
        name="张三",
        sector_id="econ",
        roles=[
            RoleSpell("常委", D(2022, 1, 1), D(2022, 6, 30)),
            RoleSpell("group_leader", D(2022, 7, 1), body_id="g1"),
        ],
    )
    assert member.holds(RoleKind.STANDING_MEMBER, D(2022, 6, 30))
    assert not member.holds(RoleKind.STANDING_MEMBER, D(2022, 7, 1))
    assert member.holds(RoleKind.GROUP_LEADER, D(2030, 1, 1))
    assert member.roles_on(D(2022, 7, 1)) == {RoleKind.GROUP_LEADER}
    assert member.roles_on(D(2021, 12, 31)) == frozenset()
    assert member.held_during(RoleKind.STANDING_MEMBER, Period.year(2022))
    assert not member.held_during(RoleKind.STANDING_MEMBER, Period.half(2022, 2))


@given(cst.members(), cst.dates())
def test_holds_agrees_with_roles_on(member: Member, day: dt.date) -> None:
    for role in RoleKind:
        assert member.holds(role, day) == (role in member.roles_on(day))


@given(cst.members(), cst.periods())
def test_held_during_means_held_on_some_day(member: Member, period: Period) -> None:
    for role in {spell.role for spell in member.roles}:
        some_day = any(
            member.holds(role, period.start + dt.timedelta(days=offset))
            for offset in range(period.days)
        )
        assert member.held_during(role, period) == some_day


@given(cst.members(), cst.periods(max_days=60))
def test_served_during_means_serving_on_some_day(member: Member, period: Period) -> None:
    some_day = any(
        member.is_serving(period.start + dt.timedelta(days=offset)) for offset in range(period.days)
    )
    assert member.served_during(period) == some_day


def test_half_days_attended() -> None:
    activity = Activity(
        id="a1",
        kind="全会",
        title="五届二次会议",
        start=D(2023, 1, 5),
        end=D(2023, 1, 8),
        half_days=6,
        attendance=[
            Attendance("m1"),
            Attendance("m2", "请假"),
            Attendance("m3", "部分出席", half_days=4),
            Attendance("m4", "迟到"),
        ],
    )
    attended = {e.member_id: activity.half_days_attended(e) for e in activity.attendance}
    assert attended == {"m1": 6, "m2": 0, "m3": 4, "m4": 6}
    assert activity.last_day == D(2023, 1, 8)
    assert activity.entry_for("m2") == Attendance("m2", AttendanceStatus.EXCUSED)
    assert activity.entry_for("m9") is None


@given(cst.activities())
def test_half_days_attended_never_exceed_the_activity(activity: Activity) -> None:
    for entry in activity.attendance:
        attended = activity.half_days_attended(entry)
        assert 0 <= attended <= activity.half_days
        if entry.half_days is None:
            assert (attended > 0) == entry.status.attended
    assert activity.last_day >= activity.start


def test_attended_statuses() -> None:
    assert {s for s in AttendanceStatus if not s.attended} == {
        AttendanceStatus.EXCUSED,
        AttendanceStatus.UNEXCUSED,
        AttendanceStatus.LEAVE_NOT_APPROVED,
    }


def test_proposal_history_queries() -> None:
    proposal = Proposal(
        id="p1",
        subject="关于养老的建议",
        submitted_on=D(2023, 1, 6),
        proposer_kind="联名",
        member_ids=["m2", "m1"],
        history=[
            ProposalEvent("submitted", D(2023, 1, 6)),
            ProposalEvent("立案", D(2023, 1, 20), case_number="12"),
            ProposalEvent("交办", D(2023, 2, 1), units=[HandlingUnit("区民政局", "主办")]),
            ProposalEvent("答复", D(2023, 5, 1), reply="A类"),
        ],
    )
    assert proposal.lead_member_id == "m2"
    assert proposal.has(ProposalStep.REPLIED)
    assert not proposal.has(ProposalStep.REPLIED, by=D(2023, 4, 30))
    assert [e.step for e in proposal.history_until(D(2023, 2, 1))] == [
        ProposalStep.SUBMITTED,
        ProposalStep.FILED,
        ProposalStep.ASSIGNED,
    ]
    assert proposal.events(ProposalStep.FILED)[0].case_number == "12"


@given(cst.proposals(), cst.dates())
def test_history_until_is_a_prefix_of_dated_events(proposal: Proposal, day: dt.date) -> None:
    until = proposal.history_until(day)
    assert until == proposal.history[: len(until)]
    assert all(event.on <= day for event in until)
    for step in ProposalStep:
        assert proposal.has(step, by=day) == any(event.step is step for event in until)


def test_highest_level_of_adoption() -> None:
    report = InfoReport(
        id="r1",
        title="停车难",
        submitted_on=D(2022, 3, 1),
        author_ids=["m1"],
        history=[
            InfoEvent("采用", D(2022, 3, 10), level="市"),
            InfoEvent("采用", D(2022, 4, 10), level="全国"),
            InfoEvent("批示", D(2022, 5, 10), level="省", leader="副省长"),
        ],
    )
    assert report.highest_level(InfoStep.ADOPTED) is Level.NATIONAL
    assert report.highest_level(InfoStep.ADOPTED, by=D(2022, 4, 1)) is Level.CITY
    assert report.highest_level(InfoStep.INSTRUCTED) is Level.PROVINCE
    assert report.highest_level(InfoStep.FORWARDED) is None
    assert len(report.events(InfoStep.ADOPTED)) == 2


@given(cst.info_reports())
def test_highest_level_is_the_maximum_rank(report: InfoReport) -> None:
    for step in InfoStep:
        levels = [e.level for e in report.events(step) if e.level is not None]
        expected = max(levels, key=lambda level: level.rank) if levels else None
        assert report.highest_level(step) is expected


def test_work_plan_by_category_and_lead_bodies() -> None:
    plan = WorkPlan(
        id="w",
        year=2022,
        title="工作要点",
        items=[
            WorkItem(3, "重点调研", "调研乡村振兴", ["经济委", "农业委"]),
            WorkItem(1, "重点协商", "协商养老", ["提案委"]),
            WorkItem(2, "重点协商", "协商教育", ["提案委", "经济委"]),
        ],
    )
    grouped = plan.by_category()
    assert list(grouped) == [WorkCategory.KEY_CONSULTATION, WorkCategory.KEY_RESEARCH]
    assert [item.number for item in grouped[WorkCategory.KEY_CONSULTATION]] == [1, 2]
    assert plan.lead_body_counts() == {"提案委": 2, "经济委": 2, "农业委": 1}


@given(cst.work_plans())
def test_by_category_partitions_the_items(plan: WorkPlan) -> None:
    grouped = plan.by_category()
    flattened = [item for items in grouped.values() for item in items]
    assert sorted(flattened, key=lambda item: item.number) == sorted(
        plan.items, key=lambda item: item.number
    )
    assert sum(plan.lead_body_counts().values()) == sum(len(i.lead_bodies) for i in plan.items)
