"""Output formats of the ``cppcc`` command: Excel and CSV keep Chinese headers; tables align."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.cli import ExitCode, cli
from cppcc_model.cli.formatting import Report, Table, display_width, render, write_report
from cppcc_model.io.safe_text import is_formula_like, restore_formula

LIUJIANG = Path(__file__).resolve().parents[1] / "examples" / "liujiang" / "dataset"


def test_xlsx_written_by_the_command_reopens_with_chinese_headers(tmp_path: Path) -> None:
    out = tmp_path / "排名.xlsx"
    result = CliRunner().invoke(
        cli,
        [
            "rank",
            str(LIUJIANG),
            "--rules",
            "tongcheng",
            "--by",
            "member",
            "--by",
            "group",
            "-f",
            "xlsx",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(out)
    members, groups = workbook.worksheets
    assert members.title == "委员排名"
    headers = [c.value for c in members[2]]
    assert headers[:7] == ["序号", "名次", "并列", "姓名", "编号", "界别", "活动组"]
    assert headers[-4:] == ["总分", "等次", "基本要求", "提示"]
    assert members.cell(row=3, column=4).value == "马俊杰"
    assert members.cell(row=3, column=2).value == 1
    assert [c.value for c in groups[2]][:5] == ["序号", "名次", "并列", "名称", "编号"]
    assert {groups.cell(row=r, column=4).value for r in range(3, 7)} == {
        "科技组",
        "社会组",
        "工商组",
        "法制组",
    }


def test_csv_to_a_file_has_a_bom_for_excel_and_chinese_headers(tmp_path: Path) -> None:
    out = tmp_path / "score.csv"
    result = CliRunner().invoke(
        cli, ["score", str(LIUJIANG), "--rules", "tongcheng", "-f", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["编号", "姓名", "总分", "等次"]
    assert len(rows) == 1 + 36


def test_markdown_is_a_pipe_table_with_a_heading() -> None:
    result = CliRunner().invoke(
        cli, ["proposals", "stats", str(LIUJIANG), "--year", "2022", "-f", "md"]
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("### 提案统计")
    assert lines[2] == "| 指标 | 名称 | 全部 total |"
    assert "| received | 收到提案 | 44 |" in lines


def test_an_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["score", str(LIUJIANG), "--rules", "tongcheng", "-o", str(tmp_path / "no" / "x.txt")]
    )
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "cannot write" in result.stderr


cells = st.one_of(
    st.none(),
    st.integers(-10_000, 10_000),
    st.text(alphabet=st.sampled_from('张王李赵政协提案ab1 ,"|-%'), max_size=6),
)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    width = draw(st.integers(1, 4))
    headers = draw(
        st.lists(
            st.text(alphabet="委员得分名次界别", min_size=1, max_size=4),
            min_size=width,
            max_size=width,
        )
    )
    rows = draw(st.lists(st.lists(cells, min_size=width, max_size=width), max_size=5))
    return Table("标题", [(f"k{i}", h) for i, h in enumerate(headers)], rows)


def _text(cell: object) -> str:
    return "" if cell is None else str(cell)


@settings(max_examples=40)
@given(tables())
def test_csv_round_trips_every_cell(table: Table) -> None:
    rows = list(csv.reader(io.StringIO(render(Report([table]), "csv"))))
    assert not any(is_formula_like(cell) for row in rows for cell in row)
    rows = [[restore_formula(cell) for cell in row] for row in rows]  # '-x is written for -x
    assert rows[0] == [c.header for c in table.columns]
    assert rows[1:] == [[_text(c) for c in row] for row in table.rows]


@settings(max_examples=15)
@given(tables())
def test_xlsx_round_trips_every_cell(
    tmp_path_factory: pytest.TempPathFactory, table: Table
) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "t.xlsx"
    write_report(Report([table]), "xlsx", path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    values = [
        [restore_formula(c.value) if isinstance(c.value, str) else c.value for c in row]
        for row in sheet.iter_rows(min_row=2, max_col=len(table.columns))
    ]
    assert sheet["A1"].value == table.title  # the title row above the header
    assert values[0] == [c.header for c in table.columns]
    expected = [[None if c == "" else c for c in row] for row in table.rows]
    # a trailing row of nothing but empty cells is no row at all to a spreadsheet
    blank = [None] * len(table.columns)
    assert values[1:] + [blank] * (len(expected) - len(values) + 1) == expected


@settings(max_examples=40)
@given(tables())
def test_text_tables_align_every_column(table: Table) -> None:
    lines = render(Report([table]), "table").splitlines()
    rule = lines[2]
    for line in lines[1:2] + lines[3 : 3 + len(table.rows)]:
        assert display_width(line) <= display_width(rule)


@settings(max_examples=40)
@given(tables())
def test_json_without_data_lists_the_rows_by_column_key(table: Table) -> None:
    data = json.loads(render(Report([table]), "json"))
    assert data["tables"][0]["rows"] == table.records()


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("政协ab") == 6


# These tests run the command and the docs as a user would: with the installed rule plugins.
pytestmark = pytest.mark.installed_plugins
