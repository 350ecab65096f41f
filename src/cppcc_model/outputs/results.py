"""The results table: place, tie, name, sector, group, every category, total, grade, requirements.

One table answers what a chair's meeting asks of an assessment (主席会议审定的考核结果): in
rank order, entries with equal totals listed in 姓氏笔画 order, each member's place (``名次``),
whether it is shared (``并列``), sector and activity group, the points of every category, the
total, the grade (``等次``), the minimum requirements (``基本要求``: ``达标`` or what is missing)
and any flags (``提示``). :func:`member_results` builds it for members, :func:`body_results`
for activity groups, participating units (parties), sectors and special committees: under the
rule set's own group rules where it has them, else by the mean score of the bodies' members.

The command ``cppcc rank`` prints exactly these tables; a program embedding the library gets the
same :class:`~cppcc_model.outputs.tables.Table` and JSON-ready ``entries``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.assess.figures import MemberFigures
from cppcc_model.assess.groups import (
    GroupRules,
    GroupsAssessment,
    MemberTotal,
    SubjectKind,
    assess_groups,
    subjects_of,
)
from cppcc_model.assess.member_ranking import member_name_key, rank_members
from cppcc_model.assess.ranking import RankMethod, rank
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.numbers import format_fraction
from cppcc_model.outputs.tables import Cell, Chart, Table
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.scorecard import ScoreCard

__all__ = [
    "Results",
    "body_results",
    "heading",
    "member_anchor",
    "member_results",
    "missing_requirements",
    "name_key",
    "requirements_text",
]


def name_key(name: str) -> Any:
    """The 姓氏笔画 sort key of a name (characters without stroke data sort last).

    The same key :func:`~cppcc_model.assess.member_ranking.rank_members` lists ties by.
    """
    return member_name_key(name)


def heading(rule_set: RuleSet, period: Period, as_of: dt.date) -> str:
    """The line that says what a table is of: rule set, period and as-of day."""
    return f"{rule_set.title} ({rule_set.name}) · {period} · 截至 as of {as_of}"


def member_anchor(member_id: str) -> str:
    """The id of a member's section in the HTML report (``member-xz-g1-01``)."""
    return f"member-{member_id}"


def missing_requirements(card: ScoreCard) -> list[str]:
    """The mandatory or required minimums ``card`` falls short of, as ``label 已完成/应完成``."""
    return [
        f"{r.label} {r.count}/{r.needed}"
        for r in card.requirements
        if not r.met and r.strength != "encouraged"
    ]


def requirements_text(card: ScoreCard) -> str | None:
    """``达标``, ``未达标：…`` with what is missing, or nothing when the rules set no minimum."""
    if not card.requirements:
        return None
    missing = missing_requirements(card)
    return "达标" if not missing else "未达标：" + "、".join(missing)


@attrs.frozen
class Results:
    """One results table and the same rows as plain data (``entries``) for JSON."""

    table: Table
    data: dict[str, Any]


def member_results(
    ledger: Ledger,
    rule_set: RuleSet,
    assessment: Assessment,
    *,
    method: RankMethod | str = RankMethod.COMPETITION,
    title: str | None = None,
) -> Results:
    """The members' results table, in rank order (姓氏笔画 among equal totals)."""
    chosen = RankMethod.parse(method)
    present = rule_set.rounding.present
    # the order, places, names and grades are the library's member ranking (rank_members);
    # every other figure from the assessment's columns: no explained card is built. An
    # incomplete card (an input pending) has no total and no place: it is listed apart
    ranking = rank_members(assessment, ledger, method=chosen)
    points_of, results_of = assessment.category_points(), assessment.requirement_results()
    flags_of = assessment.flag_ids()
    requirement_of = {r.id: r for r in rule_set.requirements}
    trigger_label = {t.id: t.label for t in rule_set.triggers}
    categories = [(c.id, c.label) for c in rule_set.categories]
    rows: list[list[Cell]] = []
    entries: list[dict[str, Any]] = []
    links: list[str | None] = []
    for number, entry in enumerate(ranking.entries, start=1):
        member_id, total = entry.member_id, entry.total
        points, met = points_of[member_id], results_of[member_id]
        missing = [
            f"{requirement_of[rid].label} {count}/{requirement_of[rid].at_least}"
            for rid, (count, ok) in met.items()
            if not ok and requirement_of[rid].strength.value != "encouraged"
        ]
        requirements = (
            None if not met else "达标" if not missing else "未达标：" + "、".join(missing)
        )
        flag_labels = [trigger_label[f] for f in flags_of[member_id]]
        flags = "；".join(flag_labels) or None
        sector, group = entry.sector, entry.activity_group
        row: list[Cell] = [
            number,
            entry.rank,
            "并列" if entry.tied else None,
            entry.name,
            member_id,
            sector,
            group,
        ]
        # each figure presented once, for the table and the data alike
        shown = {cid: present(points[cid]) for cid, _ in categories if cid in points}
        shown_total = present(total)
        row += [shown.get(cid) for cid, _ in categories]
        row += [shown_total, entry.grade, requirements, flags]
        rows.append(row)
        links.append(member_anchor(member_id))
        entries.append(
            {
                "number": number,
                "rank": entry.rank,
                "tied": entry.tied,
                "member_id": member_id,
                "name": entry.name,
                "sector": sector,
                "group": group,
                "categories": {cid: str(figure) for cid, figure in shown.items()},
                "total": format_fraction(total),
                "display_total": str(shown_total),
                "grade": entry.grade,
                "requirements_met": not missing if met else None,
                "missing": missing,
                "flags": flag_labels,
            }
        )
    columns = [
        ("number", "序号"),
        ("rank", "名次"),
        ("tied", "并列"),
        ("name", "姓名"),
        ("member_id", "编号"),
        ("sector", "界别"),
        ("group", "活动组"),
    ]
    columns += [(f"category:{cid}", label) for cid, label in categories]
    columns += [
        ("total", "总分"),
        ("grade", "等次"),
        ("requirements", "基本要求"),
        ("flags", "提示"),
    ]
    pending = sorted(
        (assessment.card(member_id) for member_id in assessment.incomplete()),
        key=lambda c: (name_key(c.member_name), c.member_id),
    )
    for card in pending:  # listed apart, after the ranked ones, with the reason
        row = [None, None, None, card.member_name, card.member_id, None, None]
        row += [None for _ in categories]
        row += [card.display_total, None, None, "；".join(card.pending)]
        rows.append(row)
        links.append(member_anchor(card.member_id))
    notes = [f"同分者按姓氏笔画排列 equal scores are listed in 姓氏笔画 order ({chosen.label})"]
    notes += [
        f"待定 pending, not ranked: {card.member_name} ({card.member_id}) — "
        + "；".join(card.pending)
        for card in pending
    ]
    if assessment.not_assessed:
        notes.append(f"未评分 not assessed (did not serve): {', '.join(assessment.not_assessed)}")
    table = Table(
        title
        or f"委员排名 ({chosen.label}) — {heading(rule_set, assessment.period, assessment.as_of)}",
        columns,
        rows,
        notes,
        sheet="委员排名",
        anchor="members",
        links=links,
    )
    data: dict[str, Any] = {"by": "member", "method": chosen.value, "entries": entries}
    if pending:
        data["pending"] = [
            {"member_id": c.member_id, "name": c.member_name, "reasons": list(c.pending)}
            for c in pending
        ]
    return Results(table, data)


def _per_head(rules: GroupRules) -> bool:
    # A rule that already scores per head (a members' mean) has no meaningful 人均 of its total.
    return not any(
        isinstance(item.measure, MemberTotal) and item.measure.statistic == "mean"
        for category in rules.categories
        for item in category.items
    )


def _group_rule_results(
    rules: GroupRules,
    result: GroupsAssessment,
    rule_set: RuleSet,
    method: RankMethod,
    title: str,
) -> Results:
    present = rule_set.rounding.present
    per_head = _per_head(rules)
    cards = {c.subject.id: c for c in result.cards}
    ranking = rank(
        result.totals(), method=method, list_key=lambda sid: name_key(cards[sid].subject.name)
    )
    rows: list[list[Cell]] = []
    entries: list[dict[str, Any]] = []
    for number, entry in enumerate(ranking, start=1):
        card = cards[entry.subject_id]
        size = len(card.subject.member_ids)
        missing = [
            f"{r.label} {format_fraction(r.measure)}/{format_fraction(r.needed)}"
            for r in card.requirements
            if not r.met
        ]
        requirements = (
            None
            if not card.requirements
            else "达标"
            if not missing
            else "未达标：" + "、".join(missing)
        )
        row: list[Cell] = [number, entry.rank, "并列" if entry.tied else None, card.subject.name]
        row += [card.subject.id, size]
        row += [present(points) for _, _, _, points in card.categories]
        row += [
            present(card.total),
            present(card.per_capita) if size and per_head else None,
            requirements,
        ]
        rows.append(row)
        entries.append(
            {
                "number": number,
                "rank": entry.rank,
                "tied": entry.tied,
                "id": card.subject.id,
                "name": card.subject.name,
                "members": size,
                "categories": {cid: str(present(p)) for cid, _, _, p in card.categories},
                "total": format_fraction(card.total),
                "missing": missing,
            }
        )
    columns = [
        ("number", "序号"),
        ("rank", "名次"),
        ("tied", "并列"),
        ("name", "名称"),
        ("id", "编号"),
        ("members", "人数"),
    ]
    columns += [(f"category:{c.id}", c.label) for c in rules.categories]
    columns += [("total", "总分"), ("per_capita", "人均"), ("requirements", "基本要求")]
    charts = [Chart("bar", f"{rules.label} 总分", "name", ["total"])]
    table = Table(title, columns, rows, charts=charts, anchor=f"groups-{rules.id}")
    return Results(
        table, {"group_rules": rules.id, "kind": rules.subject.value, "entries": entries}
    )


def _mean_results(
    ledger: Ledger,
    rule_set: RuleSet,
    assessment: Assessment,
    kind: SubjectKind,
    method: RankMethod,
    title: str,
) -> Results:
    present = rule_set.rounding.present
    cards = assessment.figures()  # the plan's figures: no explained card is built
    categories = [(c.id, c.label) for c in rule_set.categories]
    scored: dict[str, list[MemberFigures]] = {}
    names: dict[str, str] = {}
    empty: list[str] = []
    for subject in subjects_of(ledger, kind, assessment.period):
        names[subject.id] = subject.name
        members = [cards[m] for m in subject.member_ids if m in cards]
        if members:
            scored[subject.id] = members
        else:
            empty.append(subject.name)

    def mean(sid: str, value: Callable[[MemberFigures], Fraction]) -> Fraction:
        members = scored[sid]
        return sum((value(c) for c in members), Fraction(0)) / len(members)

    def category_points(cid: str) -> Callable[[MemberFigures], Fraction]:
        def points(card: MemberFigures) -> Fraction:
            return card.categories.get(cid, Fraction(0))

        return points

    means = {sid: mean(sid, lambda c: c.total) for sid in scored}
    ranking = rank(means, method=method, list_key=lambda sid: name_key(names[sid]))
    rows: list[list[Cell]] = []
    entries: list[dict[str, Any]] = []
    for number, entry in enumerate(ranking, start=1):
        sid = entry.subject_id
        members = scored[sid]
        total = sum((c.total for c in members), Fraction(0))
        short = sum(1 for c in members if c.requirements and not c.requirements_met)
        row: list[Cell] = [number, entry.rank, "并列" if entry.tied else None, names[sid], sid]
        row += [len(members)]
        row += [present(mean(sid, category_points(cid))) for cid, _ in categories]
        row += [present(total), present(means[sid]), short if rule_set.requirements else None]
        rows.append(row)
        entries.append(
            {
                "number": number,
                "rank": entry.rank,
                "tied": entry.tied,
                "id": sid,
                "name": names[sid],
                "members": len(members),
                "total": format_fraction(total),
                "per_capita": format_fraction(means[sid]),
                "short_of_requirements": short,
            }
        )
    columns = [
        ("number", "序号"),
        ("rank", "名次"),
        ("tied", "并列"),
        ("name", "名称"),
        ("id", "编号"),
        ("members", "人数"),
    ]
    columns += [(f"category:{cid}", f"{label}(人均)") for cid, label in categories]
    columns += [
        ("total", "委员得分合计"),
        ("per_capita", "人均得分"),
        ("short", "未达基本要求人数"),
    ]
    notes = ["按委员人均得分排名 ranked by the mean score of their members"]
    if empty:
        notes.append(f"无已评分委员，未排名 not ranked (no scored member): {'、'.join(empty)}")
    charts = [Chart("bar", f"{kind.label}人均得分", "name", ["per_capita"])]
    table = Table(title, columns, rows, notes, charts=charts, anchor=f"bodies-{kind.value}")
    return Results(table, {"kind": kind.value, "basis": "per_capita", "entries": entries})


_SHEETS = {
    SubjectKind.ACTIVITY_GROUP: "活动组排名",
    SubjectKind.UNIT: "党派团体排名",
    SubjectKind.SECTOR: "界别排名",
    SubjectKind.SPECIAL_COMMITTEE: "专委会排名",
}


def body_results(
    ledger: Ledger,
    rule_set: RuleSet,
    assessment: Assessment,
    kind: SubjectKind,
    *,
    method: RankMethod | str = RankMethod.COMPETITION,
    groups: dict[str, GroupsAssessment] | None = None,
) -> list[Results]:
    """The results tables of one kind of body, one per group rule of that kind.

    A kind the rule set has no group rule for is ranked by its members' mean total, with each
    category's mean beside it. ``groups`` may hold group assessments already made (by rule id).
    """
    chosen = RankMethod.parse(method)
    period, as_of = assessment.period, assessment.as_of
    head = heading(rule_set, period, as_of)
    own = [g for g in rule_set.group_rules if g.subject is kind]
    out: list[Results] = []
    for rules in own:
        result = (groups or {}).get(rules.id) or assess_groups(
            ledger, rules, period, members=assessment, as_of=as_of
        )
        title = f"{rules.label} ({kind.label}) — {head}"
        made = _group_rule_results(rules, result, rule_set, chosen, title)
        sheet = _SHEETS[kind] if len(own) == 1 else rules.label
        out.append(Results(attrs.evolve(made.table, sheet=sheet), made.data))
    if own:
        return out
    title = f"{kind.label}排名 ({chosen.label}) — {head}"
    made = _mean_results(ledger, rule_set, assessment, kind, chosen, title)
    return [Results(attrs.evolve(made.table, sheet=_SHEETS[kind]), made.data)]
