"""``cppcc proposals list`` and ``cppcc info issues``: the records behind the statistics.

``proposals list`` names the proposals (the key proposals a summary names, "列为重点提案");
``info issues`` names the issues (期) the 社情民意 items were published in ("编发社情民意
内部参考1期") and how many items each carried.
"""

from __future__ import annotations

from pathlib import Path

import click

from cppcc_model.cli.formatting import Cell, Report, Table
from cppcc_model.cli.options import (
    dataset_when,
    emit,
    output_options,
)
from cppcc_model.cli.records import (
    body_key,
    body_names,
    match_option,
    title_matches,
    when_payload,
)
from cppcc_model.information import replay_info
from cppcc_model.ledger import Ledger
from cppcc_model.proposals import replay, rules_for
from cppcc_model.when import When

__all__ = ["info_issues", "proposal_list"]


@click.command("list")
@dataset_when
@click.option("--key", "key_only", is_flag=True, help="Only the key proposals (重点提案).")
@match_option
@output_options
def proposal_list(
    ledger: Ledger,
    when: When,
    key_only: bool,
    match: str | None,
    format: str,
    output: Path | None,
) -> None:
    """List the proposals submitted in the period and where each stood on --as-of."""
    names = body_names(ledger)
    member_names = {m.id: m.name for m in ledger.members}
    sessions = {s.id: s.label for s in ledger.sessions}
    rules = rules_for(ledger.committee)
    rows: list[list[Cell]] = []
    records = []
    chosen = sorted(
        (p for p in ledger.proposals_in(when.period) if p.submitted_on <= when.as_of),
        key=lambda p: (p.submitted_on, p.id),
    )
    for proposal in chosen:
        status = replay(proposal, when.as_of, rules)
        if (key_only and not status.is_key) or not title_matches(proposal.subject, match):
            continue
        proposers = [member_names[m] for m in proposal.member_ids]
        if proposal.body is not None:
            proposers.append(body_key(proposal.body, names)[1])
        session = sessions.get(proposal.session_id or "")
        units = [unit.name for unit in status.units]
        rows.append(
            [
                proposal.id,
                status.case_number,
                proposal.subject,
                proposal.topic,
                "、".join(proposers),
                session,
                proposal.submitted_on.isoformat(),
                status.state.label,
                status.merged_into,
                "、".join(units) or None,
                "重点" if status.is_key else None,
            ]
        )
        records.append(
            {
                "id": proposal.id,
                "case_number": status.case_number,
                "subject": proposal.subject,
                "proposers": proposers,
                "session": session,
                "submitted_on": proposal.submitted_on.isoformat(),
                "state": status.state.value,
                "outcome": status.outcome.value,
                "key": status.is_key,
                "topic": proposal.topic,
                "merged_into": status.merged_into,
                "handling_units": units,
            }
        )
    table = Table(
        f"提案 — {ledger.committee.name} · {when.period} · 截至 as of {when.as_of}"
        f" · 共{len(rows)}件",
        [
            ("id", "编号"),
            ("case_number", "案号"),
            ("subject", "案由"),
            ("topic", "类别"),
            ("proposers", "提案人"),
            ("session", "会议"),
            ("submitted_on", "提交日期"),
            ("state", "状态"),
            ("merged_into", "并入"),
            ("handling_units", "承办单位"),
            ("key", "重点"),
        ],
        rows,
    )
    emit(Report([table], {**when_payload(ledger, when), "proposals": records}), format, output)


@click.command("issues")
@dataset_when
@output_options
def info_issues(
    ledger: Ledger,
    when: When,
    format: str,
    output: Path | None,
) -> None:
    """The issues (期) the items submitted in the period were published in, with their items."""
    items: dict[str, list[str]] = {}
    for report in ledger.info_reports_in(when.period):
        if report.submitted_on > when.as_of:
            continue
        issue = replay_info(report, when.as_of).issue
        if issue is not None:
            items.setdefault(issue, []).append(report.id)
    issues = [{"issue": name, "items": sorted(items[name])} for name in sorted(items)]
    table = Table(
        f"社情民意编发期数 — {ledger.committee.name} · {when.period} · 共{len(issues)}期",
        [("issue", "期号"), ("items", "篇数"), ("ids", "信息编号")],
        [[name, len(items[name]), "、".join(sorted(items[name]))] for name in sorted(items)],
    )
    emit(Report([table], {**when_payload(ledger, when), "issues": issues}), format, output)
