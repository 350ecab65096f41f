"""``[[groups]]`` in TOML rule files: group rules without Python, equal to the Python form.

A differential property draws measure trees of every kind, writes each as the TOML inline table
an office would write, loads the file and compares the group rules with the ones built in
Python. A worked file scores groups exactly as its Python twin does, and a bad file names the
line and key.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _ledgers import COMMITTEE, D, member, proposal
from cppcc_model.assess import assess, assess_groups
from cppcc_model.ledger import Ledger
from cppcc_model.model import ActivityGroup, Member, Period, Sector
from cppcc_model.rules import (
    AllMet,
    AnyMet,
    AtLeast,
    Category,
    Count,
    GroupCategory,
    GroupExternal,
    GroupItem,
    GroupRequirement,
    GroupRules,
    Item,
    MemberCount,
    MemberTotal,
    NotMet,
    Points,
    QuartersCovered,
    Rate,
    RequirementShare,
    RuleSet,
    Where,
)
from cppcc_model.rules._toml_groups import MEASURE_KINDS
from cppcc_model.rules.toml import RuleFileError, loads_rule_set

HEADER = """jurisdiction = "example.groups"
name = "groups"
title = "活动组考核"
effective_from = 2024-01-01

[[categories]]
id = "proposals"
label = "提案"

[[categories.items]]
id = "proposals.each"
label = "每件提案10分"
where = { source = "proposal" }
value = { points = 10 }

[[requirements]]
id = "one_proposal"
label = "至少一件提案"
where = { source = "proposal" }
"""

WHERES = [
    ('{ source = "proposal" }', Where("proposal")),
    ('{ source = "proposal", reached = ["filed"] }', Where("proposal", reached=["filed"])),
    (
        '{ source = "info_report", reached = ["adopted"] }',
        Where("info_report", reached=["adopted"]),
    ),
    ('{ source = "attendance", kinds = ["学习"] }', Where("attendance", kinds=["学习"])),
]
CREDITS = ["members", "lead", "body", "members_or_body"]
NUMBERS = st.sampled_from(
    [("3", Fraction(3)), ('"1/2"', Fraction(1, 2)), ('"12.5"', Fraction(25, 2))]
)


def _where() -> st.SearchStrategy[tuple[str, Where]]:
    return st.sampled_from(WHERES)


def _credit(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    credit = draw(st.sampled_from([None, *CREDITS]))
    return ("", {}) if credit is None else (f', credit = "{credit}"', {"credit": credit})


@st.composite
def leaves(draw: st.DrawFn) -> tuple[str, object]:
    kind = draw(
        st.sampled_from(
            ["count", "rate", "quarters", "member_total", "member_count", "share", "input"]
        )
    )
    if kind == "count":
        (text, where), (ctext, credit) = draw(_where()), _credit(draw)
        return f'{{ kind = "count", where = {text}{ctext} }}', Count(where, **credit)
    if kind == "quarters":
        (text, where), (ctext, credit) = draw(_where()), _credit(draw)
        return f'{{ kind = "quarters", where = {text}{ctext} }}', QuartersCovered(where, **credit)
    if kind == "rate":
        (top, upper), (bottom, lower) = draw(_where()), draw(_where())
        ctext, credit = _credit(draw)
        return (
            f'{{ kind = "rate", numerator = {top}, denominator = {bottom}{ctext} }}',
            Rate(upper, lower, **credit),
        )
    if kind == "member_total":
        statistic = draw(st.sampled_from(["mean", "sum"]))
        return f'{{ kind = "member_total", statistic = "{statistic}" }}', MemberTotal(statistic)
    if kind == "member_count":
        return '{ kind = "member_count" }', MemberCount()
    if kind == "share":
        requirement = draw(st.sampled_from([None, "one_proposal"]))
        text = "" if requirement is None else f', requirement = "{requirement}"'
        return f'{{ kind = "requirement_share"{text} }}', RequirementShare(requirement)
    default = draw(st.one_of(st.none(), st.just(("0", Fraction(0))), NUMBERS))
    text = "" if default is None else f", default = {default[0]}"
    value = None if default is None else default[1]
    return f'{{ kind = "input", key = "plan"{text} }}', GroupExternal("plan", value)


def measures() -> st.SearchStrategy[tuple[str, object]]:
    def extend(
        inner: st.SearchStrategy[tuple[str, object]],
    ) -> st.SearchStrategy[tuple[str, object]]:
        @st.composite
        def combined(draw: st.DrawFn) -> tuple[str, object]:
            kind = draw(st.sampled_from(["at_least", "all_met", "any_met", "not_met"]))
            if kind == "at_least":
                (text, block), (number, value) = draw(inner), draw(NUMBERS)
                return f'{{ kind = "at_least", measure = {text}, at_least = {number} }}', AtLeast(
                    block, value
                )
            if kind == "not_met":
                text, block = draw(inner)
                return f'{{ kind = "not_met", measure = {text} }}', NotMet(block)
            parts = draw(st.lists(inner, min_size=1, max_size=3))
            texts = ", ".join(text for text, _ in parts)
            blocks = [block for _, block in parts]
            made = AllMet(blocks) if kind == "all_met" else AnyMet(blocks)
            return f'{{ kind = "{kind}", parts = [{texts}] }}', made

        return combined()

    return st.recursive(leaves(), extend, max_leaves=4)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(measures(), min_size=1, max_size=3),
    measures(),
    st.sampled_from(["activity_group", "委员活动组", "unit", "sector", "special_committee"]),
    st.one_of(st.none(), NUMBERS),
    st.one_of(st.none(), NUMBERS),
)
def test_the_toml_form_builds_exactly_the_python_form(
    items: list[tuple[str, object]],
    required: tuple[str, object],
    subject: str,
    points: tuple[str, Fraction] | None,
    cap: tuple[str, Fraction] | None,
) -> None:
    text = (
        HEADER
        + f"""
[[groups]]
id = "g"
label = "活动组"
subject = "{subject}"
clause = "第三条"

[[groups.categories]]
id = "work"
label = "工作"
base = 10
cap = 100
floor = 0
"""
    )
    for index, (measure_text, _) in enumerate(items):
        text += f"""
[[groups.categories.items]]
id = "item{index}"
label = "项目{index}"
measure = {measure_text}
"""
        if points is not None:
            text += f"points = {points[0]}\n"
        if cap is not None:
            text += f"cap = {cap[0]}\n"
    text += f"""
[[groups.requirements]]
id = "req"
label = "要求"
measure = {required[0]}
at_least = 2
"""
    expected = GroupRules(
        "g",
        "活动组",
        subject,
        [
            GroupCategory(
                "work",
                "工作",
                [
                    GroupItem(
                        f"item{index}",
                        f"项目{index}",
                        block,  # type: ignore[arg-type]
                        None if points is None else points[1],
                        None if cap is None else cap[1],
                    )
                    for index, (_, block) in enumerate(items)
                ],
                base=10,
                cap=100,
                floor=0,
            )
        ],
        requirements=[GroupRequirement("req", "要求", required[1], 2)],  # type: ignore[arg-type]
        clause="第三条",
    )
    assert loads_rule_set(text).group_rules == (expected,)


def test_every_measure_kind_is_drawn() -> None:
    # the strategy above writes each kind the reader knows
    written = {
        "count",
        "rate",
        "quarters",
        "member_total",
        "member_count",
        "requirement_share",
        "input",
        "at_least",
        "all_met",
        "any_met",
        "not_met",
    }
    assert written == set(MEASURE_KINDS)


# ---------------------------------------------------------------- a worked file

WORKED = (
    HEADER
    + """
[[groups]]
id = "groups"
label = "委员活动组年度考核"
subject = "委员活动组"

[[groups.categories]]
id = "duty"
label = "履职"
cap = 30

[[groups.categories.items]]
id = "duty.mean"
label = "人均得分"
measure = { kind = "member_total", statistic = "mean" }

[[groups.categories.items]]
id = "duty.filed"
label = "立案提案每件5分"
measure = { kind = "count", where = { source = "proposal", reached = ["filed"] } }
points = 5
cap = 10

[[groups.requirements]]
id = "two_proposals"
label = "每组至少2件提案"
measure = { kind = "count", where = { source = "proposal" } }
at_least = 2
"""
)


def _twin() -> RuleSet:
    return RuleSet(
        jurisdiction="example.groups",
        name="groups",
        title="活动组考核",
        effective_from="2024-01-01",
        categories=[
            Category(
                "proposals",
                "提案",
                [Item("proposals.each", "每件提案10分", Where("proposal"), Points(10))],
            )
        ],
        group_rules=[
            GroupRules(
                "groups",
                "委员活动组年度考核",
                "activity_group",
                [
                    GroupCategory(
                        "duty",
                        "履职",
                        [
                            GroupItem("duty.mean", "人均得分", MemberTotal("mean")),
                            GroupItem(
                                "duty.filed",
                                "立案提案每件5分",
                                Count(Where("proposal", reached=["filed"])),
                                points=5,
                                cap=10,
                            ),
                        ],
                        cap=30,
                    )
                ],
                requirements=[
                    GroupRequirement(
                        "two_proposals", "每组至少2件提案", Count(Where("proposal")), 2
                    )
                ],
            )
        ],
    )


def test_a_worked_file_scores_groups_as_its_python_twin() -> None:
    # group a: 甲 3 proposals (2 filed) → 30; 乙 1 proposal → 10; mean 20, filed 2 × 5 = 10 → 30
    # group b: 丙 1 filed proposal → 10; mean 10, filed 5 → 15; fewer than 2 proposals
    filed = [("filed", D(2024, 3, 1))]
    data = Ledger(
        committee=COMMITTEE,
        sectors=[Sector("s", "测试界")],
        activity_groups=[ActivityGroup("a", "甲组", "town"), ActivityGroup("b", "乙组", "town")],
        members=[
            Member("jia", "甲", "s", activity_group_id="a"),
            Member("yi", "乙", "s", activity_group_id="a"),
            Member("bing", "丙", "s", activity_group_id="b"),
            member("ding"),
        ],
        proposals=[
            proposal("p1", "jia", on=D(2024, 2, 1), steps=filed),
            proposal("p2", "jia", on=D(2024, 2, 2), steps=filed),
            proposal("p3", "jia", on=D(2024, 2, 3)),
            proposal("p4", "yi", on=D(2024, 2, 4)),
            proposal("p5", "bing", on=D(2024, 2, 5), steps=filed),
        ],
    )
    year = Period.year(2024)
    loaded = loads_rule_set(WORKED)
    assert loaded.group_rules == _twin().group_rules
    (rules,) = loaded.group_rules
    scored = assess_groups(data, rules, year, members=assess(data, loaded, year))
    cards = {card.subject.id: card for card in scored.cards}
    assert cards["a"].total == 30
    assert cards["b"].total == 15
    assert [r.met for r in cards["a"].requirements] == [True]
    assert [r.met for r in cards["b"].requirements] == [False]


@pytest.mark.parametrize(
    ("measure", "key", "message"),
    [
        ('{ kind = "counts", where = { source = "proposal" } }', "kind", "not known"),
        ('{ kind = "count", where = { source = "proposal" }, points = 2 }', "points", "unknown"),
        ('{ kind = "at_least", measure = { kind = "member_count" } }', "measure", "at_least"),
        (
            '{ kind = "count", where = { source = "proposal" }, credit = "all" }',
            "measure",
            "credit",
        ),
        (
            '{ kind = "at_least", measure = { kind = "member_count" }, at_least = 1.5 }',
            "at_least",
            "float",
        ),
    ],
)
def test_a_bad_measure_is_refused_with_its_line_and_key(
    measure: str, key: str, message: str
) -> None:
    text = (
        HEADER
        + f"""
[[groups]]
id = "g"
label = "活动组"
subject = "activity_group"

[[groups.categories]]
id = "work"
label = "工作"

[[groups.categories.items]]
id = "work.one"
label = "一项"
measure = {measure}
"""
    )
    with pytest.raises(RuleFileError) as caught:
        loads_rule_set(text, source="groups.toml")
    (problem,) = caught.value.problems
    assert problem.where.file == "groups.toml"
    assert problem.where.line == text.splitlines().index(f"measure = {measure}") + 1
    assert problem.where.key is not None
    assert problem.where.key.startswith("groups[0].categories[0].items[0].measure")
    assert problem.where.key.endswith(key)
    assert message in problem.message
