"""examples/quickstart.py runs, ranks the committee and prints an aligned Chinese table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cppcc_model.cli.formatting import display_width

ROOT = Path(__file__).resolve().parents[1]


def test_the_quickstart_prints_an_aligned_ranking_and_a_score_card() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "示例区政协 — 政协桐城市委员会委员履职考核暂行办法 — 2022"
    assert lines[1].split() == ["名次", "并列", "姓名", "总分", "等次"]
    rows = lines[3:13]
    assert [row.split()[-3:] for row in rows[:4]] == [
        ["王建国", "98.00", "合格"],
        ["刘洋", "98.00", "合格"],
        ["赵磊", "98.00", "合格"],
        ["黄丽", "95.00", "合格"],
    ]
    assert [row.split()[:2] for row in rows[:3]] == [["1", "并列"]] * 3
    assert rows[-1].split() == ["10", "陈静", "32.50", "不合格"]
    # columns line up on the screen: each total ends in the same terminal column
    ends = {display_width(row[: row.index(row.split()[-2]) + len(row.split()[-2])]) for row in rows}
    assert len(ends) == 1
    assert "王建国 (m01) — tongcheng-2019-toml" in result.stdout  # the first member's card


def test_the_quickstart_says_what_it_is() -> None:
    text = (ROOT / "examples" / "quickstart.py").read_text(encoding="utf-8")
    assert "README's first command" not in text
    assert "unicodedata" not in text  # the library's own table formatting, no copy of it
    assert "from cppcc_model.cli.formatting import" in text
