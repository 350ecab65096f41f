"""The year's 社情民意 work in the office's own words, every figure traceable.

:func:`info_report` writes the paragraph offices put in their work reports — "共收到社情民意
信息X篇，编发Y篇，其中综合编发Z篇；被市级以上政协采用、转报A篇，其中转报全国政协B篇；获领导
批示C篇D次" — and lists each figure with its definition and the ids of the items behind it.

Phrasing (a clause appears only when its figure is not zero, except the first):

* ``{period}，共收到社情民意信息{submitted}篇``, ``其中来自视察调研等活动{from_activity}篇``;
* ``编发{issued}篇（单篇{alone}篇、综合{combined}篇），编发率{issue_rate}`` (``（均为综合编发）``
  when every issued item was combined), ``共刊发{issues}期``;
* ``被区级以上采用、转报{taken_up_county}篇，其中市级以上{taken_up_city}篇`` (only
  ``被市级以上采用、转报{taken_up_city}篇`` when the two are the same);
* ``转报全国政协{national}篇``; ``被全国政协采用{adopted_national}篇``;
* ``获领导批示{instructed}篇{instruction_events}次``.

Rates print as offices print them (``75%``, ``66.67%``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from cppcc_model.information.statistics import (
    INFO_COUNT_NAMES,
    INFO_RATE_DEFINITIONS,
    InfoCounts,
    info_contribution,
    info_statistics,
    issues_published,
)
from cppcc_model.ledger import Ledger
from cppcc_model.model.periods import Period
from cppcc_model.model.reports import InfoReport
from cppcc_model.proposals.report import ProposalReport, ReportFigure, period_text
from cppcc_model.proposals.statistics import resolve_as_of

__all__ = ["info_records_behind", "info_report"]


def info_records_behind(
    reports: Iterable[InfoReport], *, as_of: dt.date, period: Period | None = None
) -> dict[str, list[str]]:
    """For every count, the ids of the items it counts (in the order given)."""
    ids: dict[str, list[str]] = {}
    for report in reports:
        part = info_contribution(report, as_of, period=period)
        for field in attrs.fields(InfoCounts):
            if getattr(part, field.name):
                ids.setdefault(field.name, []).append(report.id)
    return ids


def info_report(
    source: Ledger | Iterable[InfoReport],
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    title: str | None = None,
) -> ProposalReport:
    """The paragraph on the items submitted by ``as_of`` (and in ``period``).

    Raises:
        StatisticsQueryError: when neither ``as_of`` nor ``period`` is given.

    """
    day = resolve_as_of(as_of, period)
    reports = tuple(source.info_reports if isinstance(source, Ledger) else source)
    stats = info_statistics(reports, as_of=day, period=period)
    c = stats.counts
    ids = info_records_behind(reports, as_of=day, period=period)
    figures: list[ReportFigure] = []

    def count(key: str, label: str, unit: str = "篇") -> int:
        records = tuple(ids.get(key, []))
        figures.append(
            ReportFigure(
                key, label, f"{len(records)}{unit}", INFO_COUNT_NAMES.get(key, label), records
            )
        )
        return len(records)

    def rate(name: str) -> str:
        figure = stats.rate(name)
        _, top, bottom = INFO_RATE_DEFINITIONS[name]
        figures.append(
            ReportFigure(
                name,
                figure.label,
                figure.short_percent(),
                figure.definition,
                tuple(ids.get(top, [])),
                tuple(ids.get(bottom, [])),
                figure,
            )
        )
        return figure.short_percent()

    opening = title if title is not None else period_text(period)
    first = (
        f"{opening}，" if opening else ""
    ) + f"共收到社情民意信息{count('submitted', '收到')}篇"
    if c.from_activity:
        first += f"，其中来自视察调研等履职活动{count('from_activity', '来自履职活动')}篇"
    sentences = [first + "。"]
    if not c.submitted:
        return ProposalReport("".join(sentences), tuple(figures))
    if c.issued:
        text = f"编发{count('issued', '编发')}篇"
        if c.issued_combined == c.issued:
            count("issued_combined", "综合编发")
            text += "（均为综合编发）"
        elif c.issued_combined:
            alone = c.issued - c.issued_combined
            text += f"（单篇{alone}篇、综合{count('issued_combined', '综合编发')}篇）"
        text += f"，编发率{rate('issue_rate')}"
        issues = issues_published(reports, as_of=day, period=period)
        if issues:
            figures.append(
                ReportFigure("issues", "期数", f"{len(issues)}期", "刊发期号数", tuple(issues))
            )
            text += f"，共刊发{len(issues)}期"
        sentences.append(text + "。")
    taken = []
    county, city = c.taken_up_county_or_above, c.taken_up_city_or_above
    if city and city == county:
        taken.append(f"被市级以上采用、转报{count('taken_up_city_or_above', '市级以上采用转报')}篇")
    elif county:
        clause = f"被区级以上采用、转报{count('taken_up_county_or_above', '区级以上采用转报')}篇"
        if city:
            clause += f"，其中市级以上{count('taken_up_city_or_above', '市级以上采用转报')}篇"
        taken.append(clause)
    if c.forwarded_to_national:
        taken.append(f"转报全国政协{count('forwarded_to_national', '转报全国政协')}篇")
    if c.adopted_national:
        taken.append(f"被全国政协采用{count('adopted_national', '全国政协采用')}篇")
    if taken:
        sentences.append("；".join(taken) + "。")
    if c.instructed:
        instructed = count("instructed", "获批示")
        figures.append(
            ReportFigure(
                "instruction_events",
                "批示次数",
                f"{c.instruction_events}次",
                "领导批示次数",
                tuple(ids.get("instruction_events", [])),
            )
        )
        sentences.append(f"获领导批示{instructed}篇{c.instruction_events}次。")
    return ProposalReport("".join(sentences), tuple(figures))
