"""Attendance statistics by meeting kind, member and activity."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from cppcc_model.attendance import (
    AttendanceGrouping,
    attendance_statistics,
    attendance_statistics_by,
)
from cppcc_model.model import Activity, ActivityKind, Attendance, Period

D = dt.date

ACTIVITIES = [
    Activity(
        id="plenary",
        kind="plenary",
        title="五届四次会议",
        start=D(2022, 1, 5),
        end=D(2022, 1, 8),
        half_days=6,
        attendance=[
            Attendance("m1"),
            Attendance("m2", "请假"),
            Attendance("m3", "无故缺席"),
            Attendance("m4", "部分出席", half_days=2),
        ],
    ),
    Activity(
        id="sc1",
        kind="常委会议",
        title="常委会议",
        start=D(2022, 3, 1),
        attendance=[Attendance("m1", "迟到"), Attendance("m2")],
    ),
    Activity(
        id="late-year",
        kind="inspection",
        title="视察",
        start=D(2023, 1, 3),
        attendance=[Attendance("m1")],
    ),
]
YEAR = Period.year(2022)


def test_totals_and_rates() -> None:
    stats = attendance_statistics(ACTIVITIES, YEAR)
    c = stats.counts
    assert (c.invited, c.attended, c.excused, c.unexcused, c.late, c.partial) == (6, 4, 1, 1, 1, 1)
    assert stats.attendance_rate.value == Fraction(2, 3)
    assert stats.excused_rate.percent() == "16.67%"
    assert stats.unexcused_rate.value == Fraction(1, 6)
    # half-days: plenary 6 each for 4 invited (24) + 1 each for 2 (2); attended 6 + 2 + 1 + 1
    assert (c.half_days_invited, c.half_days_attended) == (26, 10)


def test_by_kind_member_and_activity() -> None:
    by_kind = attendance_statistics_by(ACTIVITIES, YEAR, "会议类别")
    assert set(by_kind) == {"plenary", "standing_committee_meeting"}
    assert by_kind["standing_committee_meeting"].attendance_rate.percent() == "100.00%"
    by_member = attendance_statistics_by(ACTIVITIES, YEAR, AttendanceGrouping.MEMBER)
    assert by_member["m1"].counts.invited == 2
    assert by_member["m3"].counts.attended == 0
    plenary_only = attendance_statistics_by(
        ACTIVITIES, YEAR, AttendanceGrouping.MEMBER, kinds=[ActivityKind.PLENARY]
    )
    assert plenary_only["m2"].counts.excused == 1
    assert "m2" in plenary_only
    one = attendance_statistics(ACTIVITIES, Period.year(2023), member_id="m1")
    assert one.counts.invited == 1
    nobody = attendance_statistics(ACTIVITIES, Period.year(2021))
    assert nobody.attendance_rate.percent() == "—"
    by_activity = attendance_statistics_by(ACTIVITIES, YEAR, "activity")
    assert list(by_activity) == ["plenary", "sc1"]
