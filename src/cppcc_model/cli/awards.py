"""``cppcc awards``: every award of the rule set — winners, the 公示 list, and why not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cppcc_model.assess.award_review import (
    PUBLICITY_COLUMNS,
    AwardReview,
    publicity_rows,
    review_award,
)
from cppcc_model.assess.award_run import run_award
from cppcc_model.assess.awards import AwardResult
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
from cppcc_model.messages import Lang, bilingual
from cppcc_model.model import Period
from cppcc_model.rules.awards import Award, AwardSubject
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["award_results", "awards"]


def award_results(ledger: Ledger, rule_set: RuleSet, when: When) -> list[AwardResult]:
    """Every award of ``rule_set`` decided (member scores under another rule set if it says)."""
    assessments: dict[tuple[str, Period], Assessment] = {}
    groups: dict[Period, dict[str, GroupsAssessment]] = {}

    def members_under(name: str | None, period: Period) -> Assessment:
        key = (name or rule_set.name, period)
        if key not in assessments:
            chosen = rule_set if name is None else cli_context().plugins().rule_sets.get(name)
            as_of = when.as_of if period == when.period else period.end
            assessments[key] = assess_members(ledger, chosen, When(period, as_of))
        return assessments[key]

    def groups_in(period: Period) -> dict[str, GroupsAssessment]:
        if period not in groups:
            base = members_under(None, period)
            as_of = when.as_of if period == when.period else period.end
            groups[period] = {
                g.id: assess_groups(ledger, g, period, members=base, as_of=as_of)
                for g in rule_set.group_rules
            }
        return groups[period]

    return [
        run_award(award, ledger, when.period, members=members_under, groups=groups_in)
        for award in rule_set.awards
    ]


def _reviews(ledger: Ledger, rule_set: RuleSet, when: When) -> dict[str, AwardReview]:
    """The review of each award with records in the ledger for the period's year."""
    year = when.period.end.year
    recorded = {r.award_id for r in ledger.award_records if r.year == year}
    return {
        award.id: review_award(ledger, award.id, year)
        for award in rule_set.awards
        if award.id in recorded
    }


def _title(award: Award, what: str) -> str:
    clause = f" [{award.clause}]" if award.clause else ""
    return f"{award.label}{clause} — {what}"


_FALLS = {
    "below": "低于区间 below the band",
    "within": "在区间内 within",
    "above": "超出区间 above",
}
_STAGES = {
    "eligibility": "资格",
    "gate": "排名门槛",
    "score": "分数线",
    "tie": "并列",
    "quota": "名额",
    "composition": "结构比例",
    "periods": "多期",
}


def _band_note(result: AwardResult) -> str:
    award, bounds = result.award, result.bounds
    rule = f"{award.quota.describe_zh()} ({award.quota.describe()})"
    if bounds is None:
        return f"名额 quota: {rule}"
    band = f"{bounds.low}–{bounds.high}" if bounds.low != bounds.high else str(bounds.low)
    of = (
        ""
        if bounds.denominator is None
        else f"; 基数 denominator {bounds.denominator} ({award.quota.of})"
    )
    soft = "; 弹性名额 soft" if bounds.soft else ""
    return (
        f"名额 quota: {rule}; 区间 band {band}, 目标 target {bounds.target}{of}{soft}; "
        f"获奖 winners {len(result.winners)}: {_FALLS[result.band_position()]}"
    )


def _notice_table(title: str, rows: list[dict[str, Any]]) -> Table:
    """The 公示名单: 序号, 姓名, 界别, and 工作单位及职务 where the roster has it."""
    columns = [
        (key, label)
        for key, label in PUBLICITY_COLUMNS
        if key != "workplace" or any(row["workplace"] for row in rows)
    ]
    return Table(title, columns, [[row[key] or "" for key, _ in columns] for row in rows])


def _review_tables(award: Award, review: AwardReview, ledger: Ledger) -> list[Table]:
    counts = review.counts
    rows: list[list[Cell]] = [
        ["推荐 nominated", counts["nominated"]],
        ["审核 reviewed", counts["reviewed"]],
        ["审定 approved", counts["approved"]],
        ["未通过 not approved", counts["not_approved"]],
    ]
    return [
        Table(
            _title(award, f"评审 review {review.year} (推荐 → 审核 → 审定)"),
            [("stage", "环节"), ("count", "人数")],
            rows,
            list(review.problems),
        ),
        _notice_table(
            _title(award, f"审定名单 approved {review.year} — 公示名单 (姓氏笔画排序)"),
            publicity_rows(ledger, review.approved),
        ),
    ]


def _award_tables(
    result: AwardResult,
    rule_set: RuleSet,
    show_all: bool,
    ledger: Ledger,
    review: AwardReview | None,
    lang: Lang = "zh",
) -> list[Table]:
    award = result.award
    present = rule_set.rounding.present
    order = "从高到低 highest first" if award.order.value == "highest" else "从低到高 lowest first"
    counts = result.counts()
    notes = [
        _band_note(result),
        f"排序 order: {order}; 候选 candidates {counts['candidates']}, "
        f"符合条件 eligible {counts['eligible']}",
        *result.warnings,
    ]
    tables = [
        Table(
            _title(award, f"获奖 winners (名额 quota {result.quota})"),
            [("place", "名次"), ("id", "编号"), ("name", "名称"), ("score", "得分")],
            [[w.place, w.id, w.name, present(w.score)] for w in result.winners],
            notes,
        )
    ]
    names = {w.id: w.name for w in result.winners}
    names.update({n.id: n.name for n in result.not_selected})
    if result.ties:
        rows: list[list[Cell]] = []
        for tie in result.ties:
            how = [*tie.decided_by]
            if tie.policy:
                how.append(f"{_POLICIES[tie.policy]} ({tie.policy})")
            rows.append(
                [
                    present(tie.score),
                    "、".join(names.get(i, i) for i in tie.subject_ids),
                    " → ".join(how),
                    "、".join(names.get(i, i) for i in tie.winners) or "—",
                ]
            )
        tables.append(
            Table(
                _title(award, "名额线上的并列 ties at the cut"),
                [("score", "得分"), ("tied", "并列者"), ("broken_by", "处理方式"), ("won", "入选")],
                rows,
            )
        )
    if award.subject is AwardSubject.MEMBER:
        tables.append(
            _notice_table(
                _title(award, "公示名单 public notice (姓氏笔画排序)"),
                publicity_rows(ledger, [w.id for w in result.winners]),
            )
        )
    else:
        tables.append(
            Table(
                _title(award, "公示名单 public notice (姓氏笔画排序)"),
                [("number", "序号"), ("name", "名称")],
                [[index, name] for index, name in enumerate(result.notice(), start=1)],
            )
        )
    if review is not None:
        tables.extend(_review_tables(award, review, ledger))
    if show_all:
        # the reason in the clerk's language (--lang, CPPCC_LANG): the library's own Chinese,
        # else the English through the message catalogue
        tables.append(
            Table(
                _title(award, "未入选 not selected"),
                [
                    ("id", "编号"),
                    ("name", "名称"),
                    ("score", "得分"),
                    ("stage", "环节"),
                    ("reason", "原因" if lang == "zh" else "reason"),
                ],
                [
                    [
                        n.id,
                        n.name,
                        present(n.score),
                        f"{_STAGES.get(n.stage, n.stage)} {n.stage}",
                        bilingual(n.reason, n.reason_zh, lang),
                    ]
                    for n in result.not_selected
                ],
            )
        )
    return tables


_POLICIES = {"exclude": "并列者均不入选", "include": "并列者均入选", "name_order": "姓氏笔画"}


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
    lang: Lang = "en" if cli_context().lang == "en" else "zh"
    ledger = load(data)
    when = resolve_when(ledger, year, period, as_of)
    rule_set = resolve_rules(rules, ledger, when.as_of)
    results = award_results(ledger, rule_set, when)
    tables: list[Table] = []
    reviews = _reviews(ledger, rule_set, when)
    for result in results:
        review = reviews.get(result.award.id)
        tables.extend(_award_tables(result, rule_set, show_all, ledger, review, lang))
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
    for entry, result in zip(payload["awards"], results, strict=True):
        if result.award.subject is AwardSubject.MEMBER:
            entry["notice_rows"] = publicity_rows(ledger, [w.id for w in result.winners])
        review = reviews.get(result.award.id)
        if review is not None:
            entry["review"] = {
                **review.to_dict(),
                "notice_rows": publicity_rows(ledger, review.approved),
            }
    if not show_all:
        for entry in payload["awards"]:
            entry.pop("not_selected", None)
    emit(Report(tables, payload), format, output)
