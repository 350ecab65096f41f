"""The meeting report: everything an office hands to the chair's meeting (主席会议), in one report.

:func:`meeting_report` builds one :class:`~cppcc_model.outputs.tables.Report` from an
assessment; written as a workbook it has the sheets

==============  ===============================================================================
sheet           what it holds
==============  ===============================================================================
委员排名        the members' results table (:func:`~cppcc_model.outputs.results.member_results`)
活动组排名      the activity groups' results (one sheet per group rule), with a chart
党派团体排名    the participating units' results, with a chart of their per-capita scores
得分明细        every member's score, line by line, with the clause of each line
基本要求        every member's minimum requirements: met, or what is missing
奖项            every award's winners, with their place and score
公示名单        every award's winners in 姓氏笔画 order, for the public notice
分数分布        how many members scored in each band of ten points, with a chart
类别构成        each category's share of all points, with a chart
==============  ===============================================================================

and, for the HTML report, one section per member: the score card with the clause of every line,
the place, the requirements met and missing (``#member-<id>``, linked from the ranking).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.assess.awards import AwardResult
from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.groups import GroupsAssessment, SubjectKind, assess_groups
from cppcc_model.assess.ranking import RankMethod
from cppcc_model.ledger import Ledger
from cppcc_model.outputs.results import (
    Results,
    body_results,
    member_anchor,
    member_results,
    missing_requirements,
    name_key,
)
from cppcc_model.outputs.tables import Cell, Chart, Report, Table
from cppcc_model.progress import Progress, steps
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.scorecard import ScoreCard

__all__ = ["STRENGTHS", "distribution", "meeting_report", "score_card_table"]

STRENGTHS = {"mandatory": "必须", "required": "应当", "encouraged": "鼓励"}
"""How binding a requirement is, in the words of the rules."""

BAND = 10
"""The width of a band of the distribution of totals, in points."""


def distribution(totals: Sequence[Fraction], band: int = BAND) -> list[tuple[int, int, int]]:
    """How many totals fall in each band ``[low, low + band)``: ``(low, high, count)``.

    Bands run from the lowest band with a total to the highest; empty bands between are kept,
    so a chart shows the gaps.
    """
    if not totals:
        return []
    low = math.floor(min(totals) / band) * band
    high = math.floor(max(totals) / band) * band
    counts = dict.fromkeys(range(low, high + band, band), 0)
    for total in totals:
        counts[math.floor(total / band) * band] += 1
    return [(start, start + band, counts[start]) for start in sorted(counts)]


def score_card_table(card: ScoreCard, rule_set: RuleSet, place: str) -> Table:
    """One member's score card as a table: a row per line, with its clause and points."""
    present = rule_set.rounding.present
    rows: list[list[Cell]] = []
    for category in card.categories:
        for line in category.lines:
            counted = sum(1 for e in line.entries if e.counted)
            notes = [a.note for a in line.adjustments]
            rows.append(
                [
                    category.label,
                    line.label,
                    line.clause,
                    counted,
                    present(line.points),
                    "；".join(notes) or None,
                ]
            )
        rows.append(
            [
                category.label,
                "类别合计",
                category.clause,
                None,
                present(category.points),
                "；".join(a.note for a in category.adjustments) or None,
            ]
        )
    rows.extend([None, "总分调整", a.clause, None, None, a.note] for a in card.adjustments)
    notes = [
        f"名次 {place} · 总分 {card.display_total}"
        + (f" · 等次 {card.grade}" if card.grade else "")
    ]
    for requirement in card.requirements:
        status = "不适用" if not requirement.applicable else "达标" if requirement.met else "未达标"
        strength = STRENGTHS.get(requirement.strength, requirement.strength)
        clause = f" [{requirement.clause}]" if requirement.clause else ""
        notes.append(
            f"基本要求 {requirement.label}{clause}（{strength}）：已完成 {requirement.count}"
            f" / 应完成 {requirement.needed} — {status}"
        )
    notes.extend(f"提示 {f.label}：{f.consequence} — {f.reason}" for f in card.flags)
    return Table(
        f"{card.member_name}（{card.member_id}）得分明细",
        [
            ("category", "类别"),
            ("item", "条目"),
            ("clause", "条款"),
            ("records", "计分记录"),
            ("points", "得分"),
            ("note", "说明"),
        ],
        rows,
        notes,
        anchor=member_anchor(card.member_id),
        new_page=True,
    )


def _details(cards: Sequence[ScoreCard], rule_set: RuleSet, title: str) -> Table:
    present = rule_set.rounding.present
    rows: list[list[Cell]] = []
    for card in cards:
        for category in card.categories:
            for line in category.lines:
                rows.append(
                    [
                        card.member_id,
                        card.member_name,
                        category.label,
                        line.label,
                        line.clause,
                        sum(1 for e in line.entries if e.counted),
                        present(line.points),
                    ]
                )
    return Table(
        title,
        [
            ("member_id", "编号"),
            ("name", "姓名"),
            ("category", "类别"),
            ("item", "条目"),
            ("clause", "条款"),
            ("records", "计分记录"),
            ("points", "得分"),
        ],
        rows,
        ["每行一个考核条目；条款为规则原文出处"],
        sheet="得分明细",
        anchor="details",
        in_html=False,
    )


def _requirements(cards: Sequence[ScoreCard], rule_set: RuleSet, title: str) -> Table:
    rows: list[list[Cell]] = []
    short = 0
    for card in cards:
        missing = missing_requirements(card)
        short += bool(missing)
        met = "、".join(r.label for r in card.requirements if r.met)
        rows.append(
            [
                card.member_id,
                card.member_name,
                "达标" if not missing else "未达标",
                met or None,
                "、".join(missing) or None,
            ]
        )
    notes = [f"{len(cards)} 名委员，{short} 名未达基本要求"]
    if not rule_set.requirements:
        notes = ["该规则集没有基本要求 the rule set sets no minimum requirements"]
    return Table(
        title,
        [
            ("member_id", "编号"),
            ("name", "姓名"),
            ("result", "结果"),
            ("met", "已完成"),
            ("missing", "未完成（已完成/应完成）"),
        ],
        rows,
        notes,
        sheet="基本要求",
        anchor="requirements",
    )


def _awards(results: Sequence[AwardResult], rule_set: RuleSet, title: str) -> list[Table]:
    present = rule_set.rounding.present
    winners: list[list[Cell]] = []
    notice: list[list[Cell]] = []
    for result in results:
        award = result.award
        winners.extend(
            [award.label, award.clause, w.place, w.id, w.name, present(w.score)]
            for w in result.winners
        )
        notice.extend(
            [award.label, number, name] for number, name in enumerate(result.notice(), start=1)
        )
    note = ["该规则集没有表彰评选 the rule set defines no awards"] if not results else []
    return [
        Table(
            f"{title} · 表彰评选",
            [
                ("award", "奖项"),
                ("clause", "条款"),
                ("place", "名次"),
                ("id", "编号"),
                ("name", "名称"),
                ("score", "得分"),
            ],
            winners,
            note,
            sheet="奖项",
            anchor="awards",
        ),
        Table(
            f"{title} · 公示名单（按姓氏笔画排序）",
            [("award", "奖项"), ("number", "序号"), ("name", "名称")],
            notice,
            note,
            sheet="公示名单",
            anchor="notice",
        ),
    ]


def _distribution(cards: Sequence[ScoreCard], title: str) -> Table:
    rows: list[list[Cell]] = [
        [f"{low}–{high}", count] for low, high, count in distribution([c.total for c in cards])
    ]
    return Table(
        f"{title} · 总分分布",
        [("band", "分数段"), ("members", "人数")],
        rows,
        [f"每段含下限、不含上限（每段 {BAND} 分）"],
        sheet="分数分布",
        anchor="distribution",
        charts=[Chart("column", "委员总分分布", "band", ["members"])],
    )


def _shares(cards: Sequence[ScoreCard], rule_set: RuleSet, title: str) -> Table:
    present = rule_set.rounding.present
    sums = {c.id: Fraction(0) for c in rule_set.categories}
    for card in cards:
        for category in card.categories:
            if category.category_id in sums:
                sums[category.category_id] += category.points
    whole = sum(sums.values(), Fraction(0))
    rows: list[list[Cell]] = [
        [
            c.label,
            present(sums[c.id]),
            present(sums[c.id] * 100 / whole) if whole else None,
        ]
        for c in rule_set.categories
    ]
    return Table(
        f"{title} · 各类别得分构成",
        [("category", "类别"), ("points", "得分合计"), ("share", "占比(%)")],
        rows,
        sheet="类别构成",
        anchor="shares",
        charts=[Chart("pie", "各类别得分占比", "category", ["points"])],
    )


def _body_tables(
    ledger: Ledger,
    rule_set: RuleSet,
    assessment: Assessment,
    groups: Mapping[str, GroupsAssessment],
    method: RankMethod,
    title: str,
) -> list[Table]:
    tables: list[Table] = []
    for kind in (SubjectKind.ACTIVITY_GROUP, SubjectKind.UNIT):
        made: list[Results] = body_results(
            ledger, rule_set, assessment, kind, method=method, groups=dict(groups)
        )
        for result in made:
            table = result.table
            what = table.title.split(" — ", 1)[0]
            charts = table.charts
            if "per_capita" in [c.key for c in table.columns] and any(
                v is not None for v in table.column("per_capita")
            ):
                charts = (Chart("bar", f"{what} 人均得分", "name", ["per_capita"]),)
            tables.append(attrs.evolve(table, title=f"{title} · {what}", charts=charts))
    return tables


def meeting_report(
    ledger: Ledger,
    rule_set: RuleSet,
    assessment: Assessment,
    *,
    awards: Sequence[AwardResult] = (),
    groups: Mapping[str, GroupsAssessment] | None = None,
    method: RankMethod | str = RankMethod.COMPETITION,
    progress: Progress | None = None,
) -> Report:
    """The whole report of an assessment, for a workbook or an HTML report (see the module).

    ``progress`` (see :mod:`cppcc_model.progress`) hears of each member's card as it is made.
    """
    chosen = RankMethod.parse(method)
    period, as_of = assessment.period, assessment.as_of
    title = rule_set.title
    subtitle = f"考核期间 {period.start} 至 {period.end} · 截至 {as_of}"
    if groups is None:
        groups = {
            g.id: assess_groups(ledger, g, period, members=assessment, as_of=as_of)
            for g in rule_set.group_rules
        }
    members = member_results(
        ledger, rule_set, assessment, method=chosen, title=f"{title} · 委员排名"
    )
    places = {e["member_id"]: e for e in members.data["entries"]}
    ordered = sorted(
        assessment.cards,
        key=lambda c: (places[c.member_id]["number"], name_key(c.member_name)),
    )
    tables = [
        members.table,
        *_body_tables(ledger, rule_set, assessment, groups, chosen, title),
        _details(ordered, rule_set, f"{title} · 得分明细"),
        _requirements(ordered, rule_set, f"{title} · 基本要求完成情况"),
        *_awards(awards, rule_set, title),
        _distribution(ordered, title),
        _shares(ordered, rule_set, title),
    ]

    def place(card: ScoreCard) -> str:
        entry = places[card.member_id]
        return f"{entry['rank']}{'（并列）' if entry['tied'] else ''} / {len(places)}"

    sections = [
        score_card_table(card, rule_set, place(card))
        for card in steps(ordered, "得分明细 score cards", progress)
    ]
    data: dict[str, Any] = {
        "rule_set": rule_set.name,
        "title": title,
        "period": str(period),
        "as_of": as_of.isoformat(),
        "members": members.data,
        "awards": [r.to_dict() for r in awards],
        "tables": [{"sheet": t.sheet, "title": t.title, "rows": len(t.rows)} for t in tables],
    }
    return Report(
        tables,
        data,
        title=f"{title} 履职考核结果",
        subtitle=subtitle,
        sections=sections,
    )
