"""社情民意 statistics: submitted, issued, adopted and forwarded by level, instructions.

Cohort and reading day as for proposals: the items submitted by ``as_of`` (and in ``period``),
each read as it stood on ``as_of``. Counts of *items* (篇) and of *events* (篇次) are kept
apart, as the offices' reports keep them apart: an item adopted by the city and the province
is one item taken up by the city or above, and two adoption events.

"Taken up by level L or above" (L级以上采用、转报) means adopted at L or above, or forwarded to a
level above L — a forwarding to the province is done by the city. So Xiangzhou's "省市政协
采纳、转报 48 篇" is ``taken_up_city_or_above``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from cppcc_model.information.filters import InfoFilter, select_info
from cppcc_model.information.lifecycle import InfoStatus, replay_info
from cppcc_model.information.states import InfoState
from cppcc_model.ledger import Ledger
from cppcc_model.model.organizations import Level
from cppcc_model.model.people import Member
from cppcc_model.model.periods import Period
from cppcc_model.model.reports import InfoReport
from cppcc_model.proposals.errors import StatisticsQueryError
from cppcc_model.proposals.figures import Figure
from cppcc_model.proposals.grouping import NOT_RECORDED, Attribution, Grouping, people_keys
from cppcc_model.proposals.statistics import Tally, add_counts, resolve_as_of, stats_as_dict

__all__ = [
    "INFO_COUNT_LABELS",
    "INFO_RATE_DEFINITIONS",
    "InfoCounts",
    "InfoStats",
    "InfoTally",
    "info_contribution",
    "info_keys",
    "info_statistics",
    "info_statistics_by",
    "issues_published",
]


@attrs.frozen
class InfoCounts:
    """Counts of items (and, where named ``*_events``, of events)."""

    submitted: int = 0
    from_activity: int = 0
    pending: int = 0
    returned: int = 0
    issued: int = 0
    issued_combined: int = 0
    forwarded: int = 0
    forwarded_to_city: int = 0
    forwarded_to_province: int = 0
    forwarded_to_national: int = 0
    adopted_county: int = 0
    adopted_city: int = 0
    adopted_province: int = 0
    adopted_national: int = 0
    taken_up_county_or_above: int = 0
    taken_up_city_or_above: int = 0
    instructed: int = 0
    instruction_events: int = 0
    instructions_county: int = 0
    instructions_city: int = 0
    instructions_province: int = 0
    instructions_national: int = 0
    adoption_events: int = 0
    forward_events: int = 0
    national_forward_events: int = 0

    def __add__(self, other: InfoCounts) -> InfoCounts:
        return add_counts(self, other, 1)

    def __sub__(self, other: InfoCounts) -> InfoCounts:
        return add_counts(self, other, -1)

    @property
    def issued_alone(self) -> int:
        """Items issued on their own (单篇编发)."""
        return self.issued - self.issued_combined

    @property
    def outcome_events(self) -> int:
        """Adoption and forwarding events (采用、转报 篇次)."""
        return self.adoption_events + self.forward_events

    @property
    def outcome_events_with_instructions(self) -> int:
        """Adoption, forwarding and instruction events (采用、转报和批示 篇次)."""
        return self.outcome_events + self.instruction_events

    def as_dict(self) -> dict[str, int]:
        """Plain data: every count, derived ones included."""
        data = attrs.asdict(self)
        data.update(
            issued_alone=self.issued_alone,
            outcome_events=self.outcome_events,
            outcome_events_with_instructions=self.outcome_events_with_instructions,
        )
        return data


_EMPTY = InfoCounts()

INFO_RATE_DEFINITIONS: Mapping[str, tuple[str, str, str]] = {
    "issue_rate": ("编发率", "issued", "submitted"),
    "adoption_rate": ("采用率", "taken_up_county_or_above", "submitted"),
    "upper_adoption_rate": ("市级以上采用转报率", "taken_up_city_or_above", "issued"),
    "instruction_rate": ("批示率", "instructed", "issued"),
}
"""Every rate: its Chinese name, numerator and denominator (names of counts)."""

INFO_COUNT_NAMES: Mapping[str, str] = {
    "submitted": "报送",
    "issued": "编发",
    "taken_up_county_or_above": "区级以上采用转报",
    "taken_up_city_or_above": "市级以上采用转报",
    "instructed": "获批示",
}
"""The Chinese names of the counts the rates refer to (for their definitions)."""


INFO_COUNT_LABELS: Mapping[str, str] = {
    "submitted": "报送",
    "from_activity": "来自履职活动",
    "pending": "待处理",
    "returned": "退回",
    "issued": "编发",
    "issued_alone": "单篇编发",
    "issued_combined": "综合编发",
    "forwarded": "转报",
    "forwarded_to_city": "转报市政协",
    "forwarded_to_province": "转报省政协",
    "forwarded_to_national": "转报全国政协",
    "adopted_county": "区县采用",
    "adopted_city": "市级采用",
    "adopted_province": "省级采用",
    "adopted_national": "全国采用",
    "taken_up_county_or_above": "区县及以上采用转报",
    "taken_up_city_or_above": "市级及以上采用转报",
    "instructed": "获领导批示",
    "instruction_events": "批示 (人次)",
    "instructions_county": "区县领导批示",
    "instructions_city": "市领导批示",
    "instructions_province": "省领导批示",
    "instructions_national": "国家领导批示",
    "adoption_events": "采用 (篇次)",
    "forward_events": "转报 (篇次)",
    "national_forward_events": "转报全国政协 (篇次)",
    "outcome_events": "采用转报 (篇次)",
    "outcome_events_with_instructions": "采用转报批示 (篇次)",
}
"""The Chinese name of every count of :class:`InfoCounts`, in the order reports list them."""


@attrs.frozen
class InfoStats:
    """Counts and rates for one set of 社情民意 items."""

    counts: InfoCounts

    def rate(self, name: str) -> Figure:
        """The rate called ``name`` (a key of :data:`INFO_RATE_DEFINITIONS`)."""
        if name not in INFO_RATE_DEFINITIONS:
            raise StatisticsQueryError(
                f"there is no 社情民意 rate called {name!r}",
                hint="use one of: " + ", ".join(INFO_RATE_DEFINITIONS),
            )
        label, top, bottom = INFO_RATE_DEFINITIONS[name]
        definition = f"{INFO_COUNT_NAMES[top]}/{INFO_COUNT_NAMES[bottom]}"
        return Figure(
            getattr(self.counts, top), getattr(self.counts, bottom), label, name, definition
        )

    def rates(self) -> dict[str, Figure]:
        """Every rate, by name."""
        return {name: self.rate(name) for name in INFO_RATE_DEFINITIONS}

    def as_dict(self, places: int = 2) -> dict[str, object]:
        """Plain data: counts and rates (numerator, denominator, fraction, percentage)."""
        return stats_as_dict(self.counts.as_dict(), self.rates(), places)


def _count(levels: Iterable[Level], level: Level) -> int:
    return sum(1 for found in levels if found is level)


def _has(levels: Iterable[Level], level: Level) -> int:
    return int(any(found is level for found in levels))


def _in_cohort(report: InfoReport, as_of: dt.date, period: Period | None) -> bool:
    return report.submitted_on <= as_of and (period is None or report.submitted_on in period)


def info_contribution(
    report: InfoReport,
    as_of: dt.date,
    *,
    period: Period | None = None,
    status: InfoStatus | None = None,
) -> InfoCounts:
    """What one item adds to the counts as of ``as_of`` (nothing if outside the cohort)."""
    if not _in_cohort(report, as_of, period):
        return _EMPTY
    if status is None:
        status = replay_info(report, as_of)
    instruction_levels = [level for level, _ in status.instructions]
    return InfoCounts(
        submitted=1,
        from_activity=int(report.activity_id is not None),
        pending=int(status.state in (InfoState.SUBMITTED, InfoState.SCREENED)),
        returned=int(status.state is InfoState.RETURNED),
        issued=int(status.is_issued),
        issued_combined=int(status.combined),
        forwarded=int(bool(status.forwarded)),
        forwarded_to_city=_has(status.forwarded, Level.CITY),
        forwarded_to_province=_has(status.forwarded, Level.PROVINCE),
        forwarded_to_national=_has(status.forwarded, Level.NATIONAL),
        adopted_county=_has(status.adopted, Level.COUNTY),
        adopted_city=_has(status.adopted, Level.CITY),
        adopted_province=_has(status.adopted, Level.PROVINCE),
        adopted_national=_has(status.adopted, Level.NATIONAL),
        taken_up_county_or_above=int(status.taken_up_by(Level.COUNTY)),
        taken_up_city_or_above=int(status.taken_up_by(Level.CITY)),
        instructed=int(bool(status.instructions)),
        instruction_events=len(status.instructions),
        instructions_county=_count(instruction_levels, Level.COUNTY),
        instructions_city=_count(instruction_levels, Level.CITY),
        instructions_province=_count(instruction_levels, Level.PROVINCE),
        instructions_national=_count(instruction_levels, Level.NATIONAL),
        adoption_events=len(status.adopted),
        forward_events=len(status.forwarded),
        national_forward_events=_count(status.forwarded, Level.NATIONAL),
    )


_INFO_GROUPINGS = frozenset(
    {
        Grouping.ACTIVITY_GROUP,
        Grouping.SPECIAL_COMMITTEE,
        Grouping.UNIT,
        Grouping.SECTOR,
        Grouping.PROPOSER,
        Grouping.SOURCE_ACTIVITY,
        Grouping.LEVEL,
    }
)


def info_keys(
    report: InfoReport,
    status: InfoStatus,
    grouping: Grouping,
    roster: Mapping[str, Member],
    attribution: Attribution = Attribution.ALL,
) -> frozenset[str]:
    """The groups an item counts in under ``grouping``.

    Its authors' groups (see :mod:`cppcc_model.proposals.grouping`), its source activity, or
    each level that adopted it, forwarded it or instructed on it; :data:`NOT_RECORDED` when
    it records no source or level.
    """
    if grouping is Grouping.SOURCE_ACTIVITY:
        return frozenset({report.activity_id or NOT_RECORDED})
    if grouping is Grouping.LEVEL:
        levels = {level.value for level in (*status.adopted, *status.forwarded)}
        levels.update(level.value for level, _ in status.instructions)
        return frozenset(levels or {NOT_RECORDED})
    return people_keys(grouping, report.author_ids, report.body, roster, attribution)


class InfoTally(Tally[InfoReport, InfoCounts, InfoStats]):
    """An incremental accumulator of 社情民意 statistics (add, remove, replace items)."""

    def __init__(
        self,
        *,
        as_of: dt.date,
        period: Period | None = None,
        grouping: Grouping | None = None,
        roster: Mapping[str, Member] | None = None,
        attribution: Attribution = Attribution.ALL,
    ) -> None:
        if grouping is not None and grouping not in _INFO_GROUPINGS:
            raise StatisticsQueryError(
                f"社情民意 items cannot be grouped by {grouping.label} ({grouping.value})",
                hint="group them by activity group, special committee, unit, sector, author, "
                "source activity or level",
            )
        super().__init__(_EMPTY, grouping)
        self.as_of = as_of
        self.period = period
        self.roster: Mapping[str, Member] = roster or {}
        self.attribution = attribution

    def _part(self, record: InfoReport) -> tuple[InfoCounts, frozenset[str]] | None:
        if not _in_cohort(record, self.as_of, self.period):
            return None
        status = replay_info(record, self.as_of)
        part = info_contribution(record, self.as_of, period=self.period, status=status)
        if self.grouping is None:
            return part, frozenset()
        keys = info_keys(record, status, self.grouping, self.roster, self.attribution)
        return part, keys

    def _stats(self, counts: InfoCounts) -> InfoStats:
        return InfoStats(counts)


def info_statistics(
    source: Ledger | Iterable[InfoReport],
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    selection: InfoFilter | None = None,
) -> InfoStats:
    """Statistics of the items submitted by ``as_of`` (and in ``period``), as of ``as_of``.

    ``selection`` keeps only the items it matches (by author, group, unit, sector, source
    activity or title); conditions on people need a ledger, whose roster they read.
    """
    tally = InfoTally(as_of=resolve_as_of(as_of, period), period=period)
    tally.extend(_selected(source, selection))
    return tally.stats()


def _selected(
    source: Ledger | Iterable[InfoReport], selection: InfoFilter | None
) -> tuple[InfoReport, ...]:
    if isinstance(source, Ledger):
        reports = source.info_reports
        roster = {member.id: member for member in source.members}
    else:
        reports, roster = tuple(source), {}
    return reports if selection is None else select_info(reports, selection, roster)


def info_statistics_by(
    ledger: Ledger,
    by: Grouping | str,
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    attribution: Attribution = Attribution.ALL,
    selection: InfoFilter | None = None,
) -> dict[str, InfoStats]:
    """Statistics per group, keys sorted; ``selection`` keeps only the items it matches.

    Groups: activity group, special committee, unit, sector, author, source activity or level.

    Raises:
        StatisticsQueryError: for a grouping that does not apply to items (session, handling unit).

    """
    tally = InfoTally(
        as_of=resolve_as_of(as_of, period),
        period=period,
        grouping=Grouping.parse(by),
        roster={member.id: member for member in ledger.members},
        attribution=attribution,
    )
    tally.extend(_selected(ledger, selection))
    return tally.stats_by()


def issues_published(
    source: Ledger | Iterable[InfoReport],
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
) -> tuple[str, ...]:
    """The distinct issue numbers (期) the cohort's issued items appeared in, sorted."""
    day = resolve_as_of(as_of, period)
    reports = source.info_reports if isinstance(source, Ledger) else source
    numbers = {
        status.issue
        for report in reports
        if _in_cohort(report, day, period)
        for status in (replay_info(report, day),)
        if status.issue is not None
    }
    return tuple(sorted(numbers))
