"""``cppcc awards``: every award of the rule set — winners, the 公示 list, and why not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cppcc_model.assess.awards import AwardResult, award_candidates, select_winners
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.groups import GroupsAssessment, assess_groups
from cppcc_model.cli.app import cli_context
from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import (
    When,
    assess_members,
    data_argument,
    emit,
    load,
    output_options,
    resolve_rules,
    resolve_when,
    rules_option,
    when_options,
)
from cppcc_model.ledger import Ledger
from cppcc_model.rules.awards import Award, AwardSubject
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["award_results", "awards"]


def award_results(ledger: Ledger, rule_set: RuleSet, when: When) -> list[AwardResult]:
    """Every award of ``rule_set`` decided (member scores under another rule set if it says)."""
    assessments: dict[str, Assessment] = {}

    def members_under(name: str | None) -> Assessment:
        key = name or rule_set.name
        if key not in assessments:
            chosen = rule_set if name is None else cli_context().plugins().rule_sets.get(name)
            assessments[key] = assess_members(ledger, chosen, when)
        return assessments[key]

    groups: dict[str, GroupsAssessment] | None = None
    results = []
    for award in rule_set.awards:
        needs_groups = award.subject in (AwardSubject.ACTIVITY_GROUP, AwardSubject.UNIT)
        if needs_groups and groups is None:
            base = members_under(None)
            groups = {
                g.id: assess_groups(ledger, g, when.period, members=base, as_of=when.as_of)
                for g in rule_set.group_rules
            }
        assessment = (
            members_under(award.score_rule_set)
            if award.subject is AwardSubject.MEMBER
            else members_under(None)
        )
        candidates = award_candidates(
            award, ledger, when.period, assessment=assessment, groups=groups
        )
        results.append(select_winners(award, candidates))
    return results


def _title(award: Award, what: str) -> str:
    clause = f" [{award.clause}]" if award.clause else ""
    return f"{award.label}{clause} — {what}"


@click.command("awards")
@data_argument
@rules_option
@when_options
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also list every candidate not selected, with the reason.",
)
@output_options
def awards(
    data: Path,
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    show_all: bool,
    format: str,
    output: Path | None,
) -> None:
    """Select the winners of every award of the rule set, and the 公示 list in name order."""
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    rule_set = resolve_rules(rules, ledger, when.as_of)
    results = award_results(ledger, rule_set, when)
    tables: list[Table] = []
    for result in results:
        award = result.award
        present = rule_set.rounding.present
        winners: list[list[Cell]] = [
            [w.place, w.id, w.name, present(w.score)] for w in result.winners
        ]
        tables.append(
            Table(
                _title(award, f"获奖 winners (名额 quota {result.quota})"),
                [("place", "名次"), ("id", "编号"), ("name", "名称"), ("score", "得分")],
                winners,
            )
        )
        tables.append(
            Table(
                _title(award, "公示名单 public notice (姓氏笔画排序)"),
                [("number", "序号"), ("name", "名称")],
                [[index, name] for index, name in enumerate(result.notice(), start=1)],
            )
        )
        if show_all:
            tables.append(
                Table(
                    _title(award, "未入选 not selected"),
                    [("id", "编号"), ("name", "名称"), ("score", "得分"), ("reason", "原因")],
                    [[n.id, n.name, present(n.score), n.reason] for n in result.not_selected],
                )
            )
    if not results:
        tables.append(
            Table(
                f"表彰评选 — {rule_set.title} ({rule_set.name})",
                [("award", "奖项"), ("winners", "获奖")],
                [],
                ["该规则集没有表彰评选 the rule set defines no awards"],
            )
        )
    payload: dict[str, Any] = {
        "rule_set": rule_set.name,
        "period": str(when.period),
        "awards": [r.to_dict() for r in results],
    }
    if not show_all:
        for entry in payload["awards"]:
            entry.pop("not_selected", None)
    emit(Report(tables, payload), format, output)
