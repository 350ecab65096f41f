"""Outcomes over years: the registry's history, term boundaries, ladders, bases, TOML errors.

The worked figures are in ``tests/rule_language/cases/years-*.golden.toml``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.rule_language import years

from cppcc_model.assess import assess
from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Activity, Attendance, Committee, Member, Period, Sector, Term
from cppcc_model.rules import (
    ConsecutiveYears,
    Consequence,
    Ladder,
    RuleSetRegistry,
    ScoreBelow,
    Trigger,
    Where,
)
from cppcc_model.rules.toml import RuleFileError, loads_rule_set
from cppcc_model.testing.codes import raises_code

RUNGS = ("absent", "low_twice", "two_failures")


def _ledger(attended: dict[int, dict[str, int]], absent: dict[str, int] | None = None) -> Ledger:
    """Members ``m0…`` attending ``attended[year][member]`` plenary sessions that year."""
    members = sorted({m for by_member in attended.values() for m in by_member})
    activities = []
    for year, by_member in attended.items():
        most = max(by_member.values(), default=0)
        for n in range(most):
            entries = [Attendance(m) for m, count in by_member.items() if count > n]
            activities.append(
                Activity(
                    f"a{year}-{n}", "全体会议", "会议", dt.date(year, 3, 1 + n), attendance=entries
                )
            )
    for member, count in (absent or {}).items():
        for n in range(count):
            activities.append(
                Activity(
                    f"x{member}-{n}",
                    "全体会议",
                    "会议",
                    dt.date(2025, 10, 1 + n),
                    attendance=[Attendance(member, "无故缺席")],
                )
            )
    return Ledger(
        committee=Committee("c", "示例区政协", "county", years.JURISDICTION),
        terms=[Term(1, dt.date(2023, 1, 1), dt.date(2027, 12, 31))],
        sectors=[Sector("s", "界别")],
        members=[Member(m, m, "s") for m in members],
        activities=activities,
    )


def _registry() -> RuleSetRegistry:
    registry = RuleSetRegistry()
    registry.add(years.build_2022())
    registry.add(years.build_2024())
    return registry


def test_earlier_years_are_judged_under_the_rule_set_then_in_force() -> None:
    ledger = _ledger({2023: {"m0": 2}, 2024: {"m0": 2}})
    later = years.build_2024()
    with_history = assess(
        ledger, later, Period.year(2024), history=_registry().history(years.JURISDICTION)
    )
    assert with_history.card("m0").flags == ()  # 2023: 2 × 2 = 4 → 合格
    same_rules = attrs.evolve(later, effective_from=dt.date(2022, 1, 1))
    alone = assess(ledger, same_rules, Period.year(2024))  # 2023 under the same rules: 2 → 不合格
    assert [f.trigger_id for f in alone.card("m0").flags] == ["two_failures"]
    assert "grade 不合格 in 2023, 2024" in alone.card("m0").flags[0].reason


def test_years_before_any_rule_set_or_the_term_never_count() -> None:
    ledger = _ledger({2021: {"m0": 0, "m1": 1}, 2022: {"m0": 0, "m1": 1}, 2023: {"m0": 0}})
    registry = RuleSetRegistry()
    registry.add(years.build_2022())
    history = registry.history(years.JURISDICTION)
    assert history(2021) is None
    card = assess(ledger, years.build_2022(), Period.year(2022), history=history).card("m0")
    assert card.flags == ()  # 2021: no rule set in force → the chain is broken
    # 2022 is before the term (from 2023): counting starts again at the term boundary
    card = assess(ledger, years.build_2022(), Period.year(2023), history=history).card("m0")
    assert card.flags == ()


def test_the_ladder_says_what_it_supersedes() -> None:
    ledger = _ledger({2023: {"m0": 1}, 2024: {"m0": 1}, 2025: {"m0": 1}}, absent={"m0": 2})
    result = assess(
        ledger,
        years.build_2024(),
        Period.year(2025),
        history=_registry().history(years.JURISDICTION),
    )
    (flag,) = result.card("m0").flags
    assert flag.trigger_id == "two_failures"
    assert flag.consequence == "resign"
    assert "supersedes absent, low_twice" in flag.reason


@given(
    st.dictionaries(
        st.sampled_from([2023, 2024, 2025]),
        st.dictionaries(st.sampled_from(["m0", "m1", "m2"]), st.integers(0, 7), min_size=3),
        min_size=1,
    ),
    st.dictionaries(st.sampled_from(["m0", "m1", "m2"]), st.integers(0, 3)),
)
def test_a_ladder_raises_at_most_one_of_its_rungs(
    attended: dict[int, dict[str, int]], absent: dict[str, int]
) -> None:
    ledger = _ledger(attended, absent)
    history = _registry().history(years.JURISDICTION)
    for year in sorted(attended):
        rule_set = history(year)
        assert rule_set is not None
        for card in assess(ledger, rule_set, Period.year(year), history=history).cards:
            raised = [f.trigger_id for f in card.flags if f.trigger_id in RUNGS]
            assert len(raised) <= 1
            without = attrs.evolve(
                rule_set, triggers=[t for t in rule_set.triggers if not isinstance(t, Ladder)]
            )
            plain = assess(ledger, without, Period.year(year), history=history)
            unladdered = [
                f.trigger_id for f in plain.card(card.member_id).flags if f.trigger_id in RUNGS
            ]
            # the kept rung is the most severe of those that apply
            assert raised == ([max(unladdered, key=RUNGS.index)] if unladdered else [])


def test_bottom_n_and_trigger_keys() -> None:
    ledger = _ledger({2024: {"m0": 1, "m1": 3, "m2": 5}, 2025: {"m0": 2, "m1": 1, "m2": 5}})
    rules = attrs.evolve(
        years.build_2024(),
        triggers=[
            Trigger("absent", "缺席", [Where("attendance", statuses=["无故缺席"])], 1, "talk"),
            ConsecutiveYears("bottom", "连续两年排名后2名", 2, "talk", bottom=2),
            ConsecutiveYears("flagged", "连续两年被谈话", 2, "notice", trigger="absent"),
        ],
    )
    cards = assess(ledger, rules, Period.year(2025)).cards
    flags = {c.member_id: [f.trigger_id for f in c.flags] for c in cards}
    assert flags == {"m0": ["bottom"], "m1": ["bottom"], "m2": []}


def test_a_score_line_on_the_presented_total() -> None:
    rules = attrs.evolve(
        years.build_2024(),
        triggers=[
            ScoreBelow("exact", "低于3分", 3, "warning"),
            ScoreBelow("shown", "公布得分低于3分", "2.996", "warning", basis="presented"),
        ],
    )
    card = assess(_ledger({2024: {"m0": 2}}), rules, Period.year(2024)).card("m0")
    assert [f.trigger_id for f in card.flags] == ["exact", "shown"]
    with raises_code(CppccError, "R223", value="shown"):
        ScoreBelow("x", "x", 3, "warning", basis="shown")


def test_positive_consequences_are_marked() -> None:
    assert Consequence.parse("通报表扬").positive
    assert Consequence.parse("告知推荐单位") is Consequence.NOTIFY_NOMINATOR
    assert not Consequence.RESIGN.positive


def test_over_years_blocks_are_checked() -> None:
    with raises_code(CppccError, "R225", value="grade, bottom"):
        ConsecutiveYears("x", "x", 2, "talk", grade="不合格", bottom=3)
    with raises_code(CppccError, "R113", value="a, b"):
        attrs.evolve(years.build_2024(), triggers=[Ladder("l", "l", ["a", "b"])])


def test_toml_over_years_errors_name_their_line() -> None:
    text = Path(years.__file__).with_suffix(".toml").read_text(encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        loads_rule_set(text.replace('rungs = ["absent"', 'rungs = [1, "absent"'), source="y.toml")
    problem = caught.value.problems[0]
    assert problem.where.key == "triggers[3].rungs"
    assert problem.where.line is not None
