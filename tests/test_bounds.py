"""Caps and floors: one routine for members and groups, with one explanation (engine/bounds.py)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from _ledgers import D, proposal
from cppcc_model import Ledger
from cppcc_model.assess import assess
from cppcc_model.assess.groups import Count, GroupCategory, GroupItem, GroupRules, assess_groups
from cppcc_model.engine.bounds import LINE_CAP, bound, bounded, explanation
from cppcc_model.model import ActivityGroup, Committee, Member, Period, Sector
from cppcc_model.rules import Category, Item, Points, RuleSet, Where

YEAR = Period.year(2022)
points = st.fractions(-1000, 1000, max_denominator=60)


@given(value=points, a=points, b=points)
def test_the_result_lies_within_floor_and_cap(value: Fraction, a: Fraction, b: Fraction) -> None:
    floor, cap = min(a, b), max(a, b)
    held = bounded(value, cap, floor)
    assert floor <= held <= cap
    assert bounded(held, cap, floor) == held  # idempotent
    if floor <= value <= cap:
        assert held == value
    assert bounded(value, cap) == min(value, cap)
    assert bounded(value, floor=floor) == max(value, floor)
    assert bounded(value) == value


@given(value=points, limit=points)
def test_bound_explains_exactly_the_changes_it_makes(value: Fraction, limit: Fraction) -> None:
    for kind in ("cap", "floor"):
        after, adjustment = bound(value, limit, kind, "第三条", LINE_CAP)
        assert after == (min(value, limit) if kind == "cap" else max(value, limit))
        if after == value:
            assert adjustment is None
        else:
            assert adjustment is not None
            assert (adjustment.kind, adjustment.before, adjustment.after) == (kind, value, after)
            assert adjustment.clause == "第三条"
            assert adjustment.note == explanation(LINE_CAP, limit, value, after)
    assert bound(value, None, "cap", None, LINE_CAP) == (value, None)


def test_the_explanation_line_by_hand() -> None:
    assert explanation(LINE_CAP, Fraction(20), Fraction(30), Fraction(20)) == (
        "单项最高 20 分 (line cap): 30 → 20"
    )
    assert explanation("扣完为止 (floor {})", Fraction(0), Fraction(-5, 2), Fraction(0)) == (
        "扣完为止 (floor 0): -5/2 → 0"
    )


def _ledger() -> Ledger:
    return Ledger(
        committee=Committee("c", "示例市政协", "city", "example.city"),
        sectors=[Sector("s", "界别")],
        activity_groups=[ActivityGroup("g", "第一组", "sector")],
        members=[Member(m, m, "s", activity_group_id="g") for m in ("a", "b")],
        proposals=[proposal(f"p{i}", "a", on=D(2022, 3, i)) for i in (1, 2, 3)],
    )


def test_a_member_line_and_a_group_line_explain_their_cap_in_the_same_words() -> None:
    # 提案每件10分，本项最高20分: three proposals give 30, held at 20
    rules = RuleSet(
        jurisdiction="example.city",
        name="bounds",
        title="t",
        effective_from=D(2022, 1, 1),
        categories=[
            Category(
                "c", "提案", [Item("p", "提案", Where("proposal"), Points(10), cap=20, clause="三")]
            )
        ],
    )
    line = assess(_ledger(), rules, YEAR, engine="reference").card("a").line("p")
    assert line.points == 20
    (adjustment,) = line.adjustments
    assert adjustment.note == "单项最高 20 分 (line cap): 30 → 20"
    groups = GroupRules(
        "groups",
        "活动组考核",
        "activity_group",
        [
            GroupCategory(
                "out",
                "成果",
                [GroupItem("p", "提案 10分/件", Count(Where("proposal")), points=10, cap=20)],
                floor=0,
            )
        ],
    )
    group_line = assess_groups(_ledger(), groups, YEAR).card("g").line("p")
    assert group_line.points == 20
    assert group_line.note.endswith("; 单项最高 20 分 (line cap): 30 → 20")
