"""``--max-rows``: the row limit of a dataset's tables is an option of every command that reads one.

The loaders refuse a table longer than ``max_rows`` (default 1,000,000) rather than read without
end; a province's roll calls (1.3 million rows) and the nation's (26 million) are longer, so the
command that reads them must be able to raise it, and says so when it refuses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cppcc_model.cli import ExitCode, cli

pytestmark = pytest.mark.installed_plugins  # the Xiangzhou rules score the example

XIANGZHOU = Path(__file__).resolve().parents[1] / "examples" / "xiangzhou" / "dataset"
ROLL_CALLS = XIANGZHOU / "出勤.csv"


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, ["--lang", "en", *[str(a) for a in args]])


def _data_rows(path: Path) -> int:
    return len(path.read_text(encoding="utf-8-sig").splitlines()) - 1


def test_a_table_longer_than_max_rows_is_refused_with_the_limit_named() -> None:
    rows = _data_rows(ROLL_CALLS)
    assert rows > 100
    result = run("rank", XIANGZHOU, "--rules", "xiangzhou", "--year", "2022", "--max-rows", 100)
    assert result.exit_code == ExitCode.BAD_INPUT, result.output
    assert "more than 100 rows" in result.output
    assert "max_rows" in result.output or "max-rows" in result.output


def test_a_limit_at_the_longest_table_reads_the_dataset_as_the_default() -> None:
    longest = max(_data_rows(path) for path in XIANGZHOU.glob("*.csv"))
    base = ("rank", XIANGZHOU, "--rules", "xiangzhou", "--year", "2022", "--format", "json")
    default = run(*base)
    limited = run(*base, "--max-rows", longest)
    assert default.exit_code == 0, default.output
    assert limited.exit_code == 0, limited.output
    assert json.loads(limited.stdout) == json.loads(default.stdout)
    short = run(*base, "--max-rows", longest - 1)
    assert short.exit_code == ExitCode.BAD_INPUT


def test_validate_takes_the_limit_too() -> None:
    result = run("validate", XIANGZHOU, "--max-rows", 10, "--format", "json")
    assert result.exit_code == ExitCode.BAD_INPUT
    problems = json.loads(result.stdout)["problems"]
    assert any("more than 10 rows" in p["message"] for p in problems)
    assert run("validate", XIANGZHOU, "--max-rows", 1_000_000).exit_code == 0


@pytest.mark.parametrize("value", ["0", "-5", "many"])
def test_a_limit_below_one_is_a_usage_error(value: str) -> None:
    result = run("rank", XIANGZHOU, "--max-rows", value)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "--max-rows" in result.output
