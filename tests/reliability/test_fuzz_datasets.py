"""Fuzzing the tabular loaders: mutated CSV directories and workbooks load whole or not at all.

Each example starts from the good fixture and applies a few mutations a clerk (or a damaged
disk) could make: drop, rename or duplicate a column; change a cell to the wrong type, an
unknown or traditional label, a huge or negative number, an Excel date number, a date out of
order; duplicate or drop a row; add byte-order marks; empty, truncate or flip bytes of a file.
Whatever comes out, :func:`load_dataset` returns a whole ledger (which writes and reads back
equal) or raises one :class:`DatasetError` whose every problem names its file and says how to
fix it — never another exception. ``CPPCC_FUZZ_EXAMPLES`` raises the number of examples.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from reliability._support import (
    GOOD,
    assert_all_or_nothing,
    assert_round_trips,
    fuzz,
    is_known_escape,
)

TABLE_FILES = sorted(path.name for path in GOOD.iterdir())

# Values a clerk's cell could hold, chosen to reach every reader branch.
CELL_TEXTS = [
    "",
    " ",
    "m1",
    "m2",
    "m9",
    "econ",
    "p1",
    "a1",
    "r1",
    "wp2023",
    "5-2",
    "g1",
    "tian",
    "jiusan",
    "xz",
    "-1",
    "0",
    "３",
    "－２",
    "1,000",
    "99999999999999999999",
    "2.5",
    "1e309",
    "nan",
    "true",
    "是",
    "否",
    "maybe",
    "2023-01-05",
    "2022-12-31",
    "2099-01-01",
    "2023/5/3",
    "2023年5月3日",
    "2023-02-30",
    "0000-01-01",
    "44927",
    "00060",
    "60",
    "present",
    "出席",
    "請假",
    "请假",
    "無故缺席",
    "迟迟",
    "plenary",
    "全體會議",
    "individual",
    "集體",
    "filed",
    "立案",
    "county",
    "區縣",
    "male",
    "女",
    "m1;m1",
    "m1；m2、m3",
    '"unclosed',
    "区民政局 (lead); 区卫健局 (co)",
    "区民政局（主辦）",
    "_x000D_",
    "\ufeffid",
    "=1+1",
    "a\u200bb",
]


def _rows(text: str) -> list[list[str]]:
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@st.composite
def csv_mutation(draw: st.DrawFn) -> tuple[str, Callable[[list[list[str]]], list[list[str]]]]:
    """One mutation of one table's rows (by index; indices wrap to the table's size)."""
    kind = draw(
        st.sampled_from(
            [
                "drop_column",
                "rename_column",
                "duplicate_column",
                "set_cell",
                "set_cell",
                "set_cell",
                "duplicate_row",
                "drop_row",
                "swap_cells",
                "extra_cell",
            ]
        )
    )
    a, b = draw(st.integers(0, 50)), draw(st.integers(0, 50))
    value = draw(st.one_of(st.sampled_from(CELL_TEXTS), st.text(max_size=6)))

    def apply(rows: list[list[str]]) -> list[list[str]]:
        if not rows:
            return rows
        width = max(len(row) for row in rows) or 1
        column = a % width
        row_index = b % len(rows)
        if kind == "drop_column":
            return [row[:column] + row[column + 1 :] for row in rows]
        if kind == "rename_column":
            rows[0] = [value if i == column else cell for i, cell in enumerate(rows[0])]
        elif kind == "duplicate_column":
            return [row + [row[column] if column < len(row) else ""] for row in rows]
        elif kind == "set_cell":
            row = rows[max(row_index, 1) if len(rows) > 1 else 0]
            while len(row) <= column:
                row.append("")
            row[column] = value
        elif kind == "duplicate_row":
            rows.append(list(rows[row_index]))
        elif kind == "drop_row":
            del rows[row_index]
        elif kind == "swap_cells":
            row = rows[row_index]
            other = b % width
            if column < len(row) and other < len(row):
                row[column], row[other] = row[other], row[column]
        elif kind == "extra_cell":
            rows[row_index].append(value)
        return rows

    return f"{kind}(a={a}, b={b}, value={value!r})", apply


@st.composite
def file_damage(draw: st.DrawFn) -> tuple[str, Callable[[bytes], bytes | None]]:
    """Damage to a file's bytes: BOMs, emptiness, truncation, flipped bytes, deletion."""
    kind = draw(st.sampled_from(["bom", "double_bom", "empty", "truncate", "flip", "delete"]))
    at = draw(st.integers(0, 400))
    byte = draw(st.integers(0, 255))

    def apply(data: bytes) -> bytes | None:
        if kind == "bom":
            return b"\xef\xbb\xbf" + data
        if kind == "double_bom":
            return b"\xef\xbb\xbf\xef\xbb\xbf" + data
        if kind == "empty":
            return b""
        if kind == "truncate":
            return data[: at % (len(data) + 1)]
        if kind == "flip" and data:
            index = at % len(data)
            return data[:index] + bytes([byte]) + data[index + 1 :]
        if kind == "delete":
            return None
        return data

    return f"{kind}(at={at}, byte={byte})", apply


def _check(dataset: Path, folder: Path, **options: Any) -> None:
    try:
        ledger = assert_all_or_nothing(dataset, **options)
    except Exception as error:  # a known bug is pinned by a strict xfail elsewhere
        if is_known_escape(error):
            note(f"known escape: {error!r}")
            return
        raise
    if ledger is not None:
        assert_round_trips(ledger, folder)


@fuzz(60)
@given(
    edits=st.lists(st.tuples(st.sampled_from(TABLE_FILES), csv_mutation()), min_size=1, max_size=4),
    damage=st.lists(st.tuples(st.sampled_from(TABLE_FILES), file_damage()), max_size=1),
)
def test_mutated_csv_datasets_load_whole_or_fail_with_located_problems(
    tmp_path_factory: pytest.TempPathFactory,
    edits: list[tuple[str, tuple[str, Callable[[list[list[str]]], list[list[str]]]]]],
    damage: list[tuple[str, tuple[str, Callable[[bytes], bytes | None]]]],
) -> None:
    folder = tmp_path_factory.mktemp("csv")
    dataset = folder / "ds"
    shutil.copytree(GOOD, dataset)
    for name, (label, mutate) in edits:
        note(f"{name}: {label}")
        path = dataset / name
        path.write_text(_text(mutate(_rows(path.read_text("utf-8")))), encoding="utf-8")
    for name, (label, spoil) in damage:
        note(f"{name}: {label}")
        path = dataset / name
        spoiled = spoil(path.read_bytes())
        if spoiled is None:
            path.unlink()
        else:
            path.write_bytes(spoiled)
    _check(dataset, folder)


@fuzz(30)
@given(
    name=st.sampled_from(TABLE_FILES),
    data=st.binary(max_size=400),
    max_rows=st.sampled_from([1, 2, 1_000_000]),
)
def test_random_bytes_in_any_table_and_any_row_limit(
    tmp_path_factory: pytest.TempPathFactory, name: str, data: bytes, max_rows: int
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    dataset = folder / "ds"
    shutil.copytree(GOOD, dataset)
    (dataset / name).write_bytes(data)
    _check(dataset, folder, max_rows=max_rows)


# ---------------------------------------------------------------------- workbooks

SHEETS = [name.removesuffix(".csv") for name in TABLE_FILES]

CELL_VALUES = st.one_of(
    st.sampled_from(CELL_TEXTS),
    st.sampled_from(
        [
            None,
            0,
            1,
            -1,
            60,
            61,
            44927,
            2958465,
            2958466,
            10**20,
            -(10**20),
            2.5,
            1e308,
            -0.0,
            True,
            False,
            dt.datetime(2023, 1, 5),
            dt.datetime(1900, 1, 1, 12, 0),
            dt.date(2099, 12, 31),
            dt.time(9, 30),
        ]
    ),
)


@st.composite
def workbook_edit(draw: st.DrawFn) -> dict[str, Any]:
    """One edit of the good workbook, as :func:`edit_workbook` takes it."""
    kind = draw(st.sampled_from(["cell", "cell", "cell", "empty_sheet", "rename", "remove", "add"]))
    sheet = draw(st.sampled_from(SHEETS))
    if kind == "cell":
        column = draw(st.sampled_from("ABCDEFGHIJ"))
        row = draw(st.integers(1, 5))
        cell: dict[str, Any] = {"sheet": sheet, "cell": f"{column}{row}"}
        value = draw(CELL_VALUES)
        if value is None:
            cell["empty"] = True
        else:
            cell["value"] = value
        if draw(st.booleans()):
            cell["format"] = "General"
        return {"cells": [cell]}
    if kind == "empty_sheet":
        return {"delete_rows": [{"sheet": sheet, "row": 1}] * 8}
    if kind == "rename":
        return {
            "rename_sheets": [[sheet, draw(st.sampled_from(["Sheet1", "#notes", "委員", "x"]))]]
        }
    if kind == "remove":
        return {"remove_sheets": [sheet]}
    return {
        "add_sheets": [{"name": draw(st.sampled_from(["Sheet2", "member", "活動"])), "rows": []}]
    }


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl on dates out of its range
@fuzz(25)
@given(edits=st.lists(workbook_edit(), min_size=1, max_size=4))
def test_mutated_workbooks_load_whole_or_fail_with_located_problems(
    tmp_path_factory: pytest.TempPathFactory,
    good_book_template: Path,
    edits: list[dict[str, Any]],
) -> None:
    from reliability._support import edit_workbook

    folder = tmp_path_factory.mktemp("xlsx")
    book = folder / "book.xlsx"
    shutil.copyfile(good_book_template, book)
    for edit in edits:
        note(repr(edit))
        try:
            edit_workbook(book, edit)
        except (KeyError, ValueError):  # the edit itself is impossible (sheet already gone …)
            continue
    _check(book, folder)
