"""Results as data frames (polars, pandas, Arrow), exact to the last digit."""

from __future__ import annotations

import decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.assess import assess
from cppcc_model.assess.award_selection import select_awards
from cppcc_model.attendance import AttendanceCounts, AttendanceStats, attendance_statistics_by
from cppcc_model.errors import InvalidValueError
from cppcc_model.io.dataset import load_dataset
from cppcc_model.io.frames import result_frames, rows_frame, statistics_frame
from cppcc_model.io.results import result_tables
from cppcc_model.model import Period
from cppcc_model.plugins import load_plugins
from cppcc_model.proposals.statistics import proposal_statistics_by

pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"
YEAR = Period.year(2022)


@cache
def scored() -> tuple[Any, Any, list[Any]]:
    ledger = load_dataset(XIANGZHOU)
    plugins = load_plugins(allow=["xiangzhou"], entry_points=True)
    rules = plugins.rule_sets.resolve("xiangzhou", YEAR.end)
    assessment = assess(ledger, rules, YEAR)
    awards = select_awards(ledger, rules, YEAR, assessment=assessment, rule_sets=plugins.rule_sets)
    return ledger, assessment, awards


def test_polars_frames_hold_every_result_row_with_exact_values() -> None:
    ledger, assessment, awards = scored()
    frames = result_frames(assessment, ledger, awards=awards)
    expected = result_tables(assessment, ledger, awards=awards)
    assert set(frames) == {"score_cards", "score_lines", "rankings", "awards"}
    for name, rows in expected.items():
        frame = frames[name]
        assert frame.height == len(rows), name
        for got, want in zip(frame.to_dicts(), rows, strict=True):
            for column, value in want.items():
                if column.startswith("display_"):
                    assert got[column] == decimal.Decimal(value), (name, column)
                else:
                    assert got[column] == value, (name, column)
    cards = frames["score_cards"]
    assert cards.schema["display_total"] == pl.Decimal(38, assessment.rule_set.rounding.places)
    assert cards.schema["period_start"] == pl.Date
    for row in cards.iter_rows(named=True):
        exact = Fraction(row["total_numerator"], row["total_denominator"])
        assert exact == assessment.card(row["member_id"]).total
        assert Fraction(row["total"]) == exact


def test_presented_figures_sum_exactly_as_decimals() -> None:
    ledger, assessment, _ = scored()
    cards = result_frames(assessment, ledger)["score_cards"]
    total = cards["display_total"].sum()
    assert decimal.Decimal(str(total)) == sum(
        (decimal.Decimal(c.display_total) for c in assessment.cards), decimal.Decimal(0)
    )


def test_arrow_and_pandas_give_the_same_rows() -> None:
    pd = pytest.importorskip("pandas")
    ledger, assessment, _ = scored()
    arrow = result_frames(assessment, ledger, library="arrow")["rankings"]
    assert isinstance(arrow, pa.Table)
    assert arrow.schema.field("display_total").type == pa.decimal128(
        38, assessment.rule_set.rounding.places
    )
    frame = result_frames(assessment, ledger, library="pandas")["rankings"]
    assert isinstance(frame, pd.DataFrame)
    assert frame["member_id"].tolist() == arrow.column("member_id").to_pylist()
    assert frame["display_total"].tolist() == arrow.column("display_total").to_pylist()
    assert frame["rank"].tolist() == arrow.column("rank").to_pylist()


def test_the_ranking_frame_is_the_published_ranking() -> None:
    ledger, assessment, _ = scored()
    from cppcc_model.assess import rank_members

    frame = result_frames(assessment, ledger, method="dense")["rankings"]
    ranking = rank_members(assessment, ledger, method="dense")
    assert frame["member_id"].to_list() == [e.member_id for e in ranking.entries]
    assert frame["rank"].to_list() == [e.rank for e in ranking.entries]
    assert frame["tied"].to_list() == [e.tied for e in ranking.entries]


def test_proposal_statistics_by_group_as_a_frame() -> None:
    ledger, _, _ = scored()
    stats = proposal_statistics_by(ledger, "activity_group", period=YEAR)
    frame = statistics_frame(stats)
    assert frame["group"].to_list() == list(stats)
    for row in frame.iter_rows(named=True):
        group = stats[row["group"]]
        assert row["received"] == group.counts.received
        for label, count in group.counts.by_reply.items():  # a count by label: a column each
            assert row[f"by_reply_{label}"] == count
        for name, figure in group.rates().items():
            assert row[f"{name}_numerator"] == figure.numerator
            assert row[f"{name}_denominator"] == figure.denominator
            shown = figure.percent(2)
            percent = row[f"{name}_percent"]
            assert (percent is None) == (figure.value is None)
            if percent is not None:
                assert f"{percent}%" == shown


def test_attendance_statistics_as_a_frame_use_their_rate_properties() -> None:
    ledger, _, _ = scored()
    stats = attendance_statistics_by(ledger, YEAR, "kind")
    frame = statistics_frame(stats, key="kind", library="arrow")
    assert frame.column("kind").to_pylist() == list(stats)
    assert frame.num_rows == len(stats)
    assert "attendance_rate_numerator" in frame.column_names
    assert "half_day_rate_percent" in frame.column_names


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_a_rate_percent_is_rounded_half_up_once_and_null_without_a_base(
    attended: int, invited_extra: int
) -> None:
    counts = AttendanceCounts(invited=attended + invited_extra, present=attended)
    frame = statistics_frame(AttendanceStats(counts), places=2)
    row = frame.row(0, named=True)
    figure = AttendanceStats(counts).attendance_rate
    assert row["group"] == "all"
    assert (row["attendance_rate_numerator"], row["attendance_rate_denominator"]) == (
        attended,
        attended + invited_extra,
    )
    if figure.value is None:
        assert row["attendance_rate_percent"] is None
    else:
        assert f"{row['attendance_rate_percent']}%" == figure.percent(2)


def test_any_rows_become_a_frame_and_unknown_libraries_are_refused() -> None:
    frame = rows_frame([{"id": "m1", "score": 3}, {"id": "m2", "score": 5}])
    assert frame["score"].sum() == 8
    with pytest.raises(InvalidValueError):
        rows_frame([], library="spark")  # type: ignore[arg-type]
