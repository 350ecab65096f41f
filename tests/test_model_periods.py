"""Periods, terms, sessions and date parsing."""

from __future__ import annotations

import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.errors import InvalidValueError
from cppcc_model.model import Period, Session, Term, parse_date
from cppcc_model.testing import strategies as cst
from cppcc_model.testing.codes import raises_code

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2022", D(2022, 1, 1), D(2022, 12, 31)),
        (" 2022 ", D(2022, 1, 1), D(2022, 12, 31)),
        ("2022-Q1", D(2022, 1, 1), D(2022, 3, 31)),
        ("2022q2", D(2022, 4, 1), D(2022, 6, 30)),
        ("2022-Q3", D(2022, 7, 1), D(2022, 9, 30)),
        ("2022-Q4", D(2022, 10, 1), D(2022, 12, 31)),
        ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
        ("2022-H1", D(2022, 1, 1), D(2022, 6, 30)),
        ("2022h2", D(2022, 7, 1), D(2022, 12, 31)),
        ("2022-03-01..2022-05-31", D(2022, 3, 1), D(2022, 5, 31)),
        ("2022年3月1日至2022年5月31日", D(2022, 3, 1), D(2022, 5, 31)),
        ("2022-03-01~2022-03-01", D(2022, 3, 1), D(2022, 3, 1)),
    ],
)
def test_parse_period(text: str, start: dt.date, end: dt.date) -> None:
    assert Period.parse(text) == Period(start, end)


@pytest.mark.parametrize("text", ["", "22", "2022-Q5", "2022-H3", "last year", "2022-05-01..x"])
def test_unreadable_periods(text: str) -> None:
    with pytest.raises(InvalidValueError):
        Period.parse(text)


def test_period_end_before_start() -> None:
    with raises_code(InvalidValueError, "V211", value="2022-04-30"):
        Period(D(2022, 5, 1), D(2022, 4, 30))


@pytest.mark.parametrize("bad", ["2022-01-01", dt.datetime(2022, 1, 1), None, 20220101])
def test_period_needs_dates(bad: object) -> None:
    with pytest.raises(InvalidValueError):
        Period(bad, D(2022, 12, 31))  # type: ignore[arg-type]


@given(st.integers(1900, 2100))
def test_year_halves_and_quarters_tile_the_year(year: int) -> None:
    whole = Period.year(year)
    halves = [Period.half(year, h) for h in (1, 2)]
    quarters = [Period.quarter(year, q) for q in (1, 2, 3, 4)]
    for parts in (halves, quarters):
        assert parts[0].start == whole.start
        assert parts[-1].end == whole.end
        assert sum(part.days for part in parts) == whole.days
        for before, after in itertools.pairwise(parts):
            assert after.start - before.end == dt.timedelta(days=1)
            assert not before.overlaps(after)
    assert whole.days in (365, 366)
    assert Period.parse(str(year)) == whole
    assert Period.parse(f"{year}-Q2") == quarters[1]
    assert Period.parse(f"{year}-H2") == halves[1]


@pytest.mark.parametrize(
    ("maker", "bad"), [(Period.quarter, 0), (Period.quarter, 5), (Period.half, 3)]
)
def test_parts_that_do_not_exist(maker: object, bad: int) -> None:
    with pytest.raises(InvalidValueError):
        maker(2022, bad)  # type: ignore[operator]


@given(cst.periods(), cst.dates())
def test_contains_matches_comparison(period: Period, day: dt.date) -> None:
    assert (day in period) == (period.start <= day <= period.end) == period.contains(day)
    assert period.start in period
    assert period.end in period
    assert "2022-01-01" not in period


@given(cst.periods(), cst.periods())
def test_overlap_is_symmetric_and_matches_shared_days(first: Period, second: Period) -> None:
    shared = max(first.start, second.start) <= min(first.end, second.end)
    assert first.overlaps(second) == second.overlaps(first) == shared
    assert first.overlaps(first)


@given(cst.periods())
def test_days_string_and_interval(period: Period) -> None:
    assert period.days == (period.end - period.start).days + 1 >= 1
    assert Period.parse(str(period)) == period
    interval = period.to_interval()
    assert isinstance(interval, pendulum.Interval)
    assert interval.start == period.start
    assert interval.end == period.end
    assert interval.in_days() == period.days - 1


@given(cst.periods(), cst.periods())
def test_periods_are_ordered_by_start_then_end(first: Period, second: Period) -> None:
    assert (first < second) == ((first.start, first.end) < (second.start, second.end))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2022-05-03", D(2022, 5, 3)),
        (" 2022/5/3 ", D(2022, 5, 3)),
        ("2022.5.3", D(2022, 5, 3)),
        ("2022年5月3日", D(2022, 5, 3)),
        ("2022 年 5 月 3", D(2022, 5, 3)),
        ("20220503", D(2022, 5, 3)),
    ],
)
def test_parse_date(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "V201"),
        ("2022-02-30", "V202"),
        ("五月三日", "V201"),
        ("2022-13-01", "V202"),
        ("yesterday", "V201"),
    ],
)
def test_unreadable_dates(text: str, code: str) -> None:
    # V201: not read as a date at all; V202: read, but not a day of the calendar
    with raises_code(InvalidValueError, code, value=text):
        parse_date(text)


@given(cst.dates())
def test_parse_date_reads_iso_and_chinese_forms(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day


def test_term_and_session_labels_and_ids() -> None:
    term = Term(number=5, start=D(2021, 12, 1))
    assert (term.id, term.label) == ("5", "第5届")
    assert term.period(D(2023, 12, 31)) == Period(D(2021, 12, 1), D(2023, 12, 31))
    closed = Term(number=4, start=D(2016, 12, 1), end=D(2021, 11, 30))
    assert closed.period(D(2030, 1, 1)).end == D(2021, 11, 30)
    session = Session(term=5, number=4, start=D(2024, 1, 3), end=D(2024, 1, 5), kind="全會")
    assert (session.id, session.label) == ("5-4", "第5届第4次会议")
    assert session.period.days == 3


@pytest.mark.parametrize(
    "kwargs",
    [
        {"number": 0, "start": D(2021, 1, 1)},
        {"number": True, "start": D(2021, 1, 1)},
        {"number": 5.0, "start": D(2021, 1, 1)},
        {"number": "5", "start": D(2021, 1, 1)},
        {"number": 5, "start": "2021-01-01"},
        {"number": 5, "start": D(2021, 1, 1), "end": D(2020, 12, 31)},
    ],
)
def test_invalid_terms(kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidValueError):
        Term(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"term": 0, "number": 1},
        {"term": 5, "number": -1},
        {"term": 5, "number": False},
        {"term": 5, "number": 1, "end": D(2024, 1, 2)},
        {"term": 5, "number": 1, "kind": "闭幕式"},
    ],
)
def test_invalid_sessions(kwargs: dict[str, object]) -> None:
    values: dict[str, object] = {"start": D(2024, 1, 3), "end": D(2024, 1, 5), **kwargs}
    with pytest.raises(InvalidValueError):
        Session(**values)  # type: ignore[arg-type]
