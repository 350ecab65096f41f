"""Deadlines: months after assignment, extension cap, working days, overdue as of a date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.errors import InvalidValueError
from cppcc_model.model import HandlingUnit, Proposal
from cppcc_model.proposals import (
    CalendarRangeError,
    DeadlineRules,
    LifecycleRules,
    add_months,
    add_working_days,
    advance,
    is_overdue,
    is_working_day,
    overdue_as_of,
    replay,
    reply_due,
    working_days_between,
)
from cppcc_model.proposals.deadlines import calendar_range
from cppcc_model.testing.codes import raises_code

D = dt.date


def assigned(pid: str, on: dt.date, rules: LifecycleRules | None = None) -> Proposal:
    p = Proposal(
        id=pid,
        subject="案由",
        submitted_on=on - dt.timedelta(days=30),
        proposer_kind="individual",
        member_ids=("m1",),
    )
    r = rules or LifecycleRules()
    p = advance(p, "filed", on - dt.timedelta(days=10), r, case_number="1")
    return advance(p, "assigned", on, r, units=(HandlingUnit("区教育局"),))


def test_months_clamp_at_month_end() -> None:
    assert add_months(D(2022, 1, 31), 1) == D(2022, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2022, 11, 30), 3) == D(2023, 2, 28)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)),
    st.integers(-1200, 1200),
)
def test_months_are_added_as_pendulum_adds_them(day: dt.date, months: int) -> None:
    import pendulum

    moved = pendulum.Date(day.year, day.month, day.day).add(months=months)
    assert add_months(day, months) == dt.date(moved.year, moved.month, moved.day)


def test_default_reply_due_three_months_and_extension_to_six() -> None:
    rules = DeadlineRules()
    assert rules.reply_due(D(2022, 2, 25)) == D(2022, 5, 25)
    assert rules.reply_due(D(2022, 2, 25), extended=True) == D(2022, 8, 25)
    p = assigned("p", D(2022, 2, 25))
    assert reply_due(p, D(2022, 3, 1)) == D(2022, 5, 25)
    extended = advance(p, "extended", D(2022, 5, 10))
    assert reply_due(extended, D(2022, 5, 10)) == D(2022, 8, 25)
    assert reply_due(extended, D(2022, 5, 9)) == D(2022, 5, 25)  # as it stood that day


def test_rules_are_configurable_and_checked() -> None:
    rules = LifecycleRules(deadlines=DeadlineRules(reply_months=4, max_months=4))
    p = assigned("p", D(2022, 2, 25), rules)
    assert reply_due(p, D(2022, 3, 1), rules) == D(2022, 6, 25)
    with pytest.raises(InvalidValueError):
        DeadlineRules(reply_months=3, max_months=2)
    with pytest.raises(InvalidValueError):
        DeadlineRules(reply_months=0)


def test_overdue_as_of_a_date() -> None:
    late = assigned("late", D(2022, 2, 25))
    on_time = advance(assigned("ok", D(2022, 2, 25)), "replied", D(2022, 5, 25), reply="A")
    replied_late = advance(assigned("slow", D(2022, 2, 25)), "replied", D(2022, 6, 1), reply="B")
    assert not is_overdue(late, D(2022, 5, 25))
    assert is_overdue(late, D(2022, 5, 26))
    assert not is_overdue(on_time, D(2022, 12, 31))
    assert is_overdue(replied_late, D(2022, 5, 30))  # on 30 May it was still owed
    assert not is_overdue(replied_late, D(2022, 6, 1))
    found = overdue_as_of([on_time, replied_late, late], D(2022, 5, 30))
    assert [(o.proposal_id, o.due, o.days_late) for o in found] == [
        ("late", D(2022, 5, 25), 5),
        ("slow", D(2022, 5, 25), 5),
    ]
    assert not replay(replied_late).replied_on_time
    assert replay(on_time).replied_on_time


def test_working_days_follow_the_official_calendar() -> None:
    assert is_working_day(D(2022, 1, 29))  # Saturday, make-up working day (调休)
    assert not is_working_day(D(2022, 2, 1))  # Spring Festival
    assert not is_working_day(D(2022, 10, 3))  # National Day
    assert add_working_days(D(2022, 1, 28), 3) == D(2022, 2, 7)
    assert working_days_between(D(2022, 1, 28), D(2022, 2, 7)) == 3
    assert add_working_days(D(2022, 5, 6), 0) == D(2022, 5, 6)


def test_outside_the_calendar_is_an_explicit_error() -> None:
    first, last = calendar_range()
    with raises_code(CalendarRangeError, "I115", value="2003-12-31"):
        is_working_day(first - dt.timedelta(days=1))
    with pytest.raises(CalendarRangeError):
        add_working_days(last - dt.timedelta(days=3), 10)


@given(
    st.dates(min_value=D(2005, 1, 1), max_value=D(2025, 6, 30)),
    st.integers(min_value=0, max_value=40),
)
def test_working_days_round_trip(start: dt.date, days: int) -> None:
    end = add_working_days(start, days)
    assert working_days_between(start, end) == days
    assert end >= start
    if days:
        assert is_working_day(end)
