"""Attendance statistics: by kind of meeting or activity, by member, by sector.

:func:`sector_turnout` says how many sectors (界别) took part in a period's activities
("X个界别的委员参加"), and which took part in each.

Who counts: every roll-call entry of the activities that start inside the period. A member
on the roll call was invited; ``attended`` is present, late, left early or partly present;
excused (请假) and unexcused (无故缺席) absences are counted apart. Rates are exact
:class:`~cppcc_model.proposals.figures.Figure` values:

* 出勤率 ``attendance_rate`` = attended / invited;
* 请假率 ``excused_rate`` = excused / invited;
* 缺席率 ``unexcused_rate`` = unexcused / invited;
* 半天出勤率 ``half_day_rate`` = half-days attended / half-days of the activities invited to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import attrs

from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger
from cppcc_model.model.activities import Activity, ActivityKind, Attendance, AttendanceStatus
from cppcc_model.model.periods import Period
from cppcc_model.proposals.errors import StatisticsQueryError
from cppcc_model.proposals.figures import Figure
from cppcc_model.proposals.grouping import NOT_RECORDED
from cppcc_model.proposals.statistics import add_counts

__all__ = [
    "AttendanceCounts",
    "AttendanceGrouping",
    "AttendanceStats",
    "SectorTurnout",
    "attendance_statistics",
    "attendance_statistics_by",
    "sector_turnout",
]


class AttendanceGrouping(LabeledEnum, kind_label="出勤统计口径 (attendance grouping)"):
    """What attendance statistics are grouped by."""

    KIND = ("kind", "会议类别", "活动类别")
    MEMBER = ("member", "委员")
    ACTIVITY = ("activity", "会议", "活动")
    SECTOR = ("sector", "界别")


@attrs.frozen
class AttendanceCounts:
    """Counts of roll-call entries, and half-day units."""

    invited: int = 0
    present: int = 0
    late: int = 0
    left_early: int = 0
    partial: int = 0
    excused: int = 0
    unexcused: int = 0
    half_days_invited: int = 0
    half_days_attended: int = 0

    def __add__(self, other: AttendanceCounts) -> AttendanceCounts:
        return add_counts(self, other, 1)

    @property
    def attended(self) -> int:
        """Entries where the member was there at all (present, late, left early, partly)."""
        return self.present + self.late + self.left_early + self.partial


_FIELD_OF = {
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.LATE: "late",
    AttendanceStatus.LEFT_EARLY: "left_early",
    AttendanceStatus.PARTIAL: "partial",
    AttendanceStatus.EXCUSED: "excused",
    AttendanceStatus.UNEXCUSED: "unexcused",
    AttendanceStatus.LEAVE_NOT_APPROVED: "unexcused",  # counted as unexcused
}


def _entry_counts(activity: Activity, entry: Attendance) -> AttendanceCounts:
    values = {
        "invited": 1,
        _FIELD_OF[entry.status]: 1,
        "half_days_invited": activity.half_days,
        "half_days_attended": activity.half_days_attended(entry),
    }
    return AttendanceCounts(**values)


@attrs.frozen
class AttendanceStats:
    """Counts and rates of one set of roll-call entries."""

    counts: AttendanceCounts

    @property
    def attendance_rate(self) -> Figure:
        """出勤率: attended / invited."""
        return Figure(self.counts.attended, self.counts.invited, "出勤率", "attendance_rate")

    @property
    def excused_rate(self) -> Figure:
        """请假率: excused / invited."""
        return Figure(self.counts.excused, self.counts.invited, "请假率", "excused_rate")

    @property
    def unexcused_rate(self) -> Figure:
        """缺席率: unexcused absences / invited."""
        return Figure(self.counts.unexcused, self.counts.invited, "缺席率", "unexcused_rate")

    @property
    def half_day_rate(self) -> Figure:
        """半天出勤率: half-days attended / half-days invited to."""
        return Figure(
            self.counts.half_days_attended,
            self.counts.half_days_invited,
            "半天出勤率",
            "half_day_rate",
        )


def _entries(
    source: Ledger | Iterable[Activity],
    period: Period,
    kinds: Iterable[ActivityKind | str] | None,
) -> Iterator[tuple[Activity, Attendance]]:
    """Every roll-call entry of the activities that started in ``period`` (of ``kinds``)."""
    wanted = None if kinds is None else frozenset(ActivityKind.parse(kind) for kind in kinds)
    activities = source.activities if isinstance(source, Ledger) else tuple(source)
    for activity in activities:
        if activity.start in period and (wanted is None or activity.kind in wanted):
            for entry in activity.attendance:
                yield activity, entry


def attendance_statistics(
    source: Ledger | Iterable[Activity],
    period: Period,
    *,
    kinds: Iterable[ActivityKind | str] | None = None,
    member_id: str | None = None,
) -> AttendanceStats:
    """Attendance over ``period``: of all activities, or of some ``kinds``, or of one member."""
    total = AttendanceCounts()
    for activity, entry in _entries(source, period, kinds):
        if member_id is None or entry.member_id == member_id:
            total = total + _entry_counts(activity, entry)
    return AttendanceStats(total)


def attendance_statistics_by(
    source: Ledger | Iterable[Activity],
    period: Period,
    by: AttendanceGrouping | str,
    *,
    kinds: Iterable[ActivityKind | str] | None = None,
) -> dict[str, AttendanceStats]:
    """Attendance over ``period`` per kind of activity (by its id), member, activity or sector.

    Keys are sorted; kinds, members, activities and sectors without any roll-call entry are
    left out. Grouping by sector (the member's 界别) needs a ledger, whose roster it reads.

    Raises:
        StatisticsQueryError: grouping by sector without a ledger.

    """
    grouping = AttendanceGrouping.parse(by)
    sectors = _sectors_of(source, grouping)
    groups: dict[str, AttendanceCounts] = defaultdict(AttendanceCounts)
    for activity, entry in _entries(source, period, kinds):
        if grouping is AttendanceGrouping.KIND:
            key = activity.kind.value
        elif grouping is AttendanceGrouping.MEMBER:
            key = entry.member_id
        elif grouping is AttendanceGrouping.SECTOR:
            key = sectors.get(entry.member_id, NOT_RECORDED)
        else:
            key = activity.id
        groups[key] = groups[key] + _entry_counts(activity, entry)
    return {key: AttendanceStats(groups[key]) for key in sorted(groups)}


def _sectors_of(
    source: Ledger | Iterable[Activity], grouping: AttendanceGrouping
) -> dict[str, str]:
    if grouping is not AttendanceGrouping.SECTOR:
        return {}
    if not isinstance(source, Ledger):
        raise StatisticsQueryError(
            "attendance by sector needs the ledger's roster",
            hint="pass the ledger, not only its activities",
        )
    return {member.id: member.sector_id for member in source.members}


@attrs.frozen
class SectorTurnout:
    """Which sectors (界别) took part: members of them attended, activity by activity.

    ``by_activity`` maps each activity that started in the period (with a roll call) to the
    sectors of the members who attended it, sorted; ``sectors`` is every sector that took part
    in any of them; ``of`` how many sectors the committee has.
    """

    by_activity: dict[str, tuple[str, ...]]
    sectors: tuple[str, ...]
    of: int

    @property
    def taking_part(self) -> int:
        """How many sectors took part at all (界别参与数)."""
        return len(self.sectors)

    @property
    def share(self) -> Figure:
        """界别参与率: sectors that took part / the committee's sectors."""
        return Figure(len(self.sectors), self.of, "界别参与率", "sector_share", "参与界别/全部界别")


def sector_turnout(
    ledger: Ledger, period: Period, *, kinds: Iterable[ActivityKind | str] | None = None
) -> SectorTurnout:
    """How many sectors took part in the activities of ``period`` (of ``kinds``), and which.

    A sector took part in an activity when at least one of its members attended it (present,
    late, left early or partly present); excused and unexcused absences do not count.
    """
    sectors = {member.id: member.sector_id for member in ledger.members}
    by_activity: dict[str, set[str]] = {}
    for activity, entry in _entries(ledger, period, kinds):
        seen = by_activity.setdefault(activity.id, set())
        if _entry_counts(activity, entry).attended and entry.member_id in sectors:
            seen.add(sectors[entry.member_id])
    every = sorted({sector for found in by_activity.values() for sector in found})
    return SectorTurnout(
        {key: tuple(sorted(found)) for key, found in by_activity.items()},
        tuple(every),
        len(ledger.sectors),
    )
