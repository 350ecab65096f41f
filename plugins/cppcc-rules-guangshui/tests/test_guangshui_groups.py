"""Part 2 of the Guangshui rules: the activity-group self-building items (example C)."""

from __future__ import annotations

import datetime as dt

import pytest
from cppcc_rules_guangshui import build_rule_set

from cppcc_model import Ledger
from cppcc_model.assess import assess_groups
from cppcc_model.errors import InvalidValueError
from cppcc_model.model import ActivityGroup, Committee, Contribution, Member, Period, Sector

YEAR = Period.year(2017)
INPUTS = {
    "plan_and_summary": {"town_x": 1},
    "registration_and_files": {"town_x": 1},
    "facilities_and_ledgers": {"town_x": 0},  # ledgers incomplete: nothing (all-or-nothing)
}


def town_x(post_months: tuple[int, ...]) -> Ledger:
    return Ledger(
        committee=Committee("gs", "政协广水市委员会", "county", "hubei.suizhou.guangshui"),
        sectors=[Sector("s", "界别")],
        activity_groups=[ActivityGroup("town_x", "X镇委员活动组", "town_street")],
        members=[
            Member("m1", "胡明", "s", activity_group_id="town_x"),
            Member("m2", "谭丽", "s", activity_group_id="town_x"),
        ],
        contributions=[
            Contribution(
                f"post{i}",
                "publicity_article",
                f"网站稿件{i}",
                dt.date(2017, month, 10),
                [("m1", "m2")[i % 2]],
            )
            for i, month in enumerate(post_months)
        ],
    )


def card(post_months: tuple[int, ...], **options: object):
    rules = build_rule_set(**options).group_rules[0]  # type: ignore[arg-type]
    return assess_groups(town_x(post_months), rules, YEAR, external=INPUTS).card("town_x")


def test_example_c_four_posts_but_no_post_in_the_third_quarter() -> None:
    result = card((1, 4, 5, 11))
    assert result.line("self_building.plan").points == 5
    assert result.line("self_building.files").points == 5
    assert result.line("self_building.ledgers").points == 0
    assert result.line("self_building.website").points == 0  # the spread is broken
    assert result.total == 10
    met = {r.requirement_id: r.met for r in result.requirements}
    assert met == {"website.count": True, "website.quarterly": False}
    assert result.requirements[1].measure == 3


def test_example_c_when_only_the_count_matters() -> None:
    result = card((1, 4, 5, 11), website_spread="count_only")
    assert result.line("self_building.website").points == 10
    assert result.total == 20


def test_a_post_in_every_quarter_earns_the_item_and_the_category_keeps_its_cap() -> None:
    inputs_all = {key: {"town_x": 1} for key in INPUTS}
    rules = build_rule_set(website_points=15).group_rules[0]
    result = assess_groups(town_x((2, 5, 8, 11)), rules, YEAR, external=inputs_all).card("town_x")
    assert result.line("self_building.website").points == 15
    assert result.category_points("self_building") == 25  # 5 + 5 + 5 + 15, capped at 25


def test_a_missing_input_is_an_error_and_unknown_readings_are_refused() -> None:
    rules = build_rule_set().group_rules[0]
    with pytest.raises(Exception, match="plan_and_summary"):
        assess_groups(town_x((1,)), rules, YEAR)
    with pytest.raises(InvalidValueError, match="website_spread"):
        build_rule_set(website_spread="monthly")


def test_the_assessors_checklist_can_come_from_the_inputs_table() -> None:
    """Example C with the checklist in the dataset (评分录入), as `cppcc group-scores` reads it."""
    import attrs

    from cppcc_model.model import Input

    given = [
        Input("town_x", YEAR, key, value["town_x"], subject_kind="activity_group", source="考核组")
        for key, value in INPUTS.items()
    ]
    ledger = attrs.evolve(town_x((1, 4, 5, 11)), inputs=given)
    rules = build_rule_set().group_rules[0]
    from_table = assess_groups(ledger, rules, YEAR).card("town_x")
    assert from_table.total == card((1, 4, 5, 11)).total == 10
    assert from_table.line("self_building.plan").note == "plan_and_summary = 1 (input)"
