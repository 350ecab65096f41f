from __future__ import annotations

from fractions import Fraction

from _ledgers import D, info, proposal
from cppcc_model import Ledger
from cppcc_model.assess import assess
from cppcc_model.assess.requirements import requirement_report, requirement_summary
from cppcc_model.errors import InvalidValueError
from cppcc_model.model import ActivityGroup, Committee, Contribution, Member, Period, Sector
from cppcc_model.rules import Category, Requirement, RuleSet, Where
from cppcc_model.testing.codes import raises_code

SIX_ONES = RuleSet(
    jurisdiction="test.district",
    name="six-ones",
    title="六个一",
    effective_from=D(2020, 1, 1),
    categories=[Category("none", "无", [])],
    requirements=[
        Requirement("proposal", "一件提案", [Where("proposal")]),
        Requirement("info", "一条社情民意", [Where("info_report")]),
        Requirement("duty_report", "一次述职", [Where("contribution", kinds=["duty_report"])]),
        Requirement(
            "study", "鼓励参加学习", [Where("attendance", kinds=["study"])], strength="encouraged"
        ),
    ],
)


def data() -> Ledger:
    members = [
        Member(m, m.upper(), "s", activity_group_id=g)
        for m, g in (("a", "g1"), ("b", "g1"), ("c", "g2"))
    ]
    return Ledger(
        committee=Committee("c", "区政协", "county", "test.district"),
        sectors=[Sector("s", "界别")],
        activity_groups=[
            ActivityGroup("g1", "第一组", "town_street"),
            ActivityGroup("g2", "第二组", "town_street"),
        ],
        members=members,
        proposals=[proposal("p1", "a"), proposal("p2", "b", "c")],
        info_reports=[info("i1", "a"), info("i2", "c")],
        contributions=[
            Contribution(f"d{m}", "duty_report", "述职", D(2022, 12, 1), [m]) for m in "ac"
        ],
    )


def test_each_member_item_by_item() -> None:
    rows = {
        row.member_id: row
        for row in requirement_report(assess(data(), SIX_ONES, Period.year(2022)))
    }
    assert rows["a"].all_met  # the encouraged study item does not bind
    assert rows["a"].items["study"] == (0, 1, False)
    assert rows["b"].missing == ("info", "duty_report", "study")
    assert rows["c"].all_met  # a co-signed proposal counts here


def test_per_group_completion() -> None:
    result = assess(data(), SIX_ONES, Period.year(2022))
    summary = {s.body_id: s for s in requirement_summary(result, data(), by="activity_group")}
    assert summary["g1"].members == 2
    assert summary["g1"].met == {"proposal": 2, "info": 1, "duty_report": 1, "study": 0}
    assert summary["g1"].rate() == Fraction(1, 2)
    assert summary["g2"].rate("info") == 1
    committee = requirement_summary(result, data(), by="committee")[0]
    assert committee.all_met == 2
    with raises_code(InvalidValueError, "S109", value="planet"):
        requirement_summary(result, data(), by="planet")
