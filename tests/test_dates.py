"""Dates, one way: cells, the command line and the API read a day or a period alike."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.catalogue import code_of
from cppcc_model.cli import cli
from cppcc_model.dates import parse_day, parse_span
from cppcc_model.errors import InvalidValueError
from cppcc_model.io._tables_cells import CellError, read_cell
from cppcc_model.io._tables_schema import CellKind, Column
from cppcc_model.model import Period
from cppcc_model.model.periods import parse_date
from cppcc_model.testing.codes import raises_code

days = st.dates(min_value=dt.date(1949, 10, 1), max_value=dt.date(2999, 12, 31))
LIUJIANG = Path(__file__).resolve().parents[1] / "examples" / "liujiang" / "dataset"


def _forms(day: dt.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [
        day.isoformat(),
        f"{y}-{m}-{d}",
        f"{y}/{m}/{d}",
        f"{y}.{m:02d}.{d}",
        f"{y}年{m}月{d}日",
        f"{y} 年 {m} 月 {d}",
        f"{y}{m:02d}{d:02d}",
        day.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
    ]


@given(days)
def test_every_form_of_a_day_is_read_the_same_by_the_api_the_cells_and_periods(
    day: dt.date,
) -> None:
    column = Column("on", "日期", CellKind.DATE)
    for text in _forms(day):
        assert parse_day(text) == day
        assert parse_date(text) == day
        assert read_cell(text, column) == day
        assert Period.parse(f"{text}..{text}") == Period(day, day)


@given(st.integers(1949, 2999), st.integers(1, 12), st.integers(1, 12))
def test_months_are_whole_months_in_a_period(year: int, first: int, last: int) -> None:
    first, last = min(first, last), max(first, last)
    period = Period.parse(f"{year}-{first:02d}..{year}-{last}")
    assert period.start == dt.date(year, first, 1)
    following = dt.date(year + (last == 12), last % 12 + 1, 1)
    assert period.end == following - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2022-01..2022-06", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
        ("2022-02", dt.date(2022, 2, 1), dt.date(2022, 2, 28)),
        ("2024年2月", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2022-Q1..2022-Q2", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
        ("2022年第三季度", dt.date(2022, 7, 1), dt.date(2022, 9, 30)),
        ("2022年下半年", dt.date(2022, 7, 1), dt.date(2022, 12, 31)),
        ("2021..2022", dt.date(2021, 1, 1), dt.date(2022, 12, 31)),
        ("2022-6-30 至 2022-12", dt.date(2022, 6, 30), dt.date(2022, 12, 31)),
        ("2022/6", dt.date(2022, 6, 1), dt.date(2022, 6, 30)),
        ("2022-01-08..2022-06-15", dt.date(2022, 1, 8), dt.date(2022, 6, 15)),
    ],
)
def test_periods(text: str, start: dt.date, end: dt.date) -> None:
    assert Period.parse(text) == Period(start, end)
    assert parse_span(re.split(r"\.\.|至", text)[0])[0] == start


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2022-06", "V206"),  # a month, quarter or year, not a day
        ("06/30/2022", "V203"),  # ambiguous: the order of day and month
        ("30.06.2022", "V203"),
        ("22-6-30", "V204"),  # ambiguous: a two-digit year
        ("2022-02-29", "V202"),  # not a day of the calendar
        ("2022-6-31x", "V201"),  # cannot read
    ],
)
def test_a_day_is_never_guessed(text: str, code: str) -> None:
    with raises_code(InvalidValueError, code, value=text) as raised:
        parse_day(text)
    assert raised.value.hint
    with pytest.raises(CellError) as cell:
        read_cell(text, Column("on", "日期", CellKind.DATE))
    assert code_of(cell.value.message) == code  # a cell's error becomes a located Problem


@given(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99))
def test_an_iso_day_reads_as_pendulum_reads_it(year: int, month: int, day: int) -> None:
    """``2022-06-30`` is read without pendulum; it means what pendulum's ``YYYY-M-D`` reads."""
    import pendulum

    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        expected = pendulum.from_format(text, "YYYY-M-D").date()
    except ValueError:
        with raises_code(InvalidValueError, "V202", value=text):  # not a day of the calendar
            parse_day(text)
    else:
        assert parse_day(text) == expected
        assert parse_span(text) == (expected, expected)


@pytest.mark.installed_plugins
def test_the_command_line_reads_months_as_whole_months() -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "rank",
            str(LIUJIANG),
            "--rules",
            "tongcheng",
            "--period",
            "2022-01..2022-06",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["period"] == "2022-01-01..2022-06-30"
    as_of = runner.invoke(
        cli, ["rank", str(LIUJIANG), "--rules", "tongcheng", "--as-of", "2022-6-30", "-f", "json"]
    )
    assert as_of.exit_code == 0, as_of.output
    assert json.loads(as_of.stdout)["as_of"] == "2022-06-30"
    refused = runner.invoke(cli, ["rank", str(LIUJIANG), "--as-of", "2022-06"])
    assert refused.exit_code == 2
    assert "not a day" in refused.stderr
