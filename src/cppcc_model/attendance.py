"""Attendance statistics: by kind of meeting or activity, and by member.

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
from cppcc_model.proposals.figures import Figure
from cppcc_model.proposals.statistics import add_counts

__all__ = [
    "AttendanceCounts",
    "AttendanceGrouping",
    "AttendanceStats",
    "attendance_statistics",
    "attendance_statistics_by",
]


class AttendanceGrouping(LabeledEnum, kind_label="出勤统计口径 (attendance grouping)"):
    """What attendance statistics are grouped by."""

    KIND = ("kind", "会议类别", "活动类别")
    MEMBER = ("member", "委员")
    ACTIVITY = ("activity", "会议", "活动")


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
    """Attendance over ``period`` per kind of activity (by its id), member or activity.

    Keys are sorted; kinds, members and activities without any roll-call entry are left out.
    """
    grouping = AttendanceGrouping.parse(by)
    groups: dict[str, AttendanceCounts] = defaultdict(AttendanceCounts)
    for activity, entry in _entries(source, period, kinds):
        if grouping is AttendanceGrouping.KIND:
            key = activity.kind.value
        elif grouping is AttendanceGrouping.MEMBER:
            key = entry.member_id
        else:
            key = activity.id
        groups[key] = groups[key] + _entry_counts(activity, entry)
    return {key: AttendanceStats(groups[key]) for key in sorted(groups)}
