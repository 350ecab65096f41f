"""The whole-column checks of the columnar loader agree with the plain rules they stand for.

:func:`~cppcc_model.io._columnar_checks.in_order` sorts the steps by their record's index and
compares each with the row above, instead of a window per record; it must answer what the rule
says, row by row: each record's steps dated in file order, none before its submission, and a
step naming no record refused. :func:`~cppcc_model.io._columnar_cells.csv_bytes` finds a lone
carriage return by a regular expression instead of counting: it must refuse exactly the files
where the carriage returns are not all followed by a line feed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.io._columnar_cells import csv_bytes
from cppcc_model.io._columnar_checks import in_order

RECORDS = ["p1", "p2", "p3", "p4"]
DAYS = st.dates(dt.date(2023, 1, 1), dt.date(2023, 1, 6))


def _rule(events: list[tuple[str, dt.date]], starts: dict[str, dt.date]) -> bool:
    """The rule, step by step in file order."""
    last: dict[str, dt.date] = {}
    for record, on in events:
        if record not in starts or on < starts[record]:
            return False
        if record in last and on < last[record]:
            return False
        last[record] = on
    return True


@settings(max_examples=300, deadline=None)
@given(
    events=st.lists(st.tuples(st.sampled_from([*RECORDS, "p9"]), DAYS), max_size=12),
    starts=st.lists(DAYS, min_size=len(RECORDS), max_size=len(RECORDS)),
    known=st.integers(1, len(RECORDS)),
)
def test_steps_in_order_as_the_rule_says(
    events: list[tuple[str, dt.date]], starts: list[dt.date], known: int
) -> None:
    submitted = dict(zip(RECORDS[:known], starts, strict=False))
    frame = pl.DataFrame(
        {"proposal_id": [e[0] for e in events], "on": [e[1] for e in events]},
        schema={"proposal_id": pl.String, "on": pl.Date},
    )
    records = pl.DataFrame(
        {"id": list(submitted), "submitted_on": list(submitted.values())},
        schema={"id": pl.String, "submitted_on": pl.Date},
    )
    assert in_order(frame, "proposal_id", records) is _rule(events, submitted)


def test_a_step_dated_before_the_one_above_it_of_the_same_record_is_out_of_order() -> None:
    records = pl.DataFrame(
        {"id": ["p1", "p2"], "submitted_on": [dt.date(2023, 1, 1)] * 2},
    )
    days = [dt.date(2023, 1, 5), dt.date(2023, 1, 2), dt.date(2023, 1, 3)]
    interleaved = pl.DataFrame({"proposal_id": ["p1", "p2", "p1"], "on": days})
    assert not in_order(interleaved, "proposal_id", records)  # p1: the 5th, then the 3rd
    other = pl.DataFrame({"proposal_id": ["p1", "p2", "p2"], "on": days})
    assert in_order(other, "proposal_id", records)  # p2: the 2nd, then the 3rd


@pytest.mark.parametrize(
    ("data", "read"),
    [
        (b"a,b\r\nx,y\r\n", True),
        (b"\xef\xbb\xbfa,b\r\nx,y\r\n", True),
        (b"a,b\nx,y\n", True),
        (b"a,b\r\nx,y\n", True),  # line ends of both kinds
        (b"a,b\rx,y\r\n", False),
        (b"a,b\r\nx,y\r", False),  # at the very end
        (b"a,b\r\r\nx,y\r\n", False),
        (b"\xef\xbb\xbf\ra,b\n", False),
        (b'a,b\nx,"y"\n', False),
        (b"a,b\nx,y\x00\n", False),
    ],
)
def test_a_lone_carriage_return_leaves_the_file_to_the_row_loader(
    tmp_path: Path, data: bytes, read: bool
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    assert (csv_bytes(path) is not None) is read
    assert read is (
        data.count(b"\r") == data.count(b"\r\n") and b'"' not in data and b"\0" not in data
    )
