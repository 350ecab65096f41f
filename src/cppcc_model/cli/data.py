"""``cppcc validate``: every problem of a dataset at once, where the clerk can fix it."""

from __future__ import annotations

from pathlib import Path

import click

from cppcc_model.cli.app import ExitCode, cli_context, flush
from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import (
    data_argument,
    emit,
    max_rows,
    output_options,
    remember_input,
)
from cppcc_model.errors import Problem
from cppcc_model.io.dataset import inspect_dataset
from cppcc_model.messages import Lang, problem_dict, render_problem, say

__all__ = ["validate"]

_COLUMNS = [
    ("code", "代码"),
    ("file", "文件"),
    ("sheet", "工作表"),
    ("row", "行"),
    ("column", "列"),
    ("record", "记录"),
    ("field", "字段"),
    ("problem", "问题"),
    ("hint", "修改建议"),
]


def _row(problem: Problem, lang: Lang) -> list[Cell]:
    data = problem_dict(problem, lang)
    return [
        data["code"],
        data["file"],
        data["sheet"],
        data["row"],
        data["column"],
        data["record"],
        data["field"],
        data["message"],
        data["hint"],
    ]


@click.command("validate")
@data_argument
@output_options
def validate(data: Path, format: str, output: Path | None) -> None:
    """Check DATA and list every problem with its file, sheet, row and column.

    Exits 0 when the dataset loads, 2 when it does not (nothing is loaded then).
    """
    from cppcc_model.cli.progress import terminal_progress

    remember_input(data)
    with terminal_progress() as progress:
        problems, ledger = inspect_dataset(
            data, lifecycles=True, progress=progress, max_rows=max_rows()
        )
    lang: Lang = "en" if cli_context().lang == "en" else "zh"
    if problems:
        count = len(problems)
        heading = say("invalid", lang, data=data, count=count, problems=_problems(count))
        table = Table(
            heading,
            _COLUMNS,
            [_row(p, lang) for p in problems],
        )
        payload = {
            "valid": False,
            "problems": [problem_dict(p, lang) for p in problems],
        }
        text = "\n".join([heading] + [f"  - {render_problem(p, lang)}" for p in problems])
        emit(Report([table], payload, text), format, output)
        flush()
        click.get_current_context().exit(int(ExitCode.BAD_INPUT))
    assert ledger is not None  # no problem: the dataset loaded
    counts: list[list[Cell]] = [
        ["members", "委员", len(ledger.members)],
        ["activity_groups", "活动组", len(ledger.activity_groups)],
        ["activities", "活动", len(ledger.activities)],
        ["proposals", "提案", len(ledger.proposals)],
        ["info_reports", "社情民意", len(ledger.info_reports)],
        ["contributions", "履职成果", len(ledger.contributions)],
        ["work_plans", "工作要点", len(ledger.work_plans)],
    ]
    table = Table(
        say("valid", lang, data=data, name=ledger.committee.name),
        [("table", "表"), ("label", "名称"), ("records", "记录数")],
        counts,
    )
    payload = {
        "valid": True,
        "committee": ledger.committee.name,
        "records": {r[0]: r[2] for r in counts},
    }
    emit(Report([table], payload), format, output)


def _problems(count: int) -> str:
    """``problem`` / ``problems``, for ``count`` of them."""
    return "problem" if count == 1 else "problems"
