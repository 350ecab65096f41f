"""Part 2 of the Guangshui rules: the activity-group self-building items (example C).

The worked figures of example C are golden cases (tests/golden/example_c_groups_*.golden.toml,
with the assessors' checklist in the inputs table); these tests cover what a golden case cannot:
a missing input, an unknown reading, and the checklist passed in by an embedding program (the
figures it gives are compared with the inputs table's, not stated again here).
"""

from __future__ import annotations

import datetime as dt

from cppcc_rules_guangshui import build_rule_set

from cppcc_model import Ledger
from cppcc_model.assess import assess_groups
from cppcc_model.errors import InvalidValueError
from cppcc_model.model import ActivityGroup, Committee, Contribution, Member, Period, Sector
from cppcc_model.testing.codes import raises_code

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


def test_a_missing_input_is_an_error_and_unknown_readings_are_refused() -> None:
    rules = build_rule_set().group_rules[0]
    with raises_code(Exception, "S112", value="plan_and_summary"):
        assess_groups(town_x((1,)), rules, YEAR)
    with raises_code(InvalidValueError, "P101", value="monthly"):
        build_rule_set(website_spread="monthly")


def test_the_checklist_from_the_inputs_table_scores_as_the_one_passed_in() -> None:
    """Example C's checklist, read from the dataset (评分录入) or passed in: the same card.

    The card's figures (5 + 5 + 0 + 0 = 10) are checked in
    tests/golden/example_c_groups_spread_broken.golden.toml; this test checks only that the two
    ways of giving the checklist agree, which a golden case (inputs table only) cannot.
    """
    import attrs

    from cppcc_model.model import Input

    given = [
        Input("town_x", YEAR, key, value["town_x"], subject_kind="activity_group", source="考核组")
        for key, value in INPUTS.items()
    ]
    ledger = attrs.evolve(town_x((1, 4, 5, 11)), inputs=given)
    rules = build_rule_set().group_rules[0]
    from_table = assess_groups(ledger, rules, YEAR).card("town_x")
    passed_in = card((1, 4, 5, 11))
    assert from_table.total == passed_in.total
    for _, _, lines, _ in passed_in.categories:
        for line in lines:
            assert from_table.line(line.item_id).points == line.points
    assert from_table.line("self_building.plan").note == "plan_and_summary = 1 (input)"
