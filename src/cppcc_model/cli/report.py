"""``cppcc report``: the whole result for the chair's meeting, as a workbook or an HTML report."""

from __future__ import annotations

from pathlib import Path

import click

from cppcc_model.assess.ranking import RankMethod
from cppcc_model.cli.awards import award_results
from cppcc_model.cli.options import (
    assess_members,
    data_argument,
    emit,
    load,
    method_option,
    output_options,
    resolve_rules,
    resolve_when,
    rules_option,
    when_options,
)
from cppcc_model.cli.progress import terminal_progress
from cppcc_model.outputs.meeting import meeting_report

__all__ = ["report"]


@click.command("report")
@data_argument
@rules_option
@when_options
@method_option
@output_options
def report(
    data: Path,
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    method: str,
    format: str | None,
    output: Path | None,
) -> None:
    r"""Write the meeting report of DATA: rankings, score details, requirements, awards, charts.

    \b
    cppcc report DATA -o 考核结果.xlsx   a meeting-ready workbook (委员排名, 活动组排名, 得分明细,
                                         基本要求, 奖项, 公示名单, 分数分布, 类别构成; charts)
    cppcc report DATA -o 考核结果.html   one self-contained HTML page with every score card
    """
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    rule_set = resolve_rules(rules, ledger, when.as_of)
    assessment = assess_members(ledger, rule_set, when)
    awards = award_results(ledger, rule_set, when)
    with terminal_progress() as progress:
        made = meeting_report(
            ledger,
            rule_set,
            assessment,
            awards=awards,
            method=RankMethod.parse(method),
            progress=progress,
        )
    emit(made, format, output)
