"""Writing a ledger as tables and reading it back gives the same ledger: CSV, xlsx, zh headers."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.io._tables_cells import (
    _split_by_character,
    excel_escape,
    excel_unescape,
    join_list,
    split_list,
)
from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset
from cppcc_model.io.tables import TABLES
from cppcc_model.ledger import Ledger
from cppcc_model.testing import strategies as cst

ROUND_TRIP = settings(max_examples=25, deadline=None)
XLSX_ROUND_TRIP = settings(max_examples=12, deadline=None)  # openpyxl is slow; keep the file fast


def _round_trip(ledger: Ledger, fmt: str, headers: str) -> Ledger:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / ("dataset.xlsx" if fmt == "xlsx" else "dataset")
        write_dataset(ledger, target, fmt, headers=headers)  # type: ignore[arg-type]
        return load_dataset(target)


@ROUND_TRIP
@given(cst.ledgers(max_members=5, max_records=4))
def test_csv_round_trip_with_english_headers(ledger: Ledger) -> None:
    assert _round_trip(ledger, "csv", "en") == ledger


@ROUND_TRIP
@given(cst.ledgers(max_members=5, max_records=4))
def test_csv_round_trip_with_chinese_headers(ledger: Ledger) -> None:
    assert _round_trip(ledger, "csv", "zh") == ledger


@XLSX_ROUND_TRIP
@given(cst.ledgers(max_members=5, max_records=4))
def test_xlsx_round_trip_with_english_headers(ledger: Ledger) -> None:
    assert _round_trip(ledger, "xlsx", "en") == ledger


@XLSX_ROUND_TRIP
@given(cst.ledgers(max_members=5, max_records=4))
def test_xlsx_round_trip_with_chinese_headers(ledger: Ledger) -> None:
    assert _round_trip(ledger, "xlsx", "zh") == ledger


@settings(max_examples=200)
@given(st.lists(st.text(min_size=1).map(str.strip).filter(bool), max_size=5))
def test_list_cells_give_their_items_back(items: list[str]) -> None:
    for chinese in (True, False):
        cell = join_list(items, chinese=chinese)
        assert ["".join(text for text, _ in item) for item in split_list(cell)] == items


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list(";；,，、\n\r \t\u3000ab委员-") + ["\x85"])))
def test_a_list_without_quotes_is_split_as_character_by_character(text: str) -> None:
    # split_list splits a cell without quotes on the separators at once
    assert split_list(text) == _split_by_character(text)


@settings(max_examples=200)
@given(st.text())
def test_excel_escapes_are_undone(text: str) -> None:
    escaped = excel_escape(text)
    assert excel_unescape(escaped) == text
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in escaped)


def test_xlsx_with_chinese_headers_keeps_them_when_reread(
    small_ledger: Ledger, tmp_path: Path
) -> None:
    target = tmp_path / "台账.xlsx"
    write_dataset(small_ledger, target, "xlsx", headers="zh")
    workbook = openpyxl.load_workbook(target, read_only=True)
    assert workbook.sheetnames == [table.zh for table in TABLES]
    members = list(workbook["委员"].iter_rows(values_only=True))
    workbook.close()
    assert members[0][:3] == ("编号", "姓名", "界别")
    assert members[1][:3] == ("m1", "张三", "econ")
    assert load_dataset(target) == small_ledger


def test_csv_files_start_with_a_bom_so_excel_reads_chinese(
    small_ledger: Ledger, tmp_path: Path
) -> None:
    write_dataset(small_ledger, tmp_path, "csv", headers="zh")
    raw = (tmp_path / "委员.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "委员.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:2] == ["编号", "姓名"]
    assert rows[2][:2] == ["m2", "李四"]


def test_every_table_is_written_even_when_empty(small_ledger: Ledger, tmp_path: Path) -> None:
    write_dataset(small_ledger, tmp_path, "csv")
    assert validate_dataset(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    assert (tmp_path / "work_items.csv").read_text(encoding="utf-8-sig").startswith("plan_id,")


def test_json_is_a_dataset_too(small_ledger: Ledger, tmp_path: Path) -> None:
    target = tmp_path / "ledger.json"
    write_dataset(small_ledger, target, "json")
    assert load_dataset(target) == small_ledger
    assert validate_dataset(target) == []


@pytest.mark.parametrize("headers", ["en", "zh"])
def test_writing_twice_into_the_same_directory_is_fine(
    small_ledger: Ledger, tmp_path: Path, headers: str
) -> None:
    write_dataset(small_ledger, tmp_path, "csv", headers=headers)  # type: ignore[arg-type]
    write_dataset(small_ledger, tmp_path, "csv", headers=headers)  # type: ignore[arg-type]
    assert load_dataset(tmp_path) == small_ledger
