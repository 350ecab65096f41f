"""Messages in the clerk's language: the catalogue, the choice of language, the command's output."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cppcc_model.cli import cli
from cppcc_model.errors import DatasetError, Location, Problem
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.messages import (
    choose_lang,
    render_error,
    render_location,
    say,
    translate,
)

LIUJIANG = Path(__file__).resolve().parents[1] / "examples" / "liujiang" / "dataset"


@pytest.mark.parametrize(
    ("explicit", "env", "lang"),
    [
        (None, {}, "zh"),
        (None, {"LANG": "C.UTF-8"}, "zh"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"),
        (None, {"CPPCC_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ("zh", {"CPPCC_LANG": "en"}, "zh"),
        ("en", {}, "en"),
    ],
)
def test_chinese_unless_english_is_asked_for(
    explicit: str | None, env: dict[str, str], lang: str
) -> None:
    assert choose_lang(explicit, env) == lang


# Every entry rendering its own message (and no other entry taking it over) is tested with
# the registry, in tests/test_error_codes.py.


def test_a_hint_that_starts_with_a_suggestion_is_translated_whole() -> None:
    hint = "did you mean 'm02' (李秀英)? add it to members (委员) or correct the id"
    assert translate(hint) == "是不是要写 'm02'（李秀英）？请在members (委员)中添加它，或改正编号"
    assert translate("something the catalogue has never seen") == (
        "something the catalogue has never seen"
    )


def test_locations_and_lists_of_problems_read_in_chinese() -> None:
    where = Location(file="台账.xlsx", sheet="出勤", row=12, column="出勤状态", record_id="a1")
    assert render_location(where) == "台账.xlsx，工作表“出勤”，第 12 行，“出勤状态”列，记录“a1”"
    error = DatasetError(
        "cannot load the dataset 台账.xlsx",
        [Problem("'请家' is not a known 出勤状态 (attendance status)", where, "use one of: 出席")],
        hint="fix the problems listed; nothing was loaded",
    )
    assert render_error(error).splitlines() == [
        "[L001] 无法读取数据 台账.xlsx（1 个问题） — 请逐条改正下列问题；本次没有读入任何数据",
        "  - [V401] 台账.xlsx，工作表“出勤”，第 12 行，“出勤状态”列，记录“a1”："
        "'请家' 不是有效的出勤状态 (attendance status) — 请从以下选择：出席",
    ]
    assert render_error(error, "en").splitlines() == [
        f"[{error.code}] {line}" if i == 0 else line.replace("  - ", "  - [V401] ")
        for i, line in enumerate(str(error).splitlines())
    ]
    assert say("wrote", "zh", path="得分.xlsx") == "cppcc: 已写出 得分.xlsx"


_ENGLISH = re.compile(r"\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b")


def test_a_clerks_mistakes_are_all_told_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    write_dataset(load_dataset(LIUJIANG), path, format="xlsx", headers="zh")
    book = openpyxl.load_workbook(path)
    members = book["委员"]
    members.cell(row=1, column=2).value = "性名"  # a homophone for 姓名
    members.cell(row=3, column=1).value = members.cell(row=2, column=1).value  # a repeated id
    roll = book["出勤"]
    roll.cell(row=2, column=3).value = "请家"  # not a label
    roll.cell(row=3, column=2).value = "卢振宇"  # a name where the id belongs
    activities = book["活动"]
    date_column = [c.value for c in activities[1]].index("开始日期") + 1
    activities.cell(row=2, column=date_column).value = "06/30/2022"  # ambiguous
    book.create_sheet("草稿")["A1"] = "备忘"  # not a table
    book.save(path)
    with pytest.raises(DatasetError):
        load_dataset(path)
    result = CliRunner().invoke(cli, ["--lang", "zh", "validate", str(path)])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()[1:]
    assert len(lines) >= 6
    for line in lines:
        message = re.sub(r"'[^']*'|“[^”]*”|\([^)]*\)|（[^）]*）", "", line)
        assert not _ENGLISH.search(message), line
    text = result.stdout
    assert "是不是要写 '姓名'？" in text
    assert "不是有效的出勤状态" in text
    assert "有歧义：日和月的先后只能靠猜" in text
    assert "工作表 '草稿' 不是数据集中的表" in text
    english = CliRunner().invoke(cli, ["--lang", "en", "validate", str(path)])
    assert "is not a known 出勤状态" in english.stdout


def test_the_command_speaks_chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CPPCC_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    result = CliRunner().invoke(cli, ["rank", str(LIUJIANG), "--period", "2022-13"])
    assert result.exit_code == 2
    assert result.stderr.startswith("cppcc: 错误：[V209] 无法把 '2022-13' 读作考核期间")
