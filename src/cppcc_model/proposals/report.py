"""The year's proposal work in the office's own words, every figure traceable.

:func:`proposal_report` writes the standard paragraph offices put in their 提案工作情况报告 —
"共收到提案X件，其中委员个人提案Y件、委员联名提案Z件、集体提案W件；经审查立案A件，立案率B；…
已全部办复，办复率100%；…满意率C" — from the ledger, under the committee's definitions
(:class:`~cppcc_model.proposals.settings.StatsSettings`), and lists every figure it used with
its definition and the ids of the proposals behind it (:class:`ReportFigure`), so a reader can
check each number against the records.

Phrasing (each clause appears only when its figure is not zero, except the first):

* ``{period}，共收到提案{received}件，其中委员个人提案{individual}件、委员联名提案{joint}件、
  集体提案{collective}件，委员参与提案{participations}人次。``
* ``经审查，立案{filing}件，立案率{filing_rate}；`` — with filing_count ``filed_and_merged``:
  ``立案{filing}件（含并案{merged}件）``; otherwise ``并案处理{merged}件（{structure}）；``
  then ``不予立案{not_filed}件；转上级政协{transferred_up}件；``
* ``按类别分，{topic}{n}件、占{share}，…。`` — the topics of the proposals counted as 立案.
* ``确定重点提案{key}件。``
* ``已交办{assigned}件，已全部办复，办复率100%`` (then ``，见面率{face_to_face_rate}`` when
  meetings are recorded), or ``已办复{replied}件，办复率{reply_rate}``, or,
  before any reply, ``已交办{assigned}件，正在办理``;
  ``其中{category}{n}件、占{share}…；``
* ``收到反馈{rated}件，满意率{satisfaction_rate}（满意{n}件、基本满意{n}件…）。``

Rates are printed as offices print them: rounded half up once to two places, trailing zeros
dropped (``81.7%``, ``100%``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from cppcc_model.ledger import Ledger
from cppcc_model.model.office import FilingCount
from cppcc_model.model.periods import Period
from cppcc_model.model.proposals import Proposal
from cppcc_model.proposals.figures import Figure
from cppcc_model.proposals.grouping import NOT_RECORDED
from cppcc_model.proposals.merges import merge_structure
from cppcc_model.proposals.settings import COUNT_NAMES, StatsSettings
from cppcc_model.proposals.statistics import (
    ProposalCounts,
    ProposalStats,
    contribution,
    resolve_as_of,
)

__all__ = ["ProposalReport", "ReportFigure", "period_text", "proposal_report", "records_behind"]


@attrs.frozen
class ReportFigure:
    """One figure of a report: what it is, its value, its definition and its records.

    ``records`` are the ids behind the number (a rate's numerator); ``base`` the ids behind a
    rate's denominator (empty for a count).
    """

    key: str
    label: str
    text: str
    definition: str
    records: tuple[str, ...]
    base: tuple[str, ...] = ()
    figure: Figure | None = None

    def as_dict(self) -> dict[str, object]:
        """Plain data."""
        data: dict[str, object] = {
            "key": self.key,
            "label": self.label,
            "text": self.text,
            "definition": self.definition,
            "records": list(self.records),
        }
        if self.figure is not None:
            data.update(
                numerator=self.figure.numerator,
                denominator=self.figure.denominator,
                fraction=None if self.figure.value is None else str(self.figure.value),
                base_records=list(self.base),
            )
        else:
            data["count"] = len(self.records)
        return data


@attrs.frozen
class ProposalReport:
    """The paragraph and the figures it was written from."""

    paragraph: str
    figures: tuple[ReportFigure, ...]

    def figure(self, key: str) -> ReportFigure:
        """The figure called ``key`` (``received``, ``filing_rate``, ``topic:经济建设`` …)."""
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)


def _derived(name: str, ids: Mapping[str, list[str]]) -> list[str]:
    if name == "handled_locally":
        gone = set(ids.get("transferred_after_filing", [])) | set(
            ids.get("merged_after_filing", [])
        )
        return [i for i in ids.get("filed", []) if i not in gone]
    if name == "transferred_up":
        return ids.get("transferred_up_unfiled", []) + ids.get("transferred_after_filing", [])
    if name == "handed_over":
        return ids.get("assigned", []) + ids.get("transferred_after_filing", [])
    return ids.get(name, [])


def records_behind(
    proposals: Iterable[Proposal],
    *,
    as_of: dt.date,
    period: Period | None = None,
    settings: StatsSettings | None = None,
) -> dict[str, list[str]]:
    """For every count, the ids of the proposals it counts (in the order given).

    Mapping counts (``by_reply``, ``by_satisfaction``) appear as ``by_reply:<code>``.
    """
    chosen = settings if settings is not None else StatsSettings()
    ids: dict[str, list[str]] = {}
    for proposal in proposals:
        part = contribution(proposal, as_of, chosen, period=period)
        for field in attrs.fields(ProposalCounts):
            value = getattr(part, field.name)
            if isinstance(value, Mapping):
                for key, count in value.items():
                    if count:
                        ids.setdefault(f"{field.name}:{key}", []).append(proposal.id)
            elif value:
                ids.setdefault(field.name, []).append(proposal.id)
    for name in ("handled_locally", "transferred_up", "handed_over"):
        ids[name] = _derived(name, ids)
    return ids


def _union(names: Iterable[str], ids: Mapping[str, list[str]]) -> tuple[str, ...]:
    found: list[str] = []
    for name in names:
        found.extend(i for i in _derived(name, ids) if i not in found)
    return tuple(found)


class _Writer:
    def __init__(self, stats: ProposalStats, ids: Mapping[str, list[str]]) -> None:
        self.stats = stats
        self.ids = ids
        self.figures: list[ReportFigure] = []

    def count(self, key: str, names: tuple[str, ...], label: str | None = None) -> int:
        records = _union(names, self.ids)
        definition = "+".join(COUNT_NAMES.get(n, n) for n in names)
        self.figures.append(
            ReportFigure(
                key, label or COUNT_NAMES.get(key, key), f"{len(records)}件", definition, records
            )
        )
        return len(records)

    def rate(self, name: str) -> str:
        figure = self.stats.rate(name)
        definitions = self.stats.definitions
        if name in definitions:
            top = _union(definitions[name].numerator, self.ids)
            bottom = _union(definitions[name].denominator, self.ids)
        else:
            top, bottom = (), ()
        text = figure.short_percent()
        self.figures.append(
            ReportFigure(name, figure.label, text, figure.definition, top, bottom, figure)
        )
        return text


def proposal_report(
    source: Ledger | Iterable[Proposal],
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    settings: StatsSettings | None = None,
    title: str | None = None,
) -> ProposalReport:
    """The paragraph on the proposals submitted by ``as_of`` (and in ``period``).

    ``settings`` default to the committee's (:meth:`StatsSettings.for_committee`) when
    ``source`` is a ledger, else to the library's. ``title`` opens the paragraph (``2023年``;
    default: the period's label, or nothing).

    Raises:
        StatisticsQueryError: when neither ``as_of`` nor ``period`` is given.

    """
    from cppcc_model.proposals.statistics import proposal_statistics

    day = resolve_as_of(as_of, period)
    if isinstance(source, Ledger):
        proposals: tuple[Proposal, ...] = source.proposals
        chosen = settings or StatsSettings.for_committee(source.committee)
    else:
        proposals = tuple(source)
        chosen = settings or StatsSettings()
    stats = proposal_statistics(proposals, as_of=day, period=period, settings=chosen)
    ids = records_behind(proposals, as_of=day, period=period, settings=chosen)
    c = stats.counts
    w = _Writer(stats, ids)
    opening = title if title is not None else period_text(period)
    sentences: list[str] = []

    received = w.count("received", ("received",))
    parts = []
    for key, label in (
        ("individual_received", "委员个人提案"),
        ("joint_received", "委员联名提案"),
        ("collective_received", "集体提案"),
    ):
        n = w.count(key, (key,), label)
        if n:
            parts.append(f"{label}{n}件")
    first = f"{opening}，" if opening else ""
    first += f"共收到提案{received}件"
    if parts:
        first += "，其中" + "、".join(parts)
    if c.participations:
        w.figures.append(
            ReportFigure(
                "participations",
                "提案人次",
                f"{c.participations}人次",
                "各提案署名委员人数之和",
                tuple(ids.get("participations", [])),
            )
        )
        first += f"，委员参与提案{c.participations}人次"
    sentences.append(first + "。")
    if not received:
        return ProposalReport("".join(sentences), tuple(w.figures))

    with_merged = chosen.filing_count is FilingCount.FILED_AND_MERGED
    filing_names = ("filed", "merged") if with_merged else ("filed",)
    filing = w.count("filing", filing_names, "立案")
    review = f"经审查，立案{filing}件"
    if with_merged and c.merged:
        review += f"（含并案{c.merged}件）"
    review += f"，立案率{w.rate('filing_rate')}"
    structure = merge_structure(proposals, as_of=day, period=period, rules=chosen.rules)
    extra = []
    if structure.merged:
        w.count("merged", ("merged", "merged_after_filing"), "并案")
        text = f"并案处理{structure.merged}件"
        details = [structure.text()]
        if c.merged_after_filing:
            details.insert(0, f"其中立案后并案{c.merged_after_filing}件")
        extra.append(f"{text}（{'，'.join(details)}）")
    if c.not_filed:
        extra.append(f"不予立案{w.count('not_filed', ('not_filed',))}件")
    if c.transferred_up:
        extra.append(f"转上级政协{w.count('transferred_up', ('transferred_up',))}件")
    sentences.append("；".join([review, *extra]) + "。")

    topics: dict[str, list[str]] = {}
    filing_ids = set(_union(filing_names, ids))
    for proposal in proposals:
        if proposal.id in filing_ids:
            topics.setdefault(proposal.topic or NOT_RECORDED, []).append(proposal.id)
    if topics and set(topics) != {NOT_RECORDED}:
        clauses = []
        for topic in sorted(topics, key=lambda t: (-len(topics[t]), t == NOT_RECORDED, t)):
            members = tuple(topics[topic])
            share = Figure(len(members), filing, f"{topic}占比", f"topic:{topic}", "本类/立案")
            name = "未分类" if topic == NOT_RECORDED else topic
            w.figures.append(
                ReportFigure(
                    f"topic:{topic}",
                    name,
                    f"{len(members)}件，占{share.short_percent()}",
                    "本类立案/立案",
                    members,
                    tuple(sorted(filing_ids)),
                    share,
                )
            )
            clauses.append(f"{name}{len(members)}件、占{share.short_percent()}")
        sentences.append("按类别分，" + "，".join(clauses) + "。")

    if c.key:
        sentences.append(f"确定重点提案{w.count('key', ('key',))}件。")

    if c.assigned:
        assigned = w.count("assigned", ("assigned",))
        reply_rate = w.rate("reply_rate")
        figure = stats.reply_rate
        if figure.denominator and figure.numerator == figure.denominator:
            handling = f"已交办{assigned}件，已全部办复，办复率{reply_rate}"
        elif not c.replied:
            w.figures.pop()  # no reply yet: the rate says nothing an office would print
            handling = f"已交办{assigned}件，正在办理"
        else:
            replied = w.count("replied", ("replied",))
            handling = f"已交办{assigned}件，已办复{replied}件，办复率{reply_rate}"
        if c.face_to_face:
            handling += f"，见面率{w.rate('face_to_face_rate')}"
        shares = []
        for category in chosen.rules.reply_scheme.categories:
            n = c.by_reply.get(category.code, 0)
            if n:
                key = f"reply_share:{category.code}"
                text = w.rate(key)
                w.figures[-1] = attrs.evolve(
                    w.figures[-1],
                    records=tuple(ids.get(f"by_reply:{category.code}", [])),
                    base=tuple(ids.get("replied", [])),
                )
                shares.append(f"{category.label}{n}件、占{text}")
        if shares:
            handling += "；其中" + "，".join(shares)
        sentences.append(handling + "。")

    if c.rated:
        rated = w.count("rated", ("rated",))
        satisfaction = w.rate("satisfaction_rate")
        levels = []
        for level in chosen.rules.satisfaction_scale.levels:
            n = c.by_satisfaction.get(level.code, 0)
            if n:
                w.figures.append(
                    ReportFigure(
                        f"satisfaction:{level.code}",
                        level.label,
                        f"{n}件",
                        f"反馈为{level.label}",
                        tuple(ids.get(f"by_satisfaction:{level.code}", [])),
                    )
                )
                levels.append(f"{level.label}{n}件")
        text = f"收到委员反馈{rated}件，满意率{satisfaction}"
        if levels:
            text += "（" + "、".join(levels) + "）"
        sentences.append(text + "。")

    return ProposalReport("".join(sentences), tuple(w.figures))


def period_text(period: Period | None) -> str:
    """``2023年`` for a calendar year, ``2023年1月1日至6月30日`` otherwise ('' without one)."""
    if period is None:
        return ""
    start, end = period.start, period.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year}年"
    head = f"{start.year}年{start.month}月{start.day}日"
    tail = (
        f"{end.month}月{end.day}日"
        if end.year == start.year
        else f"{end.year}年{end.month}月{end.day}日"
    )
    return f"{head}至{tail}"
