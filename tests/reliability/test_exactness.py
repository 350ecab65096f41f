"""Exactness: scores are Fractions from the first point to the last; rounding happens once, at
presentation; grade boundaries (exactly 90, 89.5, 89.995) fall as the rule set states.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _ledgers import ledger, member, proposal
from cppcc_model.assess import assess
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.numbers import RoundingPolicy, format_fraction
from cppcc_model.rules import Band, Category, Grades, Item, Points, RuleSet, Where
from cppcc_model.scorecard import ScoreCard
from cppcc_model.testing.strategies import EARLIEST, LATEST, ledgers
from reliability._support import bundled_rule_sets, fuzz

YEAR = Period.year(2022)
RULE_SETS = bundled_rule_sets()


def one_proposal() -> Ledger:
    return ledger([member("a")], proposals=[proposal("p1", "a")])


def rule_set(
    values: list[Fraction],
    *,
    rounding: RoundingPolicy | None = None,
    grades: Grades | None = None,
) -> RuleSet:
    """One category with an item per value, each giving its value for every proposal."""
    items = [
        Item(f"item{i}", f"第{i}项", Where("proposal"), Points(value), clause=f"第{i}条")
        for i, value in enumerate(values)
    ]
    return RuleSet(
        jurisdiction="test.exact",
        name="exact",
        title="exact",
        effective_from=dt.date(2020, 1, 1),
        categories=[Category("all", "合计", items)],
        rounding=rounding or RoundingPolicy(),
        grades=grades,
    )


def card_of(values: list[Fraction], **options: object) -> ScoreCard:
    return assess(one_proposal(), rule_set(values, **options), YEAR).card("a")  # type: ignore[arg-type]


def every_figure(card: ScoreCard) -> list[object]:
    figures: list[object] = [card.total]
    for category in card.categories:
        figures += [category.raw, category.points]
        for line in category.lines:
            figures += [line.raw, line.points]
            for entry in line.entries:
                figures += [entry.value, entry.share, entry.points]
            for adjustment in line.adjustments:
                figures += [adjustment.before, adjustment.after]
        for adjustment in category.adjustments:
            figures += [adjustment.before, adjustment.after]
    figures += [a.before for a in card.adjustments] + [a.after for a in card.adjustments]
    return figures


# ---------------------------------------------------------------------- exact figures


@fuzz(20)
@given(data=ledgers(min_members=1, max_members=6, max_records=8))
def test_every_figure_of_every_card_is_an_exact_fraction(data: Ledger) -> None:
    for rules in RULE_SETS:
        for card in assess(data, rules, Period(EARLIEST, LATEST)).cards:
            assert all(type(figure) is Fraction for figure in every_figure(card)), rules.name
            as_dict = card.to_dict()
            assert as_dict["total"] == format_fraction(card.total)
            assert as_dict["display_total"] == str(card.rounding.present(card.total))
            categories = sum((c.points for c in card.categories), Fraction(0))
            pooled = sum((a.before - a.after for a in card.adjustments), Fraction(0))
            assert card.total == categories - pooled, "the total is the exact sum, less pool caps"


# ---------------------------------------------------------------------- rounding once


def test_three_thirds_present_a_total_of_one_not_point_nine_nine() -> None:
    card = card_of([Fraction(1, 3)] * 3)
    assert card.total == 1
    assert card.display_total == "1.00"
    lines = card.category("all").lines
    assert [line.to_dict(card.rounding)["display"] for line in lines] == ["0.33"] * 3
    assert card.to_dict()["categories"][0]["display"] == "1.00"
    assert card.to_dict()["total"] == "1"


def test_two_thirds_twice_present_one_point_three_three_not_one_point_three_four() -> None:
    card = card_of([Fraction(2, 3)] * 2)
    assert card.display_total == "1.33"  # 0.67 + 0.67 would say 1.34
    assert card.to_dict()["total"] == "4/3"


@fuzz(60)
@given(
    values=st.lists(
        st.fractions(min_value=-100, max_value=100, max_denominator=12), min_size=1, max_size=6
    ),
    places=st.integers(0, 4),
    mode=st.sampled_from(["half_up", "half_even", "down", "up"]),
)
def test_the_presented_total_is_the_exact_total_rounded_once(
    values: list[Fraction], places: int, mode: str
) -> None:
    rounding = RoundingPolicy(places, mode)
    card = card_of(values, rounding=rounding)
    assert card.total == sum(values, Fraction(0))
    assert card.display_total == str(rounding.present(sum(values, Fraction(0))))


# ---------------------------------------------------------------------- grade boundaries


def grades(boundary: str = "inclusive", basis: str = "exact") -> Grades:
    return Grades(
        [Band("优秀", 90), Band("良好", 80), Band("一般")], boundary=boundary, basis=basis
    )


@pytest.mark.parametrize(
    ("score", "boundary", "basis", "places", "mode", "grade"),
    [
        # "90分以上为优秀": 90 itself is 优秀 when the bound is inclusive, 良好 when exclusive
        (Fraction(90), "inclusive", "exact", 2, "half_up", "优秀"),
        (Fraction(90), "exclusive", "exact", 2, "half_up", "良好"),
        (Fraction(80), "exclusive", "exact", 2, "half_up", "一般"),
        # 89.5 is below 90 exactly, but presented with no decimals it reads 90
        (Fraction(179, 2), "inclusive", "exact", 0, "half_up", "良好"),
        (Fraction(179, 2), "inclusive", "presented", 0, "half_up", "优秀"),
        (Fraction(179, 2), "exclusive", "presented", 0, "half_up", "良好"),
        (Fraction(179, 2), "inclusive", "presented", 0, "down", "良好"),
        (Fraction(179, 2), "inclusive", "presented", 0, "half_even", "优秀"),  # 89.5 → 90
        (Fraction(177, 2), "inclusive", "presented", 0, "half_even", "良好"),  # 88.5 → 88
        (Fraction(179, 2), "inclusive", "presented", 1, "half_up", "良好"),  # shown as 89.5
        # 89.995 shown as 90.00 with two decimals
        (Fraction(17999, 200), "inclusive", "presented", 2, "half_up", "优秀"),
        (Fraction(17999, 200), "inclusive", "exact", 2, "half_up", "良好"),
        # a third below the bound is never 优秀 on the exact basis, however it is shown
        (Fraction(269, 3), "inclusive", "exact", 0, "half_up", "良好"),
        (Fraction(269, 3), "inclusive", "presented", 0, "half_up", "优秀"),
    ],
)
def test_grade_boundaries_fall_as_the_rule_set_states(
    score: Fraction, boundary: str, basis: str, places: int, mode: str, grade: str
) -> None:
    card = card_of([score], rounding=RoundingPolicy(places, mode), grades=grades(boundary, basis))
    assert card.total == score
    assert card.grade == grade


@fuzz(60)
@given(
    score=st.fractions(min_value=70, max_value=100, max_denominator=1000),
    boundary=st.sampled_from(["inclusive", "exclusive"]),
)
def test_the_exact_basis_compares_the_exact_score(score: Fraction, boundary: str) -> None:
    card = card_of([score], grades=grades(boundary))
    top = score >= 90 if boundary == "inclusive" else score > 90
    middle = score >= 80 if boundary == "inclusive" else score > 80
    assert card.grade == ("优秀" if top else "良好" if middle else "一般")
