"""A table longer than a worksheet holds goes on over continuation sheets, and reads back whole.

Excel's sheets hold 1,048,576 rows; a province's roll calls (1.3 million rows) do not fit in one.
The writer continues such a table on ``attendance (2)``, ``attendance (3)`` …, each with the header
row, and the loader reads the parts back as one table, located sheet by sheet. The tests lower the
sheet's size (``SHEET_ROWS``) so that the Xiangzhou example's roll calls fill several sheets.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cppcc_model.errors import Location
from cppcc_model.io import _tables_files, _tables_write
from cppcc_model.io._tables_files import continued_table, workbook_byte_limit
from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset
from cppcc_model.ledger import Ledger

XIANGZHOU = Path(__file__).parents[1] / "examples" / "xiangzhou" / "dataset"
PER_SHEET = 300  # data rows per sheet in these tests (the header row makes 301)


@pytest.fixture(scope="module")
def xiangzhou() -> Ledger:
    return load_dataset(XIANGZHOU)


@pytest.fixture
def small_sheets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_tables_write, "SHEET_ROWS", PER_SHEET + 1)


def _roll_calls(ledger: Ledger) -> int:
    return sum(len(activity.attendance) for activity in ledger.activities)


def _values(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_example_needs_several_sheets_here(xiangzhou: Ledger) -> None:
    # the premise of the tests below: more roll calls than four of these small sheets hold
    assert _roll_calls(xiangzhou) > 4 * PER_SHEET


def test_a_long_table_is_written_over_numbered_sheets_cell_by_cell(
    xiangzhou: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = tmp_path / "whole.xlsx"
    write_dataset(xiangzhou, whole, "xlsx")
    monkeypatch.setattr(_tables_write, "SHEET_ROWS", PER_SHEET + 1)
    split = tmp_path / "split.xlsx"
    write_dataset(xiangzhou, split, "xlsx")

    one = openpyxl.load_workbook(whole)["attendance"]
    book = openpyxl.load_workbook(split)
    parts = -(-_roll_calls(xiangzhou) // PER_SHEET)
    names = ["attendance"] + [f"attendance ({k})" for k in range(2, parts + 1)]
    assert [n for n in book.sheetnames if n.startswith("attendance")] == names
    header, *rows = _values(one)
    continued: list[tuple[object, ...]] = []
    for name in names:
        sheet = book[name]
        first, *data = _values(sheet)
        assert first == header  # every part has the header row
        assert sheet.freeze_panes == "A2"
        assert 1 <= len(data) <= PER_SHEET
        continued += data
    assert continued == rows  # the same cells, in the same order, over the parts
    # the tables that fit keep one sheet
    assert "members (2)" not in book.sheetnames
    assert _values(book["members"]) == _values(openpyxl.load_workbook(whole)["members"])


@pytest.mark.parametrize("headers", ["en", "zh"])
@pytest.mark.usefixtures("small_sheets")
def test_a_table_over_several_sheets_loads_as_the_same_ledger(
    xiangzhou: Ledger, tmp_path: Path, headers: str
) -> None:
    target = tmp_path / "book.xlsx"
    write_dataset(xiangzhou, target, "xlsx", headers=headers)  # type: ignore[arg-type]
    if headers == "zh":
        assert "出勤 (2)" in openpyxl.load_workbook(target, read_only=True).sheetnames
    assert load_dataset(target) == xiangzhou


@pytest.fixture
def split_book(xiangzhou: Ledger, tmp_path: Path, small_sheets: None) -> Path:
    target = tmp_path / "book.xlsx"
    write_dataset(xiangzhou, target, "xlsx")
    return target


def _edit(path: Path, change: object) -> None:
    book = openpyxl.load_workbook(path)
    change(book)  # type: ignore[operator]
    book.save(path)


def test_a_problem_on_a_continuation_sheet_is_located_on_it(split_book: Path) -> None:
    def blank_a_member(book: openpyxl.Workbook) -> None:
        book["attendance (3)"]["B7"] = "nobody"

    _edit(split_book, blank_a_member)
    [problem] = validate_dataset(split_book)
    assert (problem.code, problem.value) == ("I004", "nobody")  # not in the members table
    where = problem.where
    assert (where.file, where.sheet, where.row, where.column) == (
        "book.xlsx",
        "attendance (3)",
        7,
        "member_id",
    )


def test_a_missing_part_is_a_problem(split_book: Path) -> None:
    _edit(split_book, lambda book: book.remove(book["attendance (2)"]))
    [problem] = validate_dataset(split_book)
    assert (problem.code, problem.where) == (
        "L035",
        Location(file="book.xlsx", sheet="attendance (3)"),
    )


def test_a_part_given_twice_is_a_problem(split_book: Path) -> None:
    def twice(book: openpyxl.Workbook) -> None:
        copy = book.copy_worksheet(book["attendance (2)"])
        copy.title = "出勤 (2)"

    _edit(split_book, twice)
    problems = validate_dataset(split_book)
    assert [p.code for p in problems] == ["L036"]


def test_a_continuation_without_its_table_is_a_problem(split_book: Path) -> None:
    def rename(book: openpyxl.Workbook) -> None:
        book["attendance"].title = "#old attendance"

    _edit(split_book, rename)
    [problem] = validate_dataset(split_book)
    assert (problem.code, problem.where) == (
        "L033",
        Location(file="book.xlsx", sheet="attendance (2)"),
    )


def test_the_committee_table_does_not_continue(split_book: Path) -> None:
    def continue_committee(book: openpyxl.Workbook) -> None:
        book.create_sheet("committee (2)").append(["key", "value"])
        book["committee (2)"].append(["name", "某区政协"])

    _edit(split_book, continue_committee)
    [problem] = validate_dataset(split_book)
    assert (problem.code, problem.where.sheet) == ("L034", "committee (2)")


def test_the_row_limit_counts_every_part(xiangzhou: Ledger, split_book: Path) -> None:
    roll_calls = _roll_calls(xiangzhou)
    assert load_dataset(split_book, max_rows=roll_calls) == xiangzhou
    [problem] = validate_dataset(split_book, max_rows=roll_calls - 1)
    assert problem.code == "L037"
    last = -(-roll_calls // PER_SHEET)
    # the first row past the limit: the last data row of the last part
    assert problem.where == Location(
        file="book.xlsx", sheet=f"attendance ({last})", row=roll_calls - (last - 1) * PER_SHEET + 1
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("attendance (2)", ("attendance", 2)),
        ("出勤（12）", ("attendance", 12)),
        ("members (1)", None),  # a table's own sheet is part 1, never named so
        ("attendance", None),
        ("nothing (2)", None),
    ],
)
def test_continuation_sheet_names(name: str, expected: tuple[str, int] | None) -> None:
    found = continued_table(name)
    assert (None if found is None else (found[0].name, found[1])) == expected


def test_the_workbook_size_limit_grows_with_the_row_limit(
    xiangzhou: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "book.xlsx"
    write_dataset(xiangzhou, target, "xlsx")
    monkeypatch.setattr(_tables_files, "MAX_WORKBOOK_BYTES", 1000)
    monkeypatch.setattr(_tables_files, "WORKBOOK_BYTES_PER_ROW", 1000)
    assert workbook_byte_limit(10) == 10_000
    [problem] = validate_dataset(target, max_rows=10)
    assert problem.code == "L019"
    assert load_dataset(target, max_rows=100_000) == xiangzhou
