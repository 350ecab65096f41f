"""The blank dataset workbook: every sheet, Chinese headers, drop-down lists, instructions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cppcc_model.cli import ExitCode, cli
from cppcc_model.io._tables_schema import TABLES, CellKind
from cppcc_model.io.dataset import load_dataset, validate_dataset
from cppcc_model.outputs.template import GUIDE_SHEET, LISTS_SHEET, write_template


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "履职台账模板.xlsx"
    write_template(path)
    return path


def test_every_table_is_a_sheet_with_its_chinese_header_frozen(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == [GUIDE_SHEET, *(t.zh for t in TABLES), LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    for table in TABLES:
        sheet = book[table.zh]
        assert sheet.freeze_panes == "A2"
        headers = [c.value for c in sheet[1]]
        if table.key_value:
            assert headers == ["项目", "内容"]
            assert [
                sheet.cell(row=r, column=1).value for r in range(2, 2 + len(table.columns))
            ] == [c.zh for c in table.columns]
        else:
            assert headers == [c.zh for c in table.columns]
            for cell, column in zip(sheet[1], table.columns, strict=True):
                assert column.zh in cell.comment.text
                assert cell.font.b


def test_labelled_columns_have_drop_down_lists_of_their_labels(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    lists = book[LISTS_SHEET]
    for table in TABLES:
        if table.key_value:
            continue
        sheet = book[table.zh]
        checks = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
        for index, column in enumerate(table.columns, start=1):
            letter = openpyxl.utils.get_column_letter(index)
            check = checks.get(f"{letter}2")
            if column.kind is CellKind.ENUM or column.kind is CellKind.BOOL:
                assert check is not None, (table.zh, column.zh)
                assert check.type == "list"
                reference = check.formula1.split("!")[1].replace("$", "")
                values = [c.value for row in lists[reference] for c in row]
                expected = (
                    ["是", "否"] if column.kind is CellKind.BOOL else [m.label for m in column.enum]
                )
                assert values == expected
                assert str(check.sqref) == f"{letter}2:{letter}2001"
            elif column.kind is CellKind.DATE:
                assert check is not None
                assert check.type == "date"
            else:
                assert check is None


def test_the_instructions_list_every_column(template: Path) -> None:
    guide = openpyxl.load_workbook(template)[GUIDE_SHEET]
    listed = {(r[0], r[1]) for r in guide.iter_rows(values_only=True) if r[0] and r[1]}
    for table in TABLES:
        for column in table.columns:
            assert (table.zh, f"{column.zh}（{column.name}）") in listed
    assert "cppcc validate" in "".join(str(c.value) for c in guide["A"] if c.value)


def test_the_blank_template_says_what_to_fill_in_and_loads_once_filled(template: Path) -> None:
    problems = validate_dataset(template)
    assert {p.where.column for p in problems} == {"内容"}  # only the committee's own details
    book = openpyxl.load_workbook(template)
    committee = book["委员会"]
    for row, value in zip(
        range(2, 6), ("xz", "襄州区政协", "区县", "hubei.xiangyang.xiangzhou"), strict=True
    ):
        committee.cell(row=row, column=2, value=value)
    book["界别"].append(["parties", "民主党派"])
    book["委员"].append(["m01", "张三", "parties"])
    book["活动"].append(["a1", "全体会议", "年度全会", dt.datetime(2022, 1, 5)])
    book["出勤"].append(["a1", "m01", "出席"])
    book.save(template)
    ledger = load_dataset(template)
    assert [m.name for m in ledger.members] == ["张三"]
    assert ledger.activities[0].start == dt.date(2022, 1, 5)


def test_the_command_writes_the_template(tmp_path: Path) -> None:
    out = tmp_path / "模板.xlsx"
    result = CliRunner().invoke(cli, ["template", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames[0] == GUIDE_SHEET
    wrong = CliRunner().invoke(cli, ["template", "-o", str(tmp_path / "模板.csv")])
    assert wrong.exit_code == ExitCode.BAD_INPUT
    assert ".xlsx" in wrong.stderr
