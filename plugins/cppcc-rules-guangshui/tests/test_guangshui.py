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
from cppcc_model.testing.codes import raises_code
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
    with raises_code(NoRuleSetInForceError, "P014", value="hubei.suizhou.guangshui"):
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
    ("options", "code", "value"),
    [
        ({"attendance_floor": 5}, "P102", "5"),  # at most 0
        ({"attendance_floor": "zero"}, "P102", "zero"),
        ({"collective_proposals": "split"}, "P101", "split"),
        ({"other_meetings": ["全体会议", "座谈"]}, "P103", "plenary"),
        ({"other_meetings": ["不是会议"]}, "V401", "不是会议"),
    ],
)
def test_an_unreadable_option_is_refused(options: dict[str, object], code: str, value: str) -> None:
    with raises_code(InvalidValueError, code, value=value):
        build_rule_set(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [{}, {"attendance_floor": None}, {"collective_proposals": "joint"}],
    ids=["default", "no-floor", "collective-joint"],
)
def test_every_reading_conforms(options: dict[str, object]) -> None:
    assert_conforms(build_rule_set(**options), max_examples=20)  # type: ignore[arg-type]


# --- the clauses' figures ---------------------------------------------------------------------
#
# Every figure a ledger earns under a clause is a golden case in tests/golden/: the worked
# examples (example_*.golden.toml), each clause the examples do not reach (clause_*: standing
# members' deductions, leave, plenary group discussions, commendation levels and the highest
# only, the study items once, a shared household, a proposal neither filed nor converted) and
# both readings of the options that change a figure (option_*: other_meetings,
# collective_proposals). What stays here is what a golden case cannot say: registration and
# dates, option validation, conformance, and the properties over generated attendance and duty.


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
