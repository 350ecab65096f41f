"""``cppcc report``: the whole result for the chair's meeting, as a workbook or an HTML report."""

from __future__ import annotations

from pathlib import Path

import click

from cppcc_model.assess.ranking import RankMethod
from cppcc_model.cli.awards import award_results
from cppcc_model.cli.options import (
    assess_members,
    dataset_rules_when,
    emit,
    method_option,
    output_options,
)
from cppcc_model.cli.progress import terminal_progress
from cppcc_model.ledger import Ledger
from cppcc_model.outputs.meeting import meeting_report
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.when import When

__all__ = ["report"]


@click.command("report")
@dataset_rules_when
@method_option
@output_options
def report(
    ledger: Ledger,
    when: When,
    rule_set: RuleSet,
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
