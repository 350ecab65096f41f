"""Golden cases state group cards and several periods, and say exactly what differs.

The rule set (TOML, so an office could write it): proposals 10 points each; a group rule
"委员活动组年度考核" (第六条) scoring the mean member total plus 5 per filed proposal (cap 10),
and requiring at least 2 proposals per group.

Worked by hand, 2024: 甲组 (甲 3 proposals of which 2 filed → 30; 乙 1 → 10): mean 20, filed
2 × 5 = 10 → 30, rank 1, requirement met; 乙组 (丙 1 filed → 10): mean 10 + 5 = 15, rank 2, not
met. 2023: 甲 one proposal → 10; 甲组 mean (10 + 0) / 2 = 5 → 5.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cppcc_model.rules.registry import RuleSetRegistry
from cppcc_model.rules.toml import loads_rule_set
from cppcc_model.testing.golden import GoldenCaseError, GoldenCaseFailure, load_golden_case

RULES = """jurisdiction = "example.golden-groups"
name = "golden-groups"
title = "活动组考核"
effective_from = 2020-01-01

[[categories]]
id = "proposals"
label = "提案"

[[categories.items]]
id = "proposals.each"
label = "每件提案10分"
where = { source = "proposal" }
value = { points = 10 }

[[groups]]
id = "groups"
label = "委员活动组年度考核"
subject = "委员活动组"
clause = "第六条"

[[groups.categories]]
id = "duty"
label = "履职"

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
clause = "第六条第二款"

[[groups.requirements]]
id = "two_proposals"
label = "每组至少2件提案"
measure = { kind = "count", where = { source = "proposal" } }
at_least = 2
"""

LEDGER = """rule_set = "golden-groups"
period = "2024"

[[ledger.activity_groups]]
id = "a"
name = "甲组"
kind = "镇街"

[[ledger.activity_groups]]
id = "b"
name = "乙组"
kind = "镇街"

[[ledger.members]]
id = "jia"
name = "甲"
activity_group_id = "a"

[[ledger.members]]
id = "yi"
name = "乙"
activity_group_id = "a"

[[ledger.members]]
id = "bing"
name = "丙"
activity_group_id = "b"

[[ledger.proposals]]
id = "p0"
subject = "二〇二三年的提案"
submitted_on = 2023-03-01
proposer_kind = "individual"
member_ids = ["jia"]

[[ledger.proposals]]
id = "p1"
subject = "提案一"
submitted_on = 2024-02-01
proposer_kind = "individual"
member_ids = ["jia"]
history = [{ step = "立案", on = 2024-03-01 }]

[[ledger.proposals]]
id = "p2"
subject = "提案二"
submitted_on = 2024-02-02
proposer_kind = "individual"
member_ids = ["jia"]
history = [{ step = "立案", on = 2024-03-01 }]

[[ledger.proposals]]
id = "p3"
subject = "提案三"
submitted_on = 2024-02-03
proposer_kind = "individual"
member_ids = ["jia"]

[[ledger.proposals]]
id = "p4"
subject = "提案四"
submitted_on = 2024-02-04
proposer_kind = "individual"
member_ids = ["yi"]

[[ledger.proposals]]
id = "p5"
subject = "提案五"
submitted_on = 2024-02-05
proposer_kind = "individual"
member_ids = ["bing"]
history = [{ step = "立案", on = 2024-03-01 }]
"""

RIGHT = """
[expect.jia]
total = "30"

[groups.groups.a]
total = "30"
per_capita = "15"
rank = 1
categories = { duty = "30" }
lines = { "duty.mean" = "20", "duty.filed" = "10" }
measures = { "duty.filed" = "2" }
requirements = { two_proposals = true }

[groups.groups.b]
total = "15"
rank = 2
requirements = { two_proposals = false }

[periods."2023".expect.jia]
total = "10"

[periods."2023".groups.groups.a]
total = "5"
requirements = { two_proposals = false }
"""


@pytest.fixture
def registry() -> RuleSetRegistry:
    found = RuleSetRegistry()
    found.add(loads_rule_set(RULES))
    return found


def _case(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "groups.golden.toml"
    path.write_text(text, encoding="utf-8")
    return load_golden_case(path)


def test_group_cards_and_another_period_pass_as_worked(
    tmp_path: Path, registry: RuleSetRegistry
) -> None:
    case = _case(tmp_path, LEDGER + RIGHT)
    assert [p.period.start.year for p in case.periods] == [2023]
    assessment = case.check(registry)
    assert assessment.totals()["jia"] == 30


def test_a_wrong_group_figure_names_the_rule_the_body_and_the_records(
    tmp_path: Path, registry: RuleSetRegistry
) -> None:
    wrong = RIGHT.replace('measures = { "duty.filed" = "2" }', 'measures = { "duty.filed" = "3" }')
    wrong = wrong.replace(
        '[groups.groups.b]\ntotal = "15"\nrank = 2', '[groups.groups.b]\ntotal = "15"\nrank = 1'
    )
    with pytest.raises(GoldenCaseFailure) as caught:
        _case(tmp_path, LEDGER + wrong).check(registry)
    message = str(caught.value)
    assert (
        "group rule groups (委员活动组年度考核, 第六条), a: item duty.filed (第六条第二款) "
        "measure 2, expected 3 [records: p1, p2]"
    ) in message
    assert "group rule groups (委员活动组年度考核, 第六条), b: rank 2, expected 1" in message


def test_a_mismatch_in_another_period_says_which_period(
    tmp_path: Path, registry: RuleSetRegistry
) -> None:
    wrong = RIGHT.replace(
        '[periods."2023".expect.jia]\ntotal = "10"', '[periods."2023".expect.jia]\ntotal = "20"'
    )
    with pytest.raises(GoldenCaseFailure) as caught:
        _case(tmp_path, LEDGER + wrong).check(registry)
    assert "2023: jia: total 10 (10.00), expected 20" in str(caught.value)
    assert "requirement" not in str(caught.value).split("2023: jia")[0]


def test_an_unmet_group_requirement_lists_its_measure_and_records(
    tmp_path: Path, registry: RuleSetRegistry
) -> None:
    wrong = RIGHT.replace(
        '[groups.groups.b]\ntotal = "15"\nrank = 2\nrequirements = { two_proposals = false }',
        "[groups.groups.b]\nrequirements = { two_proposals = true }",
    )
    with pytest.raises(GoldenCaseFailure) as caught:
        _case(tmp_path, LEDGER + wrong).check(registry)
    assert "b: requirement two_proposals not met (1/2), expected met [records: p5]" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('[groups.groups.a]\nscore = "1"\n', "groups.groups.a"),
        ("[groups.groups.a]\nrank = 0\n", "groups.groups.a"),
        ("[groups.groups.a]\ntotal = 1.5\n", "groups.groups.a.total"),
        ('[periods."2023"]\nwinners = []\n', "periods.2023"),
        ('[periods."20x3".expect.jia]\ntotal = "1"\n', "periods.20x3"),
    ],
)
def test_a_malformed_group_or_period_table_is_refused_with_its_key(
    tmp_path: Path, table: str, key: str
) -> None:
    with pytest.raises(GoldenCaseError) as caught:
        _case(tmp_path, LEDGER + '\n[expect.jia]\ntotal = "30"\n\n' + table)
    assert caught.value.where is not None
    assert caught.value.where.key == key
