"""Shandong's absence triggers: worked examples A, B and C of shared/reference/rules/shandong.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.rule_examples.shandong import JURISDICTION, build_rule_set

from cppcc_model.assess import ScoreCard, assess
from cppcc_model.errors import InvalidValueError
from cppcc_model.ledger import Ledger
from cppcc_model.model import Activity, Attendance, Member, Period, RoleSpell, Term
from cppcc_model.rules import RuleSet, RuleSetRegistry, Trigger, Where
from cppcc_model.testing.codes import raises_code
from cppcc_model.testing.conformance import conformance_problems

MakeLedger = Callable[..., Ledger]
TERM = Term(number=11, start=dt.date(2013, 1, 20), end=dt.date(2018, 1, 19))
YEARS = (2013, 2014, 2015, 2016, 2017)  # years 1–5 of the term


def _standing(member_id: str, name: str) -> Member:
    return Member(member_id, name, "s", roles=[RoleSpell("standing_member", TERM.start)])


def _meetings(
    member_id: str, kind: str, statuses_by_year: dict[int, list[str]], *, month: int = 3
) -> list[Activity]:
    """One meeting per status, each on its own day of ``month`` of its year."""
    return [
        Activity(
            f"{kind}-{year}-{n}",
            kind,
            f"{year}年第{n + 1}次",
            dt.date(year, month + n, 10),
            attendance=[Attendance(member_id, status)],
        )
        for year, statuses in statuses_by_year.items()
        for n, status in enumerate(statuses)
    ]


def _card(
    ledger: Ledger, member_id: str, period: Period, rule_set: RuleSet | None = None
) -> ScoreCard:
    return assess(ledger, rule_set or build_rule_set(), period).card(member_id)


def _flags(card: ScoreCard) -> list[str]:
    return sorted(flag.trigger_id for flag in card.flags)


def _count(ledger: Ledger, member_id: str, year: int, window: str, kind: str) -> int:
    """How many absences a trigger at this window sees (a probe with a threshold of 1)."""
    probe = RuleSet(
        jurisdiction="probe",
        name="probe",
        title="probe",
        effective_from=TERM.start,
        categories=[],
        triggers=[
            Trigger(
                "probe",
                "probe",
                [Where("attendance", kinds=[kind], statuses=["unexcused"])],
                at_least=1,
                consequence="advisory",
                window=window,
            )
        ],
    )
    flags = _card(ledger, member_id, Period.year(year), probe).flags
    return len(flags[0].records) if flags else 0


# --- Example A: the yearly trigger ---------------------------------------------------------


@pytest.fixture
def zhang(make_ledger: MakeLedger) -> Ledger:
    """Standing member Zhang misses 3 standing-committee meetings in year 2 (2014)."""
    activities = _meetings(
        "zhang",
        "常委会议",
        {2013: ["出席", "出席"], 2014: ["无故缺席", "无故缺席", "无故缺席", "出席"]},
    )
    return make_ledger(
        [_standing("zhang", "张")], jurisdiction=JURISDICTION, terms=[TERM], activities=activities
    )


def test_example_a_three_absences_in_a_year_ask_a_standing_member_to_resign(zhang: Ledger) -> None:
    card = _card(zhang, "zhang", Period.year(2014))
    assert _flags(card) == ["standing.year"]
    (flag,) = card.flags
    assert flag.consequence == "resign"
    assert flag.records == ("常委会议-2014-0", "常委会议-2014-1", "常委会议-2014-2")
    assert flag.reason.startswith("3 ≥ 3")
    assert _flags(_card(zhang, "zhang", Period.year(2013))) == []


def test_example_a_the_flag_is_raised_on_the_day_of_the_third_absence(zhang: Ledger) -> None:
    third = dt.date(2014, 5, 10)
    assert _flags(_card(zhang, "zhang", Period(dt.date(2014, 1, 1), third))) == ["standing.year"]
    before = Period(dt.date(2014, 1, 1), third - dt.timedelta(days=1))
    assert _flags(_card(zhang, "zhang", before)) == []


def test_the_standing_triggers_apply_to_standing_members_only(
    zhang: Ledger, make_ledger: MakeLedger
) -> None:
    ordinary = make_ledger(
        [Member("zhang", "张", "s")],
        jurisdiction=JURISDICTION,
        terms=[TERM],
        activities=zhang.activities,
    )
    assert _flags(_card(ordinary, "zhang", Period.year(2014))) == []


# --- Example B: the term trigger without any yearly trigger --------------------------------


@pytest.fixture
def liu(make_ledger: MakeLedger) -> Ledger:
    """Standing member Liu: absences by year of term 2, 2, 2, 1, each year also one attended."""
    absences = {2013: 2, 2014: 2, 2015: 2, 2016: 1}
    activities = _meetings(
        "liu", "常委会议", {year: ["无故缺席"] * n + ["出席"] for year, n in absences.items()}
    )
    return make_ledger(
        [_standing("liu", "刘")], jurisdiction=JURISDICTION, terms=[TERM], activities=activities
    )


def test_example_b_no_single_year_reaches_three(liu: Ledger) -> None:
    yearly = [_count(liu, "liu", year, "period", "常委会议") for year in YEARS[:4]]
    assert yearly == [2, 2, 2, 1]


def test_example_b_the_running_total_reaches_seven_in_year_four(liu: Ledger) -> None:
    running = [_count(liu, "liu", year, "term", "常委会议") for year in YEARS[:4]]
    assert running == [2, 4, 6, 7]
    flags_by_year = [_flags(_card(liu, "liu", Period.year(year))) for year in YEARS[:4]]
    assert flags_by_year == [[], [], [], ["standing.term"]]
    (flag,) = _card(liu, "liu", Period.year(2016)).flags
    assert flag.consequence == "resign"
    assert len(flag.records) == 7
    assert flag.reason == "7 ≥ 7 in 2013-01-20..2016-12-31"


def test_a_term_trigger_needs_the_term_in_the_ledger(liu: Ledger) -> None:
    import attrs

    without_terms = attrs.evolve(liu, terms=())
    with raises_code(InvalidValueError, "S008", value="2016-12-31"):
        assess(without_terms, build_rule_set(), Period.year(2016))


# --- Example C: plenary absences across the term, and the excused-leave setting ------------


def _sun(make_ledger: MakeLedger, year_3_status: str) -> Ledger:
    statuses = {
        2013: ["无故缺席"],
        2014: ["出席"],
        2015: [year_3_status],
        2016: ["出席"],
        2017: ["无故缺席"],
    }
    activities = _meetings("sun", "全体会议", statuses, month=2)
    return make_ledger(
        [Member("sun", "孙", "s")], jurisdiction=JURISDICTION, terms=[TERM], activities=activities
    )


@pytest.mark.parametrize("count_excused", [False, True])
def test_example_c_a_third_plenary_absence_in_year_five_asks_a_member_to_resign(
    make_ledger: MakeLedger, count_excused: bool
) -> None:
    ledger = _sun(make_ledger, "无故缺席")
    rule_set = build_rule_set(count_excused=count_excused)
    assert [_count(ledger, "sun", year, "term", "全体会议") for year in YEARS] == [1, 1, 2, 2, 3]
    assert _flags(_card(ledger, "sun", Period.year(2015), rule_set)) == []
    card = _card(ledger, "sun", Period.year(2017), rule_set)
    assert _flags(card) == ["member.plenary"]
    assert card.flags[0].consequence == "resign"
    assert len(card.flags[0].records) == 3


def test_example_c_with_one_absence_on_approved_leave_the_setting_decides(
    make_ledger: MakeLedger,
) -> None:
    ledger = _sun(make_ledger, "请假")
    year_5 = Period.year(2017)
    assert _flags(_card(ledger, "sun", year_5)) == []  # leave not counted (default): 2
    counted = build_rule_set(count_excused=True)
    assert counted.options == {"count_excused": True}
    card = _card(ledger, "sun", year_5, counted)
    assert _flags(card) == ["member.plenary"]
    assert len(card.flags[0].records) == 3


# --- the rule set as a whole ------------------------------------------------------------------


def test_the_rule_set_is_found_by_jurisdiction_and_date_and_rereads_its_setting() -> None:
    registry = RuleSetRegistry()
    registry.add(build_rule_set())
    found = registry.resolve(JURISDICTION, dt.date(2016, 12, 31))
    assert found.name == "shandong-duties"
    assert found.options == {"count_excused": False}
    assert found.with_options(count_excused=True).options == {"count_excused": True}


def test_the_examples_conform(zhang: Ledger, liu: Ledger, make_ledger: MakeLedger) -> None:
    for ledger in (zhang, liu, _sun(make_ledger, "请假")):
        for year in YEARS:
            assert conformance_problems(build_rule_set(), ledger, Period.year(year)) == []


@settings(max_examples=40, deadline=None)
@given(
    absences=st.lists(st.integers(min_value=0, max_value=4), min_size=5, max_size=5),
    excused=st.lists(st.integers(min_value=0, max_value=2), min_size=5, max_size=5),
)
def test_flags_follow_the_yearly_and_running_counts(
    make_ledger: MakeLedger, absences: list[int], excused: list[int]
) -> None:
    statuses = {
        year: ["无故缺席"] * n + ["请假"] * e
        for year, n, e in zip(YEARS, absences, excused, strict=True)
    }
    ledger = make_ledger(
        [_standing("m", "某")],
        jurisdiction=JURISDICTION,
        terms=[TERM],
        activities=_meetings("m", "常委会议", statuses, month=2),
    )
    running = 0
    for year, count in zip(YEARS, absences, strict=True):
        running += count
        expected = []
        if running >= 7:
            expected.append("standing.term")
        if count >= 3:
            expected.append("standing.year")
        assert _flags(_card(ledger, "m", Period.year(year))) == expected
