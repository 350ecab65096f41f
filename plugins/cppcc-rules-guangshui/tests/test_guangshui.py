import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

import pytest
from cppcc_rules_guangshui import JURISDICTION, OTHER_MEETING_KINDS, build_rule_set
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.assess import ScoreCard, assess
from cppcc_model.errors import InvalidValueError
from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    BodyRef,
    Committee,
    Contribution,
    Member,
    Period,
    Proposal,
    ProposalEvent,
    RoleSpell,
    Sector,
)
from cppcc_model.plugins import load_plugins
from cppcc_model.rules import NoRuleSetInForceError, RuleSet
from cppcc_model.testing.conformance import assert_conforms

YEAR = Period.year(2017)
DAY = dt.date(2017, 5, 1)


def _ledger(
    *,
    members: Sequence[Member] = (),
    activities: Sequence[Activity] = (),
    proposals: Sequence[Proposal] = (),
    contributions: Sequence[Contribution] = (),
) -> Ledger:
    return Ledger(
        committee=Committee(id="gs", name="广水市政协", level="county", jurisdiction=JURISDICTION),
        sectors=[Sector("econ", "经济界")],
        activity_groups=[ActivityGroup("g1", "第一活动组", "town_street")],
        members=members or [Member("m1", "张", "econ")],
        activities=activities,
        proposals=proposals,
        contributions=contributions,
    )


def _standing(member_id: str = "m1") -> Member:
    return Member(
        member_id, "常", "econ", roles=[RoleSpell("standing_member", dt.date(2016, 12, 1))]
    )


def _meeting(
    activity_id: str, kind: str, status: str, *, organiser: BodyRef | None = None, day: int = 0
) -> Activity:
    return Activity(
        activity_id,
        kind,
        activity_id,
        DAY + dt.timedelta(days=day),
        organiser=organiser,
        attendance=[Attendance("m1", status)],
    )


def _contribution(record_id: str, kind: str, level: str | None = None) -> Contribution:
    return Contribution(record_id, kind, record_id, DAY, author_ids=["m1"], level=level)


def _card(ledger: Ledger, rule_set: RuleSet | None = None, member_id: str = "m1") -> ScoreCard:
    return assess(ledger, rule_set or build_rule_set(), YEAR).card(member_id)


# --- registration and options -------------------------------------------------------------


def test_the_plugin_registers_the_2017_rules_through_its_entry_point() -> None:
    plugins = load_plugins(entry_points=True, allow=["guangshui"], strict=True)
    rule_set = plugins.rule_sets.resolve(JURISDICTION, dt.date(2020, 6, 1))
    assert rule_set.name == "guangshui-2017"
    assert rule_set.plugin == "guangshui"
    assert rule_set.effective_from == dt.date(2017, 3, 7)
    assert plugins.plugin("guangshui").status == "loaded"
    assert plugins.plugin("guangshui").rule_sets == ("guangshui-2017",)


def test_the_rules_are_not_in_force_before_their_adoption() -> None:
    plugins = load_plugins(entry_points=True, allow=["guangshui"], strict=True)
    with pytest.raises(NoRuleSetInForceError, match="2017-03-07"):
        plugins.rule_sets.resolve(JURISDICTION, dt.date(2017, 3, 6))


def test_the_readings_are_options_with_documented_defaults() -> None:
    rule_set = build_rule_set()
    assert rule_set.options == {
        "attendance_floor": 0,
        "collective_proposals": "none",
        "other_meetings": OTHER_MEETING_KINDS,
        "website_points": 10,
        "website_spread": "quarterly",
    }
    assert rule_set.settings.conversion == "original"
    unfloored = rule_set.with_options(attendance_floor=None)
    assert unfloored.options["attendance_floor"] is None
    assert {c.id: c.floor for c in unfloored.categories}["attendance"] is None
    # "none" is how TOML (golden cases, rule files) spells None.
    assert rule_set.with_options(attendance_floor="none").options["attendance_floor"] is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"attendance_floor": 5}, "at most 0"),
        ({"attendance_floor": "zero"}, "attendance_floor"),
        ({"collective_proposals": "split"}, "collective_proposals"),
        ({"other_meetings": ["全体会议", "座谈"]}, "plenary"),
        ({"other_meetings": ["不是会议"]}, "不是会议"),
    ],
)
def test_an_unreadable_option_is_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        build_rule_set(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [{}, {"attendance_floor": None}, {"collective_proposals": "joint"}],
    ids=["default", "no-floor", "collective-joint"],
)
def test_every_reading_conforms(options: dict[str, object]) -> None:
    assert_conforms(build_rule_set(**options), max_examples=20)  # type: ignore[arg-type]


# --- clauses the worked examples do not reach -------------------------------------------------


def test_standing_committee_deductions_apply_to_standing_members_only() -> None:
    activities = [
        _meeting("s1", "常委会议", "迟到"),
        _meeting("s2", "常委会议", "早退", day=1),
        _meeting("s3", "常委会议", "无故缺席", day=2),
    ]
    standing = _card(_ledger(members=[_standing()], activities=activities))
    assert standing.line("attendance.standing").points == -7
    assert standing.category("attendance").points == 3
    ordinary = _card(_ledger(activities=activities))
    assert ordinary.category("attendance").points == 10
    with pytest.raises(KeyError):
        ordinary.line("attendance.standing")


def test_excused_absence_costs_nothing_anywhere() -> None:
    group = BodyRef("activity_group", "g1")
    activities = [
        _meeting("plenary", "全体会议", "请假"),
        _meeting("group", "全体会议", "请假", organiser=group, day=1),
        _meeting("standing", "常委会议", "请假", day=2),
        _meeting("seminar", "座谈", "请假", day=3),
    ]
    card = _card(_ledger(members=[_standing()], activities=activities))
    assert card.category("attendance").points == 10


def test_only_group_discussions_cost_an_unexcused_plenary_absence() -> None:
    activities = [
        _meeting("sitting", "全体会议", "无故缺席"),
        _meeting("group_a", "全体会议", "无故缺席", organiser=BodyRef("活动组", "g1"), day=1),
        _meeting("group_s", "全体会议", "无故缺席", organiser=BodyRef("界别", "econ"), day=2),
    ]
    card = _card(_ledger(activities=activities))
    line = card.line("attendance.group_discussion_absent")
    assert line.points == Fraction(-3)
    assert sorted(e.record_id for e in line.entries) == ["group_a", "group_s"]


def test_which_kinds_are_other_meetings_is_a_setting() -> None:
    ledger = _ledger(activities=[_meeting("inspection", "视察", "无故缺席")])
    assert _card(ledger).category("attendance").points == 10
    wider = build_rule_set(other_meetings=[*OTHER_MEETING_KINDS, "inspection"])
    assert _card(ledger, wider).category("attendance").points == Fraction(17, 2)


def test_the_bonus_counts_the_highest_commendation_only() -> None:
    ledger = _ledger(
        contributions=[
            _contribution("c_county", "表彰", level="本级"),
            _contribution("c_national", "表彰", level="国家级"),
            _contribution("c_city", "表彰", level="市级"),
        ]
    )
    line = _card(ledger).line("bonus.commendation")
    assert line.points == 10
    assert [e.record_id for e in line.entries if e.counted] == ["c_national"]


@pytest.mark.parametrize(
    ("level", "points"), [("国家级", 10), ("省级", 8), ("市级", 6), ("本级", 4), ("县级", 4)]
)
def test_commendation_levels(level: str, points: int) -> None:
    ledger = _ledger(contributions=[_contribution("c", "表彰", level=level)])
    assert _card(ledger).category("bonus").points == points


def test_each_study_item_counts_once() -> None:
    ledger = _ledger(
        contributions=[
            _contribution("n1", "其他"),
            _contribution("n2", "其他"),
            _contribution("r1", "宣传文章"),
            _contribution("r2", "宣传文章"),
        ]
    )
    card = _card(ledger)
    assert card.line("study.notebook").points == 5
    assert card.line("study.reflection").points == 5
    assert card.category("study").points == 10


def test_a_household_paired_by_several_members_credits_each_in_full() -> None:
    members = [Member("m1", "甲", "econ"), Member("m2", "乙", "econ")]
    household = Contribution(
        "h1", "联系户", "结对帮扶困难户", DAY, author_ids=["m1", "m2"], note="共同帮扶"
    )
    assessment = assess(_ledger(members=members, contributions=[household]), build_rule_set(), YEAR)
    assert assessment.totals() == {"m1": 20 + 10, "m2": 20 + 10}


def _collective() -> Proposal:
    return Proposal(
        id="c1",
        subject="界别集体提案",
        submitted_on=DAY,
        proposer_kind="集体",
        member_ids=["m1"],
        body=BodyRef("sector", "econ"),
        history=[ProposalEvent("立案", DAY + dt.timedelta(days=10))],
    )


def test_a_collective_proposal_credits_its_main_members_only_when_read_so() -> None:
    ledger = _ledger(proposals=[_collective()])
    assert _card(ledger).line("duty.proposal_filed").points == 0
    joint = build_rule_set(collective_proposals="joint")
    assert _card(ledger, joint).line("duty.proposal_filed").points == 15


def test_a_proposal_not_filed_and_not_converted_earns_nothing() -> None:
    proposal = Proposal(
        id="p1",
        subject="未立案提案",
        submitted_on=DAY,
        proposer_kind="个人",
        member_ids=["m1"],
        history=[ProposalEvent("不予立案", DAY + dt.timedelta(days=10))],
    )
    assert _card(_ledger(proposals=[proposal])).category("duty").points == 0


# --- properties -----------------------------------------------------------------------------

_COUNT = st.integers(min_value=0, max_value=5)


@settings(max_examples=40, deadline=None)
@given(
    plenary_late=_COUNT,
    group_absent=_COUNT,
    standing_late=_COUNT,
    standing_absent=_COUNT,
    other_late=_COUNT,
    other_absent=_COUNT,
    floored=st.booleans(),
)
def test_attendance_is_ten_less_the_stated_deductions(
    plenary_late: int,
    group_absent: int,
    standing_late: int,
    standing_absent: int,
    other_late: int,
    other_absent: int,
    floored: bool,
) -> None:
    plan = [
        ("全体会议", "迟到", None, plenary_late),
        ("全体会议", "无故缺席", BodyRef("activity_group", "g1"), group_absent),
        ("常委会议", "早退", None, standing_late),
        ("常委会议", "无故缺席", None, standing_absent),
        ("活动组活动", "迟到", None, other_late),
        ("协商", "无故缺席", None, other_absent),
    ]
    activities = [
        _meeting(f"a{index}_{n}", kind, status, organiser=organiser, day=index * 10 + n)
        for index, (kind, status, organiser, count) in enumerate(plan)
        for n in range(count)
    ]
    deductions = (
        plenary_late
        + Fraction(3, 2) * group_absent
        + 2 * standing_late
        + 3 * standing_absent
        + other_late
        + Fraction(3, 2) * other_absent
    )
    rule_set = build_rule_set(attendance_floor=0 if floored else None)
    points = (
        _card(_ledger(members=[_standing()], activities=activities), rule_set)
        .category("attendance")
        .points
    )
    expected = 10 - deductions
    assert points == (max(expected, 0) if floored else expected)


@settings(max_examples=40, deadline=None)
@given(
    first=st.integers(0, 3),
    joint=st.integers(0, 3),
    items=st.integers(0, 3),
    households=st.integers(0, 3),
)
def test_duty_output_adds_the_stated_values_up_to_80(
    first: int, joint: int, items: int, households: int
) -> None:
    members = [Member("m1", "甲", "econ"), Member("m2", "乙", "econ")]
    proposals = [
        Proposal(
            id=f"p{n}",
            subject=f"提案{n}",
            submitted_on=DAY,
            proposer_kind="联名",
            member_ids=["m1", "m2"] if n < first else ["m2", "m1"],
            history=[ProposalEvent("立案", DAY + dt.timedelta(days=10))],
        )
        for n in range(first + joint)
    ]
    contributions = [_contribution(f"h{n}", "联系户") for n in range(households)]
    contributions += [_contribution(f"w{n}", "文史资料") for n in range(items)]
    card = _card(_ledger(members=members, proposals=proposals, contributions=contributions))
    raw = 20 * first + 15 * joint + 20 * items + 20 * households
    assert card.category("duty").points == min(raw, 80)
    assert card.total == min(raw, 80) + 10
