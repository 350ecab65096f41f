""" "Did you mean …?" for a clerk's slips: homophones, one wrong character, a name for an id."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cppcc_model.errors import DatasetError
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.suggest import did_you_mean, nearest

LIUJIANG = Path(__file__).resolve().parents[1] / "examples" / "liujiang" / "dataset"


def test_a_homophone_typed_through_pinyin_is_found() -> None:
    assert nearest("性名", ["姓名", "编号", "界别"]) == ("姓名", None)
    assert nearest("届别", ["姓名", "编号", "界别"]) == ("界别", None)  # jie bie


def test_one_wrong_character_is_found() -> None:
    assert nearest("活动祖", ["活动组", "活动编号"]) == ("活动组", None)


def test_a_name_where_an_id_belongs_suggests_the_id() -> None:
    assert (
        did_you_mean("李秀英", ["m01", "m02"], {"李秀英": "m02"}) == "did you mean 'm02' (李秀英)? "
    )
    assert did_you_mean("zzz", ["m01"]) == ""


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "柳江.xlsx"
    write_dataset(load_dataset(LIUJIANG), path, format="xlsx", headers="zh")
    return path


def test_a_misspelt_chinese_header_is_named_in_the_problem(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    sheet = book["委员"]
    header = next(c for c in sheet[1] if c.value == "姓名")
    header.value = "性名"
    book.save(workbook)
    with pytest.raises(DatasetError) as raised:
        load_dataset(workbook)
    hints = [p.hint or "" for p in raised.value.problems]
    assert any(h.startswith("did you mean '姓名'?") for h in hints)


def test_a_name_in_an_id_column_points_to_the_id(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    members = {row[1]: row[0] for row in book["委员"].iter_rows(min_row=2, values_only=True)}
    sheet = book["出勤"]
    cell = sheet.cell(row=2, column=2)
    member_id = cell.value
    name = next(n for n, i in members.items() if i == member_id)
    cell.value = name
    book.save(workbook)
    with pytest.raises(DatasetError) as raised:
        load_dataset(workbook)
    problem = next(p for p in raised.value.problems if p.where.sheet == "出勤")
    assert (problem.code, problem.value) == ("I004", name)
    assert (problem.hint or "").startswith(f"did you mean {member_id!r} ({name})?")
