"""The credits sorted by one packed key are in exactly the order of the four sort keys.

:func:`~cppcc_model.engine.record_columns.in_credit_order` packs member, day, source and record
rank into one whole number when their ranges fit, and sorts by it; it must give the frame
``sort(CREDIT_ORDER, maintain_order=True)`` gives, ties kept in their order.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.engine.columns import CREDIT_ORDER
from cppcc_model.engine.record_columns import in_credit_order

ROWS = st.lists(
    st.tuples(
        st.integers(0, 5) | st.integers(0, 2**31 - 1),
        st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
        st.integers(0, 3),
        st.integers(0, 9) | st.integers(0, 2**31 - 1),
    ),
    max_size=40,
)


def _frame(rows: list[tuple[int | None, dt.date | None, int, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "m": [row[0] for row in rows],
            "on": [row[1] for row in rows],
            "src": [row[2] for row in rows],
            "rid": [row[3] for row in rows],
            "row": list(range(len(rows))),  # ties keep their order
        },
        schema={"m": pl.Int32, "on": pl.Date, "src": pl.Int8, "rid": pl.Int32, "row": pl.Int64},
    )


@settings(max_examples=300, deadline=None)
@given(rows=ROWS)
def test_one_packed_key_sorts_as_the_four_keys(
    rows: list[tuple[int, dt.date, int, int]],
) -> None:
    credits = _frame(rows)  # type: ignore[arg-type]
    assert in_credit_order(credits).equals(credits.sort(CREDIT_ORDER, maintain_order=True))


@settings(max_examples=100, deadline=None)
@given(rows=ROWS, holes=st.lists(st.integers(0, 39), max_size=3))
def test_keys_with_nulls_sort_as_the_four_keys(
    rows: list[tuple[int | None, dt.date, int, int]], holes: list[int]
) -> None:
    for hole in holes:
        if hole < len(rows):
            rows[hole] = (None, *rows[hole][1:])
    credits = _frame(rows)  # type: ignore[arg-type]
    assert in_credit_order(credits).equals(credits.sort(CREDIT_ORDER, maintain_order=True))


def test_the_columns_stay_as_they_were() -> None:
    credits = _frame([(2, dt.date(2023, 1, 2), 1, 5), (1, dt.date(1960, 5, 1), 0, 7)])
    ordered = in_credit_order(credits)
    assert ordered.schema == credits.schema
    assert ordered["row"].to_list() == [1, 0]
