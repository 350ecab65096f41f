"""No output that harms its reader: formula-like text through every writer, layout, truncation.

Every CSV, xlsx and Markdown the library writes — command reports (scores, rankings, award
lists, problem lists, rosters …) and ``write_dataset`` — goes through
:mod:`cppcc_model.io.safe_text`. These tests feed formula-like text, right-to-left overrides,
line breaks, control characters and over-long text through each writer and read the output as
a spreadsheet or a Markdown renderer would.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import attrs
import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cppcc_model.cli import cli
from cppcc_model.cli.formatting import OutputError, Report, Table, render, write_report
from cppcc_model.errors import DatasetError
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.io.safe_text import (
    BIDI_CONTROLS,
    EXCEL_CELL_LIMIT,
    FORMULA_STARTS,
    is_formula_like,
    neutralise_formula,
    printable,
    restore_formula,
    safe_cell,
    text_problem,
)
from cppcc_model.ledger import Ledger
from reliability._support import fuzz

ROOT = Path(__file__).resolve().parents[2]
LIUJIANG = ROOT / "examples" / "liujiang" / "dataset"

HOSTILE = [
    '=HYPERLINK("http://evil.example","点此")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "'=1+1",
    "''@x",
]

formula_like = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from(sorted(FORMULA_STARTS) + ["'", "''"]),
    st.text(max_size=20),
)
any_text = st.one_of(formula_like, st.text(max_size=30))


# ---------------------------------------------------------------------- the functions


@fuzz(500)
@given(any_text)
def test_neutralise_is_reversible_and_never_leaves_a_formula(text: str) -> None:
    safe = neutralise_formula(text)
    assert restore_formula(safe) == text
    assert not is_formula_like(safe)


@fuzz(300)
@given(any_text)
def test_safe_cell_is_printable_and_single_line_when_asked(text: str) -> None:
    cell = safe_cell(text, line_breaks=False)
    assert not is_formula_like(cell)
    assert _one_safe_line(cell)
    cell.encode("utf-8")  # never a lone surrogate


def _one_safe_line(text: str) -> bool:
    """No control character, surrogate, direction control or line break."""
    return not any(
        ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in text
    )


def test_plain_numbers_stay_numbers() -> None:
    for number in ("-2", "-1.50", "+3", "0", "12.5", "-7%"):
        assert neutralise_formula(number) == number
    assert neutralise_formula("-1/3") == "'-1/3"  # Excel would compute it


def test_printable_escapes_what_breaks_a_layout() -> None:
    assert printable("名\u202e单") == "名\\u202e单"
    assert printable("\x1b[2J") == "\\x1b[2J"
    assert printable("\ud800") == "\\ud800"
    assert printable("一\r\n二\u2028三", line_breaks=False) == "一 二 三"
    assert printable("一\n二") == "一\n二"


def test_text_problem_names_the_character_and_position() -> None:
    assert text_problem("张三") is None
    assert text_problem("a\tb\nc") is None
    assert text_problem("ab\x00") == "the text holds the control character U+0000 at position 3"
    assert "U+202E" in (text_problem("\u202e甲") or "")
    assert "lone surrogate U+DC80" in (text_problem("x\udc80") or "")


# ---------------------------------------------------------------------- write_report


def _report(cells: list[str]) -> Report:
    rows = [(text, index) for index, text in enumerate(cells)]
    return Report(
        [Table(cells[0] if cells else "表", [("name", "姓名"), ("n", "序号")], rows, cells[:1])]
    )


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _check_csv(text: str) -> None:
    for cell in _csv_cells(text):
        assert not is_formula_like(cell), cell
        assert not any(ch in cell for ch in BIDI_CONTROLS)


def _check_md(text: str) -> None:
    """Every table keeps one row per line and its column count; no cell is a formula."""
    widths: set[int] = set()
    for line in [*text.splitlines(), ""]:
        if not line.startswith("|"):
            assert len(widths) <= 1, text
            widths = set()
        assert "<" not in re.sub(r"\\<", "", line)
        assert _one_safe_line(line)
        if not line.startswith("|"):
            continue
        unescaped = re.sub(r"\\.", "", line)
        widths.add(unescaped.count("|"))
        if re.fullmatch(r"\|[-:|]+\|", line):
            continue
        for cell in unescaped.strip("|").split("|"):
            assert not is_formula_like(cell.strip()), line


def _check_xlsx(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)  # not read-only: data types are seen as stored
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not is_formula_like(cell.value), cell.value
                    assert not any(ch in cell.value for ch in BIDI_CONTROLS)


@fuzz(60)
@given(st.lists(st.one_of(any_text, st.sampled_from(HOSTILE)), min_size=1, max_size=6))
def test_every_report_format_neutralises_what_it_is_given(
    tmp_path_factory: pytest.TempPathFactory, cells: list[str]
) -> None:
    report = _report(cells)
    _check_csv(render(report, "csv"))
    _check_md(render(report, "md"))
    for line in render(report, "table").splitlines():
        assert _one_safe_line(line)
    json.loads(render(report, "json"))
    out = tmp_path_factory.mktemp("xlsx") / "r.xlsx"
    write_report(report, "xlsx", out)
    _check_xlsx(out)


def test_markdown_keeps_one_row_per_line_and_escapes_markup() -> None:
    text = render(_report(["a|b\nc", "<script>x</script>", "[x](javascript:y)"]), "md")
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) == 2 + 3  # header, rule, three rows
    assert "\\<script\\>" in text
    assert "\\[x\\]" in text


def test_text_too_long_for_a_cell_is_an_error_not_a_cut(tmp_path: Path) -> None:
    long_text = "长" * (EXCEL_CELL_LIMIT + 1)
    report = Report([Table("表", [("t", "内容")], [(long_text,)])])
    out = tmp_path / "r.xlsx"
    with pytest.raises(OutputError) as caught:
        write_report(report, "xlsx", out)
    assert caught.value.where is not None
    assert caught.value.where.file == str(out)
    assert caught.value.where.sheet == "表"
    assert caught.value.where.row == 3  # the title row, the header row, then this row
    assert caught.value.where.column == "A"
    assert not out.exists()
    csv_out = tmp_path / "r.csv"
    write_report(report, "csv", csv_out)  # CSV holds it whole
    assert long_text in csv_out.read_text(encoding="utf-8-sig")


# ---------------------------------------------------------------------- the commands


def _hostile_ledger() -> Ledger:
    ledger = load_dataset(LIUJIANG)
    members = list(ledger.members)
    names = [text for text in HOSTILE if text == text.strip()]
    for index, text in enumerate(names[: len(members)]):
        members[index] = attrs.evolve(members[index], name=text)
    activities = list(ledger.activities)
    for index, text in enumerate(HOSTILE[: len(activities)]):
        activities[index] = attrs.evolve(activities[index], title=text.strip() + "\n第二行")
    return attrs.evolve(ledger, members=members, activities=activities)


@pytest.fixture(scope="module")
def hostile_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.json"
    write_dataset(_hostile_ledger(), path, format="json")
    return path


COMMANDS = [
    ["score", "--rules", "tongcheng"],
    ["rank", "--rules", "tongcheng", "--by", "member", "--by", "group"],
    ["awards", "--rules", "tongcheng", "--all"],
    ["explain", "--rules", "tongcheng"],
    ["report", "--rules", "tongcheng"],
    ["dossier", "--rules", "tongcheng"],
    ["check", "--rules", "tongcheng"],
    ["members stats"],
    ["activities list"],
    ["proposals list"],
    ["info stats"],
    ["info report"],
    ["contributions list"],
]


@pytest.mark.installed_plugins
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0].replace(" ", "-"))
@pytest.mark.parametrize("format", ["csv", "xlsx", "md"])
def test_commands_write_no_formula(
    hostile_dataset: Path, tmp_path: Path, command: list[str], format: str
) -> None:
    out = tmp_path / f"out.{format}"
    name, *options = command
    target = [HOSTILE[0]] if name == "explain" else []
    result = CliRunner().invoke(
        cli, [*name.split(), str(hostile_dataset), *target, *options, "-f", format, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    names_members = command[0] in ("score", "rank", "report", "dossier")
    if format == "csv":
        text = out.read_text(encoding="utf-8-sig")
        _check_csv(text)
        if names_members:
            assert "'=HYPERLINK(" in text  # the name is there, neutralised
    elif format == "md":
        _check_md(out.read_text(encoding="utf-8"))
    else:
        _check_xlsx(out)
        if names_members:  # opened as a person opens it: the name is there, as text
            book = openpyxl.load_workbook(out)
            texts = [
                cell.value
                for sheet in book.worksheets
                for row in sheet.iter_rows()
                for cell in row
                if isinstance(cell.value, str)
            ]
            assert any(t.startswith("'=HYPERLINK(") for t in texts)


def test_validate_problem_list_neutralises_the_text_it_quotes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "committee.csv").write_text(
        'key,value\nid,=HYPERLINK("x")\nname,@evil\nlevel,=1+1\njurisdiction,x\n',
        encoding="utf-8",
    )
    out = tmp_path / "problems.csv"
    result = CliRunner().invoke(cli, ["validate", str(data), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 2, result.output
    _check_csv(out.read_text(encoding="utf-8-sig"))
    xlsx = tmp_path / "problems.xlsx"
    result = CliRunner().invoke(cli, ["validate", str(data), "-f", "xlsx", "-o", str(xlsx)])
    assert result.exit_code == 2, result.output
    _check_xlsx(xlsx)


# ---------------------------------------------------------------------- write_dataset


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_write_dataset_neutralises_and_reads_back_equal(tmp_path: Path, format: str) -> None:
    ledger = _hostile_ledger()
    target = tmp_path / ("data" if format == "csv" else "data.xlsx")
    write_dataset(ledger, target, format=format)  # type: ignore[arg-type]
    if format == "csv":
        for file in target.iterdir():
            _check_csv(file.read_text(encoding="utf-8-sig"))
    else:
        _check_xlsx(target)
    assert load_dataset(target) == ledger


def test_write_dataset_refuses_to_cut_long_text(tmp_path: Path) -> None:
    ledger = load_dataset(LIUJIANG)
    first = attrs.evolve(ledger.activities[0], title="长" * (EXCEL_CELL_LIMIT + 5))
    ledger = attrs.evolve(ledger, activities=[first, *ledger.activities[1:]])
    target = tmp_path / "data.xlsx"
    with pytest.raises(DatasetError) as caught:
        write_dataset(ledger, target, format="xlsx")
    (problem,) = caught.value.problems
    assert problem.where.sheet == "activities"
    assert problem.where.column == "title"
    assert problem.where.row == 2
    assert not target.exists()
    write_dataset(ledger, tmp_path / "data", format="csv")  # CSV holds it whole
    assert load_dataset(tmp_path / "data") == ledger
