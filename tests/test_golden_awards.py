"""Golden cases that state award winners and candidates left out with their reason.

The rule set: proposals 10 points each. Awards: the top 2 (ties excluded, 副主席 excluded) and
the bottom 1 over two consecutive years. Worked by hand in the case files below.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _ledgers import D
from cppcc_model.rules import Category, Item, Points, RuleSet, Where
from cppcc_model.rules.award_gates import Exclusion, Periods
from cppcc_model.rules.awards import Award, Quota
from cppcc_model.rules.registry import RuleSetRegistry
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.golden import GoldenCaseError, GoldenCaseFailure, load_golden_case


def _registry() -> RuleSetRegistry:
    registry = RuleSetRegistry()
    registry.add(
        RuleSet(
            jurisdiction="golden.case",
            name="golden-awards",
            title="t",
            effective_from=D(2020, 1, 1),
            categories=[
                Category("proposals", "提案", [Item("p", "提案", Where("proposal"), Points(10))])
            ],
            awards=[
                Award(
                    "top",
                    "优秀委员",
                    "member",
                    Quota(count=2),
                    exclude=[Exclusion("担任副主席", role="vice_chair")],
                    clause="第五条",
                ),
                Award(
                    "bottom_twice",
                    "连续两年末位",
                    "member",
                    Quota(count=1),
                    order="lowest",
                    periods=Periods(2, "each"),
                ),
            ],
        )
    )
    return registry


# 2022: a 3 proposals (30), b 2 (20), c 2 (20), d (副主席) 4 (40), e 0. 2021: e 0, the rest 10.
CASE = """
name = "top two and the bottom twice"
rule_set = "golden-awards"
period = "2022"

[[ledger.members]]
id = "a"
name = "王芳"
[[ledger.members]]
id = "b"
name = "李强"
[[ledger.members]]
id = "c"
name = "张伟"
[[ledger.members]]
id = "d"
name = "赵六"
roles = [{ role = "vice_chair", start = 2020-01-01 }]
[[ledger.members]]
id = "e"
name = "孙七"

{proposals}

[awards.top]
winners = {winners}
quota = 2
left_out = {left_out}

[awards.bottom_twice]
winners = ["e"]
"""


def _proposals() -> str:
    rows = []
    count = {"a": 3, "b": 2, "c": 2, "d": 4}
    number = 0
    for member_id, n in count.items():
        for _ in range(n):
            number += 1
            rows.append(
                f'[[ledger.proposals]]\nid = "p{number}"\nsubject = "p{number}"\n'
                f'submitted_on = 2022-03-01\nproposer_kind = "individual"\n'
                f'member_ids = ["{member_id}"]'
            )
    for member_id in "abcd":
        number += 1
        rows.append(
            f'[[ledger.proposals]]\nid = "p{number}"\nsubject = "p{number}"\n'
            f'submitted_on = 2021-03-01\nproposer_kind = "individual"\n'
            f'member_ids = ["{member_id}"]'
        )
    return "\n".join(rows)


def _case(tmp_path: Path, winners: str, left_out: str) -> Path:
    path = tmp_path / "awards.golden.toml"
    text = CASE.replace("{proposals}", _proposals())
    path.write_text(text.replace("{winners}", winners).replace("{left_out}", left_out), "utf-8")
    return path


def test_a_golden_case_states_winners_and_who_was_left_out_why(tmp_path: Path) -> None:
    # a wins (30); b and c tie at 20 for the second place: excluded; d is 副主席.
    path = _case(
        tmp_path, '["a"]', '{ b = "tie", c = "并列者均不入选", d = "担任副主席", e = "quota" }'
    )
    load_golden_case(path).check(_registry())


def test_a_failing_golden_award_says_which_figure_differs(tmp_path: Path) -> None:
    path = _case(tmp_path, '["a", "b"]', '{ d = "quota", e = "won" }')
    with pytest.raises(GoldenCaseFailure) as caught:
        load_golden_case(path).check(_registry())
    message = str(caught.value)
    assert "award top (优秀委员, 第五条): winners ['a'], expected ['a', 'b']" in message
    assert (
        "award top (优秀委员, 第五条): d left out at eligibility: "
        "不符合条件：担任副主席，不得参评 / not eligible: excluded: holds the role vice_chair; "
        "expected 'quota'"
    ) in message


def test_golden_award_tables_are_checked_for_form(tmp_path: Path) -> None:
    path = tmp_path / "bad.golden.toml"
    path.write_text(
        'rule_set = "golden-awards"\nperiod = "2022"\n[ledger]\n[awards.top]\nwinner = ["a"]\n',
        "utf-8",
    )
    with raises_code(GoldenCaseError, "P203", value="winner"):
        load_golden_case(path)
