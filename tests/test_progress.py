"""Progress on long work: a callback in the library, bars on a terminal's stderr only."""

from __future__ import annotations

import datetime as dt
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from cppcc_rules_xiangzhou import build_rule_set

from cppcc_model.assess.engine import assess
from cppcc_model.errors import DatasetError
from cppcc_model.io.dataset import load_dataset
from cppcc_model.model import Period
from cppcc_model.outputs.dossier import duty_records
from cppcc_model.outputs.meeting import meeting_report

pytestmark = pytest.mark.installed_plugins

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"


def test_the_library_reports_each_step_of_long_work() -> None:
    ledger = load_dataset(XIANGZHOU)
    rule_set = build_rule_set()
    assessment = assess(ledger, rule_set, Period.year(2022), as_of=dt.date(2022, 12, 31))
    heard: list[tuple[str, int, int]] = []

    def note(stage: str, done: int, total: int) -> None:
        heard.append((stage, done, total))

    meeting_report(ledger, rule_set, assessment, progress=note)
    cards = [h for h in heard if h[0] == "得分明细 score cards"]
    assert [h[1] for h in cards] == list(range(266))
    assert {h[2] for h in cards} == {265}
    heard.clear()
    duty_records(ledger, rule_set, assessment, members=["xz-g1-01", "xz-g7-08"], progress=note)
    assert heard == [("履职档案 duty records", n, 2) for n in range(3)]


def test_assess_reports_every_member_under_the_reference_and_start_and_end_under_the_columns() -> (
    None
):
    ledger = load_dataset(XIANGZHOU)
    rule_set = build_rule_set()
    heard: list[tuple[str, int, int]] = []

    def note(stage: str, done: int, total: int) -> None:
        heard.append((stage, done, total))

    reference = assess(ledger, rule_set, Period.year(2022), engine="reference", progress=note)
    served = len(reference.member_ids)
    assert heard == [("评分 scoring", n, served) for n in range(served + 1)]
    heard.clear()
    columnar = assess(ledger, rule_set, Period.year(2022), engine="columnar", progress=note)
    assert heard == [("评分 scoring", 0, 1), ("评分 scoring", 1, 1)]
    assert columnar.totals() == reference.totals()


def test_loading_reports_reading_each_table_and_checking() -> None:
    heard: list[tuple[str, int, int]] = []

    def note(stage: str, done: int, total: int) -> None:
        heard.append((stage, done, total))

    ledger = load_dataset(XIANGZHOU, progress=note)
    tables = len(list(XIANGZHOU.glob("*.csv")))
    assert tables == 18
    assert heard == [
        ("读取 reading", 0, 1),
        ("读取 reading", 1, 1),
        *[("解析 parsing", n, tables) for n in range(tables + 1)],
        ("核对 checking", 0, 1),
        ("核对 checking", 1, 1),
    ]
    assert len(ledger.members) == 265


def test_a_json_ledger_is_read_and_checked_as_one_step() -> None:
    heard: list[tuple[str, int, int]] = []
    quickstart = XIANGZHOU.parents[1] / "quickstart" / "ledger.json"
    load_dataset(quickstart, progress=lambda *step: heard.append(step))
    assert heard == [("读取 reading", 0, 1), ("读取 reading", 1, 1)]


def test_a_dataset_with_problems_is_checked_to_the_end_then_refused(tmp_path: Path) -> None:
    broken = tmp_path / "dataset"
    broken.mkdir()
    for table in XIANGZHOU.glob("*.csv"):
        (broken / table.name).write_bytes(table.read_bytes())
    members = broken / "委员.csv"
    lines = members.read_text(encoding="utf-8").splitlines()
    members.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")  # a duplicate id
    heard: list[tuple[str, int, int]] = []
    with pytest.raises(DatasetError):
        load_dataset(broken, progress=lambda *step: heard.append(step))
    assert heard[-2:] == [("核对 checking", 0, 1), ("核对 checking", 1, 1)]


def _run_with_terminal_stderr(*args: str) -> tuple[bytes, bytes]:
    main, attached = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CPPCC_DISABLE_PLUGIN_AUTOLOAD"}
    process = subprocess.Popen(
        [sys.executable, "-m", "cppcc_model", *args],
        stdout=subprocess.PIPE,
        stderr=attached,
        env={**env, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(attached)
    seen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out, _ = process.communicate(timeout=120)
    os.close(main)
    assert process.returncode == 0, seen.decode("utf-8", "replace")
    return out, seen


def test_a_terminal_sees_progress_and_the_output_stays_clean() -> None:
    out, terminal = _run_with_terminal_stderr(
        "rank", str(XIANGZHOU), "--rules", "xiangzhou", "--year", "2022", "-f", "csv"
    )
    assert "评分 scoring".encode() in terminal  # the bar, drawn on the terminal
    assert "解析 parsing".encode() in terminal  # loading has its bars too
    text = out.decode("utf-8")
    assert "scoring" not in text
    assert text.splitlines()[0].startswith("序号,名次,并列,姓名")
