"""The engine, block by block, on small ledgers whose scores are worked out by hand."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from _ledgers import D, info, ledger, meeting, member, proposal
from cppcc_model.assess import assess
from cppcc_model.assess.engine import RuleEvaluationError
from cppcc_model.errors import CppccError, InvalidValueError
from cppcc_model.model import BodyRef, Contribution, InfoEvent, Period, Term
from cppcc_model.rules import (
    AtMost,
    Band,
    ByLevel,
    ByRole,
    ByStage,
    ByStatus,
    Category,
    CollectiveCredit,
    ConsecutiveYears,
    EqualSplit,
    FirstOnly,
    FirstShare,
    FromNth,
    Function,
    Grades,
    HasRole,
    Item,
    OncePerPeriod,
    PerUnit,
    Points,
    Pool,
    Reached,
    Requirement,
    RuleSet,
    ScoreBelow,
    Settings,
    Threshold,
    Trigger,
    Where,
)
from cppcc_model.testing.codes import raises_code

YEAR = Period.year(2022)


@pytest.fixture(autouse=True, params=["reference", "columnar"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every hand-worked case runs on both engines (these ledgers are below the size from
    which ``assess`` picks the columnar one by itself)."""
    from cppcc_model.assess import engine as engine_module

    monkeypatch.setattr(
        engine_module, "COLUMNAR_FROM", 0 if request.param == "columnar" else 10**12
    )
    return str(request.param)


def rules(*categories: Category, **kwargs: object) -> RuleSet:
    return RuleSet(
        jurisdiction="test.district",
        name="test-rules",
        title="测试办法",
        effective_from=D(2020, 1, 1),
        categories=categories,
        **kwargs,  # type: ignore[arg-type]
    )


def one(item: Item, **category: object) -> RuleSet:
    return rules(Category("c", "类", [item], **category))  # type: ignore[arg-type]


def total(rule_set: RuleSet, ledger_, member_id: str, period: Period = YEAR) -> Fraction:
    return assess(ledger_, rule_set, period).card(member_id).total


# ---------------------------------------------------------------- values


def test_by_status_gives_each_attendance_state_its_value() -> None:
    item = Item(
        "plenary",
        "全会",
        Where("attendance", kinds=["plenary"]),
        ByStatus({"present": 50, "excused": 30, "unexcused": 0}),
    )
    data = ledger(
        [member("a"), member("b"), member("c")],
        activities=[
            meeting("p", "全体会议", D(2022, 1, 5), ("a", "出席"), ("b", "请假"), ("c", "无故缺席"))
        ],
    )
    result = assess(data, one(item), YEAR)
    assert result.totals() == {"a": 50, "b": 30, "c": 0}


def test_per_unit_counts_half_days_attended() -> None:
    from cppcc_model.model import Activity, Attendance

    plenary = Activity(
        "p",
        "plenary",
        "全会",
        D(2022, 1, 5),
        half_days=6,
        attendance=[
            Attendance("a"),
            Attendance("b", "partial", half_days=4),
            Attendance("c", "excused"),
        ],
    )
    result = assess(
        ledger([member("a"), member("b"), member("c")], activities=[plenary]),
        one(Item("half", "半天", Where("attendance"), PerUnit(5))),
        YEAR,
    )
    assert result.totals() == {"a": 30, "b": 20, "c": 0}


def test_by_stage_adds_the_value_of_every_stage_reached_by_the_as_of_date() -> None:
    item = Item("p", "提案", Where("proposal"), ByStage({"submitted": 10, "filed": 15, "key": 10}))
    data = ledger(
        [member("a")],
        proposals=[
            proposal(
                "p1", "a", steps=[("filed", D(2022, 2, 1)), ("key_designated", D(2022, 3, 1))]
            ),
            proposal("p2", "a", steps=[("filed", D(2023, 2, 1))]),
        ],
    )
    assert total(one(item), data, "a") == 10 + 15 + 10 + 10
    late = assess(data, one(item), YEAR, as_of=D(2023, 6, 1)).card("a").total
    assert late == 35 + 25


def test_by_role_and_by_level() -> None:
    roles = Item("r", "角色", Where("proposal"), ByRole({"sole": 15, "first": 15, "co": 3}))
    data = ledger(
        [member("a"), member("b")], proposals=[proposal("j", "a", "b"), proposal("s", "b")]
    )
    assert assess(data, one(roles), YEAR).totals() == {"a": 15, "b": 18}
    honours = Item(
        "h",
        "表彰",
        Where("contribution", kinds=["commendation"]),
        ByLevel({"national": 10, "province": 8, "city": 6, "county": 4}),
        counting=OncePerPeriod("max"),
    )
    data = ledger(
        [member("a")],
        contributions=[
            Contribution("c1", "commendation", "市级表彰", D(2022, 5, 1), ["a"], level="city"),
            Contribution("c2", "commendation", "省级表彰", D(2022, 9, 1), ["a"], level="province"),
        ],
    )
    card = assess(data, one(honours), YEAR).card("a")
    assert card.total == 8
    assert [e.counted for e in card.line("h").entries] == [False, True]


def test_floats_are_refused_as_points() -> None:
    with raises_code(InvalidValueError, "V306", value="0.1"):
        Points(0.1)  # type: ignore[arg-type]
    assert Points("12.5").points == Fraction(25, 2)


# ---------------------------------------------------------------- attribution


def test_first_share_gives_half_to_the_first_and_splits_the_rest() -> None:
    item = Item(
        "p",
        "提案",
        Where("proposal"),
        ByStage({"submitted": 10, "filed": 15}),
        attribution=FirstShare("1/2"),
    )
    data = ledger(
        [member(x) for x in "abcd"],
        proposals=[proposal("j", "a", "b", "c", "d", steps=[("filed", D(2022, 2, 1))])],
    )
    totals = assess(data, one(item), YEAR).totals()
    assert totals == {
        "a": Fraction(25, 2),
        "b": Fraction(25, 6),
        "c": Fraction(25, 6),
        "d": Fraction(25, 6),
    }
    assert sum(totals.values()) == 25


def test_first_only_gives_co_signers_nothing_but_keeps_the_evidence() -> None:
    item = Item("p", "提案", Where("proposal"), Points(10), attribution=FirstOnly())
    data = ledger([member("a"), member("b")], proposals=[proposal("j", "a", "b")])
    result = assess(data, one(item), YEAR)
    assert result.totals() == {"a": 10, "b": 0}
    entry = result.card("b").line("p").entries[0]
    assert not entry.counted
    assert "not credited" in (entry.note or "")


def test_equal_split_and_collective_credit_readings() -> None:
    split = Item("p", "提案", Where("proposal"), Points(12), attribution=EqualSplit())
    data = ledger([member(x) for x in "abcd"], proposals=[proposal("j", "a", "b", "c")])
    assert assess(data, one(split), YEAR).totals() == {"a": 4, "b": 4, "c": 4, "d": 0}
    body = BodyRef("sector", "s")
    collective = ledger(
        [member(x) for x in "abcd"],
        proposals=[proposal("k", "a", "b", "c", "d", kind="collective", body=body)],
    )
    full = Item(
        "p",
        "提案",
        Where("proposal"),
        Points(12),
        attribution=FirstShare(collective=CollectiveCredit(3, "full")),
    )
    shared = Item(
        "p",
        "提案",
        Where("proposal"),
        Points(12),
        attribution=FirstShare(collective=CollectiveCredit(3, "split")),
    )
    assert assess(collective, one(full), YEAR).totals() == {"a": 12, "b": 12, "c": 12, "d": 0}
    assert assess(collective, one(shared), YEAR).totals() == {"a": 4, "b": 4, "c": 4, "d": 0}


# ---------------------------------------------------------------- counting


def test_once_per_period_keeps_the_highest_role_without_stacking() -> None:
    item = Item(
        "base",
        "基础分",
        Where("proposal", reached=["filed"]),
        ByRole({"sole": 15, "first": 15, "co": 3}),
        counting=OncePerPeriod("max"),
    )
    filed = [("filed", D(2022, 2, 1))]
    data = ledger(
        [member("a"), member("b")],
        proposals=[proposal("j1", "b", "a", steps=filed), proposal("j2", "a", "b", steps=filed)],
    )
    result = assess(data, one(item), YEAR)
    assert result.totals() == {"a": 15, "b": 15}
    assert [e.counted for e in result.card("a").line("base").entries] == [False, True]


def test_from_nth_at_most_and_threshold() -> None:
    where = Where("attendance")
    data = ledger(
        [member("a")],
        activities=[meeting(f"m{i}", "调研", D(2022, 1 + i, 1), ("a", "出席")) for i in range(5)],
    )
    assert total(one(Item("n", "n", where, Points(2), counting=FromNth(2))), data, "a") == 8
    assert total(one(Item("n", "n", where, Points(2), counting=AtMost(3))), data, "a") == 6
    assert total(one(Item("n", "n", where, Points(2), counting=Threshold(5, 20))), data, "a") == 20
    assert total(one(Item("n", "n", where, Points(2), counting=Threshold(6, 20))), data, "a") == 0


# ---------------------------------------------------------------- caps, floors, bases, pools


def test_line_and_category_caps_and_the_floor_are_recorded_on_the_card() -> None:
    data = ledger([member("a")], proposals=[proposal(f"p{i}", "a") for i in range(4)])
    item = Item("p", "提案", Where("proposal"), Points(10), cap=35)
    card = assess(data, one(item, cap=25), YEAR).card("a")
    assert card.line("p").points == 35
    assert card.line("p").raw == 40
    assert card.category("c").points == 25
    assert [a.kind for a in card.line("p").adjustments] == ["cap"]
    assert [a.kind for a in card.category("c").adjustments] == ["cap"]


def test_a_base_with_deductions_and_a_floor_of_zero() -> None:
    absences = [
        meeting(f"m{i}", "常委会议", D(2022, 1 + i, 1), ("a", "无故缺席")) for i in range(4)
    ]
    item = Item("d", "扣分", Where("attendance"), ByStatus({"unexcused": "-1.5", "late": -1}))
    data = ledger([member("a")], activities=absences)
    assert total(one(item, base=10), data, "a") == 4
    assert total(one(item, base=5), data, "a") == -1
    assert total(one(item, base=5, floor=0), data, "a") == 0


def test_a_pool_caps_several_categories_together() -> None:
    data = ledger([member("a")], proposals=[proposal("p", "a")], info_reports=[info("i", "a")])
    rule_set = rules(
        Category("pc", "提案加分", [Item("p", "p", Where("proposal"), Points(8))]),
        Category("ic", "信息加分", [Item("i", "i", Where("info_report"), Points(7))]),
        pools=[Pool("bonus", "加分", ["pc", "ic"], 10)],
    )
    card = assess(data, rule_set, YEAR).card("a")
    assert card.total == 10
    assert card.adjustments[0].kind == "pool"


# ---------------------------------------------------------------- grades, requirements, flags


@pytest.mark.parametrize(
    ("score", "inclusive", "exclusive"),
    [(90, "优秀", "合格"), (89, "合格", "合格"), (91, "优秀", "优秀")],
)
def test_grade_boundaries_follow_the_stated_policy(
    score: int, inclusive: str, exclusive: str
) -> None:
    data = ledger(
        [member("a")], contributions=[Contribution("c", "other", "x", D(2022, 1, 1), ["a"])]
    )
    item = Item("x", "x", Where("contribution"), Points(score))
    for boundary, expected in (("inclusive", inclusive), ("exclusive", exclusive)):
        grades = Grades([Band("优秀", 90), Band("合格", 60), Band("不合格")], boundary=boundary)
        assert (
            assess(data, rules(Category("c", "c", [item]), grades=grades), YEAR).card("a").grade
            == expected
        )


def test_presented_basis_grades_the_rounded_score() -> None:
    data = ledger(
        [member("a")], contributions=[Contribution("c", "other", "x", D(2022, 1, 1), ["a"])]
    )
    item = Item("x", "x", Where("contribution"), Points("89.996"))
    exact = Grades([Band("优秀", 90), Band("合格")])
    presented = Grades([Band("优秀", 90), Band("合格")], basis="presented")
    assert (
        assess(data, rules(Category("c", "c", [item]), grades=exact), YEAR).card("a").grade
        == "合格"
    )
    assert (
        assess(data, rules(Category("c", "c", [item]), grades=presented), YEAR).card("a").grade
        == "优秀"
    )


def test_requirements_gate_a_grade_and_count_co_authorship_as_set() -> None:
    data = ledger(
        [member("a"), member("b")],
        proposals=[proposal("j", "a", "b")],
        contributions=[Contribution(f"x{m}", "other", "x", D(2022, 1, 1), [m]) for m in "ab"],
    )
    requirement = Requirement(
        "one_proposal", "一件提案", [Where("proposal")], credit_co_authors=False
    )
    grades = Grades([Band("优秀", 90, requires=["one_proposal"]), Band("合格")])
    rule_set = rules(
        Category("c", "c", [Item("x", "x", Where("contribution"), Points(95))]),
        requirements=[requirement],
        grades=grades,
    )
    result = assess(data, rule_set, YEAR)
    assert result.card("a").grade == "优秀"
    assert result.card("a").requirements[0].met
    assert result.card("b").grade == "合格"
    assert not result.card("b").requirements[0].met
    lenient = rules(
        Category("c", "c", [Item("x", "x", Where("contribution"), Points(95))]),
        requirements=[Requirement("one_proposal", "一件提案", [Where("proposal")])],
    )
    assert assess(data, lenient, YEAR).card("b").requirements[0].met


class _AnyRecord(Where):
    """A plugin's own selection: every record of the member, whatever source it names."""

    def matches(self, fact: object) -> bool:
        return True


def test_a_requirement_tries_a_plugin_selection_on_every_fact_and_where_on_its_source() -> None:
    data = ledger(
        [member("a")],
        proposals=[proposal("p", "a")],
        contributions=[Contribution("x", "other", "x", D(2022, 1, 1), ["a"])],
    )
    rule_set = rules(
        Category("c", "c", [Item("x", "x", Where("contribution"), Points(1))]),
        requirements=[
            Requirement("own", "任何两件", [_AnyRecord("proposal")], at_least=2),
            Requirement("either", "提案或成果", [Where("proposal"), Where("contribution")], 2),
            Requirement("proposals", "两件提案", [Where("proposal")], at_least=2),
        ],
    )
    found = {
        r.requirement_id: (r.count, r.met, set(r.records))
        for r in assess(data, rule_set, YEAR).card("a").requirements
    }
    assert found == {
        "own": (2, True, {"p", "x"}),
        "either": (2, True, {"p", "x"}),
        "proposals": (1, False, {"p"}),
    }


def test_a_per_quarter_requirement_names_the_empty_quarter() -> None:
    data = ledger(
        [member("a")], info_reports=[info(f"i{m}", "a", on=D(2022, m, 5)) for m in (1, 4, 11)]
    )
    requirement = Requirement(
        "spread", "每季度至少一条", [Where("info_report")], at_least=4, per_quarter=True
    )
    result = (
        assess(data, rules(Category("c", "c", []), requirements=[requirement]), YEAR)
        .card("a")
        .requirements[0]
    )
    assert not result.met
    assert result.count == 3
    enough = ledger(
        [member("a")], info_reports=[info(f"i{m}", "a", on=D(2022, m, 5)) for m in (1, 4, 11, 12)]
    )
    result = (
        assess(enough, rules(Category("c", "c", []), requirements=[requirement]), YEAR)
        .card("a")
        .requirements[0]
    )
    assert not result.met
    assert result.note == "nothing in quarter(s) Q3"


def test_a_role_dependent_item_applies_only_to_standing_members() -> None:
    item = Item(
        "s",
        "常委会议",
        Where("attendance"),
        ByStatus({"unexcused": -5}),
        applies_to=HasRole("standing_member"),
    )
    data = ledger(
        [member("a", standing=True), member("b")],
        activities=[meeting("m", "常委会议", D(2022, 3, 1), ("a", "无故缺席"), ("b", "无故缺席"))],
    )
    result = assess(data, one(item), YEAR)
    assert result.totals() == {"a": -5, "b": 0}
    assert result.card("b").category("c").lines == ()


def test_count_triggers_over_the_year_and_the_term() -> None:
    absent = Where("attendance", kinds=["standing_committee_meeting"], statuses=["unexcused"])
    triggers = [
        Trigger("year3", "一年缺席3次", [absent], 3, "resign"),
        Trigger("term7", "届内缺席7次", [absent], 7, "resign", window="term"),
    ]
    meetings = [
        meeting(f"m{y}{i}", "常委会议", D(y, 2 + 3 * i, 1), ("a", "无故缺席"))
        for y, n in ((2019, 2), (2020, 2), (2021, 2), (2022, 1))
        for i in range(n)
    ]
    data = ledger(
        [member("a", standing=True)],
        activities=meetings,
        terms=[Term(1, D(2019, 1, 1), D(2023, 12, 31))],
    )
    rule_set = rules(Category("c", "c", []), triggers=triggers)
    assert [f.trigger_id for f in assess(data, rule_set, Period.year(2021)).card("a").flags] == []
    flags = assess(data, rule_set, YEAR).card("a").flags
    assert [f.trigger_id for f in flags] == ["term7"]
    assert len(flags[0].records) == 7


def test_score_below_and_consecutive_years() -> None:
    data = ledger([member("a")])
    grades = Grades([Band("称职", 60), Band("不称职")])
    rule_set = rules(
        Category("c", "c", []),
        grades=grades,
        triggers=[
            ScoreBelow("warn", "低于40分预警", 40, "warning"),
            ConsecutiveYears("twice", "连续两年不称职", 2, "no_reappointment", grade="不称职"),
        ],
    )
    flags = {f.trigger_id for f in assess(data, rule_set, YEAR).card("a").flags}
    assert flags == {"warn", "twice"}
    joined = ledger([member("a", joined=D(2022, 1, 1))])
    flags = {f.trigger_id for f in assess(joined, rule_set, YEAR).card("a").flags}
    assert flags == {"warn"}


# ---------------------------------------------------------------- facts and settings


def test_a_merged_proposal_follows_its_filed_parent() -> None:
    parent = proposal(
        "parent", "a", steps=[("filed", D(2022, 2, 1)), ("key_designated", D(2022, 3, 1))]
    )
    child = proposal("child", "b", steps=[("merged", D(2022, 2, 1))], parent_id="parent")
    item = Item("p", "p", Where("proposal"), ByStage({"submitted": 10, "filed": 15, "key": 5}))
    result = assess(ledger([member("a"), member("b")], proposals=[parent, child]), one(item), YEAR)
    assert result.totals() == {"a": 30, "b": 30}


@pytest.mark.parametrize(
    ("policy", "expected"), [("both", 10 + 5 + 10), ("original", 10), ("final", 5 + 10)]
)
def test_a_proposal_converted_to_information_is_counted_as_the_setting_says(
    policy: str, expected: int
) -> None:
    converted = proposal("p", "a", steps=[("not_filed", D(2022, 2, 1))], converted_to="i")
    report = info(
        "i", "a", on=D(2022, 2, 1), events=[InfoEvent("adopted", D(2022, 3, 1), level="county")]
    )
    rule_set = rules(
        Category("pc", "p", [Item("p", "p", Where("proposal"), Points(10))]),
        Category(
            "ic",
            "i",
            [Item("i", "i", Where("info_report"), ByStage({"submitted": 5, "adopted": 10}))],
        ),
        settings=Settings(conversion=policy),
    )
    assert (
        total(rule_set, ledger([member("a")], proposals=[converted], info_reports=[report]), "a")
        == expected
    )


def test_reached_with_a_minimum_level_and_reached_any() -> None:
    report = info("i", "a", events=[InfoEvent("adopted", D(2022, 4, 1), level="city")])
    high = Where("info_report", reached=[Reached("adopted", "province")])
    either = Where(
        "info_report", reached_any=[Reached("adopted", "province"), Reached("instructed")]
    )
    data = ledger([member("a")], info_reports=[report])
    assert total(one(Item("h", "h", high, Points(10))), data, "a") == 0
    instructed = info(
        "i", "a", events=[InfoEvent("instructed", D(2022, 4, 1), level="city", leader="州领导")]
    )
    assert (
        total(
            one(Item("e", "e", either, Points(10))),
            ledger([member("a")], info_reports=[instructed]),
            "a",
        )
        == 10
    )


def test_a_failing_escape_hatch_names_the_member_rule_set_and_plugin() -> None:
    def broken(fact: object) -> int:
        raise ZeroDivisionError("boom")

    item = Item("f", "f", Where("proposal"), Function(broken, "broken"))
    data = ledger([member("a")], proposals=[proposal("p", "a")])
    with pytest.raises(RuleEvaluationError) as info_:
        assess(data, one(item), YEAR)
    assert info_.value.where is not None
    assert info_.value.where.record_id == "a"
    assert (info_.value.code, info_.value.value) == ("S015", "broken")  # the function raised
    assert "ZeroDivisionError" in str(info_.value)  # its own exception is carried (on purpose)
    assert "test-rules" in str(info_.value)
    assert isinstance(info_.value, CppccError)


def test_members_who_did_not_serve_are_listed_as_not_assessed() -> None:
    data = ledger([member("a"), member("b", left=D(2021, 6, 30))])
    result = assess(data, rules(Category("c", "c", [])), YEAR)
    assert [c.member_id for c in result.cards] == ["a"]
    assert result.not_assessed == ("b",)


def test_score_cards_are_plain_data_with_exact_and_presented_figures() -> None:
    item = Item("p", "提案", Where("proposal"), Points(10), attribution=FirstShare("1/2"))
    data = ledger([member(x) for x in "abcd"], proposals=[proposal("j", "a", "b", "c", "d")])
    card = assess(data, one(item), YEAR).card("b")
    data_ = card.to_dict()
    assert data_["total"] == "5/3"
    assert data_["display_total"] == "1.67"
    assert data_["categories"][0]["lines"][0]["entries"][0]["share"] == "1/6"
    assert "1.67" in card.render_text()


def test_rule_sets_refuse_inconsistent_definitions() -> None:
    item = Item("x", "x", Where("proposal"), Points(1))
    with raises_code(InvalidValueError, "R106", value="x"):
        rules(Category("c", "c", [item]), Category("d", "d", [item]))
    with raises_code(InvalidValueError, "R107", value="nope"):
        rules(Category("c", "c", [item]), pools=[Pool("p", "p", ["nope"], 5)])
    with raises_code(InvalidValueError, "R215", value="10"):
        Category("c", "c", [], cap=5, floor=10)
    with raises_code(InvalidValueError, "R222"):
        Grades([Band("合格", 60), Band("优秀", 90)])
    with raises_code(InvalidValueError, "R110", value="x"):
        rules(Category("c", "c", []), grades=Grades([Band("优秀", 90, requires=["x"])]))
    with raises_code(InvalidValueError, "R105", value="2019-01-01"):
        RuleSet(
            jurisdiction="j",
            name="n",
            title="t",
            effective_from=D(2020, 1, 1),
            effective_until=D(2019, 1, 1),
            categories=[],
        )
    assert isinstance(dt.date.today(), dt.date)


def test_per_quarter_counts_the_quarters_of_a_period_across_a_year_end() -> None:
    requirement = Requirement("spread", "每季度至少一条", [Where("info_report")], per_quarter=True)
    period = Period(D(2023, 7, 1), D(2024, 6, 30))
    dates = [D(2023, 8, 1), D(2023, 11, 1), D(2024, 2, 1)]
    assert requirement.empty_quarters(period, dates) == ["2024Q2"]
    data = ledger([member("a")], info_reports=[info(f"i{d.isoformat()}", "a", on=d) for d in dates])
    result = assess(data, rules(Category("c", "c", []), requirements=[requirement]), period).card(
        "a"
    )
    assert not result.requirements[0].met
    assert result.requirements[0].note == "nothing in quarter(s) 2024Q2"


def test_by_position_and_full_or_partial() -> None:
    from cppcc_model.model import Activity, Attendance
    from cppcc_model.rules import ByPosition, FullOrPartial

    body = BodyRef("sector", "s")
    data = ledger(
        [member(x) for x in "abc"],
        proposals=[proposal("k", "a", "b", "c", kind="collective", body=body)],
    )
    item = Item("lead", "主笔15 参与3", Where("proposal"), ByPosition(15, 3))
    assert assess(data, one(item), YEAR).totals() == {"a": 15, "b": 3, "c": 3}
    training = Activity(
        "t",
        "training",
        "市外培训",
        D(2022, 5, 1),
        half_days=4,
        attendance=[
            Attendance("a"),
            Attendance("b", "partial", half_days=2),
            Attendance("c", "excused"),
        ],
    )
    item = Item(
        "train", "全程10 部分5", Where("attendance", kinds=["training"]), FullOrPartial(10, 5)
    )
    assert assess(
        ledger([member(x) for x in "abc"], activities=[training]), one(item), YEAR
    ).totals() == {"a": 10, "b": 5, "c": 0}


def test_a_conversion_into_an_opinion_is_not_a_conversion_into_information() -> None:
    opinion = proposal("p", "a", steps=[("not_filed", D(2022, 2, 1))], converted_to="意见建议")
    rule_set = rules(
        Category("pc", "p", [Item("p", "p", Where("proposal"), Points(10))]),
        settings=Settings(conversion="final"),
    )
    card = assess(ledger([member("a")], proposals=[opinion]), rule_set, YEAR).card("a")
    assert card.total == 10
    assert card.excluded == ()


def test_what_the_conversion_setting_leaves_out_is_on_the_card() -> None:
    converted = proposal("p", "a", steps=[("not_filed", D(2022, 2, 1))], converted_to="i")
    report = info("i", "a", on=D(2022, 2, 1))
    rule_set = rules(
        Category("pc", "p", [Item("p", "p", Where("proposal"), Points(10))]),
        Category("ic", "i", [Item("i", "i", Where("info_report"), Points(5))]),
        settings=Settings(conversion="final"),
    )
    card = assess(
        ledger([member("a")], proposals=[converted], info_reports=[report]), rule_set, YEAR
    ).card("a")
    assert card.excluded == (
        "p not counted as a proposal: it was converted into 社情民意 item i (settings.conversion='final')",
    )
    assert card.to_dict()["excluded"] == list(card.excluded)
    assert "∅ p not counted" in card.render_text()
