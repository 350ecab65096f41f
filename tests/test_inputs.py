"""Given scores and outside inputs (评分录入): the dataset table, the JSON form, the engine.

The worked figures are in ``tests/rule_language/cases/inputs.golden.toml``; these tests cover
what a golden case cannot: reading the table in each format, the error policy, the problems a
clerk sees, the TOML errors, and the invariants of the pending policy.
"""

from __future__ import annotations

import re
import shutil
from fractions import Fraction
from pathlib import Path
from typing import Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.rule_language._forms import python_form

from cppcc_model.assess import assess
from cppcc_model.errors import CppccError, DatasetError
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.io.json import dumps, loads
from cppcc_model.ledger import Ledger
from cppcc_model.model import Committee, Input, Member, Period, Sector
from cppcc_model.model.inputs import is_input_key
from cppcc_model.rules import Category, External, Item, Points, RuleSet, Where
from cppcc_model.rules.toml import RuleFileError, loads_rule_set
from cppcc_model.testing import strategies as cst
from cppcc_model.testing.codes import raises_code

GOOD = Path(__file__).parent / "data" / "datasets" / "good"
YEAR = Period.year(2024)


def _ledger(inputs: list[Input], members: tuple[str, ...] = ("a", "b")) -> Ledger:
    return Ledger(
        committee=Committee("c", "示例区政协", "county", "example.rule_language"),
        sectors=[Sector("s", "界别")],
        members=[Member(m, f"委员{m}", "s") for m in members],
        inputs=inputs,
    )


def _dataset(tmp_path: Path, name: str, text: str) -> Path:
    target = tmp_path / "ds"
    shutil.copytree(GOOD, target)
    (target / name).write_text(text, encoding="utf-8")
    return target


def test_the_inputs_table_is_read_with_chinese_headers(tmp_path: Path) -> None:
    path = _dataset(
        tmp_path,
        "评分录入.csv",
        "委员编号,期间,项目,分值,来源,备注\n"
        "m1,2023,employer_rating,8.5,所在单位,年度评价\n"
        "m2,2023-H1,单位评价,17/2,,\n",
    )
    ledger = load_dataset(path)
    first, second = ledger.inputs
    assert (first.subject_id, first.period, first.key, first.value) == (
        "m1",
        Period.year(2023),
        "employer_rating",
        Fraction(17, 2),
    )
    assert (first.source, first.note) == ("所在单位", "年度评价")
    assert second.period == Period.half(2023, 1)
    assert second.value == Fraction(17, 2)
    assert ledger.inputs_for("m1", Period.year(2023), "employer_rating") == (first,)
    assert ledger.inputs_for("m1", Period.quarter(2023, 1)) == ()


def test_bad_input_rows_are_all_reported_with_their_row(tmp_path: Path) -> None:
    path = _dataset(
        tmp_path,
        "inputs.csv",
        "subject_id,period,key,value\n"
        "m1,2023,employer_rating,8.5\n"
        "m1,2023,employer_rating,9\n"
        "nobody,2023,employer_rating,1\n"
        "m2,2023,employer_rating,eight\n"
        "m2,last year,employer_rating,8\n",
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    found = {(p.where.row, p.where.column) for p in caught.value.problems}
    assert found == {(3, "key"), (4, "subject_id"), (5, "value"), (6, "period")}
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "already given on row 2" in messages
    assert "'eight' is not an exact number" in messages


@pytest.mark.parametrize(
    ("suffix", "form", "headers"),
    [("", "csv", "zh"), (".xlsx", "xlsx", "en"), (".xlsx", "xlsx", "zh"), (".json", "json", "en")],
)
def test_inputs_survive_every_format(
    tmp_path: Path, suffix: str, form: Literal["csv", "xlsx", "json"], headers: Literal["en", "zh"]
) -> None:
    ledger = _ledger(
        [
            Input("a", YEAR, "employer_rating", "8.5", source="所在单位", note="良好"),
            Input("b", Period.quarter(2024, 3), "单位评价", Fraction(1, 3)),
        ]
    )
    target = tmp_path / f"out{suffix}"
    write_dataset(ledger, target, form, headers=headers)
    assert load_dataset(target).inputs == ledger.inputs


def test_a_spreadsheet_number_is_read_as_the_decimal_it_shows(tmp_path: Path) -> None:
    import openpyxl

    ledger = _ledger([Input("a", YEAR, "employer_rating", "1")])
    target = tmp_path / "book.xlsx"
    write_dataset(ledger, target, "xlsx")
    book = openpyxl.load_workbook(target)
    sheet = book["inputs"]
    sheet.cell(row=2, column=4).value = 8.1  # a float cell, as Excel stores a typed 8.1
    book.save(target)
    assert load_dataset(target).inputs[0].value == Fraction(81, 10)


def test_json_writes_values_exactly_and_refuses_floats() -> None:
    ledger = _ledger([Input("a", YEAR, "employer_rating", Fraction(1, 3))])
    text = dumps(ledger)
    assert '"value": "1/3"' in text
    assert '"period": "2024"' in text
    assert loads(text) == ledger
    with pytest.raises(DatasetError) as caught:
        loads(text.replace('"1/3"', "8.5"))
    assert "never a float" in str(caught.value)


def test_an_input_for_an_unknown_member_or_twice_is_an_integrity_problem() -> None:
    with pytest.raises(CppccError) as caught:
        _ledger([Input("z", YEAR, "k", 1), Input("a", YEAR, "k", 1), Input("a", YEAR, "k", 2)])
    text = str(caught.value)
    assert "the input names the 委员 'z'" in text
    assert "two inputs give 'k' for 'a'" in text


def _rule_set(missing: str) -> RuleSet:
    return RuleSet(
        jurisdiction="example.x",
        name="x",
        title="单位评价",
        effective_from="2024-01-01",
        categories=[
            Category(
                "eval",
                "评价",
                [
                    Item(
                        "eval.employer",
                        "所在单位评价",
                        Where("input"),
                        External("employer_rating", missing),
                        cap=10,
                        clause="第三条",
                    )
                ],
            )
        ],
    )


def test_the_error_policy_names_the_member_the_input_and_the_fix() -> None:
    ledger = _ledger([Input("a", YEAR, "employer_rating", 8)])
    with pytest.raises(CppccError) as caught:
        assess(ledger, _rule_set("error"), YEAR)
    error = caught.value
    assert "no 'employer_rating' was given for 2024" in error.message
    assert error.where is not None
    assert error.where.record_id == "b"
    assert error.where.clause == "第三条"
    assert error.hint is not None
    assert "评分录入" in error.hint


def test_the_zero_policy_counts_zero_and_says_so() -> None:
    card = assess(_ledger([]), _rule_set("zero"), YEAR).card("a")
    assert card.complete
    assert card.total == 0
    assert "counts 0" in card.line("eval.employer").adjustments[0].note


def test_an_input_outside_the_period_is_not_read() -> None:
    ledger = _ledger([Input("a", Period.year(2023), "employer_rating", 8)])
    card = assess(ledger, _rule_set("pending"), YEAR).card("a")
    assert not card.complete


def test_an_external_value_must_select_inputs() -> None:
    with raises_code(CppccError, "R213", value="proposal"):
        Item("x", "x", Where("proposal"), External("k"))


def test_missing_policies_are_checked() -> None:
    with raises_code(CppccError, "R207", value="later"):
        External("k", "later")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('missing = "pending"', 'missing = "later"', "'later' is not known"),
        ('value = { external = "employer_rating"', "value = { external = 3", "external must be"),
        ('given = { external = "platform_score"', 'given = { externa = "x"', "unknown key"),
    ],
)
def test_toml_input_errors_name_their_line(old: str, new: str, message: str) -> None:
    text = (Path(__file__).parent / "rule_language" / "example.toml").read_text("utf-8")
    assert old in text
    with pytest.raises(RuleFileError) as caught:
        loads_rule_set(text.replace(old, new, 1), source="example.toml")
    problem = caught.value.problems[0]
    assert problem.where.line is not None
    assert problem.where.key is not None
    assert message in f"{problem.message} {problem.where.key}"


@given(
    st.lists(st.booleans(), min_size=1, max_size=6),
    st.lists(cst.exact_values(), min_size=6, max_size=6),
)
def test_a_pending_card_never_gets_a_total_a_grade_or_a_place(
    has_rating: list[bool], values: list[Fraction]
) -> None:
    members = tuple(f"m{i}" for i in range(len(has_rating)))
    ledger = _ledger(
        [
            Input(m, YEAR, "employer_rating", values[i])
            for i, m in enumerate(members)
            if has_rating[i]
        ],
        members,
    )
    full = python_form()
    rule_set = attrs.evolve(
        full,
        categories=[c for c in full.categories if c.id == "evaluation"],
        dimensions=[],
        requirements=[],
        triggers=[],
    )
    assessment = assess(ledger, rule_set, YEAR)
    for i, card in enumerate(assessment.cards):
        assert card.complete is has_rating[i]
        if has_rating[i]:
            assert card.total == min(values[i], Fraction(10))
            assert card.line("evaluation.employer").given is not None
        else:
            assert card.grade is None
            assert card.to_dict()["total"] is None
            assert card.member_id in assessment.incomplete()
    assert set(assessment.totals()) == {m for i, m in enumerate(members) if has_rating[i]}


@given(cst.ledgers(max_members=5, max_records=6))
def test_every_given_input_of_the_period_is_on_the_card(ledger: Ledger) -> None:
    rule_set = RuleSet(
        jurisdiction="example.x",
        name="x",
        title="x",
        effective_from="2000-01-01",
        categories=[
            Category(
                "all",
                "全部录入",
                [Item("all.inputs", "录入", Where("input"), Points(1))],
            )
        ],
    )
    for year in sorted({i.period.start.year for i in ledger.inputs})[:2]:
        period = Period.year(year)
        for card in assess(ledger, rule_set, period).cards:
            expected = ledger.inputs_for(card.member_id, period)
            line = card.line("all.inputs")
            assert sorted(e.record_id for e in line.entries) == sorted(i.id for i in expected)
            assert line.points == len(expected)


_OLD_KEY = re.compile(r"[A-Za-z_\u4e00-\u9fff][\w.\-\u4e00-\u9fff]*")
"""The input-key pattern as one regular expression, which ``is_input_key`` must agree with."""


@given(st.text(st.sampled_from("aZ_.-1 中\u4e00\u9fff\u3400\u4dff\ua000éß\u0660Ａ\n"), max_size=5))
def test_an_input_key_is_what_the_one_pattern_allows(text: str) -> None:
    assert is_input_key(text) is (_OLD_KEY.fullmatch(text) is not None)
