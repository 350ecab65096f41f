"""Meetings and other activities, and who attended them.

An :class:`Activity` is anything a member can take part in: a plenary session, a standing-
committee meeting, a consultation of each kind, an inspection, a research trip, training, a
group activity … Its roll call is a tuple of :class:`Attendance` entries, one per member invited
or present. Activities that run over several half-days carry ``half_days`` so rules that count
half-day units (闵行: one point per half-day of plenary) can do so.
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import _checks as check
from cppcc_model.model._checks import MAX_WHOLE
from cppcc_model.model.organizations import BodyRef

__all__ = ["Activity", "ActivityKind", "Attendance", "AttendanceStatus", "ParticipationRole"]


class ActivityKind(LabeledEnum, kind_label="活动类别 (kind of activity)"):
    """What kind of activity a member took part in."""

    PLENARY = ("plenary", "全体会议", "全会", "大会")
    STANDING_COMMITTEE_MEETING = ("standing_committee_meeting", "常委会议", "常委会")
    CHAIRPERSONS_MEETING = ("chairpersons_meeting", "主席会议")
    TOPICAL_CONSULTATION = ("topical_consultation", "专题协商")
    COUNTERPART_CONSULTATION = ("counterpart_consultation", "对口协商")
    SECTOR_CONSULTATION = ("sector_consultation", "界别协商")
    PROPOSAL_HANDLING_CONSULTATION = ("proposal_handling_consultation", "提案办理协商")
    CONSULTATION = ("consultation", "协商", "协商议政", "民生议事堂")
    INSPECTION = ("inspection", "视察")
    RESEARCH = ("research", "调研", "考察")
    DEMOCRATIC_SUPERVISION = ("democratic_supervision", "民主监督")
    TRAINING = ("training", "培训", "学习培训")
    STUDY = ("study", "学习", "集体学习", "学习座谈")
    SEMINAR = ("seminar", "座谈", "座谈会", "研讨会")
    GROUP_ACTIVITY = ("group_activity", "活动组活动", "小组活动")
    SPECIAL_COMMITTEE_ACTIVITY = ("special_committee_activity", "专委会活动")
    PARTY_BRANCH_ACTIVITY = ("party_branch_activity", "党支部活动", "主题党日")
    PUBLIC_SERVICE = ("public_service", "公益活动", "志愿服务")
    OTHER = ("other", "其他活动", "其他")


class AttendanceStatus(LabeledEnum, kind_label="出勤状态 (attendance status)"):
    """How a member answered a roll call.

    请假未批准 (leave asked, not approved) is recorded as what it was, and counted as 无故缺席
    (unexcused) by every rule that does not name it (:attr:`counted_as`).
    """

    PRESENT = ("present", "出席", "参加", "到会", "全勤")
    EXCUSED = ("excused", "请假", "请假批准", "excused_leave", "因公请假")
    UNEXCUSED = ("unexcused", "无故缺席", "缺席", "未请假缺席", "absent")
    LATE = ("late", "迟到")
    LEFT_EARLY = ("left_early", "早退")
    PARTIAL = ("partial", "部分出席", "部分参加")
    LEAVE_NOT_APPROVED = ("leave_not_approved", "请假未批准", "请假未准", "请假未获批准")

    @property
    def attended(self) -> bool:
        """Whether the member was there at all (present, late, left early or partly)."""
        return self not in (
            AttendanceStatus.EXCUSED,
            AttendanceStatus.UNEXCUSED,
            AttendanceStatus.LEAVE_NOT_APPROVED,
        )

    @property
    def counted_as(self) -> AttendanceStatus:
        """How rules count it when they do not name it: 请假未批准 counts as 无故缺席."""
        if self is AttendanceStatus.LEAVE_NOT_APPROVED:
            return AttendanceStatus.UNEXCUSED
        return self


class ParticipationRole(LabeledEnum, kind_label="参与角色 (participation role)"):
    """The part a member played in an activity."""

    PARTICIPANT = ("participant", "参加", "参与")
    LEAD = ("lead", "牵头", "主持", "负责")
    SPEAKER = ("speaker", "发言")


def _to_attendance_status(value: AttendanceStatus | str) -> AttendanceStatus:
    return AttendanceStatus.parse(value)


def _to_participation_role(value: ParticipationRole | str) -> ParticipationRole:
    return ParticipationRole.parse(value)


def _to_activity_kind(value: ActivityKind | str) -> ActivityKind:
    return ActivityKind.parse(value)


@attrs.frozen
class Attendance:
    """One member's entry on an activity's roll call.

    ``half_days`` is how many half-day units the member attended, where it differs from the
    activity's (partial attendance); ``None`` means all of them if the member attended and none
    otherwise.
    """

    member_id: str = attrs.field(validator=check.identifier)
    status: AttendanceStatus = attrs.field(
        default=AttendanceStatus.PRESENT, converter=_to_attendance_status
    )
    role: ParticipationRole = attrs.field(
        default=ParticipationRole.PARTICIPANT, converter=_to_participation_role
    )
    half_days: int | None = attrs.field(default=None)

    @half_days.validator
    def _check_half_days(self, attribute: attrs.Attribute[object], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_WHOLE:
            raise InvalidValueError(
                f"Attendance.half_days: must be a whole number of at least 0 and at most "
                f"{MAX_WHOLE:,}, got {value!r}",
                where=Location(record_id=self.member_id),
                hint="count the half-day units the member attended",
            )


def _attendance(value: object) -> tuple[Attendance, ...]:
    return tuple(check.to_tuple(value))  # type: ignore[arg-type]


@attrs.frozen
class Activity:
    """A meeting or activity with its roll call.

    ``start``/``end`` are the first and last day (``end`` ``None`` for a one-day activity);
    ``half_days`` is its length in half-day units; ``organiser`` is the body that ran it (rules
    can restrict which organisers count); ``session_id`` ties a plenary to its session (``"5-4"``).
    """

    id: str = attrs.field(validator=check.identifier)
    kind: ActivityKind = attrs.field(converter=_to_activity_kind)
    title: str = attrs.field(validator=check.text)
    start: dt.date = attrs.field(validator=check.date)
    end: dt.date | None = attrs.field(default=None, validator=check.not_before("start"))
    half_days: int = attrs.field(default=1, validator=check.positive_int)
    organiser: BodyRef | None = attrs.field(default=None)
    session_id: str | None = attrs.field(default=None, validator=check.optional_identifier)
    attendance: tuple[Attendance, ...] = attrs.field(default=(), converter=_attendance)

    @attendance.validator
    def _check_attendance(
        self, attribute: attrs.Attribute[object], value: tuple[object, ...]
    ) -> None:
        seen: set[str] = set()
        for entry in value:
            if not isinstance(entry, Attendance):
                raise InvalidValueError(
                    f"Activity.attendance: {entry!r} is not an attendance entry",
                    where=Location(record_id=self.id),
                    hint="give each entry as Attendance(member_id, status)",
                )
            if entry.member_id in seen:
                raise InvalidValueError(
                    f"Activity.attendance: member {entry.member_id!r} is on the roll call twice",
                    where=Location(record_id=self.id),
                    hint="keep one entry per member",
                )
            if entry.half_days is not None and entry.half_days > self.half_days:
                raise InvalidValueError(
                    f"Activity.attendance: member {entry.member_id!r} attended "
                    f"{entry.half_days} half-days of an activity that has {self.half_days}",
                    where=Location(record_id=self.id),
                    hint="a member cannot attend more half-days than the activity has",
                )
            seen.add(entry.member_id)

    @property
    def last_day(self) -> dt.date:
        """The last day of the activity."""
        return self.end if self.end is not None else self.start

    def entry_for(self, member_id: str) -> Attendance | None:
        """The roll-call entry of ``member_id``, if there is one."""
        for entry in self.attendance:
            if entry.member_id == member_id:
                return entry
        return None

    def half_days_attended(self, entry: Attendance) -> int:
        """How many half-day units ``entry``'s member attended."""
        if entry.half_days is not None:
            return entry.half_days
        return self.half_days if entry.status.attended else 0
