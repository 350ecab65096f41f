"""Each member's annual duty record (委员年度履职档案): one printable page per member.

:func:`duty_records` gives, for every member assessed (or the ones asked for), the tables of
their record for the period, the first starting a new printed page:

* 基本情况 — who they are: sector, unit, activity group, special committees; their place, total
  and grade;
* 会议活动 — every meeting and activity on the roll, with the attendance recorded;
* 提案 — every proposal, whether first proposer or co-signer, and how it fared as of the as-of
  day (立案, 交办, 答复 with its category, 满意度, 重点, 优秀 …);
* 社情民意 — every item, and where it was adopted, forwarded or instructed upon (and at which
  level);
* 其他履职 — every other contribution (research reports, 文史资料, duty reports, speeches …);
* 得分 — the score card with the clause of every line, and the minimum requirements met and
  missing (:func:`~cppcc_model.outputs.meeting.score_card_table`).

Offices write this by hand from the ledger; here it is drawn from the same records the scores
come from, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from cppcc_model.assess.engine import Assessment
from cppcc_model.ledger import Ledger
from cppcc_model.model import Member
from cppcc_model.model.proposals import Proposal
from cppcc_model.model.reports import InfoReport, InfoStep
from cppcc_model.outputs.meeting import score_card_table
from cppcc_model.outputs.tables import Cell, Report, Table
from cppcc_model.progress import Progress, steps
from cppcc_model.rules.ruleset import RuleSet

__all__ = ["duty_record", "duty_records", "proposal_outcome"]


def proposal_outcome(proposal: Proposal, as_of: Any) -> str:
    """How a proposal fared by ``as_of``: its steps in order, with the reply and satisfaction."""
    steps: list[str] = []
    for event in sorted(proposal.history, key=lambda e: e.on):
        if event.on > as_of or event.step.value == "submitted":
            continue
        text = event.step.label
        if event.reply is not None:  # a ledger keeps the office's label (A类, 满意)
            text += f"（{event.reply}）"
        if event.satisfaction is not None:
            text += f"（{event.satisfaction}）"
        if event.level is not None:
            text += f"（{event.level.label}）"
        if text not in steps:
            steps.append(text)
    return " → ".join(steps) if steps else "已提交，尚无办理记录"


def _info_outcome(report: InfoReport, as_of: Any) -> str:
    taken: list[str] = []
    for event in sorted(report.history, key=lambda e: e.on):
        if event.on > as_of or event.step is InfoStep.SUBMITTED:
            continue
        where = f"（{event.level.label}）" if event.level is not None else ""
        text = f"{event.step.label}{where}"
        if text not in taken:
            taken.append(text)
    return "、".join(taken) if taken else "已报送"


def _names(ids: Iterable[str], lookup: Mapping[str, str]) -> str | None:
    names = [lookup.get(i, i) for i in ids]
    return "、".join(names) or None


def _role(member: Member, author_ids: Sequence[str]) -> str:
    if author_ids and author_ids[0] == member.id:
        return "第一提出人" if len(author_ids) > 1 else "独立提出"
    return "联名"


def duty_record(
    ledger: Ledger,
    rule_set: RuleSet,
    assessment: Assessment,
    member_id: str,
    *,
    place: str | None = None,
) -> list[Table]:
    """The tables of one member's duty record for the assessment's period (see the module)."""
    period, as_of = assessment.period, assessment.as_of
    member = ledger.member(member_id)
    card = assessment.card(member_id)
    records = ledger.records_of(member_id, period)
    sectors = {s.id: s.name for s in ledger.sectors}
    units = {u.id: u.short_name for u in ledger.units}
    groups = {g.id: g.name for g in ledger.activity_groups}
    committees = {c.id: c.name for c in ledger.special_committees}
    people = {m.id: m.name for m in ledger.members}
    anchor = f"record-{member_id}"
    title = f"{member.name}（{member.id}）{period.start.year}年度履职档案"
    profile: list[list[Cell]] = [
        ["界别", sectors.get(member.sector_id, member.sector_id)],
        ["参加单位", units.get(member.unit_id or "", member.unit_id)],
        ["活动组", groups.get(member.activity_group_id or "", member.activity_group_id)],
        ["专门委员会", _names(member.special_committee_ids, committees)],
        ["考核期间", f"{period.start} 至 {period.end}（截至 {as_of}）"],
        ["名次", place],
        ["总分", rule_set.rounding.present(card.total)],
        ["等次", card.grade],
    ]
    attendance: list[list[Cell]] = [
        [a.start.isoformat(), a.title, a.kind.label, entry.status.label, entry.role.label]
        for a, entry in sorted(records.attendances, key=lambda pair: (pair[0].start, pair[0].id))
    ]
    proposals: list[list[Cell]] = [
        [
            p.submitted_on.isoformat(),
            p.id,
            p.subject,
            _role(member, p.member_ids),
            _names(p.member_ids[1:], people) if p.member_ids[:1] == (member.id,) else None,
            proposal_outcome(p, as_of),
        ]
        for p in sorted(records.proposals, key=lambda p: (p.submitted_on, p.id))
    ]
    reports: list[list[Cell]] = [
        [
            r.submitted_on.isoformat(),
            r.id,
            r.title,
            _role(member, r.author_ids),
            _info_outcome(r, as_of),
        ]
        for r in sorted(records.info_reports, key=lambda r: (r.submitted_on, r.id))
    ]
    others: list[list[Cell]] = [
        [c.on.isoformat(), c.kind.label, c.title, c.level.label if c.level else None]
        for c in sorted(records.contributions, key=lambda c: (c.on, c.id))
    ]
    counts = (
        f"出席会议和活动 {sum(1 for _, e in records.attendances if e.status.value == 'present')}"
        f" 次，提案 {len(proposals)} 件，社情民意 {len(reports)} 篇，其他履职 {len(others)} 项"
    )
    card_table = score_card_table(card, rule_set, place or "")
    return [
        Table(
            title,
            [("item", "项目"), ("value", "内容")],
            profile,
            [counts],
            anchor=anchor,
            new_page=True,
        ),
        Table(
            "会议和活动",
            [
                ("on", "日期"),
                ("title", "会议或活动"),
                ("kind", "类别"),
                ("status", "出勤"),
                ("role", "角色"),
            ],
            attendance,
        ),
        Table(
            "提案及办理情况",
            [
                ("on", "提交日期"),
                ("id", "编号"),
                ("subject", "案由"),
                ("role", "提出方式"),
                ("co_signers", "联名委员"),
                ("outcome", "办理情况"),
            ],
            proposals,
        ),
        Table(
            "社情民意信息及采用情况",
            [
                ("on", "报送日期"),
                ("id", "编号"),
                ("title", "标题"),
                ("role", "提出方式"),
                ("outcome", "采用情况"),
            ],
            reports,
        ),
        Table(
            "其他履职",
            [("on", "日期"), ("kind", "类别"), ("title", "事项"), ("level", "级别")],
            others,
        ),
        attrs.evolve(card_table, title="考核得分（逐条列明依据条款）", anchor=None, new_page=False),
    ]


def duty_records(
    ledger: Ledger,
    rule_set: RuleSet,
    assessment: Assessment,
    *,
    members: Sequence[str] | None = None,
    places: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Every assessed member's duty record (or those of ``members``), one printed page each.

    Written as HTML, each record starts a new page; ``places`` gives each member's place
    (``"3 / 265"``) as the results table shows it; ``progress`` (see
    :mod:`cppcc_model.progress`) hears of each record as it is made.
    """
    chosen = list(members) if members is not None else list(assessment.member_ids)
    period = assessment.period
    sections: list[Table] = []
    for member_id in steps(chosen, "履职档案 duty records", progress):
        sections.extend(
            duty_record(
                ledger, rule_set, assessment, member_id, place=(places or {}).get(member_id)
            )
        )
    index = Table(
        "委员名单",
        [("number", "序号"), ("name", "姓名"), ("member_id", "编号")],
        [[n, ledger.member(m).name, m] for n, m in enumerate(chosen, start=1)],
        anchor="members",
        links=[f"record-{m}" for m in chosen],
    )
    return Report(
        [index],
        {"members": chosen, "period": str(period), "as_of": assessment.as_of.isoformat()},
        title=f"{rule_set.title} 委员年度履职档案",
        subtitle=f"考核期间 {period.start} 至 {period.end} · 截至 {assessment.as_of}",
        sections=sections,
        page="A4 portrait",
    )
