"""The dataset-format page, in English and Chinese, describes every table and column the reader knows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cppcc_model.io.tables import TABLES, Table

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "dataset-format.md"
CHINESE_PAGE = PAGE.with_name("dataset-format.zh.md")
# The page, the word its "required" column uses, and how it introduces a table's names.
PAGES = [
    pytest.param(PAGE, "yes", "File or sheet name: {names}.", ", ", id="en"),
    pytest.param(CHINESE_PAGE, "是", "文件名或工作表名：{names}。", "、", id="zh"),
]


def _section(page: Path, table: Table) -> str:
    text = page.read_text(encoding="utf-8")
    heading = f"### `{table.name}` ({table.zh})"
    assert heading in text, f"no section for {table.name} in {page.name}"
    body = text.split(heading, 1)[1]
    return body.split("\n### ", 1)[0]


@pytest.mark.parametrize(("page", "yes", "intro", "separator"), PAGES)
@pytest.mark.parametrize("table", TABLES, ids=[table.name for table in TABLES])
def test_every_column_has_its_row_with_both_headers(
    table: Table, page: Path, yes: str, intro: str, separator: str
) -> None:
    section = _section(page, table)
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    documented = [re.match(r"\| `([^`]+)` \| ([^|(]+)", row) for row in rows]
    pairs = [(m.group(1), m.group(2).strip()) for m in documented if m]
    assert pairs == [(column.name, column.zh) for column in table.columns]
    for column, row in zip(table.columns, rows, strict=True):
        required = row.split("|")[4].strip()
        assert required == (yes if column.required else ""), column.name
        if column.enum is not None:
            assert all(f"{member.label} (`{member.value}`)" in row for member in column.enum)


@pytest.mark.parametrize(("page", "yes", "intro", "separator"), PAGES)
def test_every_table_name_is_documented(page: Path, yes: str, intro: str, separator: str) -> None:
    text = page.read_text(encoding="utf-8")
    for table in TABLES:
        names = separator.join(f"`{name}`" for name in table.names)
        assert intro.format(names=names) in text
