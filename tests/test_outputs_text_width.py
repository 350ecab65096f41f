"""Wide tables fit the terminal: folded into blocks of columns, each repeating the names.

A results table of 20 categories is 150 columns wide; on an 80-column terminal every printed
line must fit, every cell must still be printed, and each block must start with the columns up
to the member's name, so a reader can follow a row across blocks. Pipes and files are never
folded.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.cli import cli
from cppcc_model.outputs.tables import Report, Table
from cppcc_model.outputs.text import display_width, render_text, wrap_display

NAMES = ["王志强", "李秀英", "欧阳明月", "张三"]


def _wide(categories: int, names: list[str]) -> Table:
    columns = [("number", "序号"), ("name", "姓名")]
    columns += [(f"category:c{i}", f"类别{i}") for i in range(categories)]
    columns += [("total", "总分")]
    rows = [
        [n + 1, name, *[Decimal(f"{(n + 1) * i}.25") for i in range(categories)], Decimal("99.50")]
        for n, name in enumerate(names)
    ]
    return Table("委员排名", columns, rows, notes=["同分者按姓氏笔画排列"])


def test_a_wide_table_folds_into_blocks_that_fit_and_repeat_the_names() -> None:
    text = render_text(Report([_wide(20, NAMES)]), "table", width=80)
    lines = text.rstrip("\n").split("\n")
    assert max(display_width(line) for line in lines) <= 80
    titles = [line for line in lines if line.startswith("委员排名（")]
    assert len(titles) >= 2
    assert titles[0] == f"委员排名（1/{len(titles)}）"
    headers = [lines[lines.index(title) + 1] for title in titles]
    assert all(header.split()[:2] == ["序号", "姓名"] for header in headers)
    for name in NAMES:  # every block lists every member
        assert sum(line.split()[1:2] == [name] for line in lines) == len(titles)
    every_cell = {f"类别{i}" for i in range(20)} | {"总分", "99.50", "4.25", "76.25"}
    assert every_cell <= set(text.split())
    assert lines[-1] == "同分者按姓氏笔画排列"
    assert text.count("同分者按姓氏笔画排列") == 1


def test_without_a_width_or_when_it_fits_the_table_is_one_block() -> None:
    wide = Report([_wide(20, NAMES)])
    assert "（1/" not in render_text(wide, "table")
    narrow = Report([_wide(2, NAMES)])
    assert render_text(narrow, "table", width=80) == render_text(narrow, "table")


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 30),
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True),
    st.integers(40, 200),
)
def test_folding_keeps_every_cell_in_order_and_fits_when_the_names_do(
    categories: int, names: list[str], width: int
) -> None:
    table = _wide(categories, names)
    text = render_text(Report([table]), "table", width=width)
    lines = text.rstrip("\n").split("\n")
    kept = 2 + 2 + max(display_width(n) for n in [*names, "姓名"]) + 2
    widest = max(display_width(f"类别{i}") for i in range(categories))
    if kept + widest + 8 <= width:
        assert max(display_width(line) for line in lines) <= width
    # the category headers appear once each, in order, across the blocks
    printed = [word for line in lines for word in line.split() if word.startswith("类别")]
    assert printed == [f"类别{i}" for i in range(categories)]


@pytest.mark.installed_plugins
def test_the_command_folds_for_a_terminal_and_never_for_a_pipe(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import cppcc_model.cli.options as options

    args = ["rank", "examples/xiangzhou/dataset", "--rules", "xiangzhou", "--year", "2022"]
    piped = CliRunner().invoke(cli, args)
    assert piped.exit_code == 0, piped.output
    assert "（1/" not in piped.output
    monkeypatch.setattr(options, "terminal_width", lambda: 100)
    folded = CliRunner().invoke(cli, args)
    assert folded.exit_code == 0, folded.output
    lines = folded.output.rstrip("\n").split("\n")
    assert max(display_width(line) for line in lines) <= 100
    assert "（1/" in folded.output
    assert "张景海" in folded.output


def _width_by_characters(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _wrapped_by_characters(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        size = _width_by_characters(ch)
        if line and used + size > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += size
    return [*lines, line]


@settings(max_examples=300)
@given(st.text(), st.integers(min_value=1, max_value=30))
def test_the_width_and_the_wrapping_are_those_counted_character_by_character(
    text: str, width: int
) -> None:
    # ASCII text is measured by its length and text that fits is not cut: shortcuts only
    assert display_width(text) == _width_by_characters(text)
    assert display_width(text.encode("ascii", "replace").decode()) == len(
        text.encode("ascii", "replace")
    )
    assert wrap_display(text, width) == _wrapped_by_characters(text, width)
