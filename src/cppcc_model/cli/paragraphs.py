"""``cppcc proposals report``, ``cppcc info report`` and ``cppcc proposals merges``.

The reports write the paragraph an office puts in its work report, under the committee's
definitions, followed by a table of every figure it used: its value, its definition and the
records behind it. ``proposals merges`` lists the merge structure (并案): each case and the
proposals merged into it.
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
from cppcc_model.cli.records import when_payload
from cppcc_model.cli.statistics import definition_options, stats_settings
from cppcc_model.information.report import info_report
from cppcc_model.ledger import Ledger
from cppcc_model.proposals import merge_structure
from cppcc_model.proposals.report import ProposalReport, period_text, proposal_report
from cppcc_model.when import When

__all__ = ["info_report_command", "proposal_merges", "proposal_report_command"]

_FIGURE_COLUMNS = [
    ("key", "指标"),
    ("label", "名称"),
    ("text", "数值"),
    ("definition", "口径"),
    ("records", "依据记录"),
    ("base", "分母记录"),
]


def _report(title: str, report: ProposalReport, payload: dict[str, object]) -> Report:
    rows: list[list[Cell]] = [
        [
            f.key,
            f.label,
            f.text,
            f.definition,
            "、".join(f.records) or None,
            "、".join(f.base) or None,
        ]
        for f in report.figures
    ]
    table = Table(title, _FIGURE_COLUMNS, rows, notes=(report.paragraph,))
    data = {
        **payload,
        "paragraph": report.paragraph,
        "figures": [f.as_dict() for f in report.figures],
    }
    text = (
        f"{title}\n\n{report.paragraph}\n\n"
        "(-f json, csv or xlsx lists every figure with its definition and the records behind it)\n"
    )
    return Report([table], data, text)


@click.command("report")
@dataset_when
@click.option(
    "--satisfaction-base",
    type=click.Choice(["rated", "replied", "assigned"]),
    default=None,
    help="The satisfaction rate's denominator (default: the committee's, else rated).",
)
@definition_options
@click.option("--title", help="How the paragraph opens (default: the period, 2023年).")
@output_options
def proposal_report_command(
    ledger: Ledger,
    when: When,
    satisfaction_base: str | None,
    filing_count: str | None,
    reply_base: str | None,
    closed_means: str | None,
    title: str | None,
    format: str,
    output: Path | None,
) -> None:
    """The year's proposal work as the office writes it, every figure traceable.

    Prints the paragraph (共收到提案X件…立案率…办复率…满意率…) under the committee's
    definitions; -f json/csv/xlsx give every figure with its definition and record ids.
    """
    settings = stats_settings(ledger, satisfaction_base, filing_count, reply_base, closed_means)
    opening = title if title is not None else period_text(when.period)
    report = proposal_report(
        ledger, as_of=when.as_of, period=when.period, settings=settings, title=opening
    )
    heading = f"提案工作情况 — {ledger.committee.name} · {when.period} · 截至 as of {when.as_of}"
    emit(_report(heading, report, when_payload(ledger, when)), format, output)


@click.command("report")
@dataset_when
@click.option("--title", help="How the paragraph opens (default: the period, 2023年).")
@output_options
def info_report_command(
    ledger: Ledger,
    when: When,
    title: str | None,
    format: str,
    output: Path | None,
) -> None:
    """The year's 社情民意 work as the office writes it, every figure traceable."""
    opening = title if title is not None else period_text(when.period)
    report = info_report(ledger, as_of=when.as_of, period=when.period, title=opening)
    heading = (
        f"社情民意工作情况 — {ledger.committee.name} · {when.period} · 截至 as of {when.as_of}"
    )
    emit(_report(heading, report, when_payload(ledger, when)), format, output)


@click.command("merges")
@dataset_when
@output_options
def proposal_merges(
    ledger: Ledger,
    when: When,
    format: str,
    output: Path | None,
) -> None:
    """The merge structure (并案): each case, the proposals merged into it, group sizes."""
    settings = stats_settings(ledger, None, None, None, None)
    structure = merge_structure(
        ledger.proposals, as_of=when.as_of, period=when.period, rules=settings.rules
    )
    subjects = {p.id: p.subject for p in ledger.proposals}
    rows: list[list[Cell]] = [
        [group.case_id, subjects[group.case_id], group.size, "、".join(group.merged_ids)]
        for group in structure.groups
    ]
    summary = structure.text() or "无并案"
    table = Table(
        f"并案情况 — {ledger.committee.name} · {when.period} · {summary}",
        [("case", "主案"), ("subject", "案由"), ("size", "件数"), ("merged", "并入提案")],
        rows,
    )
    payload = {
        **when_payload(ledger, when),
        "merged": structure.merged,
        "cases": structure.cases,
        "sizes": {str(size): count for size, count in structure.sizes().items()},
        "text": structure.text(),
        "groups": [
            {"case": g.case_id, "size": g.size, "merged": list(g.merged_ids)}
            for g in structure.groups
        ],
    }
    emit(Report([table], payload), format, output)
