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
    text = out.decode("utf-8")
    assert "scoring" not in text
    assert text.splitlines()[0].startswith("序号,名次,并列,姓名")
