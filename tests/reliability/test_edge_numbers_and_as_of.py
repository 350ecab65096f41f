"""Numbers at the edge (huge values and caps, negative caps, a pool naming a category twice)
and as-of honesty (records dated after the as-of day are not credited, by either engine).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from _ledgers import D, ledger, meeting, member, proposal
from cppcc_model.assess import assess
from cppcc_model.cli import cli
from cppcc_model.errors import InvalidValueError
from cppcc_model.io.dataset import write_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.numbers import MAX_MAGNITUDE, RoundingPolicy, exact
from cppcc_model.rules import Category, Item, Points, Pool, RuleSet, Settings, Where
from cppcc_model.rules.toml import RuleFileError, load_rule_set
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.strategies import ledgers
from reliability._support import CORPUS, fuzz

BASE = (CORPUS / "toml" / "toml_base_loads.toml").read_text(encoding="utf-8")

# ---------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "value",
    [10**100, "1e100", "1E+100", 10**5000, "100000000000000000000", Fraction(1, 10**30)],
    ids=["10**100", "1e100", "1E+100", "10**5000", "1e20-digits", "1/10**30"],
)
def test_huge_values_are_a_clear_error_never_invalid_operation(value: object) -> None:
    with raises_code(InvalidValueError, "V301"):
        exact(value)


@fuzz(200)
@given(st.integers() | st.fractions())
def test_every_exact_value_can_be_presented(value: int | Fraction) -> None:
    try:
        points = exact(value)
    except InvalidValueError:
        assert abs(value) > MAX_MAGNITUDE or Fraction(value).denominator > MAX_MAGNITUDE
        return
    for places in (0, 2, 10):
        RoundingPolicy(places=places).present(points)  # never decimal.InvalidOperation


def test_presenting_a_huge_total_is_a_clear_error() -> None:
    with raises_code(InvalidValueError, "V311", value="a number of about 101 digits"):
        RoundingPolicy().present(Fraction(10**100))
    with raises_code(InvalidValueError, "V311", value="a number of about 5,001 digits/…"):
        RoundingPolicy().present(Fraction(-(10**5000), 3))


def _toml_with(tmp_path: Path, old: str, new: str) -> Path:
    assert old in BASE
    path = tmp_path / "rules.toml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("cap = 25", 'cap = "1e100"', "V301"),  # too large
        ("cap = 25", "cap = 1" + "0" * 100, "V301"),
        ("cap = 25", "cap = -5", "R210"),  # negative
        ('"立案" = 15', '"立案" = "1e100"', "V301"),
    ],
)
def test_a_rule_file_with_an_edge_number_is_located(
    tmp_path: Path, old: str, new: str, code: str
) -> None:
    path = _toml_with(tmp_path, old, new)
    with pytest.raises(RuleFileError) as caught:
        load_rule_set(path)
    (problem,) = caught.value.problems
    assert problem.code == code
    assert problem.where.file == str(path)
    assert problem.where.line is not None


def test_a_pool_listing_a_category_twice_is_refused_in_a_rule_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        BASE
        + '\n[[pools]]\nid = "bonus"\nlabel = "加分"\ncategories = ["proposals", "proposals"]\n'
        "cap = 10\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as caught:
        load_rule_set(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.value) == ("R211", "proposals")  # lists it twice
    assert problem.where.line is not None


def test_negative_caps_and_repeated_pool_categories_are_refused_in_code() -> None:
    with raises_code(InvalidValueError, "R210", value="-1"):
        Item("x", "x", Where("proposal"), Points(1), cap=-1)
    with raises_code(InvalidValueError, "R210", value="-1/2"):
        Category("c", "c", [], cap="-1/2")
    with raises_code(InvalidValueError, "R210", value="-3"):
        Pool("p", "p", ["a"], cap=-3)
    with raises_code(InvalidValueError, "R211", value="a"):
        Pool("p", "p", ["a", "b", "a"], cap=3)
    assert Item("x", "x", Where("proposal"), Points(1), cap=0).cap == 0


def test_validate_and_score_name_the_rule_file_line(tmp_path: Path) -> None:
    rules = _toml_with(tmp_path, "cap = 25", 'cap = "1e100"')
    data = tmp_path / "d.json"
    write_dataset(ledger([member("a")], proposals=[proposal("p1", "a")]), data, format="json")
    result = CliRunner().invoke(cli, ["score", str(data), "--rules", str(rules), "--year", "2022"])
    assert result.exit_code == 2, result.output
    assert "rules.toml" in result.output
    assert "line" in result.output
    assert "InvalidOperation" not in result.output


# ---------------------------------------------------------------------- as-of honesty


def _rule_set() -> RuleSet:
    return RuleSet(
        jurisdiction="test.asof",
        name="asof-2022",
        title="as-of",
        effective_from=dt.date(2020, 1, 1),
        categories=[
            Category(
                "all",
                "全部",
                [
                    Item("meetings", "会议", Where("attendance"), Points(1)),
                    Item("proposals", "提案", Where("proposal"), Points(10)),
                ],
            )
        ],
    )


def _as_of_ledger() -> object:
    return ledger(
        [member("a")],
        activities=[
            meeting("early", "plenary", D(2022, 1, 5), ("a", "present")),
            meeting("late", "plenary", D(2022, 4, 19), ("a", "present")),
        ],
        proposals=[
            proposal("p-early", "a", on=D(2022, 1, 3)),
            proposal("p-late", "a", on=D(2022, 3, 1)),
        ],
    )


ENGINES = pytest.mark.parametrize("engine", ["reference", "columnar"])


@ENGINES
def test_records_dated_after_the_as_of_day_are_not_credited(engine: str) -> None:
    the_ledger = _as_of_ledger()
    rule_set = _rule_set()
    year = Period.year(2022)
    result = assess(the_ledger, rule_set, year, as_of=D(2022, 1, 9), engine=engine)  # type: ignore[arg-type]
    assert result.totals() == {"a": 1 + 10}
    assert result.category_points() == {"a": {"all": 1 + 10}}
    card = result.card("a")
    credited = {e.record_id for c in card.categories for line in c.lines for e in line.entries}
    assert credited == {"early", "p-early"}
    assert card.total == 1 + 10
    full = assess(the_ledger, rule_set, year, engine=engine)  # type: ignore[arg-type]
    assert full.totals() == {"a": 2 + 20}
    assert full.card("a").total == 2 + 20


def _every_source() -> RuleSet:
    """One point per credited record of every kind, so every dated record shows in a total."""
    return RuleSet(
        jurisdiction="test.asof",
        name="asof-every-source",
        title="as-of, every source",
        effective_from=dt.date(2000, 1, 1),
        categories=[
            Category(
                source,
                source,
                [Item(f"{source}.each", source, Where(source), Points(1))],
            )
            for source in ("attendance", "proposal", "info_report", "contribution")
        ],
        settings=Settings(assess_members_not_serving=True),
    )


def _record_days(data: Ledger) -> list[dt.date]:
    return sorted(
        {a.start for a in data.activities}
        | {p.submitted_on for p in data.proposals}
        | {r.submitted_on for r in data.info_reports}
        | {c.on for c in data.contributions}
    )


@fuzz(40)
@given(ledgers(min_members=1, max_members=4, max_records=8), st.data())
def test_both_engines_credit_nothing_dated_after_the_as_of_day(
    data: Ledger, choose: st.DataObject
) -> None:
    """As of a record's day, the day before it or any day: the engines agree, record by record."""
    days = _record_days(data)
    period = Period(dt.date(2000, 1, 1), dt.date(2035, 12, 31))
    near = [d + dt.timedelta(days=k) for d in days for k in (-1, 0)]
    as_of = choose.draw(
        st.sampled_from(near) if near else st.dates(period.start, period.end), label="as_of"
    )
    rule_set = _every_source()
    reference = assess(data, rule_set, period, as_of=as_of, engine="reference")
    columnar = assess(data, rule_set, period, as_of=as_of, engine="columnar")
    assert columnar.totals() == reference.totals()
    assert columnar.category_points() == reference.category_points()
    for card in reference.cards:
        for category in card.categories:
            for line in category.lines:
                for entry in line.entries:
                    assert entry.on <= as_of


@fuzz(60)
@given(st.dates(dt.date(2021, 12, 1), dt.date(2023, 1, 31)))
def test_no_credited_record_is_dated_after_the_as_of_day(as_of: dt.date) -> None:
    card = assess(_as_of_ledger(), _rule_set(), Period.year(2022), as_of=as_of).card("a")  # type: ignore[arg-type]
    for category in card.categories:
        for line in category.lines:
            for entry in line.entries:
                assert entry.on <= as_of


def test_the_command_reads_records_as_of_the_day(tmp_path: Path) -> None:
    from cppcc_model.plugins import load_plugins

    class Plugin:
        from cppcc_model.hookspecs import hookimpl

        @hookimpl
        def cppcc_register_rule_sets(self, register: object) -> None:
            register(_rule_set())  # type: ignore[operator]

    data = tmp_path / "d.json"
    write_dataset(_as_of_ledger(), data, format="json")  # type: ignore[arg-type]
    result = CliRunner().invoke(
        cli,
        ["score", str(data), "--rules", "asof-2022", "--year", "2022", "--as-of", "2022-01-09"],
        obj=lambda strict: load_plugins([("asof", Plugin())], entry_points=False, strict=strict),
    )
    assert result.exit_code == 0, result.output
    assert "11.00" in result.output
    assert "22.00" not in result.output
