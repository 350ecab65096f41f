"""The meeting report of the Xiangzhou example: the results table and the workbook, cell by cell.

The workbook is opened with openpyxl and read as Excel would: numbers are numbers with a fixed
number format, sheet names are short, every sheet has its title row, frozen header, filter,
borders and print setup, and the charts are there. Every figure is compared with the library's
own assessment of the same data.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
import subprocess
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from cppcc_rules_xiangzhou import build_rule_set
from openpyxl.utils import get_column_letter

from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.assess.ranking import RankMethod
from cppcc_model.cli import ExitCode, cli
from cppcc_model.io.dataset import load_dataset
from cppcc_model.io.safe_text import restore_formula
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.names import StrokeOrder
from cppcc_model.outputs import OutputError, Report, Table, format_for, write_report
from cppcc_model.outputs.meeting import distribution, meeting_report
from cppcc_model.outputs.results import member_results
from cppcc_model.outputs.xlsx import FOOTER
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.testing.codes import raises_code

pytestmark = pytest.mark.installed_plugins

ROOT = Path(__file__).resolve().parents[1]
XIANGZHOU = ROOT / "examples" / "xiangzhou" / "dataset"
YEAR = Period.year(2022)


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load_dataset(XIANGZHOU)


@pytest.fixture(scope="module")
def rule_set() -> RuleSet:
    return build_rule_set()


@pytest.fixture(scope="module")
def assessment(ledger: Ledger, rule_set: RuleSet) -> Assessment:
    return assess(ledger, rule_set, YEAR, as_of=dt.date(2022, 12, 31))


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    out = tmp_path_factory.mktemp("meeting") / "考核结果.xlsx"
    result = CliRunner().invoke(
        cli, ["report", str(XIANGZHOU), "--rules", "xiangzhou", "--year", "2022", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


# ------------------------------------------------------------------ the results table


def test_members_are_listed_in_rank_order_with_ties_in_stroke_order(
    ledger: Ledger, rule_set: RuleSet, assessment: Assessment
) -> None:
    table = member_results(ledger, rule_set, assessment).table
    rows = table.records()
    assert [r["number"] for r in rows] == list(range(1, len(assessment.cards) + 1))
    totals = [assessment.card(str(r["member_id"])).total for r in rows]
    assert totals == sorted(totals, reverse=True)
    order = StrokeOrder(unknown="last")
    for before, after in itertools.pairwise(rows):
        if before["rank"] == after["rank"]:
            assert before["tied"] == after["tied"] == "并列"
            assert order.key(str(before["name"])) <= order.key(str(after["name"]))
        else:
            assert after["rank"] == after["number"]  # competition ranking: 1, 2, 2, 4


def test_each_row_carries_every_category_the_total_and_the_requirements(
    ledger: Ledger, rule_set: RuleSet, assessment: Assessment
) -> None:
    table = member_results(ledger, rule_set, assessment, method=RankMethod.DENSE).table
    headers = [c.header for c in table.columns]
    labels = [c.label for c in rule_set.categories]
    assert headers == [
        "序号",
        "名次",
        "并列",
        "姓名",
        "编号",
        "界别",
        "活动组",
        *labels,
        "总分",
        "等次",
        "基本要求",
        "提示",
    ]
    for row in table.records():
        card = assessment.card(str(row["member_id"]))
        assert row["total"] == rule_set.rounding.present(card.total)
        for category in card.categories:
            assert row[f"category:{category.category_id}"] == rule_set.rounding.present(
                category.points
            )
        member = ledger.member(card.member_id)
        assert row["sector"] == next(s.name for s in ledger.sectors if s.id == member.sector_id)
        failed = [r for r in card.requirements if not r.met and r.strength != "encouraged"]
        if failed:
            text = str(row["requirements"])
            assert text.startswith("未达标：")
            assert all(f"{r.label} {r.count}/{r.needed}" in text for r in failed)
        else:
            assert row["requirements"] == "达标"
    places = table.column("rank")
    assert max(p for p in places if isinstance(p, int)) < len(places)  # dense: fewer places


def test_distribution_counts_every_member_once_in_bands_of_ten() -> None:
    totals = [Fraction(0), Fraction(95, 10), Fraction(10), Fraction(3001, 100), Fraction(30)]
    assert distribution(totals) == [(0, 10, 2), (10, 20, 1), (20, 30, 0), (30, 40, 2)]
    assert distribution([]) == []


# ------------------------------------------------------------------ the workbook


def test_the_workbook_has_the_short_sheet_names(workbook: openpyxl.Workbook) -> None:
    names = workbook.sheetnames
    for name in ("委员排名", "得分明细", "基本要求", "奖项", "公示名单", "分数分布", "类别构成"):
        assert name in names
    assert "镇街活动组考核" in names
    assert "区直活动组考核" in names
    assert all(len(n) <= 31 for n in names)


def test_scores_are_numbers_with_a_fixed_format_equal_to_the_library(
    workbook: openpyxl.Workbook, assessment: Assessment, rule_set: RuleSet
) -> None:
    sheet = workbook["委员排名"]
    headers = [c.value for c in sheet[2]]
    total_column = headers.index("总分") + 1
    id_column = headers.index("编号") + 1
    first_category = headers.index(rule_set.categories[0].label) + 1
    seen = 0
    for row in range(3, 3 + len(assessment.cards)):
        member_id = sheet.cell(row=row, column=id_column).value
        card = assessment.card(member_id)
        total = sheet.cell(row=row, column=total_column)
        assert isinstance(total.value, int | float)
        assert total.number_format == "0.00"
        assert Decimal(str(total.value)).quantize(Decimal("0.01")) == card.rounding.present(
            card.total
        )
        assert isinstance(sheet.cell(row=row, column=1).value, int)  # 序号
        assert isinstance(sheet.cell(row=row, column=2).value, int)  # 名次
        category = sheet.cell(row=row, column=first_category)
        assert isinstance(category.value, int | float)
        assert category.number_format == "0.00"
        seen += 1
    assert seen == len(assessment.cards) == 265


def test_every_sheet_is_laid_out_and_set_up_for_printing(workbook: openpyxl.Workbook) -> None:
    for sheet in workbook.worksheets:
        width = len([c for c in sheet[2] if c.value])
        title = sheet["A1"].value
        assert "考核期间 2022-01-01 至 2022-12-31" in title
        assert "截至 2022-12-31" in title
        assert (
            any(str(r) == f"A1:{get_column_letter(width)}1" for r in sheet.merged_cells.ranges)
            or width == 1
        )
        assert sheet.freeze_panes == "A3"
        assert sheet.auto_filter.ref.startswith("A2:")
        assert sheet["A2"].font.b
        assert sheet["A2"].border.bottom.style == "thin"
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$1:$2"
        assert sheet.oddFooter.center.text == FOOTER == "第 &P 页 共 &N 页"


def test_the_charts_are_drawn_from_the_sheets(workbook: openpyxl.Workbook) -> None:
    def kinds(name: str) -> list[str]:
        return [type(c).__name__ for c in workbook[name]._charts]

    assert kinds("镇街活动组考核") == ["BarChart"]
    assert kinds("参加单位成员履职考核人均得分") == ["BarChart"]
    assert kinds("分数分布") == ["BarChart"]
    assert kinds("类别构成") == ["PieChart"]
    bands = workbook["分数分布"]
    counts = [bands.cell(row=r, column=2).value for r in range(3, bands.max_row + 1)]
    assert sum(c for c in counts if isinstance(c, int)) == 265


def test_the_requirements_and_award_sheets_match_the_library(
    workbook: openpyxl.Workbook, assessment: Assessment
) -> None:
    sheet = workbook["基本要求"]
    results = {
        sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=3).value
        for r in range(3, 3 + len(assessment.cards))
    }
    assert results == {
        c.member_id: ("达标" if c.requirements_met else "未达标") for c in assessment.cards
    }
    notice = workbook["公示名单"]
    assert [c.value for c in notice[2]] == ["奖项", "序号", "名称"]
    awards = workbook["奖项"]
    assert isinstance(awards.cell(row=3, column=3).value, int)  # place
    assert isinstance(awards.cell(row=3, column=6).value, int | float)  # score


# ------------------------------------------------------------------ formats and files


def test_the_output_format_follows_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "得分.xlsx"
    result = CliRunner().invoke(
        cli, ["score", str(XIANGZHOU), "--rules", "xiangzhou", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames == ["委员得分"]
    assert format_for(None, "a.html") == "html"
    assert format_for(None, "a.CSV") == "csv"
    assert format_for(None, None) == "table"
    assert format_for("json", "a.json") == "json"


def test_a_format_that_contradicts_the_extension_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "得分.xlsx"
    result = CliRunner().invoke(
        cli, ["score", str(XIANGZHOU), "--rules", "xiangzhou", "-f", "table", "-o", str(out)]
    )
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "does not match the file name 得分.xlsx" in result.stderr
    assert not out.exists()
    with raises_code(OutputError, "O005"):
        format_for("html", None)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    table = Table("t", [("a", "甲"), ("b", "乙")], [["=1+1", 2], ["@SUM(A1)", Decimal("1.50")]])
    write_report(Report([table]), None, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert sheet["A3"].value == "'=1+1"  # neutralised: cppcc_model.io.safe_text
    assert restore_formula(sheet["A3"].value) == "=1+1"
    assert sheet["A3"].data_type == "s"
    assert sheet["B4"].value == 1.5
    assert sheet["B4"].number_format == "0.00"


def test_a_failed_write_leaves_no_file_behind(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "t.xlsx"
    with raises_code(OutputError, "O001"):
        write_report(Report([Table("t", [("a", "甲")], [[1]])]), None, target)
    assert list(tmp_path.iterdir()) == []


def test_the_library_report_is_what_the_command_writes(
    ledger: Ledger, rule_set: RuleSet, assessment: Assessment, workbook: openpyxl.Workbook
) -> None:
    report = meeting_report(ledger, rule_set, assessment)
    members = report.tables[0]
    sheet = workbook["委员排名"]
    for number, row in enumerate(members.rows[:20], start=3):
        assert [sheet.cell(row=number, column=c).value for c in range(1, 8)] == list(row[:7])
    assert len(report.sections) == len(assessment.cards)


def test_the_workbook_prints_on_a4_landscape_in_libreoffice(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (Debian's libreoffice-calc-nogui prints it)")
    folder = tmp_path_factory.mktemp("print")
    book = folder / "考核结果.xlsx"
    result = CliRunner().invoke(
        cli, ["report", str(XIANGZHOU), "--rules", "xiangzhou", "--year", "2022", "-o", str(book)]
    )
    assert result.exit_code == 0, result.output
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(book),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    data = (folder / "考核结果.pdf").read_bytes()
    boxes = {
        tuple(round(float(v)) for v in m.split())
        for m in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)
    }
    assert boxes == {(0, 0, 842, 595)}  # every sheet on A4 landscape
    assert (
        len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 11
    )  # every sheet, the long ones on several pages
    if os.environ.get("CPPCC_UPDATE_SCREENSHOTS") and shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(folder / "考核结果.pdf"),
                str(ROOT / "docs" / "images" / "workbook-print"),
            ],
            check=True,
            timeout=120,
        )
