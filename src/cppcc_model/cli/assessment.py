"""``cppcc score``, ``cppcc rank``, ``cppcc explain`` and ``cppcc check``."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import click

from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.figures import RequirementFigures
from cppcc_model.assess.groups import assess_groups
from cppcc_model.assess.ranking import RankMethod
from cppcc_model.cli.app import ExitCode, flush
from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import (
    BODY_WORDS,
    When,
    assess_members,
    data_argument,
    emit,
    load,
    method_option,
    name_key,
    output_options,
    resolve_rules,
    resolve_when,
    rules_option,
    when_options,
)
from cppcc_model.errors import CppccError
from cppcc_model.ledger import Ledger
from cppcc_model.model import BodyKind
from cppcc_model.numbers import format_fraction
from cppcc_model.outputs.results import Results, body_results, member_results
from cppcc_model.outputs.write import format_for
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.scorecard import RequirementResult, ScoreCard

__all__ = ["check", "explain", "rank_command", "score"]

BY_CHOICES: dict[str, BodyKind | None] = {"member": None, **BODY_WORDS}
"""``--by`` values and the kind of body each ranks."""

_STRENGTH = {"mandatory": "必须", "required": "应当", "encouraged": "鼓励"}


def _header(rule_set: RuleSet, when: When) -> str:
    return f"{rule_set.title} ({rule_set.name}) · {when.period} · 截至 as of {when.as_of}"


def _prepare(
    data: Path, rules: str | None, when_args: tuple[Any, ...]
) -> tuple[Ledger, RuleSet, When]:
    ledger = load(data)
    when = resolve_when(ledger, *when_args)
    rule_set = resolve_rules(rules, ledger, when.as_of)
    return ledger, rule_set, when


def _present(rule_set: RuleSet, value: Fraction) -> Decimal:
    return rule_set.rounding.present(value)


def _met_text(result: RequirementResult | RequirementFigures) -> str:
    if not result.applicable:
        return "不适用"
    return "达标" if result.met else "未达标"


def _ordered_cards(assessment: Assessment) -> list[ScoreCard]:
    return sorted(assessment.cards, key=lambda c: (name_key(c.member_name), c.member_id))


@click.command("score")
@data_argument
@rules_option
@when_options
@output_options
def score(
    data: Path,
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    format: str,
    output: Path | None,
) -> None:
    """Score every member of DATA: totals, category points, grades (姓氏笔画 order)."""
    ledger, rule_set, when = _prepare(data, rules, (year, period, as_of))
    assessment = assess_members(ledger, rule_set, when)
    categories = [(c.id, c.label) for c in rule_set.categories]
    columns = [("member_id", "编号"), ("name", "姓名"), ("total", "总分"), ("grade", "等次")]
    columns += [(f"category:{cid}", label) for cid, label in categories]
    columns += [("requirements", "基本要求"), ("flags", "提示")]
    rows: list[list[Cell]] = []
    # every figure from the assessment's columns: no explained card is built for the table
    totals, grades = assessment.totals(), assessment.grades()
    points, results = assessment.category_points(), assessment.requirement_results()
    flags = assessment.flag_ids()
    binding = {r.id for r in rule_set.requirements if r.strength.value != "encouraged"}
    labels = {t.id: t.label for t in rule_set.triggers}
    names = {m.id: m.name for m in ledger.members}
    for member_id in sorted(assessment.member_ids, key=lambda m: (name_key(names[m]), m)):
        row: list[Cell] = [
            member_id,
            names[member_id],
            _present(rule_set, totals[member_id])
            if member_id in totals
            else assessment.card(member_id).display_total,
            grades[member_id],
        ]
        mine = points[member_id]
        row += [_present(rule_set, mine[cid]) if cid in mine else None for cid, _ in categories]
        met = results[member_id]
        met_text = "达标" if all(ok for rid, (_, ok) in met.items() if rid in binding) else "未达标"
        row += [met_text if met else "", "；".join(labels[f] for f in flags[member_id]) or None]
        rows.append(row)
    notes = [f"未评分 not assessed (did not serve): {', '.join(assessment.not_assessed)}"] * bool(
        assessment.not_assessed
    )
    table = Table(
        f"委员履职得分 — {_header(rule_set, when)}", columns, rows, notes, sheet="委员得分"
    )
    emit(Report([table], assessment.to_dict() if format == "json" else None), format, output)


@click.command("rank")
@data_argument
@rules_option
@when_options
@click.option(
    "--by",
    "by",
    type=click.Choice(list(BY_CHOICES)),
    multiple=True,
    help="What to rank: members (default), activity groups (activity-group, group), units "
    "(unit, party), sectors or special committees (special-committee, committee). Repeat to "
    "rank several.",
)
@method_option
@output_options
def rank_command(
    data: Path,
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    by: Sequence[str],
    method: str,
    format: str,
    output: Path | None,
) -> None:
    """Rank the members of DATA (or groups, parties, sectors, committees): the results table.

    One row per member in rank order (姓氏笔画 among equal totals): 序号, 名次, 并列, 姓名, 界别,
    活动组, every category, 总分, 等次, 基本要求 (met, or what is missing) and flags.
    """
    ledger, rule_set, when = _prepare(data, rules, (year, period, as_of))
    assessment = assess_members(ledger, rule_set, when)
    chosen = RankMethod.parse(method)
    results: list[Results] = []
    for choice in dict.fromkeys(by or ("member",)):
        kind = BY_CHOICES[choice]
        if kind is None:
            results.append(member_results(ledger, rule_set, assessment, method=chosen))
        else:
            results.extend(body_results(ledger, rule_set, assessment, kind, method=chosen))
    tables = [r.table for r in results]
    data_out = [r.data for r in results]
    payload = {
        "rule_set": rule_set.name,
        "period": str(when.period),
        "as_of": when.as_of.isoformat(),
        "rankings": data_out,
    }
    emit(Report(tables, payload), format, output)


def _explain_rows(card: ScoreCard, rule_set: RuleSet) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for category in card.categories:
        for line in category.lines:
            for entry in line.entries:
                rows.append(
                    [
                        category.label,
                        line.label,
                        line.clause,
                        entry.record_id,
                        entry.on.isoformat(),
                        _present(rule_set, entry.points if entry.counted else Fraction(0)),
                        entry.note or (None if entry.counted else "不计分 not counted"),
                    ]
                )
            rows.extend(
                [category.label, line.label, a.clause or line.clause, None, None, None, a.note]
                for a in line.adjustments
            )
            rows.append(
                [
                    category.label,
                    line.label,
                    line.clause,
                    None,
                    None,
                    _present(rule_set, line.points),
                    "小计 line total",
                ]
            )
        rows.extend(
            [category.label, None, a.clause or category.clause, None, None, None, a.note]
            for a in category.adjustments
        )
        rows.append(
            [
                category.label,
                None,
                category.clause,
                None,
                None,
                _present(rule_set, category.points),
                "类别合计 category total",
            ]
        )
    rows.extend([None, None, a.clause, None, None, None, a.note] for a in card.adjustments)
    total = _present(rule_set, card.total) if card.complete else card.display_total
    rows.append([None, None, None, None, None, total, "总分 total"])
    return rows


@click.command("explain")
@data_argument
@click.argument("member", metavar="MEMBER")
@rules_option
@when_options
@output_options
def explain(
    data: Path,
    member: str,
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    format: str,
    output: Path | None,
) -> None:
    """Show MEMBER's score card (id or unique name), line by line, with clauses, caps, floors."""
    ledger, rule_set, when = _prepare(data, rules, (year, period, as_of))
    found = ledger.find_member(member)
    if not found.served_during(when.period) and not rule_set.settings.assess_members_not_serving:
        raise CppccError(
            f"{found.name} ({found.id}) did not serve during {when.period}",
            hint="choose a period in which the member served (--year / --period)",
        )
    from cppcc_model.assess.engine import assess

    card = assess(ledger, rule_set, when.period, as_of=when.as_of, members=[found.id]).cards[0]
    table = Table(
        f"{card.member_name} ({card.member_id}) 得分明细 — {_header(rule_set, when)}",
        [
            ("category", "类别"),
            ("item", "条目"),
            ("clause", "条款"),
            ("record", "记录"),
            ("on", "日期"),
            ("points", "得分"),
            ("note", "说明"),
        ],
        _explain_rows(card, rule_set),
    )
    requirement_rows: list[list[Cell]] = [
        [
            r.label,
            r.clause,
            _STRENGTH.get(r.strength, r.strength),
            r.needed,
            r.count,
            _met_text(r),
        ]
        for r in card.requirements
    ]
    tables = [table]
    if requirement_rows:
        tables.append(
            Table(
                "基本要求 requirements",
                [
                    ("requirement", "要求"),
                    ("clause", "条款"),
                    ("strength", "强度"),
                    ("needed", "应完成"),
                    ("count", "已完成"),
                    ("met", "结果"),
                ],
                requirement_rows,
            )
        )
    text = f"{_header(rule_set, when)}\n{card.render_text()}\n"
    emit(Report(tables, card.to_dict(), text), format, output)


def _member_check(
    ledger: Ledger, rule_set: RuleSet, when: When, *, explain: bool
) -> tuple[list[Table], dict[str, Any], bool]:
    """The check of every member, from the plan's figures.

    ``explain``: list each requirement's records too (the JSON output does), which takes each
    member's explained card; the tables need only the figures.
    """
    assessment = assess_members(ledger, rule_set, when)
    rows: list[list[Cell]] = []
    summary: list[list[Cell]] = []
    failed_any = False
    members_out = []
    figures = sorted(
        assessment.figures().values(), key=lambda c: (name_key(c.member_name), c.member_id)
    )
    for card in figures:
        failed = [r.label for r in card.requirements if not r.met and r.strength != "encouraged"]
        failed_any = failed_any or bool(failed)
        summary.append(
            [
                card.member_id,
                card.member_name,
                "达标" if not failed else "未达标",
                "、".join(failed) or None,
            ]
        )
        rows.extend(
            [
                card.member_id,
                card.member_name,
                r.label,
                r.clause,
                _STRENGTH.get(r.strength, r.strength),
                r.needed,
                r.count,
                _met_text(r),
            ]
            for r in card.requirements
        )
        members_out.append(
            {
                "member_id": card.member_id,
                "name": card.member_name,
                "met": not failed,
                "requirements": [r.to_dict() for r in assessment.card(card.member_id).requirements]
                if explain
                else [attrs.asdict(r) for r in card.requirements],
            }
        )
    failing = sum(1 for row in summary if row[2] == "未达标")
    tables = [
        Table(
            f"基本要求完成情况 — {_header(rule_set, when)}",
            [("member_id", "编号"), ("name", "姓名"), ("result", "结果"), ("failed", "未完成")],
            summary,
            [f"{len(summary)} 名委员，{failing} 名未达标 ({failing} of {len(summary)} failed)"],
        ),
        Table(
            "逐项 item by item",
            [
                ("member_id", "编号"),
                ("name", "姓名"),
                ("requirement", "要求"),
                ("clause", "条款"),
                ("strength", "强度"),
                ("needed", "应完成"),
                ("count", "已完成"),
                ("met", "结果"),
            ],
            rows,
        ),
    ]
    return tables, {"members": members_out, "failed": failing}, failed_any


def _group_check(
    ledger: Ledger, rule_set: RuleSet, when: When
) -> tuple[list[Table], dict[str, Any], bool]:
    assessment = assess_members(ledger, rule_set, when)
    rows: list[list[Cell]] = []
    failed_any = False
    out = []
    for rules in rule_set.group_rules:
        if not rules.requirements:
            continue
        result = assess_groups(ledger, rules, when.period, members=assessment, as_of=when.as_of)
        for card in result.cards:
            for requirement in card.requirements:
                failed_any = failed_any or not requirement.met
                rows.append(
                    [
                        rules.label,
                        card.subject.id,
                        card.subject.name,
                        requirement.label,
                        requirement.clause,
                        format_fraction(requirement.needed),
                        format_fraction(requirement.measure),
                        "达标" if requirement.met else "未达标",
                    ]
                )
                out.append(
                    {
                        "group_rules": rules.id,
                        "id": card.subject.id,
                        "name": card.subject.name,
                        "requirement": requirement.requirement_id,
                        "needed": format_fraction(requirement.needed),
                        "measure": format_fraction(requirement.measure),
                        "met": requirement.met,
                    }
                )
    table = Table(
        f"活动组基本要求 — {_header(rule_set, when)}",
        [
            ("rules", "考核"),
            ("id", "编号"),
            ("name", "名称"),
            ("requirement", "要求"),
            ("clause", "条款"),
            ("at_least", "应达到"),
            ("value", "实际"),
            ("met", "结果"),
        ],
        rows,
        ["该规则集没有活动组基本要求 the rule set sets no group requirements"] * (not rows),
    )
    return [table], {"groups": out}, failed_any


@click.command("check")
@data_argument
@rules_option
@when_options
@click.option("--group", "groups", is_flag=True, help="Check activity groups instead of members.")
@click.option(
    "--no-fail",
    is_flag=True,
    help="Exit 0 even when someone falls short (the report still says who).",
)
@output_options
def check(
    data: Path,
    rules: str | None,
    year: int | None,
    period: str | None,
    as_of: str | None,
    groups: bool,
    no_fail: bool,
    format: str,
    output: Path | None,
) -> None:
    """Check the minimum requirements (基本要求, 六个一 …) item by item.

    Exits with 3 when a member (or, with --group, a group) falls short of a mandatory or
    required minimum; encouraged items never fail the check.
    """
    ledger, rule_set, when = _prepare(data, rules, (year, period, as_of))
    if groups:
        tables, payload, failed = _group_check(ledger, rule_set, when)
    elif not rule_set.requirements:
        tables = [
            Table(
                f"基本要求完成情况 — {_header(rule_set, when)}",
                [("member_id", "编号"), ("name", "姓名"), ("result", "结果"), ("failed", "未完成")],
                [],
                ["该规则集没有基本要求 the rule set sets no minimum requirements"],
            )
        ]
        payload, failed = {"members": [], "failed": 0}, False
    else:
        explain = format_for(format, output) == "json"  # only JSON lists the records
        tables, payload, failed = _member_check(ledger, rule_set, when, explain=explain)
    payload = {"rule_set": rule_set.name, "period": str(when.period), **payload}
    emit(Report(tables, payload), format, output)
    if failed and not no_fail:
        flush()
        click.get_current_context().exit(int(ExitCode.CHECK_FAILED))
