"""A column read by polars means what each of its cells means to the row loader's reader.

:func:`~cppcc_model.io._columnar_cells.read_columns` keeps the plain text and id cells as they
are (found by a regular expression) and reads every other distinct text with the row loader's
cell reader. These tests hold it, cell by cell, to that reader run on every cell: the same
values, and ``None`` (the row loader then reports) exactly when the reader, or the entity
classes' text checks, refuse one cell.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.io._columnar_cells import PLAIN_ID, PLAIN_TEXT, cell_value, read_columns
from cppcc_model.io._tables_cells import CellError
from cppcc_model.io._tables_schema import CellKind, Column, table_by_name
from cppcc_model.text import text_problem

MEMBERS = table_by_name("members")
ROLL_CALLS = table_by_name("attendance")

# characters that make a cell odd: spaces of every kind, controls, invisible and direction
# marks, a formula's quote mark, list separators, full-width forms (a surrogate cannot be in
# a UTF-8 file)
_ODD = " \u3000\u00a0\t\x0b\x0c\x1c\x1f\x85\u2028\u200b\ufeff\u202e\x01'；，、;=+-@０１"
_CHARS = st.one_of(
    st.sampled_from(list(_ODD)),
    st.sampled_from(list("ab1_.张三男女")),
    st.characters(exclude_characters='",\n\r\x00', exclude_categories=["Cs"]),
)
CELLS = st.lists(st.none() | st.text(_CHARS, max_size=6), min_size=1, max_size=12)


def _accepted(value: str) -> bool:
    return value.isprintable() or text_problem(value) is None


def expected(column: Column, cells: list[str | None]) -> list[Any] | None:
    """Each cell as the row loader's reader reads it, or ``None`` when it refuses one."""
    values: list[Any] = []
    for cell in cells:
        if cell is None:
            values.append(None)
            continue
        try:
            value = cell_value(cell, column)
        except CellError:
            return None
        if column.kind is CellKind.IDS and value is not None:
            if not all(_accepted(item) for item in value):
                return None
            value = list(value)
        elif (
            isinstance(value, str)
            and column.kind in (CellKind.TEXT, CellKind.ID)
            and not _accepted(value)
        ):
            return None
        values.append(value)
    return values


def read(table_name: str, name: str, cells: list[str | None]) -> tuple[list[Any], Any] | None:
    """The column ``name`` of ``cells`` read by the columnar reader (required cells filled)."""
    table = table_by_name(table_name)
    data = {
        c.name: [f"x{i}" for i in range(len(cells))] if c.required else [None] * len(cells)
        for c in table.columns
    }
    data[name] = list(cells)
    raw = pl.DataFrame(data, schema={c.name: pl.String for c in table.columns})
    done = read_columns(raw, table, 1_000)
    if done is None:
        return None
    frame, objects = done
    assert frame.height == len(cells)  # no row is empty: its required cells are filled
    return frame[name].to_list(), objects.get(name)


def _check(table: str, name: str, cells: list[str | None]) -> None:
    column = next(c for c in table_by_name(table).columns if c.name == name)
    want = expected(column, cells)
    got = read(table, name, cells)
    if want is None or (column.required and None in want):
        assert got is None
        return
    assert got is not None
    values, objects = got
    if column.kind in (CellKind.TEXTS, CellKind.UNITS, CellKind.NUMBER, CellKind.PERIOD):
        assert [None if text is None else objects[text] for text in values] == want
    else:
        assert values == want


@settings(max_examples=300, deadline=None)
@given(cells=CELLS)
def test_text_cells_read_as_the_row_loader_reads_them(cells: list[str | None]) -> None:
    _check("members", "name", cells)
    _check("members", "workplace", cells)


@settings(max_examples=300, deadline=None)
@given(cells=CELLS)
def test_id_cells_read_as_the_row_loader_reads_them(cells: list[str | None]) -> None:
    _check("members", "unit_id", cells)
    _check("attendance", "member_id", cells)


@settings(max_examples=300, deadline=None)
@given(cells=CELLS)
def test_id_lists_split_as_the_row_loader_splits_them(cells: list[str | None]) -> None:
    _check("members", "special_committee_ids", cells)


LABELS = st.lists(
    st.none() | st.sampled_from(["male", "女", " male", "MALE", "男 ", "x", "", "  ", "'男"]),
    min_size=1,
    max_size=8,
)
DATES = st.lists(
    st.none()
    | st.sampled_from(
        ["2023-01-02", "2023/1/2", "2023年1月2日", "2023-02-30", "44927", " ", "0000-01-01"]
        + ["2023-1-02", "２０２３-01-02", "2023-01-02 ", "0001-01-01", "2024-02-29", "2023-13-01"]
    )
    | st.dates().map(str),
    min_size=1,
    max_size=8,
)
COUNTS = st.lists(
    st.none()
    | st.sampled_from(["0", "3", "007", "-1", "３", "+2", "1,000", "2.0", " 4 ", "00", "-0"])
    | st.sampled_from(["999999999", "1000000000", "1000000001", "123456789012345678"])
    | st.integers(0, 10**6).map(str),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(labels=LABELS, dates=DATES, counts=COUNTS, tags=CELLS)
def test_labels_dates_counts_and_tags_read_as_the_row_loader_reads_them(
    labels: list[str | None],
    dates: list[str | None],
    counts: list[str | None],
    tags: list[str | None],
) -> None:
    _check("members", "gender", labels)
    _check("members", "joined", dates)
    _check("attendance", "half_days", counts)  # a count: zero or more
    _check("work_plans", "year", counts)  # positive: one or more
    _check("members", "tags", tags)


def test_plain_cells_are_what_the_regular_expressions_say() -> None:
    texts = pl.Series(["甲 乙", "a", " a", "a ", "'a", "a\u3000b", "a\u200bb", "a\tb", "a b"])
    assert texts.str.contains(PLAIN_TEXT).to_list() == [
        True, True, False, False, False, False, False, False, True,
    ]  # fmt: skip
    assert texts.str.contains(PLAIN_ID).to_list() == [
        False, True, False, False, False, False, False, False, False,
    ]  # fmt: skip


def test_rows_of_empty_cells_are_dropped_and_too_many_rows_refused() -> None:
    data: dict[str, list[str | None]] = {c.name: [None, None, None] for c in ROLL_CALLS.columns}
    data["activity_id"] = ["a1", "  ", "a2"]
    data["member_id"] = ["m1", None, "m2"]
    raw = pl.DataFrame(data, schema={c.name: pl.String for c in ROLL_CALLS.columns})
    done = read_columns(raw, ROLL_CALLS, 2)
    assert done is not None
    assert done[0]["member_id"].to_list() == ["m1", "m2"]
    assert read_columns(raw, ROLL_CALLS, 1) is None
